// SPDX-License-Identifier: GPL-3.0-or-later
// Every link type and the network layers on packets built in code.
#include "support/packet_builder.h"

#include <gtest/gtest.h>

using namespace seqscope;
using namespace seqscope::test;

namespace {

Buf udp4(std::uint16_t sport = 1111, std::uint16_t dport = 2222) {
    Ipv4Spec s;
    s.proto = 17;
    return ipv4(udp(Buf{'h', 'i'}, sport, dport), s);
}

Buf udp6() {
    Ipv6Spec s;
    s.next = 17;
    return ipv6(udp(Buf{'h', 'i'}, 1111, 2222), s);
}

void expect_udp4(const Decoded& d) {
    EXPECT_EQ(d.view.status, PacketStatus::Ok);
    EXPECT_EQ(d.field("ip.src"), "10.0.0.1");
    EXPECT_EQ(d.field("ip.dst"), "10.0.0.2");
    EXPECT_EQ(d.field("udp.length"), "10");
    EXPECT_EQ(d.columns.protocol, "UDP");
    EXPECT_EQ(d.columns.info, "1111 \xe2\x86\x92 2222 Len=2");
    EXPECT_EQ(d.columns.src, "10.0.0.1");
    ASSERT_TRUE(d.view.udp.has_value());
    EXPECT_EQ(d.view.udp->dst_port, 2222);
}

}  // namespace

TEST(DecodeLink, EthernetAndVlanTags) {
    FlowState flows;
    expect_udp4(decode_packet(flows, ethernet(udp4(), 0x0800), 1));
    const Decoded tagged = decode_packet(flows, ethernet(udp4(), 0x0800, std::uint16_t{5}), 1);
    expect_udp4(tagged);
    EXPECT_EQ(tagged.field("vlan.id"), "5");
    EXPECT_EQ(tagged.field("eth.type"), "0x8100");
}

TEST(DecodeLink, Ieee8023LengthFrameIsNamedLikeTshark) {
    FlowState flows;
    const Decoded d = decode_packet(flows, ethernet(Buf{0xaa, 0xaa, 3, 0, 0, 0}, 6), 1);
    EXPECT_EQ(d.columns.protocol, "Ethernet");
    EXPECT_EQ(d.columns.info, "IEEE 802.3 Ethernet ");
    EXPECT_EQ(d.field("eth.len"), "6");
}

TEST(DecodeLink, LinuxCookedV1AndV2) {
    FlowState flows;
    expect_udp4(decode_packet(flows, sll(udp4(), 0x0800), 113));
    const Decoded v2 = decode_packet(flows, sll2(udp6(), 0x86dd), 276);
    EXPECT_EQ(v2.field("ipv6.src"), "fe80::1");
    EXPECT_EQ(v2.field("sll.ifindex"), "2");
    EXPECT_EQ(v2.columns.protocol, "UDP");
}

TEST(DecodeLink, NullFamilyInEitherByteOrderAndEveryInet6Value) {
    FlowState flows;
    expect_udp4(decode_packet(flows, null_header(udp4(), 2, false), 0));
    expect_udp4(decode_packet(flows, null_header(udp4(), 2, true), 0));
    for (std::uint32_t af : {24u, 28u, 30u}) {
        for (bool be : {false, true}) {
            const Decoded d = decode_packet(flows, null_header(udp6(), af, be), 0);
            EXPECT_EQ(d.field("ipv6.dst"), "fe80::2") << af << " " << be;
            EXPECT_EQ(d.field("null.family"), std::to_string(af));
        }
    }
    expect_udp4(decode_packet(flows, loop_header(udp4(), 2), 108));
}

TEST(DecodeLink, RawIpLinkTypes) {
    FlowState flows;
    expect_udp4(decode_packet(flows, udp4(), 101));
    expect_udp4(decode_packet(flows, udp4(), 228));
    EXPECT_EQ(decode_packet(flows, udp6(), 229).field("ipv6.nxt"), "17");
    EXPECT_EQ(decode_packet(flows, udp6(), 101).field("ipv6.nxt"), "17");
}

TEST(DecodeLink, ArpRequestAndReply) {
    FlowState flows;
    Buf req = {0, 1, 8, 0, 6, 4, 0, 1, 2, 0, 0, 0, 0, 1, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2};
    const Decoded d = decode_packet(flows, ethernet(req, 0x0806), 1);
    EXPECT_EQ(d.columns.protocol, "ARP");
    EXPECT_EQ(d.columns.info, "Who has 10.0.0.2? Tell 10.0.0.1");
    EXPECT_EQ(d.columns.src, "02:00:00:00:00:01");
    Buf rep = req;
    rep[7] = 2;
    const Decoded r = decode_packet(flows, ethernet(rep, 0x0806), 1);
    EXPECT_EQ(r.columns.info, "10.0.0.1 is at 02:00:00:00:00:01");
}

