// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/live_capture.h"

#include "capture/pcapng_writer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pcap/pcap.h>
#include <unistd.h>

#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace seqscope {

struct LiveCapture::Handle {
    pcap_t* pcap = nullptr;
    ~Handle() {
        if (pcap != nullptr) pcap_close(pcap);
    }
};

// libpcap calls plain C functions; this one forwards to the capture object.
struct LiveCaptureCallbacks {
    static void on_packet(u_char* user, const pcap_pkthdr* h, const u_char* bytes) {
        auto* self = reinterpret_cast<LiveCapture*>(user);
        const std::int64_t frac = self->nanosecond_ts_ ? h->ts.tv_usec : std::int64_t{h->ts.tv_usec} * 1000;
        self->handle_packet(std::int64_t{h->ts.tv_sec} * 1'000'000'000 + frac, h->len, Bytes(bytes, h->caplen));
    }
};

namespace {

std::string own_executable() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return "/path/to/seqscope";
    return std::string(buf, static_cast<std::size_t>(n));
}

// pcap_activate's failures as sentences a user can act on.
std::string activate_error(int rc, const std::string& iface, pcap_t* p) {
    const std::string detail = pcap_geterr(p);
    switch (rc) {
    case PCAP_ERROR_PERM_DENIED:
    case PCAP_ERROR_PROMISC_PERM_DENIED:
        return "You don't have permission to capture on " + iface +
               ": run as root or give the binary CAP_NET_RAW and CAP_NET_ADMIN with "
               "setcap cap_net_raw,cap_net_admin=eip " + own_executable() + " (as root, once). (" + detail + ")";
    case PCAP_ERROR_NO_SUCH_DEVICE:
        return "There is no interface called " + iface + " to capture on (" + detail + ").";
    case PCAP_ERROR_IFACE_NOT_UP:
        return "The interface " + iface + " is down; bring it up (ip link set " + iface + " up) and try again.";
    default:
        return "Couldn't start capturing on " + iface + ": " + detail + ".";
    }
}

std::string temp_pcapng_path(const std::string& iface, std::string& error) {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/seqscope-" +
                       (iface.empty() ? std::string("capture") : iface) + "-XXXXXX.pcapng";
    const int fd = ::mkstemps(tmpl.data(), 7);
    if (fd < 0) {
        error = "Couldn't create a temporary file for the capture (" + tmpl + ").";
        return {};
    }
    ::close(fd);
    return tmpl;
}

}  // namespace

std::vector<CaptureInterface> list_capture_interfaces(std::string& error) {
    std::vector<CaptureInterface> out;
    pcap_if_t* all = nullptr;
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    if (pcap_findalldevs(&all, errbuf) != 0) {
        error = std::string("Couldn't list the capture interfaces: ") + errbuf + ".";
        return out;
    }
    for (pcap_if_t* d = all; d != nullptr; d = d->next) {
        CaptureInterface ci;
        ci.name = d->name;
        if (d->description != nullptr) ci.description = d->description;
        ci.loopback = (d->flags & PCAP_IF_LOOPBACK) != 0;
        ci.up = (d->flags & PCAP_IF_UP) != 0;
        for (const pcap_addr_t* a = d->addresses; a != nullptr; a = a->next) {
            char text[INET6_ADDRSTRLEN] = {};
            if (a->addr == nullptr) continue;
            if (a->addr->sa_family == AF_INET)
                ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(a->addr)->sin_addr, text, sizeof text);
            else if (a->addr->sa_family == AF_INET6)
                ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(a->addr)->sin6_addr, text, sizeof text);
            if (text[0] != '\0') ci.addresses.emplace_back(text);
        }
        out.push_back(std::move(ci));
    }
    pcap_freealldevs(all);
    return out;
}

LiveCapture::LiveCapture() = default;
LiveCapture::~LiveCapture() { stop(); }

