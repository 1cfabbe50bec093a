// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/plot_widget.h"

#include "ui/plot/plot_style.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>
#include <numeric>

namespace seqscope::ui {

namespace {

const char* const kRole = "seqscopeRole";

// A click within this many pixels of a point selects it.
constexpr double kClickRadius = 10.0;

QCPScatterStyle scatterOf(const SeriesLook& look) {
    const QPen pen(look.color, 1.2);
    switch (look.mark) {
    case PlotMark::None: return QCPScatterStyle(QCPScatterStyle::ssNone);
    case PlotMark::Dot: return QCPScatterStyle(QCPScatterStyle::ssDisc, look.color, look.mark_size);
    case PlotMark::Circle: return QCPScatterStyle(QCPScatterStyle::ssCircle, pen, Qt::NoBrush, look.mark_size);
    case PlotMark::Disc: return QCPScatterStyle(QCPScatterStyle::ssDisc, look.color, look.mark_size);
    case PlotMark::Triangle:
        return QCPScatterStyle(QCPScatterStyle::ssTriangle, pen, QBrush(look.color), look.mark_size);
    case PlotMark::Cross: return QCPScatterStyle(QCPScatterStyle::ssCross, QPen(look.color, 2.0), Qt::NoBrush, look.mark_size);
    }
    return QCPScatterStyle(QCPScatterStyle::ssNone);
}

// The order that sorts `keys` by x, keeping equal keys in their order (QCustomPlot
// keeps data sorted by key; bars must stay matched to their error values).
template <typename T>
std::vector<std::size_t> byX(const std::vector<T>& items) {
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return items[a].x < items[b].x; });
    return order;
}

QString legendName(const Series& s) {
    const std::size_t n = s.points.size() + s.bars.size();
    return QString::fromStdString(s.name) + QStringLiteral(" (") + QLocale().toString(static_cast<qulonglong>(n)) +
           QLatin1Char(')');
}

}  // namespace

PlotWidget::PlotWidget(QWidget* parent)
    : QWidget(parent), stack_(new QStackedWidget), message_(new QLabel), plot_(new QCustomPlot) {
    message_->setAlignment(Qt::AlignCenter);
    message_->setWordWrap(true);
    message_->setMargin(20);
    stack_->addWidget(message_);
    stack_->addWidget(plot_);
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(stack_);

    // Group separators make sequence numbers and byte counts readable (1,234,567).
    plot_->setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->plotLayout()->insertRow(0);
    title_ = new QCPTextElement(plot_, QString(), QFont(font().family(), font().pointSize() + 1, QFont::Bold));
    plot_->plotLayout()->addElement(0, 0, title_);
    // The legend in a row of its own under the title: inside the axes it always
    // covers some graph's data (the top-left of a window graph, the top-right of
    // a time-sequence graph).
    plot_->legend->setVisible(true);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(4);
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    plot_->axisRect()->insetLayout()->simplify();
    plot_->plotLayout()->insertRow(1);
    plot_->plotLayout()->addElement(1, 0, plot_->legend);
    plot_->plotLayout()->setRowStretchFactor(1, 0.001);
    plot_->plotLayout()->setRowSpacing(0);
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { press_at_ = e->pos(); });
    connect(plot_, &QCustomPlot::mouseRelease, this, [this](QMouseEvent* e) { onRelease(e->pos()); });
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent* e) {
        if (graph_ && plot_->axisRect()->rect().contains(e->pos()))
            Q_EMIT hovered(plot_->xAxis->pixelToCoord(e->pos().x()));
        else
            Q_EMIT hovered(std::nullopt);
    });
    connect(plot_, &QCustomPlot::mouseDoubleClick, this, [this] { fit(); });
    showMessage(QString());
}

PlotWidget::~PlotWidget() = default;

QWidget* PlotWidget::plotArea() const { return plot_; }

QString PlotWidget::message() const { return stack_->currentWidget() == message_ ? message_->text() : QString(); }

void PlotWidget::showMessage(const QString& text) {
    graph_.reset();
    marked_.reset();
    plot_->clearPlottables();
    plot_->clearItems();
    marker_ = nullptr;
    cursor_ = nullptr;
    message_->setText(text);
    stack_->setCurrentWidget(message_);
}

