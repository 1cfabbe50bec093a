// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/collect.h"

#include "session/capture_session.h"

namespace seqscope {
namespace {

bool is_dns_port(std::uint16_t p) { return p == 53 || p == 5353 || p == 5355; }

TcpSegmentEvent make_tcp_event(const FrameInput& in, const TcpSegmentView& seg, const TcpAnalysis& a) {
    TcpSegmentEvent e;
    e.frame = in.number;
    e.ts_ns = in.record.ts_ns;
    e.frame_len = in.record.wire_len;
    e.flags = seg.flags;
    e.seq_raw = seg.seq;
    e.ack_raw = seg.ack;
    e.seq = a.rel_seq;
    e.ack = a.ack_shown;
    e.seglen = seg.seglen;
    e.window_raw = seg.window;
    e.win_shift = a.win_shift;
    e.mss = seg.mss;
    e.wscale_shift = seg.wscale_shift;
    e.sack_perm = seg.sack_perm;
    e.timestamps = seg.ts_val.has_value();
    e.sack_count = seg.sack_count;
    e.sack = seg.sack;
    e.analysis = a;
    e.payload_offset = seg.payload_offset;
    const std::size_t avail = seg.payload_offset <= in.data.size() ? in.data.size() - seg.payload_offset : 0;
    e.payload_captured = static_cast<std::uint32_t>(std::min<std::size_t>(avail, seg.seglen));
    return e;
}

UdpDatagramEvent make_udp_event(const FrameInput& in, const UdpDatagramView& u) {
    UdpDatagramEvent d;
    d.frame = in.number;
    d.ts_ns = in.record.ts_ns;
    d.frame_len = in.record.wire_len;
    d.payload_len = u.payload_len;
    d.payload_offset = u.payload_offset;
    const std::size_t avail = u.payload_offset <= in.data.size() ? in.data.size() - u.payload_offset : 0;
    d.payload_captured = static_cast<std::uint32_t>(std::min<std::size_t>(avail, u.payload_len));
    if ((is_dns_port(u.src_port) || is_dns_port(u.dst_port)) && d.payload_captured >= 4) {
        ByteReader r(in.data.subspan(u.payload_offset, d.payload_captured));
        d.dns_id = r.u16();
        d.dns_response = (r.u16() & 0x8000) != 0;
    }
    return d;
}

template <typename Events>
std::uint8_t direction(Events& conv, const Address& src, std::uint16_t sport, const Address& dst, std::uint16_t dport) {
    if (conv.a.port == 0 && conv.b.port == 0 && conv.a.address.family == 0) {
        conv.a = Endpoint{src, sport};
        conv.b = Endpoint{dst, dport};
    }
    return (conv.a == Endpoint{src, sport}) ? 0 : 1;
}

}  // namespace

CollectedConversations collect_conversations(const CaptureSession& session, std::optional<TcpStreamId> only_tcp,
                                             std::optional<UdpStreamId> only_udp) {
    CollectedConversations out;
    const std::size_t n = session.packet_count();
    for (std::size_t i = 0; i < n; ++i) {
        const PacketView view = session.dissect(i, nullptr, nullptr);
        if (view.tcp && !only_udp) {
            const TcpSegmentView& seg = *view.tcp;
            const FrameInput in = session.frame_input(i);
            const TcpAnalysis a = session.with_flows([&](const FlowState& f) { return f.tcp.replay(in.number, seg); });
            if (!a.has_stream || (only_tcp && !(a.stream == *only_tcp))) continue;
            if (out.tcp.size() <= a.stream.value) out.tcp.resize(a.stream.value + 1);
            TcpConversationEvents& conv = out.tcp[a.stream.value];
            conv.stream = a.stream;
            if (seg.captured_tcp_bytes < seg.header_len) out.tcp_header_cut.push_back(in.number);
            if (!seg.seglen_known) out.tcp_length_unknown.push_back(in.number);
            TcpSegmentEvent e = make_tcp_event(in, seg, a);
            e.dir = direction(conv, seg.src, seg.src_port, seg.dst, seg.dst_port);
            if (!conv.isn_known[e.dir]) {  // relative = raw − base, so the base is their difference
                conv.isn_raw[e.dir] = e.seq_raw - e.seq;
                conv.isn_known[e.dir] = true;
            }
            conv.segments.push_back(std::move(e));
        } else if (view.icmp_error && view.icmp_error->quoted_proto == 17 && !only_tcp) {
            // An error about a datagram: attach it to that datagram's stream.
            const IcmpErrorView& err = *view.icmp_error;
            const auto id = session.with_flows([&](const FlowState& f) {
                return f.udp.find(err.src, err.src_port, err.dst, err.dst_port);
            });
            if (!id || (only_udp && !(*id == *only_udp))) continue;
            const FrameInput in = session.frame_input(i);
            if (out.udp.size() <= id->value) out.udp.resize(id->value + 1);
            UdpStreamEvents& s = out.udp[id->value];
            s.stream = *id;
            const std::uint8_t dir = direction(s, err.src, err.src_port, err.dst, err.dst_port);
            s.icmp_errors.push_back({in.number, in.record.ts_ns, dir, err.text});
        } else if (view.udp && view.udp_stream && !only_tcp) {
            const UdpStreamId id = *view.udp_stream;
            if (only_udp && !(id == *only_udp)) continue;
            const FrameInput in = session.frame_input(i);
            if (out.udp.size() <= id.value) out.udp.resize(id.value + 1);
            UdpStreamEvents& s = out.udp[id.value];
            s.stream = id;
            UdpDatagramEvent d = make_udp_event(in, *view.udp);
            d.dir = direction(s, view.udp->src, view.udp->src_port, view.udp->dst, view.udp->dst_port);
            s.datagrams.push_back(d);
        }
    }
    return out;
}

TcpConversationEvents collect_tcp_stream(const CaptureSession& session, TcpStreamId stream) {
    auto all = collect_conversations(session, stream, std::nullopt);
    if (all.tcp.size() <= stream.value) return TcpConversationEvents{stream, {}, {}, {}, {0, 0}, {false, false}};
    return std::move(all.tcp[stream.value]);
}

UdpStreamEvents collect_udp_stream(const CaptureSession& session, UdpStreamId stream) {
    auto all = collect_conversations(session, std::nullopt, stream);
    if (all.udp.size() <= stream.value) return UdpStreamEvents{stream, {}, {}, {}, {}};
    return std::move(all.udp[stream.value]);
}

}  // namespace seqscope
