// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline rows (phase spans, markers, labels, reasons), the cursor readout and
// the idle-gap-compressing time axis, on conversations built in code.
#include "analysis/conversation_summary.h"
#include "support/conv_builder.h"
#include "timeline/cursor_readout.h"
#include "timeline/tcp_row.h"
#include "timeline/time_axis.h"
#include "timeline/time_text.h"
#include "timeline/timeline.h"
#include "timeline/udp_row.h"

#include <gtest/gtest.h>

using namespace seqscope;
using namespace seqscope::tcpflag;
using seqscope::test::ConvBuilder;
using seqscope::test::loopback;
using seqscope::test::UdpBuilder;

namespace {

constexpr std::int64_t ms(double v) { return static_cast<std::int64_t>(v * 1e6 + 0.5); }

TimelineRow tcp_row(const ConvBuilder& b, std::int64_t origin = 0) {
    return build_tcp_row(b.get(), summarize_conversation(b.get()), origin);
}

std::vector<PhaseKind> kinds(const TimelineRow& r) {
    std::vector<PhaseKind> out;
    for (const auto& p : r.phases) out.push_back(p.kind);
    return out;
}

std::vector<MarkerKind> marker_kinds(const TimelineRow& r) {
    std::vector<MarkerKind> out;
    for (const auto& m : r.markers) out.push_back(m.kind);
    return out;
}

const PhaseSpan& phase(const TimelineRow& r, PhaseKind k, std::size_t nth = 0) {
    for (const auto& p : r.phases)
        if (p.kind == k && nth-- == 0) return p;
    throw std::runtime_error(std::string("no phase ") + to_string(k));
}

// Client :41822 talks to :8080, closes first, and the server keeps sending a
// little before it closes too (the mock-up's stream 0).
ConvBuilder client_closes_first() {
    ConvBuilder b;
    b.endpoints(loopback(41822), loopback(8080)).stream(0);
    b.handshake(0, 40.1)
        .add(0, kPsh | kAck, 1, 1, 100, 300)    // 4
        .add(1, kAck, 1, 101, 0, 340)           // 5
        .add(1, kPsh | kAck, 1, 101, 200, 400)  // 6
        .add(0, kAck, 101, 201, 0, 440)         // 7
        .add(0, kFin | kAck, 101, 201, 0, 1800) // 8 client FIN
        .add(1, kAck, 201, 102, 0, 1840)        // 9 its ACK
        .add(1, kPsh | kAck, 201, 102, 50, 2000)// 10 server still sends
        .add(0, kAck, 102, 251, 0, 2040)        // 11
        .add(1, kFin | kAck, 251, 102, 0, 2600) // 12 server FIN
        .add(0, kAck, 102, 252, 0, 2640);       // 13 last ACK
    return b;
}

}  // namespace

