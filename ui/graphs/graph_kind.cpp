// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/graphs/graph_kind.h"

#include "graphs/rtt_graph.h"
#include "graphs/throughput.h"
#include "graphs/time_sequence.h"
#include "graphs/window_graph.h"

#include <QCoreApplication>

#include <algorithm>

namespace seqscope::ui {

QString graphKindKey(GraphKind kind) {
    switch (kind) {
    case GraphKind::Stevens: return QStringLiteral("stevens");
    case GraphKind::Tcptrace: return QStringLiteral("tcptrace");
    case GraphKind::Throughput: return QStringLiteral("throughput");
    case GraphKind::Rtt: return QStringLiteral("rtt");
    case GraphKind::Window: return QStringLiteral("window");
    }
    return QStringLiteral("stevens");
}

QString graphKindTitle(GraphKind kind) {
    switch (kind) {
    case GraphKind::Stevens: return QCoreApplication::translate("GraphKind", "Time-sequence (Stevens)");
    case GraphKind::Tcptrace: return QCoreApplication::translate("GraphKind", "Time-sequence (tcptrace)");
    case GraphKind::Throughput: return QCoreApplication::translate("GraphKind", "Throughput and goodput");
    case GraphKind::Rtt: return QCoreApplication::translate("GraphKind", "Round-trip time");
    case GraphKind::Window: return QCoreApplication::translate("GraphKind", "Window and bytes in flight");
    }
    return {};
}

std::optional<GraphKind> graphKindFromKey(const QString& key) {
    for (GraphKind k : kGraphKinds)
        if (graphKindKey(k) == key.trimmed().toLower()) return k;
    return std::nullopt;
}

bool usesSequenceNumbers(GraphKind kind) { return kind == GraphKind::Stevens || kind == GraphKind::Tcptrace; }

// A one-second moving average flattens a 50 ms loopback transfer into a ramp:
// the window is a twentieth of the stream's span, between 1 ms and 1 s.
static ThroughputOptions throughputWindow(const TcpConversationEvents& events) {
    ThroughputOptions t;
    if (events.segments.size() < 2) return t;
    const std::int64_t span = events.segments.back().ts_ns - events.segments.front().ts_ns;
    t.window_ns = std::clamp<std::int64_t>(span / 20, 1'000'000, 1'000'000'000);
    return t;
}

Graph buildGraph(GraphKind kind, const TcpConversationEvents& events, const GraphOptions& options) {
    switch (kind) {
    case GraphKind::Stevens: return stevens_graph(events, options);
    case GraphKind::Tcptrace: return tcptrace_graph(events, options);
    case GraphKind::Throughput: return throughput_graph(events, options, throughputWindow(events));
    case GraphKind::Rtt: return rtt_graph(events, options);
    case GraphKind::Window: return window_graph(events, options);
    }
    return {};
}

}  // namespace seqscope::ui
