// SPDX-License-Identifier: GPL-3.0-or-later
// The scrolling timeline: rows scroll vertically under a sticky time axis; time
// zooms and pans (Ctrl+wheel, Shift+wheel, drag, + − 0 ← →, double-click a row to
// zoom to it). Hovering the plot moves the time cursor (cursorPlaced); a click
// picks a row (rowActivated with the frame under the mouse: a marker's, a bar's
// first, else the row's first); Up/Down step through rows. Tooltips read out
// bars, markers and row labels. From kTimelineCompactFrom rows on they are drawn compact. It knows nothing of captures or the hub: the
// TimelineView wires it.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "ui/draw/timeline_export.h"
#include "ui/draw/timeline_painter.h"
#include "ui/draw/timeline_scene.h"
#endif

#include <QAbstractScrollArea>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace seqscope::ui {

class TimelineCanvas : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineCanvas(QWidget* parent = nullptr);

    // A new or grown timeline. The window is refitted unless the user zoomed or
    // panned; the selected row is kept by its stream.
    void setTimeline(std::shared_ptr<const Timeline> timeline);
    [[nodiscard]] const TimelineScene& scene() const { return scene_; }
    [[nodiscard]] const Timeline* timeline() const { return scene_.timeline(); }

    void setShowTcp(bool on);
    void setShowUdp(bool on);
    void setCompressIdle(bool on);
    // Low rows without words around the bars; by default when there are many rows.
    void setCompact(bool on);
    [[nodiscard]] bool compact() const { return scene_.options().compact; }

    // The highlighted row (a Timeline row index), or none; emits nothing.
    void setSelectedRow(std::optional<std::size_t> row, bool scroll = true);
    [[nodiscard]] std::optional<std::size_t> selectedRow() const { return state_.selected_row; }
    void setCursorTime(std::optional<std::int64_t> ts_ns);
    [[nodiscard]] std::optional<std::int64_t> cursorTime() const { return state_.cursor_ns; }
    void setPacketTime(std::optional<std::int64_t> ts_ns);
    [[nodiscard]] std::optional<std::int64_t> packetTime() const { return state_.packet_ns; }

    void zoomIn();
    void zoomOut();
    void fit();
    // Zooms by `factor` (>1 in) around the plot's middle.
    void zoomBy(double factor);
    // Pans by a fraction of the window (positive: later).
    void panBy(double fraction);
    void zoomToRow(std::size_t row);
    // Shows [t0, t1] (absolute ns) across the plot.
    void showTimes(std::int64_t t0, std::int64_t t1);
    // True once the user zoomed or panned (a growing timeline then keeps the window).
    [[nodiscard]] bool userWindow() const { return user_window_; }
    void scrollToRow(std::size_t row);

    // Where things are, in viewport coordinates (tests click there); nothing if not in view.
    [[nodiscard]] std::optional<QPoint> labelPoint(std::size_t row) const;
    [[nodiscard]] std::optional<QPoint> phasePoint(std::size_t row, std::size_t phase) const;
    [[nodiscard]] std::optional<QPoint> markerPoint(std::size_t row, std::size_t marker) const;
    [[nodiscard]] TimelineHit hitAt(QPoint viewport_pos) const;
    [[nodiscard]] QString tooltipAt(QPoint viewport_pos) const;
    // The rows' band of the viewport (below the axis, above the legend).
    [[nodiscard]] QRectF rowsRect() const;

Q_SIGNALS:
    // The user picked a row: its Timeline index and the frame to select.
    void rowActivated(std::size_t row, std::uint32_t frame);
    // The mouse placed the time cursor (absolute ns).
    void cursorPlaced(std::int64_t ts_ns);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void relayout();
    void updateScrollBars();
    void windowMoved();
    void onHorizontalScroll(int value);
    void activate(std::size_t row, std::uint32_t frame);
    void stepRow(int delta);
    void changeOptions(const std::function<void(TimelineSceneOptions&)>& change);
    [[nodiscard]] double contentY(double viewport_y) const;
    [[nodiscard]] double rowViewportTop(std::size_t shown) const;
    [[nodiscard]] double measureLabelWidth() const;

    TimelineScene scene_;
    TimelinePaintState state_;
    // The selected row by its stream: row indices shift while a capture loads.
    std::optional<std::pair<RowKind, std::uint32_t>> selected_stream_;
    bool user_window_ = false;
    std::optional<bool> compact_choice_;  // the user's; unset: by the number of rows
    // Mouse: where a press started and what was in view then (drag pans).
    std::optional<QPointF> press_;
    bool dragging_ = false;
    double press_window_ = 0;
    int press_scroll_ = 0;
    // The horizontal scroll bar counts pixels from this axis x at the current zoom.
    double hbar_origin_ = 0;
    bool syncing_ = false;
};

}  // namespace seqscope::ui
