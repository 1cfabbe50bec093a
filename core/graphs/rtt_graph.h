// SPDX-License-Identifier: GPL-3.0-or-later
// Round-trip time per acknowledged segment, from the ACK's tcp.analysis.ack_rtt:
// against time (when the ACK came) or against the sequence number of the
// segment it acknowledged (as Wireshark's RTT graph). Points carry the ACK's
// frame, the packet whose details show the RTT.
#pragma once

#include "graphs/graph_series.h"

namespace seqscope {

enum class RttAxis : std::uint8_t { Time, Sequence };

Graph rtt_graph(const TcpConversationEvents& conv, const GraphOptions& options = {}, RttAxis axis = RttAxis::Time);

}  // namespace seqscope
