// SPDX-License-Identifier: GPL-3.0-or-later
// IP payload dispatch by protocol number, tshark's protocol-name table for the
// numbers seqscope has no decoder for, and the "data" pseudo-protocol.
#include "decode/decode_util.h"
#include "decode/layers.h"

namespace seqscope {

namespace {

// tshark 4.0's names (epan/ipproto.c), read off its own output for every number.
constexpr const char* kNames[144] = {
    "IPv6 Hop-by-Hop Option",
    "ICMP",
    "IGMP",
    "GGP",
    "IPIP",
    "Stream",
    "TCP",
    "CBT",
    "EGP",
    "IGRP",
    "BBN RCC",
    "Network Voice",
    "PUP",
    "ARGUS",
    "EMCON",
    "XNET",
    "CHAOS",
    "UDP",
    "Multiplex",
    "DCN Measurement",
    "Host Monitoring",
    "Packet radio",
    "IDP",
    "Trunk-1",
    "Trunk-2",
    "Leaf-1",
    "Leaf-2",
    "Reliable Data",
    "IRT",
    "ISO TP4",
    "Bulk Data",
    "MFE NSP",
    "Merit Internodal",
    "Datagram Congestion Control Protocol",
    "3rd Party Connect",
    "Inter-Domain Policy Routing Protocol",
    "XTP",
    "Datagram delivery",
    "Control Message",
    "TP++",
    "IL",
    "IPv6",
    "Source demand routing",
    "Routing Header for IPv6",
    "Fragment Header for IPv6",
    "Inter-Domain Routing Protocol",
    "Reservation Protocol",
    "Generic Routing Encapsulation",
    "Dynamic source routing",
    "BNA",
    "Encap Security Payload",
    "Authentication Header",
    "INSLP",
    "SWIPE",
    "NBMA ARP",
    "IP Mobility",
    "TLSP Kryptonet",
    "SKIP",
    "ICMPv6",
    "No Next Header for IPv6",
    "Destination Options for IPv6",
    "any host internal protocol",
    "Mobile IPv6 (old)",
    "any local network",
    "SATNET EXPAK",
    "Kryptolan",
    "Remote Virtual Disk",
    "IPPC",
    "any distributed file system",
    "SATNET Monitoring",
    "VISA",
    "IPCV",
    "CPNX",
    "CPHB",
    "Wang Span",
    "Packet Video",
    "Backroom SATNET Mon",
    "Sun ND Protocol",
    "Wideband Mon",
    "Wideband Expak",
    "ISO Internet Protocol",
    "VMTP",
    "Secure VMTP",
    "VINES",
    "TTP",
    "NSFNET IGP",
    "Dissimilar Gateway",
    "TCF",
    "EIGRP",
    "OSPF IGP",
    "Sprite RPC",
    "Locus ARP",
    "Multicast Transport",
    "AX.25 Frames",
    "IP in IP",
    "MICP",
    "Semaphore",
    "Ether in IP",
    "ENCAP",
    "any private encryption scheme",
    "GMTP",
    "Ipsilon Flow",
    "PNNI over IP",
    "PIM",
    "ARIS",
    "SCPS",
    "QNX",
    "Active Networks",
    "IPComp",
    "Sitara Networks",
    "Compaq Peer",
    "IPX IN IP",
    "VRRP",
    "PGM",
    "any 0-hop protocol",
    "Layer 2 Tunneling",
    "DDX",
    "IATP",
    "STP",
    "SpectraLink",
    "UTI",
    "SMP",
    "SM",
    "PTP",
    "ISIS over IP",
    "FIRE",
    "CRTP",
    "CRUDP",
    "SSCOPMCE",
    "IPLT",
    "Secure Packet",
    "PIPE",
    "SCTP",
    "Fibre Channel",
    "RSVP E2EI",
    "Mobile IPv6",
    "UDPLite",
    "MPLS in IP",
    "MANET",
    "HIP",
    "Shim6 header",
    "WESP",
    "ROHC",
    "Ethernet"};

}  // namespace

const char* ip_proto_name(std::uint8_t proto) {
    if (proto < 144) return kNames[proto];
    if (proto == 173) return "AX/4000 Testframe";
    if (proto == 224) return "Novell NCS Heartbeat";
    if (proto < 224) return "Unassigned";
    return "Unknown";
}

void decode_ip_payload(DecodeContext& ctx, std::uint8_t proto, ByteReader r, TreeIndex parent, const IpInfo& ip) {
    if (ctx.stopped) return;
    if (ctx.quote_depth == 0) ctx.view.ip_proto = proto;
    switch (proto) {
    case 6: decode_tcp(ctx, r, parent, ip); return;
    case 17: decode_udp(ctx, r, parent, ip); return;
    case 1: decode_icmp(ctx, r, parent, ip); return;
    case 58: decode_icmpv6(ctx, r, parent, ip); return;
    case 4: decode_ipv4(ctx, r, parent, ip.reported); return;
    case 41: decode_ipv6(ctx, r, parent, ip.reported); return;
    default: break;
    }
    // No decoder here: the IP layer names the protocol in Info (IPv6 shows nothing
    // for AH, whose dissector is an extension header there).
    if (!(ip.version == 6 && proto == 51))
        set_info(ctx, std::string(ip_proto_name(proto)) + " (" + std::to_string(proto) + ")");
    decode_data(ctx, r, parent);
}

void decode_data(DecodeContext& ctx, ByteReader r, TreeIndex parent) {
    if (!ctx.tree || r.remaining() == 0) return;
    const Bytes b = r.rest();
    const std::uint32_t at = ctx.offset_of(b);
    const std::string n = std::to_string(b.size());
    const TreeIndex d = ctx.tree->add(parent, "data", {}, "Data (" + n + (b.size() == 1 ? " byte)" : " bytes)"), at,
                                      static_cast<std::uint32_t>(b.size()));
    ctx.tree->add(d, "data.data", hex_bytes(b), "Data: " + hex_bytes(b), at, static_cast<std::uint32_t>(b.size()));
    ctx.tree->add(d, "data.len", n, "[Length: " + n + "]");
}

}  // namespace seqscope
