// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's words: times as seconds with their decimals grouped in threes
// ("0.000 041 s", as the packet list's microseconds read), and the tooltips of a
// phase bar, a marker and a row label. Everything they say comes from the core
// Timeline; this only puts it into sentences.
#pragma once

#include "timeline/timeline_row.h"

#include <QString>

#include <cstdint>

namespace seqscope::ui {

// `ns` as seconds with `decimals` (0..9) digits after the point, grouped in threes
// by thin spaces; with " s" unless `unit` is false.
QString groupedSeconds(std::int64_t ns, int decimals = 6, bool unit = true);
// A duration in grouped seconds with as many decimals as it needs to show three
// significant digits (at least 3, at most 9): "0.000 041 s", "1.650 s", "60.000 s".
QString durationSeconds(std::int64_t ns);

QString phaseTooltip(const TimelineRow& row, const PhaseSpan& phase);
QString markerTooltip(const TimelineRow& row, const TimelineMarker& marker);
QString rowTooltip(const TimelineRow& row);

}  // namespace seqscope::ui
