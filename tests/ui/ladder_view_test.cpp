// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder pane in the main window, offscreen, on real captures: one arrow per
// segment of the stream (counted by seqscope-cli), the hub keeps the packet list
// and the ladder on the same frame both ways, the view scrolls to the selected
// arrow, keyboard navigation, stale builds dropped, and predict mode.
#include "ui_test_support.h"

#include "ui/ladder/ladder_canvas.h"
#include "ui/ladder/ladder_job.h"
#include "ui/ladder/ladder_predict_panel.h"
#include "ui/ladder/ladder_view.h"
#include "ui/ladder/ladder_why.h"
#include "ui/main_window.h"
#include "ui/packet_list_model.h"
#include "ui/selection_hub.h"
#include "session/capture_session.h"
#include "ui/file_loader.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>

namespace seqscope::ui {
namespace {

// Frame numbers of `field` == value, as seqscope-cli reports them.
std::vector<std::uint32_t> cli_frames(const QString& file, const QString& field, const QString& value) {
    std::vector<std::uint32_t> out;
    for (const QString& line : test::cli_lines({QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("fields"),
                                                QStringLiteral("-e"), QStringLiteral("frame.number"), QStringLiteral("-e"),
                                                field})) {
        const QStringList cols = line.split(QLatin1Char('\t'));
        if (cols.size() == 2 && cols[1] == value) out.push_back(cols[0].toUInt());
    }
    return out;
}

// Opens `file`, selects frame `frame` in the packet list, waits for the ladder.
bool show_ladder_of(MainWindow& w, const QString& file, std::size_t frame) {
    if (!test::open_and_wait(w, file)) return false;
    QSignalSpy shown(w.ladderView(), &LadderView::ladderShown);
    if (!w.selectFrame(frame)) return false;
    return shown.count() > 0 || shown.wait(30000);
}

// While a capture grows (a file loading, later a live capture), refreshing the
// ladder shows the segments read so far; the main window refreshes it as batches come.
TEST(LadderView, GrowsWithTheSessionWhenRefreshed) {
    test::app();
    SelectionHub hub;
    LadderView view(&hub);
    view.resize(1200, 800);
    auto session = std::make_shared<CaptureSession>();
    std::string error;
    ASSERT_TRUE(session->open_file(test::sample("demo-lo.pcapng").toStdString(), error)) << error;
    ASSERT_EQ(session->load_batch(8), 8u);  // the handshake and the first rounds only
    view.setSession(session);
    QSignalSpy shown(&view, &LadderView::ladderShown);
    view.showStream(StreamRef::tcp(0));
    ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
    ASSERT_NE(view.canvas()->ladder(), nullptr);
    const std::size_t early = view.canvas()->ladder()->arrows.size();
    EXPECT_EQ(early, 8u);  // the first 8 frames of demo-lo are all tcp.stream 0

    while (session->load_batch(4096) > 0) {
    }
    const std::size_t all = cli_frames(test::sample("demo-lo.pcapng"), QStringLiteral("tcp.stream"), QStringLiteral("0")).size();
    shown.clear();
    view.refresh();
    ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
    EXPECT_EQ(view.canvas()->ladder()->arrows.size(), all);
    EXPECT_GT(all, early);
}

TEST(LadderView, OneArrowPerSegmentOfTheSelectedStream) {
    test::app();
    MainWindow w;
    w.resize(1500, 900);
    w.show();
    const QString file = test::sample("demo-lo.pcapng");
    ASSERT_TRUE(show_ladder_of(w, file, 5));
    const LadderCanvas* canvas = w.ladderView()->canvas();
    ASSERT_NE(canvas->ladder(), nullptr);
    const auto frames = cli_frames(file, QStringLiteral("tcp.stream"), QStringLiteral("0"));
    ASSERT_FALSE(frames.empty());
    ASSERT_EQ(canvas->ladder()->arrows.size(), frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i) EXPECT_EQ(canvas->ladder()->arrows[i].frame.value, frames[i]);
    // The list's packet is the ladder's selected arrow.
    ASSERT_TRUE(canvas->selectedArrow().has_value());
    EXPECT_EQ(canvas->ladder()->arrows[*canvas->selectedArrow()].frame.value, 5u);
    EXPECT_EQ(w.ladderView()->stream(), StreamRef::tcp(0));
    EXPECT_TRUE(w.ladderView()->whyText().contains(QStringLiteral("acknowledges frame 4"))) << w.ladderView()->whyText().toStdString();
}

TEST(LadderView, ClickingAnArrowSelectsItsFrameInTheList) {
    test::app();
    MainWindow w;
    w.resize(1500, 900);
    w.show();
    ASSERT_TRUE(show_ladder_of(w, test::sample("demo-lo.pcapng"), 1));
    LadderCanvas* canvas = w.ladderView()->canvas();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    for (std::size_t i : {std::size_t{3}, std::size_t{1}, std::size_t{6}}) {
        canvas->scrollToArrow(i);
        const QPoint at = canvas->arrowPoint(i);
        ASSERT_TRUE(canvas->viewport()->rect().contains(at)) << "arrow " << i << " not in view";
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, at);
        const std::uint32_t frame = canvas->ladder()->arrows[i].frame.value;
        ASSERT_TRUE(w.selection()->currentPacket().has_value());
        EXPECT_EQ(*w.selection()->currentPacket(), frame - 1);
        EXPECT_EQ(w.packetList()->currentIndex().row(), static_cast<int>(frame - 1));
        EXPECT_EQ(canvas->selectedArrow(), i);
    }
}

TEST(LadderView, SelectingAFrameScrollsToItsArrow) {
    test::app();
    MainWindow w;
    w.resize(1500, 700);
    w.show();
    const QString file = test::sample("demo-lo.pcapng");
    ASSERT_TRUE(show_ladder_of(w, file, 1));
    LadderCanvas* canvas = w.ladderView()->canvas();
    canvas->setZoom(2.0);  // taller than the view
    canvas->verticalScrollBar()->setValue(0);
    const auto frames = cli_frames(file, QStringLiteral("tcp.stream"), QStringLiteral("0"));
    const std::uint32_t last = frames.back();
    ASSERT_GT(canvas->scene().height(), canvas->viewport()->height());
    ASSERT_FALSE(canvas->viewport()->rect().contains(canvas->arrowPoint(frames.size() - 1)));
    ASSERT_TRUE(w.selectFrame(last));
    EXPECT_EQ(canvas->selectedArrow(), frames.size() - 1);
    EXPECT_GT(canvas->verticalScrollBar()->value(), 0);
    EXPECT_TRUE(canvas->viewport()->rect().contains(canvas->arrowPoint(frames.size() - 1)));
}

TEST(LadderView, KeyboardStepsAndNextFlaggedFindsRetransmissions) {
    test::app();
    MainWindow w;
    w.resize(1500, 900);
    w.show();
    const QString file = test::capture("synthetic-tcp-analysis-v6.pcapng");
    const auto stream0 = cli_frames(file, QStringLiteral("tcp.stream"), QStringLiteral("0"));
    ASSERT_TRUE(show_ladder_of(w, file, stream0.front()));
    LadderCanvas* canvas = w.ladderView()->canvas();
    ASSERT_EQ(canvas->ladder()->arrows.size(), stream0.size());
    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Down);
    EXPECT_EQ(canvas->selectedArrow(), 1u);
    EXPECT_EQ(*w.selection()->currentPacket(), stream0[1] - 1);
    QTest::keyClick(canvas, Qt::Key_Up);
    EXPECT_EQ(canvas->selectedArrow(), 0u);

