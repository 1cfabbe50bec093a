// SPDX-License-Identifier: GPL-3.0-or-later
// The protocol decoders, one per file, and how they hand data to each other.
// Every decoder is a free function over a ByteReader on its layer's captured
// bytes plus the layer's *reported* length (what the enclosing header or the wire
// length says), so it can tell a snap-length cut (Truncated) from a lie (Malformed).
#pragma once

#include "decode/decode_context.h"

#include <cstdint>

namespace seqscope {

using TreeIndex = FieldTree::Index;

// What an IP layer tells its payload decoder.
struct IpInfo {
    Address src, dst;
    std::uint8_t version = 4;
    std::uint8_t ttl = 0;            // TTL / hop limit (ICMP echo Info shows it)
    std::uint32_t reported = 0;      // reported payload length (from the IP header)
    bool fragment = false;           // a non-final fragment: no payload decoding
};

// frame.cpp calls this after the frame fields.
void decode_link(DecodeContext& ctx, TreeIndex frame_node);

void decode_ethernet(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported);
void decode_ethertype(DecodeContext& ctx, std::uint16_t type, ByteReader r, TreeIndex parent,
                      std::uint32_t reported);
void decode_vlan(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported);
void decode_sll(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported);
void decode_sll2(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported);
void decode_null(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported, bool loop);
void decode_arp(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported);

void decode_ipv4(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported);
void decode_ipv6(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported);
// Dispatches an IP payload by protocol number (TCP, UDP, ICMP, ICMPv6, IP-in-IP...),
// or names it in the columns when seqscope has no decoder for it.
void decode_ip_payload(DecodeContext& ctx, std::uint8_t proto, ByteReader r, TreeIndex parent, const IpInfo& ip);
// tshark's name for an IP protocol number ("SCTP", "Encap Security Payload", "Unknown").
const char* ip_proto_name(std::uint8_t proto);

void decode_tcp(DecodeContext& ctx, ByteReader r, TreeIndex parent, const IpInfo& ip);
void decode_udp(DecodeContext& ctx, ByteReader r, TreeIndex parent, const IpInfo& ip);
void decode_icmp(DecodeContext& ctx, ByteReader r, TreeIndex parent, const IpInfo& ip);
void decode_icmpv6(DecodeContext& ctx, ByteReader r, TreeIndex parent, const IpInfo& ip);

// The IP packet quoted inside an ICMP/ICMPv6 error: decoded with the columns
// frozen (tshark makes them read-only), its own end of data not an error.
void decode_quoted_ip(DecodeContext& ctx, ByteReader r, TreeIndex parent);
// RFC 1071 one's-complement sum, folded (0xffff over a valid message + pseudo-header).
std::uint32_t ones_sum(Bytes data, std::uint32_t sum = 0);

enum class DnsFlavor : std::uint8_t { Dns, Mdns, Llmnr };
// One DNS message (UDP payload, or a TCP PDU after its 2-byte length prefix).
void decode_dns(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported, DnsFlavor flavor,
                bool over_tcp);
// DNS over TCP: length-prefixed PDUs inside one segment's payload.
void decode_dns_tcp(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported);

// Payload nobody decodes ("Data (N bytes)").
void decode_data(DecodeContext& ctx, ByteReader r, TreeIndex parent);

}  // namespace seqscope
