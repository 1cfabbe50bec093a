// SPDX-License-Identifier: GPL-3.0-or-later
// Everything of the timeline that is not a row's own drawing: the order of the
// layers, the time axis with its ticks and squeezed spans, the cursor and the
// selected packet's line, and the "at the cursor" readout column.
#include "ui/draw/timeline_painter.h"

#include "timeline/cursor_readout.h"
#include "timeline/time_text.h"
#include "ui/draw/ladder_style.h"
#include "ui/draw/timeline_style.h"
#include "ui/draw/timeline_text.h"
#include "ui/draw/timeline_ticks.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

using namespace ladder_style;
using namespace timeline_style;

QRectF TimelineFrame::rowsRect(double width, double height) {
    const double bottom = std::max(kHeaderHeight, height - legendHeight(width));
    return {0, kHeaderHeight, width, bottom - kHeaderHeight};
}

void paintTimeline(QPainter& p, const TimelineScene& scene, const QRectF& viewport, double scroll_y,
                   const TimelinePaintState& state) {
    p.fillRect(viewport, kBackground);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF rows = TimelineFrame::rowsRect(viewport.width(), viewport.height());
    const QRectF legend_rect(0, rows.bottom(), viewport.width(), viewport.height() - rows.bottom());
    if (scene.timeline() == nullptr || scene.rows().empty()) {
        timeline_paint::emptyText(p, rows, scene.timeline() == nullptr
                                               ? QStringLiteral("Open a capture to see its connections on one time axis.")
                                               : QStringLiteral("No TCP or UDP conversation to show."));
        timeline_paint::legend(p, legend_rect);
        return;
    }
    const auto [first, last] = scene.visibleRows(scroll_y, scroll_y + rows.height());
    const auto top = [&](std::size_t i) { return rows.top() + scene.rowTop(i) - scroll_y; };
    const QRectF plot(scene.plotLeft(), rows.top(), scene.plotWidth(), rows.height());

    p.save();
    p.setClipRect(rows);
    for (std::size_t i = first; i < last; ++i) timeline_paint::rowBackground(p, scene, i, top(i), state);
    p.setClipRect(plot);
    timeline_paint::breakBands(p, scene, rows);
    for (std::size_t i = first; i < last; ++i) timeline_paint::rowShapes(p, scene, i, top(i));
    timeline_paint::timeLines(p, scene, rows, state);
    for (std::size_t i = first; i < last; ++i) timeline_paint::rowTexts(p, scene, i, top(i));
    if (scene.readoutShown() && state.cursor_ns) {
        p.setClipRect(QRectF(scene.readoutLeft(), rows.top(), TimelineScene::kReadoutWidth, rows.height()));
        for (std::size_t i = first; i < last; ++i) timeline_paint::readout(p, scene, i, top(i), state);
    }
    p.restore();

    timeline_paint::axis(p, scene, state);
    timeline_paint::readoutHeader(p, scene, state);
    timeline_paint::legend(p, legend_rect);
}

