// SPDX-License-Identifier: GPL-3.0-or-later
// The one QCustomPlot wrapper: nothing else in ui/ includes qcustomplot.h. It
// draws a core Graph as it is (the series are computed in core and only copied
// into QCustomPlot graphs), one colour per SeriesRole (plot_style.h), with a
// legend, axis labels, drag to pan, wheel to zoom, double-click to fit, a marker
// on one frame's points and a vertical cursor line. A click near a point reports
// its frame (core nearest_frame in pixels); hovering reports the x under the mouse.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "graphs/graph_series.h"
#endif

#include <QPoint>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <optional>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;
class QLabel;
class QStackedWidget;

namespace seqscope::ui {

class PlotWidget : public QWidget {
    Q_OBJECT
public:
    explicit PlotWidget(QWidget* parent = nullptr);
    ~PlotWidget() override;

    // Draws `graph` and fits the axes to it (unless `keep_range`, for a refresh of
    // the same view). Replaces whatever was shown.
    void setGraph(std::shared_ptr<const Graph> graph, bool keep_range = false);
    // No graph: the sentence takes the plot's place.
    void showMessage(const QString& text);
    [[nodiscard]] const Graph* graph() const { return graph_.get(); }
    [[nodiscard]] QString message() const;

    // Rings the points (and bars) of this frame; nothing for nullopt.
    void setMarkedFrame(std::optional<std::uint32_t> frame);
    [[nodiscard]] std::optional<std::uint32_t> markedFrame() const { return marked_; }
    // How many marks the marked frame has on the plot.
    [[nodiscard]] int markCount() const;
    // A vertical line at x (graph units), or none.
    void setCursorX(std::optional<double> x);
    [[nodiscard]] std::optional<double> cursorX() const { return cursor_x_; }

    // Fits both axes to the data.
    void fit();
    // Shows x from lower to upper, the value axis fitted to the data in that span.
    void setXRange(double lower, double upper);
    // What QCustomPlot holds for the series of `role` (points, or bars): the data
    // it draws, so tests can hold it against the core Graph.
    [[nodiscard]] int plottedCount(SeriesRole role) const;
    [[nodiscard]] QString plottedName(SeriesRole role) const;
    // Where data point (x, y) is in plotArea() pixels, after laying out.
    [[nodiscard]] QPoint pixelOf(double x, double y);
    // The widget that takes the mouse (clicks, hover, drag, wheel).
    [[nodiscard]] QWidget* plotArea() const;
    [[nodiscard]] double xLower() const;
    [[nodiscard]] double xUpper() const;

    // The graph as an image or a PDF of width x height (0: the widget's size).
    bool savePng(const QString& path, int width = 0, int height = 0);
    bool savePdf(const QString& path, int width = 0, int height = 0);

Q_SIGNALS:
    // A click landed within a few pixels of a point or bar of this frame.
    void frameClicked(std::uint32_t frame);
    // The mouse is over the plot at x (graph units); nullopt when it left.
    void hovered(std::optional<double> x);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addSeries(const Series& series);
    void updateMarker();
    void onRelease(const QPoint& at);

    QStackedWidget* stack_;
    QLabel* message_;
    QCustomPlot* plot_;
    QCPTextElement* title_;
    QCPGraph* marker_ = nullptr;
    QCPItemStraightLine* cursor_ = nullptr;
    std::shared_ptr<const Graph> graph_;
    std::optional<std::uint32_t> marked_;
    std::optional<double> cursor_x_;
    QPoint press_at_;
};

}  // namespace seqscope::ui
