// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/tcp_analysis_fields.h"

#include "decode/frame.h"

#include <array>
#include <string_view>

namespace seqscope {

namespace {

enum class Severity : std::uint8_t { Chat, Note, Warning };

struct FlagText {
    std::uint32_t flag;
    std::string_view field;    // the expert item's (and flag field's) name
    Severity severity;
    std::string_view message;  // expert message
    std::string_view info;     // Info column tag
};

// In the order tshark 4.0.17 prints them (tcp_print_sequence_number_analysis);
// each one prepends its Info tag, so Info shows them in reverse. Dup ACK is
// special-cased (its tag and message carry numbers).
constexpr std::array<FlagText, 15> kFlags{{
    {tcpa::kReusedPorts, "tcp.analysis.reused_ports", Severity::Note,
     "A new tcp session is started with the same ports as an earlier session in this trace", "[TCP Port numbers reused] "},
    {tcpa::kRetransmission, "tcp.analysis.retransmission", Severity::Note, "This frame is a (suspected) retransmission",
     "[TCP Retransmission] "},
    {tcpa::kFastRetransmission, "tcp.analysis.fast_retransmission", Severity::Note,
     "This frame is a (suspected) fast retransmission", "[TCP Fast Retransmission] "},
    {tcpa::kSpuriousRetransmission, "tcp.analysis.spurious_retransmission", Severity::Note,
     "This frame is a (suspected) spurious retransmission", "[TCP Spurious Retransmission] "},
    {tcpa::kOutOfOrder, "tcp.analysis.out_of_order", Severity::Warning, "This frame is a (suspected) out-of-order segment",
     "[TCP Out-Of-Order] "},
    {tcpa::kLostSegment, "tcp.analysis.lost_segment", Severity::Warning,
     "Previous segment(s) not captured (common at capture start)", "[TCP Previous segment not captured] "},
    {tcpa::kAckLostSegment, "tcp.analysis.ack_lost_segment", Severity::Warning,
     "ACKed segment that wasn't captured (common at capture start)", "[TCP ACKed unseen segment] "},
    {tcpa::kWindowUpdate, "tcp.analysis.window_update", Severity::Chat, "TCP window update", "[TCP Window Update] "},
    {tcpa::kWindowFull, "tcp.analysis.window_full", Severity::Warning,
     "TCP window specified by the receiver is now completely full", "[TCP Window Full] "},
    {tcpa::kKeepAlive, "tcp.analysis.keep_alive", Severity::Note, "TCP keep-alive segment", "[TCP Keep-Alive] "},
    {tcpa::kKeepAliveAck, "tcp.analysis.keep_alive_ack", Severity::Note, "ACK to a TCP keep-alive segment",
     "[TCP Keep-Alive ACK] "},
    {tcpa::kDuplicateAck, "tcp.analysis.duplicate_ack", Severity::Note, "", ""},
    {tcpa::kZeroWindowProbe, "tcp.analysis.zero_window_probe", Severity::Note, "TCP Zero Window Probe",
     "[TCP ZeroWindowProbe] "},
    {tcpa::kZeroWindow, "tcp.analysis.zero_window", Severity::Warning, "TCP Zero Window segment", "[TCP ZeroWindow] "},
    {tcpa::kZeroWindowProbeAck, "tcp.analysis.zero_window_probe_ack", Severity::Note, "ACK to a TCP Zero Window Probe",
     "[TCP ZeroWindowProbeAck] "},
}};

std::string_view severity_name(Severity s) {
    switch (s) {
    case Severity::Chat: return "Chat";
    case Severity::Note: return "Note";
    case Severity::Warning: return "Warning";
    }
    return "Note";
}

// tshark's PI_* severity values as _ws.expert.severity prints them.
std::string_view severity_value(Severity s) {
    switch (s) {
    case Severity::Chat: return "2097152";
    case Severity::Note: return "4194304";
    case Severity::Warning: return "6291456";
    }
    return "4194304";
}

constexpr std::string_view kGroupSequence = "33554432";  // PI_SEQUENCE

// An expert item as tshark builds it: the _ws.expert node, the item named after the
// expert (value "1"), the hidden message, severity and group.
void add_expert(FieldTree& t, FieldTree::Index parent, std::string_view field, Severity sev, const std::string& msg) {
    const std::string head = "Expert Info (" + std::string(severity_name(sev)) + "/Sequence): " + msg;
    const auto e = t.add(parent, "_ws.expert", head, "[" + head + "]");
    t.add(e, field, "1", "[" + msg + "]");
    t.add_hidden(e, "_ws.expert.message", msg);
    t.add(e, "_ws.expert.severity", std::string(severity_value(sev)),
          "[Severity level: " + std::string(severity_name(sev)) + "]");
    t.add(e, "_ws.expert.group", std::string(kGroupSequence), "[Group: Sequence]");
}

void add_flags(FieldTree& t, FieldTree::Index sub, const TcpAnalysis& a) {
    const auto flags = t.add(sub, "tcp.analysis.flags", "1", "[TCP Analysis Flags]");
    const auto retrans = kFlags[1];
    for (const FlagText& f : kFlags) {
        if ((a.flags & f.flag) == 0) continue;
        if (f.flag == tcpa::kDuplicateAck) {
            t.add(flags, f.field, "1", "[This is a TCP duplicate ack]");
            const std::string num = std::to_string(a.dup_ack_num);
            t.add(sub, "tcp.analysis.duplicate_ack_num", num, "[Duplicate ACK #: " + num + "]");
            const std::string frame = std::to_string(a.dup_ack_frame);
            const auto fi = t.add(sub, "tcp.analysis.duplicate_ack_frame", frame, "[Duplicate to the ACK in frame: " + frame + "]");
            add_expert(t, fi, f.field, f.severity, "Duplicate ACK (#" + num + ")");
            continue;
        }
        add_expert(t, flags, f.field, f.severity, std::string(f.message));
        // Fast and spurious retransmissions are retransmissions too (no RTO, no second tag).
        if (f.flag == tcpa::kFastRetransmission || f.flag == tcpa::kSpuriousRetransmission)
            add_expert(t, flags, retrans.field, retrans.severity, std::string(retrans.message));
        if (f.flag == tcpa::kRetransmission && a.rto_ns != -1 && a.rto_ns != 0) {
            const std::string rto = format_relative_time(a.rto_ns);
            t.add(flags, "tcp.analysis.rto", rto, "[The RTO for this segment was: " + rto + " seconds]");
            const std::string rf = std::to_string(a.rto_frame);
            t.add(flags, "tcp.analysis.rto_frame", rf, "[RTO based on delta from frame: " + rf + "]");
        }
    }
}

}  // namespace

std::string tcp_info_prefix(const TcpAnalysis& a) {
    if (!a.has_ta || a.flags == 0) return {};
    std::string out;
    for (const FlagText& f : kFlags) {
        if ((a.flags & f.flag) == 0) continue;
        std::string tag = f.flag == tcpa::kDuplicateAck ? "[TCP Dup ACK " + std::to_string(a.dup_ack_frame) + "#" +
                                                              std::to_string(a.dup_ack_num) + "] "
                                                        : std::string(f.info);
        out.insert(0, tag);  // each tag is prepended, as tshark's column fence does
    }
    return out;
}

void add_tcp_analysis_tree(FieldTree& t, FieldTree::Index tcp_node, const TcpAnalysis& a, const TcpSegmentView&) {
    if (!a.has_ta) return;
    const auto sub = t.add(tcp_node, "tcp.analysis", "1", "[SEQ/ACK analysis]");
    if (a.acks_frame != 0) {
        const std::string f = std::to_string(a.acks_frame);
        t.add(sub, "tcp.analysis.acks_frame", f, "[This is an ACK to the segment in frame: " + f + "]");
        if (a.ack_rtt_ns != -1) {
            const std::string rtt = format_relative_time(a.ack_rtt_ns);
            t.add(sub, "tcp.analysis.ack_rtt", rtt, "[The RTT to ACK the segment was: " + rtt + " seconds]");
        }
    }
    if (a.initial_rtt_ns != -1) {
        const std::string irtt = format_relative_time(a.initial_rtt_ns);
        t.add(sub, "tcp.analysis.initial_rtt", irtt, "[iRTT: " + irtt + " seconds]");
    }
    if (a.bytes_in_flight != 0) {
        const std::string bif = std::to_string(a.bytes_in_flight);
        t.add(sub, "tcp.analysis.bytes_in_flight", bif, "[Bytes in flight: " + bif + "]");
        const std::string push = std::to_string(a.push_bytes_sent);
        t.add(sub, "tcp.analysis.push_bytes_sent", push, "[Bytes sent since last PSH flag: " + push + "]");
    }
    if (a.flags != 0) add_flags(t, sub, a);
}

std::string tcp_completeness_text(std::uint8_t c) {
    std::string_view name;
    switch (c) {
    case 1: name = "Incomplete, SYN_SENT"; break;
    case 3: name = "Incomplete, CLIENT_ESTABLISHED"; break;
    case 7: name = "Incomplete, ESTABLISHED"; break;
    case 15: name = "Incomplete, DATA"; break;
    case 31: case 47: case 63: name = "Complete, WITH_DATA"; break;
    case 23: case 39: case 55: name = "Complete, NO_DATA"; break;
    default: name = "Incomplete"; break;
    }
    return std::string(name) + " (" + std::to_string(c) + ")";
}

void add_tcp_stream_fields(FieldTree& t, FieldTree::Index tcp_node, const TcpAnalysis& a) {
    if (!a.has_stream) return;
    const std::string s = std::to_string(a.stream.value);
    t.add(tcp_node, "tcp.stream", s, "[Stream index: " + s + "]");
    t.add(tcp_node, "tcp.completeness", std::to_string(a.completeness),
          "[Conversation completeness: " + tcp_completeness_text(a.completeness) + "]");
}

}  // namespace seqscope
