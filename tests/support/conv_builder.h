// SPDX-License-Identifier: GPL-3.0-or-later
// Builds TCP conversations and UDP streams as event lists in code, for tests of
// the analyses that read them (states, timeline rows, graph series). Relative
// numbers go in; raw numbers are relative + each side's ISN, as the collector
// would have produced them from a capture.
#pragma once

#include "analysis/tcp_events.h"
#include "analysis/udp_exchanges.h"
#include "types/packet_view.h"

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>

namespace seqscope::test {

Endpoint loopback(std::uint16_t port);  // 127.0.0.1:port

class ConvBuilder {
public:
    // a = 127.0.0.1:5555 (usually the client), b = 127.0.0.1:7777.
    ConvBuilder();
    ConvBuilder& endpoints(Endpoint a, Endpoint b);
    ConvBuilder& stream(std::uint32_t index);
    // Frame numbers continue from here (other conversations may interleave).
    ConvBuilder& next_frame(std::uint32_t frame);

    // One segment; t_ms from the capture start. Window scale 7 once the handshake is over.
    ConvBuilder& add(std::uint8_t dir, std::uint16_t flags, std::uint32_t seq, std::uint32_t ack, std::uint32_t len,
                     double t_ms, std::uint16_t win = 512);
    // The classic handshake starting at t0_ms: SYN, SYN/ACK +50 µs, ACK +100 µs; relative numbers start at 1.
    ConvBuilder& handshake(double t0_ms = 0.0, double step_ms = 0.05);

    // Adjust the segment added last.
    ConvBuilder& analysis(std::uint32_t tcpa_flags);
    ConvBuilder& rtt(std::uint32_t acks_frame, double rtt_ms);
    ConvBuilder& in_flight(std::uint32_t bytes);
    ConvBuilder& sack(std::initializer_list<std::pair<std::uint32_t, std::uint32_t>> relative_blocks);

    [[nodiscard]] const TcpConversationEvents& get() const { return conv_; }
    [[nodiscard]] std::uint32_t last_frame() const;

private:
    TcpSegmentEvent& last();
    TcpConversationEvents conv_;
    std::array<std::uint32_t, 2> isn_{3861029448u, 2207415320u};
    std::uint32_t next_frame_ = 1;
};

class UdpBuilder {
public:
    UdpBuilder();
    UdpBuilder& endpoints(Endpoint a, Endpoint b);
    UdpBuilder& stream(std::uint32_t index);
    UdpBuilder& add(std::uint32_t frame, std::uint8_t dir, double t_ms, std::uint32_t payload = 32);
    UdpBuilder& icmp_error(std::uint32_t frame, double t_ms, std::uint8_t quoted_dir, std::string text);
    [[nodiscard]] const UdpStreamEvents& get() const { return s_; }

private:
    UdpStreamEvents s_;
};

}  // namespace seqscope::test
