// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/seq_arithmetic.h"

#include "types/packet_view.h"
#include "util/seq.h"

#include <cstdio>

namespace seqscope {

std::string seq_space_terms(const TcpSegmentEvent& e) {
    std::string s = "Seq " + std::to_string(e.seq);
    if (e.has(tcpflag::kSyn)) s += " + SYN 1";
    if (e.seglen > 0 || (!e.has(tcpflag::kSyn) && !e.has(tcpflag::kFin))) s += " + Len " + std::to_string(e.seglen);
    if (e.has(tcpflag::kFin)) s += " + FIN 1";
    return s;
}

namespace {

std::string ms(std::int64_t ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns) / 1e6);
    return buf;
}

std::string short_terms(const TcpSegmentEvent& e) {
    std::string s = std::to_string(e.seq);
    if (e.has(tcpflag::kSyn)) s += " + SYN";
    if (e.seglen > 0) s += " + " + std::to_string(e.seglen);
    if (e.has(tcpflag::kFin)) s += " + FIN";
    if (e.seglen == 0 && !e.has(tcpflag::kSyn) && !e.has(tcpflag::kFin)) s += " + 0";
    return s;
}

struct SentSegment {
    std::uint32_t seq, next;  // relative
    FrameNumber frame;
    std::int64_t ts;
    std::size_t index;        // into conv.segments
};

// Per direction: what it sent that is not yet covered by the peer's ACKs.
struct DirState {
    std::vector<SentSegment> unacked;
    bool have_next = false;
    std::uint32_t highest_next = 0;  // highest next seq sent so far (tshark's NXT)
    FrameNumber highest_next_frame{};
    std::int64_t highest_next_ts = 0;
    bool have_ack = false;
    std::uint32_t highest_ack = 0;   // highest Ack this direction sent
    FrameNumber highest_ack_frame{};
    std::uint32_t last_ack = 0;
    std::uint16_t last_window = 0;
    FrameNumber last_frame{};
    std::uint32_t dup_acks = 0;      // consecutive duplicate ACKs of last_ack
    std::int64_t last_dup_ts = 0;
};

std::string window_why(const TcpSegmentEvent& e, const TcpConversationSummary& s) {
    const std::string raw = std::to_string(e.window_raw);
    if (e.has(tcpflag::kSyn)) return "Win " + raw + " (windows in SYN segments are never scaled)";
    if (e.win_shift == -2) return "Win " + raw + " (no window scaling: both SYNs must carry WS)";
    if (e.win_shift < 0) return "Win " + raw + " × ? (scale unknown: the handshake was not captured)";
    const std::uint64_t factor = std::uint64_t{1} << e.win_shift;
    std::string why = "Win " + raw + " × " + std::to_string(factor) + " = " + std::to_string(e.window_bytes());
    const OfferedOptions& o = s.offered[e.dir];
    if (o.seen && o.wscale) why += " (WS=" + std::to_string(*o.wscale) + " offered in frame " + std::to_string(o.frame.value) + ")";
    return why;
}

}  // namespace

