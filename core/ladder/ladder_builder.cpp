// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladder/ladder_builder.h"

#include "analysis/collect.h"
#include "types/packet_view.h"
#include "session/capture_session.h"
#include "util/seq.h"

#include <cstdio>
#include <map>

namespace seqscope {

const char* to_string(ArrowKind k) {
    switch (k) {
    case ArrowKind::Data: return "data";
    case ArrowKind::PureAck: return "pure ACK";
    case ArrowKind::SynFin: return "SYN/FIN";
    case ArrowKind::Rst: return "RST";
    case ArrowKind::Retransmission: return "retransmission";
    case ArrowKind::DupAck: return "dup ACK";
    case ArrowKind::Datagram: return "datagram";
    case ArrowKind::IcmpError: return "ICMP error";
    }
    return "data";
}

std::string payload_preview(Bytes payload, std::size_t max) {
    std::string out;
    for (std::size_t i = 0; i < payload.size() && out.size() < max; ++i) {
        const auto c = payload[i];
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '.';
    }
    if (payload.size() > max) out += "…";
    return out;
}

namespace {

std::string flag_names(std::uint16_t f) {
    // tshark's order in the Info column.
    static const std::pair<std::uint16_t, const char*> names[] = {
        {tcpflag::kFin, "FIN"}, {tcpflag::kSyn, "SYN"}, {tcpflag::kRst, "RST"}, {tcpflag::kPsh, "PSH"},
        {tcpflag::kAck, "ACK"}, {tcpflag::kUrg, "URG"}, {tcpflag::kEce, "ECE"}, {tcpflag::kCwr, "CWR"},
        {tcpflag::kAe, "AE"}};
    std::string s;
    for (const auto& [bit, name] : names)
        if (f & bit) s += (s.empty() ? "" : ", ") + std::string(name);
    return s.empty() ? "<None>" : s;
}

ArrowKind kind_of(const TcpSegmentEvent& e) {
    const std::uint32_t f = e.analysis.flags;
    if (e.has(tcpflag::kRst)) return ArrowKind::Rst;
    if (f & (tcpa::kRetransmission | tcpa::kFastRetransmission | tcpa::kSpuriousRetransmission)) return ArrowKind::Retransmission;
    if (f & tcpa::kDuplicateAck) return ArrowKind::DupAck;
    if (e.has(tcpflag::kSyn) || e.has(tcpflag::kFin)) return ArrowKind::SynFin;
    return e.seglen > 0 ? ArrowKind::Data : ArrowKind::PureAck;
}

std::string role_of(const TcpConversationSummary& s, std::uint8_t lane) {
    std::string role;
    if (s.client) role = (*s.client == lane) ? "client · active open" : "server · passive open (listening)";
    else role = "endpoint (capture started mid-connection)";
    if (s.teardown.active_closer && (s.teardown.kind != TeardownKind::Reset && s.teardown.kind != TeardownKind::Refused))
        role += (*s.teardown.active_closer == lane) ? ", active close" : ", passive close";
    if (s.teardown.kind == TeardownKind::Reset && s.teardown.active_closer && *s.teardown.active_closer == lane)
        role += ", sent the RST";
    return role;
}

std::string ms_text(std::int64_t ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns) / 1e6);
    return buf;
}