TEST(TimeText, DurationsAndOffsets) {
    EXPECT_EQ(format_duration(ms(80.2)), "80.2 ms");
    EXPECT_EQ(format_duration(ms(1719.8)), "1.72 s");
    EXPECT_EQ(format_duration(60'000'000'000), "60 s");
    EXPECT_EQ(format_duration(ms(1000)), "1 s");
    EXPECT_EQ(format_duration(85'300), "85.3 µs");
    EXPECT_EQ(format_duration(640), "640 ns");
    EXPECT_EQ(format_duration(ms(760)), "760 ms");
    EXPECT_EQ(format_offset(ms(2980)), "2.980 s");
}

TEST(TimelineTcp, ClientClosesFirstWithHalfCloseAndTimeWait) {
    const TimelineRow r = tcp_row(client_closes_first());
    EXPECT_EQ(r.title, "127.0.0.1:41822 ↔ 127.0.0.1:8080");
    EXPECT_EQ(r.stream_label, "tcp.stream 0");
    EXPECT_EQ(r.count_label, "13 frames");
    EXPECT_EQ(r.reason, "client closed first; the server kept sending (half-close)");
    EXPECT_EQ(r.outcome, RowOutcome::Closed);
    EXPECT_EQ(kinds(r), (std::vector<PhaseKind>{PhaseKind::Handshake, PhaseKind::Data, PhaseKind::Teardown,
                                                PhaseKind::HalfClose, PhaseKind::Teardown, PhaseKind::TimeWait}));
    const PhaseSpan& hs = phase(r, PhaseKind::Handshake);
    EXPECT_EQ(hs.start_ns, 0);
    EXPECT_EQ(hs.end_ns, ms(80.2));
    EXPECT_EQ(hs.start_frame.value, 1u);
    EXPECT_EQ(hs.end_frame.value, 3u);
    EXPECT_EQ(hs.label, "iRTT 80.2 ms");
    ASSERT_TRUE(r.irtt_ns);
    EXPECT_EQ(*r.irtt_ns, ms(80.2));

    const PhaseSpan& data = phase(r, PhaseKind::Data);
    EXPECT_EQ(data.start_ns, ms(80.2));
    EXPECT_EQ(data.end_ns, ms(1800));
    EXPECT_EQ(data.end_frame.value, 8u);
    EXPECT_EQ(data.label, "data · 1.72 s");
    EXPECT_FALSE(data.open_end);

    const PhaseSpan& fin1 = phase(r, PhaseKind::Teardown, 0);
    EXPECT_EQ(fin1.start_frame.value, 8u);
    EXPECT_EQ(fin1.end_frame.value, 9u);
    EXPECT_EQ(fin1.end_ns, ms(1840));
    const PhaseSpan& hc = phase(r, PhaseKind::HalfClose);
    EXPECT_EQ(hc.start_ns, ms(1840));
    EXPECT_EQ(hc.end_ns, ms(2600));
    EXPECT_EQ(hc.endpoint, std::optional<std::uint8_t>{0});
    EXPECT_EQ(hc.label, "half-close · 760 ms");
    const PhaseSpan& fin2 = phase(r, PhaseKind::Teardown, 1);
    EXPECT_EQ(fin2.start_frame.value, 12u);
    EXPECT_EQ(fin2.end_frame.value, 13u);

    // TIME_WAIT on the active closer, from the server's FIN until the 2·MSL timer.
    const PhaseSpan& tw = phase(r, PhaseKind::TimeWait);
    EXPECT_EQ(tw.endpoint, std::optional<std::uint8_t>{0});
    EXPECT_EQ(tw.start_ns, ms(2600));
    EXPECT_EQ(tw.end_ns, ms(2600) + 60'000'000'000);
    EXPECT_EQ(tw.start_frame.value, 12u);
    EXPECT_EQ(tw.end_frame.value, 0u);
    EXPECT_EQ(tw.label, "TIME_WAIT on :41822 (client) · 2·MSL = 60 s");
    EXPECT_EQ(r.end_ts, tw.end_ns);

    EXPECT_EQ(marker_kinds(r), (std::vector<MarkerKind>{MarkerKind::Syn, MarkerKind::SynAck, MarkerKind::Fin,
                                                        MarkerKind::Fin, MarkerKind::Closed}));
    EXPECT_EQ(r.markers[2].label, "FIN (client)");
    EXPECT_EQ(r.markers[3].label, "FIN (server)");
    EXPECT_EQ(r.markers[3].dir, 1);
    EXPECT_EQ(r.markers[4].label, "CLOSED 62.600 s");
}

TEST(TimelineTcp, CursorReadsPhaseAndBothStates) {
    const TimelineRow r = tcp_row(client_closes_first());
    auto c = readout_at(r, ms(2400));
    EXPECT_EQ(c.phase, PhaseKind::HalfClose);
    EXPECT_EQ(c.headline, "half-close");
    EXPECT_EQ(c.detail, "client FIN_WAIT_2, server CLOSE_WAIT");
    c = readout_at(r, ms(1000));
    EXPECT_EQ(c.headline, "data");
    EXPECT_EQ(c.detail, "both ESTABLISHED");
    EXPECT_EQ(c.states[0], TcpState::Established);
    c = readout_at(r, ms(40));
    EXPECT_EQ(c.headline, "handshake");
    EXPECT_EQ(c.detail, "client SYN_SENT, server SYN_RECEIVED");
    c = readout_at(r, ms(30'000));
    EXPECT_EQ(c.headline, "TIME_WAIT");
    EXPECT_EQ(c.detail, "client TIME_WAIT, server CLOSED");
    c = readout_at(r, ms(70'000));
    EXPECT_FALSE(c.phase.has_value());
    EXPECT_EQ(c.headline, "closed");
    EXPECT_EQ(c.detail, "both CLOSED");
    c = readout_at(r, -5);
    EXPECT_EQ(c.headline, "not started");
}

TEST(TimelineTcp, ServerClosesFirstTimeWaitMovesToTheServer) {
    ConvBuilder b;
    b.endpoints(loopback(41830), loopback(8080));
    b.handshake()
        .add(1, kFin | kAck, 1, 1, 0, 1)
        .add(0, kAck, 1, 2, 0, 1.1)
        .add(0, kFin | kAck, 1, 2, 0, 2)
        .add(1, kAck, 2, 2, 0, 2.1);
    const TimelineRow r = tcp_row(b);
    EXPECT_EQ(r.reason, "server closed first");
    const PhaseSpan& tw = phase(r, PhaseKind::TimeWait);
    EXPECT_EQ(tw.endpoint, std::optional<std::uint8_t>{1});
    EXPECT_EQ(tw.label, "TIME_WAIT on :8080 (server) · 2·MSL = 60 s");
    EXPECT_EQ(phase(r, PhaseKind::HalfClose).endpoint, std::optional<std::uint8_t>{1});
    EXPECT_EQ(readout_at(r, ms(1.5)).detail, "client CLOSE_WAIT, server FIN_WAIT_2");
}

TEST(TimelineTcp, FinAckMergedIsOneTeardownFromFinToLastAck) {
    ConvBuilder b;
    b.handshake().add(0, kFin | kAck, 1, 1, 0, 1).add(1, kFin | kAck, 1, 2, 0, 2).add(0, kAck, 2, 2, 0, 3);
    const TimelineRow r = tcp_row(b);
    EXPECT_EQ(kinds(r), (std::vector<PhaseKind>{PhaseKind::Handshake, PhaseKind::Data, PhaseKind::Teardown,
                                                PhaseKind::TimeWait}));
    const PhaseSpan& td = phase(r, PhaseKind::Teardown);
    EXPECT_EQ(td.start_frame.value, 4u);
    EXPECT_EQ(td.end_frame.value, 6u);
    EXPECT_EQ(td.end_ns, ms(3));
    EXPECT_EQ(r.reason, "client closed first");
}

TEST(TimelineTcp, RstAbortMarksWhichSideAndWhen) {
    ConvBuilder b;
    b.endpoints(loopback(41844), loopback(8080));
    b.handshake().add(0, kPsh | kAck, 1, 1, 5, 1).add(1, kRst | kAck, 1, 6, 0, 2980);
    const TimelineRow r = tcp_row(b);
    EXPECT_EQ(r.outcome, RowOutcome::Reset);
    EXPECT_EQ(r.reason, "aborted by RST from the server");
    EXPECT_EQ(kinds(r), (std::vector<PhaseKind>{PhaseKind::Handshake, PhaseKind::Data}));
    EXPECT_EQ(phase(r, PhaseKind::Data).end_ns, ms(2980));
    EXPECT_EQ(phase(r, PhaseKind::Data).end_frame.value, 5u);
    const TimelineMarker& rst = r.markers.back();
    EXPECT_EQ(rst.kind, MarkerKind::Rst);
    EXPECT_EQ(rst.dir, 1);
    EXPECT_EQ(rst.frame.value, 5u);
    EXPECT_EQ(rst.label, "RST from :8080 at 2.980 s");
    const auto c = readout_at(r, ms(3000));
    EXPECT_EQ(c.headline, "aborted");
    EXPECT_EQ(c.detail, "RST from the server at 2.980 s");
    EXPECT_EQ(readout_at(r, ms(2000)).detail, "both ESTABLISHED");
}

TEST(TimelineTcp, RstFromTheClientAfterItsFin) {
    ConvBuilder b;
    b.handshake().add(0, kFin | kAck, 1, 1, 0, 1).add(1, kAck, 1, 2, 0, 1.1).add(0, kRst, 2, 0, 0, 5);
    const TimelineRow r = tcp_row(b);
    EXPECT_EQ(r.reason, "aborted by RST from the client");
    // The half-close runs from the FIN's ACK until the RST, not to the capture's end.
    const PhaseSpan& hc = phase(r, PhaseKind::HalfClose);
    EXPECT_EQ(hc.end_ns, ms(5));
    EXPECT_FALSE(hc.open_end);
}

TEST(TimelineTcp, RefusedConnectionIsAStub) {
    ConvBuilder b;
    b.endpoints(loopback(41852), loopback(9999)).stream(3).next_frame(40);
    b.add(0, kSyn, 0, 0, 0, 1530).add(1, kRst | kAck, 1, 1, 0, 1570.1);
    const TimelineRow r = tcp_row(b);
    EXPECT_EQ(r.outcome, RowOutcome::Refused);
    EXPECT_EQ(r.stream_label, "tcp.stream 3");
    EXPECT_EQ(r.count_label, "2 frames");
    EXPECT_EQ(r.reason, "refused: nothing listens on :9999");
    ASSERT_EQ(r.phases.size(), 1u);
    EXPECT_EQ(r.phases[0].kind, PhaseKind::Refused);
    EXPECT_EQ(r.phases[0].start_frame.value, 40u);
    EXPECT_EQ(r.phases[0].end_frame.value, 41u);
    EXPECT_EQ(r.phases[0].label, "refused · SYN → RST, ACK after 40.1 ms");
    EXPECT_EQ(marker_kinds(r), (std::vector<MarkerKind>{MarkerKind::Syn, MarkerKind::Rst}));
    EXPECT_EQ(r.markers[1].dir, 1);
    const auto c = readout_at(r, ms(2400));
    EXPECT_EQ(c.headline, "refused");
    EXPECT_EQ(c.detail, "closed since 1.570 s");
}

TEST(TimelineTcp, HalfOpenShowsSynRetriesAndTheNextOne) {
    ConvBuilder b;
    b.endpoints(loopback(41866), loopback(7070));
    b.add(0, kSyn, 0, 0, 0, 1700).add(0, kSyn, 0, 0, 0, 2700).add(0, kSyn, 0, 0, 0, 4700);
    const TimelineRow r = tcp_row(b);
    EXPECT_EQ(r.outcome, RowOutcome::HalfOpen);
    EXPECT_EQ(r.reason, "half-open: the SYN is never answered");
    ASSERT_EQ(r.phases.size(), 1u);
    EXPECT_EQ(r.phases[0].kind, PhaseKind::HalfOpen);
    EXPECT_TRUE(r.phases[0].open_end);
    EXPECT_EQ(r.phases[0].label, "no SYN, ACK · SYN retried 2 times");
    EXPECT_EQ(marker_kinds(r), (std::vector<MarkerKind>{MarkerKind::Syn, MarkerKind::SynRetransmission,
                                                        MarkerKind::SynRetransmission}));
    EXPECT_EQ(r.markers[1].label, "SYN ↻ +1 s");
    EXPECT_EQ(r.markers[2].label, "SYN ↻ +3 s");
    EXPECT_EQ(r.markers[2].related->value, 1u);
    auto c = readout_at(r, ms(2400));
    EXPECT_EQ(c.headline, "half-open");
    EXPECT_EQ(c.states[0], TcpState::SynSent);
    EXPECT_NE(c.detail.find("client SYN_SENT"), std::string::npos) << c.detail;
    EXPECT_NE(c.detail.find("; next retry at 2.700 s"), std::string::npos) << c.detail;
    c = readout_at(r, ms(9000));  // the open end keeps the phase after the last packet
    EXPECT_EQ(c.headline, "half-open");
    EXPECT_NE(c.detail.find("no further retry captured"), std::string::npos) << c.detail;
}

TEST(TimelineTcp, OpenConnectionAndMidStreamStart) {
    ConvBuilder open;
    open.handshake().add(0, kPsh | kAck, 1, 1, 10, 5);
    TimelineRow r = tcp_row(open);
    EXPECT_EQ(r.outcome, RowOutcome::Open);
    EXPECT_EQ(r.reason, "still open at the end of the capture");
    EXPECT_TRUE(phase(r, PhaseKind::Data).open_end);
    EXPECT_EQ(readout_at(r, ms(100)).headline, "data");

    ConvBuilder mid;
    mid.add(0, kPsh | kAck, 100, 50, 10, 0).add(1, kAck, 50, 110, 0, 1);
    r = tcp_row(mid);
    EXPECT_FALSE(r.client.has_value());
    EXPECT_EQ(r.title, "127.0.0.1:5555 ↔ 127.0.0.1:7777");
    EXPECT_EQ(r.reason, "started before the capture; still open at its end");
    EXPECT_EQ(kinds(r), (std::vector<PhaseKind>{PhaseKind::Data}));
    EXPECT_EQ(r.endpoint_name(1), ":7777");
}

TEST(TimelineTcp, ServerAsEndpointAPutsTheClientFirstInTheTitle) {
    ConvBuilder b;  // the capture's first segment is the server's SYN, ACK
    b.endpoints(loopback(8080), loopback(41822));
    b.add(0, kSyn | kAck, 0, 1, 0, 0).add(1, kAck, 1, 1, 0, 1);
    const TimelineRow r = tcp_row(b);
    ASSERT_TRUE(r.client.has_value());
    EXPECT_EQ(*r.client, 1);
    EXPECT_EQ(r.title, "127.0.0.1:41822 ↔ 127.0.0.1:8080");
}

TEST(TimelineUdp, RequestResponseTicksAndTheUnanswered) {
    UdpBuilder u;
    u.add(1, 0, 300).add(2, 1, 340.1).add(3, 0, 1300).add(4, 1, 1340.1).add(5, 0, 2300).add(6, 1, 2340)
        .add(7, 0, 3300).add(8, 0, 4300).add(9, 1, 4340.1);
    const TimelineRow r = build_udp_row(u.get(), pair_udp_exchanges(u.get()), 0);
    EXPECT_EQ(r.kind, RowKind::Udp);
    EXPECT_EQ(r.title, "127.0.0.1:50123 ↔ 127.0.0.1:5353");
    EXPECT_EQ(r.stream_label, "udp.stream 0");
    EXPECT_EQ(r.count_label, "9 datagrams");
    EXPECT_EQ(r.reason, "5 requests, 4 answered, 1 unanswered; median reply 40.1 ms");
    ASSERT_EQ(r.markers.size(), 9u);
    EXPECT_EQ(r.markers[0].kind, MarkerKind::UdpRequest);
    EXPECT_EQ(r.markers[0].related->value, 2u);
    EXPECT_EQ(r.markers[1].kind, MarkerKind::UdpResponse);
    EXPECT_EQ(r.markers[1].label, "reply after 40.1 ms");
    EXPECT_EQ(r.markers[1].related->value, 1u);
    EXPECT_EQ(r.markers[6].kind, MarkerKind::UdpUnanswered);
    EXPECT_EQ(r.markers[6].frame.value, 7u);
    EXPECT_EQ(r.markers[6].label, "no response · no ICMP error either");
    EXPECT_TRUE(r.phases.empty());

    auto c = readout_at(r, ms(2400));
    EXPECT_EQ(c.headline, "idle");
    EXPECT_EQ(c.detail, "last reply at 2.340 s");
    c = readout_at(r, ms(310));
    EXPECT_EQ(c.headline, "waiting");
    EXPECT_EQ(c.detail, "request frame 1 sent at 0.300 s");
    c = readout_at(r, ms(3500));
    EXPECT_EQ(c.detail, "last reply at 2.340 s; the last request got none");
}

TEST(TimelineUdp, IcmpErrorFlagsTheRequestItQuotes) {
    UdpBuilder u;
    u.endpoints(loopback(50200), loopback(9)).add(1, 0, 0).icmp_error(2, 0.05, 0, "Destination unreachable (Port unreachable)");
    const TimelineRow r = build_udp_row(u.get(), pair_udp_exchanges(u.get()), 0);
    ASSERT_EQ(r.markers.size(), 2u);
    EXPECT_EQ(r.markers[0].kind, MarkerKind::UdpUnanswered);
    EXPECT_EQ(r.markers[0].label, "no response · ICMP Destination unreachable (Port unreachable)");
    EXPECT_EQ(r.markers[0].related->value, 2u);
    EXPECT_EQ(r.markers[1].kind, MarkerKind::IcmpError);
    EXPECT_EQ(r.markers[1].related->value, 1u);
    EXPECT_EQ(r.reason, "1 request, 0 answered, 1 unanswered; 1 ICMP error");
}

TEST(Timeline, RowsShareAnOriginAndTheAxisSqueezesTimeWait) {
    CollectedConversations all;
    all.tcp.push_back(client_closes_first().get());
    ConvBuilder refused;
    refused.endpoints(loopback(41852), loopback(9999)).stream(1).next_frame(40);
    refused.add(0, kSyn, 0, 0, 0, 1530).add(1, kRst | kAck, 1, 1, 0, 1570.1);
    all.tcp.push_back(refused.get());
    all.tcp.push_back(TcpConversationEvents{});  // a stream a filter left empty: no row
    UdpBuilder u;
    u.add(50, 0, 500).add(51, 1, 540);
    all.udp.push_back(u.get());

    TimelineOptions opt;
    opt.origin_ns = -ms(1000);  // the capture began a second before the first SYN
    const Timeline tl = build_timeline(all, opt);
    ASSERT_EQ(tl.rows.size(), 3u);
    EXPECT_EQ(tl.rows[0].stream_label, "tcp.stream 0");
    EXPECT_EQ(tl.rows[1].stream_label, "tcp.stream 1");
    EXPECT_EQ(tl.rows[2].stream_label, "udp.stream 0");
    EXPECT_EQ(tl.start_ns, 0);
    EXPECT_EQ(tl.end_ns, ms(62'600));
    EXPECT_EQ(tl.rows[0].markers.back().label, "CLOSED 63.600 s");
    EXPECT_EQ(readout_at(tl.rows[1], ms(2400)).detail, "closed since 2.570 s");

    const TimeAxisMap axis = timeline_axis(tl);
    const auto breaks = axis.breaks();
    ASSERT_EQ(breaks.size(), 1u);
    // The 60 s of TIME_WAIT hide behind one break; the busy first seconds keep true scale.
    EXPECT_GT(breaks[0].t0, ms(1000 + 2640));
    EXPECT_LT(breaks[0].t1, ms(1000 + 62'600));
    EXPECT_GT(breaks[0].hidden_ns(), ms(50'000));
    EXPECT_DOUBLE_EQ(axis.to_x(ms(1000 + 1800)), 2.8);
    EXPECT_LT(axis.to_x(ms(1000 + 62'600)), 4.0);

    TimelineOptions no_udp;
    no_udp.udp = false;
    EXPECT_EQ(build_timeline(all, no_udp).rows.size(), 2u);
}

TEST(TimeAxis, WithoutLongGapsTheAxisIsTrueSeconds) {
    const auto m = TimeAxisMap::from_events({ms(0), ms(300), ms(100), ms(900)});
    EXPECT_TRUE(m.breaks().empty());
    EXPECT_DOUBLE_EQ(m.to_x(ms(300)), 0.3);
    EXPECT_EQ(m.to_time(0.3), ms(300));
    EXPECT_DOUBLE_EQ(m.x_max(), 0.9);
    // Outside the events the scale stays 1:1.
    EXPECT_DOUBLE_EQ(m.to_x(ms(1900)), 1.9);
    EXPECT_DOUBLE_EQ(m.to_x(-ms(500)), -0.5);
    EXPECT_EQ(TimeAxisMap().to_x(ms(2500)), 2.5);
}

TEST(TimeAxis, LongIdleSpansBecomeMarkedBreaks) {
    IdleCompressionOptions opt;
    opt.min_idle_ns = ms(1000);
    opt.min_idle_fraction = 0.1;
    opt.break_fraction = 0.1;
    opt.margin_fraction = 0.05;
    // 4 s of activity, 60 s idle, 1 s of activity, 30 s idle, an end.
    const std::vector<std::int64_t> ev{0, ms(2000), ms(4000), ms(64'000), ms(65'000), ms(95'000)};
    const auto m = TimeAxisMap::from_events(ev, opt);
    const auto br = m.breaks();
    ASSERT_EQ(br.size(), 2u);
    // Visible time is 5 s: breaks 0.5 s wide, 0.25 s kept on each side.
    EXPECT_EQ(br[0].t0, ms(4250));
    EXPECT_EQ(br[0].t1, ms(63'750));
    EXPECT_DOUBLE_EQ(br[0].x0, 4.25);
    EXPECT_DOUBLE_EQ(br[0].x1, 4.75);
    EXPECT_EQ(br[1].t0, ms(65'250));
    EXPECT_EQ(br[1].t1, ms(94'750));
    EXPECT_DOUBLE_EQ(m.to_x(ms(64'000)), 5.0);
    EXPECT_DOUBLE_EQ(m.to_x(ms(65'000)), 6.0);
    EXPECT_DOUBLE_EQ(m.to_x(ms(95'000)), 7.0);  // 6.0 + 0.25 + 0.5 + 0.25
    EXPECT_DOUBLE_EQ(m.x_max(), 7.0);
    ASSERT_NE(m.break_at(4.5), nullptr);
    EXPECT_EQ(m.break_at(4.5)->t0, ms(4250));
    EXPECT_EQ(m.break_at(3.0), nullptr);
    // Pieces are contiguous in time and in x.
    for (std::size_t i = 1; i < m.pieces().size(); ++i) {
        EXPECT_EQ(m.pieces()[i].t0, m.pieces()[i - 1].t1);
        EXPECT_DOUBLE_EQ(m.pieces()[i].x0, m.pieces()[i - 1].x1);
    }
    // Strictly increasing, and x → time inverts time → x (to the ns outside
    // breaks; inside a break one x step stands for many ns).
    double prev = -1e300;
    for (std::int64_t t = -ms(1000); t <= ms(100'000); t += ms(37)) {
        const double x = m.to_x(t);
        EXPECT_GT(x, prev) << t;
        prev = x;
        const bool in_break = m.break_at(x) != nullptr;
        EXPECT_NEAR(static_cast<double>(m.to_time(x)), static_cast<double>(t), in_break ? 1e3 : 1.0) << t;
    }
}

TEST(TimeAxis, DisabledOrThresholdNotReachedKeepsEverything) {
    IdleCompressionOptions off;
    off.enabled = false;
    const std::vector<std::int64_t> ev{0, ms(1000), ms(61'000)};
    EXPECT_TRUE(TimeAxisMap::from_events(ev, off).breaks().empty());
    EXPECT_DOUBLE_EQ(TimeAxisMap::from_events(ev, off).to_x(ms(61'000)), 61.0);
    IdleCompressionOptions high;
    high.min_idle_ns = ms(70'000);
    EXPECT_TRUE(TimeAxisMap::from_events(ev, high).breaks().empty());
    EXPECT_EQ(TimeAxisMap::from_events(ev).breaks().size(), 1u);
}
