// SPDX-License-Identifier: GPL-3.0-or-later
// TCP options, ICMP echo matching and errors, DNS with compression.
#include "support/packet_builder.h"

#include <gtest/gtest.h>

using namespace seqscope;
using namespace seqscope::test;

namespace {
Buf tcp_frame(const Buf& payload, const TcpSpec& t, const Ipv4Spec& ip = {}) { return ethernet(ipv4(tcp(payload, t), ip), 0x0800); }
}  // namespace

TEST(DecodeTcp, EveryOptionKindAndItsFields) {
    FlowState flows;
    TcpSpec t;
    t.options = cat({tcp_mss(1460), tcp_sack_perm(), tcp_ts(111, 0), tcp_nop(), tcp_ws(7), tcp_eol(), tcp_eol(), tcp_eol(), tcp_eol()});
    const Decoded d = decode_packet(flows, tcp_frame({}, t), 1);
    EXPECT_EQ(d.view.status, PacketStatus::Ok);
    EXPECT_EQ(d.field("tcp.option_kind"), "2,4,8,1,3,0,0,0,0");
    EXPECT_EQ(d.field("tcp.options.mss_val"), "1460");
    EXPECT_EQ(d.field("tcp.options.sack_perm"), "0402");
    EXPECT_EQ(d.field("tcp.options.timestamp.tsval"), "111");
    EXPECT_EQ(d.field("tcp.options.wscale.shift"), "7");
    EXPECT_EQ(d.field("tcp.hdr_len"), "44");
    EXPECT_EQ(d.field("tcp.flags"), "0x0002");
    EXPECT_NE(d.columns.info.find("[SYN] Seq=0 Win=65535 Len=0 MSS=1460 SACK_PERM TSval=111 TSecr=0 WS=128"), std::string::npos)
        << d.columns.info;
    ASSERT_TRUE(d.view.tcp.has_value());
    EXPECT_EQ(d.view.tcp->mss, 1460);
    EXPECT_EQ(d.view.tcp->wscale_shift, 7);
    EXPECT_TRUE(d.view.tcp->sack_perm);
}

TEST(DecodeTcp, SackBlocksAndUnknownKindsAndAllFlags) {
    FlowState flows;
    TcpSpec t;
    t.flags = 0x1ff;
    t.urgent = 7;
    t.options = cat({tcp_nop(), tcp_nop(), tcp_sack({{5000, 6000}}), Buf{99, 4, 0, 0}});
    const Decoded d = decode_packet(flows, tcp_frame(Buf{'x'}, t), 1);
    EXPECT_EQ(d.field("tcp.option_kind"), "1,1,5,99");
    EXPECT_EQ(d.field("tcp.len"), "1");
    EXPECT_NE(d.columns.info.find("[FIN, SYN, RST, PSH, ACK, URG, ECE, CWR, AE]"), std::string::npos) << d.columns.info;
    EXPECT_NE(d.columns.info.find("Urg=7 Len=1 SLE="), std::string::npos) << d.columns.info;
    ASSERT_TRUE(d.view.tcp.has_value());
    EXPECT_EQ(d.view.tcp->sack_count, 1);
    EXPECT_EQ(d.view.tcp->sack[0].left, 5000u);
    TcpSpec none;
    none.flags = 0;
    EXPECT_NE(decode_packet(flows, tcp_frame({}, none), 1, 2).columns.info.find("[<None>]"), std::string::npos);
}

TEST(DecodeTcp, DnsOverTcpPort53) {
    FlowState flows;
    TcpSpec t;
    t.dport = 53;
    t.flags = 0x018;
    const Buf q = dns_query(0x4242, "example.com", 1);
    Buf framed;
    put16(framed, static_cast<std::uint16_t>(q.size()));
    framed.insert(framed.end(), q.begin(), q.end());
    const Decoded d = decode_packet(flows, tcp_frame(framed, t), 1);
    EXPECT_EQ(d.columns.protocol, "DNS");
    EXPECT_EQ(d.field("dns.id"), "0x4242");
    EXPECT_NE(d.columns.info.find("Standard query 0x4242 A example.com"), std::string::npos) << d.columns.info;
}

