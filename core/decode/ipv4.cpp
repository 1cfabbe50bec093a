// SPDX-License-Identifier: GPL-3.0-or-later
// IPv4 (RFC 791): header, options, checksum (unverified, as tshark's default),
// fragment reassembly, and the hand-off to the payload decoder.
#include "decode/decode_util.h"
#include "decode/layers.h"

#include <cstdio>

namespace seqscope {

namespace {

std::string nibble_bits(unsigned v) {
    std::string out;
    for (int i = 3; i >= 0; --i) out += ((v >> i) & 1) ? '1' : '0';
    return out;
}

const char* option_name(std::uint8_t type) {
    switch (type) {
    case 0: return "End of Options List (EOL)";
    case 1: return "No-Operation (NOP)";
    case 7: return "Record Route";
    case 68: return "Time Stamp";
    case 130: return "Security";
    case 131: return "Loose Source Route";
    case 137: return "Strict Source Route";
    case 136: return "Stream ID";
    case 148: return "Router Alert";
    default: return "Unknown";
    }
}

void add_options(DecodeContext& ctx, TreeIndex node, Bytes opts, std::uint32_t base) {
    if (!ctx.tree || opts.empty()) return;
    FieldTree& t = *ctx.tree;
    const TreeIndex on = t.add(node, "ip.options", {}, "Options: (" + std::to_string(opts.size()) + " bytes)", base,
                               static_cast<std::uint32_t>(opts.size()));
    ByteReader r(opts);
    while (r.remaining() > 0) {
        const std::uint32_t at = base + static_cast<std::uint32_t>(r.offset());
        const std::uint8_t type = r.u8();
        std::uint8_t len = 1;
        if (type != 0 && type != 1) {
            if (!r.has(1)) break;
            len = r.u8();
            if (len < 2 || len - 2u > r.remaining()) {
                t.add_text(on, std::string("IP Option - ") + option_name(type) + " (bogus length " + std::to_string(len) + ")", at, 1);
                break;
            }
            r.skip(len - 2u);
        }
        const TreeIndex o = t.add(on, "ip.opt.type", std::to_string(type), std::string("IP Option - ") + option_name(type), at, len);
        if (len > 1) t.add(o, "ip.opt.len", std::to_string(len), "Length: " + std::to_string(len), at + 1, 1);
        if (type == 0) break;
    }
}

}  // namespace

void decode_ipv4(DecodeContext& ctx, ByteReader r, TreeIndex parent, std::uint32_t reported) {
    const std::uint32_t base = ctx.offset_of(r.data());
    if (!r.has(1)) {
        mark_short(ctx, parent, "IPv4", 1, r.size(), reported);
        return;
    }
    const std::uint8_t version = r.peek_u8(0) >> 4;
    if (version == 6) {  // the "ip" handle passes IPv6 on, as tshark's does
        decode_ipv6(ctx, r, parent, reported);
        return;
    }
    if (version != 4) {
        set_protocol(ctx, "IP");
        set_info(ctx, "Bogus IP version (" + std::to_string(version) + ")");
        if (ctx.tree) {
            const TreeIndex n = ctx.tree->add(parent, "ip", {}, "Internet Protocol, bogus version (" + std::to_string(version) + ")", base, 1);
            ctx.tree->add(n, "ip.version", std::to_string(version), "Version: " + std::to_string(version), base, 1);
        }
        ctx.view.status = PacketStatus::Malformed;
        return;
    }
    set_protocol(ctx, "IPv4");
    set_info(ctx, {});
    const std::uint8_t vhl = r.u8();
    const std::uint32_t hlen = (vhl & 0x0f) * 4u;
    TreeIndex node = parent;
    if (ctx.tree) {
        node = ctx.tree->add(parent, "ip", {}, "Internet Protocol Version 4", base, std::min<std::uint32_t>(hlen < 20 ? 1 : hlen, static_cast<std::uint32_t>(r.size())));
        ctx.tree->add(node, "ip.version", "4", "0100 .... = Version: 4", base, 1);
        ctx.tree->add(node, "ip.hdr_len", std::to_string(hlen),
                      ".... " + nibble_bits(vhl & 0x0f) + " = Header Length: " + std::to_string(hlen) +
                          " bytes (" + std::to_string(hlen / 4) + ")",
                      base, 1);
    }
    if (hlen < 20) {
        set_info(ctx, "Bogus IP header length (" + std::to_string(hlen) + ", must be at least 20)");
        expert_malformed(ctx, node, "Bogus IP header length (" + std::to_string(hlen) + ", must be at least 20)");
        return;
    }
    if (!r.has(hlen - 1)) {
        // Read what is there the way tshark does: fields until the bytes run out.
        mark_short(ctx, node, "IPv4", hlen, r.size(), reported);
        return;
    }
    const std::uint8_t dsfield = r.u8();
    std::uint32_t total = r.u16();
    const std::uint16_t id = r.u16();
    const std::uint16_t flags_off = r.u16();
    const std::uint8_t ttl = r.u8();
    const std::uint8_t proto = r.u8();
    const std::uint16_t checksum = r.u16();
    const Bytes src = r.bytes(4);
    const Bytes dst = r.bytes(4);
    const Bytes opts = r.bytes(hlen - 20);
    const Address a_src = Address::v4(src.data()), a_dst = Address::v4(dst.data());
    std::string s_src, s_dst;
    if (ctx.wants_text()) {
        s_src = format_ipv4(src.data());
        s_dst = format_ipv4(dst.data());
        set_addresses(ctx, s_src, s_dst);
    }
    if (ctx.quote_depth == 0 && ctx.view.net_src.family == 0) {
        ctx.view.net_src = a_src;
        ctx.view.net_dst = a_dst;
    }
    const bool df = flags_off & 0x4000, mf = flags_off & 0x2000, rb = flags_off & 0x8000;
    const std::uint32_t frag_off = (flags_off & 0x1fffu) * 8u;

    bool bogus_len = false;
    std::string len_note;
    if (total == 0 && ctx.quote_depth == 0) {
        total = reported;  // TSO: the NIC fills the length in later (ip.tso_support)
        len_note = " (may be caused by \"TCP segmentation offload\")";
    }
    if (total < hlen) bogus_len = true;
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        t.node(node).label = "Internet Protocol Version 4, Src: " + s_src + ", Dst: " + s_dst;
        const TreeIndex ds = t.add(node, "ip.dsfield", hex(dsfield, 2),
                                   "Differentiated Services Field: " + hex(dsfield, 2) + " (DSCP: " + std::to_string(dsfield >> 2) +
                                       ", ECN: " + std::to_string(dsfield & 3) + ")",
                                   base + 1, 1);
        t.add(ds, "ip.dsfield.dscp", std::to_string(dsfield >> 2), "Differentiated Services Codepoint: " + std::to_string(dsfield >> 2), base + 1, 1);
        t.add(ds, "ip.dsfield.ecn", std::to_string(dsfield & 3), "Explicit Congestion Notification: " + std::to_string(dsfield & 3), base + 1, 1);
        const TreeIndex ln = t.add(node, "ip.len", std::to_string(total), "Total Length: " + std::to_string(total) + len_note, base + 2, 2);
        if (bogus_len)
            t.add_text(ln, "[Expert Info (Error/Protocol): Bogus IP length (" + std::to_string(total) + ", less than header length " +
                               std::to_string(hlen) + ")]");
        else if (total > reported)
            t.add_text(ln, "[Expert Info (Error/Protocol): IPv4 total length exceeds packet length (" + std::to_string(reported) + " bytes)]");
        t.add(node, "ip.id", hex(id, 4), "Identification: " + hex(id, 4) + " (" + std::to_string(id) + ")", base + 4, 2);
        const unsigned fl = flags_off >> 13;
        std::string fl_text = "Flags: " + hex(fl, 1);
        if (df) fl_text += ", Don't fragment";
        if (mf) fl_text += ", More fragments";
        const TreeIndex fn = t.add(node, "ip.flags", hex(fl, 2), fl_text, base + 6, 1);
        t.add(fn, "ip.flags.rb", rb ? "1" : "0", std::string("Reserved bit: ") + (rb ? "Set" : "Not set"), base + 6, 1);
        t.add(fn, "ip.flags.df", df ? "1" : "0", std::string("Don't fragment: ") + (df ? "Set" : "Not set"), base + 6, 1);
        t.add(fn, "ip.flags.mf", mf ? "1" : "0", std::string("More fragments: ") + (mf ? "Set" : "Not set"), base + 6, 1);
        t.add(node, "ip.frag_offset", std::to_string(frag_off), "Fragment Offset: " + std::to_string(frag_off), base + 6, 2);
        t.add(node, "ip.ttl", std::to_string(ttl), "Time to Live: " + std::to_string(ttl), base + 8, 1);
        t.add(node, "ip.proto", std::to_string(proto), std::string("Protocol: ") + ip_proto_name(proto) + " (" + std::to_string(proto) + ")", base + 9, 1);
        t.add(node, "ip.checksum", hex(checksum, 4), "Header Checksum: " + hex(checksum, 4) + " [validation disabled]", base + 10, 2);
        t.add(node, "ip.checksum.status", "2", "[Header checksum status: Unverified]", base + 10, 2);
        t.add(node, "ip.src", s_src, "Source Address: " + s_src, base + 12, 4);
        t.add_hidden(node, "ip.addr", s_src, base + 12, 4);
        t.add_hidden(node, "ip.src_host", s_src, base + 12, 4);
        t.add_hidden(node, "ip.host", s_src, base + 12, 4);
        t.add(node, "ip.dst", s_dst, "Destination Address: " + s_dst, base + 16, 4);
        t.add_hidden(node, "ip.addr", s_dst, base + 16, 4);
        t.add_hidden(node, "ip.dst_host", s_dst, base + 16, 4);
        t.add_hidden(node, "ip.host", s_dst, base + 16, 4);
        add_options(ctx, node, opts, base + 20);
    }
    if (bogus_len) {
        set_info(ctx, "Bogus IP length (" + std::to_string(total) + ", less than header length " + std::to_string(hlen) + ")");
        ctx.view.status = PacketStatus::Malformed;
        return;
    }
    // The payload's reported length comes from the header, unless the frame is shorter.
    const std::uint32_t datagram = std::min(total, reported);
    const std::uint32_t pay_reported = datagram - hlen;
    Bytes pay = r.rest();
    if (pay.size() > pay_reported) pay = pay.first(pay_reported);

