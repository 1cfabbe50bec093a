// SPDX-License-Identifier: GPL-3.0-or-later
// The TCP tracker fed with segments directly: streams, relative numbers, window
// scaling, completeness and every tcp.analysis item, as tshark 4.0.17 reports them
// (../shared/TCP-ANALYSIS.md). Every tracked frame is also replayed and must give
// back exactly what track() returned.
#include "decode/tcp_analysis_fields.h"
#include "flow/tcp_tracker.h"

#include <gtest/gtest.h>

#include <array>
#include <optional>

using namespace seqscope;

namespace {

using namespace tcpflag;
constexpr std::uint16_t kSynAck = kSyn | kAck, kPshAck = kPsh | kAck, kFinAck = kFin | kAck;
constexpr std::int64_t kMs = 1'000'000;

void expect_same(const TcpAnalysis& a, const TcpAnalysis& b) {
    EXPECT_EQ(a.stream, b.stream);
    EXPECT_EQ(a.has_stream, b.has_stream);
    EXPECT_EQ(a.rel_seq, b.rel_seq);
    EXPECT_EQ(a.ack_shown, b.ack_shown);
    EXPECT_EQ(a.completeness, b.completeness);
    EXPECT_EQ(a.win_shift, b.win_shift);
    EXPECT_EQ(a.has_ta, b.has_ta);
    EXPECT_EQ(a.flags, b.flags);
    EXPECT_EQ(a.acks_frame, b.acks_frame);
    EXPECT_EQ(a.ack_rtt_ns, b.ack_rtt_ns);
    EXPECT_EQ(a.initial_rtt_ns, b.initial_rtt_ns);
    EXPECT_EQ(a.bytes_in_flight, b.bytes_in_flight);
    EXPECT_EQ(a.push_bytes_sent, b.push_bytes_sent);
    EXPECT_EQ(a.dup_ack_num, b.dup_ack_num);
    EXPECT_EQ(a.dup_ack_frame, b.dup_ack_frame);
    EXPECT_EQ(a.rto_ns, b.rto_ns);
    EXPECT_EQ(a.rto_frame, b.rto_frame);
}

struct Opt {
    std::optional<std::uint8_t> ws;
    std::uint8_t sack_count = 0;
    std::array<SackBlock, 4> sack{};
};

// One client/server pair; frames are numbered in the order they are sent.
class Link {
public:
    explicit Link(std::uint16_t client_port = 40000, std::uint16_t server_port = 80) {
        const std::array<std::uint8_t, 4> c{10, 0, 0, 1}, s{10, 0, 0, 2};
        client_ = Address::v4(c.data());
        server_ = Address::v4(s.data());
        cport_ = client_port;
        sport_ = server_port;
    }

    TcpAnalysis c(std::uint16_t flags, std::uint32_t seq, std::uint32_t ack, std::uint32_t len, std::uint16_t win,
                  std::int64_t t_ns, Opt o = {}) {
        return send(true, flags, seq, ack, len, win, t_ns, o);
    }
    TcpAnalysis s(std::uint16_t flags, std::uint32_t seq, std::uint32_t ack, std::uint32_t len, std::uint16_t win,
                  std::int64_t t_ns, Opt o = {}) {
        return send(false, flags, seq, ack, len, win, t_ns, o);
    }
    TcpSegmentView view(bool from_client, std::uint16_t flags, std::uint32_t seq, std::uint32_t ack, std::uint32_t len,
                        std::uint16_t win) const {
        TcpSegmentView v;
        v.src = from_client ? client_ : server_;
        v.dst = from_client ? server_ : client_;
        v.src_port = from_client ? cport_ : sport_;
        v.dst_port = from_client ? sport_ : cport_;
        v.flags = flags;
        v.seq = seq;
        v.ack = ack;
        v.seglen = len;
        v.window = win;
        v.header_len = 20;
        v.seglen_known = true;
        v.captured_tcp_bytes = 20 + len;
        return v;
    }
    TcpAnalysis track_view(const TcpSegmentView& v, std::int64_t t_ns) {
        const FrameNumber f{++frame_};
        const TcpAnalysis a = tracker.track(f, t_ns, v);
        expect_same(a, tracker.replay(f, v));
        return a;
    }
    std::uint32_t frame() const { return frame_; }
    void skip_frame() { ++frame_; }  // a non-TCP frame in between

