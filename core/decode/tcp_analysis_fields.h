// SPDX-License-Identifier: GPL-3.0-or-later
// How a TcpAnalysis shows in the field tree (the "[SEQ/ACK analysis]" subtree,
// tcp.completeness, tcp.stream) and in the Info column (the "[TCP ...] " tags).
// The TCP decoder calls these; they own tshark's exact wording and order.
#pragma once

#include "decode/field_tree.h"
#include "types/packet_view.h"
#include "types/tcp_analysis.h"

#include <string>

namespace seqscope {

// The "[TCP Dup ACK 12#1] [TCP Retransmission] " prefix of the Info column ("" if none).
std::string tcp_info_prefix(const TcpAnalysis& a);
// Adds the SEQ/ACK analysis subtree (acks_frame, ack_rtt, iRTT, bytes in flight,
// the flags with their expert items) under `tcp_node`, if the packet has one.
void add_tcp_analysis_tree(FieldTree& tree, FieldTree::Index tcp_node, const TcpAnalysis& a,
                           const TcpSegmentView& seg);
// The value text of tcp.completeness's label, e.g. "Incomplete, DATA (15)".
std::string tcp_completeness_text(std::uint8_t completeness);
// Adds tcp.stream and tcp.completeness (in that order, as tshark) under `tcp_node`.
void add_tcp_stream_fields(FieldTree& tree, FieldTree::Index tcp_node, const TcpAnalysis& a);

}  // namespace seqscope
