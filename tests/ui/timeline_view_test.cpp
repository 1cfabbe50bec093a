// SPDX-License-Identifier: GPL-3.0-or-later
// The Timeline pane in the main window, offscreen, on the loopback sample with
// every ending (FIN close, RST, half-close, refused, port reuse, UDP with an ICMP
// error): one row per conversation seqscope-cli counts, each starting at the
// stream's first frame; clicks select a conversation and its first packet
// through the hub, the hub's stream highlights its row, zoom/fit/pan move the
// window, the shared cursor goes both ways (and reaches the ladder), and hit
// testing finds the row, bar and marker under the mouse. Plus the pieces
// without a widget: time text, ticks, the scene's time ↔ x.
#include "ui_test_support.h"

#include "support/packet_builder.h"

#include "analysis/collect.h"
#include "session/capture_session.h"
#include "ui/file_loader.h"
#include "ui/ladder/ladder_canvas.h"
#include "ui/ladder/ladder_view.h"
#include "ui/main_window.h"
#include "ui/selection_hub.h"
#include "ui/timeline/timeline_canvas.h"
#include "ui/timeline/timeline_job.h"
#include "ui/draw/timeline_text.h"
#include "ui/draw/timeline_ticks.h"
#include "ui/timeline/timeline_view.h"

#include <QDockWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QWheelEvent>

#include <map>

