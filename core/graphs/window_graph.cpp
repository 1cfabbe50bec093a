// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphs/window_graph.h"

namespace seqscope {

Graph window_graph(const TcpConversationEvents& conv, const GraphOptions& o) {
    Graph g;
    g.title = "Window · " + graph_detail::direction_text(conv, o.sender);
    g.x_label = "time (s)";
    g.y_label = "bytes";
    Series rwin{SeriesRole::ReceiveWindow, SeriesStyle::StepLeft, "receive window", {}, {}};
    Series flight{SeriesRole::BytesInFlight, SeriesStyle::Line, "bytes in flight", {}, {}};
    for (const auto& e : conv.segments) {
        const double x = graph_detail::x_of(conv, o, e.ts_ns);
        if (e.dir == o.sender) {
            if (e.seglen > 0 && e.analysis.bytes_in_flight > 0)
                flight.points.push_back({x, static_cast<double>(e.analysis.bytes_in_flight), e.frame});
        } else if (!e.has(tcpflag::kRst)) {  // an RST's window field is meaningless
            rwin.points.push_back({x, static_cast<double>(e.window_bytes()), e.frame});
        }
    }
    g.series.push_back(std::move(rwin));
    g.series.push_back(std::move(flight));
    return g;
}

}  // namespace seqscope
