// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/conversation_reports.h"

#include "analysis/collect.h"
#include "analysis/conversation_summary.h"
#include "analysis/udp_exchanges.h"
#include "session/capture_session.h"
#include "ladder/ladder_builder.h"
#include "ladder/ladder_text.h"

#include <algorithm>
#include <cstdio>

namespace seqscope {
namespace {

const std::string kRule(80, '=');

std::string secs(std::int64_t ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", static_cast<double>(ns) / 1e9);
    return buf;
}

std::string ms(std::int64_t ns) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns) / 1e6);
    return buf;
}

std::string offered_text(const OfferedOptions& o) {
    if (!o.seen) return "(its SYN was not captured)";
    std::string s = "in frame " + std::to_string(o.frame.value) + ":";
    if (o.mss) s += " MSS=" + std::to_string(*o.mss);
    if (o.wscale) s += " WS=" + std::to_string(*o.wscale) + " (×" + std::to_string(1u << std::min<unsigned>(*o.wscale, 14)) + ")";
    if (o.sack_perm) s += " SACK_PERM";
    if (o.timestamps) s += " TS";
    if (o.ecn) s += " ECN";
    if (s.back() == ':') s += " no options";
    return s;
}

bool parse_number(const std::string& s, std::uint32_t& out) {
    if (s.empty() || s.size() > 9) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    out = static_cast<std::uint32_t>(std::stoul(s));
    return true;
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto comma = s.find(',', start);
        parts.push_back(s.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return parts;
}

}  // namespace

std::optional<ReportRequest> parse_conversation_report(const std::string& arg, std::string& error) {
    const auto parts = split(arg);
    ReportRequest r;
    r.kind = parts[0];
    if (r.kind == "exchanges") {
        if (parts.size() != 2 || parts[1] != "udp") {
            error = "-z exchanges takes \"udp\": -z exchanges,udp";
            return r;
        }
        r.udp = true;
        return r;
    }
    if (r.kind != "states" && r.kind != "ladder") return std::nullopt;
    std::size_t i = 1;
    if (r.kind == "ladder" && parts.size() > i && (parts[i] == "udp" || parts[i] == "tcp")) r.udp = parts[i++] == "udp";
    std::uint32_t n = 0;
    if (parts.size() <= i || !parse_number(parts[i], n)) {
        error = "-z " + r.kind + " needs a stream number: -z " + r.kind + (r.kind == "ladder" ? ",[tcp|udp,]N" : ",N");
        return r;
    }
    r.stream = n;
    ++i;
    if (i < parts.size() && parts[i] == "raw") {
        r.raw = true;
        ++i;
    }
    if (i != parts.size()) error = "unexpected \"" + parts[i] + "\" in -z " + arg;
    return r;
}

std::string states_report(const CaptureSession& session, std::uint32_t stream, std::string& error) {
    const std::size_t streams = session.with_flows([](const FlowState& f) { return f.tcp.stream_count(); });
    if (stream >= streams) {
        error = "there is no tcp.stream " + std::to_string(stream) + " in this capture" +
                (streams ? "; it has streams 0–" + std::to_string(streams - 1) : std::string("; it has no TCP streams"));
        return {};
    }
    const TcpConversationEvents conv = collect_tcp_stream(session, TcpStreamId{stream});
    const TcpConversationSummary s = summarize_conversation(conv);
    const std::int64_t t0 = session.store().first_ts_ns();
    std::string out = kRule + "\nTCP endpoint states\ntcp.stream " + std::to_string(stream) + ": " + s.a.to_string() +
                      " ↔ " + s.b.to_string() + "\n";
    const Endpoint* ep[2] = {&s.a, &s.b};
    if (s.client)
        out += "Client: " + ep[*s.client]->to_string() + " (sent the SYN) · server: " + ep[1 - *s.client]->to_string() + "\n";
    else
        out += "Roles unknown: the capture starts mid-connection\n";
    const Handshake& h = s.handshake;
    out += "Handshake: ";
    if (h.syn) out += "SYN frame " + std::to_string(h.syn->value);
    if (h.syn_ack) out += ", SYN/ACK frame " + std::to_string(h.syn_ack->value);
    if (h.ack) out += ", ACK frame " + std::to_string(h.ack->value);
    if (const auto rtt = h.rtt_ns()) out += "; round trip (SYN → ACK) " + ms(*rtt);
    if (!h.syn && !h.syn_ack) out += "not captured";
    if (h.simultaneous_open) out += "; simultaneous open";
    if (h.syn_retransmissions) out += "; " + std::to_string(h.syn_retransmissions) + " SYN retransmission(s)";
    out += "\n";
    for (int i = 0; i < 2; ++i) out += "Offered by " + ep[i]->to_string() + ": " + offered_text(s.offered[static_cast<std::size_t>(i)]) + "\n";
    out += "Teardown: " + std::string(to_string(s.teardown.kind));
    if (!s.teardown.frames.empty()) {
        out += ", frames";
        for (std::size_t i = 0; i < s.teardown.frames.size(); ++i)
            out += (i ? "," : " ") + std::to_string(s.teardown.frames[i].value);
    }
    if (s.teardown.active_closer)
        out += "; " + std::string(s.teardown.kind == TeardownKind::Reset ? "reset by " : "active closer ") +
               ep[*s.teardown.active_closer]->to_string();
    out += "\n";
    if (s.half_close)
        out += "Half-close: data after the first FIN (frame " + std::to_string(s.half_close_data_frame->value) + ")\n";
    for (int i = 0; i < 2; ++i) {
        const auto& d = s.traffic[static_cast<std::size_t>(i)];
        out += "Sent by " + ep[i]->to_string() + ": " + std::to_string(d.packets) + " packets, " + std::to_string(d.bytes) +
               " bytes, " + std::to_string(d.payload_bytes) + " payload bytes\n";
    }
    out += "Start " + secs(s.first_ts - t0) + " s, duration " + secs(s.last_ts - s.first_ts) + " s\n";
    for (int i = 0; i < 2; ++i) {
        const EndpointTimeline& tl = s.states[static_cast<std::size_t>(i)];
        out += "\n" + ep[i]->to_string() + "\n";
        out += "  before the capture  " + std::string(to_string(tl.initial)) + " (" + tl.initial_reason + ")\n";
        for (const StateTransition& t : tl.transitions) {
            char head[64];
            if (t.cause == TransitionCause::Timer)
                std::snprintf(head, sizeof head, "  timer   %12s s  ", secs(t.ts_ns - t0).c_str());
            else
                std::snprintf(head, sizeof head, "  frame %-6u%10s s  ", t.frame.value, secs(t.ts_ns - t0).c_str());
            out += head + std::string(to_string(t.from)) + " → " + to_string(t.to) + ": " + t.reason + "\n";
        }
        out += "  final state         " + std::string(to_string(tl.final_state())) + "\n";
    }
    out += kRule + "\n";
    return out;
}

