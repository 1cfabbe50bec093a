// SPDX-License-Identifier: GPL-3.0-or-later
// One open capture: the packet store, the flow state of pass one, and pass two on
// demand. A loader (the CLI's loop, or the GUI's loader thread) calls load_batch()
// until done; readers on other threads call packet_count() and dissect() at any
// time and see the packets analysed so far.
#pragma once

#include "capture/capture_file.h"
#include "decode/dissector.h"
#include "flow/flow_state.h"
#include "store/packet_store.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace seqscope {

class CaptureSession {
public:
    CaptureSession();
    ~CaptureSession();

    // Opens a capture file; false with a sentence in `error` if it cannot be read.
    bool open_file(const std::string& path, std::string& error);

    // Called for each packet as pass one analyses it, with the tree and columns
    // that were asked for (the CLI prints from here, so it never runs pass two).
    struct PacketCallback {
        std::function<void(std::size_t index, const FrameInput&, const PacketView&, const FieldTree*, const Columns*)> fn;
        bool want_tree = false;
        bool want_labels = false;
        bool want_columns = false;
    };
    // Reads and analyses up to `max_packets`; returns how many. Publishes them.
    std::size_t load_batch(std::size_t max_packets, const PacketCallback* callback = nullptr);
    [[nodiscard]] bool load_done() const;
    // Fraction of the file read, 0..1.
    [[nodiscard]] double load_progress() const;
    // The file's damage, if reading stopped early (every packet before it is kept).
    [[nodiscard]] std::optional<CaptureFileError> load_error() const;

    [[nodiscard]] std::size_t packet_count() const { return store_.size(); }
    [[nodiscard]] const PacketStore& store() const { return store_; }
    [[nodiscard]] FrameInput frame_input(std::size_t index) const;

    // Pass two: re-decodes one analysed packet with the stored pass-one results.
    PacketView dissect(std::size_t index, FieldTree* tree, Columns* columns) const;

    // Runs `fn` with the flow state locked (readers of conversations, ladders...).
    template <typename Fn>
    auto with_flows(Fn&& fn) const {
        const std::lock_guard lock = lock_flows_for_reading();
        return fn(static_cast<const FlowState&>(*flows_));
    }

    [[nodiscard]] std::size_t memory_bytes() const;

private:
    // Readers take the flow lock through here: pass one sees them waiting and lets
    // them in between its slices instead of taking the lock straight back.
    [[nodiscard]] std::lock_guard<std::mutex> lock_flows_for_reading() const;
    void yield_to_readers() const;

    // frame_input() into an existing FrameInput; `reuse_interface` keeps its
    // interface fields when the record's interface is the one already there.
    void fill_frame_input(std::size_t index, FrameInput& in, bool reuse_interface) const;

    PacketStore store_;
    std::unique_ptr<CaptureFileReader> reader_;
    std::unique_ptr<FlowState> flows_;
    mutable std::mutex flow_mutex_;  // pass one writes flows_, pass two reads them
    mutable std::atomic<int> readers_waiting_{0};
    mutable std::mutex reader_mutex_;
};

}  // namespace seqscope
