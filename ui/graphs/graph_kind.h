// SPDX-License-Identifier: GPL-3.0-or-later
// The TCP graphs the view offers, their names (menu text and the --graph
// spelling) and the one place that maps a kind to its core builder.
#pragma once

#include "graphs/graph_series.h"

#include <QString>

#include <array>
#include <optional>

namespace seqscope::ui {

enum class GraphKind : std::uint8_t { Stevens, Tcptrace, Throughput, Rtt, Window };

constexpr std::array<GraphKind, 5> kGraphKinds = {GraphKind::Stevens, GraphKind::Tcptrace, GraphKind::Throughput,
                                                  GraphKind::Rtt, GraphKind::Window};

// "stevens", "tcptrace", "throughput", "rtt", "window".
QString graphKindKey(GraphKind kind);
// "Time-sequence (Stevens)", ...
QString graphKindTitle(GraphKind kind);
std::optional<GraphKind> graphKindFromKey(const QString& key);
// Whether relative/raw sequence numbers change this graph.
bool usesSequenceNumbers(GraphKind kind);

Graph buildGraph(GraphKind kind, const TcpConversationEvents& events, const GraphOptions& options);

}  // namespace seqscope::ui
