// SPDX-License-Identifier: GPL-3.0-or-later
// The main window, offscreen, with real files: errors as sentences in the status
// bar, damaged files keep their good packets, and the details and bytes panes
// show the selected packet exactly as seqscope-cli -V does.
#include "ui_test_support.h"

#include "session/capture_session.h"
#include "ui/bytes_pane.h"
#include "ui/details_pane.h"
#include "ui/file_loader.h"
#include "ui/main_window.h"
#include "ui/packet_list_model.h"
#include "ui/roles.h"
#include "ui/selection_hub.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>

namespace seqscope::ui {
namespace {

using test::capture;

TEST(MainWindow, ShowsCountAndFileNameWhenLoaded) {
    test::app();
    MainWindow w;
    w.show();
    const QString file = capture("netperfmeter.pcapng");
    ASSERT_TRUE(test::open_and_wait(w, file));
    const int n = test::cli_packet_count(file);
    EXPECT_EQ(w.packetModel()->rowCount(), n);
    EXPECT_TRUE(w.statusText().startsWith(QLocale().toString(n) + QStringLiteral(" packets \u00b7 netperfmeter.pcapng")))
        << w.statusText().toStdString();
    EXPECT_TRUE(w.windowTitle().contains(QStringLiteral("netperfmeter.pcapng")));
}

TEST(MainWindow, SaysInTheStatusBarWhenAFileIsNoCapture) {
    test::app();
    MainWindow w;
    w.show();
    const QString good = capture("gitOverTCP.pcap");
    ASSERT_TRUE(test::open_and_wait(w, good));
    const int rows = w.packetModel()->rowCount();

    const QString not_capture = QStringLiteral(SEQSCOPE_SOURCE_DIR "/LICENSE");
    CaptureSession probe;
    std::string sentence;
    ASSERT_FALSE(probe.open_file(not_capture.toStdString(), sentence));
    EXPECT_FALSE(w.openFile(not_capture));
    EXPECT_EQ(w.noticeText(), QString::fromStdString(sentence));
    EXPECT_TRUE(w.noticeText().contains(QStringLiteral("isn't a capture file")));
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr) << "no dialog for an ordinary error";
    // The capture that was open stays open.
    EXPECT_EQ(w.packetModel()->rowCount(), rows);
    EXPECT_TRUE(w.windowTitle().contains(QStringLiteral("gitOverTCP.pcap")));
    EXPECT_TRUE(w.statusText().contains(QStringLiteral("gitOverTCP.pcap")));
    // The next good file clears the sentence.
    ASSERT_EQ(test::cli_packet_count(capture("http.pcap")), 1);
    ASSERT_TRUE(test::open_and_wait(w, capture("http.pcap")));
    EXPECT_TRUE(w.noticeText().isEmpty());
    EXPECT_TRUE(w.statusText().startsWith(QStringLiteral("1 packet \u00b7 http.pcap"))) << w.statusText().toStdString();
}

TEST(MainWindow, KeepsEveryGoodPacketOfADamagedFile) {
    test::app();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile in(capture("netperfmeter.pcapng"));
    ASSERT_TRUE(in.open(QIODevice::ReadOnly));
    const QByteArray whole = in.readAll();
    const QString cut = dir.filePath(QStringLiteral("cut.pcapng"));
    QFile out(cut);
    ASSERT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(whole.left(whole.size() * 3 / 5 + 7));  // mid-block, most likely mid-packet
    out.close();

    int exit_code = 0;
    const QStringList cli = test::cli_lines(
        {QStringLiteral("-r"), cut, QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
         QStringLiteral("frame.number")},
        &exit_code);
    ASSERT_NE(exit_code, 0) << "the CLI reports the damage too";

    CaptureSession probe;
    std::string ignored;
    ASSERT_TRUE(probe.open_file(cut.toStdString(), ignored));
    while (probe.load_batch(4096) > 0) {}
    ASSERT_TRUE(probe.load_error().has_value());

    MainWindow w;
    w.show();
    ASSERT_TRUE(test::open_and_wait(w, cut));
    EXPECT_EQ(w.packetModel()->rowCount(), cli.size());
    EXPECT_GT(w.packetModel()->rowCount(), 1000);
    EXPECT_TRUE(w.statusText().contains(QString::fromStdString(probe.load_error()->message))) << w.statusText().toStdString();
    EXPECT_TRUE(w.statusText().contains(QStringLiteral("offset"))) << w.statusText().toStdString();
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr);
}

TEST(MainWindow, StopKeepsWhatWasLoaded) {
    test::app();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString big = test::replicate_pcap(dir, "communityid.pcap", 1000);
    MainWindow w;
    w.show();
    QSignalSpy done(&w, &MainWindow::loadFinished);
    ASSERT_TRUE(w.openFile(big));
    QToolButton* stop = nullptr;
    for (QToolButton* b : w.findChildren<QToolButton*>())
        if (b->text() == QStringLiteral("Stop")) stop = b;
    ASSERT_NE(stop, nullptr);
    ASSERT_TRUE(stop->isVisible());
    QTest::mouseClick(stop, Qt::LeftButton);
    ASSERT_TRUE(done.count() > 0 || done.wait(10000));
    EXPECT_EQ(done.count(), 1);
    EXPECT_FALSE(stop->isVisible());
    const CaptureSession* session = w.packetModel()->session();
    ASSERT_NE(session, nullptr);
    EXPECT_EQ(static_cast<std::size_t>(w.packetModel()->rowCount()), session->packet_count());
    EXPECT_LT(w.packetModel()->rowCount(), 105000) << "stopped before the end";
    EXPECT_TRUE(w.statusText().contains(QStringLiteral("loading stopped"))) << w.statusText().toStdString();
    // What was loaded stays usable.
    if (w.packetModel()->rowCount() > 0) {
        ASSERT_TRUE(w.selectFrame(static_cast<std::size_t>(w.packetModel()->rowCount())));
        EXPECT_GT(w.detailsPane()->fieldModel()->rowCount(), 0);
    }
}

