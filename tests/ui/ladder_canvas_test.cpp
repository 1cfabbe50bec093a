// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder canvas on its own, offscreen, on the bundled demo capture: lanes
// swapped and hidden, zoom, Rows mode, the hover tooltip's why text, the raw
// numbers against seqscope-cli, and a paint of a band far down a long ladder.
#include "ui_test_support.h"

#include "session/capture_session.h"
#include "ladder/ladder_builder.h"
#include "ui/ladder/ladder_canvas.h"
#include "ui/ladder/ladder_view.h"
#include "ui/ladder/ladder_why.h"
#include "ui/selection_hub.h"

#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>

namespace seqscope::ui {
namespace {

const QString kDemo = QStringLiteral(SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo.pcapng");

std::shared_ptr<CaptureSession> load(const QString& file) {
    auto session = std::make_shared<CaptureSession>();
    std::string error;
    EXPECT_TRUE(session->open_file(file.toStdString(), error)) << error;
    while (!session->load_done()) session->load_batch(4096);
    return session;
}

std::shared_ptr<const Ladder> demo_ladder(bool relative = true) {
    static const auto session = load(kDemo);
    LadderOptions o;
    o.relative = relative;
    return std::make_shared<const Ladder>(tcp_ladder_for_stream(*session, TcpStreamId{0}, o));
}

TEST(LadderCanvas, LanesSwapAndHide) {
    test::app();
    LadderCanvas canvas;
    canvas.resize(1000, 700);
    canvas.setLadder(demo_ladder());
    const LadderScene& s = canvas.scene();
    ASSERT_GE(s.arrowCount(), 3u);
    const double x0 = s.laneX(0), x1 = s.laneX(1);
    ASSERT_LT(x0, x1);  // client on the left
    EXPECT_DOUBLE_EQ(s.arrow(0).x0, x0);
    canvas.swapLanes();
    EXPECT_DOUBLE_EQ(s.laneX(0), x1);
    EXPECT_DOUBLE_EQ(s.laneX(1), x0);
    EXPECT_DOUBLE_EQ(s.arrow(0).x0, x1);  // the SYN now starts on the right
    canvas.setLaneHidden(0, true);
    EXPECT_TRUE(s.laneHidden(0));
    ASSERT_EQ(s.visibleLanes().size(), 1u);
    EXPECT_EQ(s.visibleLanes().front(), 1);
    EXPECT_GT(s.laneX(0), s.laneX(1));  // folded into the right edge
}

TEST(LadderCanvas, ZoomAndRowsMode) {
    test::app();
    LadderCanvas canvas;
    canvas.resize(1000, 700);
    canvas.setLadder(demo_ladder());
    const double h = canvas.scene().height();
    canvas.zoomIn();
    EXPECT_GT(canvas.scene().height(), h);
    canvas.zoomOut();
    canvas.zoomOut();
    EXPECT_LT(canvas.scene().height(), h);
    canvas.setMode(LadderMode::Rows);
    const LadderScene& s = canvas.scene();
    for (std::size_t i = 1; i < s.arrowCount(); ++i)
        EXPECT_NEAR(s.arrow(i).y0 - s.arrow(i - 1).y0, s.rowHeight(), 1e-6) << "row " << i;
    canvas.resize(1000, 2000);
    canvas.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&canvas));
    ASSERT_GT(canvas.viewport()->height(), 1500);
    canvas.zoomToFit();
    EXPECT_LE(canvas.verticalScrollBar()->maximum(), 0);  // all of it in view
}

TEST(LadderCanvas, RawNumbersAreTheWireNumbers) {
    test::app();
    const auto raw = demo_ladder(false);
    QStringList cli;
    for (const QString& line : test::cli_lines({QStringLiteral("-r"), kDemo, QStringLiteral("-T"), QStringLiteral("fields"),
                                                QStringLiteral("-e"), QStringLiteral("tcp.stream"), QStringLiteral("-e"),
                                                QStringLiteral("tcp.seq_raw")}))
        if (line.startsWith(QStringLiteral("0\t"))) cli << line.section(QLatin1Char('\t'), 1);
    ASSERT_EQ(static_cast<std::size_t>(cli.size()), raw->arrows.size());
    for (std::size_t i = 0; i < raw->arrows.size(); ++i) EXPECT_EQ(QString::number(raw->arrows[i].seq), cli[static_cast<int>(i)]);
}

TEST(LadderCanvas, TooltipAndWhyCarryTheArithmetic) {
    test::app();
    const auto l = demo_ladder();
    std::size_t with_equation = 0;
    for (std::size_t i = 0; i < l->arrows.size(); ++i) {
        const LadderArrow& a = l->arrows[i];
        const QString tip = arrowTooltip(*l, i);
        EXPECT_TRUE(tip.contains(QStringLiteral("Frame ") + QString::number(a.frame.value)));
        if (a.equation_long.empty()) continue;
        ++with_equation;
        EXPECT_TRUE(tip.contains(QString::fromStdString(a.equation_long).toHtmlEscaped()));
        EXPECT_TRUE(whyHtml(*l, i).contains(QString::fromStdString(a.equation).toHtmlEscaped()));
    }
    EXPECT_GT(with_equation, 3u);
}

TEST(LadderCanvas, HoverHighlightsAndPaintsFarDown) {
    test::app();
    LadderCanvas canvas;
    canvas.resize(1000, 800);
    canvas.setZoom(3.0);
    canvas.setLadder(demo_ladder());
    canvas.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&canvas));
    const std::size_t last = canvas.scene().arrowCount() - 1;
    canvas.scrollToArrow(last);
    EXPECT_GT(canvas.verticalScrollBar()->value(), 0);
    const auto render = [&] {
        QImage frame(canvas.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        canvas.viewport()->render(&frame);
        return frame;
    };
    const QImage before = render();
    const QPoint at = canvas.arrowPoint(last);
    QTest::mouseMove(canvas.viewport(), at);
    ASSERT_EQ(canvas.hoveredArrow(), std::optional<std::size_t>(last));
    const QImage after = render();
    // The hovered arrow's row is tinted at the left edge, where nothing else is drawn;
    // a row far above it looks as it did before the hover.
    EXPECT_NE(after.pixelColor(8, at.y()), before.pixelColor(8, at.y())) << "the hovered row is not tinted";
    // Below the sticky lane headers, as far from the hovered row as the view allows.
    const int top = static_cast<int>(LadderScene::kHeaderHeight) + 10, bottom = canvas.viewport()->height() - 10;
    const int far = at.y() - top > bottom - at.y() ? top : bottom;
    ASSERT_GT(std::abs(far - at.y()), static_cast<int>(canvas.scene().rowHeight()));
    EXPECT_EQ(after.pixelColor(8, far), before.pixelColor(8, far)) << "a row far from the hover changed";
}

