// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/packet_builder.h"

#include <fstream>

namespace seqscope::test {

Buf cat(std::initializer_list<Buf> parts) {
    Buf out;
    for (const Buf& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
}

void put16(Buf& b, std::uint16_t v) {
    b.push_back(static_cast<std::uint8_t>(v >> 8));
    b.push_back(static_cast<std::uint8_t>(v));
}

void put32(Buf& b, std::uint32_t v) {
    put16(b, static_cast<std::uint16_t>(v >> 16));
    put16(b, static_cast<std::uint16_t>(v));
}

namespace {
void put32le(Buf& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void put16le(Buf& b, std::uint16_t v) {
    b.push_back(static_cast<std::uint8_t>(v));
    b.push_back(static_cast<std::uint8_t>(v >> 8));
}
}  // namespace

Buf ip4addr(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) { return {a, b, c, d}; }

Buf ip6addr(std::uint16_t first, std::uint16_t last) {
    Buf b(16, 0);
    b[0] = static_cast<std::uint8_t>(first >> 8);
    b[1] = static_cast<std::uint8_t>(first);
    b[14] = static_cast<std::uint8_t>(last >> 8);
    b[15] = static_cast<std::uint8_t>(last);
    return b;
}

Buf ethernet(const Buf& payload, std::uint16_t type, std::optional<std::uint16_t> vlan_id) {
    Buf b = {0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01};
    if (vlan_id) {
        put16(b, 0x8100);
        put16(b, *vlan_id);
    }
    put16(b, type);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf sll(const Buf& payload, std::uint16_t protocol) {
    Buf b;
    put16(b, 4);  // sent by us
    put16(b, 1);  // Ethernet
    put16(b, 6);
    for (std::uint8_t c : {0x02, 0, 0, 0, 0, 0x01, 0, 0}) b.push_back(c);
    put16(b, protocol);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf sll2(const Buf& payload, std::uint16_t protocol) {
    Buf b;
    put16(b, protocol);
    put16(b, 0);
    put32(b, 2);  // ifindex
    put16(b, 1);  // Ethernet
    b.push_back(0);
    b.push_back(6);
    for (std::uint8_t c : {0x02, 0, 0, 0, 0, 0x01, 0, 0}) b.push_back(c);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf null_header(const Buf& payload, std::uint32_t family, bool big_endian) {
    Buf b;
    if (big_endian) put32(b, family);
    else put32le(b, family);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf loop_header(const Buf& payload, std::uint32_t family) { return null_header(payload, family, true); }

Buf ipv4(const Buf& payload, const Ipv4Spec& s) {
    const std::uint8_t ihl = s.ihl.value_or(static_cast<std::uint8_t>(5 + s.options.size() / 4));
    Buf b;
    b.push_back(static_cast<std::uint8_t>(0x40 | (ihl & 0x0f)));
    b.push_back(0);
    put16(b, s.total.value_or(static_cast<std::uint16_t>(20 + s.options.size() + payload.size())));
    put16(b, s.id);
    put16(b, s.flags_frag);
    b.push_back(s.ttl);
    b.push_back(s.proto);
    put16(b, 0);
    b.insert(b.end(), s.src.begin(), s.src.end());
    b.insert(b.end(), s.dst.begin(), s.dst.end());
    b.insert(b.end(), s.options.begin(), s.options.end());
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf ipv6(const Buf& payload, const Ipv6Spec& s) {
    Buf b;
    put32(b, 0x60000000u);
    put16(b, s.plen.value_or(static_cast<std::uint16_t>(payload.size())));
    b.push_back(s.next);
    b.push_back(s.hop_limit);
    b.insert(b.end(), s.src.begin(), s.src.end());
    b.insert(b.end(), s.dst.begin(), s.dst.end());
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf ipv6_ext(std::uint8_t next, const Buf& payload, std::uint8_t hdr_ext_len) {
    // An extension header of (hdr_ext_len + 1) * 8 bytes whose body is one PadN option.
    // Sized from an 8-bit length (never 0) and filled by index: the former size_t body
    // length grown by push_back made GCC 12 at -O3 warn of writes into "a region of
    // size 0" (-Wstringop-overflow false positives inside std::vector).
    const std::size_t total = 8u * (hdr_ext_len + 1u);
    Buf b(total, 0);
    b[0] = next;
    b[1] = hdr_ext_len;
    b[2] = 1;  // PadN
    b[3] = static_cast<std::uint8_t>(total - 4);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf ipv6_fragment(std::uint8_t next, std::uint16_t offset_bytes, bool more, std::uint32_t id, const Buf& payload) {
    Buf b;
    b.push_back(next);
    b.push_back(0);
    put16(b, static_cast<std::uint16_t>((offset_bytes & 0xfff8) | (more ? 1 : 0)));
    put32(b, id);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf tcp(const Buf& payload, const TcpSpec& s) {
    const std::uint8_t doff = s.data_offset.value_or(static_cast<std::uint8_t>(5 + s.options.size() / 4));
    Buf b;
    put16(b, s.sport);
    put16(b, s.dport);
    put32(b, s.seq);
    put32(b, s.ack);
    put16(b, static_cast<std::uint16_t>((doff << 12) | (s.flags & 0x0fff)));
    put16(b, s.window);
    put16(b, 0);
    put16(b, s.urgent);
    b.insert(b.end(), s.options.begin(), s.options.end());
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf tcp_mss(std::uint16_t mss) {
    Buf b = {2, 4};
    put16(b, mss);
    return b;
}
Buf tcp_ws(std::uint8_t shift) { return {3, 3, shift}; }
Buf tcp_sack_perm() { return {4, 2}; }
Buf tcp_sack(std::initializer_list<std::pair<std::uint32_t, std::uint32_t>> blocks) {
    Buf b = {5, static_cast<std::uint8_t>(2 + 8 * blocks.size())};
    for (const auto& [l, r] : blocks) {
        put32(b, l);
        put32(b, r);
    }
    return b;
}
Buf tcp_ts(std::uint32_t val, std::uint32_t ecr) {
    Buf b = {8, 10};
    put32(b, val);
    put32(b, ecr);
    return b;
}
Buf tcp_nop() { return {1}; }
Buf tcp_eol() { return {0}; }

Buf udp(const Buf& payload, std::uint16_t sport, std::uint16_t dport, std::optional<std::uint16_t> length) {
    Buf b;
    put16(b, sport);
    put16(b, dport);
    put16(b, length.value_or(static_cast<std::uint16_t>(8 + payload.size())));
    put16(b, 0x1111);  // never verified (udp.check_checksum is off)
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

Buf dns_name(const std::string& dotted) {
    Buf b;
    std::size_t start = 0;
    while (start < dotted.size()) {
        std::size_t dot = dotted.find('.', start);
        if (dot == std::string::npos) dot = dotted.size();
        b.push_back(static_cast<std::uint8_t>(dot - start));
        b.insert(b.end(), dotted.begin() + static_cast<std::ptrdiff_t>(start), dotted.begin() + static_cast<std::ptrdiff_t>(dot));
        start = dot + 1;
    }
    b.push_back(0);
    return b;
}

Buf dns_query(std::uint16_t id, const std::string& name, std::uint16_t type) {
    Buf b;
    put16(b, id);
    put16(b, 0x0100);
    put16(b, 1);
    put16(b, 0);
    put16(b, 0);
    put16(b, 0);
    const Buf n = dns_name(name);
    b.insert(b.end(), n.begin(), n.end());
    put16(b, type);
    put16(b, 1);
    return b;
}

Buf dns_a_response(std::uint16_t id, const std::string& name, const std::vector<Buf>& addresses) {
    Buf b = dns_query(id, name, 1);
    b[2] = 0x81;
    b[3] = 0x80;
    b[7] = static_cast<std::uint8_t>(addresses.size());
    for (const Buf& a : addresses) {
        put16(b, 0xc00c);  // pointer to the question's name
        put16(b, 1);
        put16(b, 1);
        put32(b, 300);
        put16(b, 4);
        b.insert(b.end(), a.begin(), a.end());
    }
    return b;
}

void write_pcap(const std::string& path, std::uint32_t link_type, const std::vector<CapturedPacket>& packets,
                std::uint32_t snap_len) {
    Buf b;
    put32le(b, 0xa1b2c3d4u);
    put16le(b, 2);
    put16le(b, 4);
    put32le(b, 0);
    put32le(b, 0);
    put32le(b, snap_len);
    put32le(b, link_type);
    for (const CapturedPacket& p : packets) {
        put32le(b, static_cast<std::uint32_t>(p.ts_ns / 1'000'000'000));
        put32le(b, static_cast<std::uint32_t>((p.ts_ns % 1'000'000'000) / 1000));
        put32le(b, static_cast<std::uint32_t>(p.bytes.size()));
        put32le(b, p.wire_len ? p.wire_len : static_cast<std::uint32_t>(p.bytes.size()));
        b.insert(b.end(), p.bytes.begin(), p.bytes.end());
    }
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

void write_pcapng(const std::string& path, std::uint32_t link_type, const std::vector<CapturedPacket>& packets) {
    Buf b;
    // Section header block.
    put32le(b, 0x0a0d0d0a);
    put32le(b, 28);
    put32le(b, 0x1a2b3c4d);
    put16le(b, 1);
    put16le(b, 0);
    put32le(b, 0xffffffffu);
    put32le(b, 0xffffffffu);
    put32le(b, 28);
    // Interface description block (microsecond timestamps by default).
    put32le(b, 1);
    put32le(b, 20);
    put16le(b, static_cast<std::uint16_t>(link_type));
    put16le(b, 0);
    put32le(b, 0);
    put32le(b, 20);
    for (const CapturedPacket& p : packets) {
        const std::uint32_t padded = static_cast<std::uint32_t>((p.bytes.size() + 3) & ~std::size_t{3});
        const std::uint32_t len = 32 + padded;
        const std::uint64_t us = static_cast<std::uint64_t>(p.ts_ns / 1000);
        put32le(b, 6);
        put32le(b, len);
        put32le(b, 0);
        put32le(b, static_cast<std::uint32_t>(us >> 32));
        put32le(b, static_cast<std::uint32_t>(us));
        put32le(b, static_cast<std::uint32_t>(p.bytes.size()));
        put32le(b, p.wire_len ? p.wire_len : static_cast<std::uint32_t>(p.bytes.size()));
        b.insert(b.end(), p.bytes.begin(), p.bytes.end());
        b.insert(b.end(), padded - p.bytes.size(), 0);
        put32le(b, len);
    }
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

std::string Decoded::field(std::string_view abbrev) const {
    std::string out;
    for (const std::string_view v : tree.values(abbrev)) {
        if (!out.empty()) out += ',';
        out += v;
    }
    return out;
}

Decoded decode_packet(FlowState& flows, const Buf& bytes, std::uint32_t link_type, std::uint32_t frame_number,
                      std::uint32_t wire_len) {
    Decoded d;
    FrameInput in;
    in.number = FrameNumber{frame_number};
    in.record.cap_len = static_cast<std::uint32_t>(bytes.size());
    in.record.wire_len = wire_len ? wire_len : static_cast<std::uint32_t>(bytes.size());
    in.record.ts_ns = std::int64_t{frame_number} * 1'000'000;
    in.data = Bytes(bytes.data(), bytes.size());
    in.link_type = link_type;
    d.view = dissect_frame(in, flows, DissectMode::Track, &d.tree, &d.columns);
    return d;
}

}  // namespace seqscope::test