    TcpTracker tracker;

private:
    TcpAnalysis send(bool from_client, std::uint16_t flags, std::uint32_t seq, std::uint32_t ack, std::uint32_t len,
                     std::uint16_t win, std::int64_t t_ns, const Opt& o) {
        TcpSegmentView v = view(from_client, flags, seq, ack, len, win);
        v.wscale_shift = o.ws;
        v.sack_count = o.sack_count;
        v.sack = o.sack;
        return track_view(v, t_ns);
    }

    Address client_, server_;
    std::uint16_t cport_ = 0, sport_ = 0;
    std::uint32_t frame_ = 0;
};

// Client ISN 1000, server ISN 5000, both offering window scale 7; 10 ms each way.
void handshake(Link& l, std::int64_t t0 = 1000 * kMs) {
    l.c(kSyn, 1000, 0, 0, 64240, t0, {.ws = 7});
    l.s(kSynAck, 5000, 1001, 0, 65160, t0 + 10 * kMs, {.ws = 7});
    l.c(kAck, 1001, 5001, 0, 502, t0 + 20 * kMs);
}

bool has(const TcpAnalysis& a, std::uint32_t flag) { return (a.flags & flag) != 0; }

}  // namespace

TEST(TcpTracker, HandshakeRelativeNumbersAndIrtt) {
    Link l;
    const auto syn = l.c(kSyn, 1000, 0, 0, 64240, 1000 * kMs, {.ws = 7});
    EXPECT_TRUE(syn.has_stream);
    EXPECT_EQ(syn.stream, TcpStreamId{0});
    EXPECT_EQ(syn.rel_seq, 0u);
    EXPECT_EQ(syn.ack_shown, 0u);
    EXPECT_EQ(syn.completeness, 0);
    EXPECT_FALSE(syn.has_ta);

    const auto synack = l.s(kSynAck, 5000, 1001, 0, 65160, 1010 * kMs, {.ws = 7});
    EXPECT_EQ(synack.rel_seq, 0u);
    EXPECT_EQ(synack.ack_shown, 1u);
    EXPECT_EQ(synack.completeness, 1);
    EXPECT_TRUE(synack.has_ta);
    EXPECT_EQ(synack.acks_frame, 1u);
    EXPECT_EQ(synack.ack_rtt_ns, 10 * kMs);
    EXPECT_EQ(synack.initial_rtt_ns, -1);  // not known yet in a single pass
    EXPECT_EQ(synack.flags, 0u);

    const auto ack = l.c(kAck, 1001, 5001, 0, 502, 1020 * kMs);
    EXPECT_EQ(ack.rel_seq, 1u);
    EXPECT_EQ(ack.ack_shown, 1u);
    EXPECT_EQ(ack.completeness, 3);
    EXPECT_EQ(ack.win_shift, 7);
    EXPECT_EQ(ack.acks_frame, 2u);
    EXPECT_EQ(ack.initial_rtt_ns, 20 * kMs);  // SYN -> final ACK, shown on that packet

    const auto data = l.c(kPshAck, 1001, 5001, 100, 502, 1021 * kMs);
    EXPECT_EQ(data.completeness, 7);
    EXPECT_TRUE(data.has_ta);
    EXPECT_EQ(data.bytes_in_flight, 100u);
    EXPECT_EQ(data.push_bytes_sent, 100u);
    EXPECT_EQ(data.initial_rtt_ns, 20 * kMs);
    EXPECT_EQ(data.acks_frame, 0u);

    // A pure ACK that acknowledges nothing new has no analysis subtree at all.
    const auto sack = l.s(kAck, 5001, 1101, 0, 509, 1030 * kMs);
    EXPECT_EQ(sack.acks_frame, 4u);
    EXPECT_EQ(sack.completeness, 15);
    const auto info = l.tracker.conversation(TcpStreamId{0});
    ASSERT_TRUE(info.has_value());
    EXPECT_TRUE(info->client_known);
    EXPECT_EQ(info->client_port, 40000);
    EXPECT_EQ(info->server_port, 80);
    EXPECT_EQ(info->first_frame, FrameNumber{1});
    EXPECT_EQ(info->last_frame, FrameNumber{5});
    EXPECT_EQ(info->client_base_seq, 1000u);
    EXPECT_EQ(info->server_base_seq, 5000u);
    EXPECT_EQ(info->initial_rtt_ns, 20 * kMs);
    EXPECT_EQ(info->initial_rtt_frame, FrameNumber{3});
}

