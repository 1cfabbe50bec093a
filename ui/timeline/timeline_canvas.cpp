// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timeline_canvas.h"

#include "ui/draw/ladder_style.h"
#include "ui/draw/timeline_text.h"
#include "timeline/time_text.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

namespace {

constexpr double kZoomStep = 1.25;
constexpr double kDragThreshold = 4;

}  // namespace

TimelineCanvas::TimelineCanvas(QWidget* parent) : QAbstractScrollArea(parent) {
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(20);
    horizontalScrollBar()->setSingleStep(40);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, &TimelineCanvas::onHorizontalScroll);
    setMinimumSize(480, 220);
}

void TimelineCanvas::setTimeline(std::shared_ptr<const Timeline> timeline) {
    const double w0 = scene_.windowStart(), w1 = scene_.windowEnd();
    scene_.setTimeline(std::move(timeline));
    state_.hovered_row.reset();
    state_.selected_row.reset();
    if (selected_stream_) state_.selected_row = scene_.rowOfStream(selected_stream_->first, selected_stream_->second);
    relayout();
    if (user_window_) scene_.setWindow(w0, w1);
    else scene_.fit();
    windowMoved();
}

double TimelineCanvas::measureLabelWidth() const { return timelineLabelWidth(scene_, viewport()->width()); }

void TimelineCanvas::changeOptions(const std::function<void(TimelineSceneOptions&)>& change) {
    TimelineSceneOptions o = scene_.options();
    change(o);
    const double w0 = scene_.windowStart(), w1 = scene_.windowEnd();
    scene_.setOptions(o);
    relayout();
    if (user_window_) scene_.setWindow(w0, w1);
    else scene_.fit();
    windowMoved();
}

void TimelineCanvas::setShowTcp(bool on) {
    changeOptions([on](TimelineSceneOptions& o) { o.tcp = on; });
}

void TimelineCanvas::setShowUdp(bool on) {
    changeOptions([on](TimelineSceneOptions& o) { o.udp = on; });
}

void TimelineCanvas::setCompressIdle(bool on) {
    // The axis changes meaning: what was in view is no longer where it was.
    user_window_ = false;
    changeOptions([on](TimelineSceneOptions& o) { o.compress_idle = on; });
}

void TimelineCanvas::setCompact(bool on) {
    compact_choice_ = on;
    changeOptions([on](TimelineSceneOptions& o) { o.compact = on; });
}

void TimelineCanvas::relayout() {
    TimelineSceneOptions o = scene_.options();
    o.width = viewport()->width();
    o.label_width = 0;  // measured below, with the rows of these options
    scene_.setOptions(o);
    o.label_width = measureLabelWidth();
    o.compact = compact_choice_.value_or(scene_.rows().size() >= kTimelineCompactFrom);
    scene_.setOptions(o);
    updateScrollBars();
    viewport()->update();
}

QRectF TimelineCanvas::rowsRect() const { return TimelineFrame::rowsRect(viewport()->width(), viewport()->height()); }

void TimelineCanvas::updateScrollBars() {
    const QRectF rows = rowsRect();
    QScrollBar* v = verticalScrollBar();
    v->setPageStep(static_cast<int>(rows.height()));
    v->setRange(0, std::max(0, static_cast<int>(std::ceil(scene_.contentHeight() - rows.height()))));
    // Horizontal: pixels at this zoom across everything there is to pan over.
    syncing_ = true;
    const double scale = scene_.pixelsPerAxisSecond();
    const double t0 = std::min(scene_.extentStart(), scene_.windowStart());
    const double t1 = std::max(scene_.extentEnd(), scene_.windowEnd());
    const double span = (t1 - t0 - (scene_.windowEnd() - scene_.windowStart())) * scale;
    hbar_origin_ = t0;
    QScrollBar* h = horizontalScrollBar();
    h->setPageStep(std::max(1, static_cast<int>(scene_.plotWidth())));
    h->setRange(0, static_cast<int>(std::clamp(span, 0.0, 2e9)));
    h->setValue(static_cast<int>(std::clamp((scene_.windowStart() - t0) * scale, 0.0, 2e9)));
    syncing_ = false;
}