void add_bands(Ladder& ladder, const TcpConversationSummary& s, const std::map<std::uint32_t, std::size_t>& arrow_of_frame) {
    const std::size_t n = ladder.arrows.size();
    for (std::uint8_t lane = 0; lane < 2; ++lane) {
        const EndpointTimeline& tl = s.states[lane];
        LadderStateBand band;
        band.lane = lane;
        band.state = tl.initial;
        band.first_arrow = 0;
        band.start_ts_ns = n ? ladder.arrows.front().ts_ns : 0;
        for (const StateTransition& t : tl.transitions) {
            std::size_t at = n;
            if (t.cause != TransitionCause::Timer) {
                auto it = arrow_of_frame.find(t.frame.value);
                if (it == arrow_of_frame.end()) continue;
                at = it->second;
            }
            if (t.cause != TransitionCause::Timer && at == band.first_arrow && band.state != t.to &&
                !ladder.bands.empty() && ladder.bands.back().lane == lane && ladder.bands.back().end_arrow == at) {
                // Two changes at one arrow (e.g. SYN_SENT → SYN_RECEIVED at a crossing): keep the last.
                band.state = t.to;
                continue;
            }
            band.end_arrow = at;
            band.end_ts_ns = t.ts_ns;
            band.timer_end = t.cause == TransitionCause::Timer;
            // Zero-length bands are kept: the first one is the lane's state before the capture.
            if (band.end_arrow > band.first_arrow || band.timer_end || ladder.bands.empty() ||
                ladder.bands.back().lane != lane)
                ladder.bands.push_back(band);
            band = LadderStateBand{lane, t.to, at, at, t.ts_ns, t.ts_ns, false};
            if (t.cause != TransitionCause::Timer) ladder.arrows[at].state_changes.push_back({lane, t.from, t.to, t.reason});
        }
        band.end_arrow = n;
        band.end_ts_ns = n ? ladder.arrows.back().ts_ns : 0;
        ladder.bands.push_back(band);
    }
}

}  // namespace

