// SPDX-License-Identifier: GPL-3.0-or-later
// Time-sequence graphs of one direction of a TCP stream.
//  Stevens: one point per segment the sender sent, time vs sequence number.
//  tcptrace: each segment as a bar seq .. seq + len (SYN and FIN use their one
//  number), the reverse direction's cumulative ACK as a step line, the receive
//  window line (ACK + advertised window bytes), SACK blocks as bars, and
//  retransmissions, duplicate ACKs and zero windows as separate point series.
#pragma once

#include "graphs/graph_series.h"

namespace seqscope {

Graph stevens_graph(const TcpConversationEvents& conv, const GraphOptions& options = {});
Graph tcptrace_graph(const TcpConversationEvents& conv, const GraphOptions& options = {});

}  // namespace seqscope
