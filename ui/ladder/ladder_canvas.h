// SPDX-License-Identifier: GPL-3.0-or-later
// The scrolling ladder: paints only the band of the LadderScene in view, keeps a
// selected and a hovered arrow, answers clicks (arrowClicked), hover tooltips
// with the "why" text, Up/Down (previous/next arrow), N (next flagged), and
// Ctrl+wheel zoom. It knows nothing of captures or the selection hub: the
// LadderView wires it.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "ui/draw/ladder_painter.h"
#include "ui/draw/ladder_scene.h"
#endif

#include <QAbstractScrollArea>

#include <cstddef>
#include <memory>
#include <optional>

namespace seqscope::ui {

class LadderCanvas : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit LadderCanvas(QWidget* parent = nullptr);

    void setLadder(std::shared_ptr<const Ladder> ladder);
    [[nodiscard]] const LadderScene& scene() const { return scene_; }
    [[nodiscard]] const Ladder* ladder() const { return scene_.ladder(); }

    void setMode(LadderMode mode);
    [[nodiscard]] LadderMode mode() const { return options_.mode; }
    void setZoom(double zoom);
    [[nodiscard]] double zoom() const { return options_.zoom; }
    void zoomIn();
    void zoomOut();
    // The zoom at which the whole conversation fits the view (bounded below, so a
    // huge conversation keeps readable arrows).
    void zoomToFit();
    // Lanes: display order (ladder lane indices left to right) and hidden ones.
    void setLaneOrder(std::vector<std::uint8_t> order);
    void swapLanes();
    void setLaneHidden(std::size_t lane, bool hidden);

    [[nodiscard]] std::optional<std::size_t> selectedArrow() const { return state_.selected; }
    [[nodiscard]] std::optional<std::size_t> hoveredArrow() const { return state_.hovered; }
    // Selects (and, if asked, scrolls to) an arrow; emits nothing.
    void selectArrow(std::optional<std::size_t> index, bool scroll = true);
    void scrollToArrow(std::size_t index);
    // Predict mode: hide this arrow's Ack.
    void setQuizArrow(std::optional<std::size_t> index);
    [[nodiscard]] std::optional<std::size_t> quizArrow() const { return state_.quiz; }
    // The shared time cursor (absolute ns), drawn across in time-true mode.
    void setCursorTime(std::optional<std::int64_t> ts_ns);
    [[nodiscard]] std::optional<std::int64_t> cursorTime() const { return state_.cursor_ns; }

    // Where an arrow's midpoint is in viewport coordinates (tests click there).
    [[nodiscard]] QPoint arrowPoint(std::size_t index) const;
    // The content band [top, bottom) in view.
    [[nodiscard]] QRectF viewBand() const;
    // The next arrow after `from` carrying an analysis flag (wrapping), if any.
    [[nodiscard]] std::optional<std::size_t> nextFlagged(std::optional<std::size_t> from) const;

Q_SIGNALS:
    // The user picked an arrow (click or keyboard).
    void arrowActivated(std::size_t index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void relayout();
    void updateScrollBars();
    [[nodiscard]] QPointF toContent(const QPointF& viewport_pos) const;
    void activate(std::size_t index);

    LadderScene scene_;
    LadderSceneOptions options_;
    LadderPaintState state_;
};

}  // namespace seqscope::ui
