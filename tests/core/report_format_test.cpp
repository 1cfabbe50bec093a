// SPDX-License-Identifier: GPL-3.0-or-later
// The -z report formats and the follow reassembly on events built in code. The
// expected text follows tshark 4.0.17's layout (ui/cli/tap-iousers.c,
// ui/cli/tap-follow.c); reports_test.cpp checks whole reports against tshark.
#include "format/conv_report.h"
#include "types/packet_view.h"
#include "format/follow_report.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace seqscope;

namespace {

Endpoint ep(const char* v4, std::uint16_t port) {
    std::uint8_t b[4];
    unsigned x[4];
    EXPECT_EQ(std::sscanf(v4, "%u.%u.%u.%u", &x[0], &x[1], &x[2], &x[3]), 4);
    for (int i = 0; i < 4; ++i) b[i] = static_cast<std::uint8_t>(x[i]);
    return Endpoint{Address::v4(b), port};
}

std::vector<std::uint8_t> bytes(const char* s) { return {s, s + std::strlen(s)}; }

std::string text(const FollowChunk& c) { return {c.data.begin(), c.data.end()}; }

const Endpoint kClient = ep("10.0.0.1", 40000);
const Endpoint kServer = ep("10.0.0.2", 80);

}  // namespace

TEST(FormatSize, BytesUntilTenThousandThenDecimalPrefixes) {
    EXPECT_EQ(format_size_bytes(0), "0 bytes");
    EXPECT_EQ(format_size_bytes(330), "330 bytes");
    EXPECT_EQ(format_size_bytes(9999), "9999 bytes");
    EXPECT_EQ(format_size_bytes(10000), "10 kB");
    EXPECT_EQ(format_size_bytes(12999), "12 kB");  // truncated, not rounded
    EXPECT_EQ(format_size_bytes(9'999'999), "9999 kB");
    EXPECT_EQ(format_size_bytes(10'000'000), "10 MB");
    EXPECT_EQ(format_size_bytes(25'000'000'000), "25 GB");
}

TEST(FormatSize, GroupsDigitsAsTheLocaleSays) {
    const DigitGrouping en{"\3", ','};
    EXPECT_EQ(format_size_bytes(1234, en), "1,234 bytes");
    EXPECT_EQ(format_size_bytes(999, en), "999 bytes");
    EXPECT_EQ(format_size_bytes(1'234'567, en), "1,234 kB");
    EXPECT_EQ(format_size_bytes(1'234'567'000'000'000'000, en), "1,234,567 TB");
    const DigitGrouping indian{"\3\2", ','};  // the last group size repeats
    EXPECT_EQ(format_size_bytes(1'234'567'000'000'000'000, indian), "12,34,567 TB");
}

TEST(ConversationTable, RowLayoutDirectionsAndTimes) {
    ConversationTable t;
    // A (first sender) sends 6 frames / 511 bytes, B sends 4 / 592: as http-brotli.pcapng.
    const std::uint32_t a_len[] = {74, 66, 173, 66, 66, 66};
    const std::uint32_t b_len[] = {74, 386, 66, 66};
    std::int64_t ns = 0;
    for (int i = 0; i < 6; ++i) t.add({0, kClient, kServer, a_len[i], ns += 100'000});
    for (int i = 0; i < 4; ++i) t.add({0, kServer, kClient, b_len[i], ns += 100'000});
    const std::string out = t.render("TCP");
    const std::string row =
        "10.0.0.1:40000             <-> 10.0.0.2:80                      4 592 bytes       6 511 bytes      10 1103 bytes"
        "     0.000100000         0.0009\n";
    EXPECT_NE(out.find(row), std::string::npos) << out;
    EXPECT_TRUE(out.starts_with("================================================================================\n"
                                "TCP Conversations\nFilter:<No Filter>\n"));
    EXPECT_TRUE(out.ends_with(row + "================================================================================\n"));
}

TEST(ConversationTable, BusiestFirstTiesInOrderOfAppearanceAndStreamsApart) {
    ConversationTable t;
    t.add({0, kClient, kServer, 60, 0});
    t.add({1, ep("10.0.0.3", 1), ep("10.0.0.4", 2), 60, 10});
    t.add({2, kClient, kServer, 60, 20});  // same pair, new stream (port reuse): its own row
    t.add({1, ep("10.0.0.4", 2), ep("10.0.0.3", 1), 60, 30});
    t.add({2, kServer, kClient, 60, 40});
    const auto rows = t.sorted_rows();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].conv_id, 1u);
    EXPECT_EQ(rows[1].conv_id, 2u);
    EXPECT_EQ(rows[2].conv_id, 0u);
    EXPECT_EQ(rows[1].frames_ab, 1u);
    EXPECT_EQ(rows[1].frames_ba, 1u);
}

TEST(ConversationTable, StartMovesBackOnlyWhenStopDoesNotMoveForward) {
    ConversationTable t;
    t.add({0, kClient, kServer, 60, 5'000'000'000});
    t.add({0, kClient, kServer, 60, 2'000'000'000});  // earlier timestamp: start moves back
    t.add({0, kClient, kServer, 60, 7'500'000'000});
    const auto rows = t.sorted_rows();
    EXPECT_EQ(rows[0].start_ns, 2'000'000'000);
    EXPECT_EQ(rows[0].stop_ns, 7'500'000'000);
    EXPECT_NE(t.render("UDP").find("     2.000000000         5.5000\n"), std::string::npos);
}

TEST(TcpFollower, InOrderDataFromBothSidesAfterTheHandshake) {
    TcpFollower f;
    const auto req = bytes("GET /");
    const auto resp = bytes("HTTP/1.1 200");
    f.add(kClient, kServer, tcpflag::kSyn, 0, 0, 0, {}, FrameNumber{1}, 1);
    f.add(kServer, kClient, tcpflag::kSyn | tcpflag::kAck, 0, 1, 0, {}, FrameNumber{2}, 2);
    f.add(kClient, kServer, tcpflag::kAck | tcpflag::kPsh, 1, 1, 5, req, FrameNumber{3}, 3);
    f.add(kServer, kClient, tcpflag::kAck | tcpflag::kPsh, 1, 6, 12, resp, FrameNumber{4}, 4);
    const auto& r = f.result();
    EXPECT_EQ(r.client, kClient);
    ASSERT_EQ(r.chunks.size(), 2u);
    EXPECT_EQ(text(r.chunks[0]), "GET /");
    EXPECT_FALSE(r.chunks[0].from_server);
    EXPECT_EQ(text(r.chunks[1]), "HTTP/1.1 200");
    EXPECT_TRUE(r.chunks[1].from_server);
}

TEST(TcpFollower, RetransmissionAddsOnlyUnseenBytes) {
    TcpFollower f;
    f.add(kClient, kServer, tcpflag::kAck, 1, 1, 4, bytes("abcd"), FrameNumber{1}, 1);
    f.add(kClient, kServer, tcpflag::kAck, 1, 1, 4, bytes("abcd"), FrameNumber{2}, 2);      // full duplicate
    f.add(kClient, kServer, tcpflag::kAck, 3, 1, 4, bytes("cdef"), FrameNumber{3}, 3);      // overlaps 2
    const auto& r = f.result();
    ASSERT_EQ(r.chunks.size(), 2u);
    EXPECT_EQ(text(r.chunks[0]), "abcd");
    EXPECT_EQ(text(r.chunks[1]), "ef");
    EXPECT_EQ(r.chunks[1].frame.value, 3u);
}

TEST(TcpFollower, OutOfOrderSegmentWaitsForTheBytesBeforeIt) {
    TcpFollower f;
    f.add(kClient, kServer, tcpflag::kAck, 1, 1, 3, bytes("abc"), FrameNumber{1}, 1);
    f.add(kClient, kServer, tcpflag::kAck, 7, 1, 3, bytes("ghi"), FrameNumber{2}, 2);
    f.add(kClient, kServer, tcpflag::kAck, 4, 1, 3, bytes("def"), FrameNumber{3}, 3);
    const auto& r = f.result();
    ASSERT_EQ(r.chunks.size(), 3u);
    EXPECT_EQ(text(r.chunks[1]), "def");
    EXPECT_EQ(text(r.chunks[2]), "ghi");
    EXPECT_EQ(r.chunks[2].frame.value, 2u);
}

TEST(TcpFollower, AcknowledgedHoleBecomesAMissingBytesMarker) {
    TcpFollower f;
    f.add(kClient, kServer, tcpflag::kAck, 1, 1, 3, bytes("abc"), FrameNumber{1}, 1);
    f.add(kClient, kServer, tcpflag::kAck, 104, 1, 3, bytes("xyz"), FrameNumber{2}, 2);  // 100 bytes never captured
    f.add(kServer, kClient, tcpflag::kAck, 1, 107, 0, {}, FrameNumber{3}, 3);            // the peer got them
    const auto& r = f.result();
    ASSERT_EQ(r.chunks.size(), 3u);
    const std::string marker = "[100 bytes missing in capture file]";
    EXPECT_EQ(text(r.chunks[1]), marker + std::string(1, '\0'));  // tshark keeps the terminator
    EXPECT_FALSE(r.chunks[1].from_server);
    EXPECT_EQ(r.chunks[1].frame.value, 3u);
    EXPECT_EQ(text(r.chunks[2]), "xyz");
}

TEST(TcpFollower, SnapLengthCutPayloadStillAdvancesBySegmentLength) {
    TcpFollower f;
    f.add(kClient, kServer, tcpflag::kAck, 1, 1, 100, bytes("ab"), FrameNumber{1}, 1);  // 2 of 100 captured
    f.add(kClient, kServer, tcpflag::kAck, 101, 1, 2, bytes("yz"), FrameNumber{2}, 2);
    const auto& r = f.result();
    ASSERT_EQ(r.chunks.size(), 2u);
    EXPECT_EQ(text(r.chunks[1]), "yz");
}

TEST(FollowReport, ParsesModesFiltersAndRanges) {
    FollowRequest req;
    std::string err;
    ASSERT_TRUE(parse_follow_request("follow,tcp,hex,3", req, err)) << err;
    EXPECT_EQ(req.mode, FollowMode::Hex);
    EXPECT_EQ(*req.stream, 3u);
    EXPECT_EQ(req.filter_text(), "tcp.stream eq 3");
    ASSERT_TRUE(parse_follow_request("follow,udp,raw,0,2-4", req, err)) << err;
    EXPECT_TRUE(req.udp);
    EXPECT_EQ(req.chunk_min, 2u);
    EXPECT_EQ(req.chunk_max, 4u);
    ASSERT_TRUE(parse_follow_request("follow,tcp,ascii,10.0.0.1:40000,10.0.0.2:80", req, err)) << err;
    EXPECT_FALSE(req.stream.has_value());
    EXPECT_TRUE(req.matches(kServer, kClient));
    EXPECT_EQ(req.filter_text(),
              "((ip.src eq 10.0.0.1 and tcp.srcport eq 40000) and (ip.dst eq 10.0.0.2 and tcp.dstport eq 80)) or "
              "((ip.src eq 10.0.0.2 and tcp.srcport eq 80) and (ip.dst eq 10.0.0.1 and tcp.dstport eq 40000))");
    ASSERT_TRUE(parse_follow_request("follow,tcp,yaml,[::1]:5555,[::1]:7777", req, err)) << err;
    EXPECT_EQ(req.peers[1].port, 7777);
    EXPECT_FALSE(parse_follow_request("follow,tcp,octal,0", req, err));
    EXPECT_EQ(err, "Invalid display mode.");
    EXPECT_FALSE(parse_follow_request("follow,tcp,ascii,0,3-2", req, err));
    EXPECT_EQ(err, "Invalid range value.");
    EXPECT_FALSE(parse_follow_request("follow,tcp,ascii,0,x", req, err));
    EXPECT_EQ(err, "Invalid range.");
    EXPECT_FALSE(parse_follow_request("follow,tcp,ascii,10.0.0.1:0,10.0.0.2:80", req, err));
    EXPECT_EQ(err, "Invalid port.");
    EXPECT_FALSE(parse_follow_request("follow,tcp,ascii,10.0.0.1:1,[::1]:80", req, err));
    EXPECT_EQ(err, "Mismatched IP address types.");
}

TEST(FollowReport, HexDumpOffsetsPerSideAndServerIndent) {
    FollowResult r;
    r.have_nodes = true;
    r.client = kClient;
    r.server = kServer;
    r.chunks.push_back({false, FrameNumber{1}, 0, bytes("HEAD /v4/iuident.cab?0")});
    r.chunks.push_back({true, FrameNumber{2}, 0, bytes("OK\x01")});
    r.chunks.push_back({false, FrameNumber{3}, 0, bytes("12345678")});
    FollowRequest req;
    req.mode = FollowMode::Hex;
    req.stream = 0;
    const std::string expected =
        "\n===================================================================\n"
        "Follow: tcp,hex\nFilter: tcp.stream eq 0\nNode 0: 10.0.0.1:40000\nNode 1: 10.0.0.2:80\n"
        "00000000  48 45 41 44 20 2f 76 34  2f 69 75 69 64 65 6e 74  HEAD /v4 /iuident\n"
        "00000010  2e 63 61 62 3f 30                                 .cab?0\n"
        "\t00000000  4f 4b 01                                          OK.\n"
        "00000016  31 32 33 34 35 36 37 38                           12345678\n"
        "===================================================================\n";
    EXPECT_EQ(render_follow(req, r), expected);
}

TEST(FollowReport, AsciiRawAndRange) {
    FollowResult r;
    r.have_nodes = true;
    r.client = kClient;
    r.server = kServer;
    r.chunks.push_back({false, FrameNumber{1}, 0, bytes("a\r\nb\x7f")});
    r.chunks.push_back({true, FrameNumber{2}, 0, bytes("Z")});
    FollowRequest req;
    req.stream = 0;
    req.mode = FollowMode::Ascii;
    EXPECT_NE(render_follow(req, r).find("Node 1: 10.0.0.2:80\n5\na\r\nb.\n\t1\nZ\n====="), std::string::npos);
    req.mode = FollowMode::Raw;
    req.chunk_min = req.chunk_max = 2;
    EXPECT_NE(render_follow(req, r).find("Node 1: 10.0.0.2:80\n\t5a\n====="), std::string::npos);
}