    // Every frame seqscope-cli calls a retransmission or dup ACK is reached by N, in order.
    std::vector<std::uint32_t> flagged;
    for (const char* f : {"tcp.analysis.retransmission", "tcp.analysis.duplicate_ack", "tcp.analysis.fast_retransmission"})
        for (std::uint32_t frame : cli_frames(file, QString::fromLatin1(f), QStringLiteral("1")))
            if (std::find(stream0.begin(), stream0.end(), frame) != stream0.end()) flagged.push_back(frame);
    std::sort(flagged.begin(), flagged.end());
    flagged.erase(std::unique(flagged.begin(), flagged.end()), flagged.end());
    ASSERT_FALSE(flagged.empty());
    std::vector<std::uint32_t> reached;
    for (int k = 0; k < 40; ++k) {
        QTest::keyClick(canvas, Qt::Key_N);
        const std::uint32_t frame = canvas->ladder()->arrows[*canvas->selectedArrow()].frame.value;
        if (!reached.empty() && frame <= reached.back()) break;  // wrapped around
        reached.push_back(frame);
    }
    for (std::uint32_t f : flagged) EXPECT_NE(std::find(reached.begin(), reached.end(), f), reached.end()) << "frame " << f;
    std::size_t retrans = 0;
    for (const LadderArrow& a : canvas->ladder()->arrows) retrans += a.kind == ArrowKind::Retransmission;
    EXPECT_GT(retrans, 0u);
}

