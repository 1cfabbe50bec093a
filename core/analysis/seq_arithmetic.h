// SPDX-License-Identifier: GPL-3.0-or-later
// The seq/ack arithmetic as data, for the ladder, the details pane and `-V`:
// why each segment's next sequence number is what it is, which segments each ACK
// acknowledges and the equation that proves it, piggybacked and delayed ACKs,
// how the window was scaled, and the rule and numbers behind every analysis flag.
#pragma once

#include "analysis/conversation_summary.h"
#include "analysis/tcp_events.h"

#include <optional>
#include <string>
#include <vector>

namespace seqscope {

struct SegmentArithmetic {
    FrameNumber frame{};
    // Next sequence number and why: "next 6 = Seq 1 + Len 5", "next 1 = Seq 0 + SYN 1".
    std::uint32_t next_seq = 0;
    std::string next_seq_why;
    // The ACK: new data acknowledged, the segments newly covered (a cumulative ACK
    // lists them all) and the segment ending exactly at the Ack with the equation.
    bool acks_new_data = false;
    std::vector<FrameNumber> acked_frames;
    std::optional<FrameNumber> acked_exact;
    std::string ack_equation;   // "Ack 19 = Seq 13 + Len 6 (frame 9)"
    std::string ack_short;      // "19 = 13 + 6", for labels on the ladder
    bool ack_beyond_seen = false;  // acknowledges bytes the capture never showed
    bool piggybacked = false;   // data segment that also acknowledges new data
    bool delayed = false;       // pure ACK sent well after the data it acknowledges
    std::int64_t ack_delay_ns = -1;  // time since the newest segment it acknowledges
    std::string window_why;     // "Win 64 × 1024 = 65536 (WS=10 offered in frame 2)"
    std::vector<std::string> flag_whys;  // one sentence per analysis flag, in Info order
};

// A pure ACK counts as delayed when it comes this long after the data it
// acknowledges, beyond the handshake round trip (Linux delays ACKs by ≥ 40 ms,
// RFC 1122 by at most 500 ms; 20 ms separates them from immediate ACKs).
constexpr std::int64_t kDelayedAckThresholdNs = 20'000'000;

// One entry per segment of `conv`, in the same order.
std::vector<SegmentArithmetic> explain_arithmetic(const TcpConversationEvents& conv,
                                                  const TcpConversationSummary& summary);

// "Seq 13 + Len 6", "Seq 0 + SYN 1", "Seq 9 + Len 5 + FIN 1": what a segment adds.
std::string seq_space_terms(const TcpSegmentEvent& e);

}  // namespace seqscope