namespace seqscope::ui {
namespace {

// Opens `file` and waits until the timeline covers every packet.
bool open_and_build(MainWindow& w, const QString& file) {
    if (!test::open_and_wait(w, file)) return false;
    TimelineView* v = w.timelineView();
    const auto count = w.loader()->session()->packet_count();
    return test::wait_until([&] { return !v->building() && v->packetsShown() == count && v->canvas()->timeline(); });
}

struct Window {
    bool app = (test::app(), true);  // before the window
    MainWindow w;
    Window() {
        w.resize(1500, 1000);
        w.show();
        // Undocked and tall, so every row of the sample is in view.
        w.timelineDock()->setFloating(true);
        w.timelineDock()->resize(1400, 700);
    }
    TimelineCanvas* canvas() const { return w.timelineView()->canvas(); }
    const Timeline& timeline() const { return *canvas()->timeline(); }
    std::size_t rowOf(RowKind kind, std::uint32_t stream) const {
        const auto r = canvas()->scene().rowOfStream(kind, stream);
        EXPECT_TRUE(r.has_value()) << "no row for stream " << stream;
        return r.value_or(0);
    }
};

// First frame of every tcp.stream / udp.stream, as seqscope-cli numbers them.
std::map<std::pair<int, std::uint32_t>, std::uint32_t> cli_first_frames(const QString& file) {
    std::map<std::pair<int, std::uint32_t>, std::uint32_t> out;
    for (const QString& line :
         test::cli_lines({QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                          QStringLiteral("frame.number"), QStringLiteral("-e"), QStringLiteral("tcp.stream"),
                          QStringLiteral("-e"), QStringLiteral("udp.stream"), QStringLiteral("-e"), QStringLiteral("icmp.type")})) {
        const QStringList cols = line.split(QLatin1Char('\t'));
        if (cols.size() < 4 || !cols[3].isEmpty()) continue;  // an ICMP error quotes a datagram: not the stream's own
        const std::uint32_t frame = cols[0].toUInt();
        if (!cols[1].isEmpty()) out.try_emplace({0, cols[1].toUInt()}, frame);
        else if (!cols[2].isEmpty()) out.try_emplace({1, cols[2].toUInt()}, frame);
    }
    return out;
}

// A mouse move with no button held (QTest::mouseMove goes through the platform cursor).
void hover(QWidget* w, QPoint at) {
    QMouseEvent move(QEvent::MouseMove, QPointF(at), w->mapToGlobal(QPointF(at)), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(w, &move);
}

const PhaseSpan* find_phase(const TimelineRow& r, PhaseKind k, std::size_t* index = nullptr) {
    for (std::size_t i = 0; i < r.phases.size(); ++i)
        if (r.phases[i].kind == k) {
            if (index) *index = i;
            return &r.phases[i];
        }
    return nullptr;
}

std::optional<std::size_t> find_marker(const TimelineRow& r, MarkerKind k) {
    for (std::size_t i = 0; i < r.markers.size(); ++i)
        if (r.markers[i].kind == k) return i;
    return std::nullopt;
}

TEST(TimelineView, OneRowPerConversationStartingAtItsFirstFrame) {
    Window win;
    const QString file = test::sample("demo-lo-variations.pcapng");
    ASSERT_TRUE(open_and_build(win.w, file));
    const auto firsts = cli_first_frames(file);
    const Timeline& t = win.timeline();
    ASSERT_EQ(t.rows.size(), firsts.size());
    for (const TimelineRow& r : t.rows) {
        const auto it = firsts.find({r.kind == RowKind::Tcp ? 0 : 1, r.stream});
        ASSERT_NE(it, firsts.end()) << r.stream_label;
        EXPECT_EQ(r.first_frame.value, it->second) << r.stream_label;
    }
    // Every ending of the sample is on a row of its own.
    std::map<RowOutcome, int> outcomes;
    for (const TimelineRow& r : t.rows) ++outcomes[r.outcome];
    EXPECT_GE(outcomes[RowOutcome::Closed], 3);
    EXPECT_EQ(outcomes[RowOutcome::Reset], 1);
    EXPECT_EQ(outcomes[RowOutcome::Refused], 1);
    EXPECT_EQ(outcomes[RowOutcome::Udp], 1);
    const TimelineRow& udp = t.rows[win.rowOf(RowKind::Udp, 0)];
    EXPECT_TRUE(find_marker(udp, MarkerKind::IcmpError).has_value());
    EXPECT_TRUE(find_marker(udp, MarkerKind::UdpUnanswered).has_value());
    EXPECT_NE(find_phase(t.rows[win.rowOf(RowKind::Tcp, 2)], PhaseKind::HalfClose), nullptr);
    EXPECT_NE(find_phase(t.rows[win.rowOf(RowKind::Tcp, 0)], PhaseKind::TimeWait), nullptr);
    // All rows shown, none compact for six connections; the summary counts them.
    EXPECT_EQ(win.canvas()->scene().rows().size(), t.rows.size());
    EXPECT_FALSE(win.canvas()->compact());
    EXPECT_TRUE(win.w.timelineView()->summaryText().contains(QStringLiteral("1 refused"))) << win.w.timelineView()->summaryText().toStdString();
    // Hiding UDP leaves the TCP rows.
    win.canvas()->setShowUdp(false);
    EXPECT_EQ(win.canvas()->scene().rows().size(), t.rows.size() - 1);
    win.canvas()->setShowUdp(true);
}

TEST(TimelineView, ClickingARowSelectsItsConversationAndFirstPacket) {
    Window win;
    ASSERT_TRUE(open_and_build(win.w, test::sample("demo-lo-variations.pcapng")));
    const std::size_t refused = win.rowOf(RowKind::Tcp, 3);
    const auto at = win.canvas()->labelPoint(refused);
    ASSERT_TRUE(at.has_value());
    QTest::mouseClick(win.canvas()->viewport(), Qt::LeftButton, {}, *at);
    SelectionHub* hub = win.w.selection();
    EXPECT_EQ(hub->currentStream(), StreamRef::tcp(3));
    const std::uint32_t first = win.timeline().rows[refused].first_frame.value;
    ASSERT_TRUE(hub->currentPacket().has_value());
    EXPECT_EQ(*hub->currentPacket() + 1, first);
    EXPECT_EQ(win.w.packetList()->currentIndex().row() + 1, static_cast<int>(first));  // the list follows
    EXPECT_EQ(win.canvas()->selectedRow(), refused);
    EXPECT_TRUE(win.w.timelineView()->selectionText().contains(QStringLiteral("tcp.stream 3")));

    // Clicking a marker selects that marker's frame: the RST of the reset connection.
    const std::size_t reset = win.rowOf(RowKind::Tcp, 1);
    const auto rst = find_marker(win.timeline().rows[reset], MarkerKind::Rst);
    ASSERT_TRUE(rst.has_value());
    win.canvas()->zoomToRow(reset);
    const auto rst_at = win.canvas()->markerPoint(reset, *rst);
    ASSERT_TRUE(rst_at.has_value());
    QTest::mouseClick(win.canvas()->viewport(), Qt::LeftButton, {}, *rst_at);
    EXPECT_EQ(hub->currentStream(), StreamRef::tcp(1));
    EXPECT_EQ(*hub->currentPacket() + 1, win.timeline().rows[reset].markers[*rst].frame.value);

    // Down steps to the next row and selects its first packet.
    QTest::keyClick(win.canvas(), Qt::Key_Down);
    EXPECT_EQ(hub->currentStream(), StreamRef::tcp(2));
    EXPECT_EQ(*hub->currentPacket() + 1, win.timeline().rows[win.rowOf(RowKind::Tcp, 2)].first_frame.value);
}

TEST(TimelineView, TheHubsStreamIsTheHighlightedRowAndItsPacketTimeIsShown) {
    Window win;
    ASSERT_TRUE(open_and_build(win.w, test::sample("demo-lo-variations.pcapng")));
    const Timeline& t = win.timeline();
    const TimelineRow& udp = t.rows[win.rowOf(RowKind::Udp, 0)];
    // The packet list picks a datagram of the UDP stream.
    const std::uint32_t frame = udp.markers.at(1).frame.value;
    ASSERT_TRUE(win.w.selectFrame(frame));
    EXPECT_EQ(win.w.selection()->currentStream(), StreamRef::udp(0));
    EXPECT_EQ(win.canvas()->selectedRow(), win.rowOf(RowKind::Udp, 0));
    ASSERT_TRUE(win.canvas()->packetTime().has_value());
    EXPECT_EQ(*win.canvas()->packetTime(), udp.markers.at(1).ts_ns);
    EXPECT_TRUE(win.w.timelineView()->selectionText().contains(QStringLiteral("frame %1 at").arg(frame)));
    // Another TCP stream.
    ASSERT_TRUE(win.w.selectFrame(t.rows[win.rowOf(RowKind::Tcp, 4)].first_frame.value));
    EXPECT_EQ(win.canvas()->selectedRow(), win.rowOf(RowKind::Tcp, 4));
}

TEST(TimelineView, ZoomFitAndPanMoveTheWindow) {
    Window win;
    ASSERT_TRUE(open_and_build(win.w, test::sample("demo-lo-variations.pcapng")));
    TimelineCanvas* c = win.canvas();
    const TimelineScene& s = c->scene();
    const double w0 = s.windowStart(), w1 = s.windowEnd();
    EXPECT_FALSE(c->userWindow());
    // Fit shows every row: the earliest start and the latest end are inside the plot.
    EXPECT_GE(s.xOfTime(win.timeline().start_ns), s.plotLeft());
    EXPECT_LE(s.xOfTime(win.timeline().end_ns), s.plotRight());
    c->zoomIn();
    EXPECT_NEAR((s.windowEnd() - s.windowStart()) * 1.25, w1 - w0, 1e-9);
    EXPECT_TRUE(c->userWindow());
    c->fit();
    EXPECT_DOUBLE_EQ(s.windowStart(), w0);
    EXPECT_DOUBLE_EQ(s.windowEnd(), w1);

    // Ctrl+wheel zooms around the mouse: the time under it stays put.
    const QPointF at(s.plotLeft() + s.plotWidth() * 0.3, c->rowsRect().top() + 10);
    const std::int64_t before = s.timeOfX(at.x());
    QWheelEvent wheel(at, c->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::ControlModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(c->viewport(), &wheel);
    EXPECT_LT(s.windowEnd() - s.windowStart(), (w1 - w0) / 1.5);
    EXPECT_NEAR(static_cast<double>(s.timeOfX(at.x())), static_cast<double>(before), 2e3);

    // Keys pan; a drag pans by what the mouse moved.
    const double start = s.windowStart();
    QTest::keyClick(c, Qt::Key_Right);
    EXPECT_GT(s.windowStart(), start);
    const double before_drag = s.windowStart();
    const QPoint from(static_cast<int>(s.plotLeft() + 300), static_cast<int>(c->rowsRect().top() + 20));
    QTest::mousePress(c->viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(from - QPoint(100, 0)), c->viewport()->mapToGlobal(QPointF(from - QPoint(100, 0))),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(c->viewport(), &move);
    QTest::mouseRelease(c->viewport(), Qt::LeftButton, {}, from - QPoint(100, 0));
    EXPECT_NEAR((s.windowStart() - before_drag) * s.pixelsPerAxisSecond(), 100, 0.5);
    QTest::keyClick(c, Qt::Key_0);
    EXPECT_DOUBLE_EQ(s.windowStart(), w0);

    // Zoom to a row: the refused connection's 48 µs fill most of the plot.
    const std::size_t refused = win.rowOf(RowKind::Tcp, 3);
    c->zoomToRow(refused);
    const TimelineRow& r = win.timeline().rows[refused];
    EXPECT_GT(s.xOfTime(r.end_ts) - s.xOfTime(r.first_ts), s.plotWidth() * 0.8);
    // Squeezing idle spans off: the 60 s TIME_WAIT takes the axis, and there is no break.
    c->setCompressIdle(false);
    EXPECT_TRUE(s.axis().breaks().empty());
    EXPECT_FALSE(c->userWindow());
    c->setCompressIdle(true);
    EXPECT_EQ(s.axis().breaks().size(), 1u);
}

TEST(TimelineView, OneCursorSharedWithTheHubAndTheLadder) {
    Window win;
    ASSERT_TRUE(open_and_build(win.w, test::sample("demo-lo-variations.pcapng")));
    TimelineCanvas* c = win.canvas();
    SelectionHub* hub = win.w.selection();
    const TimelineRow& r = win.timeline().rows[win.rowOf(RowKind::Tcp, 0)];
    const std::int64_t t = (r.first_ts + r.last_ts) / 2;
    hub->setCursorTime(t);
    EXPECT_EQ(c->cursorTime(), t);
    EXPECT_EQ(win.w.ladderView()->canvas()->cursorTime(), t);

    // Hovering the plot moves the hub's cursor to the time under the mouse.
    const QPoint at(static_cast<int>(c->scene().plotLeft() + c->scene().plotWidth() * 0.4),
                    static_cast<int>(c->rowsRect().top() + 5));
    hover(c->viewport(), at);
    ASSERT_TRUE(hub->cursorTime().has_value());
    EXPECT_EQ(*hub->cursorTime(), c->scene().timeOfX(at.x()));
    EXPECT_EQ(c->cursorTime(), hub->cursorTime());
    EXPECT_EQ(win.w.ladderView()->canvas()->cursorTime(), hub->cursorTime());
    // Over the label column it stays where it is.
    const auto before = hub->cursorTime();
    hover(c->viewport(), QPoint(30, at.y() + 3));
    EXPECT_EQ(hub->cursorTime(), before);
    EXPECT_TRUE(win.w.timelineView()->selectionText().contains(QStringLiteral("cursor ")));
}

// Whether a horizontal line of the cursor colour crosses the ladder near `y`.
bool cursor_line_near(const QImage& img, int y) {
    int hits = 0;
    for (int x = img.width() / 4; x < img.width() * 3 / 4; x += 7)
        for (int dy = -1; dy <= 1; ++dy) {
            const QColor c = img.pixelColor(x, std::clamp(y + dy, 0, img.height() - 1));
            if (std::abs(c.red() - 0x2e) < 40 && std::abs(c.green() - 0x6b) < 40 && std::abs(c.blue() - 0xc6) < 40) {
                ++hits;
                break;
            }
        }
    return hits >= 5;
}

TEST(TimelineView, TheLadderDrawsTheSharedCursorInTimeTrueMode) {
    Window win;
    ASSERT_TRUE(open_and_build(win.w, test::sample("demo-lo-variations.pcapng")));
    LadderView* ladder = win.w.ladderView();
    QSignalSpy shown(ladder, &LadderView::ladderShown);
    const TimelineRow& r = win.timeline().rows[win.rowOf(RowKind::Tcp, 0)];
    ASSERT_TRUE(win.w.selectFrame(r.first_frame.value));
    ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
    LadderCanvas* lc = ladder->canvas();
    const Ladder& l = *lc->ladder();
    ASSERT_GE(l.arrows.size(), 5u);
    // Halfway between the 3rd and 4th arrows: a blank stretch of the lifelines.
    const std::int64_t t = (l.arrows[2].ts_ns + l.arrows[3].ts_ns) / 2;
    win.w.selection()->setCursorTime(t);
    ASSERT_EQ(lc->cursorTime(), t);
    const int y = static_cast<int>(std::lround(lc->scene().layout().y_of_time(t) - lc->viewBand().top()));
    ASSERT_GT(y, 0);
    ASSERT_LT(y, lc->viewport()->height());
    EXPECT_TRUE(cursor_line_near(lc->viewport()->grab().toImage(), y));
    // Not in the Rows layout (time is not down the page there), nor before the stream.
    lc->setMode(LadderMode::Rows);
    EXPECT_FALSE(cursor_line_near(lc->viewport()->grab().toImage(), y));
    lc->setMode(LadderMode::TimeTrue);
    win.w.selection()->setCursorTime(l.arrows.front().ts_ns - 1'000'000'000);
    EXPECT_FALSE(cursor_line_near(lc->viewport()->grab().toImage(), y));
}

TEST(TimelineJob, RequestsDuringABuildFoldIntoOneMore) {
    test::app();
    auto session = std::make_shared<CaptureSession>();
    std::string error;
    ASSERT_TRUE(session->open_file(SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo-variations.pcapng", error)) << error;
    while (session->load_batch(1024) > 0) {}
    TimelineJob job;
    QSignalSpy ready(&job, &TimelineJob::ready);
    job.setSession(session);
    job.request();
    job.request();  // while the first runs: one follow-up
    job.request();
    // Two builds, then none runs or waits: no third can start without a request.
    ASSERT_TRUE(test::wait_until([&] { return job.settledBuilds() == 2 && !job.running(); }));
    EXPECT_EQ(ready.count(), 2);
    const auto t = ready.last().at(0).value<std::shared_ptr<const Timeline>>();
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->rows.size(), 7u);
    EXPECT_EQ(ready.last().at(1).value<std::size_t>(), session->packet_count());
    // A new capture drops what runs for the old one.
    job.request();
    job.setSession(nullptr);
    ASSERT_TRUE(test::wait_until([&] { return job.settledBuilds() == 3; }));
    EXPECT_EQ(ready.count(), 2);
}

TEST(TimelineView, HitTestingFindsRowBarAndMarker) {
    Window win;
    ASSERT_TRUE(open_and_build(win.w, test::sample("demo-lo-variations.pcapng")));
    TimelineCanvas* c = win.canvas();
    for (const std::uint32_t stream : {0u, 2u, 4u}) {
        const std::size_t row = win.rowOf(RowKind::Tcp, stream);
        std::size_t tw = 0;
        ASSERT_NE(find_phase(win.timeline().rows[row], PhaseKind::TimeWait, &tw), nullptr);
        const auto at = c->phasePoint(row, tw);
        ASSERT_TRUE(at.has_value()) << stream;
        const TimelineHit h = c->hitAt(*at);
        EXPECT_EQ(h.row, row);
        EXPECT_EQ(h.phase, tw);
        EXPECT_TRUE(h.in_plot);
        EXPECT_TRUE(c->tooltipAt(*at).startsWith(QStringLiteral("TIME_WAIT until "))) << c->tooltipAt(*at).toStdString();
        // Below the row's bar band the row still hits, no bar does.
        const TimelineHit under = c->hitAt(*at + QPoint(0, 20));
        EXPECT_EQ(under.row, row);
        EXPECT_FALSE(under.phase.has_value());
    }
    // The handshake's tooltip reads the iRTT in grouped seconds: zoomed to it, a
    // quarter into the bar is clear of the SYN and SYN, ACK ticks.
    const std::size_t row0 = win.rowOf(RowKind::Tcp, 0);
    std::size_t hs = 0;
    const PhaseSpan* handshake = find_phase(win.timeline().rows[row0], PhaseKind::Handshake, &hs);
    ASSERT_NE(handshake, nullptr);
    c->showTimes(handshake->start_ns, handshake->end_ns);
    const auto bar = c->phasePoint(row0, hs);
    ASSERT_TRUE(bar.has_value());
    const QPoint at(static_cast<int>(c->scene().xOfTime(handshake->start_ns + (handshake->end_ns - handshake->start_ns) / 4)),
                    bar->y());
    const TimelineHit h = c->hitAt(at);
    EXPECT_EQ(h.row, row0);
    EXPECT_FALSE(h.marker.has_value());
    EXPECT_EQ(h.phase, hs);
    EXPECT_EQ(c->tooltipAt(at).section(QLatin1Char('\n'), 0, 0),
              QStringLiteral("handshake ") + durationSeconds(*win.timeline().rows[row0].irtt_ns) + QStringLiteral(" (iRTT)"));
    // At the SYN, the marker wins over the bar it sits on.
    const auto syn = find_marker(win.timeline().rows[row0], MarkerKind::Syn);
    ASSERT_TRUE(syn.has_value());
    const auto syn_at = c->markerPoint(row0, *syn);
    ASSERT_TRUE(syn_at.has_value());
    EXPECT_EQ(c->hitAt(*syn_at).marker, syn);
    EXPECT_TRUE(c->tooltipAt(*syn_at).startsWith(QStringLiteral("SYN\nat ")));
    // Nothing above the first row or below the last.
    EXPECT_FALSE(c->hitAt(QPoint(at.x(), 5)).row.has_value());
}

// `n` connections 40 ms apart, IPv4 without a link header: every fifth is
// refused, the others open, send 100 bytes and close from the client.
QString many_connections(const QTemporaryDir& dir, int n) {
    using namespace test;
    std::vector<CapturedPacket> packets;
    const auto add = [&](std::int64_t ts, bool from_client, std::uint16_t port, std::uint32_t seq, std::uint32_t ack,
                         std::uint16_t flags, std::size_t len = 0) {
        TcpSpec t;
        t.sport = from_client ? port : 80;
        t.dport = from_client ? 80 : port;
        t.seq = seq;
        t.ack = ack;
        t.flags = flags;
        Ipv4Spec ip;
        if (!from_client) std::swap(ip.src, ip.dst);
        packets.push_back({ipv4(tcp(Buf(len, 0x61), t), ip), 0, ts});
    };
    constexpr std::uint16_t kSyn = 0x002, kFin = 0x001, kRst = 0x004, kAck = 0x010, kPsh = 0x008;
    for (int i = 0; i < n; ++i) {
        const std::int64_t t0 = 1'700'000'000'000'000'000 + i * 40'000'000LL;
        const auto port = static_cast<std::uint16_t>(40000 + i);
        add(t0, true, port, 100, 0, kSyn);
        if (i % 5 == 4) {
            add(t0 + 50'000, false, port, 0, 101, kRst | kAck);
            continue;
        }
        add(t0 + 50'000, false, port, 500, 101, kSyn | kAck);
        add(t0 + 100'000, true, port, 101, 501, kAck);
        add(t0 + 1'000'000, true, port, 101, 501, kPsh | kAck, 100);
        add(t0 + 1'050'000, false, port, 501, 201, kAck);
        add(t0 + 5'000'000, true, port, 201, 501, kFin | kAck);
        add(t0 + 5'050'000, false, port, 501, 202, kFin | kAck);
        add(t0 + 5'100'000, true, port, 202, 502, kAck);
    }
    const QString path = dir.filePath(QStringLiteral("many.pcap"));
    write_pcap(path.toStdString(), 101, packets);
    return path;
}

TEST(TimelineView, ManyConnectionsAreCompactRows) {
    test::app();
    QTemporaryDir dir;
    const QString file = many_connections(dir, 40);
    Window win;
    ASSERT_TRUE(open_and_build(win.w, file));
    EXPECT_EQ(win.w.timelineView()->packetsShown(), win.w.loader()->session()->packet_count());
    ASSERT_EQ(win.timeline().rows.size(), 40u);
    int refused = 0;
    for (const TimelineRow& r : win.timeline().rows) refused += r.outcome == RowOutcome::Refused;
    EXPECT_EQ(refused, 8);
    EXPECT_TRUE(win.canvas()->compact());
    EXPECT_LT(win.canvas()->scene().metrics().height, 40);
    // Selecting the last connection in the list scrolls its row into view.
    const TimelineRow& last = win.timeline().rows.back();
    ASSERT_TRUE(win.w.selectFrame(last.first_frame.value));
    EXPECT_EQ(win.canvas()->selectedRow(), win.timeline().rows.size() - 1);
    EXPECT_TRUE(win.canvas()->labelPoint(win.timeline().rows.size() - 1).has_value());
    EXPECT_FALSE(win.canvas()->labelPoint(0).has_value());  // scrolled away
    win.canvas()->setCompact(false);
    EXPECT_FALSE(win.canvas()->compact());
    EXPECT_GT(win.canvas()->scene().metrics().height, 50);
}

TEST(TimelineText, GroupedSecondsAndDurations) {
    EXPECT_EQ(groupedSeconds(41'000, 6), QStringLiteral("0.000\u2009041 s"));
    EXPECT_EQ(groupedSeconds(2'400'000'000, 3), QStringLiteral("2.400 s"));
    EXPECT_EQ(groupedSeconds(62'000'000'000, 1, false), QStringLiteral("62.0"));
    EXPECT_EQ(groupedSeconds(-1'500'000, 3), QStringLiteral("\u22120.002 s"));
    EXPECT_EQ(groupedSeconds(123'456'789, 9), QStringLiteral("0.123\u2009456\u2009789 s"));
    EXPECT_EQ(durationSeconds(41'000), QStringLiteral("0.000\u2009041 s"));
    EXPECT_EQ(durationSeconds(1'650'000'000), QStringLiteral("1.650 s"));
    EXPECT_EQ(durationSeconds(183), QStringLiteral("0.000\u2009000\u2009183 s"));
}

TEST(TimelineTicks, RoundStepsAtLeastNinetyPixelsApart) {
    EXPECT_DOUBLE_EQ(tickStep(1000), 0.1);   // 90 px = 0.09 s → 0.1 s
    EXPECT_DOUBLE_EQ(tickStep(100), 1.0);
    EXPECT_DOUBLE_EQ(tickStep(30), 5.0);     // 3 s → 5 s
    EXPECT_NEAR(tickStep(2e6), 5e-5, 1e-15);  // 45 µs → 50 µs
    EXPECT_EQ(tickDecimals(0.5), 1);
    EXPECT_EQ(tickDecimals(0.05), 2);
    EXPECT_EQ(tickDecimals(5e-5), 5);
    EXPECT_EQ(tickDecimals(2), 0);
}

TEST(TimelineScene, TimeAndXAreInversesAndTicksSkipBreaks) {
    test::app();
    CaptureSession session;
    std::string error;
    ASSERT_TRUE(session.open_file(SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo-variations.pcapng", error)) << error;
    while (session.load_batch(1024) > 0) {}
    TimelineOptions o;
    o.origin_ns = session.store().first_ts_ns();
    TimelineScene s;
    s.setTimeline(std::make_shared<const Timeline>(build_timeline(collect_conversations(session), o)));
    TimelineSceneOptions so;
    so.width = 1400;
    s.setOptions(so);
    s.fit();
    for (const TimelineRow& r : s.timeline()->rows)
        for (const std::int64_t t : {r.first_ts, r.last_ts, r.end_ts}) {
            const double x = s.xOfTime(t);
            EXPECT_GE(x, s.plotLeft());
            EXPECT_LE(x, s.plotRight());
            // One pixel is well under a millisecond here, so the round trip is close.
            EXPECT_NEAR(static_cast<double>(s.timeOfX(x)), static_cast<double>(t), 1e3);
        }
    const auto breaks = timelineBreaks(s);
    ASSERT_EQ(breaks.size(), 1u);
    const auto ticks = timelineTicks(s);
    ASSERT_GE(ticks.size(), 4u);
    for (const TimelineTick& t : ticks) EXPECT_FALSE(t.x > breaks[0].x0 + 0.5 && t.x < breaks[0].x1 - 0.5) << t.x;
    // Ticks after the break read the real time: past 60 s.
    EXPECT_GT(ticks.back().since_origin_ns, 60'000'000'000);
    EXPECT_TRUE(s.readoutShown());
    so.width = 700;
    s.setOptions(so);
    EXPECT_FALSE(s.readoutShown());  // no room: the plot keeps its width
}

}  // namespace
}  // namespace seqscope::ui
