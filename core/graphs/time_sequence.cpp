// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphs/time_sequence.h"

namespace seqscope {

using graph_detail::is_retransmission;
using graph_detail::x_of;

namespace {

double seq_of(const TcpSegmentEvent& e, const GraphOptions& o) { return o.relative_seq ? e.seq : e.seq_raw; }
double ack_of(const TcpSegmentEvent& e, const GraphOptions& o) { return o.relative_seq ? e.ack : e.ack_raw; }

// SACK edges are raw numbers in the sender's sequence space.
double sack_edge(const TcpConversationEvents& conv, const GraphOptions& o, std::uint32_t raw) {
    if (!o.relative_seq || !conv.isn_known[o.sender]) return raw;
    return static_cast<std::uint32_t>(raw - conv.isn_raw[o.sender]);
}

Graph base(const TcpConversationEvents& conv, const GraphOptions& o, const char* kind) {
    Graph g;
    g.title = std::string("Time-sequence (") + kind + ") · " + graph_detail::direction_text(conv, o.sender);
    g.x_label = "time (s)";
    g.y_label = o.relative_seq ? "relative sequence number" : "sequence number";
    return g;
}

Series series(SeriesRole role, SeriesStyle style) { return Series{role, style, to_string(role), {}, {}}; }

}  // namespace

Graph stevens_graph(const TcpConversationEvents& conv, const GraphOptions& o) {
    Graph g = base(conv, o, "Stevens");
    Series seq = series(SeriesRole::Sequence, SeriesStyle::Points);
    Series retx = series(SeriesRole::Retransmission, SeriesStyle::Points);
    for (const auto& e : conv.segments) {
        if (e.dir != o.sender) continue;
        const SeriesPoint p{x_of(conv, o, e.ts_ns), seq_of(e, o), e.frame};
        seq.points.push_back(p);
        if (is_retransmission(e)) retx.points.push_back(p);
    }
    g.series.push_back(std::move(seq));
    g.series.push_back(std::move(retx));
    return g;
}

Graph tcptrace_graph(const TcpConversationEvents& conv, const GraphOptions& o) {
    Graph g = base(conv, o, "tcptrace");
    Series segs = series(SeriesRole::Segment, SeriesStyle::Bars);
    Series ack = series(SeriesRole::Ack, SeriesStyle::StepLeft);
    Series rwin = series(SeriesRole::ReceiveWindow, SeriesStyle::StepLeft);
    Series sack = series(SeriesRole::Sack, SeriesStyle::Bars);
    Series retx = series(SeriesRole::Retransmission, SeriesStyle::Points);
    Series dup = series(SeriesRole::DuplicateAck, SeriesStyle::Points);
    Series zwin = series(SeriesRole::ZeroWindow, SeriesStyle::Points);
    for (const auto& e : conv.segments) {
        const double x = x_of(conv, o, e.ts_ns);
        if (e.dir == o.sender) {
            if (e.seq_space() == 0) continue;  // pure ACKs use no sequence space
            const double s = seq_of(e, o);
            segs.bars.push_back({x, s, s + e.seq_space(), e.frame});
            if (is_retransmission(e)) retx.points.push_back({x, s, e.frame});
            continue;
        }
        if (!e.has(tcpflag::kAck)) continue;  // without ACK the ack field means nothing
        const double a = ack_of(e, o);
        ack.points.push_back({x, a, e.frame});
        rwin.points.push_back({x, a + static_cast<double>(e.window_bytes()), e.frame});
        if (e.analysis.flags & tcpa::kDuplicateAck) dup.points.push_back({x, a, e.frame});
        if (e.analysis.flags & tcpa::kZeroWindow) zwin.points.push_back({x, a, e.frame});
        for (std::size_t i = 0; i < e.sack_count && i < e.sack.size(); ++i)
            sack.bars.push_back({x, sack_edge(conv, o, e.sack[i].left), sack_edge(conv, o, e.sack[i].right), e.frame});
    }
    for (Series* s : {&segs, &ack, &rwin, &sack, &retx, &dup, &zwin}) g.series.push_back(std::move(*s));
    return g;
}

}  // namespace seqscope
