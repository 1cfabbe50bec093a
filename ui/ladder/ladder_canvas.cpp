// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ladder/ladder_canvas.h"

#include "ui/ladder/ladder_why.h"

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

LadderCanvas::LadderCanvas(QWidget* parent) : QAbstractScrollArea(parent) {
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(20);
    horizontalScrollBar()->setSingleStep(20);
    setMinimumSize(360, 240);
}

void LadderCanvas::setLadder(std::shared_ptr<const Ladder> ladder) {
    state_.selected.reset();
    state_.hovered.reset();
    state_.quiz.reset();
    const std::size_t lanes = ladder ? ladder->lanes.size() : 0;
    if (options_.hidden.size() != lanes) options_.hidden.assign(lanes, false);
    if (options_.order.size() != lanes) options_.order.clear();
    scene_.setLadder(std::move(ladder));
    relayout();
    verticalScrollBar()->setValue(0);
}

void LadderCanvas::relayout() {
    // Never narrower than the lanes need; a narrow view scrolls sideways instead.
    const std::size_t lanes = std::max<std::size_t>(scene_.visibleLanes().size(), 2);
    options_.width = std::max<double>(viewport()->width(), 190 + 280.0 * static_cast<double>(lanes));
    // Keep the arrow at the top of the view in place across the change.
    std::optional<std::size_t> anchor;
    double offset = 0;
    if (scene_.arrowCount() > 0) {
        const QRectF band = viewBand();
        const auto [first, last] = scene_.visible(band.top() + 80, band.bottom());
        if (first < scene_.arrowCount()) {
            anchor = first;
            offset = scene_.arrowY(first) - band.top();
        }
    }
    scene_.setOptions(options_);
    updateScrollBars();
    if (anchor && *anchor < scene_.arrowCount())
        verticalScrollBar()->setValue(static_cast<int>(scene_.arrowY(*anchor) - offset));
    viewport()->update();
}

void LadderCanvas::updateScrollBars() {
    const QSize vp = viewport()->size();
    verticalScrollBar()->setPageStep(vp.height());
    verticalScrollBar()->setRange(0, std::max(0, static_cast<int>(std::ceil(scene_.height())) - vp.height()));
    horizontalScrollBar()->setPageStep(vp.width());
    horizontalScrollBar()->setRange(0, std::max(0, static_cast<int>(std::ceil(scene_.width())) - vp.width()));
}

void LadderCanvas::setMode(LadderMode mode) {
    if (options_.mode == mode) return;
    options_.mode = mode;
    relayout();
    if (state_.selected) scrollToArrow(*state_.selected);
}

void LadderCanvas::setZoom(double zoom) {
    zoom = std::clamp(zoom, 0.05, 6.0);
    if (std::abs(zoom - options_.zoom) < 1e-9) return;
    options_.zoom = zoom;
    relayout();
    if (state_.selected) scrollToArrow(*state_.selected);
}

void LadderCanvas::zoomIn() { setZoom(options_.zoom * 1.25); }
void LadderCanvas::zoomOut() { setZoom(options_.zoom / 1.25); }

void LadderCanvas::zoomToFit() {
    if (scene_.arrowCount() == 0) return;
    // The drawing's height is (almost) linear in the zoom; two steps settle it.
    const double fixed = LadderScene::kTitleHeight + LadderScene::kHeaderHeight + LadderScene::kFooterHeight;
    const double want = std::max(100.0, viewport()->height() - fixed);
    for (int i = 0; i < 3; ++i) {
        const double have = std::max(1.0, scene_.height() - fixed);
        setZoom(std::clamp(options_.zoom * want / have, 0.35, 2.0));
    }
    // The few fixed pixels (slant, TIME_WAIT stretch) are not scaled: trim the rest.
    for (int i = 0; i < 20 && scene_.height() > viewport()->height() && options_.zoom > 0.35; ++i)
        setZoom(std::max(0.35, options_.zoom * 0.97));
    verticalScrollBar()->setValue(0);
}

void LadderCanvas::setLaneOrder(std::vector<std::uint8_t> order) {
    options_.order = std::move(order);
    relayout();
}

void LadderCanvas::swapLanes() {
    std::vector<std::uint8_t> order = scene_.visibleLanes();
    std::reverse(order.begin(), order.end());
    for (std::size_t l = 0; l < options_.hidden.size(); ++l)
        if (options_.hidden[l]) order.push_back(static_cast<std::uint8_t>(l));
    setLaneOrder(std::move(order));
}

void LadderCanvas::setLaneHidden(std::size_t lane, bool hidden) {
    if (lane >= options_.hidden.size()) return;
    options_.hidden[lane] = hidden;
    relayout();
}

