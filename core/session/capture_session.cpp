// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/capture_session.h"

#include <algorithm>
#include <thread>

namespace seqscope {

CaptureSession::CaptureSession() : flows_(std::make_unique<FlowState>()) {}
CaptureSession::~CaptureSession() = default;

bool CaptureSession::open_file(const std::string& path, std::string& error) {
    reader_ = CaptureFileReader::open(path, error);
    return reader_ != nullptr;
}

FrameInput CaptureSession::frame_input(std::size_t index) const {
    FrameInput in;
    fill_frame_input(index, in, false);
    return in;
}

void CaptureSession::fill_frame_input(std::size_t index, FrameInput& in, bool reuse_interface) const {
    in.number = FrameNumber{static_cast<std::uint32_t>(index + 1)};
    in.record = store_.record(index);
    in.data = store_.bytes(in.record);
    // Interfaces never change once added: a loader filling one FrameInput packet
    // after packet skips the locked copy while the interface stays the same.
    if (!reuse_interface || in.interface_id != in.record.interface) {
        const InterfaceInfo iface = store_.interface(in.record.interface);
        in.link_type = iface.link_type;
        in.interface_name = iface.name;
        in.interface_id = in.record.interface;
        in.ts_digits = iface.ts_digits;
    }
    in.first_ts_ns = store_.first_ts_ns();
    if (in.record.flags & PacketRecord::kHasComment) in.comments = store_.comments(index);
    else in.comments.clear();
}

std::size_t CaptureSession::load_batch(std::size_t max_packets, const PacketCallback* callback) {
    std::lock_guard rl(reader_mutex_);
    if (!reader_) return 0;
    const std::size_t first = store_.size();
    const std::size_t n = reader_->read_batch(store_, max_packets);
    FieldTree tree(callback != nullptr && callback->want_labels);
    Columns columns;
    FrameInput in;
    // The flow lock is held for slices of packets, not the whole batch, so a reader
    // (the GUI formatting rows) waits for one slice at most.
    constexpr std::size_t kLockSlice = 64;
    for (std::size_t i = first; i < first + n;) {
        const std::size_t end = std::min(first + n, i + kLockSlice);
        {
            std::lock_guard fl(flow_mutex_);
            for (; i < end; ++i) {
                fill_frame_input(i, in, i != first);
                FieldTree* t = nullptr;
                Columns* c = nullptr;
                if (callback != nullptr && callback->want_tree) { tree.clear(); t = &tree; }
                if (callback != nullptr && callback->want_columns) { columns = Columns{}; c = &columns; }
                const PacketView view = dissect_frame(in, *flows_, DissectMode::Track, t, c);
                if (callback != nullptr && callback->fn) callback->fn(i, in, view, t, c);
            }
            // Readers see a packet only once pass one has analysed it.
            store_.publish(end);
        }
        yield_to_readers();
    }
    return n;
}

std::lock_guard<std::mutex> CaptureSession::lock_flows_for_reading() const {
    readers_waiting_.fetch_add(1, std::memory_order_acq_rel);
    flow_mutex_.lock();
    readers_waiting_.fetch_sub(1, std::memory_order_acq_rel);
    return std::lock_guard<std::mutex>(flow_mutex_, std::adopt_lock);
}

void CaptureSession::yield_to_readers() const {
    // Bounded, so a reader that keeps coming back cannot stop loading altogether.
    for (int i = 0; i < 1000 && readers_waiting_.load(std::memory_order_acquire) > 0; ++i) std::this_thread::yield();
}

bool CaptureSession::load_done() const {
    std::lock_guard rl(reader_mutex_);
    return !reader_ || reader_->at_end();
}

double CaptureSession::load_progress() const {
    std::lock_guard rl(reader_mutex_);
    if (!reader_ || reader_->file_size() == 0) return 1.0;
    return static_cast<double>(reader_->position()) / static_cast<double>(reader_->file_size());
}

std::optional<CaptureFileError> CaptureSession::load_error() const {
    std::lock_guard rl(reader_mutex_);
    return reader_ ? reader_->error() : std::nullopt;
}

PacketView CaptureSession::dissect(std::size_t index, FieldTree* tree, Columns* columns) const {
    const FrameInput in = frame_input(index);
    const std::lock_guard fl = lock_flows_for_reading();
    return dissect_frame(in, *flows_, DissectMode::Replay, tree, columns);
}

std::size_t CaptureSession::memory_bytes() const {
    std::lock_guard fl(flow_mutex_);
    return store_.memory_bytes() + flows_->memory_bytes();
}

}  // namespace seqscope