std::string exchanges_report(const CaptureSession& session) {
    const CollectedConversations all = collect_conversations(session);
    const std::int64_t t0 = session.store().first_ts_ns();
    std::string out = kRule + "\nUDP exchanges (a response is the first datagram back; DNS pairs by id)\n";
    for (const UdpStreamEvents& s : all.udp) {
        if (s.datagrams.empty()) continue;
        const UdpExchangeReport r = pair_udp_exchanges(s);
        out += "\nudp.stream " + std::to_string(s.stream.value) + ": " + s.a.to_string() + " ↔ " + s.b.to_string() + " · " +
               std::to_string(s.datagrams.size()) + " datagrams, " + std::to_string(r.exchanges.size()) + " requests, " +
               std::to_string(r.unanswered) + " unanswered\n";
        for (const UdpExchange& ex : r.exchanges) {
            const auto& req = *std::find_if(s.datagrams.begin(), s.datagrams.end(),
                                            [&](const UdpDatagramEvent& d) { return d.frame == ex.request; });
            char head[96];
            std::snprintf(head, sizeof head, "  request frame %-6u %12s s  %s → ", ex.request.value,
                          secs(req.ts_ns - t0).c_str(), (ex.request_dir == 0 ? s.a : s.b).to_string().c_str());
            out += head;
            if (ex.response)
                out += "response frame " + std::to_string(ex.response->value) + " after " + ms(ex.response_time_ns) +
                       (ex.paired_by_dns_id ? " (DNS id)" : "");
            else
                out += "unanswered";
            if (ex.icmp_error) out += "; ICMP frame " + std::to_string(ex.icmp_error->value) + ": " + ex.icmp_text;
            out += "\n";
        }
    }
    out += kRule + "\n";
    return out;
}

namespace {

std::string ladder_text_export(const Ladder& l, const std::string& format) {
    if (format == "csv") return ladder_csv(l);
    if (format == "md") return ladder_markdown(l);
    if (format == "plantuml") return ladder_plantuml(l);
    if (format == "mermaid") return ladder_mermaid(l);
    if (format == "txt") return ladder_text(l);
    return kRule + "\n" + ladder_text(l) + kRule + "\n";
}

bool render_ladder(const Ladder& l, const std::string& format, const LadderPictureFn& picture, std::string& out,
                   std::string& error) {
    if (format == "svg" || format == "png" || format == "pdf") {
        if (!picture) {
            error = "this build of seqscope-cli draws no pictures; --export " + format + " needs ui/draw";
            return false;
        }
        return picture(l, format, out, error);
    }
    out += ladder_text_export(l, format);
    return true;
}

}  // namespace

bool run_conversation_report(const ReportRequest& r, const CaptureSession& session, std::string& out, std::string& error,
                             const std::string& export_format, const LadderPictureFn& picture) {
    if (r.kind == "exchanges") {
        out += exchanges_report(session);
        return true;
    }
    if (r.kind == "states") {
        const std::string text = states_report(session, *r.stream, error);
        if (!error.empty()) return false;
        out += text;
        return true;
    }
    // ladder
    LadderOptions opt;
    opt.relative = !r.raw;
    if (r.udp) {
        const Ladder l = udp_ladder_for_stream(session, UdpStreamId{*r.stream}, opt);
        if (l.arrows.empty()) {
            error = "there is no udp.stream " + std::to_string(*r.stream) + " in this capture";
            return false;
        }
        return render_ladder(l, export_format, picture, out, error);
    }
    const std::size_t streams = session.with_flows([](const FlowState& f) { return f.tcp.stream_count(); });
    if (*r.stream >= streams) {
        error = "there is no tcp.stream " + std::to_string(*r.stream) + " in this capture";
        return false;
    }
    return render_ladder(tcp_ladder_for_stream(session, TcpStreamId{*r.stream}, opt), export_format, picture, out, error);
}

}  // namespace seqscope
