// SPDX-License-Identifier: GPL-3.0-or-later
// Linux "cooked" capture headers: SLL (LINKTYPE 113, 16 bytes) and SLL2
// (LINKTYPE 276, 20 bytes), as written by `tcpdump -i any`.
#include "decode/decode_util.h"
#include "decode/layers.h"

namespace seqscope {

namespace {

const char* pkttype_name(std::uint16_t t) {
    switch (t) {
    case 0: return "Unicast to us";
    case 1: return "Broadcast";
    case 2: return "Multicast";
    case 3: return "Unicast to another host";
    case 4: return "Sent by us";
    default: return "Unknown";
    }
}

std::string link_address(std::uint16_t hatype, Bytes addr) {
    if ((hatype == 1 || hatype == 772) && addr.size() == 6) return format_mac(addr.data());
    if (addr.size() == 4) return format_ipv4(addr.data());
    std::string out;
    for (std::size_t i = 0; i < addr.size(); ++i) {
        if (i) out += ':';
        out += hex_bytes(addr.subspan(i, 1));
    }
    return out;
}

struct CookedHeader {
    std::uint16_t protocol = 0, hatype = 0, pkttype = 0, halen = 0;
    Bytes addr;
};

// What follows the header: an EtherType, or one of the Linux pseudo-protocols below 0x600.
void dispatch(DecodeContext& ctx, const CookedHeader& h, ByteReader payload, std::uint32_t rest) {
    const std::string src = link_address(h.hatype, h.addr);
    set_addresses(ctx, src, {});
    set_protocol(ctx, "SLL");
    set_info(ctx, pkttype_name(h.pkttype));
    if (h.protocol >= 0x0600) decode_ethertype(ctx, h.protocol, payload, FieldTree::kRoot, rest);
    else decode_data(ctx, payload, FieldTree::kRoot);
}

void add_common(DecodeContext& ctx, TreeIndex node, const CookedHeader& h, std::uint32_t base,
                std::uint32_t pkt_off, std::uint32_t ha_off, std::uint32_t halen_off, std::uint32_t addr_off,
                int pkttype_width) {
    FieldTree& t = *ctx.tree;
    t.add(node, "sll.pkttype", std::to_string(h.pkttype),
          std::string("Packet type: ") + pkttype_name(h.pkttype) + " (" + std::to_string(h.pkttype) + ")", base + pkt_off,
          static_cast<std::uint32_t>(pkttype_width));
    t.add(node, "sll.hatype", std::to_string(h.hatype),
          std::string("Link-layer address type: ") + (h.hatype == 1 ? "Ethernet" : h.hatype == 772 ? "Loopback" : "Unknown") +
              " (" + std::to_string(h.hatype) + ")",
          base + ha_off, 2);
    t.add(node, "sll.halen", std::to_string(h.halen), "Link-layer address length: " + std::to_string(h.halen),
          base + halen_off, pkttype_width == 1 ? 1 : 2);
    if (!h.addr.empty()) {
        const std::string a = link_address(h.hatype, h.addr);
        t.add(node, h.addr.size() == 6 ? "sll.src.eth" : "sll.src.other", a, "Source: " + a, base + addr_off,
              static_cast<std::uint32_t>(h.addr.size()));
    }
}

}  // namespace

void decode_sll(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    const std::uint32_t base = ctx.offset_of(r.data());
    if (!r.has(16)) {
        if (ctx.tree) ctx.tree->add(parent, "sll", {}, "Linux cooked capture v1", base, static_cast<std::uint32_t>(r.size()));
        mark_short(ctx, parent, "SLL", 16, r.size(), reported);
        return;
    }
    CookedHeader h;
    h.pkttype = r.u16();
    h.hatype = r.u16();
    h.halen = r.u16();
    const Bytes addr = r.bytes(8);
    h.addr = addr.first(std::min<std::size_t>(h.halen, 8));
    h.protocol = r.u16();
    if (ctx.tree) {
        const TreeIndex node = ctx.tree->add(parent, "sll", {}, "Linux cooked capture v1", base, 16);
        add_common(ctx, node, h, base, 0, 2, 4, 6, 2);
        if (h.halen < 8) ctx.tree->add(node, "sll.unused", hex_bytes(addr.subspan(h.halen)), "Unused: " + hex_bytes(addr.subspan(h.halen)), base + 6 + h.halen, 8 - h.halen);
        ctx.tree->add(node, "sll.etype", hex(h.protocol, 4), "Protocol: " + hex(h.protocol, 4), base + 14, 2);
    }
    dispatch(ctx, h, ByteReader(r.rest()), reported >= 16 ? reported - 16 : 0);
}

void decode_sll2(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    const std::uint32_t base = ctx.offset_of(r.data());
    if (!r.has(20)) {
        if (ctx.tree) ctx.tree->add(parent, "sll", {}, "Linux cooked capture v2", base, static_cast<std::uint32_t>(r.size()));
        mark_short(ctx, parent, "SLL", 20, r.size(), reported);
        return;
    }
    CookedHeader h;
    h.protocol = r.u16();
    r.skip(2);  // reserved
    const std::uint32_t ifindex = r.u32();
    h.hatype = r.u16();
    h.pkttype = r.u8();
    h.halen = r.u8();
    const Bytes addr = r.bytes(8);
    h.addr = addr.first(std::min<std::size_t>(h.halen, 8));
    if (ctx.tree) {
        const TreeIndex node = ctx.tree->add(parent, "sll", {}, "Linux cooked capture v2", base, 20);
        ctx.tree->add(node, "sll.etype", hex(h.protocol, 4), "Protocol: " + hex(h.protocol, 4), base, 2);
        ctx.tree->add(node, "sll.ifindex", std::to_string(ifindex), "Interface index: " + std::to_string(ifindex), base + 4, 4);
        add_common(ctx, node, h, base, 10, 8, 11, 12, 1);
        if (h.halen < 8) ctx.tree->add(node, "sll.unused", hex_bytes(addr.subspan(h.halen)), "Unused: " + hex_bytes(addr.subspan(h.halen)), base + 12 + h.halen, 8 - h.halen);
    }
    dispatch(ctx, h, ByteReader(r.rest()), reported >= 20 ? reported - 20 : 0);
}

}  // namespace seqscope
