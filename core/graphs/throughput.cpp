// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphs/throughput.h"

#include "timeline/time_text.h"

#include <deque>

namespace seqscope {

Graph throughput_graph(const TcpConversationEvents& conv, const GraphOptions& o, const ThroughputOptions& t) {
    Graph g;
    g.title = "Throughput · " + graph_detail::direction_text(conv, o.sender) + " · moving average over " +
              format_duration(t.window_ns);
    g.x_label = "time (s)";
    g.y_label = "bytes per second";
    Series all{SeriesRole::Throughput, SeriesStyle::Line, "throughput", {}, {}};
    Series good{SeriesRole::Goodput, SeriesStyle::Line, "goodput (without retransmissions)", {}, {}};
    if (t.window_ns <= 0) {
        g.series.push_back(std::move(all));
        g.series.push_back(std::move(good));
        return g;
    }
    // Rate before the first segment counts as zero, so the line ramps up over the
    // first window instead of spiking on two back-to-back segments.
    const double window_s = static_cast<double>(t.window_ns) / 1e9;
    struct InWindow {
        std::int64_t ts;
        std::uint32_t bytes;
        bool retx;
    };
    std::deque<InWindow> window;
    std::uint64_t sum_all = 0, sum_good = 0;
    for (const auto& e : conv.segments) {
        if (e.dir != o.sender || e.seglen == 0) continue;
        const bool retx = graph_detail::is_retransmission(e);
        window.push_back({e.ts_ns, e.seglen, retx});
        sum_all += e.seglen;
        sum_good += retx ? 0 : e.seglen;
        while (!window.empty() && window.front().ts <= e.ts_ns - t.window_ns) {  // window is (t − W, t]
            sum_all -= window.front().bytes;
            sum_good -= window.front().retx ? 0 : window.front().bytes;
            window.pop_front();
        }
        const double x = graph_detail::x_of(conv, o, e.ts_ns);
        all.points.push_back({x, static_cast<double>(sum_all) / window_s, e.frame});
        good.points.push_back({x, static_cast<double>(sum_good) / window_s, e.frame});
    }
    g.series.push_back(std::move(all));
    g.series.push_back(std::move(good));
    return g;
}

}  // namespace seqscope
