// SPDX-License-Identifier: GPL-3.0-or-later
// Builds packets and capture files in code for decoder tests: link framings
// (Ethernet/VLAN, SLL, SLL2, NULL, LOOP), IPv4/IPv6 (+ extension headers and
// fragments), TCP with options, UDP, DNS with name compression, and pcap/pcapng
// writers. Everything is plain bytes, so a test can also cut or corrupt them.
#pragma once

#include "decode/dissector.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace seqscope::test {

using Buf = std::vector<std::uint8_t>;

Buf cat(std::initializer_list<Buf> parts);
void put16(Buf& b, std::uint16_t v);
void put32(Buf& b, std::uint32_t v);
Buf ip4addr(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d);
Buf ip6addr(std::uint16_t first, std::uint16_t last);  // first::last

// --- link layers ---
Buf ethernet(const Buf& payload, std::uint16_t type, std::optional<std::uint16_t> vlan_id = std::nullopt);
Buf sll(const Buf& payload, std::uint16_t protocol);
Buf sll2(const Buf& payload, std::uint16_t protocol);
Buf null_header(const Buf& payload, std::uint32_t family, bool big_endian);  // LINKTYPE_NULL
Buf loop_header(const Buf& payload, std::uint32_t family);                   // LINKTYPE_LOOP

// --- network ---
struct Ipv4Spec {
    Buf src = ip4addr(10, 0, 0, 1), dst = ip4addr(10, 0, 0, 2);
    std::uint8_t proto = 6, ttl = 64;
    std::uint16_t id = 0x1234;
    std::uint16_t flags_frag = 0x4000;     // DF, offset 0
    std::optional<std::uint8_t> ihl;       // default: from the options
    std::optional<std::uint16_t> total;    // default: header + payload
    Buf options;                           // multiple of 4
};
Buf ipv4(const Buf& payload, const Ipv4Spec& s = {});

struct Ipv6Spec {
    Buf src = ip6addr(0xfe80, 1), dst = ip6addr(0xfe80, 2);
    std::uint8_t next = 6, hop_limit = 64;
    std::optional<std::uint16_t> plen;
};
Buf ipv6(const Buf& payload, const Ipv6Spec& s = {});
// A hop-by-hop (0), routing (43) or destination-options (60) header, padded to 8 bytes.
Buf ipv6_ext(std::uint8_t next, const Buf& payload, std::uint8_t hdr_ext_len = 0);
Buf ipv6_fragment(std::uint8_t next, std::uint16_t offset_bytes, bool more, std::uint32_t id, const Buf& payload);

// --- transport ---
struct TcpSpec {
    std::uint16_t sport = 40000, dport = 80;
    std::uint32_t seq = 1000, ack = 0;
    std::uint16_t flags = 0x002;
    std::uint16_t window = 65535, urgent = 0;
    Buf options;                           // raw option bytes (padded by the caller)
    std::optional<std::uint8_t> data_offset;  // in 32-bit words; default from options
};
Buf tcp(const Buf& payload, const TcpSpec& s = {});
Buf tcp_mss(std::uint16_t mss);
Buf tcp_ws(std::uint8_t shift);
Buf tcp_sack_perm();
Buf tcp_sack(std::initializer_list<std::pair<std::uint32_t, std::uint32_t>> blocks);
Buf tcp_ts(std::uint32_t val, std::uint32_t ecr);
Buf tcp_nop();
Buf tcp_eol();

Buf udp(const Buf& payload, std::uint16_t sport, std::uint16_t dport, std::optional<std::uint16_t> length = std::nullopt);

// --- DNS ---
Buf dns_name(const std::string& dotted);
// A query for `name`/`type`; a response adds one answer per address whose name is a
// compression pointer to the question (0xc00c).
Buf dns_query(std::uint16_t id, const std::string& name, std::uint16_t type);
Buf dns_a_response(std::uint16_t id, const std::string& name, const std::vector<Buf>& addresses);

// --- capture files ---
struct CapturedPacket {
    Buf bytes;
    std::uint32_t wire_len = 0;  // 0: bytes.size()
    std::int64_t ts_ns = 0;
};
void write_pcap(const std::string& path, std::uint32_t link_type, const std::vector<CapturedPacket>& packets,
                std::uint32_t snap_len = 65535);
void write_pcapng(const std::string& path, std::uint32_t link_type, const std::vector<CapturedPacket>& packets);

// --- running the decoders on built packets ---
struct Decoded {
    PacketView view;
    FieldTree tree;
    Columns columns;
    // Every value of `abbrev` joined with ',' (tshark's -E occurrence=a).
    [[nodiscard]] std::string field(std::string_view abbrev) const;
};
// Decodes one frame as pass one would (Track mode) against `flows`.
Decoded decode_packet(FlowState& flows, const Buf& bytes, std::uint32_t link_type, std::uint32_t frame_number = 1,
                      std::uint32_t wire_len = 0);

}  // namespace seqscope::test
