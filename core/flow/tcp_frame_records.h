// SPDX-License-Identifier: GPL-3.0-or-later
// The per-frame results of the TCP tracker, kept so pass two can replay any frame:
// a dense 24-byte record per top-level TCP segment (stream, relative numbers,
// flags, completeness, scale, and either bytes-in-flight or the acked frame), a
// sparse side table for what does not fit (a segment that both acks and carries
// counted data, dup-ack numbers, RTO, long RTTs), and a small table for
// ICMP-quoted headers so they never overwrite their frame's own segment.
// The iRTT is not stored per frame: it is the conversation's, shown from a frame on.
#pragma once

#include "flow/frame_slot_index.h"
#include "types/tcp_analysis.h"
#include "store/chunked_vector.h"
#include "util/strong_id.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace seqscope {

class TcpFrameRecords {
public:
    // Frames arrive in increasing order, each at most once per kind.
    void add(FrameNumber frame, const TcpAnalysis& a);
    void add_quoted(FrameNumber frame, const TcpAnalysis& a);
    // What add() stored (initial_rtt_ns left at -1: the caller knows the conversation).
    [[nodiscard]] std::optional<TcpAnalysis> get(FrameNumber frame) const;
    [[nodiscard]] std::optional<TcpAnalysis> get_quoted(FrameNumber frame) const;
    [[nodiscard]] std::size_t memory_bytes() const;

private:
    struct Dense {
        std::uint32_t stream;
        std::uint32_t rel_seq;
        std::uint32_t ack_shown;
        std::uint16_t flags;      // tcpa::* in bits 0-14, has_ta in bit 15
        std::uint8_t completeness;  // bits 0-5; bit 6: a/b hold bif/push; bit 7: a/b hold acks_frame/rtt
        std::uint8_t shift;       // bits 0-4: win_shift + 2; bit 5: the side table has the extras
        std::uint32_t a, b;
    };
    static_assert(sizeof(Dense) == 24);
    struct Side {
        std::uint32_t frame = 0;
        std::uint32_t acks_frame = 0;
        std::int64_t ack_rtt_ns = -1;
        std::uint32_t bytes_in_flight = 0, push_bytes_sent = 0;
        std::uint32_t dup_ack_num = 0, dup_ack_frame = 0;
        std::int64_t rto_ns = -1;
        std::uint32_t rto_frame = 0;
    };
    struct Quoted {
        std::uint32_t frame;
        std::uint32_t stream;
        std::uint32_t rel_seq, ack_shown;
        std::uint8_t completeness;
        std::int8_t win_shift;
    };

    FrameSlotIndex slots_;
    ChunkedVector<Dense> dense_;
    ChunkedVector<Side, 10, (1u << 15)> side_;  // sorted by frame
    std::vector<Quoted> quoted_;                 // sorted by frame; rare
};

}  // namespace seqscope