TEST(TcpTracker, CompletenessShownBeforeTheUpdate) {
    Link l;
    std::vector<int> shown;
    shown.push_back(l.c(kSyn, 1000, 0, 0, 64240, 0 + kMs).completeness);
    shown.push_back(l.s(kSynAck, 5000, 1001, 0, 65160, 2 * kMs).completeness);
    shown.push_back(l.c(kAck, 1001, 5001, 0, 502, 3 * kMs).completeness);
    shown.push_back(l.c(kPshAck, 1001, 5001, 10, 502, 4 * kMs).completeness);
    shown.push_back(l.c(kFinAck, 1011, 5001, 0, 502, 5 * kMs).completeness);
    shown.push_back(l.s(kFinAck, 5001, 1012, 0, 502, 6 * kMs).completeness);
    shown.push_back(l.c(kRst, 1012, 0, 0, 0, 7 * kMs).completeness);
    shown.push_back(l.c(kAck, 1012, 5002, 0, 502, 8 * kMs).completeness);
    EXPECT_EQ(shown, (std::vector<int>{0, 1, 3, 7, 15, 31, 31, 63}));
}

TEST(TcpTracker, MidStreamStartCountsNothingForTheFirstPacket) {
    Link l;
    EXPECT_EQ(l.s(kSynAck, 5000, 1001, 0, 65160, kMs).completeness, 0);  // capture starts at the SYN-ACK
    EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 2 * kMs).completeness, 0);
    EXPECT_EQ(l.c(kPshAck, 1001, 5001, 10, 502, 3 * kMs).completeness, 4);
    EXPECT_EQ(l.s(kAck, 5001, 1011, 0, 502, 4 * kMs).completeness, 12);
}

TEST(TcpTracker, AckShownRawWithoutTheAckFlag) {
    Link l;
    l.c(kAck, 100, 900, 0, 1000, kMs);  // mid-stream: bases 99 and 899
    const auto fin = l.c(kFin, 100, 5001, 0, 1000, 2 * kMs);
    EXPECT_EQ(fin.rel_seq, 1u);
    EXPECT_EQ(fin.ack_shown, 5001u);
    // A segment below the base prints as a huge unsigned value.
    const auto low = l.c(kAck, 50, 900, 0, 1000, 3 * kMs);
    EXPECT_EQ(low.rel_seq, 4294967247u);
}

TEST(TcpTracker, WindowScaleOutcomes) {
    {  // both offer: each side its own shift; SYNs show the value before the option
        Link l;
        l.c(kSyn, 1000, 0, 0, 64240, kMs, {.ws = 7});
        l.s(kSynAck, 5000, 1001, 0, 65160, 2 * kMs, {.ws = 3});
        EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 3 * kMs).win_shift, 7);
        EXPECT_EQ(l.s(kAck, 5001, 1001, 0, 502, 4 * kMs).win_shift, 3);
    }
    {  // SYN without WS: no scaling either way
        Link l;
        l.c(kSyn, 1000, 0, 0, 64240, kMs);
        l.s(kSynAck, 5000, 1001, 0, 65160, 2 * kMs, {.ws = 3});
        EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 3 * kMs).win_shift, -2);
        EXPECT_EQ(l.s(kAck, 5001, 1001, 0, 502, 4 * kMs).win_shift, -2);
    }
    {  // SYN with WS, SYN-ACK without: both -2
        Link l;
        l.c(kSyn, 1000, 0, 0, 64240, kMs, {.ws = 7});
        l.s(kSynAck, 5000, 1001, 0, 65160, 2 * kMs);
        EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 3 * kMs).win_shift, -2);
        EXPECT_EQ(l.s(kAck, 5001, 1001, 0, 502, 4 * kMs).win_shift, -2);
    }
    {  // only the SYN-ACK captured: server side scaled, client unknown
        Link l;
        l.s(kSynAck, 5000, 1001, 0, 65160, 2 * kMs, {.ws = 4});
        EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 3 * kMs).win_shift, -1);
        EXPECT_EQ(l.s(kAck, 5001, 1001, 0, 502, 4 * kMs).win_shift, 4);
    }
    {  // no handshake; a WS option mid-stream scales from the next packet; clamp at 14
        Link l;
        EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 3 * kMs, {.ws = 15}).win_shift, -1);
        EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 4 * kMs).win_shift, 14);
    }
}

