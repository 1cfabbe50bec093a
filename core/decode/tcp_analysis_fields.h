// SPDX-License-Identifier: GPL-3.0-or-later
// How a TcpAnalysis shows in the field tree (the "[SEQ/ACK analysis]" subtree,
// tcp.completeness, tcp.stream) and in the Info column (the "[TCP ...] " tags).
// The TCP decoder calls these; they own tshark's exact wording and order.
#pragma once

#include "decode/field_tree.h"
#include "decode/packet_view.h"
#include "flow/tcp_analysis.h"

#include <string>

namespace seqscope {

// The "[TCP Dup ACK 12#1] [TCP Retransmission] " prefix of the Info column ("" if none).
std::string tcp_info_prefix(const TcpAnalysis& a);
// Adds the SEQ/ACK analysis subtree (acks_frame, ack_rtt, iRTT, bytes in flight,
// the flags with their expert items) under `tcp_node`, if the packet has one.
void add_tcp_analysis_tree(FieldTree& tree, FieldTree::Index tcp_node, const TcpAnalysis& a,
                           const TcpSegmentView& seg);

}  // namespace seqscope
