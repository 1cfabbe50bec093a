// SPDX-License-Identifier: GPL-3.0-or-later
// Draws a LadderScene with a QPainter in content coordinates: the widget paints
// the visible band of it, the PNG/PDF/SVG exports the whole drawing. Only arrows
// whose rows meet the band are touched (LadderLayout::visible), so the cost of a
// frame does not grow with the conversation.
#pragma once

#include "ui/draw/ladder_scene.h"

#include <QRectF>

#include <cstddef>
#include <cstdint>
#include <optional>

class QPainter;

namespace seqscope::ui {

struct LadderPaintState {
    std::optional<std::size_t> selected;
    std::optional<std::size_t> hovered;
    // Predict mode: this arrow's Ack number and equation are hidden.
    std::optional<std::size_t> quiz;
    // Screen: lane headers stick to the top of the band; exports: drawn once at the top.
    bool sticky_headers = true;
    // Exports carry a legend strip at the bottom (the widget has its own legend panel).
    bool legend = false;
    // The shared time cursor (absolute ns): a line across, in time-true mode.
    std::optional<std::int64_t> cursor_ns;
};

void paintLadder(QPainter& p, const LadderScene& scene, const QRectF& band, const LadderPaintState& state);

// Parts, one file each (ladder_paint_frame.cpp, ladder_paint_arrows.cpp).
namespace ladder_paint {
void title(QPainter& p, const LadderScene& scene);
void timeAxis(QPainter& p, const LadderScene& scene, const QRectF& band);
void lifelines(QPainter& p, const LadderScene& scene, const QRectF& band);
void bands(QPainter& p, const LadderScene& scene, const QRectF& band);
void gaps(QPainter& p, const LadderScene& scene, const QRectF& band);
void laneHeaders(QPainter& p, const LadderScene& scene, double y);
void legend(QPainter& p, const LadderScene& scene, double y);
void arrows(QPainter& p, const LadderScene& scene, const QRectF& band, const LadderPaintState& state);
void cursor(QPainter& p, const LadderScene& scene, const QRectF& band, std::int64_t ts_ns);
}  // namespace ladder_paint

}  // namespace seqscope::ui
