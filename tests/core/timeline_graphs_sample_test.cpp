// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline and graphs on real captures, with expected values read off
// tshark 4.0.17: the loopback demo made by seqscope-demo-lab
// (resources/samples/README.md: on one four-tuple a FIN close, a UDP exchange,
// an RST close, a half-close, a refused SYN, two server-first closes, then a
// datagram to a closed port), and the conformance corpus's challenge01 download
// with out-of-order segments, duplicate ACKs and SACK blocks.
#include "analysis/collect.h"
#include "session/capture_session.h"
#include "graphs/rtt_graph.h"
#include "graphs/time_sequence.h"
#include "timeline/timeline.h"

#include <gtest/gtest.h>

using namespace seqscope;

namespace {

CollectedConversations load_demo_variations() {
    CaptureSession session;
    std::string error;
    EXPECT_TRUE(session.open_file(SEQSCOPE_SOURCE_DIR "/resources/samples/demo-lo-variations.pcapng", error)) << error;
    while (session.load_batch(1024) > 0) {}
    EXPECT_EQ(session.packet_count(), 83u);
    return collect_conversations(session);
}

bool has_phase(const TimelineRow& r, PhaseKind k) {
    for (const auto& p : r.phases)
        if (p.kind == k) return true;
    return false;
}

const PhaseSpan* time_wait(const TimelineRow& r) {
    for (const auto& p : r.phases)
        if (p.kind == PhaseKind::TimeWait) return &p;
    return nullptr;
}

}  // namespace

TEST(TimelineSample, DemoVariationsRowByRow) {
    const auto all = load_demo_variations();
    TimelineOptions tcp_only;
    tcp_only.udp = false;
    const Timeline tl = build_timeline(all, tcp_only);
    ASSERT_EQ(tl.rows.size(), 6u);
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(tl.rows[i].stream_label, "tcp.stream " + std::to_string(i));
        EXPECT_EQ(tl.rows[i].title, "127.0.0.1:5556 ↔ 127.0.0.1:7778");
    }
    const auto& fin_close = tl.rows[0];
    EXPECT_EQ(fin_close.count_label, "17 frames");
    EXPECT_EQ(fin_close.reason, "client closed first");
    ASSERT_TRUE(fin_close.irtt_ns.has_value());
    EXPECT_EQ(*fin_close.irtt_ns, 182'674);
    ASSERT_NE(time_wait(fin_close), nullptr);
    EXPECT_EQ(time_wait(fin_close)->endpoint, std::optional<std::uint8_t>{0});

    EXPECT_EQ(tl.rows[1].outcome, RowOutcome::Reset);
    EXPECT_EQ(tl.rows[1].reason, "aborted by RST from the client");
    EXPECT_EQ(time_wait(tl.rows[1]), nullptr);

    EXPECT_EQ(tl.rows[2].reason, "client closed first; the server kept sending (half-close)");
    EXPECT_TRUE(has_phase(tl.rows[2], PhaseKind::HalfClose));

    EXPECT_EQ(tl.rows[3].outcome, RowOutcome::Refused);
    EXPECT_EQ(tl.rows[3].reason, "refused: nothing listens on :7778");

    for (std::size_t i : {4u, 5u}) {
        EXPECT_EQ(tl.rows[i].reason, "server closed first") << i;
        ASSERT_NE(time_wait(tl.rows[i]), nullptr) << i;
        EXPECT_EQ(time_wait(tl.rows[i])->endpoint, std::optional<std::uint8_t>{1}) << i;
    }

    // A second of traffic and three 60 s TIME_WAITs: the axis squeezes the wait.
    const auto axis = timeline_axis(tl);
    ASSERT_EQ(axis.breaks().size(), 1u);
    EXPECT_LT(axis.x_max(), 2.0);

    // The half-close as the server sent it: six segments, the last its FIN.
    GraphOptions server;
    server.sender = 1;
    const Graph g = stevens_graph(all.tcp[2], server);
    const Series* seq = g.find(SeriesRole::Sequence);
    ASSERT_NE(seq, nullptr);
    ASSERT_EQ(seq->points.size(), 6u);
    EXPECT_EQ(seq->points.back().frame.value, 44u);
    EXPECT_DOUBLE_EQ(seq->points.back().y, 19);
}