Ladder build_tcp_ladder(const TcpConversationEvents& conv, const TcpConversationSummary& s,
                        const std::vector<SegmentArithmetic>& arithmetic, const FrameBytesFn& bytes,
                        const LadderOptions& options) {
    Ladder ladder;
    ladder.relative = options.relative;
    ladder.lanes = {{conv.a, conv.a.to_string(), role_of(s, 0)}, {conv.b, conv.b.to_string(), role_of(s, 1)}};
    // Client on the left by default.
    const bool swap = s.client && *s.client == 1;
    if (swap) std::swap(ladder.lanes[0], ladder.lanes[1]);
    auto lane_of = [&](std::uint8_t dir) { return static_cast<std::uint8_t>(swap ? 1 - dir : dir); };
    ladder.title = "tcp.stream " + std::to_string(conv.stream.value) + "  " + ladder.lanes[0].title + " ↔ " +
                   ladder.lanes[1].title;
    std::uint64_t payload = 0;
    for (const auto& e : conv.segments) payload += e.seglen;
    ladder.subtitle = std::to_string(conv.segments.size()) + " frames · " + std::to_string(payload) + " payload bytes";
    if (const auto rtt = s.handshake.rtt_ns()) ladder.subtitle += " · iRTT " + ms_text(*rtt);
    ladder.subtitle += options.relative ? " · relative seq/ack" : " · raw seq/ack";
    if (conv.a.address == conv.b.address)
        ladder.notes.push_back("Lanes per address:port — both ends are " + conv.a.address.to_string() +
                               ", so only the ports tell them apart");
    if (!conv.segments.empty()) ladder.first_ts_ns = conv.segments.front().ts_ns;

    std::map<std::uint32_t, std::size_t> arrow_of_frame;
    std::uint32_t highest_next[2] = {0, 0};
    bool have_next[2] = {false, false};
    for (std::size_t i = 0; i < conv.segments.size(); ++i) {
        const TcpSegmentEvent& e = conv.segments[i];
        const SegmentArithmetic& ar = arithmetic[i];
        LadderArrow a;
        a.frame = e.frame;
        a.ts_ns = e.ts_ns;
        a.from_lane = lane_of(e.dir);
        a.to_lane = lane_of(static_cast<std::uint8_t>(1 - e.dir));
        a.kind = kind_of(e);
        a.flags = flag_names(e.flags);
        a.seq_raw = e.seq_raw;
        a.ack_raw = e.ack_raw;
        a.next_seq_raw = e.next_seq_raw();
        a.seq = options.relative ? e.seq : e.seq_raw;
        a.ack = options.relative ? e.ack : e.ack_raw;
        a.next_seq = options.relative ? e.next_seq() : e.next_seq_raw();
        a.len = e.seglen;
        a.has_ack = e.has(tcpflag::kAck);
        a.phantom_byte = e.has(tcpflag::kSyn) || e.has(tcpflag::kFin);
        a.label = a.flags + "  Seq=" + std::to_string(a.seq) + (a.has_ack ? " Ack=" + std::to_string(a.ack) : "") +
                  " Len=" + std::to_string(a.len) + "  next " + std::to_string(a.next_seq);
        if (ar.acks_new_data) a.equation_long = ar.ack_equation;
        if (ar.acks_new_data && ar.acked_exact) {
            auto it = arrow_of_frame.find(ar.acked_exact->value);
            if (it != arrow_of_frame.end()) {
                // "Ack 6 = 1 + 5": the acknowledged arrow's Seq plus what it used.
                const LadderArrow& acked = ladder.arrows[it->second];
                a.equation = "Ack " + std::to_string(a.ack) + " = " + std::to_string(acked.seq);
                if (acked.flags.find("SYN") != std::string::npos) a.equation += " + SYN";
                if (acked.len > 0) a.equation += " + " + std::to_string(acked.len);
                if (acked.flags.find("FIN") != std::string::npos) a.equation += " + FIN";
            }
        }
        for (FrameNumber f : ar.acked_frames) {
            auto it = arrow_of_frame.find(f.value);
            if (it != arrow_of_frame.end()) a.acked_arrows.push_back(it->second);
        }
        a.piggybacked = ar.piggybacked;
        a.delayed = ar.delayed;
        a.ack_delay_ns = ar.ack_delay_ns;
        a.analysis_flags = e.analysis.flags;
        a.whys = ar.flag_whys;
        a.window_why = ar.window_why;
        a.next_seq_why = ar.next_seq_why;
        if (e.seglen > 0 && bytes) {
            const Bytes frame = bytes(e.frame);
            if (e.payload_offset < frame.size()) {
                const std::size_t n = std::min<std::size_t>(frame.size() - e.payload_offset, e.payload_captured);
                a.payload_preview = payload_preview(frame.subspan(e.payload_offset, n), options.payload_preview);
            }
        }
        // Bytes the capture never showed in this direction.
        if ((e.analysis.flags & tcpa::kLostSegment) && have_next[e.dir]) {
            const std::uint32_t from = highest_next[e.dir], to = e.seq - 1;
            ladder.gaps.push_back({ladder.arrows.size(), a.from_lane,
                                   "Seq " + std::to_string(from) + "–" + std::to_string(to) + " (" +
                                       std::to_string(e.seq - from) + " bytes) not captured"});
        }
        if (!have_next[e.dir] || seq::gt(e.next_seq(), highest_next[e.dir])) {
            have_next[e.dir] = true;
            highest_next[e.dir] = e.next_seq();
        }
        arrow_of_frame[e.frame.value] = ladder.arrows.size();
        ladder.arrows.push_back(std::move(a));
    }
    // State bands, with lanes in display order.
    TcpConversationSummary display = s;
    if (swap) std::swap(display.states[0], display.states[1]);
    add_bands(ladder, display, arrow_of_frame);
    return ladder;
}

