// SPDX-License-Identifier: GPL-3.0-or-later
// Live capture with libpcap on one interface. A plain std::jthread runs
// pcap_dispatch with a read timeout; stop() asks it to end after one more read (so
// the kernel's last block is kept), wakes it if it idles, and joins. Every
// packet is first appended to a pcapng file (nothing captured is lost, whatever
// the analysis does), then offered to a bounded queue that counts what it had to
// drop. Kernel drops come from pcap_stats, read on the capture thread itself.
// A consumer (the GUI's drain timer, a test) takes packets with drain() and can be
// woken by the on_batch callback. No Qt here: ui/ adapts this.
#pragma once

#include "store/packet_store.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace seqscope {

class PcapngWriter;

struct LiveCaptureOptions {
    std::string interface;           // e.g. "lo", "eth0", "any"
    std::string filter;              // BPF capture filter (tcpdump syntax); empty: everything
    int snap_len = 262144;           // bytes kept per packet
    int timeout_ms = 100;            // pcap read timeout: how late packets may reach us, and stop() takes up to twice it
    int buffer_bytes = 0;            // kernel ring size; 0 keeps libpcap's default
    bool promiscuous = false;
    // Where every packet is written first. Empty: a new file in $TMPDIR (or /tmp),
    // named seqscope-<interface>-XXXXXX.pcapng; see LiveCapture::pcapng_path().
    std::string pcapng_path;
    // Packets waiting for the consumer; 0: no queue (file only, nothing counted as dropped).
    std::size_t queue_capacity = 1 << 16;
    // Called on the capture thread after each batch that queued packets. Keep it
    // cheap (post an event, notify a condition variable).
    std::function<void()> on_batch;
    // Called once the capture handle is open, before anything else happens: the
    // capture helper gives up its capabilities here.
    std::function<void()> after_open;
    // Stop conditions: after this many packets (exactly), or when the file reaches
    // this many bytes. 0: no limit. The capture ends by itself; running() turns false.
    std::uint64_t max_packets = 0;
    std::uint64_t max_file_bytes = 0;
    // Ring buffer: a new file each `ring_file_bytes` (0: one file), keeping the newest
    // `ring_files` (0: all). Files are named <stem>_<NNNNN>_<YYYYMMDDhhmmss><ext>,
    // as dumpcap names them, from pcapng_path.
    std::uint64_t ring_file_bytes = 0;
    std::uint32_t ring_files = 0;
};

struct CapturedPacket {
    std::int64_t ts_ns = 0;
    std::uint32_t wire_len = 0;
    std::vector<std::uint8_t> data;  // the captured bytes (cap_len = data.size())
};

struct LiveCaptureStats {
    std::uint64_t received = 0;         // packets libpcap handed to us
    std::uint64_t written = 0;          // packets appended to the pcapng file
    std::uint64_t queue_drops = 0;      // not queued because the consumer fell behind (still in the file)
    std::uint64_t kernel_drops = 0;     // pcap_stats ps_drop: lost before libpcap saw them
    std::uint64_t interface_drops = 0;  // pcap_stats ps_ifdrop
};

struct CaptureInterface {
    std::string name;
    std::string description;
    bool loopback = false;
    bool up = false;
    std::vector<std::string> addresses;  // IPv4 and IPv6, as text
};

// The interfaces libpcap can open (pcap_findalldevs); empty with `error` set on failure.
std::vector<CaptureInterface> list_capture_interfaces(std::string& error);

class LiveCapture {
public:
    LiveCapture();
    ~LiveCapture();  // stops the capture
    LiveCapture(const LiveCapture&) = delete;
    LiveCapture& operator=(const LiveCapture&) = delete;

    // Opens the interface, compiles and sets the filter, creates the pcapng file
    // and starts the capture thread. False with a sentence in `error` otherwise;
    // a missing permission is explained with the setcap command that grants it.
    bool start(const LiveCaptureOptions& options, std::string& error);
    // Ends the capture after one more read (the kernel's last block), joins the thread, reads the final statistics and
    // closes the pcapng file. Safe to call twice.
    void stop();
    [[nodiscard]] bool running() const { return running_.load(std::memory_order_acquire); }
    // True when the last start() failed for lack of capture permission.
    [[nodiscard]] bool permission_denied() const { return permission_denied_; }

    // Moves up to `max` queued packets into `out` (appended); returns how many.
    std::size_t drain(std::vector<CapturedPacket>& out, std::size_t max = SIZE_MAX);
    // Blocks until packets are queued, the capture stops, or `timeout_ms` passes.
    bool wait_for_packets(int timeout_ms);
    // Appends drained packets to a store with the interface from interface_info().
    static void append_to_store(PacketStore& store, std::uint16_t interface, const std::vector<CapturedPacket>& packets);

    [[nodiscard]] LiveCaptureStats stats() const;
    [[nodiscard]] InterfaceInfo interface_info() const { return iface_; }
    // The file being written (with a ring buffer, the current one).
    [[nodiscard]] std::string pcapng_path() const;
    // Every file written so far that still exists, oldest first.
    [[nodiscard]] std::vector<std::string> files() const;
    // The error that ended the capture thread early (interface went away, disk full).
    [[nodiscard]] std::optional<std::string> thread_error() const;

private:
    struct Handle;
    friend struct LiveCaptureCallbacks;  // libpcap's C callback, in the .cpp
    void handle_packet(std::int64_t ts_ns, std::uint32_t wire_len, Bytes data);
    void run(const std::stop_token& stop);
    void update_kernel_stats();
    bool open_file(std::string& error);  // the next file of the capture (the first, or the ring's next)
    std::string ring_file_name() const;

    std::unique_ptr<Handle> handle_;
    std::unique_ptr<PcapngWriter> writer_;
    LiveCaptureOptions options_;
    InterfaceInfo iface_;
    std::string pcapng_path_;
    std::vector<std::string> files_;  // guarded by queue_mutex_ once the thread runs
    std::uint32_t file_number_ = 0;
    bool ring_ = false;  // a ring buffer of numbered files (set by start())
    bool nanosecond_ts_ = false;
    bool permission_denied_ = false;

    std::atomic<bool> running_{false};
    std::atomic<bool> limit_reached_{false};  // a stop condition was met (capture thread sets it)
    std::atomic<std::uint64_t> received_{0}, written_{0}, queue_drops_{0}, kernel_drops_{0}, interface_drops_{0};
    mutable std::mutex queue_mutex_;
    std::condition_variable queue_cv_;
    std::deque<CapturedPacket> queue_;
    std::size_t queued_this_batch_ = 0;  // capture thread only
    std::optional<std::string> thread_error_;  // guarded by queue_mutex_
    std::jthread thread_;
};

}  // namespace seqscope
