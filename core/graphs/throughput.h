// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput and goodput of one direction: at each data segment, the payload
// bytes sent in the moving window that ends there, divided by the window
// (bytes per second). Goodput leaves out retransmitted segments, so the gap
// between the two lines is what retransmission cost.
#pragma once

#include "graphs/graph_series.h"

namespace seqscope {

struct ThroughputOptions {
    std::int64_t window_ns = 1'000'000'000;  // moving-average window
};

Graph throughput_graph(const TcpConversationEvents& conv, const GraphOptions& options = {},
                       const ThroughputOptions& throughput = {});

}  // namespace seqscope
