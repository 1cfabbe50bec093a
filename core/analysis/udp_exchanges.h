// SPDX-License-Identifier: GPL-3.0-or-later
// UDP has no connection, so seqscope pairs datagrams into exchanges: per
// address/port pair, a response is the first datagram in the opposite direction
// after a request (DNS, mDNS and LLMNR pair by transaction id instead);
// requests nobody answered stay visible, and ICMP errors (port unreachable, ...)
// are attached to the datagram they quote.
#pragma once

#include "analysis/tcp_events.h"

#include <optional>
#include <string>
#include <vector>

namespace seqscope {

struct UdpDatagramEvent {
    FrameNumber frame{};
    std::int64_t ts_ns = 0;
    std::uint8_t dir = 0;          // 0: sent by endpoint a
    std::uint32_t frame_len = 0;
    std::uint32_t payload_len = 0;
    std::uint32_t payload_offset = 0;  // in the frame
    std::uint32_t payload_captured = 0;
    std::optional<std::uint16_t> dns_id;  // DNS/mDNS/LLMNR transaction id
    bool dns_response = false;
};

// An ICMP/ICMPv6 error quoting a datagram of this stream.
struct IcmpErrorEvent {
    FrameNumber frame{};
    std::int64_t ts_ns = 0;
    std::uint8_t quoted_dir = 0;   // direction of the datagram it quotes
    std::string text;              // "Destination unreachable (Port unreachable)"
};

struct UdpStreamEvents {
    UdpStreamId stream{};
    Endpoint a, b;
    std::vector<UdpDatagramEvent> datagrams;
    std::vector<IcmpErrorEvent> icmp_errors;
};

struct UdpExchange {
    FrameNumber request{};
    std::uint8_t request_dir = 0;
    std::optional<FrameNumber> response;
    std::int64_t response_time_ns = -1;       // response.ts − request.ts
    std::optional<FrameNumber> icmp_error;    // an ICMP error quoting the request
    std::string icmp_text;
    bool paired_by_dns_id = false;
};

struct UdpExchangeReport {
    UdpStreamId stream{};
    Endpoint a, b;
    std::vector<UdpExchange> exchanges;       // in request order
    std::size_t unanswered = 0;
};

UdpExchangeReport pair_udp_exchanges(const UdpStreamEvents& stream);

}  // namespace seqscope
