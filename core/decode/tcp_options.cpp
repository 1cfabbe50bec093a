// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/tcp_options.h"

#include "decode/decode_util.h"

namespace seqscope {

namespace {

const char* kind_name(std::uint8_t kind) {
    switch (kind) {
    case 0: return "End of Option List (EOL)";
    case 1: return "No-Operation (NOP)";
    case 2: return "Maximum segment size";
    case 3: return "Window scale";
    case 4: return "SACK permitted";
    case 5: return "SACK";
    case 6: return "Echo";
    case 7: return "Echo reply";
    case 8: return "Timestamps";
    case 19: return "MD5 signature";
    case 27: return "Quick-Start Response";
    case 28: return "User Timeout";
    case 29: return "TCP Authentication Option";
    case 30: return "Multipath TCP";
    case 34: return "TCP Fast Open";
    case 253:
    case 254: return "Experimental";
    default: return "Unknown";
    }
}

const char* kind_label(std::uint8_t kind) {
    switch (kind) {
    case 0: return "End of Option List";
    case 1: return "No-Operation";
    case 2: return "Maximum Segment Size";
    case 3: return "Window Scale";
    case 4: return "SACK Permitted";
    case 5: return "SACK";
    case 8: return "Time Stamp Option";
    case 253: return "RFC3692-style Experiment 1";
    case 254: return "RFC3692-style Experiment 2";
    default: return kind_name(kind);
    }
}

// The length each fixed-size option must have (0 = variable).
std::uint8_t fixed_len(std::uint8_t kind) {
    switch (kind) {
    case 2: return 4;
    case 3: return 3;
    case 4: return 2;
    case 8: return 10;
    default: return 0;
    }
}

std::string unknown_name(std::uint8_t kind) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "Unknown (0x%02x)", kind);
    return buf;
}

}  // namespace

TcpOptions parse_tcp_options(Bytes opts, std::size_t declared, std::uint32_t frame_offset, TcpSegmentView& seg,
                             bool keep_list) {
    TcpOptions out;
    ByteReader r(opts);
    std::size_t length = declared;  // what the header length promises
    while (length > 0) {
        if (!r.has(1)) {
            out.truncated = true;
            break;
        }
        const std::uint32_t at = frame_offset + static_cast<std::uint32_t>(r.offset());
        const std::uint8_t kind = r.u8();
        --length;
        TcpOption o;
        o.kind = kind;
        o.offset = at;
        if (kind != 0 && kind != 1) {
            // Only the error texts name the option: no string per option otherwise.
            const auto name = [kind] {
                return kind_name(kind) == std::string_view("Unknown") ? unknown_name(kind) : std::string(kind_name(kind));
            };
            if (length == 0) {
                out.error = name() + " (length byte past end of options)";
                break;
            }
            if (!r.has(1)) {
                out.truncated = true;
                break;
            }
            const std::uint8_t len = r.u8();
            --length;
            if (len < 2) {
                out.error = name() + " (with too-short option length = " + std::to_string(len) + (len == 1 ? " byte)" : " bytes)");
                break;
            }
            if (len - 2u > length) {
                out.error = name() + " (option length = " + std::to_string(len) + (len == 1 ? " byte" : " bytes") +
                            " says option goes past end of options)";
                break;
            }
            length -= len - 2u;
            o.len = len;
            if (!r.has(len - 2u)) {
                // tshark shows the kind and length, then runs out of captured bytes.
                o.cut = true;
                if (keep_list) out.list.push_back(o);
                out.truncated = true;
                break;
            }
            o.body = r.bytes(len - 2u);
        }
        // The first occurrence of each option is what the tracker uses.
        const std::uint8_t want = fixed_len(kind);
        if (want == 0 || o.len == want) {
            ByteReader b(o.body);
            switch (kind) {
            case 2: if (!seg.mss) seg.mss = b.u16(); break;
            case 3: if (!seg.wscale_shift) seg.wscale_shift = b.u8(); break;
            case 4: seg.sack_perm = true; break;
            case 8:
                if (!seg.ts_val) {
                    seg.ts_val = b.u32();
                    seg.ts_ecr = b.u32();
                }
                break;
            case 5:
                while (b.has(8) && seg.sack_count < seg.sack.size()) {
                    SackBlock& s = seg.sack[seg.sack_count++];
                    s.left = b.u32();
                    s.right = b.u32();
                }
                break;
            default: break;
            }
        }
        if (keep_list) out.list.push_back(o);
    }
    return out;
}

