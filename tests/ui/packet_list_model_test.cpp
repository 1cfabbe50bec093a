// SPDX-License-Identifier: GPL-3.0-or-later
// The packet list model over real captures: consistent under
// QAbstractItemModelTester while the loader thread appends, rows inserted in
// batches (never reset, never one by one), and the same text seqscope-cli prints.
#include "ui_test_support.h"

#include "format/tshark_output.h"
#include "support/ci_policy.h"
#include "ui/file_loader.h"
#include "ui/packet_list_model.h"
#include "ui/roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

#include <vector>

namespace seqscope::ui {
namespace {

using test::capture;

// Collects what QAbstractItemModelTester reports (it logs through qWarning in
// Warning mode), so a broken model fails the gtest instead of scrolling by.
struct ModelTestMessages {
    static inline QStringList messages;
    static void handler(QtMsgType type, const QMessageLogContext& ctx, const QString& msg) {
        if (type != QtDebugMsg && ctx.category != nullptr && QByteArray(ctx.category).startsWith("qt.modeltest"))
            messages << msg;
    }
    QtMessageHandler previous;
    ModelTestMessages() : previous(qInstallMessageHandler(&handler)) { messages.clear(); }
    ~ModelTestMessages() { qInstallMessageHandler(previous); }
};

struct Loaded {
    FileLoader loader;
    PacketListModel model;
    Loaded() {
        QObject::connect(&loader, &FileLoader::started, &model, [this] { model.setSession(loader.session()); });
        QObject::connect(&loader, &FileLoader::packetsAvailable, &model,
                         [this](std::size_t n, std::uint64_t g) {
                             if (g == loader.generation()) model.setPacketCount(n);
                         });
        QObject::connect(&loader, &FileLoader::finished, &model, [this](std::size_t n, const QString&, std::uint64_t g) {
            if (g == loader.generation()) model.setPacketCount(n);
        });
    }
    bool load(const QString& path) {
        if (!loader.open(path)) return false;
        return test::wait_until([this] { return !loader.loading(); });
    }
};

TEST(PacketListModel, StaysConsistentWhileAFileLoads) {
    test::app();
    ModelTestMessages messages;
    Loaded l;
    l.loader.setBatchSize(256);  // many small batches: the tester sees many inserts
    QAbstractItemModelTester tester(&l.model, QAbstractItemModelTester::FailureReportingMode::Warning);

    std::vector<std::pair<int, int>> inserts;
    int resets = 0;
    QObject::connect(&l.model, &QAbstractItemModel::rowsAboutToBeInserted, &l.model,
                     [&](const QModelIndex&, int first, int last) {
                         EXPECT_EQ(first, l.model.rowCount()) << "rows are appended, never inserted in the middle";
                         inserts.emplace_back(first, last);
                     });
    QObject::connect(&l.model, &QAbstractItemModel::modelReset, &l.model, [&] { ++resets; });

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = test::replicate_pcap(dir, "communityid.pcap", 1000);  // 105,000 packets
    ASSERT_TRUE(l.loader.open(file));
    // Read rows while the thread appends, as a view scrolled to the end would.
    while (l.loader.loading()) {
        const int rows = l.model.rowCount();
        if (rows > 0) {
            EXPECT_FALSE(l.model.index(rows - 1, PacketListModel::TimeColumn).data().toString().isEmpty());
            EXPECT_EQ(l.model.index(rows - 1, 0).data(FrameNumberRole).toLongLong(), rows);
        }
        QTest::qWait(5);
    }

    const int expected = test::cli_packet_count(file);
    ASSERT_GT(expected, 100000);
    EXPECT_EQ(l.model.rowCount(), expected);
    EXPECT_EQ(resets, 1) << "one reset for the new file, none for appends";
    EXPECT_GT(inserts.size(), 1u) << "a big file arrives in several flushes";
    EXPECT_LT(inserts.size(), static_cast<std::size_t>(expected) / 10) << "rows are inserted per flush, not per packet";
    EXPECT_TRUE(ModelTestMessages::messages.isEmpty()) << messages.messages.join(QLatin1Char('\n')).toStdString();
}

// Every cell of every row, against tshark 4.0.17's columns of the same packets.
void expect_rows_match_tshark(const char* name) {
    test::app();
    Loaded l;
    const QString file = capture(name);
    ASSERT_TRUE(l.load(file)) << name;

    const QStringList fields = test::program_lines(QStringLiteral("tshark"), {QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("fields"),
                                          QStringLiteral("-E"), QStringLiteral("separator=/t"),
                                          QStringLiteral("-e"), QStringLiteral("frame.number"),
                                          QStringLiteral("-e"), QStringLiteral("_ws.col.Source"),
                                          QStringLiteral("-e"), QStringLiteral("_ws.col.Destination"),
                                          QStringLiteral("-e"), QStringLiteral("_ws.col.Protocol"),
                                          QStringLiteral("-e"), QStringLiteral("frame.len"),
                                          QStringLiteral("-e"), QStringLiteral("_ws.col.Info"),
                                          QStringLiteral("-e"), QStringLiteral("tcp.stream"),
                                          QStringLiteral("-e"), QStringLiteral("udp.stream")});
    // The summary line carries the Time column as shown (rounded to the capture's precision).
    const QStringList summary = test::program_lines(QStringLiteral("tshark"), {QStringLiteral("-r"), file});
    ASSERT_EQ(l.model.rowCount(), fields.size()) << name;
    ASSERT_EQ(summary.size(), fields.size()) << name;

    const auto cell = [&](int row, int column) {
        return QString::fromStdString(
            escape_field_value(l.model.index(row, column).data().toString().toStdString()));
    };
    const auto stream = [&](int row, int role) {
        const QVariant v = l.model.index(row, 0).data(role);
        return v.isValid() ? QString::number(v.toLongLong()) : QString();
    };
    for (int row = 0; row < l.model.rowCount(); ++row) {
        const QStringList f = fields[row].split(QLatin1Char('\t'));
        ASSERT_EQ(f.size(), 8) << fields[row].toStdString();
        SCOPED_TRACE(std::string(name) + " frame " + f[0].toStdString());
        EXPECT_EQ(cell(row, PacketListModel::NumberColumn), f[0]);
        EXPECT_EQ(cell(row, PacketListModel::TimeColumn), summary[row].simplified().section(QLatin1Char(' '), 1, 1));
        EXPECT_EQ(cell(row, PacketListModel::SourceColumn), f[1]);
        EXPECT_EQ(cell(row, PacketListModel::DestinationColumn), f[2]);
        EXPECT_EQ(cell(row, PacketListModel::ProtocolColumn), f[3]);
        EXPECT_EQ(cell(row, PacketListModel::LengthColumn), f[4]);
        EXPECT_EQ(cell(row, PacketListModel::InfoColumn), f[5]);
        EXPECT_EQ(stream(row, TcpStreamRole), f[6].section(QLatin1Char(','), 0, 0));
        EXPECT_EQ(stream(row, UdpStreamRole), f[7].section(QLatin1Char(','), 0, 0));
    }
}

TEST(PacketListModel, RowsShowWhatTsharkPrints) {
    SEQSCOPE_REQUIRE_TSHARK();
    expect_rows_match_tshark("http.pcap");
    expect_rows_match_tshark("dns+icmp.pcapng");        // UDP and ICMP
    expect_rows_match_tshark("dhcp-nanosecond.pcap");   // nanosecond timestamps: 9 decimals
    expect_rows_match_tshark("gitOverTCP.pcap");        // one TCP stream
}

TEST(PacketListModel, OpeningAnotherFileDropsTheFirstOne) {
    test::app();
    Loaded l;
    l.loader.setBatchSize(16);
    std::vector<std::uint64_t> generations;
    QObject::connect(&l.loader, &FileLoader::packetsAvailable, &l.model,
                     [&](std::size_t, std::uint64_t g) { generations.push_back(g); });
    ASSERT_TRUE(l.loader.open(capture("netperfmeter.pcapng")));
    const std::uint64_t first = l.loader.generation();
    QTest::qWait(40);  // let the first file get going
    generations.clear();
    const QString second = capture("gitOverTCP.pcap");
    ASSERT_TRUE(l.load(second));
    EXPECT_GT(l.loader.generation(), first);
    for (std::uint64_t g : generations) EXPECT_EQ(g, l.loader.generation()) << "nothing from the first file after reopening";
    EXPECT_EQ(l.model.rowCount(), test::cli_packet_count(second));
}

}  // namespace
}  // namespace seqscope::ui
