// SPDX-License-Identifier: GPL-3.0-or-later
// TCP graph series (time-sequence Stevens and tcptrace, throughput/goodput, RTT,
// window) on a bulk transfer built in code with a loss, SACKs, duplicate ACKs and
// a fast retransmission.
#include "graphs/graph_series.h"
#include "graphs/rtt_graph.h"
#include "graphs/throughput.h"
#include "graphs/time_sequence.h"
#include "graphs/window_graph.h"
#include "support/conv_builder.h"

#include <gtest/gtest.h>

using namespace seqscope;
using namespace seqscope::tcpflag;
using seqscope::test::ConvBuilder;

namespace {

constexpr std::uint32_t kIsnA = 3861029448u;  // ConvBuilder's ISN of endpoint a

// a sends 4000 bytes to b; the segment at 1001 is lost in the network (the capture
// point saw it leave), b SACKs what follows, a fast-retransmits it.
ConvBuilder bulk_transfer() {
    ConvBuilder b;
    b.handshake(0, 0.05)                                                       // 1-3
        .add(0, kPsh | kAck, 1, 1, 1000, 10).in_flight(1000)                   // 4
        .add(0, kAck, 1001, 1, 1000, 20).in_flight(2000)                       // 5 (lost)
        .add(1, kAck, 1, 1001, 0, 30, 100).rtt(4, 20)                          // 6
        .add(0, kAck, 2001, 1, 1000, 40).in_flight(2000)                       // 7
        .add(1, kAck, 1, 1001, 0, 50).analysis(tcpa::kDuplicateAck).sack({{2001, 3001}})  // 8
        .add(0, kAck, 3001, 1, 1000, 55).in_flight(3000)                       // 9
        .add(1, kAck, 1, 1001, 0, 60).analysis(tcpa::kDuplicateAck).sack({{2001, 4001}})  // 10
        .add(0, kAck, 1001, 1, 1000, 65).analysis(tcpa::kFastRetransmission).in_flight(3000)  // 11
        .add(1, kAck, 1, 4001, 0, 90, 200).rtt(11, 25)                         // 12
        .add(0, kFin | kAck, 4001, 1, 0, 100)                                  // 13
        .add(1, kFin | kAck, 1, 4002, 0, 110)                                  // 14
        .add(0, kAck, 4002, 2, 0, 120);                                        // 15
    return b;
}

std::vector<std::uint32_t> frames(const Series& s) {
    std::vector<std::uint32_t> out;
    for (const auto& p : s.points) out.push_back(p.frame.value);
    for (const auto& b : s.bars) out.push_back(b.frame.value);
    return out;
}

std::vector<double> ys(const Series& s) {
    std::vector<double> out;
    for (const auto& p : s.points) out.push_back(p.y);
    return out;
}

const Series& get(const Graph& g, SeriesRole r) {
    const Series* s = g.find(r);
    if (s == nullptr) throw std::runtime_error(std::string("no series ") + to_string(r));
    return *s;
}

using Frames = std::vector<std::uint32_t>;
using Ys = std::vector<double>;

}  // namespace

TEST(GraphSeries, StevensOnePointPerSegmentOfTheSender) {
    const ConvBuilder b = bulk_transfer();
    const Graph g = stevens_graph(b.get());
    EXPECT_EQ(g.title, "Time-sequence (Stevens) · 127.0.0.1:5555 → 127.0.0.1:7777");
    const Series& seq = get(g, SeriesRole::Sequence);
    EXPECT_EQ(seq.style, SeriesStyle::Points);
    EXPECT_EQ(frames(seq), (Frames{1, 3, 4, 5, 7, 9, 11, 13, 15}));
    EXPECT_EQ(ys(seq), (Ys{0, 1, 1, 1001, 2001, 3001, 1001, 4001, 4002}));
    EXPECT_DOUBLE_EQ(seq.points[2].x, 0.010);
    EXPECT_EQ(frames(get(g, SeriesRole::Retransmission)), (Frames{11}));

    GraphOptions reverse;
    reverse.sender = 1;
    EXPECT_EQ(frames(get(stevens_graph(b.get(), reverse), SeriesRole::Sequence)), (Frames{2, 6, 8, 10, 12, 14}));
    GraphOptions shifted;
    shifted.origin_ns = -1'000'000'000;  // the capture began a second earlier
    EXPECT_DOUBLE_EQ(get(stevens_graph(b.get(), shifted), SeriesRole::Sequence).points[2].x, 1.010);
}