TEST(TcpTracker, DupAcksThenFastRetransmission) {
    Link l;
    handshake(l);
    l.c(kAck, 1001, 5001, 100, 502, 1100 * kMs);                       // 4: 1-101
    l.c(kAck, 1101, 5001, 100, 502, 1101 * kMs);                       // 5: 101-201
    l.c(kAck, 1201, 5001, 100, 502, 1102 * kMs);                       // 6: 201-301
    const auto a7 = l.s(kAck, 5001, 1101, 0, 509, 1120 * kMs);         // 7: acks 4
    EXPECT_EQ(a7.acks_frame, 4u);
    EXPECT_FALSE(has(a7, tcpa::kDuplicateAck));
    const auto d1 = l.s(kAck, 5001, 1101, 0, 509, 1121 * kMs);
    EXPECT_TRUE(has(d1, tcpa::kDuplicateAck));
    EXPECT_EQ(d1.dup_ack_num, 1u);
    EXPECT_EQ(d1.dup_ack_frame, 7u);
    EXPECT_EQ(tcp_info_prefix(d1), "[TCP Dup ACK 7#1] ");
    const auto d2 = l.s(kAck, 5001, 1101, 0, 509, 1122 * kMs);
    EXPECT_EQ(d2.dup_ack_num, 2u);
    const auto fr = l.c(kAck, 1101, 5001, 100, 502, 1130 * kMs);      // within 20 ms of the last dup
    EXPECT_EQ(fr.flags, tcpa::kFastRetransmission);
    EXPECT_EQ(tcp_info_prefix(fr), "[TCP Fast Retransmission] ");
    EXPECT_EQ(fr.rto_ns, -1);
}

TEST(TcpTracker, OutOfOrderWithinIrttElseRetransmission) {
    Link l;
    handshake(l);  // iRTT 20 ms
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);                 // 4: 1-101
    l.c(kAck, 1101, 5001, 100, 502, 2001 * kMs);                 // 5: 101-201, NXT time 2001
    const auto ooo = l.c(kAck, 1001, 5001, 100, 502, 2005 * kMs);  // 4 ms after NXT moved
    EXPECT_EQ(ooo.flags, tcpa::kOutOfOrder);
    // A copy of the newest segment (ends exactly at NXT) is never out-of-order.
    const auto copy = l.c(kAck, 1101, 5001, 100, 502, 2006 * kMs);
    EXPECT_EQ(copy.flags, tcpa::kRetransmission);
    const auto late = l.c(kAck, 1001, 5001, 100, 502, 2100 * kMs);
    EXPECT_EQ(late.flags, tcpa::kRetransmission);
    EXPECT_EQ(late.rto_ns, 100 * kMs);  // from the oldest unacked segment, frame 4
    EXPECT_EQ(late.rto_frame, 4u);
    EXPECT_EQ(tcp_info_prefix(late), "[TCP Retransmission] ");
}

TEST(TcpTracker, WithoutIrttTheThresholdIs3ms) {
    Link l;
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);
    l.c(kAck, 1101, 5001, 100, 502, 2001 * kMs);
    EXPECT_EQ(l.c(kAck, 1001, 5001, 100, 502, 2003 * kMs).flags, tcpa::kOutOfOrder);
    EXPECT_EQ(l.c(kAck, 1001, 5001, 100, 502, 2005 * kMs).flags, tcpa::kRetransmission);
    // A timestamp going backwards makes the unsigned delta huge: retransmission.
    EXPECT_EQ(l.c(kAck, 1001, 5001, 100, 502, 1990 * kMs).flags, tcpa::kRetransmission);
}

TEST(TcpTracker, SpuriousRetransmissionOfAckedData) {
    Link l;
    handshake(l);
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);
    l.s(kAck, 5001, 1101, 0, 509, 2010 * kMs);
    const auto sp = l.c(kAck, 1001, 5001, 100, 502, 2011 * kMs);
    EXPECT_EQ(sp.flags, tcpa::kSpuriousRetransmission);
    EXPECT_EQ(tcp_info_prefix(sp), "[TCP Spurious Retransmission] ");
}

TEST(TcpTracker, ZeroWindowProbeAndProbeAckThenWindowUpdate) {
    Link l;
    handshake(l);
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);
    const auto zw = l.s(kAck, 5001, 1101, 0, 0, 2010 * kMs);
    EXPECT_EQ(zw.flags, tcpa::kZeroWindow);
    const auto probe = l.c(kAck, 1101, 5001, 1, 502, 2500 * kMs);
    EXPECT_EQ(probe.flags, tcpa::kZeroWindowProbe);
    const auto pack = l.s(kAck, 5001, 1101, 0, 0, 2510 * kMs);
    EXPECT_EQ(pack.flags, tcpa::kZeroWindow | tcpa::kZeroWindowProbeAck);
    EXPECT_EQ(tcp_info_prefix(pack), "[TCP ZeroWindowProbeAck] [TCP ZeroWindow] ");
    const auto wu = l.s(kAck, 5001, 1101, 0, 300, 2600 * kMs);
    EXPECT_EQ(wu.flags, tcpa::kWindowUpdate);
    // The probe byte did not advance NXT: data continuing after it is "not captured".
    const auto next = l.c(kAck, 1102, 5001, 100, 502, 2601 * kMs);
    EXPECT_TRUE(has(next, tcpa::kLostSegment));
    EXPECT_EQ(next.bytes_in_flight, 0u);  // bytes in flight off from the lost packet on
}

