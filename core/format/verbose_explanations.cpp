// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/verbose_explanations.h"

#include "analysis/collect.h"
#include "analysis/conversation_summary.h"
#include "analysis/endpoint_states.h"
#include "analysis/seq_arithmetic.h"
#include "analysis/udp_exchanges.h"

#include <cstdio>

namespace seqscope {
namespace {

const std::string kNone;
constexpr const char* kIndent = "    ";

std::string millis(std::int64_t ns) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(ns) / 1e6);
    return buf;
}

std::string frame_list(const std::vector<FrameNumber>& frames) {
    std::string out;
    for (std::size_t i = 0; i < frames.size(); ++i) out += (i ? ", " : "") + std::to_string(frames[i].value);
    return out;
}

void line(std::string& out, const std::string& text) {
    out += kIndent;
    out += text;
    out += '\n';
}

std::string arithmetic_block(const TcpSegmentEvent& e, const SegmentArithmetic& a) {
    std::string out = "[seqscope: seq/ack arithmetic]\n";
    line(out, "Next sequence number " + std::to_string(a.next_seq) + " = " + seq_space_terms(e));
    if (e.has(tcpflag::kAck)) {
        if (!a.ack_equation.empty()) line(out, "Acknowledges: " + a.ack_equation);
        else if (a.acks_new_data && a.ack_beyond_seen)
            line(out, "Ack " + std::to_string(e.ack) + " acknowledges bytes the capture never showed");
        else if (!a.acks_new_data) line(out, "Ack " + std::to_string(e.ack) + " acknowledges no new data");
        if (a.acked_frames.size() > 1)
            line(out, "Cumulative ACK: covers frames " + frame_list(a.acked_frames));
        if (a.piggybacked) line(out, "Piggybacked ACK: carries data and acknowledges the peer's new data");
        if (a.delayed)
            line(out, "Delayed ACK: sent " + millis(a.ack_delay_ns) + " after the newest segment it acknowledges");
    }
    if (!a.window_why.empty()) line(out, "Window: " + a.window_why);
    for (const std::string& why : a.flag_whys) line(out, why);
    return out;
}

std::string states_block(const TcpConversationEvents& conv, const std::array<EndpointTimeline, 2>& states,
                         FrameNumber frame) {
    std::string out = "[seqscope: endpoint states after this frame]\n";
    const Endpoint* ep[2] = {&conv.a, &conv.b};
    for (std::size_t i = 0; i < 2; ++i) {
        std::string text = ep[i]->to_string() + ": " + to_string(states[i].state_after(frame));
        for (const StateTransition& t : states[i].transitions)
            if (t.frame == frame && t.cause != TransitionCause::Timer)
                text += std::string(" (") + to_string(t.from) + " → " + to_string(t.to) + ": " + t.reason + ")";
        line(out, text);
    }
    return out;
}

void explain_tcp(const TcpConversationEvents& conv, std::unordered_map<std::uint32_t, std::string>& by_frame) {
    const TcpConversationSummary summary = summarize_conversation(conv);
    const std::vector<SegmentArithmetic> arithmetic = explain_arithmetic(conv, summary);
    for (std::size_t k = 0; k < conv.segments.size() && k < arithmetic.size(); ++k) {
        const TcpSegmentEvent& e = conv.segments[k];
        by_frame[e.frame.value] = arithmetic_block(e, arithmetic[k]) + states_block(conv, summary.states, e.frame);
    }
}

void explain_udp(const UdpStreamEvents& stream, std::unordered_map<std::uint32_t, std::string>& by_frame) {
    const UdpExchangeReport report = pair_udp_exchanges(stream);
    const std::string head = "[seqscope: UDP exchange, udp.stream " + std::to_string(stream.stream.value) + "]\n";
    for (const UdpExchange& x : report.exchanges) {
        std::string req = head;
        const std::string how = x.paired_by_dns_id ? " (paired by DNS transaction id)" : "";
        if (x.response)
            line(req, "Request; response in frame " + std::to_string(x.response->value) + " after " +
                          millis(x.response_time_ns) + how);
        else
            line(req, "Request; no response in the capture");
        if (x.icmp_error) line(req, "ICMP error in frame " + std::to_string(x.icmp_error->value) + ": " + x.icmp_text);
        by_frame[x.request.value] = req;
        if (x.response) {
            std::string resp = head;
            line(resp, "Response to frame " + std::to_string(x.request.value) + " after " +
                           millis(x.response_time_ns) + how);
            by_frame[x.response->value] = resp;
        }
        if (x.icmp_error) {
            std::string err = head;
            line(err, "Reports an error about the datagram of frame " + std::to_string(x.request.value) + ": " +
                          x.icmp_text);
            by_frame[x.icmp_error->value] = err;
        }
    }
}

}  // namespace

VerboseExplanations VerboseExplanations::build(const CaptureSession& session) {
    VerboseExplanations out;
    const CollectedConversations all = collect_conversations(session);
    for (const TcpConversationEvents& conv : all.tcp) explain_tcp(conv, out.by_frame_);
    for (const UdpStreamEvents& s : all.udp) explain_udp(s, out.by_frame_);
    return out;
}

const std::string& VerboseExplanations::text(FrameNumber frame) const {
    const auto it = by_frame_.find(frame.value);
    return it == by_frame_.end() ? kNone : it->second;
}

}  // namespace seqscope
