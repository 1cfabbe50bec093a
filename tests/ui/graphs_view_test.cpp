// SPDX-License-Identifier: GPL-3.0-or-later
// The TCP Graphs pane in the main window, offscreen, on real captures: every
// graph kind draws exactly the series core computes (the ui only copies them),
// the direction switch draws the other sender, a click on a point selects its
// packet in the hub (and the packet list), the hub's packet is ringed on the
// plot, the shared time cursor goes both ways, a UDP stream gets a sentence, and
// the PNG/PDF exports are real files.
#include "ui_test_support.h"

#include "analysis/collect.h"
#include "session/capture_session.h"
#include "graphs/rtt_graph.h"
#include "graphs/throughput.h"
#include "graphs/time_sequence.h"
#include "graphs/window_graph.h"
#include "ui/graphs/graphs_view.h"
#include "ui/main_window.h"
#include "ui/plot/plot_widget.h"
#include "ui/selection_hub.h"

#include <QDockWidget>
#include <QImage>
#include <QSignalSpy>
#include <QTableView>

#include <cmath>

namespace seqscope::ui {
namespace {

// The lossy download: retransmissions, duplicate ACKs, SACK blocks, a window that moves.
const char* const kLossy = "lossy-download-lo.pcap";

// Opens `file`, selects frame `frame` (1-based) and waits for its stream's graph.
bool show_graph_of(MainWindow& w, const QString& file, std::size_t frame) {
    w.graphsDock()->raise();  // it may share the bottom area with another tab
    if (!test::open_and_wait(w, file)) return false;
    QSignalSpy shown(w.graphsView(), &GraphsView::graphShown);
    if (!w.selectFrame(frame)) return false;
    return shown.count() > 0 || shown.wait(30000);
}

// The stream as core collects it from its own read of the file.
TcpConversationEvents core_events(const QString& file, std::uint32_t stream) {
    CaptureSession session;
    std::string error;
    EXPECT_TRUE(session.open_file(file.toStdString(), error)) << error;
    while (session.load_batch(4096) > 0) {}
    return collect_tcp_stream(session, TcpStreamId{stream});
}

Graph core_graph(GraphKind kind, const TcpConversationEvents& events, std::uint8_t sender) {
    GraphOptions o;
    o.sender = sender;
    switch (kind) {
    case GraphKind::Stevens: return stevens_graph(events, o);
    case GraphKind::Tcptrace: return tcptrace_graph(events, o);
    case GraphKind::Throughput: return throughput_graph(events, o);
    case GraphKind::Rtt: return rtt_graph(events, o);
    case GraphKind::Window: return window_graph(events, o);
    }
    return {};
}

void expect_same_series(const PlotWidget& plot, const Graph& expected, GraphKind kind) {
    ASSERT_NE(plot.graph(), nullptr);
    ASSERT_EQ(plot.graph()->series.size(), expected.series.size()) << graphKindKey(kind).toStdString();
    for (const Series& s : expected.series) {
        const int n = static_cast<int>(s.points.size() + s.bars.size());
        EXPECT_EQ(plot.plottedCount(s.role), n) << graphKindKey(kind).toStdString() << " " << to_string(s.role);
        EXPECT_TRUE(plot.plottedName(s.role).startsWith(QString::fromStdString(s.name))) << to_string(s.role);
    }
}

// The main window, shown, with the lossy download's graph up.
class LossyGraph : public ::testing::Test {
protected:
    void SetUp() override {
        w.resize(1400, 1000);
        w.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
        ASSERT_TRUE(show_graph_of(w, file, 1));
        view = w.graphsView();
        plot = view->plot();
        events = core_events(file, 0);
    }

