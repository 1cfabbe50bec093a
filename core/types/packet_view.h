// SPDX-License-Identifier: GPL-3.0-or-later
// Pass one's product: what the decoders found in one packet, as plain values.
// Built on the stack per packet and never stored whole; the flow trackers read it
// and the engine keeps only the compact results it needs.
#pragma once

#include "types/address.h"
#include "util/strong_id.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace seqscope {

// tshark's expert "Malformed" vs "[Packet size limited during capture]".
enum class PacketStatus : std::uint8_t {
    Ok,
    Truncated,  // the capture stopped before the packet's end (snap length)
    Malformed,  // the packet contradicts itself (a length past its end, a bad header length)
};

namespace tcpflag {
constexpr std::uint16_t kFin = 0x001, kSyn = 0x002, kRst = 0x004, kPsh = 0x008, kAck = 0x010,
                        kUrg = 0x020, kEce = 0x040, kCwr = 0x080, kAe = 0x100;
}  // namespace tcpflag

struct SackBlock {
    std::uint32_t left = 0, right = 0;  // raw sequence numbers
};

struct TcpSegmentView {
    Address src, dst;
    std::uint16_t src_port = 0, dst_port = 0;
    std::uint32_t seq = 0, ack = 0;     // raw
    std::uint16_t flags = 0;            // 12 bits, tcpflag::*
    std::uint16_t window = 0;           // raw 16-bit field
    std::uint16_t urgent = 0;
    std::uint8_t header_len = 0;        // bytes (data offset × 4)
    std::uint32_t seglen = 0;           // from the IP-reported length, not the captured one
    bool seglen_known = false;          // false for ICMP-quoted headers and bad header lengths
    bool quoted = false;                // inside an ICMP/ICMPv6 error
    std::uint32_t captured_tcp_bytes = 0;  // how much of the header+payload was captured
    // Options (first occurrence of each).
    std::optional<std::uint16_t> mss;
    std::optional<std::uint8_t> wscale_shift;  // raw shift as sent
    bool sack_perm = false;
    std::optional<std::uint32_t> ts_val, ts_ecr;
    std::array<SackBlock, 4> sack{};
    std::uint8_t sack_count = 0;
    std::uint32_t payload_offset = 0;   // in the frame
};

struct UdpDatagramView {
    Address src, dst;
    std::uint16_t src_port = 0, dst_port = 0;
    std::uint16_t length = 0;           // udp.length
    bool quoted = false;
    std::uint32_t payload_offset = 0;
    std::uint32_t payload_len = 0;
};

// An ICMP/ICMPv6 error and the transport header it quotes (the datagram or
// segment that caused it), so flows can attach the error to what it is about.
struct IcmpErrorView {
    bool v6 = false;
    std::uint8_t type = 0, code = 0;
    std::string text;                   // "Destination unreachable (Port unreachable)"
    std::uint8_t quoted_proto = 0;      // 6 TCP, 17 UDP
    Address src, dst;                   // of the quoted packet
    std::uint16_t src_port = 0, dst_port = 0;
};

struct PacketView {
    PacketStatus status = PacketStatus::Ok;
    std::uint32_t link_type = 0;
    // The outermost network layer (what the Source/Destination columns show).
    Address net_src, net_dst;
    std::uint8_t ip_proto = 0;          // last transport protocol seen (6, 17, 1, 58, ...)
    bool ip_fragment = false;           // a non-final fragment, or a fragment not yet reassembled
    std::optional<TcpSegmentView> tcp;  // the top-level (non-quoted) TCP segment
    std::optional<UdpDatagramView> udp; // the top-level (non-quoted) UDP datagram
    std::optional<UdpStreamId> udp_stream;  // its udp.stream
    std::optional<IcmpErrorView> icmp_error;
};

}  // namespace seqscope
