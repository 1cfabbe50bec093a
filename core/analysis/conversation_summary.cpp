// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/conversation_summary.h"

#include "types/packet_view.h"
#include "util/seq.h"

namespace seqscope {

const char* to_string(TeardownKind k) {
    switch (k) {
    case TeardownKind::None: return "none";
    case TeardownKind::FourWay: return "4-way FIN close";
    case TeardownKind::FinAckMerged: return "FIN+ACK merged (3-way) close";
    case TeardownKind::Simultaneous: return "simultaneous close";
    case TeardownKind::Reset: return "RST abort";
    case TeardownKind::Refused: return "refused (SYN answered by RST)";
    case TeardownKind::HalfOpen: return "half-open (handshake never completed)";
    case TeardownKind::Incomplete: return "FIN sent, close not finished in the capture";
    }
    return "none";
}

std::optional<std::int64_t> Handshake::rtt_ns() const {
    if (!complete()) return std::nullopt;
    return ack_ts - syn_ts;
}

namespace {

void note_offer(OfferedOptions& o, const TcpSegmentEvent& e) {
    if (o.seen) return;
    o.seen = true;
    o.frame = e.frame;
    o.mss = e.mss;
    o.wscale = e.wscale_shift;
    o.sack_perm = e.sack_perm;
    o.timestamps = e.timestamps;
    o.ecn = e.has(tcpflag::kAck) ? e.has(tcpflag::kEce) : (e.has(tcpflag::kEce) && e.has(tcpflag::kCwr));
}

void find_handshake(const TcpConversationEvents& conv, TcpConversationSummary& s) {
    Handshake& h = s.handshake;
    for (const auto& e : conv.segments) {
        const bool syn = e.has(tcpflag::kSyn), ack = e.has(tcpflag::kAck);
        if (syn && !ack) {
            if (!h.syn) {
                h.syn = e.frame;
                h.syn_ts = e.ts_ns;
                s.client = e.dir;
                note_offer(s.offered[e.dir], e);
            } else if (s.client && e.dir != *s.client && !h.syn_ack) {
                h.simultaneous_open = true;  // both sides sent a bare SYN
                note_offer(s.offered[e.dir], e);
            } else if (!h.syn_ack) {
                ++h.syn_retransmissions;
            }
        } else if (syn && ack) {
            if (!h.syn_ack) {
                h.syn_ack = e.frame;
                h.syn_ack_ts = e.ts_ns;
                note_offer(s.offered[e.dir], e);
                if (!s.client) s.client = static_cast<std::uint8_t>(1 - e.dir);
            }
        } else if (ack && h.syn_ack && !h.ack && s.client && e.dir == *s.client) {
            h.ack = e.frame;
            h.ack_ts = e.ts_ns;
        }
    }
}

void find_teardown(const TcpConversationEvents& conv, TcpConversationSummary& s) {
    Teardown& t = s.teardown;
    std::optional<std::uint8_t> first_fin_dir;
    std::uint32_t fin_end[2] = {0, 0};
    bool fin_acked[2] = {false, false};
    bool second_fin_carried_ack_of_first = false;
    for (const auto& e : conv.segments) {
        if (e.has(tcpflag::kRst)) {
            if (!t.rst) {
                t.rst = e.frame;
                t.rst_ts = e.ts_ns;
                t.frames.push_back(e.frame);
                if (!t.active_closer && !first_fin_dir) t.active_closer = e.dir;
            }
            continue;
        }
        const std::uint8_t peer = static_cast<std::uint8_t>(1 - e.dir);
        // ACK of the peer's FIN?
        if (e.has(tcpflag::kAck) && fin_end[peer] != 0 && !fin_acked[peer] && seq::ge(e.ack_raw, fin_end[peer])) {
            fin_acked[peer] = true;
            t.frames.push_back(e.frame);
            if (e.has(tcpflag::kFin) && first_fin_dir && *first_fin_dir == peer) second_fin_carried_ack_of_first = true;
        }
        if (e.has(tcpflag::kFin) && fin_end[e.dir] == 0) {
            fin_end[e.dir] = e.seq_raw + e.seq_space();
            if (!first_fin_dir) {
                first_fin_dir = e.dir;
                t.first_fin = e.frame;
                t.first_fin_ts = e.ts_ns;
                t.active_closer = e.dir;
            } else {
                t.second_fin = e.frame;
                t.second_fin_ts = e.ts_ns;
            }
            if (t.frames.empty() || !(t.frames.back() == e.frame)) t.frames.push_back(e.frame);
        }
        // Data from the side that has not closed, after the other side's FIN: a half-close.
        if (e.seglen > 0 && first_fin_dir && e.dir != *first_fin_dir && fin_end[e.dir] == 0 && !s.half_close) {
            s.half_close = true;
            s.half_close_data_frame = e.frame;
        }
    }
    const bool handshake_done = s.handshake.complete() || (!s.handshake.syn && !conv.segments.empty());
    if (t.rst) {
        const bool refused = s.handshake.syn && !s.handshake.syn_ack;
        t.kind = refused ? TeardownKind::Refused : TeardownKind::Reset;
        if (refused) t.active_closer.reset();
    } else if (t.first_fin && t.second_fin) {
        const auto& states = s.states;
        const bool both_closing = [&] {
            for (const auto& tl : states) {
                bool closing = false;
                for (const auto& tr : tl.transitions) closing |= tr.to == TcpState::Closing;
                if (!closing) return false;
            }
            return true;
        }();
        if (both_closing) t.kind = TeardownKind::Simultaneous;
        else if (!fin_acked[0] || !fin_acked[1]) t.kind = TeardownKind::Incomplete;
        else t.kind = second_fin_carried_ack_of_first ? TeardownKind::FinAckMerged : TeardownKind::FourWay;
    } else if (t.first_fin) {
        t.kind = TeardownKind::Incomplete;
    } else if (!handshake_done && s.handshake.syn) {
        t.kind = TeardownKind::HalfOpen;
    }
}

}  // namespace

TcpConversationSummary summarize_conversation(const TcpConversationEvents& conv, const StateOptions& options) {
    TcpConversationSummary s;
    s.stream = conv.stream;
    s.a = conv.a;
    s.b = conv.b;
    if (conv.segments.empty()) return s;
    s.first_ts = conv.segments.front().ts_ns;
    s.last_ts = conv.segments.back().ts_ns;
    s.first_frame = conv.segments.front().frame;
    s.last_frame = conv.segments.back().frame;
    for (const auto& e : conv.segments) {
        DirectionStats& d = s.traffic[e.dir];
        ++d.packets;
        d.bytes += e.frame_len;
        d.payload_bytes += e.seglen;
    }
    find_handshake(conv, s);
    s.states = infer_endpoint_states(conv, options);
    find_teardown(conv, s);
    return s;
}

}  // namespace seqscope