bool LiveCapture::start(const LiveCaptureOptions& options, std::string& error) {
    stop();
    options_ = options;
    permission_denied_ = false;
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    auto handle = std::make_unique<Handle>();
    handle->pcap = pcap_create(options.interface.c_str(), errbuf);
    if (handle->pcap == nullptr) {
        error = "Couldn't open " + options.interface + " for capturing: " + errbuf + ".";
        return false;
    }
    pcap_t* p = handle->pcap;
    pcap_set_snaplen(p, options.snap_len);
    pcap_set_promisc(p, options.promiscuous ? 1 : 0);
    pcap_set_timeout(p, options.timeout_ms);
    // Not immediate mode: on Linux that means TPACKET_V2 with one ring slot per
    // snap length, so at the default 256 KiB snap length a 2 MB buffer holds 8
    // packets and a burst on lo overflows it (16 of 60 datagrams kept, measured).
    // Buffered TPACKET_V3 blocks, as tcpdump uses, reach us when full or after the
    // read timeout (timeout_ms), which also bounds how soon stop() is noticed.
    if (options.buffer_bytes > 0) pcap_set_buffer_size(p, options.buffer_bytes);
    const bool asked_ns = pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO) == 0;
    const int rc = pcap_activate(p);
    if (rc < 0) {
        permission_denied_ = rc == PCAP_ERROR_PERM_DENIED || rc == PCAP_ERROR_PROMISC_PERM_DENIED;
        error = activate_error(rc, options.interface, p);
        return false;
    }
    nanosecond_ts_ = asked_ns && pcap_get_tstamp_precision(p) == PCAP_TSTAMP_PRECISION_NANO;
    if (options.after_open) options.after_open();

    if (!options.filter.empty()) {
        bpf_program program{};
        if (pcap_compile(p, &program, options.filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
            error = "The capture filter \"" + options.filter + "\" isn't valid: " + pcap_geterr(p) + ".";
            return false;
        }
        const int set = pcap_setfilter(p, &program);
        pcap_freecode(&program);
        if (set != 0) {
            error = "Couldn't apply the capture filter \"" + options.filter + "\": " + pcap_geterr(p) + ".";
            return false;
        }
    }

    // On Linux the DLT_ values libpcap reports for real interfaces (EN10MB, LINUX_SLL,
    // LINUX_SLL2, RAW on tun devices) equal their LINKTYPE_ numbers in files.
    iface_ = InterfaceInfo{};
    iface_.link_type = static_cast<std::uint32_t>(pcap_datalink(p));
    iface_.snap_len = static_cast<std::uint32_t>(pcap_snapshot(p));
    iface_.ts_digits = 9;
    iface_.name = options.interface;

    pcapng_path_ = options.pcapng_path.empty() ? temp_pcapng_path(options.interface, error) : options.pcapng_path;
    if (pcapng_path_.empty()) return false;
    files_.clear();
    file_number_ = 0;
    // A ring needs a named file to number; a temporary file or stdout is one file.
    ring_ = options.ring_file_bytes > 0 && !options.pcapng_path.empty() && options.pcapng_path != "-";
    if (ring_) {
        ::unlink(pcapng_path_.c_str());  // the ring's files carry numbers; no empty file by the given name
    }
    if (!open_file(error)) return false;

    received_ = written_ = queue_drops_ = kernel_drops_ = interface_drops_ = 0;
    limit_reached_.store(false, std::memory_order_relaxed);
    {
        std::lock_guard lock(queue_mutex_);
        queue_.clear();
        thread_error_.reset();
    }
    handle_ = std::move(handle);
    running_.store(true, std::memory_order_release);
    thread_ = std::jthread([this](const std::stop_token& st) { run(st); });
    return true;
}

