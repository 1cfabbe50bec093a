// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow/tcp_seq_analysis.h"

#include "util/seq.h"

#include <algorithm>

namespace seqscope {

namespace {

constexpr std::uint16_t kSynFinRst = tcpflag::kSyn | tcpflag::kFin | tcpflag::kRst;
constexpr std::uint64_t kFastRetransmitWindowNs = 20'000'000;  // 20 ms
constexpr std::uint64_t kDefaultOooThresholdNs = 3'000'000;    // 3 ms without an iRTT

void note(TcpAnalysis& out, std::uint32_t flag) {
    out.has_ta = true;
    out.flags |= flag;
}

// Steps 1-9: the flags decided by comparing with the flow state before this packet.
// Returns with every test that applies done; the early exits of steps 1, 7 and 8
// simply return (they skip the rest of this block, nothing else).
void classify_window_and_acks(TcpFlowState& fwd, TcpFlowState& rev, const TcpSegmentInput& in, TcpAnalysis& out) {
    const std::uint32_t nxt = fwd.nextseq;
    const bool plain = (in.flags & kSynFinRst) == 0;

    // 1. Zero window probe: skips every other test of this block.
    if (in.seglen == 1 && in.seq == nxt && rev.window == 0) {
        note(out, tcpa::kZeroWindowProbe);
        return;
    }
    // 2. Zero window.
    if (in.window == 0 && plain) note(out, tcpa::kZeroWindow);
    // 3. Previous segment not captured.
    if (nxt != 0 && seq::gt(in.seq, nxt) && (in.flags & tcpflag::kRst) == 0) {
        note(out, tcpa::kLostSegment);
        fwd.valid_bif = false;  // until the peer sends an ACK
    }
    // 4. Keep-alive.
    if (in.seglen <= 1 && plain && in.seq + 1 == nxt) note(out, tcpa::kKeepAlive);
    const bool same_position = in.seglen == 0 && in.seq == nxt && in.ack == fwd.lastack && plain;
    // 5. Window update.
    if (same_position && in.window != 0 && in.window != fwd.window) note(out, tcpa::kWindowUpdate);
    // 6. Window full: exactly at the right edge of the peer's advertised window.
    if (in.seglen > 0 && rev.win_scale != -1 && plain) {
        const int shift = (rev.is_first_ack || rev.win_scale == -2) ? 0 : rev.win_scale;
        if (in.seq + in.seglen == rev.lastack + (rev.window << shift)) note(out, tcpa::kWindowFull);
    }
    // 7. Keep-alive ACK.
    if (same_position && in.window != 0 && in.window == fwd.window && (rev.lastsegmentflags & tcpa::kKeepAlive)) {
        note(out, tcpa::kKeepAliveAck);
        return;
    }
    // 8. Zero window probe ACK.
    if (same_position && in.window == 0 && fwd.window == 0 && (rev.lastsegmentflags & tcpa::kZeroWindowProbe)) {
        note(out, tcpa::kZeroWindowProbeAck);
        return;
    }
    // 9. Duplicate ACK (the ACK flag is not required).
    if (same_position && in.window != 0 && in.window == fwd.window) {
        fwd.dupacknum = fwd.dupacknum == TcpFlowState::kDupAckSilenced ? 1 : fwd.dupacknum + 1;
        note(out, tcpa::kDuplicateAck);
        out.dup_ack_num = fwd.dupacknum;
        out.dup_ack_frame = fwd.lastnondupack;
    }
}

// Step 12: an ACK beyond the data the peer was seen sending.
void check_acked_unseen(TcpFlowState& rev, const TcpSegmentInput& in, TcpAnalysis& out) {
    if ((in.flags & tcpflag::kAck) == 0 || rev.maxseqtobeacked == 0 || !seq::gt(in.ack, rev.maxseqtobeacked)) return;
    out.has_ta = true;  // even when the repeat is silenced: the subtree (and iRTT) shows
    if (seq::lt(rev.maxseqtobeacked, rev.nextseq)) {
        rev.maxseqtobeacked = rev.nextseq;
        note(out, tcpa::kAckLostSegment);
    } else {
        if (rev.dupacknum == 0) note(out, tcpa::kAckLostSegment);
        rev.dupacknum = TcpFlowState::kDupAckSilenced;
    }
}

// Step 13: spurious, fast, out-of-order or plain retransmission.
void classify_retransmission(TcpFlowState& fwd, TcpFlowState& rev, std::int64_t irtt_ns, const TcpSegmentInput& in,
                             TcpAnalysis& out) {
    const bool syn_or_fin = (in.flags & (tcpflag::kSyn | tcpflag::kFin)) != 0;
    if (in.seglen == 0 && !syn_or_fin) return;
    if (out.flags & tcpa::kKeepAlive) return;
    const std::uint32_t nxt = fwd.nextseq;
    bool not_advanced = nxt != 0 && seq::lt(in.seq, nxt);
    if (in.seglen > 1 && nxt - 1 == in.seq) not_advanced = false;  // data resuming after a probe byte

    if (in.seglen > 0 && rev.lastack != 0 && seq::le(in.seq + in.seglen, rev.lastack)) {
        note(out, tcpa::kSpuriousRetransmission);
        return;
    }
    // Unsigned, as tshark computes them: a timestamp going backwards fails the tests.
    const auto since_peer = static_cast<std::uint64_t>(in.now_ns - rev.lastack_time);
    if (not_advanced && rev.dupacknum >= 2 && rev.lastack == in.seq && since_peer < kFastRetransmitWindowNs) {
        note(out, tcpa::kFastRetransmission);
        return;
    }
    const auto since_nxt = static_cast<std::uint64_t>(in.now_ns - fwd.nextseq_time);
    const std::uint64_t threshold = irtt_ns != 0 ? static_cast<std::uint64_t>(irtt_ns) : kDefaultOooThresholdNs;
    const std::uint32_t end = in.seq + in.seglen + (syn_or_fin ? 1u : 0u);
    if (not_advanced && since_nxt < threshold && nxt != end) {
        note(out, tcpa::kOutOfOrder);
        return;
    }
    if (not_advanced) {
        note(out, tcpa::kRetransmission);
        if (!fwd.unacked.empty()) {
            const TcpUnacked& oldest = fwd.unacked.front();
            out.rto_ns = in.now_ns - oldest.ts_ns;
            out.rto_frame = oldest.frame;
        } else {
            out.rto_ns = in.now_ns - fwd.nextseq_time;
            out.rto_frame = fwd.nextseq_frame;
        }
    }
}

// Steps 14-15: remember the segment and how far this flow has got.
void advance_flow(TcpFlowState& fwd, const TcpSegmentInput& in, const TcpAnalysis& out) {
    const bool syn_or_fin = (in.flags & (tcpflag::kSyn | tcpflag::kFin)) != 0;
    std::uint32_t nextseq = in.seq + in.seglen;
    if ((in.seglen > 0 || syn_or_fin) && fwd.unacked.size() < TcpFlowState::kMaxUnacked) {
        if (syn_or_fin) ++nextseq;  // only when stored, as tshark does
        fwd.unacked.push_back({in.seq, nextseq, in.frame, in.now_ns});
    }
    const bool probe = (out.flags & tcpa::kZeroWindowProbe) != 0;
    if ((seq::gt(nextseq, fwd.nextseq) || fwd.nextseq == 0) && !probe) {
        fwd.nextseq = nextseq;
        fwd.nextseq_frame = in.frame;
        fwd.nextseq_time = in.now_ns;
    }
    if ((in.seq == fwd.maxseqtobeacked || fwd.maxseqtobeacked == 0) && !probe) fwd.maxseqtobeacked = fwd.nextseq;
}

// Step 18: match the ack against the peer's unacked segments, newest to oldest.
// Each segment's fate depends only on itself, so one pass oldest-first compacts the
// list in place (no per-packet allocation) with the same result as tshark's walk.
void match_ack(TcpFlowState& rev, const TcpSegmentInput& in, TcpAnalysis& out) {
    auto& list = rev.unacked;
    bool matched = false;
    std::size_t w = 0;
    for (std::size_t r = 0; r < list.size(); ++r) {
        TcpUnacked& u = list[r];
        if (in.ack == u.nextseq) {
            // tshark walks newest to oldest and the oldest match wins: the first one here.
            if (!matched) {
                matched = true;
                out.has_ta = true;
                out.acks_frame = u.frame;
                const std::int64_t rtt = in.now_ns - u.ts_ns;
                out.ack_rtt_ns = rtt != 0 ? rtt : -1;
            }
            continue;  // dropped
        }
        if (seq::gt(in.ack, u.seq) && seq::le(in.ack, u.nextseq)) u.seq = in.ack;  // partly acknowledged
        else if (!seq::gt(u.nextseq, in.ack)) continue;  // wholly acknowledged: dropped
        list[w++] = u;
    }
    list.resize(w);
}

// Step 19: bytes in flight and bytes since the last PSH.
void bytes_in_flight(TcpFlowState& fwd, const TcpFlowState& rev, const TcpSegmentInput& in, TcpAnalysis& out) {
    if (in.seglen == 0 || !fwd.valid_bif) return;
    out.has_ta = true;
    std::uint32_t in_flight = 0;
    if (!fwd.unacked.empty()) {
        // tshark compares these relative to the base as plain unsigned numbers (not
        // modulo 2^32), so a segment below the base makes the span huge and unshown.
        const std::uint32_t base = fwd.base_seq;
        std::uint32_t first = fwd.unacked.back().seq - base, last = fwd.unacked.back().nextseq - base;
        for (const TcpUnacked& u : fwd.unacked) {
            first = std::min(first, u.seq - base);
            last = std::max(last, u.nextseq - base);
        }
        in_flight = last - first;
    }
    for (std::size_t i = 0; i < rev.sack_count; ++i) in_flight -= rev.sack[i].right - rev.sack[i].left;
    if (in_flight > 0 && in_flight < 2'000'000'000u) {
        out.bytes_in_flight = in_flight;
        if (in.flags & (tcpflag::kSyn | tcpflag::kFin)) out.bytes_in_flight -= 1;
    }
    const bool psh = (in.flags & tcpflag::kPsh) != 0;
    if (psh == fwd.push_set_last) {
        // Both PSH (a new run starts) or neither (the run continues).
        fwd.push_bytes_sent = psh ? in.seglen : fwd.push_bytes_sent + in.seglen;
    } else {
        // PSH after none ends the run including this one; none after PSH starts one.
        fwd.push_bytes_sent = psh ? fwd.push_bytes_sent + in.seglen : in.seglen;
    }
    fwd.push_set_last = psh;
    out.push_bytes_sent = fwd.push_bytes_sent;
}

}  // namespace

void analyze_tcp_sequence(TcpFlowState& fwd, TcpFlowState& rev, std::int64_t irtt_ns, const TcpSegmentInput& in,
                          TcpAnalysis& out) {
    if (in.flags & tcpflag::kAck) rev.valid_bif = true;  // step 0
    classify_window_and_acks(fwd, rev, in, out);           // steps 1-9
    if (in.ack != fwd.lastack) {                           // step 11
        fwd.lastnondupack = in.frame;
        fwd.dupacknum = 0;
    }
    check_acked_unseen(rev, in, out);                      // step 12
    classify_retransmission(fwd, rev, irtt_ns, in, out);   // step 13
    advance_flow(fwd, in, out);                            // steps 14-15
    fwd.window = in.window;                                // step 16
    fwd.lastack = in.ack;
    fwd.lastack_time = in.now_ns;
    fwd.lastsegmentflags = out.has_ta ? out.flags : 0;     // step 17
    match_ack(rev, in, out);                               // step 18
    bytes_in_flight(fwd, rev, in, out);                    // step 19
}

}  // namespace seqscope
