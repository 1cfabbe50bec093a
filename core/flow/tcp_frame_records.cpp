// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow/tcp_frame_records.h"

#include <algorithm>
#include <limits>

namespace seqscope {

namespace {

constexpr std::uint16_t kHasTaBit = 0x8000;
constexpr std::uint8_t kDenseBif = 0x40, kDenseAck = 0x80, kComplMask = 0x3f;
constexpr std::uint8_t kShiftMask = 0x1f, kHasSide = 0x20;

}  // namespace

void TcpFrameRecords::add(FrameNumber frame, const TcpAnalysis& a) {
    Dense d{};
    d.stream = a.stream.value;
    d.rel_seq = a.rel_seq;
    d.ack_shown = a.ack_shown;
    d.flags = static_cast<std::uint16_t>((a.flags & 0x7fffu) | (a.has_ta ? kHasTaBit : 0));
    d.completeness = static_cast<std::uint8_t>(a.completeness & kComplMask);
    d.shift = static_cast<std::uint8_t>((a.win_shift + 2) & kShiftMask);

    const bool has_bif = a.bytes_in_flight != 0 || a.push_bytes_sent != 0;
    const bool has_ack = a.acks_frame != 0;
    // An RTT that fits in 32 bits of nanoseconds (4.29 s); -1 (absent) and 0 never
    // occur together with a match, so 0 encodes "absent" here.
    const bool rtt_fits = a.ack_rtt_ns == -1 || (a.ack_rtt_ns > 0 && a.ack_rtt_ns <= std::numeric_limits<std::uint32_t>::max());
    const bool rare = a.dup_ack_num != 0 || a.dup_ack_frame != 0 || a.rto_ns != -1 || a.rto_frame != 0;
    if (rare || (has_bif && has_ack) || (has_ack && !rtt_fits)) {
        d.shift |= kHasSide;
        Side s;
        s.frame = frame.value;
        s.acks_frame = a.acks_frame;
        s.ack_rtt_ns = a.ack_rtt_ns;
        s.bytes_in_flight = a.bytes_in_flight;
        s.push_bytes_sent = a.push_bytes_sent;
        s.dup_ack_num = a.dup_ack_num;
        s.dup_ack_frame = a.dup_ack_frame;
        s.rto_ns = a.rto_ns;
        s.rto_frame = a.rto_frame;
        side_.push_back(s);
        side_.publish();
    } else if (has_bif) {
        d.completeness |= kDenseBif;
        d.a = a.bytes_in_flight;
        d.b = a.push_bytes_sent;
    } else if (has_ack) {
        d.completeness |= kDenseAck;
        d.a = a.acks_frame;
        d.b = a.ack_rtt_ns == -1 ? 0 : static_cast<std::uint32_t>(a.ack_rtt_ns);
    }
    dense_.push_back(d);
    dense_.publish();
    slots_.add(frame.value);
}

std::optional<TcpAnalysis> TcpFrameRecords::get(FrameNumber frame) const {
    const auto slot = slots_.slot(frame.value);
    if (!slot || *slot >= dense_.size()) return std::nullopt;
    const Dense& d = dense_[*slot];
    TcpAnalysis a;
    a.stream = TcpStreamId{d.stream};
    a.has_stream = true;
    a.rel_seq = d.rel_seq;
    a.ack_shown = d.ack_shown;
    a.flags = d.flags & 0x7fffu;
    a.has_ta = (d.flags & kHasTaBit) != 0;
    a.completeness = d.completeness & kComplMask;
    a.win_shift = static_cast<std::int8_t>((d.shift & kShiftMask) - 2);
    if (d.completeness & kDenseBif) {
        a.bytes_in_flight = d.a;
        a.push_bytes_sent = d.b;
    } else if (d.completeness & kDenseAck) {
        a.acks_frame = d.a;
        a.ack_rtt_ns = d.b == 0 ? -1 : static_cast<std::int64_t>(d.b);
    } else if (d.shift & kHasSide) {
        // Side entries are in frame order: binary search the published prefix.
        std::size_t lo = 0, hi = side_.size();
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (side_[mid].frame < frame.value) lo = mid + 1;
            else hi = mid;
        }
        if (lo < side_.size() && side_[lo].frame == frame.value) {
            const Side& s = side_[lo];
            a.acks_frame = s.acks_frame;
            a.ack_rtt_ns = s.ack_rtt_ns;
            a.bytes_in_flight = s.bytes_in_flight;
            a.push_bytes_sent = s.push_bytes_sent;
            a.dup_ack_num = s.dup_ack_num;
            a.dup_ack_frame = s.dup_ack_frame;
            a.rto_ns = s.rto_ns;
            a.rto_frame = s.rto_frame;
        }
    }
    return a;
}

void TcpFrameRecords::add_quoted(FrameNumber frame, const TcpAnalysis& a) {
    quoted_.push_back({frame.value, a.stream.value, a.rel_seq, a.ack_shown, a.completeness, a.win_shift});
}

std::optional<TcpAnalysis> TcpFrameRecords::get_quoted(FrameNumber frame) const {
    // The last quoted header of a frame wins (one per frame in practice).
    auto it = std::upper_bound(quoted_.begin(), quoted_.end(), frame.value,
                               [](std::uint32_t f, const Quoted& q) { return f < q.frame; });
    if (it == quoted_.begin() || std::prev(it)->frame != frame.value) return std::nullopt;
    const Quoted& q = *std::prev(it);
    TcpAnalysis a;
    a.stream = TcpStreamId{q.stream};
    a.has_stream = true;
    a.rel_seq = q.rel_seq;
    a.ack_shown = q.ack_shown;
    a.completeness = q.completeness;
    a.win_shift = q.win_shift;
    return a;
}

std::size_t TcpFrameRecords::memory_bytes() const {
    return slots_.memory_bytes() + dense_.memory_bytes() + side_.memory_bytes() + quoted_.capacity() * sizeof(Quoted);
}

}  // namespace seqscope