    QApplication& app = test::app();  // before any widget: each test may run alone
    MainWindow w;
    const QString file = test::sample(kLossy);
    GraphsView* view = nullptr;
    PlotWidget* plot = nullptr;
    TcpConversationEvents events;
};

TEST(GraphsView, DockSitsAtTheBottomAndWaitsForAStream) {
    test::app();
    MainWindow w;
    EXPECT_EQ(w.dockWidgetArea(w.graphsDock()), Qt::BottomDockWidgetArea);
    EXPECT_EQ(w.graphsDock()->windowTitle(), QStringLiteral("TCP Graphs"));
    // Tabbed with the other bottom docks, not stacked under them.
    for (QDockWidget* other : w.findChildren<QDockWidget*>()) {
        if (other == w.graphsDock() || w.dockWidgetArea(other) != Qt::BottomDockWidgetArea) continue;
        EXPECT_TRUE(w.tabifiedDockWidgets(w.graphsDock()).contains(other)) << other->windowTitle().toStdString();
    }
    EXPECT_TRUE(w.graphsView()->plot()->message().contains(QStringLiteral("Select a TCP packet")));
    QString error;
    EXPECT_FALSE(w.graphsView()->exportTo(QStringLiteral("/tmp/never.png"), 0, 0, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("Nothing to export")));
}

TEST_F(LossyGraph, EveryKindDrawsTheSeriesCoreComputes) {
    ASSERT_NE(view->events(), nullptr);
    EXPECT_EQ(view->events()->segments.size(), events.segments.size());
    // The download: the server (endpoint b) sent the data, so the view starts there.
    EXPECT_EQ(view->sender(), busiest_sender(events));
    EXPECT_EQ(view->sender(), 1);
    for (GraphKind k : kGraphKinds) {
        view->setKind(k);
        const Graph expected = core_graph(k, events, view->sender());
        expect_same_series(*view->plot(), expected, k);
        for (const Series& s : expected.series) {
            if (s.role == SeriesRole::ZeroWindow) continue;  // the slow reader never closed the window
            EXPECT_FALSE(s.empty()) << graphKindKey(k).toStdString() << " " << to_string(s.role) << " is empty";
        }
    }
    // The tcptrace graph of this capture shows what it is for.
    view->setKind(GraphKind::Tcptrace);
    for (SeriesRole r : {SeriesRole::Retransmission, SeriesRole::DuplicateAck, SeriesRole::Sack})
        EXPECT_GT(plot->plottedCount(r), 10) << to_string(r);
    EXPECT_TRUE(view->statusText().contains(
        QStringLiteral("%1 retransmissions").arg(plot->plottedCount(SeriesRole::Retransmission))));
}

TEST_F(LossyGraph, DirectionSwitchDrawsTheOtherSender) {
    view->setKind(GraphKind::Stevens);
    const int download = plot->plottedCount(SeriesRole::Sequence);
    const QString title = QString::fromStdString(plot->graph()->title);
    view->setSender(0);
    EXPECT_EQ(view->sender(), 0);
    expect_same_series(*view->plot(), core_graph(GraphKind::Stevens, events, 0), GraphKind::Stevens);
    EXPECT_NE(plot->plottedCount(SeriesRole::Sequence), download);
    EXPECT_NE(QString::fromStdString(plot->graph()->title), title);
    EXPECT_TRUE(QString::fromStdString(plot->graph()->title).contains(QStringLiteral("127.0.0.1:40000 \u2192 127.0.0.1:8080")));
}

TEST_F(LossyGraph, RawSequenceNumbersComeFromCore) {
    view->setKind(GraphKind::Stevens);
    const double relative_first = plot->graph()->series[0].points.front().y;
    view->setRelative(false);
    GraphOptions raw;
    raw.sender = view->sender();
    raw.relative_seq = false;
    EXPECT_EQ(plot->graph()->series[0].points.front().y, stevens_graph(events, raw).series[0].points.front().y);
    EXPECT_NE(plot->graph()->series[0].points.front().y, relative_first);
}

TEST(GraphsView, ClickingAPointSelectsItsPacket) {
    test::app();
    MainWindow w;
    w.resize(1400, 1000);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    ASSERT_TRUE(show_graph_of(w, test::sample("demo-lo.pcapng"), 1));
    GraphsView* view = w.graphsView();
    view->setKind(GraphKind::Stevens);
    PlotWidget* plot = view->plot();
    const Series& seq = plot->graph()->series[0];
    ASSERT_GE(seq.points.size(), 4u);
    // Every data point of the sparse demo, in an order the list would not give.
    for (std::size_t i : {std::size_t{3}, std::size_t{0}, seq.points.size() - 1, std::size_t{2}}) {
        const SeriesPoint& p = seq.points[i];
        const QPoint at = plot->pixelOf(p.x, p.y);
        ASSERT_TRUE(plot->plotArea()->rect().contains(at)) << i;
        QTest::mouseClick(plot->plotArea(), Qt::LeftButton, {}, at);
        ASSERT_TRUE(w.selection()->currentPacket().has_value()) << i;
        EXPECT_EQ(*w.selection()->currentPacket() + 1, p.frame.value) << i;
        EXPECT_EQ(w.packetList()->currentIndex().row() + 1, static_cast<int>(p.frame.value));
        EXPECT_EQ(plot->markedFrame(), p.frame.value);
    }
    // A click in empty space (far below every point) selects nothing new.
    const auto before = w.selection()->currentPacket();
    const QPoint empty = plot->pixelOf(seq.points.back().x, -1000);
    QTest::mouseClick(plot->plotArea(), Qt::LeftButton, {}, QPoint(empty.x(), plot->plotArea()->height() - 60));
    EXPECT_EQ(w.selection()->currentPacket(), before);
}

TEST_F(LossyGraph, TheHubsPacketIsRingedOnThePlot) {
    view->setKind(GraphKind::Tcptrace);
    const Series* retx = plot->graph()->find(SeriesRole::Retransmission);
    ASSERT_NE(retx, nullptr);
    ASSERT_FALSE(retx->points.empty());
    const std::uint32_t frame = retx->points.front().frame.value;
    ASSERT_TRUE(w.selectFrame(frame));
    EXPECT_EQ(plot->markedFrame(), frame);
    // Its segment bar and its retransmission mark.
    EXPECT_EQ(plot->markCount(), 2);
    ASSERT_TRUE(w.selectFrame(frame + 1));
    EXPECT_EQ(plot->markedFrame(), frame + 1);
    // Another kind keeps the ring on the same packet.
    view->setKind(GraphKind::Stevens);
    EXPECT_EQ(plot->markedFrame(), frame + 1);
}

TEST_F(LossyGraph, TheTimeCursorGoesBothWays) {
    const std::int64_t first = view->events()->segments.front().ts_ns;
    // Another view moves the hub's cursor: the plot draws it at that time.
    w.selection()->setCursorTime(first + 250'000'000);
    ASSERT_TRUE(plot->cursorX().has_value());
    EXPECT_NEAR(*plot->cursorX(), 0.25, 1e-9);
    w.selection()->setCursorTime(std::nullopt);
    EXPECT_FALSE(plot->cursorX().has_value());
    // The mouse over the plot moves the hub's cursor to the time under it.
    const double x = (plot->xLower() + plot->xUpper()) / 2;
    const QPoint at = plot->pixelOf(x, plot->graph()->series[0].bars.front().low);
    QMouseEvent move(QEvent::MouseMove, QPointF(at), plot->plotArea()->mapToGlobal(QPointF(at)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(plot->plotArea(), &move);
    ASSERT_TRUE(w.selection()->cursorTime().has_value());
    const double per_pixel = (plot->xUpper() - plot->xLower()) / plot->plotArea()->width();
    EXPECT_NEAR(static_cast<double>(*w.selection()->cursorTime() - first) / 1e9, x, 2 * per_pixel);
    ASSERT_TRUE(plot->cursorX().has_value());
    EXPECT_NEAR(*plot->cursorX(), x, 2 * per_pixel);
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(plot->plotArea(), &leave);
    EXPECT_FALSE(w.selection()->cursorTime().has_value());
}

TEST(GraphsView, UdpStreamGetsASentence) {
    test::app();
    MainWindow w;
    w.show();
    const QString file = test::sample("demo-lo.pcapng");
    ASSERT_TRUE(test::open_and_wait(w, file));
    ASSERT_TRUE(w.selectFrame(18));  // the first UDP datagram
    EXPECT_EQ(w.graphsView()->stream(), StreamRef::udp(0));
    EXPECT_TRUE(w.graphsView()->plot()->message().contains(QStringLiteral("UDP"))) << w.graphsView()->plot()->message().toStdString();
    EXPECT_EQ(w.graphsView()->plot()->graph(), nullptr);
    // Back to TCP: a graph again.
    QSignalSpy shown(w.graphsView(), &GraphsView::graphShown);
    ASSERT_TRUE(w.selectFrame(4));
    ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
    EXPECT_NE(w.graphsView()->plot()->graph(), nullptr);
    EXPECT_TRUE(w.graphsView()->plot()->message().isEmpty());
}

TEST_F(LossyGraph, ExportsPngAndPdf) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (GraphKind k : kGraphKinds) {
        view->setKind(k);
        const QString png = dir.filePath(graphKindKey(k) + QStringLiteral(".png"));
        QString error;
        ASSERT_TRUE(view->exportTo(png, 900, 500, &error)) << error.toStdString();
        const QImage image(png);
        ASSERT_FALSE(image.isNull()) << graphKindKey(k).toStdString();
        EXPECT_EQ(image.size(), QSize(900, 500));
        // Not a blank page: the series' colours are in it.
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2) coloured += image.pixelColor(x, y).saturation() > 80;
        EXPECT_GT(coloured, 200) << graphKindKey(k).toStdString();
    }
    const QString pdf = dir.filePath(QStringLiteral("graph.pdf"));
    ASSERT_TRUE(view->exportTo(pdf, 900, 500));
    QFile f(pdf);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.read(4) == "%PDF");
    EXPECT_GT(f.size(), 2000);
    QString error;
    EXPECT_FALSE(view->exportTo(dir.filePath(QStringLiteral("graph.svg")), 0, 0, &error));
    EXPECT_TRUE(error.contains(QStringLiteral(".png or .pdf")));
}

TEST(GraphsView, KindNamesRoundTrip) {
    for (GraphKind k : kGraphKinds) EXPECT_EQ(graphKindFromKey(graphKindKey(k)), k);
    EXPECT_EQ(graphKindFromKey(QStringLiteral(" TCPTrace ")), GraphKind::Tcptrace);
    EXPECT_FALSE(graphKindFromKey(QStringLiteral("bytes")).has_value());
}

}  // namespace
}  // namespace seqscope::ui
