// SPDX-License-Identifier: GPL-3.0-or-later
// IPv6 (RFC 8200): the fixed header, the extension-header chain (hop-by-hop,
// routing, fragment, destination options), fragment reassembly, and the payload.
#include "decode/decode_util.h"
#include "decode/layers.h"

#include <cstdio>

namespace seqscope {

namespace {

struct ExtHeader {
    const char* proto;   // "ipv6.hopopts"
    const char* prefix;  // field prefix
    const char* title;
};

const ExtHeader* ext_header(std::uint8_t nxt) {
    static constexpr ExtHeader kHop{"ipv6.hopopts", "ipv6.hopopts", "IPv6 Hop-by-Hop Option"};
    static constexpr ExtHeader kRouting{"ipv6.routing", "ipv6.routing", "Routing Header for IPv6"};
    static constexpr ExtHeader kDst{"ipv6.dstopts", "ipv6.dstopts", "Destination Options for IPv6"};
    switch (nxt) {
    case 0: return &kHop;
    case 43: return &kRouting;
    case 60: return &kDst;
    default: return nullptr;
    }
}

const char* opt_name(std::uint8_t type) {
    switch (type) {
    case 0: return "Pad1";
    case 1: return "PadN";
    case 0xc2: return "Jumbo Payload";
    case 0x05: return "Router Alert";
    case 0x04: return "Tunnel Encapsulation Limit";
    default: return "Unknown";
    }
}

void add_options(DecodeContext& ctx, TreeIndex node, Bytes body, std::uint32_t base) {
    ByteReader r(body);
    while (r.remaining() > 0) {
        const std::uint32_t at = base + static_cast<std::uint32_t>(r.offset());
        const std::uint8_t type = r.u8();
        if (type == 0) {
            const TreeIndex o = ctx.tree->add(node, "ipv6.opt.type", hex(type, 2), "Pad1", at, 1);
            ctx.tree->add(o, "ipv6.opt.pad1", {}, "Pad1", at, 1);
            continue;
        }
        const std::uint8_t len = r.u8();
        if (!r.ok() || !r.has(len)) break;
        r.skip(len);
        const TreeIndex o = ctx.tree->add(node, {}, {}, opt_name(type), at, 2u + len);
        ctx.tree->add(o, "ipv6.opt.type", hex(type, 2), std::string("Type: ") + opt_name(type) + " (" + hex(type, 2) + ")", at, 1);
        ctx.tree->add(o, "ipv6.opt.length", std::to_string(len), "Length: " + std::to_string(len), at + 1, 1);
    }
}

}  // namespace

void decode_ipv6(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    const std::uint32_t base = ctx.offset_of(r.data());
    set_protocol(ctx, "IPv6");
    set_info(ctx, {});
    if (!r.has(40)) {
        if (ctx.tree) ctx.tree->add(parent, "ipv6", {}, "Internet Protocol Version 6", base, static_cast<std::uint32_t>(r.size()));
        mark_short(ctx, parent, "IPv6", 40, r.size(), reported);
        return;
    }
    const std::uint32_t vtf = r.u32();
    const std::uint16_t plen = r.u16();
    std::uint8_t nxt = r.u8();
    const std::uint8_t hlim = r.u8();
    const Bytes src = r.bytes(16);
    const Bytes dst = r.bytes(16);
    const std::uint8_t version = static_cast<std::uint8_t>(vtf >> 28);
    const std::uint8_t tclass = static_cast<std::uint8_t>((vtf >> 20) & 0xff);
    const std::uint32_t flow = vtf & 0xfffff;
    const Address a_src = Address::v6(src.data()), a_dst = Address::v6(dst.data());
    std::string s_src, s_dst;
    if (ctx.wants_text()) {
        s_src = format_ipv6(src.data());
        s_dst = format_ipv6(dst.data());
        set_addresses(ctx, s_src, s_dst);
    }
    if (ctx.quote_depth == 0 && ctx.view.net_src.family == 0) {
        ctx.view.net_src = a_src;
        ctx.view.net_dst = a_dst;
    }
    const std::uint32_t rest_reported = reported - 40;
    TreeIndex node = parent;
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        node = t.add(parent, "ipv6", {}, "Internet Protocol Version 6, Src: " + s_src + ", Dst: " + s_dst, base, 40);
        t.add(node, "ipv6.version", std::to_string(version), "Version: " + std::to_string(version), base, 1);
        const TreeIndex tc = t.add(node, "ipv6.tclass", hex(tclass, 8),
                                   "Traffic Class: " + hex(tclass, 2) + " (DSCP: " + std::to_string(tclass >> 2) +
                                       ", ECN: " + std::to_string(tclass & 3) + ")",
                                   base, 4);
        t.add(tc, "ipv6.tclass.dscp", std::to_string(tclass >> 2), "Differentiated Services Codepoint: " + std::to_string(tclass >> 2), base, 4);
        t.add(tc, "ipv6.tclass.ecn", std::to_string(tclass & 3), "Explicit Congestion Notification: " + std::to_string(tclass & 3), base, 4);
        t.add(node, "ipv6.flow", hex(flow, 5), "Flow Label: " + hex(flow, 5), base, 4);
        const TreeIndex pl = t.add(node, "ipv6.plen", std::to_string(plen), "Payload Length: " + std::to_string(plen), base + 4, 2);
        if (plen > rest_reported)
            t.add_text(pl, "[Expert Info (Error/Protocol): IPv6 payload length exceeds framing length (" + std::to_string(rest_reported) + " bytes)]");
        t.add(node, "ipv6.nxt", std::to_string(nxt), std::string("Next Header: ") + ip_proto_name(nxt) + " (" + std::to_string(nxt) + ")", base + 6, 1);
        t.add(node, "ipv6.hlim", std::to_string(hlim), "Hop Limit: " + std::to_string(hlim), base + 7, 1);
        t.add(node, "ipv6.src", s_src, "Source Address: " + s_src, base + 8, 16);
        t.add_hidden(node, "ipv6.addr", s_src, base + 8, 16);
        t.add_hidden(node, "ipv6.src_host", s_src, base + 8, 16);
        t.add_hidden(node, "ipv6.host", s_src, base + 8, 16);
        t.add(node, "ipv6.dst", s_dst, "Destination Address: " + s_dst, base + 24, 16);
        t.add_hidden(node, "ipv6.addr", s_dst, base + 24, 16);
        t.add_hidden(node, "ipv6.dst_host", s_dst, base + 24, 16);
        t.add_hidden(node, "ipv6.host", s_dst, base + 24, 16);
    }
    // A payload length past the frame is reported, and the frame's end is used.
    std::uint32_t pay_reported = std::min<std::uint32_t>(plen, rest_reported);
    if (plen == 0) pay_reported = rest_reported;  // jumbogram or TSO: trust the frame
    Bytes pay = r.rest();
    if (pay.size() > pay_reported) pay = pay.first(pay_reported);
    ByteReader p(pay);