TEST(TimelineSample, DemoVariationsUdpRow) {
    const auto all = load_demo_variations();
    const Timeline tl = build_timeline(all, {});
    ASSERT_EQ(tl.rows.size(), 7u);
    const auto& udp = tl.rows[6];
    EXPECT_EQ(udp.stream_label, "udp.stream 0");
    EXPECT_EQ(udp.count_label, "7 datagrams");
    EXPECT_EQ(udp.reason.rfind("4 requests, 3 answered, 1 unanswered", 0), 0u) << udp.reason;
    EXPECT_NE(udp.reason.find("; 1 ICMP error"), std::string::npos) << udp.reason;
    // The datagram to the closed port (frame 82) and the ICMP error quoting it (83).
    ASSERT_EQ(udp.markers.size(), 8u);
    EXPECT_EQ(udp.markers[6].kind, MarkerKind::UdpUnanswered);
    EXPECT_EQ(udp.markers[6].frame.value, 82u);
    EXPECT_EQ(udp.markers[6].label, "no response · ICMP Destination unreachable (Port unreachable)");
    EXPECT_EQ(udp.markers[7].kind, MarkerKind::IcmpError);
    EXPECT_EQ(udp.markers[7].related->value, 82u);
}

namespace {

std::vector<std::uint32_t> frames_of(const Series& s) {
    std::vector<std::uint32_t> out;
    for (const auto& p : s.points) out.push_back(p.frame.value);
    for (const auto& b : s.bars) out.push_back(b.frame.value);
    return out;
}

}  // namespace

TEST(GraphSample, TcptraceSackAndDupAcksMatchTshark) {
    CaptureSession session;
    std::string error;
    ASSERT_TRUE(session.open_file(SEQSCOPE_SHARED_DIR "/conformance/captures/challenge01_ooo_stream.pcapng", error)) << error;
    while (session.load_batch(4096) > 0) {}
    const auto all = collect_conversations(session);
    ASSERT_EQ(all.tcp.size(), 1u);
    const TcpConversationEvents& conv = all.tcp[0];
    ASSERT_EQ(conv.a.port, 62697);  // the client sent the first segment
    GraphOptions download;
    download.sender = busiest_sender(conv);
    ASSERT_EQ(download.sender, 1);  // 443 → 62697 carries the 1.5 MB

    const Graph g = tcptrace_graph(conv, download);
    // tshark -Y tcp.analysis.duplicate_ack -T fields -e frame.number
    EXPECT_EQ(frames_of(*g.find(SeriesRole::DuplicateAck)),
              (std::vector<std::uint32_t>{119, 120, 127, 129, 160, 171, 183, 185, 259, 832, 1183, 1462, 1632}));
    // tshark -e tcp.ack -e tcp.options.sack_le -e tcp.options.sack_re (relative numbers)
    struct Expect {
        std::uint32_t frame;
        double ack, le, re;
    };
    const Series& sack = *g.find(SeriesRole::Sack);
    const Series& ack = *g.find(SeriesRole::Ack);
    for (const Expect& e : {Expect{119, 64866, 114098, 115546}, Expect{127, 73554, 114098, 118442},
                            Expect{185, 111202, 114098, 125682}}) {
        bool found = false;
        for (const auto& b : sack.bars)
            if (b.frame.value == e.frame) {
                found = true;
                EXPECT_DOUBLE_EQ(b.low, e.le) << e.frame;
                EXPECT_DOUBLE_EQ(b.high, e.re) << e.frame;
            }
        EXPECT_TRUE(found) << e.frame;
        for (const auto& p : ack.points)
            if (p.frame.value == e.frame) {
                EXPECT_DOUBLE_EQ(p.y, e.ack) << e.frame;
            }
    }
    EXPECT_TRUE(g.find(SeriesRole::Retransmission)->empty());  // tshark flags none

    // tshark -Y "tcp.analysis.ack_rtt && tcp.srcport==62697" | wc -l
    EXPECT_EQ(rtt_graph(conv, download).find(SeriesRole::Rtt)->points.size(), 514u);
}
