// SPDX-License-Identifier: GPL-3.0-or-later
// Receive window and bytes in flight on one time axis: the receiver's advertised
// window (scaled, in bytes) as a step line, and the sender's unacknowledged
// bytes (tcp.analysis.bytes_in_flight) at each data segment. When the second
// meets the first the sender is window-limited.
#pragma once

#include "graphs/graph_series.h"

namespace seqscope {

Graph window_graph(const TcpConversationEvents& conv, const GraphOptions& options = {});

}  // namespace seqscope