TEST(TcpTracker, WindowFullAtTheExactRightEdge) {
    Link l;
    l.c(kSyn, 1000, 0, 0, 64240, kMs, {.ws = 2});
    l.s(kSynAck, 5000, 1001, 0, 65160, 2 * kMs, {.ws = 2});
    l.c(kAck, 1001, 5001, 0, 502, 3 * kMs);
    l.s(kAck, 5001, 1001, 0, 250, 4 * kMs);  // 250 << 2 = 1000 bytes
    EXPECT_EQ(l.c(kAck, 1001, 5001, 500, 502, 5 * kMs).flags, 0u);
    const auto full = l.c(kAck, 1501, 5001, 500, 502, 6 * kMs);
    EXPECT_EQ(full.flags, tcpa::kWindowFull);
    EXPECT_EQ(full.bytes_in_flight, 1000u);
    EXPECT_EQ(tcp_info_prefix(full), "[TCP Window Full] ");
}

TEST(TcpTracker, WindowFullUsesTheShiftUnlessThePeerIsStillInItsHandshake) {
    // No handshake: the client's WS option (on a packet without ACK) applies to its
    // window right away, because only a SYN holds the shift back.
    for (const std::uint32_t len : {250u, 1000u}) {
        Link l;
        l.c(kPsh, 1000, 5000, 0, 250, kMs, {.ws = 2});
        l.c(kPsh, 1000, 5000, 0, 250, 2 * kMs);
        const auto d = l.s(kAck, 5000, 1000, len, 100, 3 * kMs);
        EXPECT_EQ(has(d, tcpa::kWindowFull), len == 1000u) << len;
    }
}

TEST(TcpTracker, KeepAliveAndKeepAliveAck) {
    Link l;
    handshake(l);
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);
    l.s(kAck, 5001, 1101, 0, 509, 2010 * kMs);
    const auto ka = l.c(kAck, 1100, 5001, 0, 502, 4000 * kMs);
    EXPECT_EQ(ka.flags, tcpa::kKeepAlive);
    const auto kaa = l.s(kAck, 5001, 1101, 0, 509, 4001 * kMs);
    EXPECT_EQ(kaa.flags, tcpa::kKeepAliveAck);  // never also a dup ACK
    EXPECT_EQ(tcp_info_prefix(kaa), "[TCP Keep-Alive ACK] ");
    // A keep-alive with one garbage byte is never a retransmission.
    EXPECT_EQ(l.c(kAck, 1100, 5001, 1, 502, 6000 * kMs).flags, tcpa::kKeepAlive);
}

TEST(TcpTracker, FirstBareAckAfterOwnDataIsADupAck) {
    Link l;
    handshake(l);
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);  // 4
    const auto a = l.c(kAck, 1101, 5001, 0, 502, 2001 * kMs);
    EXPECT_EQ(a.flags, tcpa::kDuplicateAck);
    EXPECT_EQ(a.dup_ack_frame, 3u);  // the last frame of this side whose ack changed
}

TEST(TcpTracker, LostSegmentAndAckedUnseen) {
    Link l;
    handshake(l);
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);               // 4: 1-101
    const auto lost = l.c(kAck, 1201, 5001, 100, 502, 2001 * kMs);  // 5: 201-301, 101-201 missing
    EXPECT_EQ(lost.flags, tcpa::kLostSegment);
    EXPECT_EQ(lost.bytes_in_flight, 0u);
    EXPECT_EQ(tcp_info_prefix(lost), "[TCP Previous segment not captured] ");
    const auto unseen = l.s(kAck, 5001, 1301, 0, 509, 2010 * kMs);
    EXPECT_TRUE(has(unseen, tcpa::kAckLostSegment));
    EXPECT_EQ(unseen.acks_frame, 5u);
    // The peer's ACK turned bytes in flight back on.
    EXPECT_EQ(l.c(kAck, 1301, 5001, 100, 502, 2020 * kMs).bytes_in_flight, 100u);
}

