// SPDX-License-Identifier: GPL-3.0-or-later
// Link-layer dispatch by the interface's LINKTYPE, plus the header-less link
// types: BSD NULL/LOOP (a 4-byte address family) and raw IP.
#include "decode/decode_util.h"
#include "decode/layers.h"

namespace seqscope {

namespace {

void decode_raw(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    if (ctx.tree) ctx.tree->add(parent < 0 ? FieldTree::kRoot : parent, "raw", {}, "Raw packet data");
    if (!r.has(1)) {
        mark_short(ctx, parent, "Raw", 1, r.size(), reported);
        return;
    }
    const std::uint8_t version = r.peek_u8(0) >> 4;
    set_protocol(ctx, "Raw");
    set_info(ctx, "Raw packet data");
    if (version == 4) decode_ipv4(ctx, r, FieldTree::kRoot, reported);
    else if (version == 6) decode_ipv6(ctx, r, FieldTree::kRoot, reported);
    else decode_data(ctx, r, FieldTree::kRoot);
}

}  // namespace

void decode_link(DecodeContext& ctx, TreeIndex) {
    const ByteReader r(ctx.in.data);
    const std::uint32_t reported = ctx.in.record.wire_len;
    switch (ctx.in.link_type) {
    case linktype::kEthernet: decode_ethernet(ctx, r, FieldTree::kRoot, reported); break;
    case linktype::kLinuxSll: decode_sll(ctx, r, FieldTree::kRoot, reported); break;
    case linktype::kLinuxSll2: decode_sll2(ctx, r, FieldTree::kRoot, reported); break;
    case linktype::kNull: decode_null(ctx, r, FieldTree::kRoot, reported, false); break;
    case linktype::kLoop: decode_null(ctx, r, FieldTree::kRoot, reported, true); break;
    case linktype::kRaw: decode_raw(ctx, r, FieldTree::kRoot, reported); break;
    case linktype::kIpv4: decode_ipv4(ctx, r, FieldTree::kRoot, reported); break;
    case linktype::kIpv6: decode_ipv6(ctx, r, FieldTree::kRoot, reported); break;
    default:
        set_protocol(ctx, "Unknown");
        set_info(ctx, "WTAP_ENCAP = " + std::to_string(ctx.in.link_type));
        decode_data(ctx, r, FieldTree::kRoot);
    }
}

void decode_null(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported, bool loop) {
    const TreeIndex node =
        ctx.tree ? ctx.tree->add(parent, "null", {}, "Null/Loopback", 0, static_cast<std::uint32_t>(std::min<std::size_t>(4, r.size())))
                 : parent;
    if (!r.has(4)) {
        mark_short(ctx, node, "Null/Loopback", 4, r.size(), reported);
        return;
    }
    const std::uint8_t b0 = r.peek_u8(0), b1 = r.peek_u8(1), b2 = r.peek_u8(2), b3 = r.peek_u8(3);
    std::uint32_t family = 0;
    if (loop) {
        family = r.peek_u32(0);  // LOOP is always network byte order
    } else {
        // NULL is in the capturing host's byte order, which the file does not say.
        // Guess as tshark does: read little-endian; if the upper half is set, the
        // value was big-endian (or a PPP-style 2-byte type in the upper half).
        const std::uint32_t le = std::uint32_t{b0} | (std::uint32_t{b1} << 8) | (std::uint32_t{b2} << 16) |
                                 (std::uint32_t{b3} << 24);
        if ((le & 0xFFFF0000u) != 0) {
            if (b3 == 0 && b2 < 6) family = le >> 16;
            else family = r.peek_u32(0);
        } else if (b0 == 0 && b1 < 6) {
            family = le >> 8;
        } else {
            family = le;
        }
    }
    r.skip(4);
    const std::uint32_t rest = reported >= 4 ? reported - 4 : 0;
    ByteReader payload(r.rest());
    set_protocol(ctx, "NULL");
    set_info(ctx, "Null/Loopback");
    if (family > 1500) {
        // Some systems put an Ethernet type here instead of an address family.
        if (ctx.tree) ctx.tree->add(node, "null.type", hex(family & 0xffff, 4), "Type: " + hex(family & 0xffff, 4), 0, 4);
        decode_ethertype(ctx, static_cast<std::uint16_t>(family), payload, FieldTree::kRoot, rest);
        return;
    }
    const char* name = "Unknown";
    switch (family) {
    case 2: name = "IP"; break;
    case 7: name = "OSI"; break;
    case 16: name = "Appletalk"; break;
    case 23: name = "Netware IPX/SPX"; break;
    case 24: case 28: case 30: name = "IPv6"; break;
    default: break;
    }
    if (ctx.tree)
        ctx.tree->add(node, "null.family", std::to_string(family),
                      std::string("Family: ") + name + " (" + std::to_string(family) + ")", 0, 4);
    if (family == 2) decode_ipv4(ctx, payload, FieldTree::kRoot, rest);
    else if (family == 24 || family == 28 || family == 30) decode_ipv6(ctx, payload, FieldTree::kRoot, rest);
    else decode_data(ctx, payload, FieldTree::kRoot);
}

}  // namespace seqscope