QRectF LadderCanvas::viewBand() const {
    return {static_cast<double>(horizontalScrollBar()->value()), static_cast<double>(verticalScrollBar()->value()),
            static_cast<double>(viewport()->width()), static_cast<double>(viewport()->height())};
}

QPointF LadderCanvas::toContent(const QPointF& pos) const { return pos + viewBand().topLeft(); }

QPoint LadderCanvas::arrowPoint(std::size_t index) const {
    if (index >= scene_.arrowCount()) return {};
    return (scene_.midpoint(index) - viewBand().topLeft()).toPoint();
}

void LadderCanvas::selectArrow(std::optional<std::size_t> index, bool scroll) {
    if (index && *index >= scene_.arrowCount()) index.reset();
    state_.selected = index;
    if (index && scroll) scrollToArrow(*index);
    viewport()->update();
}

void LadderCanvas::scrollToArrow(std::size_t index) {
    if (index >= scene_.arrowCount()) return;
    const QRectF band = viewBand();
    const double y = scene_.arrowY(index);
    // Leave it where it is when comfortably in view (below the sticky headers).
    const double top = band.top() + LadderScene::kHeaderHeight + 10, bottom = band.bottom() - 60;
    if (y >= top && y <= bottom) return;
    verticalScrollBar()->setValue(static_cast<int>(y - band.height() * 0.4));
}

void LadderCanvas::setQuizArrow(std::optional<std::size_t> index) {
    state_.quiz = index;
    viewport()->update();
}

void LadderCanvas::setCursorTime(std::optional<std::int64_t> ts_ns) {
    if (state_.cursor_ns == ts_ns) return;
    state_.cursor_ns = ts_ns;
    viewport()->update();
}

std::optional<std::size_t> LadderCanvas::nextFlagged(std::optional<std::size_t> from) const {
    const Ladder* l = scene_.ladder();
    if (l == nullptr || l->arrows.empty()) return std::nullopt;
    const std::size_t n = l->arrows.size();
    const std::size_t start = from ? *from + 1 : 0;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (start + k) % n;
        const LadderArrow& a = l->arrows[i];
        if (a.analysis_flags != 0 || !a.whys.empty() || a.kind == ArrowKind::Rst || a.kind == ArrowKind::IcmpError)
            return i;
    }
    return std::nullopt;
}

void LadderCanvas::activate(std::size_t index) {
    selectArrow(index, true);
    Q_EMIT arrowActivated(index);
}

void LadderCanvas::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    const QRectF band = viewBand();
    p.translate(-band.topLeft());
    paintLadder(p, scene_, band, state_);
}

void LadderCanvas::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void LadderCanvas::scrollContentsBy(int, int) { viewport()->update(); }

void LadderCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mousePressEvent(event);
    const QPointF c = toContent(event->position());
    if (const auto hit = scene_.hit(c.x(), c.y())) activate(*hit);
}

void LadderCanvas::mouseMoveEvent(QMouseEvent* event) {
    const QPointF c = toContent(event->position());
    const auto hit = scene_.hit(c.x(), c.y());
    if (hit != state_.hovered) {
        state_.hovered = hit;
        viewport()->setCursor(hit ? Qt::PointingHandCursor : Qt::ArrowCursor);
        viewport()->update();
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void LadderCanvas::leaveEvent(QEvent* event) {
    if (state_.hovered) {
        state_.hovered.reset();
        viewport()->update();
    }
    QAbstractScrollArea::leaveEvent(event);
}

bool LadderCanvas::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip && scene_.ladder() != nullptr) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPointF c = toContent(help->pos());
        if (const auto hit = scene_.hit(c.x(), c.y()); hit && state_.quiz != hit)
            QToolTip::showText(help->globalPos(), arrowTooltip(*scene_.ladder(), *hit), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void LadderCanvas::keyPressEvent(QKeyEvent* event) {
    const std::size_t n = scene_.arrowCount();
    if (n == 0) return QAbstractScrollArea::keyPressEvent(event);
    const auto cur = state_.selected;
    switch (event->key()) {
    case Qt::Key_Down: activate(cur ? std::min(*cur + 1, n - 1) : 0); return;
    case Qt::Key_Up: activate(cur ? (*cur > 0 ? *cur - 1 : 0) : 0); return;
    case Qt::Key_Home: activate(0); return;
    case Qt::Key_End: activate(n - 1); return;
    case Qt::Key_N:
        if (const auto next = nextFlagged(cur)) activate(*next);
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); return;
    case Qt::Key_Minus: zoomOut(); return;
    default: break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void LadderCanvas::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0) zoomIn();
        else if (event->angleDelta().y() < 0) zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

}  // namespace seqscope::ui
