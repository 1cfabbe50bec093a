// SPDX-License-Identifier: GPL-3.0-or-later
// ICMPv6 (RFC 4443) with NDP (RFC 4861) and MLD: echo matching, neighbour and
// router messages with their link-layer options, and errors with the quoted packet.
#include "decode/decode_util.h"
#include "decode/layers.h"

#include <cstdio>

namespace seqscope {

namespace {

const char* type_name(std::uint8_t type) {
    switch (type) {
    case 1: return "Destination Unreachable";
    case 2: return "Packet Too Big";
    case 3: return "Time Exceeded";
    case 4: return "Parameter Problem";
    case 128: return "Echo (ping) request";
    case 129: return "Echo (ping) reply";
    case 130: return "Multicast Listener Query";
    case 131: return "Multicast Listener Report";
    case 132: return "Multicast Listener Done";
    case 133: return "Router Solicitation";
    case 134: return "Router Advertisement";
    case 135: return "Neighbor Solicitation";
    case 136: return "Neighbor Advertisement";
    case 137: return "Redirect";
    case 143: return "Multicast Listener Report Message v2";
    default: return nullptr;
    }
}

const char* code_name(std::uint8_t type, std::uint8_t code) {
    static constexpr const char* kUnreach[8] = {
        "no route to destination", "communication with destination administratively prohibited",
        "beyond scope of source address", "Address unreachable", "Port unreachable",
        "source address failed ingress/egress policy", "reject route to destination",
        "Error in Source Routing Header"};
    static constexpr const char* kExceeded[2] = {"hop limit exceeded in transit", "fragment reassembly time exceeded"};
    static constexpr const char* kParam[3] = {"erroneous header field encountered",
                                              "unrecognized Next Header type encountered",
                                              "unrecognized IPv6 option encountered"};
    switch (type) {
    case 1: return code < 8 ? kUnreach[code] : nullptr;
    case 3: return code < 2 ? kExceeded[code] : nullptr;
    case 4: return code < 3 ? kParam[code] : nullptr;
    default: return nullptr;
    }
}

const char* option_name(std::uint8_t type) {
    switch (type) {
    case 1: return "Source link-layer address";
    case 2: return "Target link-layer address";
    case 3: return "Prefix information";
    case 4: return "Redirected header";
    case 5: return "MTU";
    case 25: return "Recursive DNS Server";
    default: return "Unknown";
    }
}

// NDP options; returns the source (or, for `want_target`, target) link-layer address.
std::string ndp_options(DecodeContext& ctx, TreeIndex node, ByteReader r, bool want_target = false) {
    std::string src_ll;
    while (r.remaining() >= 2) {
        const std::uint32_t at = ctx.offset_of(r.data()) + static_cast<std::uint32_t>(r.offset());
        const std::uint8_t type = r.peek_u8(r.offset());
        const std::uint8_t len8 = r.peek_u8(r.offset() + 1);
        const std::size_t len = std::size_t{len8} * 8;
        if (len == 0 || !r.has(len)) break;  // a zero length would never end
        const Bytes opt = r.bytes(len);
        std::string mac;
        if ((type == 1 || type == 2) && len >= 8) mac = format_mac(opt.data() + 2);
        if (type == (want_target ? 2 : 1) && src_ll.empty()) src_ll = mac;
        if (ctx.tree) {
            FieldTree& t = *ctx.tree;
            const TreeIndex o = t.add(node, "icmpv6.opt", {}, std::string("ICMPv6 Option (") + option_name(type) + (mac.empty() ? "" : " : " + mac) + ")", at, static_cast<std::uint32_t>(len));
            t.add(o, "icmpv6.opt.type", std::to_string(type), std::string("Type: ") + option_name(type) + " (" + std::to_string(type) + ")", at, 1);
            t.add(o, "icmpv6.opt.length", std::to_string(len8), "Length: " + std::to_string(len8) + " (" + std::to_string(len) + " bytes)", at + 1, 1);
            if (!mac.empty()) {
                t.add(o, "icmpv6.opt.linkaddr", mac, "Link-layer address: " + mac, at + 2, 6);
                t.add_hidden(o, type == 1 ? "icmpv6.opt.src_linkaddr" : "icmpv6.opt.target_linkaddr", mac, at + 2, 6);
            }
        }
    }
    return src_ll;
}

}  // namespace

void decode_icmpv6(DecodeContext& ctx, ByteReader r, TreeIndex parent, const IpInfo& ip) {
    const std::uint32_t base = ctx.offset_of(r.data());
    set_protocol(ctx, "ICMPv6");
    set_info(ctx, {});
    TreeIndex node = parent;
    if (ctx.tree) node = ctx.tree->add(parent, "icmpv6", {}, "Internet Control Message Protocol v6", base, static_cast<std::uint32_t>(r.size()));
    if (!r.has(4)) {
        mark_short(ctx, node, "ICMPv6", 4, r.size(), ip.reported);
        return;
    }
    const std::uint8_t type = r.u8();
    const std::uint8_t code = r.u8();
    const std::uint16_t checksum = r.u16();
    const char* tname = type_name(type);
    std::string info = tname ? tname : "Unknown (" + std::to_string(type) + ")";
    const char* cname = code_name(type, code);
    if (cname) info += std::string(" (") + cname + ")";
    std::string status = "2";
    if (r.size() >= ip.reported && ctx.quote_depth == 0 && ip.version == 6) {
        std::uint32_t sum = ones_sum(Bytes(ip.src.bytes.data(), 16));
        sum = ones_sum(Bytes(ip.dst.bytes.data(), 16), sum);
        sum += (ip.reported >> 16) + (ip.reported & 0xffff) + 58;
        status = ones_sum(r.data().first(ip.reported), sum) == 0xffff ? "1" : "0";
    }
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        t.add(node, "icmpv6.type", std::to_string(type), "Type: " + (tname ? std::string(tname) : "Unknown") + " (" + std::to_string(type) + ")", base, 1);
        t.add(node, "icmpv6.code", std::to_string(code), "Code: " + std::to_string(code), base + 1, 1);
        t.add(node, "icmpv6.checksum", hex(checksum, 4),
              "Checksum: " + hex(checksum, 4) + (status == "1" ? " [correct]" : status == "0" ? " [incorrect]" : " [unverified]"), base + 2, 2);
        t.add(node, "icmpv6.checksum.status", status,
              std::string("[Checksum Status: ") + (status == "1" ? "Good" : status == "0" ? "Bad" : "Unverified") + "]");
    }
    switch (type) {
    case 1: case 2: case 3: case 4: {
        if (!r.has(4)) break;
        const Bytes word = r.bytes(4);
        if (ctx.tree) {
            if (type == 2) ctx.tree->add(node, "icmpv6.mtu", std::to_string(ByteReader(word).peek_u32(0)), "MTU: " + std::to_string(ByteReader(word).peek_u32(0)), base + 4, 4);
            else if (type == 4) ctx.tree->add(node, "icmpv6.pointer", std::to_string(ByteReader(word).peek_u32(0)), "Pointer: " + std::to_string(ByteReader(word).peek_u32(0)), base + 4, 4);
            else ctx.tree->add(node, "icmpv6.reserved", hex_bytes(word), "Reserved: " + hex_bytes(word), base + 4, 4);
        }
        set_info(ctx, info);
        if (ctx.quote_depth == 0) ctx.view.icmp_error = IcmpErrorView{true, type, code, info, 0, {}, {}, 0, 0};
        decode_quoted_ip(ctx, ByteReader(r.rest()), node);
        return;
    }
    case 128: case 129: {
        if (!r.has(4)) break;
        const std::uint16_t ident = r.u16();
        const std::uint16_t seq = r.u16();
        char buf[80];
        std::snprintf(buf, sizeof buf, " id=0x%04x, seq=%u, hop limit=%u", ident, seq, ip.ttl);
        info += buf;
        if (ctx.tree) {
            ctx.tree->add(node, "icmpv6.echo.identifier", hex(ident, 4), "Identifier: " + hex(ident, 4), base + 4, 2);
            ctx.tree->add(node, "icmpv6.echo.sequence_number", std::to_string(seq), "Sequence: " + std::to_string(seq), base + 6, 2);
        }
        if (ctx.quote_depth == 0) {
            const auto key = IcmpTracker::make_key(6, ip.src, ip.dst, ident, seq);
            if (type == 128) {
                if (ctx.track()) ctx.state.icmp.request(ctx.in.number, key);
            } else {
                const std::uint32_t req = ctx.track() ? ctx.state.icmp.reply(ctx.in.number, key)
                                                      : ctx.state.icmp.replayed_reply(ctx.in.number);
                if (req != 0) {
                    info += " (request in " + std::to_string(req) + ")";
                    if (ctx.tree) ctx.tree->add(node, "icmpv6.resp_to", std::to_string(req), "[Response To: " + std::to_string(req) + "]");
                }
            }
        }
        set_info(ctx, info);
        if (r.remaining() > 0) decode_data(ctx, ByteReader(r.rest()), node);
        return;
    }
    case 133: case 134: {
        const std::size_t fixed = type == 133 ? 4 : 12;
        if (!r.has(fixed)) break;
        r.skip(fixed);
        const std::string ll = ndp_options(ctx, node, ByteReader(r.rest()));
        if (!ll.empty()) info += " from " + ll;
        set_info(ctx, info);
        return;
    }
    case 135: case 136: {
        if (!r.has(20)) break;
        const std::uint32_t flags = r.u32();
        const Bytes target = r.bytes(16);
        const std::string tgt = format_ipv6(target.data());
        if (ctx.tree) {
            if (type == 136) ctx.tree->add(node, "icmpv6.nd.na.flag", hex(flags, 8), "Flags: " + hex(flags, 8), base + 4, 4);
            ctx.tree->add(node, type == 135 ? "icmpv6.nd.ns.target_address" : "icmpv6.nd.na.target_address", tgt,
                          "Target Address: " + tgt, base + 8, 16);
        }
        const std::string ll = ndp_options(ctx, node, ByteReader(r.rest()), type == 136);
        if (type == 135) {
            info += " for " + tgt;
            if (!ll.empty()) info += " from " + ll;
        } else {
            info += " " + tgt;
            std::string f;
            if (flags & 0x80000000u) f += "rtr";
            if (flags & 0x40000000u) f += f.empty() ? "sol" : ", sol";
            if (flags & 0x20000000u) f += f.empty() ? "ovr" : ", ovr";
            if (!f.empty()) info += " (" + f + ")";
            if (!ll.empty()) info += " is at " + ll;
        }
        set_info(ctx, info);
        return;
    }
    default:
        set_info(ctx, info);
        if (r.remaining() > 0) decode_data(ctx, ByteReader(r.rest()), node);
        return;
    }
    set_info(ctx, info);
    mark_short(ctx, node, "ICMPv6", r.size() + 1, r.size(), ip.reported);
}

}  // namespace seqscope