TEST(DecodeDns, CompressedAnswersAndTsharkInfo) {
    FlowState flows;
    Ipv4Spec ip;
    ip.proto = 17;
    const Buf resp = dns_a_response(0xbeef, "conformance.example", {ip4addr(198, 51, 100, 7), ip4addr(198, 51, 100, 8)});
    const Decoded d = decode_packet(flows, ethernet(ipv4(udp(resp, 53, 40000), ip), 0x0800), 1);
    EXPECT_EQ(d.view.status, PacketStatus::Ok);
    EXPECT_EQ(d.field("dns.resp.name"), "conformance.example,conformance.example");
    EXPECT_EQ(d.field("dns.a"), "198.51.100.7,198.51.100.8");
    EXPECT_EQ(d.field("dns.flags.response"), "1");
    EXPECT_EQ(d.columns.info,
              "Standard query response 0xbeef A conformance.example A 198.51.100.7 A 198.51.100.8");
}

TEST(DecodeDns, MdnsAndLlmnrAreNamedByPort) {
    FlowState flows;
    Ipv4Spec ip;
    ip.proto = 17;
    const Decoded m = decode_packet(flows, ethernet(ipv4(udp(dns_query(0, "x.local", 12), 5353, 5353), ip), 0x0800), 1);
    EXPECT_EQ(m.columns.protocol, "MDNS");
    EXPECT_EQ(m.columns.info, "Standard query 0x0000 PTR x.local, \"QM\" question");
    const Decoded l = decode_packet(flows, ethernet(ipv4(udp(dns_query(7, "wpad", 1), 50000, 5355), ip), 0x0800), 1, 2);
    EXPECT_EQ(l.columns.protocol, "LLMNR");
    EXPECT_EQ(l.columns.info, "Standard query 0x0007 A wpad");
}

TEST(DecodeIcmp, EchoReplyNamesItsRequestOnce) {
    FlowState flows;
    Ipv4Spec req_ip;
    req_ip.proto = 1;
    Buf echo = {8, 0, 0, 0, 0x12, 0x34, 0, 1, 'a', 'b'};
    const std::uint32_t sum = 0xffff - ((0x0800 + 0x1234 + 0x0001 + 0x6162) % 0xffff);
    echo[2] = static_cast<std::uint8_t>(sum >> 8);
    echo[3] = static_cast<std::uint8_t>(sum);
    const Decoded r1 = decode_packet(flows, ethernet(ipv4(echo, req_ip), 0x0800), 1);
    EXPECT_EQ(r1.columns.info, "Echo (ping) request  id=0x1234, seq=1/256, ttl=64");
    EXPECT_EQ(r1.field("icmp.checksum.status"), "1");
    Ipv4Spec rep_ip = req_ip;
    std::swap(rep_ip.src, rep_ip.dst);
    Buf reply = echo;
    reply[0] = 0;
    reply[2] = static_cast<std::uint8_t>(reply[2] + 8);
    const Decoded r2 = decode_packet(flows, ethernet(ipv4(reply, rep_ip), 0x0800), 1, 2);
    EXPECT_EQ(r2.columns.info, "Echo (ping) reply    id=0x1234, seq=1/256, ttl=64 (request in 1)");
    const Decoded r3 = decode_packet(flows, ethernet(ipv4(reply, rep_ip), 0x0800), 1, 3);
    EXPECT_EQ(r3.columns.info, "Echo (ping) reply    id=0x1234, seq=1/256, ttl=64");
}

TEST(DecodeIcmp, ErrorQuotesIpAndUdpAsSecondOccurrences) {
    FlowState flows;
    Ipv4Spec inner;
    inner.proto = 17;
    std::swap(inner.src, inner.dst);
    const Buf quoted = ipv4(udp(Buf{'q'}, 53001, 9), inner);
    Ipv4Spec outer;
    outer.proto = 1;
    const Buf icmp = cat({Buf{3, 3, 0, 0, 0, 0, 0, 0}, quoted});
    const Decoded d = decode_packet(flows, ethernet(ipv4(icmp, outer), 0x0800), 1);
    EXPECT_EQ(d.columns.protocol, "ICMP");
    EXPECT_EQ(d.columns.info, "Destination unreachable (Port unreachable)");
    EXPECT_EQ(d.field("ip.src"), "10.0.0.1,10.0.0.2");
    EXPECT_EQ(d.field("udp.dstport"), "9");
    EXPECT_FALSE(d.view.udp.has_value());  // a quoted datagram is not the packet's own
}
