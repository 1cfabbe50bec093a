// SPDX-License-Identifier: GPL-3.0-or-later
// The packet list's row (format/packet_row): the Time column's rounding, and the rows
// of real captures against tshark's output for them.
#include "session/capture_session.h"
#include "format/packet_row.h"
#include "format/tshark_output.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace seqscope {
namespace {

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t pos; (pos = line.find(sep, start)) != std::string::npos; start = pos + 1)
        out.push_back(line.substr(start, pos - start));
    out.push_back(line.substr(start));
    return out;
}

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

// Every row of a capture against tshark 4.0.17's own output for it, the corpus's
// reference TSV (not seqscope's dissection of the same packet).
void expect_rows_match_tshark(const std::string& name) {
    SCOPED_TRACE(name);
    const std::string corpus = SEQSCOPE_SHARED_DIR "/conformance";
    std::ifstream in(corpus + "/expected/" + name + ".tsv");
    ASSERT_TRUE(in.good()) << "no reference for " << name;
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split(line, '\t');
    const auto col = [&](const char* field) {
        const auto it = std::find(header.begin(), header.end(), field);
        return static_cast<std::size_t>(it - header.begin());
    };
    const std::size_t info = col("_ws.col.Info"), protocol = col("_ws.col.Protocol"), len = col("frame.len"),
                      tcp = col("tcp.stream"), udp = col("udp.stream"), ip_src = col("ip.src"),
                      ip_dst = col("ip.dst"), ip6_src = col("ipv6.src");
    ASSERT_LT(std::max({info, protocol, len, tcp, udp, ip_src, ip_dst, ip6_src}), header.size());

    CaptureSession session;
    std::string error;
    ASSERT_TRUE(session.open_file(corpus + "/captures/" + name, error)) << error;
    while (session.load_batch(1024) > 0) {}
    const auto first = [](const std::string& v) { return v.substr(0, v.find(',')); };
    std::size_t i = 0;
    for (; std::getline(in, line); ++i) {
        ASSERT_LT(i, session.packet_count());
        const std::vector<std::string> want = split(line, '\t');
        const PacketRow row = packet_row(session, i);
        SCOPED_TRACE("frame " + std::to_string(i + 1));
        EXPECT_EQ(escape_field_value(row.columns.info), want[info]);
        EXPECT_EQ(row.columns.protocol, want[protocol]);
        EXPECT_EQ(std::to_string(row.length), want[len]);
        EXPECT_EQ(row.tcp_stream ? std::to_string(row.tcp_stream->value) : "", first(want[tcp]));
        EXPECT_EQ(row.udp_stream ? std::to_string(row.udp_stream->value) : "", first(want[udp]));
        if (!want[ip_src].empty()) {  // the outer IPv4 header's addresses
            EXPECT_EQ(row.columns.src, first(want[ip_src]));
            EXPECT_EQ(row.columns.dst, first(want[ip_dst]));
        } else if (!want[ip6_src].empty()) {
            EXPECT_EQ(row.columns.src, first(want[ip6_src]));
        }
    }
    EXPECT_EQ(i, session.packet_count());
}

TEST(PacketRow, MatchesTsharksColumnsAndStreams) {
    expect_rows_match_tshark("dns+icmp.pcapng");         // UDP, ICMP errors quoting a header
    expect_rows_match_tshark("http.pcap");               // TCP
    expect_rows_match_tshark("dhcp-nanosecond.pcap");    // nanosecond timestamps
    expect_rows_match_tshark("synthetic-tcp-analysis-v6.pcapng");  // IPv6
}

}  // namespace
}  // namespace seqscope