TEST(TcpTracker, AckedUnseenBeyondEverythingSilencesRepeatsAndArmsFastRetransmission) {
    Link l;
    handshake(l);
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);                  // 4
    const auto u1 = l.s(kAck, 5001, 1501, 0, 509, 2010 * kMs);    // beyond anything sent
    EXPECT_EQ(u1.flags, tcpa::kAckLostSegment);
    const auto u2 = l.s(kAck, 5001, 1601, 0, 509, 2011 * kMs);
    EXPECT_EQ(u2.flags, 0u);  // the "-1" dup-ack counter silences the repeat
    EXPECT_TRUE(u2.has_ta);   // but the analysis subtree (with the iRTT) is still there
    EXPECT_EQ(u2.initial_rtt_ns, 20 * kMs);
}

TEST(TcpTracker, BytesInFlightSpanIsUnsignedFromTheBase) {
    Link l;
    l.c(kAck, 1000, 5001, 100, 502, 1000 * kMs);  // mid-stream: base 999
    const auto below = l.c(kAck, 500, 5001, 100, 502, 1100 * kMs);
    EXPECT_EQ(below.flags, tcpa::kRetransmission);
    EXPECT_EQ(below.rel_seq, 4294966797u);
    EXPECT_EQ(below.bytes_in_flight, 0u);  // the span is > 2e9 relative to the base: not shown
    EXPECT_TRUE(below.has_ta);
}

TEST(TcpTracker, PortReuseWithNewIsnStartsANewStream) {
    Link l;
    handshake(l);
    l.c(kFinAck, 1001, 5001, 0, 502, 1100 * kMs);
    l.s(kFinAck, 5001, 1002, 0, 509, 1110 * kMs);
    l.c(kAck, 1002, 5002, 0, 502, 1120 * kMs);
    const auto syn = l.c(kSyn, 777777, 0, 0, 64240, 3000 * kMs);
    EXPECT_EQ(syn.stream, TcpStreamId{1});
    EXPECT_EQ(syn.flags, tcpa::kReusedPorts);
    EXPECT_EQ(syn.completeness, 1);
    EXPECT_EQ(syn.rel_seq, 0u);
    EXPECT_EQ(tcp_info_prefix(syn), "[TCP Port numbers reused] ");
    const auto synack = l.s(kSynAck, 999, 777778, 0, 65160, 3010 * kMs);
    EXPECT_EQ(synack.stream, TcpStreamId{1});
    EXPECT_EQ(synack.completeness, 1);
    EXPECT_EQ(synack.flags, 0u);
    EXPECT_EQ(l.tracker.stream_count(), 2u);
    EXPECT_EQ(l.tracker.conversation(TcpStreamId{1})->first_frame, FrameNumber{7});
}

TEST(TcpTracker, SameIsnSynAfterFinIsARetransmission) {
    Link l;
    handshake(l);
    l.c(kFinAck, 1001, 5001, 0, 502, 1100 * kMs);
    l.s(kFinAck, 5001, 1002, 0, 509, 1110 * kMs);
    l.c(kAck, 1002, 5002, 0, 502, 1120 * kMs);
    const auto syn = l.c(kSyn, 1000, 0, 0, 64240, 3000 * kMs);
    EXPECT_EQ(syn.stream, TcpStreamId{0});
    EXPECT_EQ(syn.flags, tcpa::kRetransmission);
    EXPECT_EQ(l.tracker.stream_count(), 1u);
}

TEST(TcpTracker, RetransmittedSynInTheHandshake) {
    Link l;
    l.c(kSyn, 1000, 0, 0, 64240, kMs);
    const auto again = l.c(kSyn, 1000, 0, 0, 64240, 1001 * kMs);
    EXPECT_EQ(again.flags, tcpa::kRetransmission);
    EXPECT_EQ(again.rto_ns, 1000 * kMs);
    EXPECT_EQ(again.rto_frame, 1u);
    // The iRTT runs from the most recent SYN.
    l.s(kSynAck, 5000, 1001, 0, 65160, 1011 * kMs);
    EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 1021 * kMs).initial_rtt_ns, 20 * kMs);
}