TEST(GraphSeries, TcptraceSegmentsAckWindowSackAndMarks) {
    const ConvBuilder b = bulk_transfer();
    const Graph g = tcptrace_graph(b.get());
    const Series& segs = get(g, SeriesRole::Segment);
    EXPECT_EQ(segs.style, SeriesStyle::Bars);
    EXPECT_EQ(frames(segs), (Frames{1, 4, 5, 7, 9, 11, 13}));  // SYN and FIN use one number each
    EXPECT_DOUBLE_EQ(segs.bars[0].low, 0);
    EXPECT_DOUBLE_EQ(segs.bars[0].high, 1);
    EXPECT_DOUBLE_EQ(segs.bars[1].low, 1);
    EXPECT_DOUBLE_EQ(segs.bars[1].high, 1001);
    EXPECT_DOUBLE_EQ(segs.bars[6].high, 4002);

    const Series& ack = get(g, SeriesRole::Ack);
    EXPECT_EQ(ack.style, SeriesStyle::StepLeft);
    EXPECT_EQ(frames(ack), (Frames{2, 6, 8, 10, 12, 14}));
    EXPECT_EQ(ys(ack), (Ys{1, 1001, 1001, 1001, 4001, 4002}));
    // ACK + window bytes: the SYN, ACK's window is never scaled, the others by 2^7.
    EXPECT_EQ(ys(get(g, SeriesRole::ReceiveWindow)),
              (Ys{1 + 512, 1001 + 100 * 128, 1001 + 512 * 128, 1001 + 512 * 128, 4001 + 200 * 128, 4002 + 512 * 128}));

    const Series& sack = get(g, SeriesRole::Sack);
    ASSERT_EQ(sack.bars.size(), 2u);
    EXPECT_EQ(frames(sack), (Frames{8, 10}));
    EXPECT_DOUBLE_EQ(sack.bars[0].low, 2001);
    EXPECT_DOUBLE_EQ(sack.bars[0].high, 3001);
    EXPECT_DOUBLE_EQ(sack.bars[1].high, 4001);
    EXPECT_DOUBLE_EQ(sack.bars[1].x, 0.060);

    EXPECT_EQ(frames(get(g, SeriesRole::Retransmission)), (Frames{11}));
    EXPECT_EQ(ys(get(g, SeriesRole::Retransmission)), (Ys{1001}));
    EXPECT_EQ(frames(get(g, SeriesRole::DuplicateAck)), (Frames{8, 10}));
    EXPECT_TRUE(get(g, SeriesRole::ZeroWindow).empty());
}

TEST(GraphSeries, TcptraceRawNumbers) {
    const ConvBuilder b = bulk_transfer();
    GraphOptions raw;
    raw.relative_seq = false;
    const Graph g = tcptrace_graph(b.get(), raw);
    EXPECT_EQ(g.y_label, "sequence number");
    EXPECT_DOUBLE_EQ(get(g, SeriesRole::Segment).bars[1].low, 1.0 + kIsnA);
    EXPECT_DOUBLE_EQ(get(g, SeriesRole::Ack).points[1].y, 1001.0 + kIsnA);
    EXPECT_DOUBLE_EQ(get(g, SeriesRole::Sack).bars[0].low, 2001.0 + kIsnA);
}

