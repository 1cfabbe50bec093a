// SPDX-License-Identifier: GPL-3.0-or-later
// TCP (RFC 9293): the header, the flags, the options, the tracker's analysis
// (stream, relative numbers, window scaling, tcp.analysis.*), the Info column
// exactly as tshark words it, and the hand-off of the payload (DNS on port 53).
#include "decode/decode_util.h"
#include "decode/layers.h"
#include "decode/tcp_analysis_fields.h"
#include "decode/tcp_options.h"

namespace seqscope {

namespace {

std::string flags_text(std::uint16_t flags) {
    static constexpr const char* kNames[9] = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    std::string out;
    for (int i = 0; i < 9; ++i) {
        if (flags & (1u << i)) {
            if (!out.empty()) out += ", ";
            out += kNames[i];
        }
    }
    if (flags & 0xe00) {
        if (!out.empty()) out += ", ";
        out += "Reserved";
    }
    return out.empty() ? "<None>" : out;
}

void add_flag_bits(FieldTree& t, TreeIndex fn, std::uint16_t flags, std::uint32_t at) {
    struct Bit { std::uint16_t mask; std::string_view abbrev; std::string_view name; };
    static constexpr Bit kBits[] = {
        {0xe00, "tcp.flags.res", "Reserved"},        {0x100, "tcp.flags.ae", "Accurate ECN"},
        {0x080, "tcp.flags.cwr", "Congestion Window Reduced"}, {0x040, "tcp.flags.ece", "ECN-Echo"},
        {0x020, "tcp.flags.urg", "Urgent"},          {0x010, "tcp.flags.ack", "Acknowledgment"},
        {0x008, "tcp.flags.push", "Push"},           {0x004, "tcp.flags.reset", "Reset"},
        {0x002, "tcp.flags.syn", "Syn"},             {0x001, "tcp.flags.fin", "Fin"},
    };
    for (const Bit& b : kBits) {
        const bool set = flags & b.mask;
        t.add(fn, b.abbrev, set ? "1" : "0", bit_label(flags, 12, b.mask, b.name), at, 2);
    }
    std::string s;
    static constexpr char kLetters[] = "RRRACEUAPRSF";
    for (int i = 11; i >= 0; --i) s += (flags & (1u << i)) ? kLetters[11 - i] : '.';
    t.add(fn, "tcp.flags.str", s, "[TCP Flags: " + s + "]", at, 2);
}

bool dns_port(std::uint16_t p) { return p == 53 || p == 5353; }

}  // namespace

void decode_tcp(DecodeContext& ctx, ByteReader r, TreeIndex parent, const IpInfo& ip) {
    const std::uint32_t base = ctx.offset_of(r.data());
    const bool quoted = ctx.quote_depth > 0;
    set_protocol(ctx, "TCP");
    set_info(ctx, {});
    TreeIndex node = parent;
    if (ctx.tree)
        node = ctx.tree->add(parent, "tcp", {}, "Transmission Control Protocol", base,
                             static_cast<std::uint32_t>(std::min<std::size_t>(r.size(), 20)));
    if (!r.has(4)) {
        if (ctx.tree && r.has(2))
            ctx.tree->add(node, "tcp.srcport", std::to_string(r.peek_u16(0)), "Source Port: " + std::to_string(r.peek_u16(0)), base, 2);
        mark_short(ctx, node, "TCP", 4, r.size(), quoted ? r.size() + 20 : ip.reported);
        return;
    }
    TcpSegmentView seg;
    seg.src = ip.src;
    seg.dst = ip.dst;
    seg.quoted = quoted;
    seg.src_port = r.u16();
    seg.dst_port = r.u16();
    const bool text = ctx.wants_text();
    std::string sport, dport;
    if (text) {
        sport = std::to_string(seg.src_port);
        dport = std::to_string(seg.dst_port);
        set_info(ctx, sport + " \xe2\x86\x92 " + dport);
    }
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        t.add(node, "tcp.srcport", sport, "Source Port: " + sport, base, 2);
        t.add(node, "tcp.dstport", dport, "Destination Port: " + dport, base + 2, 2);
        t.add_hidden(node, "tcp.port", sport, base, 2);
        t.add_hidden(node, "tcp.port", dport, base + 2, 2);
    }
    if (!r.has(12)) {
        // tshark reads seq, ack, offset/flags and window before adding them: a
        // header cut before byte 16 shows only the ports.
        mark_short(ctx, node, "TCP", 16, r.size(), quoted ? r.size() + 20 : ip.reported);
        return;
    }
    seg.seq = r.u32();
    seg.ack = r.u32();
    const std::uint16_t off_flags = r.u16();
    seg.window = r.u16();
    seg.flags = off_flags & 0x0fff;
    const std::uint32_t hlen = (off_flags >> 12) * 4u;
    seg.header_len = static_cast<std::uint8_t>(hlen);
    seg.captured_tcp_bytes = static_cast<std::uint32_t>(r.size());
    const bool has_csum = r.has(4);
    const std::uint16_t checksum = r.peek_u16(16);
    const std::uint16_t urgent = r.peek_u16(18);
    seg.urgent = urgent;
    // The segment length comes from the IP-reported length, never the captured one.
    if (!quoted && ip.reported >= hlen && hlen >= 20) {
        seg.seglen = ip.reported - hlen;
        seg.seglen_known = true;
    } else if (!quoted && hlen < 20 && ip.reported >= hlen) {
        seg.seglen = ip.reported - hlen;  // tshark analyses with this bogus length
        seg.seglen_known = true;
    }
    seg.payload_offset = base + hlen;
    // Options go into the view before the tracker runs (it needs WS, SACK, TS).
    TcpOptions opts;
    const std::size_t declared = hlen > 20 ? hlen - 20 : 0;
    if (hlen > 20) {
        Bytes ob = r.data().subspan(std::min<std::size_t>(20, r.size()));
        if (ob.size() > declared) ob = ob.first(declared);
        opts = parse_tcp_options(ob, declared, base + 20, seg, text);
    }

