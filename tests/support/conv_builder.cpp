// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/conv_builder.h"

namespace seqscope::test {

Endpoint loopback(std::uint16_t port) {
    const std::uint8_t lo[4] = {127, 0, 0, 1};
    return Endpoint{Address::v4(lo), port};
}

ConvBuilder::ConvBuilder() {
    conv_.a = loopback(5555);
    conv_.b = loopback(7777);
    for (std::uint8_t d = 0; d < 2; ++d) {
        conv_.isn_raw[d] = isn_[d];
        conv_.isn_known[d] = true;
    }
}

ConvBuilder& ConvBuilder::endpoints(Endpoint a, Endpoint b) {
    conv_.a = a;
    conv_.b = b;
    return *this;
}

ConvBuilder& ConvBuilder::stream(std::uint32_t index) {
    conv_.stream = TcpStreamId{index};
    return *this;
}

ConvBuilder& ConvBuilder::next_frame(std::uint32_t frame) {
    next_frame_ = frame;
    return *this;
}

ConvBuilder& ConvBuilder::add(std::uint8_t dir, std::uint16_t flags, std::uint32_t seq, std::uint32_t ack,
                              std::uint32_t len, double t_ms, std::uint16_t win) {
    TcpSegmentEvent e;
    e.frame = FrameNumber{next_frame_++};
    e.ts_ns = static_cast<std::int64_t>(t_ms * 1e6 + (t_ms >= 0 ? 0.5 : -0.5));
    e.dir = dir;
    e.flags = flags;
    e.seq = seq;
    e.ack = ack;
    e.seq_raw = seq + isn_[dir];
    e.ack_raw = ack + isn_[1 - dir];
    e.seglen = len;
    e.window_raw = win;
    e.win_shift = (flags & tcpflag::kSyn) ? -1 : 7;
    e.frame_len = 66 + len;
    e.analysis.stream = conv_.stream;
    e.analysis.has_stream = true;
    e.analysis.rel_seq = seq;
    e.analysis.ack_shown = ack;
    e.analysis.win_shift = e.win_shift;
    if (flags & tcpflag::kSyn) {
        e.mss = 65495;
        e.wscale_shift = 7;
        e.sack_perm = true;
    }
    conv_.segments.push_back(e);
    return *this;
}

ConvBuilder& ConvBuilder::handshake(double t0_ms, double step_ms) {
    add(0, tcpflag::kSyn, 0, 0, 0, t0_ms);
    add(1, tcpflag::kSyn | tcpflag::kAck, 0, 1, 0, t0_ms + step_ms);
    add(0, tcpflag::kAck, 1, 1, 0, t0_ms + 2 * step_ms);
    return *this;
}

TcpSegmentEvent& ConvBuilder::last() { return conv_.segments.back(); }

std::uint32_t ConvBuilder::last_frame() const { return conv_.segments.empty() ? 0 : conv_.segments.back().frame.value; }

ConvBuilder& ConvBuilder::analysis(std::uint32_t tcpa_flags) {
    last().analysis.flags |= tcpa_flags;
    last().analysis.has_ta = true;
    return *this;
}

ConvBuilder& ConvBuilder::rtt(std::uint32_t acks_frame, double rtt_ms) {
    last().analysis.acks_frame = acks_frame;
    last().analysis.ack_rtt_ns = static_cast<std::int64_t>(rtt_ms * 1e6 + 0.5);
    last().analysis.has_ta = true;
    return *this;
}

ConvBuilder& ConvBuilder::in_flight(std::uint32_t bytes) {
    last().analysis.bytes_in_flight = bytes;
    last().analysis.has_ta = true;
    return *this;
}

ConvBuilder& ConvBuilder::sack(std::initializer_list<std::pair<std::uint32_t, std::uint32_t>> relative_blocks) {
    TcpSegmentEvent& e = last();
    const std::uint32_t base = isn_[1 - e.dir];  // SACK edges are in the peer's sequence space
    e.sack_count = 0;
    for (const auto& [l, r] : relative_blocks) {
        if (e.sack_count == e.sack.size()) break;
        e.sack[e.sack_count++] = SackBlock{l + base, r + base};
    }
    return *this;
}

UdpBuilder::UdpBuilder() {
    s_.a = loopback(50123);
    s_.b = loopback(5353);
}

UdpBuilder& UdpBuilder::endpoints(Endpoint a, Endpoint b) {
    s_.a = a;
    s_.b = b;
    return *this;
}

UdpBuilder& UdpBuilder::stream(std::uint32_t index) {
    s_.stream = UdpStreamId{index};
    return *this;
}

UdpBuilder& UdpBuilder::add(std::uint32_t frame, std::uint8_t dir, double t_ms, std::uint32_t payload) {
    UdpDatagramEvent d;
    d.frame = FrameNumber{frame};
    d.dir = dir;
    d.ts_ns = static_cast<std::int64_t>(t_ms * 1e6 + 0.5);
    d.payload_len = payload;
    d.frame_len = 42 + payload;
    s_.datagrams.push_back(d);
    return *this;
}

UdpBuilder& UdpBuilder::icmp_error(std::uint32_t frame, double t_ms, std::uint8_t quoted_dir, std::string text) {
    s_.icmp_errors.push_back({FrameNumber{frame}, static_cast<std::int64_t>(t_ms * 1e6 + 0.5), quoted_dir, std::move(text)});
    return *this;
}

}  // namespace seqscope::test
