// SPDX-License-Identifier: GPL-3.0-or-later
// ARP (RFC 826) for Ethernet/IPv4, with tshark's Info wording for requests,
// replies, probes, announcements and gratuitous ARP.
#include "decode/decode_util.h"
#include "decode/layers.h"

#include <algorithm>

namespace seqscope {

namespace {

const char* opcode_name(std::uint16_t op) {
    switch (op) {
    case 1: return "request";
    case 2: return "reply";
    case 3: return "reverse request";
    case 4: return "reverse reply";
    case 8: return "inverse request";
    case 9: return "inverse reply";
    default: return "unknown";
    }
}

bool all_zero(Bytes b) { return std::all_of(b.begin(), b.end(), [](std::uint8_t c) { return c == 0; }); }

}  // namespace

void decode_arp(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    const std::uint32_t base = ctx.offset_of(r.data());
    set_protocol(ctx, "ARP");
    if (!r.has(8)) {
        if (ctx.tree) ctx.tree->add(parent, "arp", {}, "Address Resolution Protocol", base, static_cast<std::uint32_t>(r.size()));
        mark_short(ctx, parent, "ARP", 8, r.size(), reported);
        return;
    }
    const std::uint16_t hw_type = r.u16();
    const std::uint16_t proto_type = r.u16();
    const std::uint8_t hw_size = r.u8();
    const std::uint8_t proto_size = r.u8();
    const std::uint16_t op = r.u16();
    const std::size_t need = 8 + 2 * (std::size_t{hw_size} + proto_size);
    const bool ipv4_eth = hw_size == 6 && proto_size == 4 && proto_type == 0x0800;
    Bytes sha, spa, tha, tpa;
    if (r.has(need - 8)) {
        sha = r.bytes(hw_size);
        spa = r.bytes(proto_size);
        tha = r.bytes(hw_size);
        tpa = r.bytes(proto_size);
    }
    const bool complete = !tpa.empty() || (proto_size == 0 && r.ok());
    // tshark's special cases, in its order of precedence.
    const bool gratuitous = complete && ipv4_eth && std::equal(spa.begin(), spa.end(), tpa.begin(), tpa.end());
    const bool probe = complete && ipv4_eth && op == 1 && all_zero(spa);
    const bool announcement = gratuitous && op == 1 && all_zero(tha);
    std::string kind = opcode_name(op);
    if (announcement) kind = "ARP Announcement";
    else if (probe) kind = "ARP Probe";
    else if (gratuitous) kind = op == 1 ? "request/gratuitous ARP" : "reply/gratuitous ARP";
    if (ipv4_eth && complete) {
        const std::string s_ip = format_ipv4(spa.data()), t_ip = format_ipv4(tpa.data());
        if (op == 1) {
            if (announcement) set_info(ctx, "ARP Announcement for " + s_ip);
            else if (gratuitous) set_info(ctx, "Gratuitous ARP for " + t_ip + " (Request)");
            else if (probe) set_info(ctx, "Who has " + t_ip + "? (ARP Probe)");
            else set_info(ctx, "Who has " + t_ip + "? Tell " + s_ip);
        } else if (op == 2) {
            if (gratuitous) set_info(ctx, "Gratuitous ARP for " + s_ip + " (Reply)");
            else set_info(ctx, s_ip + " is at " + format_mac(sha.data()));
        } else {
            set_info(ctx, std::string("Unknown ARP opcode 0x") + hex(op, 4).substr(2));
        }
    } else if (complete) {
        set_info(ctx, std::string("ARP ") + opcode_name(op));
    }
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        const TreeIndex node = t.add(parent, "arp", {}, "Address Resolution Protocol (" + kind + ")", base,
                                     static_cast<std::uint32_t>(std::min(need, r.size())));
        t.add(node, "arp.hw.type", std::to_string(hw_type),
              std::string("Hardware type: ") + (hw_type == 1 ? "Ethernet" : "Unknown") + " (" + std::to_string(hw_type) + ")", base, 2);
        t.add(node, "arp.proto.type", hex(proto_type, 4),
              std::string("Protocol type: ") + (proto_type == 0x0800 ? "IPv4" : "Unknown") + " (" + hex(proto_type, 4) + ")", base + 2, 2);
        t.add(node, "arp.hw.size", std::to_string(hw_size), "Hardware size: " + std::to_string(hw_size), base + 4, 1);
        t.add(node, "arp.proto.size", std::to_string(proto_size), "Protocol size: " + std::to_string(proto_size), base + 5, 1);
        t.add(node, "arp.opcode", std::to_string(op), std::string("Opcode: ") + opcode_name(op) + " (" + std::to_string(op) + ")", base + 6, 2);
        if (complete && ipv4_eth) {
            std::uint32_t o = base + 8;
            t.add(node, "arp.src.hw_mac", format_mac(sha.data()), "Sender MAC address: " + format_mac(sha.data()), o, 6);
            t.add(node, "arp.src.proto_ipv4", format_ipv4(spa.data()), "Sender IP address: " + format_ipv4(spa.data()), o + 6, 4);
            t.add(node, "arp.dst.hw_mac", format_mac(tha.data()), "Target MAC address: " + format_mac(tha.data()), o + 10, 6);
            t.add(node, "arp.dst.proto_ipv4", format_ipv4(tpa.data()), "Target IP address: " + format_ipv4(tpa.data()), o + 16, 4);
        }
    }
    if (!complete) mark_short(ctx, parent, "ARP", need, r.size(), reported);
}

}  // namespace seqscope