    const TcpAnalysis a = ctx.track() ? ctx.state.tcp.track(ctx.in.number, ctx.in.record.ts_ns, seg)
                                      : ctx.state.tcp.replay(ctx.in.number, seg);
    if (!quoted) ctx.view.tcp = seg;
    else ctx.note_quoted(6, seg.src, seg.src_port, seg.dst, seg.dst_port);
    const bool syn = seg.flags & tcpflag::kSyn;
    const bool ackf = seg.flags & tcpflag::kAck;
    std::uint32_t win = seg.window;
    if (a.win_shift >= 0 && !syn) win = static_cast<std::uint32_t>(seg.window) << a.win_shift;

    if (ctx.columns) {
        std::string info = " [" + flags_text(seg.flags) + "] Seq=" + std::to_string(a.rel_seq);
        if (ackf) info += " Ack=" + std::to_string(a.ack_shown);
        info += " Win=" + std::to_string(win);
        append_info(ctx, info);
    }

    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        std::string title = "Transmission Control Protocol, Src Port: " + sport + ", Dst Port: " + dport +
                            ", Seq: " + std::to_string(a.rel_seq);
        if (ackf) title += ", Ack: " + std::to_string(a.ack_shown);
        if (seg.seglen_known) title += ", Len: " + std::to_string(seg.seglen);
        t.node(node).label = title;
        t.node(node).length = std::min<std::uint32_t>(hlen < 20 ? 20 : hlen, static_cast<std::uint32_t>(r.size()));
        add_tcp_stream_fields(t, node, a);  // tcp.stream, tcp.completeness with tshark's label
        if (seg.seglen_known && hlen >= 20)
            t.add(node, "tcp.len", std::to_string(seg.seglen), "[TCP Segment Len: " + std::to_string(seg.seglen) + "]");
        t.add(node, "tcp.seq", std::to_string(a.rel_seq), "Sequence Number: " + std::to_string(a.rel_seq) + "    (relative sequence number)", base + 4, 4);
        t.add(node, "tcp.seq_raw", std::to_string(seg.seq), "Sequence Number (raw): " + std::to_string(seg.seq), base + 4, 4);
        if (seg.seglen_known && hlen >= 20) {
            const std::uint32_t nxt = a.rel_seq + seg.seglen + ((seg.flags & (tcpflag::kSyn | tcpflag::kFin)) ? 1 : 0);
            t.add(node, "tcp.nxtseq", std::to_string(nxt), "[Next Sequence Number: " + std::to_string(nxt) + "    (relative sequence number)]");
        }
        t.add(node, "tcp.ack", std::to_string(a.ack_shown),
              "Acknowledgment Number: " + std::to_string(a.ack_shown) + (ackf ? "    (relative ack number)" : ""), base + 8, 4);
        t.add(node, "tcp.ack_raw", std::to_string(seg.ack), "Acknowledgment number (raw): " + std::to_string(seg.ack), base + 8, 4);
        const TreeIndex hl = t.add(node, "tcp.hdr_len", std::to_string(hlen),
                                   "Header Length: " + std::to_string(hlen) + " bytes (" + std::to_string(hlen / 4) + ")", base + 12, 1);
        if (hlen < 20)
            t.add_text(hl, "[Expert Info (Error/Malformed): Bogus TCP header length (" + std::to_string(hlen) + ", must be at least 20)]");
        const TreeIndex fn = t.add(node, "tcp.flags", hex(seg.flags, 4),
                                   "Flags: " + hex(seg.flags, 3) + " (" + flags_text(seg.flags) + ")", base + 12, 2);
        add_flag_bits(t, fn, seg.flags, base + 12);
    }
    if (hlen < 20) {
        // tshark stops here: no window, checksum, options or payload.
        append_info(ctx, ", bogus TCP header length (" + std::to_string(hlen) + ", must be at least 20)");
        ctx.view.status = PacketStatus::Malformed;
        return;
    }
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        t.add(node, "tcp.window_size_value", std::to_string(seg.window), "Window: " + std::to_string(seg.window), base + 14, 2);
        t.add(node, "tcp.window_size", std::to_string(win), "[Calculated window size: " + std::to_string(win) + "]", base + 14, 2);
        if (!syn && a.has_stream) {
            const std::string sf = a.win_shift >= 0 ? std::to_string(1u << a.win_shift) : std::to_string(a.win_shift);
            t.add(node, "tcp.window_size_scalefactor", sf, "[Window size scaling factor: " + sf + "]", base + 14, 2);
        }
        if (has_csum) {
            t.add(node, "tcp.checksum", hex(checksum, 4), "Checksum: " + hex(checksum, 4) + " [unverified]", base + 16, 2);
            t.add(node, "tcp.checksum.status", "2", "[Checksum Status: Unverified]");
            t.add(node, "tcp.urgent_pointer", std::to_string(urgent), "Urgent Pointer: " + std::to_string(urgent), base + 18, 2);
        }
    }
    if (!has_csum) {
        mark_short(ctx, node, "TCP", 20, r.size(), quoted ? r.size() + 20 : ip.reported);
        return;
    }
    if (ctx.columns && (seg.flags & tcpflag::kUrg)) append_info(ctx, " Urg=" + std::to_string(urgent));
    if (ctx.columns && seg.seglen_known) append_info(ctx, " Len=" + std::to_string(seg.seglen));
    if (ip.reported < hlen && !quoted) {
        if (ctx.tree)
            ctx.tree->add_text(node, "[Expert Info (Error/Malformed): Short segment. Segment/fragment does not contain a full TCP header]");
    }
    if (hlen > 20) {
        // SACK edges are relative to the peer's base, which the shown ack reveals.
        const std::uint32_t sack_base = ackf ? seg.ack - a.ack_shown : 0;
        if (text) show_tcp_options(ctx, node, opts, sack_base, declared, base + 20);
        if (opts.truncated || r.size() < hlen) {
            mark_short(ctx, node, "TCP", hlen, r.size(), quoted ? hlen : ip.reported);
            return;
        }
    }
    if (ctx.tree && !quoted) add_tcp_analysis_tree(*ctx.tree, node, a, seg);
    if (!quoted && ctx.columns) {
        const std::string prefix = tcp_info_prefix(a);
        if (!prefix.empty()) {
            ctx.columns->info.insert(0, prefix);
            ctx.info_fence = prefix.size();
        }
    }
    if (quoted || !seg.seglen_known || seg.seglen == 0) return;

    // The payload.
    Bytes payload = r.data().subspan(std::min<std::size_t>(hlen, r.size()));
    const bool retrans_or_ooo = ((a.flags & tcpa::kRetransmission) &&
                                 !(a.flags & (tcpa::kFastRetransmission | tcpa::kSpuriousRetransmission))) ||
                                (a.flags & tcpa::kOutOfOrder);
    const bool keep_alive = a.flags & tcpa::kKeepAlive;
    if (ctx.tree)
        ctx.tree->add(node, "tcp.payload", hex_bytes(payload),
                      "TCP payload (" + std::to_string(seg.seglen) + (seg.seglen == 1 ? " byte)" : " bytes)"),
                      base + hlen, static_cast<std::uint32_t>(payload.size()));
    // A payload cut by the snap length is shown as far as it goes (tshark adds no
    // mark for it); dissect_frame marks the packet Truncated.
    if (payload.size() < seg.seglen) {
        decode_data(ctx, ByteReader(payload), FieldTree::kRoot);
        return;
    }
    if (!retrans_or_ooo && !keep_alive && (dns_port(seg.src_port) || dns_port(seg.dst_port))) {
        decode_dns_tcp(ctx, ByteReader(payload), FieldTree::kRoot, seg.seglen);
        return;
    }
    decode_data(ctx, ByteReader(payload), FieldTree::kRoot);
}

}  // namespace seqscope
