// SPDX-License-Identifier: GPL-3.0-or-later
// The TCP graphs as plain series: vectors of (x, y, frame) a plot wrapper copies
// into its graphs unchanged. Every point carries the frame it came from so a
// click selects that packet. Nothing here knows about plotting libraries.
#pragma once

#include "analysis/tcp_events.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seqscope {

struct SeriesPoint {
    double x = 0, y = 0;
    FrameNumber frame{};
};

// A vertical bar at x from low to high (tcptrace segments, SACK blocks).
struct SeriesBar {
    double x = 0, low = 0, high = 0;
    FrameNumber frame{};
};

// How the view draws a series; the role picks its palette colour.
enum class SeriesStyle : std::uint8_t {
    Points,    // scatter
    Line,      // straight lines between points
    StepLeft,  // hold each y until the next x (ACK line, window line)
    Bars,      // SeriesBar list
};

enum class SeriesRole : std::uint8_t {
    Sequence,        // Stevens: a segment's sequence number
    Segment,         // tcptrace: seq .. seq + len
    Ack,             // the reverse direction's cumulative ACK
    ReceiveWindow,   // ACK + advertised window: the sender may not pass it
    Sack,            // selectively acknowledged blocks
    Retransmission,
    DuplicateAck,
    ZeroWindow,
    Throughput,
    Goodput,
    Rtt,
    BytesInFlight,
};
const char* to_string(SeriesRole r);  // "ACK", "receive window", ...

struct Series {
    SeriesRole role = SeriesRole::Sequence;
    SeriesStyle style = SeriesStyle::Points;
    std::string name;                 // legend text
    std::vector<SeriesPoint> points;  // Points, Line, StepLeft
    std::vector<SeriesBar> bars;      // Bars
    [[nodiscard]] bool empty() const { return points.empty() && bars.empty(); }
};

struct Graph {
    std::string title;    // "Time-sequence (tcptrace) · 127.0.0.1:5555 → 127.0.0.1:7777"
    std::string x_label;  // "time (s)"
    std::string y_label;  // "relative sequence number (bytes)"
    std::vector<Series> series;
    // The series with this role, or nullptr.
    [[nodiscard]] const Series* find(SeriesRole role) const;
};

struct GraphOptions {
    // Data sender: 0 = endpoint a → b, 1 = b → a. The reverse direction supplies ACKs and windows.
    std::uint8_t sender = 0;
    // x = seconds since this instant; unset: the stream's first segment.
    std::optional<std::int64_t> origin_ns;
    bool relative_seq = true;  // false: raw sequence numbers
};

// The direction that sent more payload (the one worth graphing first).
std::uint8_t busiest_sender(const TcpConversationEvents& conv);

// The frame of the nearest point or bar of any series to (x, y), measuring in
// units of x_scale and y_scale (a view passes its data units per pixel), within
// max_distance of those units. For the "click a point, select its packet" path.
std::optional<FrameNumber> nearest_frame(const Graph& graph, double x, double y, double x_scale, double y_scale,
                                         double max_distance);

namespace graph_detail {
// Shared by the graph builders.
double x_of(const TcpConversationEvents& conv, const GraphOptions& opt, std::int64_t ts_ns);
std::string direction_text(const TcpConversationEvents& conv, std::uint8_t sender);  // "a → b"
bool is_retransmission(const TcpSegmentEvent& e);
}  // namespace graph_detail

}  // namespace seqscope