namespace timeline_paint {

namespace {

constexpr double kH = TimelineFrame::kHeaderHeight;

// A digit or two finer than the ticks, in whole groups of three: "0.412 s", "0.412 345 s".
int cursorDecimals(const TimelineScene& scene) {
    const int finer = tickDecimals(tickStep(scene.pixelsPerAxisSecond())) + 1;
    return std::clamp((finer + 2) / 3 * 3, 3, 9);
}

}  // namespace

void emptyText(QPainter& p, const QRectF& rect, const QString& text) {
    p.setFont(Fonts::get().text);
    p.setPen(kMuted);
    p.drawText(rect, Qt::AlignCenter, text);
}

void axis(QPainter& p, const TimelineScene& scene, const TimelinePaintState& state) {
    const Fonts& f = Fonts::get();
    const double left = scene.plotLeft(), right = scene.plotRight();
    p.fillRect(QRectF(0, 0, scene.options().width, kH), kBackground);
    p.setPen(QPen(kRowLine, 1));
    p.drawLine(QPointF(0, kH - 0.5), QPointF(scene.options().width, kH - 0.5));
    drawRuns(p, 14, kH - 14, {{QStringLiteral("Connection"), &f.smallBold, kMuted}});
    p.save();
    p.setClipRect(QRectF(left - 40, 0, right - left + 80, kH));
    p.setPen(QPen(kLifeline, 1));
    p.drawLine(QPointF(left, kH - 6), QPointF(right, kH - 6));

    // Squeezed idle spans: a grey band with ≈ and how much time it hides.
    const auto breaks = timelineBreaks(scene);
    for (const TimelineBreakMark& b : breaks) {
        const QRectF band(b.x0, kH - 22, std::max(b.x1 - b.x0, 6.0), 22);
        p.fillRect(band, kBreakFill);
        p.setPen(QPen(kBreakEdge, 1));
        p.drawLine(band.topLeft(), band.bottomLeft());
        p.drawLine(band.topRight(), band.bottomRight());
        const QString eq = QStringLiteral("\u2248");
        drawRuns(p, band.center().x() - textWidth(f.bold, eq) / 2, kH - 8, {{eq, &f.bold, kMuted}});
        const QString text = QString::fromStdString(format_duration(b.hidden_ns)) + QStringLiteral(" idle");
        drawRuns(p, band.center().x() - textWidth(f.small, text) / 2, 14, {{text, &f.small, kFaint}});
    }

    // Ticks; the first label and the first after each break carry the unit.
    double last_right = -1e9;
    std::size_t next_break = 0;
    bool unit = true;
    for (const TimelineTick& t : timelineTicks(scene)) {
        if (t.x < left - 0.5 || t.x > right + 0.5) continue;
        while (next_break < breaks.size() && breaks[next_break].x1 <= t.x) {
            unit = true;
            last_right = std::max(last_right, breaks[next_break].x1);
            ++next_break;
        }
        p.setPen(QPen(kFaint, 1));
        p.drawLine(QPointF(t.x, kH - 10), QPointF(t.x, kH - 6));
        const QString label = unit ? t.label + QStringLiteral(" s") : t.label;
        const double w = textWidth(f.small, label);
        if (t.x - w / 2 < last_right + 8) continue;
        drawRuns(p, t.x - w / 2, kH - 14, {{label, &f.small, kMuted}});
        last_right = t.x + w / 2;
        unit = false;
    }

    if (state.packet_ns) {
        const double x = scene.xOfTime(*state.packet_ns);
        if (x >= left && x <= right) {
            p.setPen(Qt::NoPen);
            p.setBrush(kPacketLine);
            p.drawPolygon(QPolygonF({QPointF(x - 4, kH - 12), QPointF(x + 4, kH - 12), QPointF(x, kH - 5)}));
        }
    }
    if (state.cursor_ns) {
        const double x = scene.xOfTime(*state.cursor_ns);
        if (x >= left && x <= right) {
            const QString text = groupedSeconds(*state.cursor_ns - scene.timeline()->origin_ns, cursorDecimals(scene));
            const double w = textWidth(f.smallBold, text) + 14;
            const double cx = std::clamp(x, left + w / 2 - 30, right + 30 - w / 2);
            p.setPen(QPen(kCursor, 1.5));
            p.drawLine(QPointF(x, 18), QPointF(x, kH));
            drawPill(p, QRectF(cx - w / 2, 3, w, 17), kCursor, kCursor);
            drawRuns(p, cx - w / 2 + 7, 15.5, {{text, &f.smallBold, Qt::white}});
        }
    }
    p.restore();
}

void breakBands(QPainter& p, const TimelineScene& scene, const QRectF& rows) {
    const double bottom = std::min(rows.bottom(), rows.top() + scene.contentHeight());
    for (const TimelineBreakMark& b : timelineBreaks(scene)) {
        const QRectF band(b.x0, rows.top(), std::max(b.x1 - b.x0, 6.0), bottom - rows.top());
        QColor fill = kBreakFill;
        fill.setAlpha(200);
        p.fillRect(band, fill);
        p.setPen(QPen(kBreakEdge, 1, Qt::DashLine));
        p.drawLine(band.topLeft(), band.bottomLeft());
        p.drawLine(band.topRight(), band.bottomRight());
    }
}

void timeLines(QPainter& p, const TimelineScene& scene, const QRectF& rows, const TimelinePaintState& state) {
    const double bottom = std::min(rows.bottom(), rows.top() + scene.contentHeight());
    if (state.packet_ns) {
        const double x = scene.xOfTime(*state.packet_ns);
        p.setPen(QPen(kPacketLine, 1, Qt::DashLine));
        p.drawLine(QPointF(x, rows.top()), QPointF(x, bottom));
    }
    if (state.cursor_ns) {
        const double x = scene.xOfTime(*state.cursor_ns);
        p.setPen(QPen(kCursor, 1.5));
        p.drawLine(QPointF(x, rows.top()), QPointF(x, bottom));
    }
}

void readoutHeader(QPainter& p, const TimelineScene& scene, const TimelinePaintState& state) {
    if (!scene.readoutShown()) return;
    const Fonts& f = Fonts::get();
    const double x = scene.readoutLeft();
    const QString title = QStringLiteral("At the cursor");
    const double end = drawRuns(p, x, kH - 14, {{title, &f.smallBold, kMuted}});
    if (state.cursor_ns)
        drawRuns(p, end, kH - 14,
                 {{QStringLiteral(" \u00b7 ") + groupedSeconds(*state.cursor_ns - scene.timeline()->origin_ns, cursorDecimals(scene)),
                   &f.small, kCursor}});
    if (!state.cursor_ns) drawRuns(p, x, kH - 30, {{QStringLiteral("hover the rows to place it"), &f.italicSmall, kFaint}});
}

void readout(QPainter& p, const TimelineScene& scene, std::size_t shown, double top, const TimelinePaintState& state) {
    const Fonts& f = Fonts::get();
    const TimelineRow& row = scene.row(shown);
    const CursorReadout r = readout_at(row, *state.cursor_ns);
    const double x = scene.readoutLeft(), w = TimelineScene::kReadoutWidth - 16;
    const QColor c = readoutColour(row, r.phase, *state.cursor_ns);
    const bool compact = !scene.metrics().words_around;
    const double y = top + (compact ? 14 : 20);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawEllipse(QPointF(x + 4, y - 4), 4, 4);
    drawRuns(p, x + 14, y, {{QString::fromStdString(r.headline), compact ? &f.smallBold : &f.bold, c}});
    const QString detail = QString::fromStdString(r.detail);
    if (compact) {
        drawRuns(p, x + 14, top + 27, {{QFontMetricsF(f.small).elidedText(detail, Qt::ElideRight, w), &f.small, kMuted}});
        return;
    }
    p.setFont(f.small);
    p.setPen(kMuted);
    p.drawText(QRectF(x + 14, top + 25, w, 28), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, detail);
}

}  // namespace timeline_paint

}  // namespace seqscope::ui