TEST(DecodeLink, UnknownIpProtocolIsNamedFromTsharksTable) {
    FlowState flows;
    Ipv4Spec s;
    s.proto = 132;
    const Decoded d = decode_packet(flows, ethernet(ipv4(Buf(12, 0), s), 0x0800), 1);
    EXPECT_EQ(d.columns.protocol, "IPv4");
    EXPECT_EQ(d.columns.info, "SCTP (132)");
    s.proto = 50;
    EXPECT_EQ(decode_packet(flows, ethernet(ipv4(Buf(12, 0), s), 0x0800), 1).columns.info, "Encap Security Payload (50)");
}

TEST(DecodeIp, Ipv6ExtensionHeaderChain) {
    FlowState flows;
    Ipv6Spec s;
    s.next = 0;  // hop-by-hop -> destination options -> routing -> UDP
    const Buf chain = ipv6_ext(60, ipv6_ext(43, ipv6_ext(17, udp(Buf{'x'}, 7, 9))));
    const Decoded d = decode_packet(flows, ethernet(ipv6(chain, s), 0x86dd), 1);
    EXPECT_EQ(d.view.status, PacketStatus::Ok);
    EXPECT_EQ(d.field("ipv6.nxt"), "0");
    EXPECT_EQ(d.field("ipv6.hopopts.nxt"), "60");
    EXPECT_EQ(d.field("ipv6.dstopts.nxt"), "43");
    EXPECT_EQ(d.field("ipv6.routing.nxt"), "17");
    EXPECT_EQ(d.field("udp.dstport"), "9");
    EXPECT_EQ(d.columns.info, "7 \xe2\x86\x92 9 Len=1");
}

TEST(DecodeIp, Ipv4FragmentsAreReassembledOnTheLastOne) {
    FlowState flows;
    const Buf whole = udp(Buf(24, 'a'), 5000, 6000);  // 32 bytes
    Ipv4Spec first;
    first.proto = 17;
    first.id = 0xabcd;
    first.flags_frag = 0x2000;  // MF, offset 0
    const Buf a(whole.begin(), whole.begin() + 16);
    Ipv4Spec last = first;
    last.flags_frag = 2;  // offset 16 bytes
    const Buf b(whole.begin() + 16, whole.end());
    const Decoded d1 = decode_packet(flows, ethernet(ipv4(a, first), 0x0800), 1);
    EXPECT_EQ(d1.columns.protocol, "IPv4");
    EXPECT_EQ(d1.columns.info, "Fragmented IP protocol (proto=UDP 17, off=0, ID=abcd)");
    EXPECT_TRUE(d1.view.ip_fragment);
    EXPECT_EQ(d1.field("udp.srcport"), "");
    const Decoded d2 = decode_packet(flows, ethernet(ipv4(b, last), 0x0800), 1, 2);
    EXPECT_EQ(d2.columns.protocol, "UDP");
    EXPECT_EQ(d2.field("udp.length"), "32");
    EXPECT_EQ(d2.columns.info, "5000 \xe2\x86\x92 6000 Len=24");
}

TEST(DecodeIp, Ipv6FragmentsReassembleAndReplayReadsTheRecordedPayload) {
    FlowState flows;
    const Buf whole = udp(Buf(24, 'b'), 5000, 6000);
    Ipv6Spec s;
    s.next = 44;
    const Buf p1 = ethernet(ipv6(ipv6_fragment(17, 0, true, 7, Buf(whole.begin(), whole.begin() + 16)), s), 0x86dd);
    const Buf p2 = ethernet(ipv6(ipv6_fragment(17, 16, false, 7, Buf(whole.begin() + 16, whole.end())), s), 0x86dd);
    const Decoded d1 = decode_packet(flows, p1, 1);
    EXPECT_EQ(d1.columns.info, "IPv6 fragment (off=0 more=y ident=0x00000007 nxt=17)");
    const Decoded d2 = decode_packet(flows, p2, 1, 2);
    EXPECT_EQ(d2.field("udp.length"), "32");

    // Pass two on the completing frame, without the first fragment at hand.
    FrameInput in;
    in.number = FrameNumber{2};
    in.record.cap_len = in.record.wire_len = static_cast<std::uint32_t>(p2.size());
    in.data = Bytes(p2.data(), p2.size());
    in.link_type = 1;
    FieldTree tree;
    Columns cols;
    dissect_frame(in, flows, DissectMode::Replay, &tree, &cols);
    EXPECT_EQ(cols.info, "5000 \xe2\x86\x92 6000 Len=24");
}
