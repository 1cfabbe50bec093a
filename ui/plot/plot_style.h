// SPDX-License-Identifier: GPL-3.0-or-later
// How each graph series looks: its colour (from the ladder's palette, so a
// retransmission is the same orange on the ladder and on the graphs), its line
// width and its scatter mark. Plain Qt types; the plot wrapper turns them into
// QCustomPlot pens and scatter styles.
#pragma once

// moc never sees this header, but keep core's C++20 headers out of its reach anyway.
#include "graphs/graph_series.h"

#include <QColor>

namespace seqscope::ui {

enum class PlotMark : std::uint8_t { None, Dot, Circle, Disc, Triangle, Cross };

struct SeriesLook {
    QColor color;
    double line_width = 1.0;  // lines, steps and bars
    PlotMark mark = PlotMark::None;
    double mark_size = 0;  // pixels
    int z = 0;             // higher draws on top (markers over lines)
};

SeriesLook seriesLook(SeriesRole role, SeriesStyle style);

// The marker of the hub's current packet and the shared time cursor.
QColor selectionColor();
QColor cursorColor();

}  // namespace seqscope::ui
