// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphs/graph_series.h"

#include <cmath>

namespace seqscope {

const char* to_string(SeriesRole r) {
    switch (r) {
    case SeriesRole::Sequence: return "sequence number";
    case SeriesRole::Segment: return "segment";
    case SeriesRole::Ack: return "ACK";
    case SeriesRole::ReceiveWindow: return "receive window";
    case SeriesRole::Sack: return "SACK block";
    case SeriesRole::Retransmission: return "retransmission";
    case SeriesRole::DuplicateAck: return "duplicate ACK";
    case SeriesRole::ZeroWindow: return "zero window";
    case SeriesRole::Throughput: return "throughput";
    case SeriesRole::Goodput: return "goodput";
    case SeriesRole::Rtt: return "RTT";
    case SeriesRole::BytesInFlight: return "bytes in flight";
    }
    return "sequence number";
}

const Series* Graph::find(SeriesRole role) const {
    for (const Series& s : series)
        if (s.role == role) return &s;
    return nullptr;
}

std::uint8_t busiest_sender(const TcpConversationEvents& conv) {
    std::uint64_t bytes[2] = {0, 0};
    for (const auto& e : conv.segments) bytes[e.dir & 1] += e.seglen;
    return bytes[1] > bytes[0] ? 1 : 0;
}

std::optional<FrameNumber> nearest_frame(const Graph& graph, double x, double y, double x_scale, double y_scale,
                                         double max_distance) {
    if (x_scale <= 0 || y_scale <= 0) return std::nullopt;
    std::optional<FrameNumber> best;
    double best_d = max_distance;
    const auto consider = [&](double dx, double dy, FrameNumber f) {
        const double d = std::hypot(dx / x_scale, dy / y_scale);
        if (d <= best_d) {
            best_d = d;
            best = f;
        }
    };
    for (const Series& s : graph.series) {
        for (const SeriesPoint& p : s.points) consider(p.x - x, p.y - y, p.frame);
        for (const SeriesBar& b : s.bars) {
            // Distance to the bar as a segment, not to its ends.
            const double dy = y < b.low ? b.low - y : (y > b.high ? y - b.high : 0.0);
            consider(b.x - x, dy, b.frame);
        }
    }
    return best;
}

namespace graph_detail {

double x_of(const TcpConversationEvents& conv, const GraphOptions& opt, std::int64_t ts_ns) {
    const std::int64_t origin = opt.origin_ns.value_or(conv.segments.empty() ? 0 : conv.segments.front().ts_ns);
    return static_cast<double>(ts_ns - origin) / 1e9;
}

std::string direction_text(const TcpConversationEvents& conv, std::uint8_t sender) {
    const Endpoint& from = sender == 0 ? conv.a : conv.b;
    const Endpoint& to = sender == 0 ? conv.b : conv.a;
    return from.to_string() + " → " + to.to_string();
}

bool is_retransmission(const TcpSegmentEvent& e) {
    return (e.analysis.flags &
            (tcpa::kRetransmission | tcpa::kFastRetransmission | tcpa::kSpuriousRetransmission)) != 0;
}

}  // namespace graph_detail
}  // namespace seqscope