void TimelineCanvas::onHorizontalScroll(int value) {
    if (syncing_) return;
    const double w = scene_.windowEnd() - scene_.windowStart();
    const double x0 = hbar_origin_ + value / scene_.pixelsPerAxisSecond();
    scene_.setWindow(x0, x0 + w);
    user_window_ = true;
    viewport()->update();
}

void TimelineCanvas::windowMoved() {
    updateScrollBars();
    viewport()->update();
}

void TimelineCanvas::zoomBy(double factor) {
    scene_.zoom(factor, scene_.plotLeft() + scene_.plotWidth() / 2);
    user_window_ = true;
    windowMoved();
}

void TimelineCanvas::zoomIn() { zoomBy(kZoomStep); }
void TimelineCanvas::zoomOut() { zoomBy(1 / kZoomStep); }

void TimelineCanvas::fit() {
    scene_.fit();
    user_window_ = false;
    windowMoved();
}

void TimelineCanvas::panBy(double fraction) {
    scene_.pan(fraction * scene_.plotWidth());
    user_window_ = true;
    windowMoved();
}

void TimelineCanvas::zoomToRow(std::size_t row) {
    const Timeline* t = scene_.timeline();
    if (t == nullptr || row >= t->rows.size()) return;
    showTimes(t->rows[row].first_ts, t->rows[row].end_ts);
}

void TimelineCanvas::showTimes(std::int64_t t0, std::int64_t t1) {
    scene_.showTimes(t0, t1);
    user_window_ = true;
    windowMoved();
}

void TimelineCanvas::setSelectedRow(std::optional<std::size_t> row, bool scroll) {
    const Timeline* t = scene_.timeline();
    if (row && (t == nullptr || *row >= t->rows.size())) row.reset();
    state_.selected_row = row;
    selected_stream_.reset();
    if (row) selected_stream_.emplace(t->rows[*row].kind, t->rows[*row].stream);
    if (row && scroll) scrollToRow(*row);
    viewport()->update();
}

void TimelineCanvas::scrollToRow(std::size_t row) {
    const auto shown = scene_.shownIndex(row);
    if (!shown) return;
    const double top = scene_.rowTop(*shown), height = rowsRect().height();
    QScrollBar* v = verticalScrollBar();
    if (top >= v->value() && top + scene_.metrics().height <= v->value() + height) return;
    v->setValue(static_cast<int>(top - std::max(0.0, height / 2 - scene_.metrics().height / 2)));
}

void TimelineCanvas::setCursorTime(std::optional<std::int64_t> ts_ns) {
    if (state_.cursor_ns == ts_ns) return;
    state_.cursor_ns = ts_ns;
    viewport()->update();
}

void TimelineCanvas::setPacketTime(std::optional<std::int64_t> ts_ns) {
    state_.packet_ns = ts_ns;
    viewport()->update();
}

double TimelineCanvas::contentY(double viewport_y) const {
    return viewport_y - rowsRect().top() + verticalScrollBar()->value();
}

double TimelineCanvas::rowViewportTop(std::size_t shown) const {
    return rowsRect().top() + scene_.rowTop(shown) - verticalScrollBar()->value();
}

TimelineHit TimelineCanvas::hitAt(QPoint pos) const {
    if (!rowsRect().contains(pos)) return {};
    return scene_.hit(pos.x(), contentY(pos.y()));
}

std::optional<QPoint> TimelineCanvas::labelPoint(std::size_t row) const {
    const auto shown = scene_.shownIndex(row);
    if (!shown) return std::nullopt;
    const QPointF p(40, rowViewportTop(*shown) + scene_.metrics().height / 2);
    if (!rowsRect().contains(p)) return std::nullopt;
    return p.toPoint();
}

