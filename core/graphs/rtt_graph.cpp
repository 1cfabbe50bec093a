// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphs/rtt_graph.h"

#include <unordered_map>

namespace seqscope {

Graph rtt_graph(const TcpConversationEvents& conv, const GraphOptions& o, RttAxis axis) {
    Graph g;
    g.title = "Round-trip time · " + graph_detail::direction_text(conv, o.sender);
    g.x_label = axis == RttAxis::Time ? "time (s)" : (o.relative_seq ? "relative sequence number" : "sequence number");
    g.y_label = "RTT (ms)";
    Series rtt{SeriesRole::Rtt, SeriesStyle::Points, "RTT", {}, {}};
    // The sender's segments by frame, to place a sample at the sequence number it measured.
    std::unordered_map<std::uint32_t, const TcpSegmentEvent*> sent;
    if (axis == RttAxis::Sequence)
        for (const auto& e : conv.segments)
            if (e.dir == o.sender) sent[e.frame.value] = &e;
    for (const auto& e : conv.segments) {
        // RTT samples of the sender's data sit on the receiver's ACKs.
        if (e.dir == o.sender || e.analysis.ack_rtt_ns < 0 || e.analysis.acks_frame == 0) continue;
        const double y = static_cast<double>(e.analysis.ack_rtt_ns) / 1e6;
        if (axis == RttAxis::Time) {
            rtt.points.push_back({graph_detail::x_of(conv, o, e.ts_ns), y, e.frame});
            continue;
        }
        const auto it = sent.find(e.analysis.acks_frame);
        if (it == sent.end()) continue;  // acknowledges a segment the capture missed
        rtt.points.push_back({static_cast<double>(o.relative_seq ? it->second->seq : it->second->seq_raw), y, e.frame});
    }
    g.series.push_back(std::move(rtt));
    return g;
}

}  // namespace seqscope
