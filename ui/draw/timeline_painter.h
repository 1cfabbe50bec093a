// SPDX-License-Identifier: GPL-3.0-or-later
// Draws a TimelineScene with a QPainter, in viewport coordinates: a sticky time
// axis on top, the rows in view below it (scrolled by `scroll_y`), the legend
// strip at the bottom, the row labels on the left and the cursor readout on the
// right. Only rows in view are touched, so a capture with thousands of
// connections paints as fast as one with six. The cursor line passes behind
// text: shapes first, then the cursor, then labels with a white halo.
#pragma once

#include "ui/draw/timeline_scene.h"

#include <QRectF>

#include <cstddef>
#include <cstdint>
#include <optional>

class QPainter;

namespace seqscope::ui {

struct TimelinePaintState {
    std::optional<std::size_t> selected_row;  // Timeline row index (the hub's stream)
    std::optional<std::size_t> hovered_row;
    std::optional<std::int64_t> cursor_ns;    // the shared time cursor, absolute
    std::optional<std::int64_t> packet_ns;    // the selected packet's time
};

struct TimelineFrame {
    static constexpr double kHeaderHeight = 52;  // the time axis strip
    // The legend's height at this width (its items flow onto more lines when narrow).
    static double legendHeight(double width);
    // Where the rows are drawn in a viewport of this size.
    static QRectF rowsRect(double width, double height);
};

void paintTimeline(QPainter& p, const TimelineScene& scene, const QRectF& viewport, double scroll_y,
                   const TimelinePaintState& state);

// Parts, by file: timeline_paint_frame.cpp (axis, breaks, cursor, readout),
// timeline_paint_rows.cpp (rows), timeline_legend.cpp.
namespace timeline_paint {
void axis(QPainter& p, const TimelineScene& scene, const TimelinePaintState& state);
void breakBands(QPainter& p, const TimelineScene& scene, const QRectF& rows);
// A row's background, label column, shapes and texts; `top` is its viewport y.
void rowBackground(QPainter& p, const TimelineScene& scene, std::size_t shown, double top, const TimelinePaintState& state);
void rowShapes(QPainter& p, const TimelineScene& scene, std::size_t shown, double top);
void rowTexts(QPainter& p, const TimelineScene& scene, std::size_t shown, double top);
void timeLines(QPainter& p, const TimelineScene& scene, const QRectF& rows, const TimelinePaintState& state);
void readout(QPainter& p, const TimelineScene& scene, std::size_t shown, double top, const TimelinePaintState& state);
void readoutHeader(QPainter& p, const TimelineScene& scene, const TimelinePaintState& state);
void legend(QPainter& p, const QRectF& rect);
void emptyText(QPainter& p, const QRectF& rect, const QString& text);
}  // namespace timeline_paint

}  // namespace seqscope::ui