    IpInfo ip;
    ip.src = a_src;
    ip.dst = a_dst;
    ip.version = 4;
    ip.ttl = ttl;
    ip.reported = pay_reported;

    if (mf || frag_off != 0) {
        const FragmentKey key{a_src, a_dst, id, proto};
        const ReassembledDatagram* d = nullptr;
        // Only a fully captured fragment can join a reassembly (tshark's rule).
        if (pay.size() == pay_reported) {
            d = ctx.track() ? ctx.state.ip_fragments.add(ctx.in.number, key, frag_off, pay, mf)
                            : ctx.state.ip_fragments.completed_at(ctx.in.number, key);
        }
        if (!d) {
            ctx.view.ip_fragment = ctx.quote_depth == 0 ? true : ctx.view.ip_fragment;
            char buf[96];
            std::snprintf(buf, sizeof buf, "Fragmented IP protocol (proto=%s %u, off=%u, ID=%04x)", ip_proto_name(proto),
                          proto, frag_off, id);
            set_info(ctx, buf);
            decode_data(ctx, ByteReader(pay), FieldTree::kRoot);
            return;
        }
        if (ctx.tree) {
            std::string label = "[" + std::to_string(d->frames.size()) + " IPv4 Fragments (" + std::to_string(d->payload.size()) + " bytes): ";
            for (std::size_t i = 0; i < d->frames.size(); ++i) {
                if (i) label += ", ";
                label += "#" + std::to_string(d->frames[i]) + "(" + std::to_string(d->lengths[i]) + ")";
            }
            label += "]";
            const TreeIndex fr = ctx.tree->add(FieldTree::kRoot, "ip.fragments", {}, label);
            ctx.tree->add(fr, "ip.reassembled.length", std::to_string(d->payload.size()),
                          "[Reassembled IPv4 length: " + std::to_string(d->payload.size()) + "]");
        }
        ip.reported = static_cast<std::uint32_t>(d->payload.size());
        decode_ip_payload(ctx, proto, ByteReader(Bytes(d->payload)), FieldTree::kRoot, ip);
        return;
    }
    decode_ip_payload(ctx, proto, ByteReader(pay), FieldTree::kRoot, ip);
}

}  // namespace seqscope