void PlotWidget::setGraph(std::shared_ptr<const Graph> graph, bool keep_range) {
    if (!graph) {
        showMessage(QString());
        return;
    }
    const QCPRange x_range = plot_->xAxis->range();
    const QCPRange y_range = plot_->yAxis->range();
    const bool had_graph = graph_ != nullptr;
    graph_ = std::move(graph);
    plot_->clearPlottables();
    plot_->clearItems();
    title_->setText(QString::fromStdString(graph_->title));
    plot_->xAxis->setLabel(QString::fromStdString(graph_->x_label));
    plot_->yAxis->setLabel(QString::fromStdString(graph_->y_label));
    for (const Series& s : graph_->series) addSeries(s);

    marker_ = plot_->addGraph();
    marker_->setLineStyle(QCPGraph::lsNone);
    marker_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(selectionColor(), 2.0), Qt::NoBrush, 14));
    marker_->removeFromLegend();
    cursor_ = new QCPItemStraightLine(plot_);
    cursor_->setPen(QPen(cursorColor(), 1.0, Qt::DashLine));
    cursor_->setSelectable(false);
    cursor_->setVisible(false);

    // Large numbers (sequence numbers, bytes) in full; small ones (seconds, ms) as they come.
    double y_max = 0;
    for (const Series& s : graph_->series) {
        for (const SeriesPoint& p : s.points) y_max = std::max(y_max, std::abs(p.y));
        for (const SeriesBar& b : s.bars) y_max = std::max(y_max, std::abs(b.high));
    }
    plot_->yAxis->setNumberFormat(y_max >= 1e4 ? QStringLiteral("f") : QStringLiteral("gb"));
    plot_->yAxis->setNumberPrecision(y_max >= 1e4 ? 0 : 4);

    stack_->setCurrentWidget(plot_);
    if (keep_range && had_graph) {
        plot_->xAxis->setRange(x_range);
        plot_->yAxis->setRange(y_range);
    } else {
        fit();
    }
    updateMarker();
    setCursorX(cursor_x_);
    plot_->replot();
}

void PlotWidget::addSeries(const Series& series) {
    const SeriesLook look = seriesLook(series.role, series.style);
    QCPGraph* g = plot_->addGraph();
    g->setPen(QPen(look.color, look.line_width));
    g->setScatterStyle(scatterOf(look));
    g->setName(legendName(series));
    g->setProperty(kRole, static_cast<int>(series.role));
    switch (series.style) {
    case SeriesStyle::Points: g->setLineStyle(QCPGraph::lsNone); break;
    case SeriesStyle::Line: g->setLineStyle(QCPGraph::lsLine); break;
    case SeriesStyle::StepLeft: g->setLineStyle(QCPGraph::lsStepLeft); break;
    case SeriesStyle::Bars: g->setLineStyle(QCPGraph::lsNone); break;
    }
    if (series.style != SeriesStyle::Bars) {
        QVector<double> xs, ys;
        xs.reserve(static_cast<qsizetype>(series.points.size()));
        ys.reserve(xs.capacity());
        for (std::size_t i : byX(series.points)) {
            xs.push_back(series.points[i].x);
            ys.push_back(series.points[i].y);
        }
        g->setData(xs, ys, true);
        if (series.points.empty()) g->removeFromLegend();
        return;
    }
    // Bars: each one a value error bar from low up to high on an invisible anchor
    // graph at `low`; QCustomPlot draws 100k of them as fast as a scatter.
    g->setProperty(kRole, QVariant());
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
    g->removeFromLegend();
    QVector<double> xs, lows, minus, plus;
    for (std::size_t i : byX(series.bars)) {
        const SeriesBar& b = series.bars[i];
        xs.push_back(b.x);
        lows.push_back(b.low);
        minus.push_back(0);
        plus.push_back(b.high - b.low);
    }
    g->setData(xs, lows, true);
    auto* bars = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
    bars->setDataPlottable(g);
    bars->setErrorType(QCPErrorBars::etValueError);
    bars->setData(minus, plus);
    bars->setPen(QPen(look.color, look.line_width));
    bars->setWhiskerWidth(5);
    bars->setSymbolGap(0);
    bars->setName(legendName(series));
    bars->setProperty(kRole, static_cast<int>(series.role));
    if (series.bars.empty()) bars->removeFromLegend();
}

int PlotWidget::plottedCount(SeriesRole role) const {
    for (int i = 0; i < plot_->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot_->plottable(i);
        const QVariant r = p->property(kRole);
        if (!r.isValid() || r.toInt() != static_cast<int>(role)) continue;
        if (auto* g = qobject_cast<QCPGraph*>(p)) return g->dataCount();
        if (auto* b = qobject_cast<QCPErrorBars*>(p)) return b->dataCount();
    }
    return -1;
}