void show_tcp_options(DecodeContext& ctx, TreeIndex tcp_node, const TcpOptions& opts, std::uint32_t sack_base,
                      std::size_t declared, std::uint32_t frame_offset) {
    FieldTree* t = ctx.tree;
    TreeIndex on = tcp_node;
    if (t) {
        std::string summary = "Options: (" + std::to_string(declared) + " bytes)";
        for (const TcpOption& o : opts.list) summary += std::string(", ") + kind_name(o.kind);
        on = t->add(tcp_node, "tcp.options", hex_bytes({}), summary, frame_offset, static_cast<std::uint32_t>(declared));
    }
    for (const TcpOption& o : opts.list) {
        ByteReader b(o.body);
        const std::uint8_t want = fixed_len(o.kind);
        const bool len_ok = (want == 0 || o.len == want) && !o.cut;
        std::string title = std::string("TCP Option - ") + kind_name(o.kind);
        std::string info;
        TreeIndex n = on;
        if (t) n = t->add(on, {}, {}, title, o.offset, o.len);
        if (t) {
            t->add(n, "tcp.option_kind", std::to_string(o.kind),
                   std::string("Kind: ") + kind_label(o.kind) + " (" + std::to_string(o.kind) + ")", o.offset, 1);
            if (o.kind > 1) t->add(n, "tcp.option_len", std::to_string(o.len), "Length: " + std::to_string(o.len), o.offset + 1, 1);
            if (!len_ok && !o.cut)
                t->add_text(n, "[Expert Info (Error/Malformed): option length should be " + std::to_string(want) + "]");
        }
        if (!len_ok) continue;
        switch (o.kind) {
        case 2: {
            const std::uint16_t mss = b.u16();
            info = " MSS=" + std::to_string(mss);
            if (t) {
                t->node(n).label = title + ": " + std::to_string(mss) + " bytes";
                t->add(n, "tcp.options.mss_val", std::to_string(mss), "MSS Value: " + std::to_string(mss), o.offset + 2, 2);
            }
            break;
        }
        case 3: {
            const std::uint8_t shift = b.u8();
            const std::uint32_t mult = std::uint32_t{1} << std::min<std::uint8_t>(shift, 14);
            info = " WS=" + std::to_string(mult);
            if (t) {
                t->node(n).label = title + ": " + std::to_string(shift) + " (multiply by " + std::to_string(mult) + ")";
                t->add(n, "tcp.options.wscale.shift", std::to_string(shift), "Shift count: " + std::to_string(shift), o.offset + 2, 1);
                t->add(n, "tcp.options.wscale.multiplier", std::to_string(mult), "[Multiplier: " + std::to_string(mult) + "]", o.offset + 2, 1);
            }
            break;
        }
        case 4:
            info = " SACK_PERM";
            // A protocol in tshark 4.0, so -T fields prints the option's bytes.
            if (t) {
                const std::uint8_t raw[2] = {4, 2};
                t->node(n).abbrev = "tcp.options.sack_perm";
                t->node(n).value = hex_bytes(Bytes(raw, 2));
            }
            break;
        case 5: {
            std::uint32_t count = 0;
            while (b.has(8)) {
                const std::uint32_t le = b.u32() - sack_base;
                const std::uint32_t re = b.u32() - sack_base;
                info += " SLE=" + std::to_string(le) + " SRE=" + std::to_string(re);
                if (t) {
                    const std::uint32_t at = o.offset + 2 + count * 8;
                    t->add(n, "tcp.options.sack_le", std::to_string(le), "left edge = " + std::to_string(le), at, 4);
                    t->add(n, "tcp.options.sack_re", std::to_string(re), "right edge = " + std::to_string(re), at + 4, 4);
                }
                ++count;
            }
            if (t) t->add(n, "tcp.options.sack.count", std::to_string(count), "[TCP SACK Count: " + std::to_string(count) + "]");
            break;
        }
        case 8: {
            const std::uint32_t val = b.u32(), ecr = b.u32();
            info = " TSval=" + std::to_string(val) + " TSecr=" + std::to_string(ecr);
            if (t) {
                t->node(n).label = title + ": TSval " + std::to_string(val) + ", TSecr " + std::to_string(ecr);
                t->add(n, "tcp.options.timestamp.tsval", std::to_string(val), "Timestamp value: " + std::to_string(val), o.offset + 2, 4);
                t->add(n, "tcp.options.timestamp.tsecr", std::to_string(ecr), "Timestamp echo reply: " + std::to_string(ecr), o.offset + 6, 4);
            }
            break;
        }
        case 253:
        case 254: {
            if (o.body.size() >= 2) {
                const std::uint16_t exid = b.u16();
                if (exid == 0x00ac) {
                    // TCP ACK Rate Request: 4 or 5 bytes.
                    if (o.len == 4 || o.len == 5) info = " TARR";
                    if (t) t->node(n).label = title + ": TCP ACK Rate Request";
                } else {
                    char buf[24];
                    std::snprintf(buf, sizeof buf, " ExID=%04X", exid);
                    info = buf;
                }
                if (t) t->add(n, "tcp.options.experimental.exid", hex(exid, 4), "Experiment Identifier: " + hex(exid, 4), o.offset + 2, 2);
            }
            break;
        }
        default:
            if (t && !o.body.empty())
                t->add(n, "tcp.options.unknown.payload", hex_bytes(o.body), "Payload: " + hex_bytes(o.body), o.offset + 2,
                       static_cast<std::uint32_t>(o.body.size()));
            break;
        }
        append_info(ctx, info);
    }
    if (!opts.error.empty() && t) t->add_text(on, "[Expert Info (Note/Protocol): " + opts.error + "]");
}

}  // namespace seqscope