Ladder build_udp_ladder(const UdpStreamEvents& stream, const UdpExchangeReport& exchanges, const FrameBytesFn& bytes,
                        const LadderOptions& options) {
    Ladder ladder;
    ladder.lanes = {{stream.a, stream.a.to_string(), "sends the first datagram"},
                    {stream.b, stream.b.to_string(), "answers"}};
    ladder.title = "udp.stream " + std::to_string(stream.stream.value) + "  " + ladder.lanes[0].title + " ↔ " +
                   ladder.lanes[1].title;
    ladder.subtitle = std::to_string(stream.datagrams.size()) + " datagrams · " +
                      std::to_string(exchanges.exchanges.size()) + " requests · " +
                      std::to_string(exchanges.unanswered) + " unanswered";
    if (stream.a.address == stream.b.address)
        ladder.notes.push_back("Lanes per address:port — both ends are " + stream.a.address.to_string());
    if (!stream.datagrams.empty()) ladder.first_ts_ns = stream.datagrams.front().ts_ns;
    std::map<std::uint32_t, std::size_t> arrow_of_frame;
    // Merge datagrams and ICMP errors in frame order.
    std::size_t di = 0, ei = 0;
    while (di < stream.datagrams.size() || ei < stream.icmp_errors.size()) {
        const bool take_error = ei < stream.icmp_errors.size() &&
                                (di >= stream.datagrams.size() || stream.icmp_errors[ei].frame < stream.datagrams[di].frame);
        LadderArrow a;
        a.tcp = false;
        if (take_error) {
            const IcmpErrorEvent& err = stream.icmp_errors[ei++];
            a.frame = err.frame;
            a.ts_ns = err.ts_ns;
            a.kind = ArrowKind::IcmpError;
            a.from_lane = static_cast<std::uint8_t>(1 - err.quoted_dir);
            a.to_lane = err.quoted_dir;
            a.flags = "ICMP";
            a.label = err.text;
        } else {
            const UdpDatagramEvent& d = stream.datagrams[di++];
            a.frame = d.frame;
            a.ts_ns = d.ts_ns;
            a.kind = ArrowKind::Datagram;
            a.from_lane = d.dir;
            a.to_lane = static_cast<std::uint8_t>(1 - d.dir);
            a.len = d.payload_len;
            a.flags = d.dns_id ? (d.dns_response ? "DNS response" : "DNS query") : "UDP";
            a.label = a.flags + "  Len=" + std::to_string(d.payload_len);
            if (d.dns_id) {
                char id[16];
                std::snprintf(id, sizeof id, " id=0x%04x", *d.dns_id);
                a.label += id;
            }
            if (bytes && d.payload_len > 0) {
                const Bytes frame = bytes(d.frame);
                if (d.payload_offset < frame.size()) {
                    const std::size_t n = std::min<std::size_t>(frame.size() - d.payload_offset, d.payload_captured);
                    a.payload_preview = payload_preview(frame.subspan(d.payload_offset, n), options.payload_preview);
                }
            }
        }
        arrow_of_frame[a.frame.value] = ladder.arrows.size();
        ladder.arrows.push_back(std::move(a));
    }
    for (const UdpExchange& ex : exchanges.exchanges) {
        if (!ex.response) continue;
        auto req = arrow_of_frame.find(ex.request.value);
        auto resp = arrow_of_frame.find(ex.response->value);
        if (req == arrow_of_frame.end() || resp == arrow_of_frame.end()) continue;
        LadderArrow& r = ladder.arrows[resp->second];
        r.response_to = req->second;
        r.equation = "reply after " + ms_text(ex.response_time_ns);
        r.equation_long = "answers frame " + std::to_string(ex.request.value) + " after " + ms_text(ex.response_time_ns) +
                          (ex.paired_by_dns_id ? " (same DNS transaction id)" : " (first datagram back)");
    }
    for (const UdpExchange& ex : exchanges.exchanges) {
        if (ex.response) continue;
        auto req = arrow_of_frame.find(ex.request.value);
        if (req == arrow_of_frame.end()) continue;
        ladder.arrows[req->second].whys.push_back(
            ex.icmp_error ? "Unanswered: frame " + std::to_string(ex.icmp_error->value) + " reports " + ex.icmp_text
                          : "Unanswered: no datagram came back");
    }
    return ladder;
}

Ladder tcp_ladder_for_stream(const CaptureSession& session, TcpStreamId stream, const LadderOptions& options) {
    const TcpConversationEvents conv = collect_tcp_stream(session, stream);
    const TcpConversationSummary summary = summarize_conversation(conv);
    const auto arithmetic = explain_arithmetic(conv, summary);
    return build_tcp_ladder(conv, summary, arithmetic,
                            [&](FrameNumber f) { return session.store().bytes(f.value - 1); }, options);
}

Ladder udp_ladder_for_stream(const CaptureSession& session, UdpStreamId stream, const LadderOptions& options) {
    const UdpStreamEvents events = collect_udp_stream(session, stream);
    return build_udp_ladder(events, pair_udp_exchanges(events),
                            [&](FrameNumber f) { return session.store().bytes(f.value - 1); }, options);
}

}  // namespace seqscope
