// SPDX-License-Identifier: GPL-3.0-or-later
// Ethernet II and IEEE 802.3 framing, 802.1Q/802.1ad tags, and the EtherType
// dispatch shared by every link layer that carries an EtherType.
#include "decode/decode_util.h"
#include "decode/layers.h"

namespace seqscope {

namespace {

const char* ethertype_name(std::uint16_t t) {
    switch (t) {
    case 0x0800: return "IPv4";
    case 0x0806: return "ARP";
    case 0x0842: return "Wake on LAN";
    case 0x22f3: return "TRILL";
    case 0x6558: return "Transparent Ethernet bridging";
    case 0x8035: return "RARP";
    case 0x809b: return "AppleTalk LLAP bridging";
    case 0x80f3: return "AARP";
    case 0x8100: return "802.1Q Virtual LAN";
    case 0x8137: return "Netware IPX/SPX";
    case 0x86dd: return "IPv6";
    case 0x8808: return "MAC Control";
    case 0x8809: return "Slow Protocols";
    case 0x8847: return "MPLS label switched packet";
    case 0x8848: return "MPLS multicast label switched packet";
    case 0x8863: return "PPPoE Discovery";
    case 0x8864: return "PPPoE Session";
    case 0x888e: return "802.1X Authentication";
    case 0x88a8: return "802.1ad Provider Bridge (Q-in-Q)";
    case 0x88cc: return "802.1 Link Layer Discovery Protocol (LLDP)";
    case 0x88e5: return "802.1AE (MACsec)";
    case 0x88f7: return "PTPv2 over Ethernet (IEEE1588)";
    case 0x893a: return "IEEE 1905.1a";
    case 0x9000: return "Loopback";
    case 0x9100: return "VLAN tagged frame";
    default: return nullptr;
    }
}

std::string type_label(std::uint16_t t) {
    const char* n = ethertype_name(t);
    return std::string("Type: ") + (n ? n : "Unknown") + " (" + hex(t, 4) + ")";
}

void add_mac(DecodeContext& ctx, TreeIndex node, std::string_view abbrev, std::string_view label, Bytes mac,
             std::uint32_t offset) {
    const std::string text = format_mac(mac.data());
    const auto n = ctx.tree->add(node, abbrev, text, std::string(label) + ": " + text, offset, 6);
    ctx.tree->add(n, "eth.addr", text, "Address: " + text, offset, 6);
}

}  // namespace

void decode_ethertype(DecodeContext& ctx, std::uint16_t type, ByteReader r, TreeIndex parent,
                      std::uint32_t reported) {
    (void)parent;
    switch (type) {
    case 0x0800: decode_ipv4(ctx, r, FieldTree::kRoot, reported); return;
    case 0x86dd: decode_ipv6(ctx, r, FieldTree::kRoot, reported); return;
    case 0x0806: decode_arp(ctx, r, FieldTree::kRoot, reported); return;
    case 0x8100:
    case 0x88a8:
    case 0x9100: decode_vlan(ctx, r, FieldTree::kRoot, reported); return;
    default: break;
    }
    // No decoder: tshark names the EtherType in the columns and shows the bytes as data.
    set_protocol(ctx, hex(type, 4));
    if (const char* n = ethertype_name(type)) set_info(ctx, n);
    decode_data(ctx, r, FieldTree::kRoot);
}

void decode_ethernet(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    const std::uint32_t base = ctx.offset_of(r.data());
    if (!r.has(14)) {
        if (ctx.tree) ctx.tree->add(parent, "eth", {}, "Ethernet II", base, static_cast<std::uint32_t>(r.size()));
        mark_short(ctx, parent, "Ethernet", 14, r.size(), reported);
        return;
    }
    const Bytes dst = r.bytes(6);
    const Bytes src = r.bytes(6);
    const std::uint16_t type = r.u16();
    std::string src_text, dst_text;
    if (ctx.wants_text()) {
        src_text = format_mac(src.data());
        dst_text = format_mac(dst.data());
        set_addresses(ctx, src_text, dst_text);
    }
    const std::uint32_t rest = reported >= 14 ? reported - 14 : 0;
    if (type <= 1500) {
        // IEEE 802.3: a length, then LLC (not decoded by seqscope, so data).
        set_protocol(ctx, "Ethernet");
        set_info(ctx, "IEEE 802.3 Ethernet ");
        TreeIndex node = parent;
        if (ctx.tree) {
            node = ctx.tree->add(parent, "eth", {}, "IEEE 802.3 Ethernet ", base, 14);
            add_mac(ctx, node, "eth.dst", "Destination", dst, base);
            add_mac(ctx, node, "eth.src", "Source", src, base + 6);
            const auto len_node = ctx.tree->add(node, "eth.len", std::to_string(type), "Length: " + std::to_string(type), base + 12, 2);
            if (type > rest)
                ctx.tree->add_text(len_node, "[Expert Info (Error/Malformed): Length field value goes past the end of the payload]");
        }
        Bytes body = r.rest();
        if (type < body.size()) body = body.first(type);
        decode_data(ctx, ByteReader(body), FieldTree::kRoot);
        return;
    }
    set_protocol(ctx, "Ethernet");
    set_info(ctx, "Ethernet II");
    if (ctx.tree) {
        const TreeIndex node = ctx.tree->add(parent, "eth", {}, "Ethernet II, Src: " + src_text + ", Dst: " + dst_text, base, 14);
        add_mac(ctx, node, "eth.dst", "Destination", dst, base);
        add_mac(ctx, node, "eth.src", "Source", src, base + 6);
        ctx.tree->add(node, "eth.type", hex(type, 4), type_label(type), base + 12, 2);
    }
    decode_ethertype(ctx, type, ByteReader(r.rest()), FieldTree::kRoot, rest);
}

void decode_vlan(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    const std::uint32_t base = ctx.offset_of(r.data());
    if (!r.has(4)) {
        mark_short(ctx, parent, "VLAN", 4, r.size(), reported);
        return;
    }
    const std::uint16_t tci = r.u16();
    const std::uint16_t type = r.u16();
    const unsigned pri = tci >> 13, dei = (tci >> 12) & 1, id = tci & 0x0fff;
    const std::string summary =
        "PRI: " + std::to_string(pri) + ", DEI: " + std::to_string(dei) + ", ID: " + std::to_string(id);
    set_protocol(ctx, "VLAN");
    set_info(ctx, "PRI: " + std::to_string(pri) + "  DEI: " + std::to_string(dei) + "  ID: " + std::to_string(id));
    if (ctx.tree) {
        const TreeIndex node = ctx.tree->add(parent, "vlan", {}, "802.1Q Virtual LAN, " + summary, base, 4);
        ctx.tree->add(node, "vlan.priority", std::to_string(pri), "Priority: " + std::to_string(pri), base, 2);
        ctx.tree->add(node, "vlan.dei", std::to_string(dei), std::string("DEI: ") + (dei ? "Eligible" : "Ineligible"), base, 2);
        ctx.tree->add(node, "vlan.id", std::to_string(id), "ID: " + std::to_string(id), base, 2);
        if (type <= 1500) ctx.tree->add(node, "vlan.len", std::to_string(type), "Length: " + std::to_string(type), base + 2, 2);
        else ctx.tree->add(node, "vlan.etype", hex(type, 4), type_label(type), base + 2, 2);
    }
    const std::uint32_t rest = reported >= 4 ? reported - 4 : 0;
    if (type <= 1500) {
        decode_data(ctx, ByteReader(r.rest()), FieldTree::kRoot);
        return;
    }
    decode_ethertype(ctx, type, ByteReader(r.rest()), FieldTree::kRoot, rest);
}

}  // namespace seqscope
