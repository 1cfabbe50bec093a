// SPDX-License-Identifier: GPL-3.0-or-later
// The packet list's row (engine/packet_row): the Time column's rounding, and a row
// of a real capture against the field tree the same pass two builds.
#include "engine/capture_session.h"
#include "engine/packet_row.h"
#include "format/tshark_output.h"

#include <gtest/gtest.h>

namespace seqscope {
namespace {

// Checked against tshark 4.0.17: quic-fragmented-handshakes.pcapng frame 19 is
// 31871212.407616544 s after frame 1 (a ns interface), shown at its own
// interface's µs precision as 31871212.407616.
TEST(FormatTimeColumn, TruncatesToTheFramePrecision) {
    EXPECT_EQ(format_time_column(0, 6), "0.000000");
    EXPECT_EQ(format_time_column(120'255'400, 6), "0.120255");
    EXPECT_EQ(format_time_column(120'255'999, 6), "0.120255");
    EXPECT_EQ(format_time_column(31'871'212'407'616'544, 6), "31871212.407616");
    EXPECT_EQ(format_time_column(1'999'999'600, 6), "1.999999");  // no carry into the seconds
    EXPECT_EQ(format_time_column(3'000'000'001, 9), "3.000000001");
    EXPECT_EQ(format_time_column(-1'500'000, 6), "-0.001500");
    EXPECT_EQ(format_time_column(2'600'000'000, 0), "2");
}

TEST(PacketRow, MatchesTheFieldTreeOfTheSamePacket) {
    CaptureSession session;
    std::string error;
    ASSERT_TRUE(session.open_file(SEQSCOPE_SHARED_DIR "/conformance/captures/dns+icmp.pcapng", error)) << error;
    while (session.load_batch(1024) > 0) {}
    ASSERT_GT(session.packet_count(), 3u);
    for (std::size_t i = 0; i < session.packet_count(); ++i) {
        const PacketRow row = packet_row(session, i);
        FieldTree tree(false);
        Columns columns;
        session.dissect(i, &tree, &columns);
        EXPECT_EQ(row.columns.src, columns.src);
        EXPECT_EQ(row.columns.info, columns.info);
        EXPECT_EQ(row.length, session.store().record(i).wire_len);
        const auto udp = tree.values("udp.stream");
        EXPECT_EQ(row.udp_stream.has_value(), !udp.empty());
        if (row.udp_stream) {
            EXPECT_EQ(std::to_string(row.udp_stream->value), udp.front());
        }
        const auto tcp = tree.values("tcp.stream");
        EXPECT_EQ(row.tcp_stream.has_value(), !tcp.empty());
    }
}

}  // namespace
}  // namespace seqscope