// The details pane, flattened with four spaces per level, is the -V text of the frame.
QStringList details_lines(const QStandardItemModel& m, const QModelIndex& parent = {}, int depth = 0) {
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        out << QString(depth * 4, QLatin1Char(' ')) + i.data().toString();
        out << details_lines(m, i, depth + 1);
    }
    return out;
}

// The -V block of frame `number` (blocks are separated by an empty line), without
// seqscope's explanation blocks at its end: the pane shows tshark's tree; the
// explanations need whole conversations and live in the ladder's Why panel.
QStringList cli_verbose_frame(const QString& file, int number) {
    const QStringList lines = test::cli_lines({QStringLiteral("-r"), file, QStringLiteral("-V")});
    QStringList block;
    int frame = 1;
    bool ours = false;
    for (const QString& line : lines) {
        if (line.startsWith(QLatin1String("[seqscope:"))) ours = true;
        else if (ours && !line.startsWith(QLatin1String("    "))) ours = false;
        if (ours) continue;
        if (line.isEmpty()) {
            if (frame == number) return block;
            ++frame;
            block.clear();
            continue;
        }
        block << line;
    }
    return frame == number ? block : QStringList{};
}

TEST(MainWindow, DetailsAndBytesFollowTheSelectedPacket) {
    test::app();
    MainWindow w;
    w.show();
    const QString file = capture("dns+icmp.pcapng");
    ASSERT_TRUE(test::open_and_wait(w, file));
    ASSERT_GE(w.packetModel()->rowCount(), 4);

    for (int frame : {1, 4}) {
        ASSERT_TRUE(w.selectFrame(static_cast<std::size_t>(frame)));
        ASSERT_EQ(w.selection()->currentPacket(), std::optional<std::size_t>(static_cast<std::size_t>(frame - 1)));
        const QStringList expected = cli_verbose_frame(file, frame);
        ASSERT_FALSE(expected.isEmpty());
        EXPECT_EQ(details_lines(*w.detailsPane()->fieldModel()).join(QLatin1Char('\n')).toStdString(),
                  expected.join(QLatin1Char('\n')).toStdString())
            << "frame " << frame;

        // The bytes pane dumps exactly this frame's bytes.
        const Bytes bytes = w.packetModel()->session()->store().bytes(static_cast<std::size_t>(frame - 1));
        EXPECT_EQ(w.bytesPane()->toPlainText(), hexDumpText(bytes));
    }

    // Subtrees the user opened stay open on the next packet.
    w.detailsPane()->expand(w.detailsPane()->fieldModel()->index(0, 0));
    ASSERT_TRUE(w.detailsPane()->expandedPaths().contains(QStringLiteral("frame")));
    ASSERT_TRUE(w.selectFrame(2));
    EXPECT_TRUE(w.detailsPane()->isExpanded(w.detailsPane()->fieldModel()->index(0, 0)));
    EXPECT_TRUE(w.detailsPane()->fieldModel()->index(0, 0).data().toString().startsWith(QStringLiteral("Frame 2:")));

    // Selecting a field highlights its bytes.
    QStandardItemModel* fields = w.detailsPane()->fieldModel();
    const QModelIndex top = fields->index(0, 0);
    ASSERT_TRUE(top.isValid());
    w.detailsPane()->setCurrentIndex(top);
    EXPECT_EQ(w.bytesPane()->highlighted(),
              std::make_pair(top.data(ByteOffsetRole).toInt(), top.data(ByteLengthRole).toInt()));
    EXPECT_GT(w.bytesPane()->highlighted().second, 0) << "the frame node covers the frame";
    EXPECT_EQ(w.bytesPane()->extraSelections().isEmpty(), false);
}

TEST(MainWindow, ThePacketListDrivesTheSelectionHub) {
    test::app();
    MainWindow w;
    w.show();
    const QString file = capture("gitOverTCP.pcap");
    ASSERT_TRUE(test::open_and_wait(w, file));
    const QStringList streams = test::cli_lines({QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("fields"),
                                                 QStringLiteral("-e"), QStringLiteral("tcp.stream")});
    ASSERT_GE(streams.size(), 3);
    QSignalSpy packet(w.selection(), &SelectionHub::currentPacketChanged);
    w.packetList()->setCurrentIndex(w.packetModel()->index(2, PacketListModel::InfoColumn));
    EXPECT_EQ(packet.count(), 1);
    EXPECT_EQ(w.selection()->currentPacket(), std::optional<std::size_t>(2));
    const StreamRef s = w.selection()->currentStream();
    if (streams[2].isEmpty()) {
        EXPECT_FALSE(s.valid());
    } else {
        EXPECT_EQ(s.kind, StreamRef::Kind::Tcp);
        EXPECT_EQ(QString::number(s.id), streams[2].section(QLatin1Char(','), 0, 0));
    }
    // Opening another file clears the selection.
    ASSERT_TRUE(test::open_and_wait(w, capture("http.pcap")));
    EXPECT_FALSE(w.selection()->currentPacket().has_value());
}

}  // namespace
}  // namespace seqscope::ui