TEST(LadderView, FindFrameSaysWhenItIsNotInTheStream) {
    test::app();
    SelectionHub hub;
    LadderView view(&hub);
    view.resize(1200, 800);
    view.setSession(load(kDemo));
    QSignalSpy shown(&view, &LadderView::ladderShown);
    view.showStream(StreamRef::tcp(0));
    ASSERT_TRUE(shown.wait(30000));
    EXPECT_TRUE(view.findFrame(4));
    EXPECT_EQ(hub.currentPacket(), std::optional<std::size_t>(3));
    const std::uint32_t beyond = view.canvas()->ladder()->arrows.back().frame.value + 1;
    EXPECT_FALSE(view.findFrame(beyond));
    EXPECT_TRUE(view.statusText().contains(QStringLiteral("not in tcp.stream 0"))) << view.statusText().toStdString();
    // Raw numbers: a rebuild keeps the selection.
    view.setRelative(false);
    ASSERT_TRUE(shown.wait(30000));
    ASSERT_TRUE(view.canvas()->selectedArrow().has_value());
    EXPECT_EQ(view.canvas()->ladder()->arrows[*view.canvas()->selectedArrow()].frame.value, 4u);
    EXPECT_FALSE(view.canvas()->ladder()->relative);
}

}  // namespace
}  // namespace seqscope::ui