std::vector<SegmentArithmetic> explain_arithmetic(const TcpConversationEvents& conv, const TcpConversationSummary& summary) {
    std::vector<SegmentArithmetic> out;
    out.reserve(conv.segments.size());
    DirState dirs[2];
    const std::int64_t irtt = summary.handshake.rtt_ns().value_or(0);
    for (std::size_t i = 0; i < conv.segments.size(); ++i) {
        const TcpSegmentEvent& e = conv.segments[i];
        DirState& me = dirs[e.dir];
        DirState& peer = dirs[1 - e.dir];
        SegmentArithmetic a;
        a.frame = e.frame;
        a.next_seq = e.next_seq();
        a.next_seq_why = "next " + std::to_string(a.next_seq) + " = " + seq_space_terms(e);
        a.window_why = window_why(e, summary);

        // --- analysis flags: the numbers behind each, from the state before this segment ---
        const std::uint32_t f = e.analysis.flags;
        const std::string nxt = me.have_next ? std::to_string(me.highest_next) : std::string("unknown");
        const std::string nxt_from = me.have_next ? " (set by frame " + std::to_string(me.highest_next_frame.value) + ")" : "";
        if (f & tcpa::kZeroWindowProbeAck)
            a.flag_whys.push_back("Zero window probe ACK: answers the peer's 1-byte probe, still with window 0");
        if (f & tcpa::kZeroWindow)
            a.flag_whys.push_back("Zero window: Win 0 — this side's receive buffer is full; the peer must stop sending");
        if (f & tcpa::kZeroWindowProbe)
            a.flag_whys.push_back("Zero window probe: 1 byte at the next expected Seq " + nxt +
                                  " while the peer advertises window 0");
        if (f & tcpa::kDuplicateAck)
            a.flag_whys.push_back("Duplicate ACK #" + std::to_string(e.analysis.dup_ack_num) + ": Ack " +
                                  std::to_string(e.ack) + ", Win " + std::to_string(e.window_raw) +
                                  ", no data and no SYN/FIN/RST — the same as frame " +
                                  std::to_string(e.analysis.dup_ack_frame) + "; the receiver still waits for Seq " +
                                  std::to_string(e.ack));
        if (f & tcpa::kKeepAliveAck)
            a.flag_whys.push_back("Keep-alive ACK: repeats Ack " + std::to_string(e.ack) + " to answer the peer's keep-alive");
        if (f & tcpa::kKeepAlive)
            a.flag_whys.push_back("Keep-alive: Seq " + std::to_string(e.seq) + " = next expected " + nxt + " − 1 with " +
                                  std::to_string(e.seglen) + " byte(s): a probe that the peer is still there");
        if (f & tcpa::kWindowFull)
            a.flag_whys.push_back("Window full: Seq " + std::to_string(e.seq) + " + Len " + std::to_string(e.seglen) +
                                  " = " + std::to_string(e.seq + e.seglen) +
                                  " reaches the right edge of the peer's window (its Ack " +
                                  std::to_string(peer.last_ack) + " + its window)");
        if (f & tcpa::kWindowUpdate)
            a.flag_whys.push_back("Window update: no data, same Seq and Ack as before, but Win " +
                                  std::to_string(me.last_window) + " → " + std::to_string(e.window_raw));
        if (f & tcpa::kAckLostSegment)
            a.flag_whys.push_back("ACKed unseen segment: Ack " + std::to_string(e.ack) +
                                  " is beyond everything the peer was seen sending (its next Seq " +
                                  (peer.have_next ? std::to_string(peer.highest_next) : std::string("unknown")) +
                                  "): the capture missed data");
        if (f & tcpa::kLostSegment)
            a.flag_whys.push_back("Previous segment not captured: Seq " + std::to_string(e.seq) + " > next expected " + nxt +
                                  nxt_from + " — " +
                                  (me.have_next ? std::to_string(e.seq - me.highest_next) : std::string("some")) +
                                  " bytes before it never appeared in the capture");
        if (f & tcpa::kOutOfOrder)
            a.flag_whys.push_back("Out-of-order: Seq " + std::to_string(e.seq) + " < next expected " + nxt + nxt_from +
                                  ", only " + ms(e.ts_ns - me.highest_next_ts) +
                                  " after that frame (less than the iRTT " + (irtt > 0 ? ms(irtt) : std::string("default 3 ms")) +
                                  ") ⇒ reordered, not resent");
        if (f & tcpa::kSpuriousRetransmission)
            a.flag_whys.push_back("Spurious retransmission: Seq " + std::to_string(e.seq) + " + Len " +
                                  std::to_string(e.seglen) + " = " + std::to_string(e.seq + e.seglen) +
                                  " ≤ Ack " + std::to_string(peer.last_ack) +
                                  " the peer already sent: it had received these bytes");
        if (f & tcpa::kFastRetransmission)
            a.flag_whys.push_back("Fast retransmission: Seq " + std::to_string(e.seq) + " < next expected " + nxt + nxt_from +
                                  "; the peer sent " + std::to_string(peer.dup_acks) + " duplicate ACK(s) for Seq " +
                                  std::to_string(e.seq) +
                                  (peer.last_dup_ts ? ", the last " + ms(e.ts_ns - peer.last_dup_ts) + " before" : std::string()) +
                                  " ⇒ fast retransmission");
        else if (f & tcpa::kRetransmission && !(f & tcpa::kSpuriousRetransmission))
            a.flag_whys.push_back("Retransmission: Seq " + std::to_string(e.seq) + " < next expected " + nxt + nxt_from +
                                  " — these bytes were sent before" +
                                  (e.analysis.rto_ns >= 0 ? " (RTO " + ms(e.analysis.rto_ns) + " since frame " +
                                                                std::to_string(e.analysis.rto_frame) + ")"
                                                          : std::string()));
        if (f & tcpa::kReusedPorts)
            a.flag_whys.push_back("Port numbers reused: a SYN with a new initial sequence number on an address/port pair "
                                  "already seen — a new connection");

        // --- the ACK ---
        if (e.has(tcpflag::kAck)) {
            const bool advances = !me.have_ack || seq::gt(e.ack, me.highest_ack);
            a.acks_new_data = advances && !peer.unacked.empty();
            std::int64_t newest_ts = -1;
            for (auto it = peer.unacked.begin(); it != peer.unacked.end();) {
                if (seq::le(it->next, e.ack)) {
                    a.acked_frames.push_back(it->frame);
                    if (it->next == e.ack && !a.acked_exact) {
                        a.acked_exact = it->frame;
                        const TcpSegmentEvent& acked = conv.segments[it->index];
                        a.ack_equation = "Ack " + std::to_string(e.ack) + " = " + seq_space_terms(acked) + " (frame " +
                                         std::to_string(it->frame.value) + ")";
                        a.ack_short = std::to_string(e.ack) + " = " + short_terms(acked);
                    }
                    newest_ts = std::max(newest_ts, it->ts);
                    it = peer.unacked.erase(it);
                } else {
                    ++it;
                }
            }
            if (a.acked_frames.empty()) a.acks_new_data = false;
            if (peer.have_next && seq::gt(e.ack, peer.highest_next)) a.ack_beyond_seen = true;
            if (a.acks_new_data && !a.acked_exact) {
                a.ack_equation = "Ack " + std::to_string(e.ack) + " covers " + std::to_string(a.acked_frames.size()) +
                                 " segment(s); none captured ends exactly there";
            }
            if (a.acks_new_data && a.acked_frames.size() > 1 && a.acked_exact)
                a.ack_equation += "; cumulative: also covers " + std::to_string(a.acked_frames.size() - 1) + " earlier segment(s)";
            if (a.acks_new_data && newest_ts >= 0) a.ack_delay_ns = e.ts_ns - newest_ts;
            a.piggybacked = a.acks_new_data && e.seglen > 0;
            a.delayed = a.acks_new_data && e.seglen == 0 && !e.has(tcpflag::kSyn) && !e.has(tcpflag::kFin) &&
                        a.ack_delay_ns - irtt >= kDelayedAckThresholdNs;
            // Duplicate-ACK bookkeeping for the fast-retransmission sentence.
            if (f & tcpa::kDuplicateAck) {
                ++me.dup_acks;
                me.last_dup_ts = e.ts_ns;
            } else if (e.ack != me.last_ack) {
                me.dup_acks = 0;
                me.last_dup_ts = 0;
            }
            if (advances) {
                me.have_ack = true;
                me.highest_ack = e.ack;
                me.highest_ack_frame = e.frame;
            }
        }
        me.last_ack = e.ack;
        me.last_window = e.window_raw;
        me.last_frame = e.frame;

        // --- what this segment adds to its own direction ---
        if (e.seq_space() > 0)
            me.unacked.push_back({e.seq, e.next_seq(), e.frame, e.ts_ns, i});
        if (!me.have_next || seq::gt(e.next_seq(), me.highest_next)) {
            me.have_next = true;
            me.highest_next = e.next_seq();
            me.highest_next_frame = e.frame;
            me.highest_next_ts = e.ts_ns;
        }
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace seqscope