    IpInfo ip;
    ip.src = a_src;
    ip.dst = a_dst;
    ip.version = 6;
    ip.ttl = hlim;

    // The extension-header chain.
    for (int guard = 0; guard < 32; ++guard) {
        const std::uint32_t at = ctx.offset_of(p.data()) + static_cast<std::uint32_t>(p.offset());
        if (const ExtHeader* e = ext_header(nxt)) {
            if (!p.has(2)) {
                mark_short(ctx, node, e->title, p.offset() + 2, p.size(), pay_reported);
                return;
            }
            const std::uint8_t next = p.peek_u8(p.offset());
            const std::uint8_t len8 = p.peek_u8(p.offset() + 1);
            const std::size_t len = (std::size_t{len8} + 1) * 8;
            if (!p.has(len)) {
                mark_short(ctx, node, e->title, p.offset() + len, p.size(), pay_reported);
                return;
            }
            const Bytes h = p.bytes(len);
            if (ctx.tree) {
                FieldTree& t = *ctx.tree;
                const std::string pre = e->prefix;
                const TreeIndex en = t.add(node, e->proto, {}, e->title, at, static_cast<std::uint32_t>(len));
                t.add(en, nxt == 0 ? "ipv6.hopopts.nxt" : nxt == 43 ? "ipv6.routing.nxt" : "ipv6.dstopts.nxt",
                      std::to_string(next), std::string("Next Header: ") + ip_proto_name(next) + " (" + std::to_string(next) + ")", at, 1);
                t.add(en, nxt == 0 ? "ipv6.hopopts.len" : nxt == 43 ? "ipv6.routing.len" : "ipv6.dstopts.len",
                      std::to_string(len8), "Length: " + std::to_string(len8), at + 1, 1);
                t.add(en, nxt == 0 ? "ipv6.hopopts.len_oct" : nxt == 43 ? "ipv6.routing.len_oct" : "ipv6.dstopts.len_oct",
                      std::to_string(len), "[Length: " + std::to_string(len) + " bytes]", at + 1, 1);
                if (nxt == 43) {
                    t.add(en, "ipv6.routing.type", std::to_string(h[2]), "Type: " + std::to_string(h[2]), at + 2, 1);
                    t.add(en, "ipv6.routing.segleft", std::to_string(h[3]), "Segments Left: " + std::to_string(h[3]), at + 3, 1);
                } else {
                    add_options(ctx, en, h.subspan(2), at + 2);
                }
            }
            nxt = next;
            continue;
        }
        if (nxt == 44) {
            if (!p.has(8)) {
                mark_short(ctx, node, "IPv6 fragment", p.offset() + 8, p.size(), pay_reported);
                return;
            }
            const std::uint8_t next = p.u8();
            const std::uint8_t reserved = p.u8();
            const std::uint16_t off_m = p.u16();
            const std::uint32_t ident = p.u32();
            const std::uint32_t off = (off_m & 0xfff8u);
            const bool more = off_m & 1;
            if (ctx.tree) {
                FieldTree& t = *ctx.tree;
                const TreeIndex fn = t.add(node, "ipv6.fraghdr", {}, "Fragment Header for IPv6", at, 8);
                t.add(fn, "ipv6.fraghdr.nxt", std::to_string(next), std::string("Next header: ") + ip_proto_name(next) + " (" + std::to_string(next) + ")", at, 1);
                t.add(fn, "ipv6.fraghdr.reserved_octet", hex(reserved, 2), "Reserved octet: " + hex(reserved, 2), at + 1, 1);
                t.add(fn, "ipv6.fraghdr.offset", std::to_string(off / 8), "Offset: " + std::to_string(off / 8) + " (" + std::to_string(off) + " bytes)", at + 2, 2);
                t.add(fn, "ipv6.fraghdr.more", more ? "1" : "0", std::string("More Fragments: ") + (more ? "Yes" : "No"), at + 2, 2);
                t.add(fn, "ipv6.fraghdr.ident", hex(ident, 8), "Identification: " + hex(ident, 8), at + 4, 4);
            }
            nxt = next;
            if (off == 0 && !more) continue;  // an atomic fragment: nothing to reassemble
            const std::uint32_t frag_reported = pay_reported - static_cast<std::uint32_t>(p.offset());
            const Bytes frag = p.rest();
            const FragmentKey key{a_src, a_dst, ident, 0};
            const ReassembledDatagram* d = nullptr;
            if (frag.size() == frag_reported)
                d = ctx.track() ? ctx.state.ip_fragments.add(ctx.in.number, key, off, frag, more)
                                : ctx.state.ip_fragments.completed_at(ctx.in.number, key);
            if (!d) {
                if (ctx.quote_depth == 0) ctx.view.ip_fragment = true;
                char buf[96];
                std::snprintf(buf, sizeof buf, "IPv6 fragment (off=%u more=%c ident=0x%08x nxt=%u)", off, more ? 'y' : 'n', ident, next);
                set_info(ctx, buf);
                decode_data(ctx, ByteReader(frag), FieldTree::kRoot);
                return;
            }
            if (ctx.tree) {
                std::string label = "[" + std::to_string(d->frames.size()) + " IPv6 Fragments (" + std::to_string(d->payload.size()) + " bytes): ";
                for (std::size_t i = 0; i < d->frames.size(); ++i) {
                    if (i) label += ", ";
                    label += "#" + std::to_string(d->frames[i]) + "(" + std::to_string(d->lengths[i]) + ")";
                }
                ctx.tree->add(FieldTree::kRoot, "ipv6.fragments", {}, label + "]");
            }
            ip.reported = static_cast<std::uint32_t>(d->payload.size());
            decode_ip_payload(ctx, nxt, ByteReader(Bytes(d->payload)), FieldTree::kRoot, ip);
            return;
        }
        break;
    }
    if (nxt == 59) {
        set_info(ctx, "IPv6 no next header");
        if (p.remaining() > 0) decode_data(ctx, ByteReader(p.rest()), FieldTree::kRoot);
        return;
    }
    ip.reported = pay_reported - static_cast<std::uint32_t>(std::min<std::size_t>(p.offset(), pay_reported));
    decode_ip_payload(ctx, nxt, ByteReader(p.rest()), FieldTree::kRoot, ip);
}

}  // namespace seqscope