std::optional<QPoint> TimelineCanvas::phasePoint(std::size_t row, std::size_t phase) const {
    const auto shown = scene_.shownIndex(row);
    const Timeline* t = scene_.timeline();
    if (!shown || phase >= t->rows[row].phases.size()) return std::nullopt;
    const auto [x0, x1] = scene_.phaseSpanX(t->rows[row].phases[phase]);
    const double lo = std::max(x0, scene_.plotLeft()), hi = std::min(x1, scene_.plotRight());
    const QPointF p((lo + hi) / 2, rowViewportTop(*shown) + scene_.metrics().barMiddle());
    if (hi < lo || !rowsRect().contains(p)) return std::nullopt;
    return p.toPoint();
}

std::optional<QPoint> TimelineCanvas::markerPoint(std::size_t row, std::size_t marker) const {
    const auto shown = scene_.shownIndex(row);
    const Timeline* t = scene_.timeline();
    if (!shown || marker >= t->rows[row].markers.size()) return std::nullopt;
    const QPointF p(scene_.xOfTime(t->rows[row].markers[marker].ts_ns),
                    rowViewportTop(*shown) + scene_.metrics().barMiddle());
    if (p.x() < scene_.plotLeft() || p.x() > scene_.plotRight() || !rowsRect().contains(p)) return std::nullopt;
    return p.toPoint();
}

QString TimelineCanvas::tooltipAt(QPoint pos) const {
    const Timeline* t = scene_.timeline();
    if (t == nullptr) return {};
    if (pos.y() < TimelineFrame::kHeaderHeight && pos.x() >= scene_.plotLeft() && pos.x() <= scene_.plotRight()) {
        const double axis_x = scene_.windowStart() + (pos.x() - scene_.plotLeft()) / scene_.pixelsPerAxisSecond();
        if (const TimeAxisPiece* b = scene_.axis().break_at(axis_x))
            return QStringLiteral("%1 without any event squeezed: %2 \u2192 %3\n(toggle \u201cSqueeze idle\u201d to see it to scale)")
                .arg(QString::fromStdString(format_duration(b->t1 - b->t0)), groupedSeconds(b->t0, 3), groupedSeconds(b->t1, 3));
        return {};
    }
    const TimelineHit h = hitAt(pos);
    if (!h.row) return {};
    const TimelineRow& row = t->rows[*h.row];
    if (h.marker) return markerTooltip(row, row.markers[*h.marker]);
    if (h.phase) return phaseTooltip(row, row.phases[*h.phase]);
    if (h.in_label) return rowTooltip(row);
    return {};
}

void TimelineCanvas::activate(std::size_t row, std::uint32_t frame) {
    setSelectedRow(row, false);
    Q_EMIT rowActivated(row, frame);
}

void TimelineCanvas::stepRow(int delta) {
    const auto& rows = scene_.rows();
    if (rows.empty()) return;
    std::size_t shown = 0;
    if (state_.selected_row)
        if (const auto cur = scene_.shownIndex(*state_.selected_row)) {
            const auto want = static_cast<long long>(*cur) + delta;
            shown = static_cast<std::size_t>(std::clamp<long long>(want, 0, static_cast<long long>(rows.size()) - 1));
        }
    activate(rows[shown], scene_.row(shown).first_frame.value);
    scrollToRow(rows[shown]);
}

void TimelineCanvas::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    paintTimeline(p, scene_, QRectF(viewport()->rect()), verticalScrollBar()->value(), state_);
}

void TimelineCanvas::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    const double w0 = scene_.windowStart(), w1 = scene_.windowEnd();
    relayout();
    if (user_window_) scene_.setWindow(w0, w1);
    else scene_.fit();
    windowMoved();
}

void TimelineCanvas::scrollContentsBy(int, int) { viewport()->update(); }

void TimelineCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mousePressEvent(event);
    press_ = event->position();
    dragging_ = false;
    press_window_ = scene_.windowStart();
    press_scroll_ = verticalScrollBar()->value();
}

void TimelineCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (press_ && (event->buttons() & Qt::LeftButton)) {
        const QPointF d = pos - *press_;
        if (!dragging_ && std::hypot(d.x(), d.y()) >= kDragThreshold) {
            dragging_ = true;
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        if (dragging_) {
            const double w = scene_.windowEnd() - scene_.windowStart();
            const double x0 = press_window_ - d.x() / scene_.pixelsPerAxisSecond();
            scene_.setWindow(x0, x0 + w);
            user_window_ = true;
            verticalScrollBar()->setValue(press_scroll_ - static_cast<int>(d.y()));
            windowMoved();
        }
        return;
    }
    const TimelineHit h = hitAt(pos.toPoint());
    if (h.row != state_.hovered_row) {
        state_.hovered_row = h.row;
        viewport()->update();
    }
    viewport()->setCursor(h.row ? Qt::PointingHandCursor : Qt::ArrowCursor);
    // Hovering the plot moves the shared cursor (the ladder and graphs follow).
    if (h.in_plot && h.ts_ns != state_.cursor_ns) {
        setCursorTime(h.ts_ns);
        Q_EMIT cursorPlaced(h.ts_ns);
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void TimelineCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !press_) return QAbstractScrollArea::mouseReleaseEvent(event);
    const bool was_drag = dragging_;
    press_.reset();
    dragging_ = false;
    viewport()->setCursor(Qt::ArrowCursor);
    if (was_drag) return;
    const TimelineHit h = hitAt(event->position().toPoint());
    if (!h.row) return;
    const TimelineRow& row = scene_.timeline()->rows[*h.row];
    std::uint32_t frame = row.first_frame.value;
    if (h.marker && row.markers[*h.marker].frame.value != 0) frame = row.markers[*h.marker].frame.value;
    else if (h.phase) frame = row.phases[*h.phase].start_frame.value;
    if (h.in_plot) {
        setCursorTime(h.ts_ns);
        Q_EMIT cursorPlaced(h.ts_ns);
    }
    activate(*h.row, frame);
}

void TimelineCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    const TimelineHit h = hitAt(event->position().toPoint());
    if (h.row) zoomToRow(*h.row);
}

void TimelineCanvas::leaveEvent(QEvent* event) {
    if (state_.hovered_row) {
        state_.hovered_row.reset();
        viewport()->update();
    }
    QAbstractScrollArea::leaveEvent(event);
}

bool TimelineCanvas::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = tooltipAt(help->pos());
        if (text.isEmpty()) QToolTip::hideText();
        else QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineCanvas::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); return;
    case Qt::Key_Minus: zoomOut(); return;
    case Qt::Key_0:
    case Qt::Key_F: fit(); return;
    case Qt::Key_Left: panBy(-0.15); return;
    case Qt::Key_Right: panBy(0.15); return;
    case Qt::Key_Up: stepRow(-1); return;
    case Qt::Key_Down: stepRow(1); return;
    case Qt::Key_Z:
        if (state_.selected_row) zoomToRow(*state_.selected_row);
        return;
    default: break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void TimelineCanvas::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta.y() != 0) {
            const double factor = std::pow(kZoomStep, delta.y() / 120.0);
            const double x = event->position().x();
            const bool in_plot = x >= scene_.plotLeft() && x <= scene_.plotRight();
            scene_.zoom(factor, in_plot ? x : scene_.plotLeft() + scene_.plotWidth() / 2);
            user_window_ = true;
            windowMoved();
        }
        event->accept();
        return;
    }
    if ((event->modifiers() & Qt::ShiftModifier) || delta.x() != 0) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        panBy(-d / 120.0 * 0.1);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

}  // namespace seqscope::ui
