// SPDX-License-Identifier: GPL-3.0-or-later
// Endpoint states, handshake/teardown summaries and the seq/ack arithmetic on
// conversations built in code (real loopback captures are tested separately).
#include "analysis/conversation_summary.h"
#include "analysis/endpoint_states.h"
#include "analysis/seq_arithmetic.h"
#include "types/packet_view.h"
#include "support/conv_builder.h"

#include <gtest/gtest.h>


using namespace seqscope;
using namespace seqscope::tcpflag;
using seqscope::test::ConvBuilder;

namespace {

std::vector<std::string> path(const EndpointTimeline& t) {
    std::vector<std::string> out{to_string(t.initial)};
    for (const auto& tr : t.transitions) out.emplace_back(to_string(tr.to));
    return out;
}

using Path = std::vector<std::string>;

}  // namespace

TEST(EndpointStates, ClassicFourWayClose) {
    ConvBuilder b;
    b.handshake()
        .add(0, kPsh | kAck, 1, 1, 6, 1)    // 4 "from B"
        .add(1, kAck, 1, 7, 0, 1.1)         // 5
        .add(1, kPsh | kAck, 1, 7, 6, 2)    // 6 "thanks"
        .add(0, kAck, 7, 7, 0, 2.1)         // 7
        .add(0, kFin | kAck, 7, 7, 0, 3)    // 8 client closes first
        .add(1, kAck, 7, 8, 0, 3.1)         // 9
        .add(1, kFin | kAck, 7, 8, 0, 4)    // 10
        .add(0, kAck, 8, 8, 0, 4.1);        // 11
    const auto s = summarize_conversation(b.get());
    EXPECT_EQ(path(s.states[0]), (Path{"CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"}));
    EXPECT_EQ(path(s.states[1]), (Path{"LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
    // The frames that caused each step, and TIME_WAIT ending 2·MSL later by the timer.
    const auto& a = s.states[0].transitions;
    EXPECT_EQ(a[0].frame.value, 1u);
    EXPECT_EQ(a[0].cause, TransitionCause::Sent);
    EXPECT_EQ(a[1].frame.value, 2u);
    EXPECT_EQ(a[1].cause, TransitionCause::Received);
    EXPECT_EQ(a[3].frame.value, 9u);
    EXPECT_EQ(a[4].frame.value, 10u);
    EXPECT_EQ(a[5].cause, TransitionCause::Timer);
    EXPECT_EQ(a[5].ts_ns - a[4].ts_ns, 60'000'000'000);
    EXPECT_EQ(s.states[1].transitions[1].frame.value, 3u);
    EXPECT_EQ(s.teardown.kind, TeardownKind::FourWay);
    ASSERT_TRUE(s.teardown.active_closer.has_value());
    EXPECT_EQ(*s.teardown.active_closer, 0);
    EXPECT_EQ(s.client, 0);
    ASSERT_TRUE(s.handshake.complete());
    EXPECT_EQ(*s.handshake.rtt_ns(), 100'000);
    EXPECT_EQ(s.traffic[0].packets, 6u);
    EXPECT_EQ(s.traffic[0].payload_bytes, 6u);
    EXPECT_EQ(s.traffic[1].payload_bytes, 6u);
    EXPECT_TRUE(s.offered[0].seen);
    EXPECT_EQ(*s.offered[1].mss, 65495);
    // Mid-way queries.
    EXPECT_EQ(s.states[0].state_after(FrameNumber{5}), TcpState::Established);
    EXPECT_EQ(s.states[1].state_after(FrameNumber{8}), TcpState::CloseWait);
}

TEST(EndpointStates, ShorterMslMovesTheTimer) {
    ConvBuilder b;
    b.handshake().add(0, kFin | kAck, 1, 1, 0, 1).add(1, kFin | kAck, 1, 2, 0, 2).add(0, kAck, 2, 2, 0, 3);
    StateOptions opt;
    opt.msl_ns = 1'000'000'000;
    const auto st = infer_endpoint_states(b.get(), opt);
    ASSERT_FALSE(st[0].transitions.empty());
    const auto& last = st[0].transitions.back();
    EXPECT_EQ(last.cause, TransitionCause::Timer);
    EXPECT_EQ(last.ts_ns, 2'000'000 + 2'000'000'000);
}

TEST(EndpointStates, FinAckMergedGoesStraightToTimeWait) {
    ConvBuilder b;
    b.handshake().add(0, kFin | kAck, 1, 1, 0, 1).add(1, kFin | kAck, 1, 2, 0, 2).add(0, kAck, 2, 2, 0, 3);
    const auto s = summarize_conversation(b.get());
    EXPECT_EQ(path(s.states[0]), (Path{"CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "TIME_WAIT", "CLOSED"}));
    EXPECT_EQ(path(s.states[1]), (Path{"LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
    EXPECT_EQ(s.teardown.kind, TeardownKind::FinAckMerged);
}

TEST(EndpointStates, SimultaneousCloseBothClosing) {
    ConvBuilder b;
    b.handshake()
        .add(0, kFin | kAck, 1, 1, 0, 1)   // both FINs cross: neither acks the other's FIN
        .add(1, kFin | kAck, 1, 1, 0, 1.01)
        .add(0, kAck, 2, 2, 0, 2)
        .add(1, kAck, 2, 2, 0, 2.01);
    const auto s = summarize_conversation(b.get());
    EXPECT_EQ(path(s.states[0]), (Path{"CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT", "CLOSED"}));
    EXPECT_EQ(path(s.states[1]), (Path{"LISTEN", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT", "CLOSED"}));
    EXPECT_EQ(s.teardown.kind, TeardownKind::Simultaneous);
}

TEST(EndpointStates, RefusedConnection) {
    ConvBuilder b;
    b.add(0, kSyn, 0, 0, 0, 0).add(1, kRst | kAck, 1, 1, 0, 0.01);
    const auto s = summarize_conversation(b.get());
    EXPECT_EQ(path(s.states[0]), (Path{"CLOSED", "SYN_SENT", "CLOSED"}));
    EXPECT_EQ(path(s.states[1]), (Path{"CLOSED"}));
    EXPECT_EQ(s.teardown.kind, TeardownKind::Refused);
    EXPECT_NE(s.states[0].transitions.back().reason.find("refused"), std::string::npos);
}

TEST(EndpointStates, RstAbortFromEitherSide) {
    for (std::uint8_t from : {0, 1}) {
        ConvBuilder b;
        b.handshake().add(0, kPsh | kAck, 1, 1, 5, 1).add(from, kRst | kAck, from ? 1u : 6u, from ? 6u : 1u, 0, 2);
        const auto s = summarize_conversation(b.get());
        EXPECT_EQ(s.states[0].final_state(), TcpState::Closed) << int(from);
        EXPECT_EQ(s.states[1].final_state(), TcpState::Closed) << int(from);
        EXPECT_EQ(s.teardown.kind, TeardownKind::Reset);
        EXPECT_EQ(s.teardown.active_closer, from);
        EXPECT_EQ(s.states[from].transitions.back().cause, TransitionCause::Sent);
    }
}

TEST(EndpointStates, HalfCloseKeepsThePeerSending) {
    ConvBuilder b;
    b.handshake()
        .add(0, kFin | kAck, 1, 1, 0, 1)     // 4 client: shutdown(SHUT_WR)
        .add(1, kAck, 1, 2, 0, 1.1)          // 5
        .add(1, kPsh | kAck, 1, 2, 100, 2)   // 6 server keeps sending
        .add(0, kAck, 2, 101, 0, 2.1)        // 7 client still acknowledges
        .add(1, kFin | kAck, 101, 2, 0, 3)   // 8
        .add(0, kAck, 2, 102, 0, 3.1);       // 9
    const auto s = summarize_conversation(b.get());
    EXPECT_TRUE(s.half_close);
    EXPECT_EQ(s.half_close_data_frame->value, 6u);
    EXPECT_EQ(s.states[0].state_after(FrameNumber{7}), TcpState::FinWait2);
    EXPECT_EQ(s.states[1].state_after(FrameNumber{7}), TcpState::CloseWait);
    EXPECT_EQ(s.teardown.kind, TeardownKind::FourWay);
}

TEST(EndpointStates, HalfOpenStaysInSynReceived) {
    ConvBuilder b;
    b.add(0, kSyn, 0, 0, 0, 0).add(1, kSyn | kAck, 0, 1, 0, 1).add(1, kSyn | kAck, 0, 1, 0, 1001);
    const auto s = summarize_conversation(b.get());
    EXPECT_EQ(s.states[1].final_state(), TcpState::SynReceived);
    EXPECT_EQ(s.states[0].final_state(), TcpState::Established);
    EXPECT_EQ(s.teardown.kind, TeardownKind::HalfOpen);
}

TEST(EndpointStates, SimultaneousOpen) {
    ConvBuilder b;
    b.add(0, kSyn, 0, 0, 0, 0).add(1, kSyn, 0, 0, 0, 0.01).add(0, kSyn | kAck, 0, 1, 0, 0.02).add(1, kSyn | kAck, 0, 1, 0, 0.03);
    const auto st = infer_endpoint_states(b.get());
    EXPECT_EQ(path(st[0]), (Path{"CLOSED", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED"}));
    EXPECT_EQ(path(st[1]), (Path{"CLOSED", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED"}));
}

TEST(EndpointStates, MidConnectionStartIsUnknownUntilAFin) {
    ConvBuilder b;
    b.add(0, kPsh | kAck, 100, 50, 10, 0).add(1, kAck, 50, 110, 0, 1).add(1, kFin | kAck, 50, 110, 0, 2);
    const auto st = infer_endpoint_states(b.get());
    EXPECT_EQ(st[0].initial, TcpState::Unknown);
    EXPECT_EQ(st[0].state_after(FrameNumber{2}), TcpState::Unknown);
    EXPECT_EQ(st[1].state_after(FrameNumber{3}), TcpState::FinWait1);
    EXPECT_EQ(st[0].state_after(FrameNumber{3}), TcpState::CloseWait);
}

TEST(EndpointStates, NewSynMeetsTimeWait) {
    ConvBuilder b;
    b.handshake().add(0, kFin | kAck, 1, 1, 0, 1).add(1, kFin | kAck, 1, 2, 0, 2).add(0, kAck, 2, 2, 0, 3);
    b.add(0, kSyn, 5000, 0, 0, 10).add(1, kSyn | kAck, 9000, 5001, 0, 11).add(0, kAck, 5001, 9001, 0, 12);
    const auto st = infer_endpoint_states(b.get());
    EXPECT_EQ(st[0].state_after(FrameNumber{6}), TcpState::TimeWait);
    EXPECT_EQ(st[0].state_after(FrameNumber{7}), TcpState::SynSent);
    EXPECT_EQ(st[0].final_state(), TcpState::Established);
    EXPECT_EQ(st[1].final_state(), TcpState::Established);
}

TEST(SeqArithmetic, EquationsForSynDataAndFin) {
    ConvBuilder b;
    b.handshake()
        .add(0, kPsh | kAck, 1, 1, 5, 10)    // 4 "hello"
        .add(1, kAck, 1, 6, 0, 10.1)         // 5
        .add(1, kPsh | kAck, 1, 6, 8, 20)    // 6 "hi there"
        .add(0, kPsh | kAck, 6, 9, 3, 25)    // 7 "bye", piggybacks Ack 9
        .add(1, kAck, 9, 9, 0, 80)           // 8 a late pure ACK: delayed
        .add(0, kFin | kAck, 9, 9, 0, 90)    // 9
        .add(1, kAck, 9, 10, 0, 90.1);       // 10
    const auto s = summarize_conversation(b.get());
    const auto ar = explain_arithmetic(b.get(), s);
    ASSERT_EQ(ar.size(), 10u);
    EXPECT_EQ(ar[0].next_seq_why, "next 1 = Seq 0 + SYN 1");
    EXPECT_EQ(ar[1].ack_equation, "Ack 1 = Seq 0 + SYN 1 (frame 1)");
    EXPECT_EQ(ar[2].ack_equation, "Ack 1 = Seq 0 + SYN 1 (frame 2)");
    EXPECT_EQ(ar[3].next_seq_why, "next 6 = Seq 1 + Len 5");
    EXPECT_EQ(ar[4].ack_equation, "Ack 6 = Seq 1 + Len 5 (frame 4)");
    EXPECT_EQ(ar[4].ack_short, "6 = 1 + 5");
    EXPECT_FALSE(ar[4].delayed);
    EXPECT_TRUE(ar[6].piggybacked);
    EXPECT_EQ(ar[6].ack_equation, "Ack 9 = Seq 1 + Len 8 (frame 6)");
    EXPECT_TRUE(ar[7].delayed);
    EXPECT_EQ(ar[7].ack_delay_ns, 55'000'000);
    EXPECT_EQ(ar[8].next_seq_why, "next 10 = Seq 9 + FIN 1");
    EXPECT_EQ(ar[9].ack_equation, "Ack 10 = Seq 9 + FIN 1 (frame 9)");
    EXPECT_EQ(ar[5].window_why, "Win 512 × 128 = 65536 (WS=7 offered in frame 2)");
    EXPECT_EQ(ar[0].window_why, "Win 512 (windows in SYN segments are never scaled)");
}

TEST(SeqArithmetic, CumulativeAckListsEverySegment) {
    ConvBuilder b;
    b.handshake().add(0, kAck, 1, 1, 100, 1).add(0, kAck, 101, 1, 100, 1.1).add(0, kPsh | kAck, 201, 1, 50, 1.2)
        .add(1, kAck, 1, 251, 0, 2);
    const auto ar = explain_arithmetic(b.get(), summarize_conversation(b.get()));
    const auto& ack = ar.back();
    ASSERT_EQ(ack.acked_frames.size(), 3u);
    EXPECT_EQ(ack.acked_frames[0].value, 4u);
    EXPECT_EQ(ack.acked_frames[2].value, 6u);
    EXPECT_EQ(ack.acked_exact->value, 6u);
    EXPECT_NE(ack.ack_equation.find("Ack 251 = Seq 201 + Len 50 (frame 6)"), std::string::npos);
    EXPECT_NE(ack.ack_equation.find("cumulative"), std::string::npos);
}

TEST(SeqArithmetic, FlagsCarryTheirNumbers) {
    ConvBuilder b;
    b.handshake().add(0, kAck, 1, 1, 100, 1).add(0, kAck, 101, 1, 100, 2).add(0, kAck, 1, 1, 100, 500);
    auto conv = b.get();
    conv.segments.back().analysis.flags = tcpa::kRetransmission;
    const auto ar = explain_arithmetic(conv, summarize_conversation(conv));
    ASSERT_EQ(ar.back().flag_whys.size(), 1u);
    EXPECT_NE(ar.back().flag_whys[0].find("Seq 1 < next expected 201 (set by frame 5)"), std::string::npos)
        << ar.back().flag_whys[0];
}