TEST(GraphSeries, ThroughputMovingAverageAndGoodput) {
    const ConvBuilder b = bulk_transfer();
    ThroughputOptions t;
    t.window_ns = 20'000'000;  // 20 ms
    const Graph g = throughput_graph(b.get(), {}, t);
    EXPECT_EQ(g.title, "Throughput · 127.0.0.1:5555 → 127.0.0.1:7777 · moving average over 20 ms");
    const Series& all = get(g, SeriesRole::Throughput);
    const Series& good = get(g, SeriesRole::Goodput);
    EXPECT_EQ(frames(all), (Frames{4, 5, 7, 9, 11}));
    // Bytes in (t − 20 ms, t] / 20 ms: {4}, {4,5}, {7}, {7,9}, {9,11}.
    EXPECT_EQ(ys(all), (Ys{50'000, 100'000, 50'000, 100'000, 100'000}));
    // The fast retransmission (frame 11) carries no new bytes.
    EXPECT_EQ(ys(good), (Ys{50'000, 100'000, 50'000, 100'000, 50'000}));
    EXPECT_EQ(frames(good), frames(all));

    t.window_ns = 1'000'000'000;  // everything fits in one second: a cumulative ramp
    EXPECT_EQ(ys(get(throughput_graph(b.get(), {}, t), SeriesRole::Throughput)),
              (Ys{1000, 2000, 3000, 4000, 5000}));
}

TEST(GraphSeries, RttPerAcknowledgedSegment) {
    ConvBuilder b = bulk_transfer();
    b.add(1, kAck, 2, 4002, 0, 130).rtt(999, 7);  // 16: acknowledges a frame the capture lacks
    const Graph by_time = rtt_graph(b.get());
    const Series& rtt = get(by_time, SeriesRole::Rtt);
    EXPECT_EQ(frames(rtt), (Frames{6, 12, 16}));  // each point is the ACK that measured it
    EXPECT_EQ(ys(rtt), (Ys{20, 25, 7}));
    EXPECT_DOUBLE_EQ(rtt.points[0].x, 0.030);
    EXPECT_EQ(by_time.y_label, "RTT (ms)");

    const Graph by_seq = rtt_graph(b.get(), {}, RttAxis::Sequence);
    const Series& s = get(by_seq, SeriesRole::Rtt);
    EXPECT_EQ(frames(s), (Frames{6, 12}));
    EXPECT_DOUBLE_EQ(s.points[0].x, 1);     // frame 4's sequence number
    EXPECT_DOUBLE_EQ(s.points[1].x, 1001);  // frame 11's
    EXPECT_EQ(by_seq.x_label, "relative sequence number");

    GraphOptions reverse;  // b sent no data, so nothing measured its segments
    reverse.sender = 1;
    EXPECT_TRUE(get(rtt_graph(b.get(), reverse), SeriesRole::Rtt).empty());
}

TEST(GraphSeries, WindowAndBytesInFlightShareTheTimeAxis) {
    ConvBuilder b = bulk_transfer();
    b.add(1, kRst, 2, 0, 0, 140, 0);  // an RST's zero window must not drop the line
    const Graph g = window_graph(b.get());
    const Series& rwin = get(g, SeriesRole::ReceiveWindow);
    EXPECT_EQ(rwin.style, SeriesStyle::StepLeft);
    EXPECT_EQ(frames(rwin), (Frames{2, 6, 8, 10, 12, 14}));
    EXPECT_EQ(ys(rwin), (Ys{512, 100 * 128, 512 * 128, 512 * 128, 200 * 128, 512 * 128}));
    const Series& flight = get(g, SeriesRole::BytesInFlight);
    EXPECT_EQ(frames(flight), (Frames{4, 5, 7, 9, 11}));
    EXPECT_EQ(ys(flight), (Ys{1000, 2000, 2000, 3000, 3000}));
    EXPECT_DOUBLE_EQ(flight.points[3].x, rwin.points[3].x - 0.005);  // frame 9 at 55 ms, frame 10 at 60 ms
}

TEST(GraphSeries, BusiestSenderAndClickToFrame) {
    const ConvBuilder b = bulk_transfer();
    EXPECT_EQ(busiest_sender(b.get()), 0);
    ConvBuilder up;
    up.handshake().add(1, kPsh | kAck, 1, 1, 500, 1);
    EXPECT_EQ(busiest_sender(up.get()), 1);

    const Graph g = tcptrace_graph(b.get());
    // 1 ms and 10 sequence numbers per pixel; a click 1 px right of the retransmitted bar's middle.
    auto f = nearest_frame(g, 0.066, 1500, 0.001, 10, 5);
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->value, 11u);
    f = nearest_frame(g, 0.0502, 1003, 0.001, 10, 5);  // the duplicate ACK's point
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f->value, 8u);
    EXPECT_FALSE(nearest_frame(g, 0.5, 90'000, 0.001, 10, 5).has_value());
}