QString PlotWidget::plottedName(SeriesRole role) const {
    for (int i = 0; i < plot_->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot_->plottable(i);
        const QVariant r = p->property(kRole);
        if (r.isValid() && r.toInt() == static_cast<int>(role)) return p->name();
    }
    return {};
}

void PlotWidget::fit() {
    if (!graph_) return;
    plot_->rescaleAxes();
    // A little air so the first and last points are not on the frame.
    plot_->xAxis->scaleRange(1.04);
    plot_->yAxis->scaleRange(1.06);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::setXRange(double lower, double upper) {
    if (!graph_ || !(upper > lower)) return;
    plot_->xAxis->setRange(lower, upper);
    // The value axis to what is visible in that span, not the whole graph.
    QCPRange y;
    bool any = false;
    for (int i = 0; i < plot_->plottableCount(); ++i) {
        bool found = false;
        const QCPRange r = plot_->plottable(i)->getValueRange(found, QCP::sdBoth, plot_->xAxis->range());
        if (!found) continue;
        y = any ? QCPRange(std::min(y.lower, r.lower), std::max(y.upper, r.upper)) : r;
        any = true;
    }
    if (any) {
        plot_->yAxis->setRange(y);
        plot_->yAxis->scaleRange(1.08);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

double PlotWidget::xLower() const { return plot_->xAxis->range().lower; }

double PlotWidget::xUpper() const { return plot_->xAxis->range().upper; }

QPoint PlotWidget::pixelOf(double x, double y) {
    plot_->replot();  // lays out the axis rect for the widget's current size
    return QPointF(plot_->xAxis->coordToPixel(x), plot_->yAxis->coordToPixel(y)).toPoint();
}

void PlotWidget::setMarkedFrame(std::optional<std::uint32_t> frame) {
    if (frame == marked_) return;
    marked_ = frame;
    updateMarker();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::updateMarker() {
    if (marker_ == nullptr) return;
    QVector<double> xs, ys;
    if (graph_ && marked_) {
        for (const Series& s : graph_->series) {
            for (const SeriesPoint& p : s.points)
                if (p.frame.value == *marked_) {
                    xs.push_back(p.x);
                    ys.push_back(p.y);
                }
            for (const SeriesBar& b : s.bars)
                if (b.frame.value == *marked_) {
                    xs.push_back(b.x);
                    ys.push_back((b.low + b.high) / 2);
                }
        }
    }
    marker_->setData(xs, ys);
}

int PlotWidget::markCount() const { return marker_ ? marker_->dataCount() : 0; }

void PlotWidget::setCursorX(std::optional<double> x) {
    cursor_x_ = x;
    if (cursor_ == nullptr) return;
    cursor_->setVisible(x.has_value());
    if (x) {
        cursor_->point1->setCoords(*x, 0);
        cursor_->point2->setCoords(*x, 1);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::onRelease(const QPoint& at) {
    // A drag pans; only a press and release in (nearly) one place is a click.
    if (!graph_ || (at - press_at_).manhattanLength() > 3) return;
    const QRect area = plot_->axisRect()->rect();
    if (!area.contains(at) || area.width() <= 0 || area.height() <= 0) return;
    const double x_scale = plot_->xAxis->range().size() / area.width();
    const double y_scale = plot_->yAxis->range().size() / area.height();
    const auto frame = nearest_frame(*graph_, plot_->xAxis->pixelToCoord(at.x()), plot_->yAxis->pixelToCoord(at.y()),
                                     x_scale, y_scale, kClickRadius);
    if (frame) Q_EMIT frameClicked(frame->value);
}

bool PlotWidget::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_ && event->type() == QEvent::Leave) Q_EMIT hovered(std::nullopt);
    return QWidget::eventFilter(watched, event);
}

// The export shows the data, not where the mouse happened to be.
static bool withoutCursor(QCPItemStraightLine* cursor, const std::function<bool()>& save) {
    const bool shown = cursor && cursor->visible();
    if (shown) cursor->setVisible(false);
    const bool ok = save();
    if (shown) cursor->setVisible(true);
    return ok;
}

bool PlotWidget::savePng(const QString& path, int width, int height) {
    return graph_ && withoutCursor(cursor_, [&] { return plot_->savePng(path, width, height); });
}

bool PlotWidget::savePdf(const QString& path, int width, int height) {
    return graph_ && withoutCursor(cursor_, [&] {
               return plot_->savePdf(path, width, height, QCP::epAllowCosmetic, QStringLiteral("seqscope"),
                                     QString::fromStdString(graph_->title));
           });
}

}  // namespace seqscope::ui