TEST(TcpTracker, SynAckWithNewIsnRebasesInTheSameStream) {
    Link l;
    l.c(kSyn, 1000, 0, 0, 64240, kMs);
    l.s(kSynAck, 5000, 1001, 0, 65160, 2 * kMs);
    const auto again = l.s(kSynAck, 9000, 1001, 0, 65160, 3 * kMs);
    EXPECT_EQ(again.stream, TcpStreamId{0});
    EXPECT_EQ(again.rel_seq, 0u);
    EXPECT_EQ(again.flags, tcpa::kReusedPorts | tcpa::kLostSegment);
    EXPECT_EQ(tcp_info_prefix(again), "[TCP Previous segment not captured] [TCP Port numbers reused] ");
    const auto ack = l.c(kAck, 1001, 9001, 0, 502, 4 * kMs);
    EXPECT_TRUE(has(ack, tcpa::kAckLostSegment));
    EXPECT_EQ(ack.ack_shown, 1u);  // relative to the rebased server ISN
}

TEST(TcpTracker, RelativeNumbersAcrossTheWrap) {
    Link l;
    const std::uint32_t isn = 0xFFFFFF00u;
    l.c(kSyn, isn, 0, 0, 64240, kMs);
    l.s(kSynAck, 5000, isn + 1, 0, 65160, 2 * kMs);
    l.c(kAck, isn + 1, 5001, 0, 502, 3 * kMs);
    l.c(kAck, isn + 1, 5001, 200, 502, 4 * kMs);       // crosses 2^32
    const auto d = l.c(kAck, isn + 201, 5001, 200, 502, 5 * kMs);
    EXPECT_EQ(d.rel_seq, 201u);
    EXPECT_EQ(d.flags, 0u);
    EXPECT_EQ(d.bytes_in_flight, 400u);
    const auto a = l.s(kAck, 5001, isn + 401, 0, 509, 6 * kMs);
    EXPECT_EQ(a.ack_shown, 401u);
    EXPECT_EQ(a.acks_frame, 5u);
    EXPECT_EQ(a.flags, 0u);
}

TEST(TcpTracker, BytesInFlightMinusPeerSackBlocks) {
    Link l;
    handshake(l);
    l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs);
    l.c(kAck, 1101, 5001, 100, 502, 2001 * kMs);
    Opt sack;
    sack.sack_count = 1;
    sack.sack[0] = {1101, 1201};
    l.s(kAck, 5001, 1001, 0, 509, 2010 * kMs, sack);
    EXPECT_EQ(l.c(kAck, 1201, 5001, 100, 502, 2011 * kMs).bytes_in_flight, 200u);  // 300 - 100 SACKed
}

TEST(TcpTracker, PushBytesRuns) {
    Link l;
    handshake(l);
    EXPECT_EQ(l.c(kAck, 1001, 5001, 100, 502, 2000 * kMs).push_bytes_sent, 100u);
    EXPECT_EQ(l.c(kPshAck, 1101, 5001, 100, 502, 2001 * kMs).push_bytes_sent, 200u);
    EXPECT_EQ(l.c(kPshAck, 1201, 5001, 50, 502, 2002 * kMs).push_bytes_sent, 50u);
    EXPECT_EQ(l.c(kAck, 1251, 5001, 10, 502, 2003 * kMs).push_bytes_sent, 10u);
}

TEST(TcpTracker, ZeroDeltaAckHasFrameButNoRtt) {
    Link l;
    l.c(kSyn, 1000, 0, 0, 64240, 5 * kMs);
    const auto sa = l.s(kSynAck, 5000, 1001, 0, 65160, 5 * kMs);
    EXPECT_EQ(sa.acks_frame, 1u);
    EXPECT_EQ(sa.ack_rtt_ns, -1);
    // An iRTT of exactly 0 is "unknown" and the next qualifying packet recomputes it.
    EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 5 * kMs).initial_rtt_ns, -1);
    EXPECT_EQ(l.c(kPshAck, 1001, 5001, 10, 502, 7 * kMs).initial_rtt_ns, 2 * kMs);
}

TEST(TcpTracker, EpochZeroSynGivesNoIrtt) {
    Link l;
    l.c(kSyn, 1000, 0, 0, 64240, 0);
    l.s(kSynAck, 5000, 1001, 0, 65160, 10 * kMs);
    EXPECT_EQ(l.c(kAck, 1001, 5001, 0, 502, 20 * kMs).initial_rtt_ns, -1);
}