TEST(LadderView, PredictModeHidesTheAckAndRevealsOnTheRightAnswer) {
    test::app();
    MainWindow w;
    w.resize(1500, 900);
    w.show();
    ASSERT_TRUE(show_ladder_of(w, test::sample("demo-lo.pcapng"), 3));
    LadderView* view = w.ladderView();
    LadderCanvas* canvas = view->canvas();
    view->setPredictMode(true);
    const auto quiz = canvas->quizArrow();
    ASSERT_TRUE(quiz.has_value());
    ASSERT_GT(*quiz, *canvas->selectedArrow());
    const Ladder& l = *canvas->ladder();
    ASSERT_FALSE(l.arrows[*quiz].acked_arrows.empty());
    // The answer from the arithmetic of the acknowledged segment, not from the quiz arrow.
    const LadderArrow& acked = l.arrows[l.arrows[*quiz].acked_arrows.back()];
    const std::uint32_t expected = acked.seq + acked.len + (acked.phantom_byte ? 1 : 0);
    EXPECT_FALSE(view->whyText().contains(QString::number(expected) + QStringLiteral(" = ")));
    EXPECT_FALSE(view->predictPanel()->submit(QString::number(expected + 1)));
    EXPECT_TRUE(view->predictPanel()->verdictText().contains(QStringLiteral("not quite")));
    // A wrong number reveals too; ask again from the same place for a right one.
    EXPECT_FALSE(canvas->quizArrow().has_value());
    view->setPredictMode(false);
    view->setPredictMode(true);
    ASSERT_EQ(canvas->quizArrow(), quiz);
    EXPECT_TRUE(view->predictPanel()->submit(QString::number(expected)));
    EXPECT_TRUE(view->predictPanel()->verdictText().contains(QStringLiteral("right")));
    EXPECT_TRUE(view->predictPanel()->verdictText().contains(QString::fromStdString(l.arrows[*quiz].equation)));
    EXPECT_FALSE(canvas->quizArrow().has_value());
}

TEST(LadderView, UdpStreamShowsDatagramsAndTheIcmpError) {
    test::app();
    MainWindow w;
    w.resize(1500, 900);
    w.show();
    const QString file = test::sample("demo-lo-variations.pcapng");
    const auto udp0 = cli_frames(file, QStringLiteral("udp.stream"), QStringLiteral("0"));
    ASSERT_FALSE(udp0.empty());
    ASSERT_TRUE(show_ladder_of(w, file, udp0.front()));
    const Ladder* l = w.ladderView()->canvas()->ladder();
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(w.ladderView()->stream(), StreamRef::udp(0));
    std::size_t icmp = 0;
    for (const LadderArrow& a : l->arrows) icmp += a.kind == ArrowKind::IcmpError;
    EXPECT_EQ(icmp, 1u);
    EXPECT_GE(l->arrows.size(), udp0.size());
}

TEST(LadderJob, DropsAStaleBuild) {
    test::app();
    auto session = std::make_shared<CaptureSession>();
    std::string error;
    ASSERT_TRUE(session->open_file(test::capture("synthetic-tcp-analysis-v6.pcapng").toStdString(), error)) << error;
    while (!session->load_done()) session->load_batch(4096);
    LadderJob job;
    QSignalSpy ready(&job, &LadderJob::ready);
    job.start(session, StreamRef::tcp(0), {});
    job.start(session, StreamRef::tcp(1), {});
    // Both builds come back; only the newer one is shown.
    ASSERT_TRUE(test::wait_until([&] { return job.settledBuilds() == 2; }, 30000));
    ASSERT_EQ(ready.count(), 1);
    EXPECT_EQ(ready.front().at(1).value<StreamRef>(), StreamRef::tcp(1));
    EXPECT_FALSE(job.running());
}

}  // namespace
}  // namespace seqscope::ui
