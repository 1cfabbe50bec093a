// SPDX-License-Identifier: GPL-3.0-or-later
// UDP (RFC 768): header, length checks with tshark's Info wording, udp.stream,
// and the hand-off to DNS (53), mDNS (5353) and LLMNR (5355).
#include "decode/decode_util.h"
#include "decode/layers.h"

namespace seqscope {

void decode_udp(DecodeContext& ctx, ByteReader r, TreeIndex parent, const IpInfo& ip) {
    const std::uint32_t base = ctx.offset_of(r.data());
    const bool quoted = ctx.quote_depth > 0;
    set_protocol(ctx, "UDP");
    set_info(ctx, {});
    TreeIndex node = parent;
    if (ctx.tree)
        node = ctx.tree->add(parent, "udp", {}, "User Datagram Protocol", base,
                             static_cast<std::uint32_t>(std::min<std::size_t>(r.size(), 8)));
    if (!r.has(8)) {
        if (ctx.tree && r.has(2))
            ctx.tree->add(node, "udp.srcport", std::to_string(r.peek_u16(0)), "Source Port: " + std::to_string(r.peek_u16(0)), base, 2);
        if (ctx.tree && r.has(4))
            ctx.tree->add(node, "udp.dstport", std::to_string(r.peek_u16(2)), "Destination Port: " + std::to_string(r.peek_u16(2)), base + 2, 2);
        mark_short(ctx, node, "UDP", 8, r.size(), quoted ? r.size() + 8 : ip.reported);
        return;
    }
    UdpDatagramView u;
    u.src = ip.src;
    u.dst = ip.dst;
    u.quoted = quoted;
    u.src_port = r.u16();
    u.dst_port = r.u16();
    u.length = r.u16();
    const std::uint16_t checksum = r.u16();
    const bool text = ctx.wants_text();
    std::string sport, dport;
    if (text) {
        sport = std::to_string(u.src_port);
        dport = std::to_string(u.dst_port);
    }
    const UdpStreamId stream = ctx.state.udp.stream(u.src, u.src_port, u.dst, u.dst_port);
    if (!quoted) ctx.view.udp_stream = stream;
    else ctx.note_quoted(17, u.src, u.src_port, u.dst, u.dst_port);

    std::string info;
    if (text) info = sport + " \xe2\x86\x92 " + dport;
    bool bad = false;
    std::uint32_t pay_reported = 0;
    if (u.length < 8) {
        if (text) info += " [BAD UDP LENGTH " + std::to_string(u.length) + " < 8]";
        bad = true;
    } else if (!quoted && u.length > ip.reported) {
        if (text)
            info += " [BAD UDP LENGTH " + std::to_string(u.length) + " > IP PAYLOAD LENGTH] Len=" + std::to_string(ip.reported - 8);
        pay_reported = ip.reported - 8;
    } else {
        if (text) info += " Len=" + std::to_string(u.length - 8);
        pay_reported = quoted ? u.length - 8u : u.length - 8u;
    }
    if (text) {
        // IPv6 makes the checksum mandatory.
        if (ip.version == 6 && checksum == 0 && !quoted) info += " [ILLEGAL CHECKSUM (0)]";
        set_info(ctx, info);
    }
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        t.node(node).label = "User Datagram Protocol, Src Port: " + sport + ", Dst Port: " + dport;
        t.add(node, "udp.srcport", sport, "Source Port: " + sport, base, 2);
        t.add(node, "udp.dstport", dport, "Destination Port: " + dport, base + 2, 2);
        t.add_hidden(node, "udp.port", sport, base, 2);
        t.add_hidden(node, "udp.port", dport, base + 2, 2);
        const TreeIndex ln = t.add(node, "udp.length", std::to_string(u.length), "Length: " + std::to_string(u.length), base + 4, 2);
        if (u.length < 8)
            t.add_text(ln, "[Expert Info (Error/Malformed): Bad length value " + std::to_string(u.length) + " < 8]");
        else if (!quoted && u.length > ip.reported)
            t.add_text(ln, "[Expert Info (Error/Malformed): Bad length value " + std::to_string(u.length) + " > IP payload length]");
        t.add(node, "udp.checksum", hex(checksum, 4), "Checksum: " + hex(checksum, 4) + " [unverified]", base + 6, 2);
        t.add(node, "udp.checksum.status", "2", "[Checksum Status: Unverified]");
        t.add(node, "udp.stream", std::to_string(stream.value), "[Stream index: " + std::to_string(stream.value) + "]");
    }
    if (bad || (!quoted && u.length > ip.reported)) ctx.view.status = PacketStatus::Malformed;
    if (bad) return;
    Bytes payload = r.rest();
    if (payload.size() > pay_reported) payload = payload.first(pay_reported);
    u.payload_offset = base + 8;
    u.payload_len = pay_reported;
    if (!quoted) ctx.view.udp = u;
    if (pay_reported == 0) return;
    if (ctx.tree)
        ctx.tree->add(node, "udp.payload", hex_bytes(payload),
                      "UDP payload (" + std::to_string(pay_reported) + (pay_reported == 1 ? " byte)" : " bytes)"), base + 8,
                      static_cast<std::uint32_t>(payload.size()));
    auto is = [&](std::uint16_t p) { return u.src_port == p || u.dst_port == p; };
    // tshark tries the lower port's dissector first; the three DNS ports never collide.
    if (is(53)) decode_dns(ctx, ByteReader(payload), FieldTree::kRoot, pay_reported, DnsFlavor::Dns, false);
    else if (is(5353)) decode_dns(ctx, ByteReader(payload), FieldTree::kRoot, pay_reported, DnsFlavor::Mdns, false);
    else if (is(5355)) decode_dns(ctx, ByteReader(payload), FieldTree::kRoot, pay_reported, DnsFlavor::Llmnr, false);
    else decode_data(ctx, ByteReader(payload), FieldTree::kRoot);
}

}  // namespace seqscope