TEST(TcpTracker, QuotedHeaderCreatesAStreamWithoutAnalysis) {
    Link l;
    TcpSegmentView q = l.view(true, kPshAck, 1234, 5678, 0, 100);
    q.quoted = true;
    q.seglen_known = false;
    q.captured_tcp_bytes = 20;
    const auto qa = l.track_view(q, kMs);
    EXPECT_TRUE(qa.has_stream);
    EXPECT_EQ(qa.stream, TcpStreamId{0});
    EXPECT_EQ(qa.rel_seq, 1234u);
    EXPECT_EQ(qa.ack_shown, 5678u);
    EXPECT_FALSE(qa.has_ta);

    Link other(40001, 80);
    // A fresh tracker keeps numbering; here check the next 4-tuple on the same tracker.
    TcpSegmentView syn = other.view(true, kSyn, 1, 0, 0, 100);
    const auto sa = l.track_view(syn, 2 * kMs);
    EXPECT_EQ(sa.stream, TcpStreamId{1});
    // An 8-byte quote creates nothing.
    TcpSegmentView tiny = Link(40002, 80).view(true, kAck, 1, 0, 0, 100);
    tiny.quoted = true;
    tiny.seglen_known = false;
    tiny.captured_tcp_bytes = 8;
    EXPECT_FALSE(l.track_view(tiny, 3 * kMs).has_stream);
    EXPECT_EQ(l.tracker.stream_count(), 2u);
    // In an existing conversation a quoted PSH/ACK counts as a pure ACK.
    Link l2;
    l2.c(kSyn, 1000, 0, 0, 64240, kMs);
    TcpSegmentView q2 = l2.view(true, kPshAck, 1001, 5001, 0, 100);
    q2.quoted = true;
    q2.seglen_known = false;
    EXPECT_EQ(l2.track_view(q2, 2 * kMs).completeness, 1);
    EXPECT_EQ(l2.c(kAck, 1001, 5001, 0, 100, 3 * kMs).completeness, 5);
}

TEST(TcpTracker, QuotedHeaderDoesNotClobberTheFramesSegment) {
    Link l;
    handshake(l);
    TcpSegmentView top = l.view(true, kPshAck, 1001, 5001, 100, 502);
    TcpSegmentView q = l.view(false, kAck, 5001, 1001, 0, 509);
    q.quoted = true;
    q.seglen_known = false;
    const FrameNumber f{l.frame() + 1};
    const auto t = l.tracker.track(f, 2000 * kMs, top);
    const auto qa = l.tracker.track(f, 2000 * kMs, q);
    expect_same(t, l.tracker.replay(f, top));
    expect_same(qa, l.tracker.replay(f, q));
    EXPECT_EQ(l.tracker.replay(f, top).bytes_in_flight, 100u);
    EXPECT_EQ(l.tracker.replay(f, q).rel_seq, 5001u);
}

TEST(TcpTracker, ReplayOfUnknownFramesIsEmpty) {
    Link l;
    handshake(l);
    l.skip_frame();
    const auto v = l.view(true, kAck, 1001, 5001, 0, 502);
    EXPECT_FALSE(l.tracker.replay(FrameNumber{4}, v).has_stream);
    EXPECT_FALSE(l.tracker.replay(FrameNumber{100000}, v).has_stream);
    EXPECT_TRUE(l.tracker.replay(FrameNumber{3}, v).has_stream);
}

TEST(TcpTracker, StreamsAreKeyedByTheFullTuple) {
    Link a(40000, 80), b(40000, 81);
    TcpTracker& t = a.tracker;
    const auto s0 = a.track_view(a.view(true, kSyn, 1, 0, 0, 100), kMs);
    const auto s1 = a.track_view(b.view(true, kSyn, 1, 0, 0, 100), 2 * kMs);
    const auto s0r = a.track_view(a.view(false, kSynAck, 7, 2, 0, 100), 3 * kMs);
    EXPECT_EQ(s0.stream, TcpStreamId{0});
    EXPECT_EQ(s1.stream, TcpStreamId{1});
    EXPECT_EQ(s0r.stream, TcpStreamId{0});
    EXPECT_EQ(t.stream_count(), 2u);
}

TEST(TcpTracker, MemoryPerSegmentStaysSmall) {
    Link l;
    handshake(l);
    const std::size_t before = l.tracker.memory_bytes();
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const auto seq = static_cast<std::uint32_t>(1001 + 100 * i);
        l.c(kAck, seq, 5001, 100, 502, (2000 + i) * kMs);
        l.s(kAck, 5001, seq + 100, 0, 509, (2000 + i) * kMs + 500000);
    }
    const double per_packet = static_cast<double>(l.tracker.memory_bytes() - before) / (2.0 * n);
    EXPECT_LT(per_packet, 26.0);
}
