// SPDX-License-Identifier: GPL-3.0-or-later
// tshark 4.0.17's tcp_analyze_sequence_number(), step by step (TCP-ANALYSIS.md §7):
// the flags of one segment, what it acknowledges, bytes in flight, and the flow
// state it leaves behind. Runs once per segment in pass one, with raw numbers.
#pragma once

#include "types/tcp_analysis.h"
#include "flow/tcp_flow_state.h"

#include <cstdint>

namespace seqscope {

struct TcpSegmentInput {
    std::uint32_t frame = 0;
    std::int64_t now_ns = 0;
    std::uint32_t seq = 0, ack = 0;    // raw; ack used even when the ACK flag is clear
    std::uint32_t seglen = 0;
    std::uint16_t flags = 0;           // tcpflag::*
    std::uint32_t window = 0;          // raw 16-bit value
};

// Updates `fwd`/`rev` (the same object when a host talks to itself on one port) and
// fills out.flags, out.has_ta and the ta values (acks_frame, ack_rtt, bytes in
// flight, push bytes, dup-ack number/frame, RTO). `out.has_ta`/`out.flags` may
// already hold what the stream lookup noted (reused ports, a repeated SYN).
// `irtt_ns` is the conversation's iRTT so far (0 = unknown, 3 ms default used).
void analyze_tcp_sequence(TcpFlowState& fwd, TcpFlowState& rev, std::int64_t irtt_ns, const TcpSegmentInput& in,
                          TcpAnalysis& out);

}  // namespace seqscope