std::string LiveCapture::ring_file_name() const {
    // dumpcap's names: out.pcapng -> out_00001_20261207233940.pcapng
    const std::string& base = options_.pcapng_path;
    const std::size_t slash = base.rfind('/');
    const std::size_t dot = base.rfind('.');
    const bool has_ext = dot != std::string::npos && (slash == std::string::npos || dot > slash);
    const std::string stem = has_ext ? base.substr(0, dot) : base;
    const std::string ext = has_ext ? base.substr(dot) : std::string(".pcapng");
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::localtime_r(&now, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y%m%d%H%M%S", &tm);
    char number[16];
    std::snprintf(number, sizeof number, "%05u", file_number_);
    return stem + "_" + number + "_" + when + ext;
}

bool LiveCapture::open_file(std::string& error) {
    ++file_number_;
    const std::string path = ring_ ? ring_file_name() : pcapng_path_;
    auto writer = PcapngWriter::create(path, error);
    if (!writer) return false;
    writer->add_interface(iface_.link_type, iface_.snap_len, iface_.name);
    std::lock_guard lock(queue_mutex_);
    writer_ = std::move(writer);
    files_.push_back(path);
    // The ring keeps the newest files only.
    while (ring_ && options_.ring_files > 0 && files_.size() > options_.ring_files) {
        ::unlink(files_.front().c_str());
        files_.erase(files_.begin());
    }
    return true;
}

void LiveCapture::handle_packet(std::int64_t ts_ns, std::uint32_t wire_len, Bytes data) {
    // A stop condition met earlier in this batch: what libpcap still hands over is
    // neither counted nor kept, so -c N means exactly N.
    if (limit_reached_.load(std::memory_order_relaxed)) return;
    received_.fetch_add(1, std::memory_order_relaxed);
    // The file first: whatever happens to the queue, the packet is kept.
    if (writer_->write_packet(0, ts_ns, data, wire_len)) written_.fetch_add(1, std::memory_order_relaxed);
    const std::uint64_t bytes = writer_->bytes_written();
    if ((options_.max_packets > 0 && written_.load(std::memory_order_relaxed) >= options_.max_packets) ||
        (options_.max_file_bytes > 0 && bytes >= options_.max_file_bytes)) {
        limit_reached_.store(true, std::memory_order_relaxed);
        pcap_breakloop(handle_->pcap);
    } else if (ring_ && bytes >= options_.ring_file_bytes) {
        std::string error;
        writer_->close();
        if (!open_file(error)) {
            std::lock_guard lock(queue_mutex_);
            thread_error_ = error;
            limit_reached_.store(true, std::memory_order_relaxed);
            pcap_breakloop(handle_->pcap);
            return;
        }
    }
    if (options_.queue_capacity == 0) return;
    std::lock_guard lock(queue_mutex_);
    if (queue_.size() >= options_.queue_capacity) {
        queue_drops_.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    CapturedPacket& pkt = queue_.emplace_back();
    pkt.ts_ns = ts_ns;
    pkt.wire_len = wire_len;
    pkt.data.assign(data.begin(), data.end());
    ++queued_this_batch_;
}

void LiveCapture::update_kernel_stats() {
    pcap_stat st{};
    if (handle_ && pcap_stats(handle_->pcap, &st) == 0) {
        kernel_drops_.store(st.ps_drop, std::memory_order_relaxed);
        interface_drops_.store(st.ps_ifdrop, std::memory_order_relaxed);
    }
}

void LiveCapture::run(const std::stop_token& stop) {
    using Clock = std::chrono::steady_clock;
    auto last_stats = Clock::now();
    std::optional<std::string> failure;
    for (;;) {
        // One more read after stop() was asked for: the kernel hands over its last,
        // partly filled block only when the read timeout retires it, and those
        // packets were captured before the stop.
        const bool stopping = stop.stop_requested();
        queued_this_batch_ = 0;
        const int n = pcap_dispatch(handle_->pcap, -1, &LiveCaptureCallbacks::on_packet,
                                    reinterpret_cast<u_char*>(this));
        if (n == PCAP_ERROR_BREAK || limit_reached_.load(std::memory_order_relaxed)) break;
        if (n == PCAP_ERROR) {
            failure = "Capturing on " + options_.interface + " stopped: " + pcap_geterr(handle_->pcap) + ".";
            break;
        }
        if (!writer_->flush()) {
            failure = writer_->error() + " The capture stopped.";
            break;
        }
        // pcap_stats is not safe to call concurrently with pcap_dispatch, so the
        // capture thread itself samples it, a few times a second.
        if (Clock::now() - last_stats > std::chrono::milliseconds(250)) {
            update_kernel_stats();
            last_stats = Clock::now();
        }
        if (queued_this_batch_ > 0) {
            queue_cv_.notify_all();
            if (options_.on_batch) options_.on_batch();
        }
        if (stopping) break;
    }
    update_kernel_stats();
    writer_->flush();
    {
        std::lock_guard lock(queue_mutex_);
        if (failure) thread_error_ = failure;
        running_.store(false, std::memory_order_release);
    }
    queue_cv_.notify_all();
    if (options_.on_batch) options_.on_batch();
}

void LiveCapture::stop() {
    if (thread_.joinable()) {
        // The thread's last read takes the packets still in the kernel's current
        // block: the kernel hands it over within a read timeout. A block with no
        // packet never times out, so an idle thread is woken with pcap_breakloop
        // (libpcap 1.10 wakes its poll) once that time has passed: nothing is lost then.
        thread_.request_stop();
        {
            std::unique_lock lock(queue_mutex_);
            queue_cv_.wait_for(lock, std::chrono::milliseconds(2 * options_.timeout_ms + 50),
                               [&] { return !running_.load(std::memory_order_acquire); });
        }
        if (running_.load(std::memory_order_acquire)) pcap_breakloop(handle_->pcap);
        thread_.join();
    }
    running_.store(false, std::memory_order_release);
    handle_.reset();
    if (writer_) {
        writer_->close();
        writer_.reset();
    }
}

std::size_t LiveCapture::drain(std::vector<CapturedPacket>& out, std::size_t max) {
    std::lock_guard lock(queue_mutex_);
    std::size_t n = 0;
    while (n < max && !queue_.empty()) {
        out.push_back(std::move(queue_.front()));
        queue_.pop_front();
        ++n;
    }
    return n;
}

bool LiveCapture::wait_for_packets(int timeout_ms) {
    std::unique_lock lock(queue_mutex_);
    return queue_cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [&] {
        return !queue_.empty() || !running_.load(std::memory_order_acquire);
    }) && !queue_.empty();
}

void LiveCapture::append_to_store(PacketStore& store, std::uint16_t interface,
                                  const std::vector<CapturedPacket>& packets) {
    for (const CapturedPacket& pkt : packets) {
        PacketRecord r;
        r.ts_ns = pkt.ts_ns;
        r.wire_len = pkt.wire_len;
        r.interface = interface;
        store.append_copy(r, Bytes(pkt.data));
    }
}

LiveCaptureStats LiveCapture::stats() const {
    LiveCaptureStats s;
    s.received = received_.load(std::memory_order_relaxed);
    s.written = written_.load(std::memory_order_relaxed);
    s.queue_drops = queue_drops_.load(std::memory_order_relaxed);
    s.kernel_drops = kernel_drops_.load(std::memory_order_relaxed);
    s.interface_drops = interface_drops_.load(std::memory_order_relaxed);
    return s;
}

std::string LiveCapture::pcapng_path() const {
    std::lock_guard lock(queue_mutex_);
    return files_.empty() ? pcapng_path_ : files_.back();
}

std::vector<std::string> LiveCapture::files() const {
    std::lock_guard lock(queue_mutex_);
    return files_;
}

std::optional<std::string> LiveCapture::thread_error() const {
    std::lock_guard lock(queue_mutex_);
    return thread_error_;
}

}  // namespace seqscope
