// SPDX-License-Identifier: GPL-3.0-or-later
// ICMP (RFC 792): echo and timestamp messages with request/reply matching, and
// error messages with the quoted IP header and its first transport bytes.
#include "decode/decode_util.h"
#include "decode/layers.h"

#include <cstdio>

namespace seqscope {

namespace {

const char* type_name(std::uint8_t type) {
    switch (type) {
    case 0: return "Echo (ping) reply";
    case 3: return "Destination unreachable";
    case 4: return "Source quench (flow control)";
    case 5: return "Redirect";
    case 8: return "Echo (ping) request";
    case 9: return "Router advertisement";
    case 10: return "Router solicitation";
    case 11: return "Time-to-live exceeded";
    case 12: return "Parameter problem";
    case 13: return "Timestamp request";
    case 14: return "Timestamp reply";
    case 15: return "Information request";
    case 16: return "Information reply";
    case 17: return "Address mask request";
    case 18: return "Address mask reply";
    default: return "Unknown ICMP (obsolete or malformed?)";
    }
}

const char* code_name(std::uint8_t type, std::uint8_t code) {
    static constexpr const char* kUnreach[16] = {
        "Network unreachable", "Host unreachable", "Protocol unreachable", "Port unreachable",
        "Fragmentation needed", "Source route failed", "Destination network unknown", "Destination host unknown",
        "Source host isolated", "Network administratively prohibited", "Host administratively prohibited",
        "Network unreachable for TOS", "Host unreachable for TOS", "Communication administratively filtered",
        "Host precedence violation", "Precedence cutoff in effect"};
    static constexpr const char* kRedirect[4] = {"Redirect for network", "Redirect for host",
                                                 "Redirect for TOS and network", "Redirect for TOS and host"};
    static constexpr const char* kExceeded[2] = {"Time to live exceeded in transit", "Fragment reassembly time exceeded"};
    static constexpr const char* kParam[3] = {"Pointer indicates the error", "Required option missing", "Bad length"};
    switch (type) {
    case 3: return code < 16 ? kUnreach[code] : nullptr;
    case 5: return code < 4 ? kRedirect[code] : nullptr;
    case 11: return code < 2 ? kExceeded[code] : nullptr;
    case 12: return code < 3 ? kParam[code] : nullptr;
    case 9: return code == 0 ? "Normal router advertisement" : code == 16 ? "Does not route common traffic" : nullptr;
    default: return nullptr;
    }
}

bool is_error(std::uint8_t type) { return type == 3 || type == 4 || type == 5 || type == 11 || type == 12; }
bool has_id_seq(std::uint8_t type) { return type == 0 || type == 8 || (type >= 13 && type <= 18); }

}  // namespace

std::uint32_t ones_sum(Bytes data, std::uint32_t sum) {
    std::size_t i = 0;
    for (; i + 1 < data.size(); i += 2) sum += (std::uint32_t{data[i]} << 8) | data[i + 1];
    if (i < data.size()) sum += std::uint32_t{data[i]} << 8;
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return sum;
}

void decode_quoted_ip(DecodeContext& ctx, ByteReader r, TreeIndex parent) {
    if (r.remaining() == 0) return;
    ++ctx.quote_depth;
    const std::uint32_t reported = static_cast<std::uint32_t>(r.size());
    if ((r.peek_u8(0) >> 4) == 6) decode_ipv6(ctx, r, parent, reported);
    else decode_ipv4(ctx, r, parent, reported);
    --ctx.quote_depth;
    if (ctx.quote_depth == 0) ctx.stopped = false;
}

void decode_icmp(DecodeContext& ctx, ByteReader r, TreeIndex parent, const IpInfo& ip) {
    const std::uint32_t base = ctx.offset_of(r.data());
    set_protocol(ctx, "ICMP");
    set_info(ctx, {});
    TreeIndex node = parent;
    if (ctx.tree) node = ctx.tree->add(parent, "icmp", {}, "Internet Control Message Protocol", base, static_cast<std::uint32_t>(r.size()));
    if (!r.has(4)) {
        mark_short(ctx, node, "ICMP", 4, r.size(), ip.reported);
        return;
    }
    const std::uint8_t type = r.u8();
    const std::uint8_t code = r.u8();
    const std::uint16_t checksum = r.u16();
    char head[64];
    std::snprintf(head, sizeof head, "%-20s", type_name(type));
    std::string info = head;
    const char* cname = code_name(type, code);
    if (cname) info += std::string(" (") + cname + ")";
    // The checksum covers the whole message; verifiable only if all of it was captured.
    std::string status = "2";
    std::string status_label = "Unverified";
    if (r.size() >= ip.reported && ctx.quote_depth == 0) {
        const bool good = ones_sum(r.data().first(ip.reported)) == 0xffff;
        status = good ? "1" : "0";
        status_label = good ? "Good" : "Bad";
    }
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        t.add(node, "icmp.type", std::to_string(type), "Type: " + std::to_string(type) + " (" + type_name(type) + ")", base, 1);
        t.add(node, "icmp.code", std::to_string(code),
              "Code: " + std::to_string(code) + (cname ? std::string(" (") + cname + ")" : std::string()), base + 1, 1);
        t.add(node, "icmp.checksum", hex(checksum, 4),
              "Checksum: " + hex(checksum, 4) + (status == "1" ? " [correct]" : status == "0" ? " [incorrect]" : " [unverified]"), base + 2, 2);
        t.add(node, "icmp.checksum.status", status, "[Checksum Status: " + status_label + "]");
    }
    if (has_id_seq(type)) {
        if (!r.has(4)) {
            set_info(ctx, info);
            mark_short(ctx, node, "ICMP", 8, r.size(), ip.reported);
            return;
        }
        const std::uint16_t ident = r.u16();
        const std::uint16_t seq = r.u16();
        const std::uint16_t seq_le = static_cast<std::uint16_t>((seq >> 8) | (seq << 8));
        char buf[96];
        std::snprintf(buf, sizeof buf, " id=0x%04x, seq=%u/%u, ttl=%u", ident, seq, seq_le, ip.ttl);
        info += buf;
        if (ctx.tree) {
            FieldTree& t = *ctx.tree;
            const std::uint16_t ident_le = static_cast<std::uint16_t>((ident >> 8) | (ident << 8));
            t.add(node, "icmp.ident", std::to_string(ident), "Identifier (BE): " + std::to_string(ident) + " (" + hex(ident, 4) + ")", base + 4, 2);
            t.add(node, "icmp.ident_le", std::to_string(ident_le), "Identifier (LE): " + std::to_string(ident_le) + " (" + hex(ident_le, 4) + ")", base + 4, 2);
            t.add(node, "icmp.seq", std::to_string(seq), "Sequence Number (BE): " + std::to_string(seq) + " (" + hex(seq, 4) + ")", base + 6, 2);
            t.add(node, "icmp.seq_le", std::to_string(seq_le), "Sequence Number (LE): " + std::to_string(seq_le) + " (" + hex(seq_le, 4) + ")", base + 6, 2);
        }
        if ((type == 0 || type == 8) && ctx.quote_depth == 0) {
            const auto key = IcmpTracker::make_key(4, ip.src, ip.dst, ident, seq);
            if (type == 8) {
                if (ctx.track()) ctx.state.icmp.request(ctx.in.number, key);
            } else {
                const std::uint32_t req = ctx.track() ? ctx.state.icmp.reply(ctx.in.number, key)
                                                      : ctx.state.icmp.replayed_reply(ctx.in.number);
                if (req != 0) {
                    info += " (request in " + std::to_string(req) + ")";
                    if (ctx.tree) ctx.tree->add(node, "icmp.resp_to", std::to_string(req), "[Response To: " + std::to_string(req) + "]");
                }
            }
        }
        set_info(ctx, info);
        if (r.remaining() > 0) decode_data(ctx, ByteReader(r.rest()), node);
        return;
    }
    set_info(ctx, info);
    if (!r.has(4)) {
        mark_short(ctx, node, "ICMP", 8, r.size(), ip.reported);
        return;
    }
    const Bytes rest4 = r.bytes(4);
    if (ctx.tree) {
        if (type == 5) ctx.tree->add(node, "icmp.redir_gw", format_ipv4(rest4.data()), "Gateway Address: " + format_ipv4(rest4.data()), base + 4, 4);
        else if (type == 3 && code == 4) {
            const std::uint16_t mtu = static_cast<std::uint16_t>((rest4[2] << 8) | rest4[3]);
            ctx.tree->add(node, "icmp.mtu", std::to_string(mtu), "MTU of next hop: " + std::to_string(mtu), base + 6, 2);
        } else ctx.tree->add(node, "icmp.unused", hex_bytes(rest4), "Unused: " + hex_bytes(rest4), base + 4, 4);
    }
    if (is_error(type)) {
        if (ctx.quote_depth == 0)
            ctx.view.icmp_error = IcmpErrorView{false, type, code,
                                                std::string(type_name(type)) + (cname ? std::string(" (") + cname + ")" : ""),
                                                0, {}, {}, 0, 0};
        decode_quoted_ip(ctx, ByteReader(r.rest()), node);
    }
    else if (r.remaining() > 0) decode_data(ctx, ByteReader(r.rest()), node);
}

}  // namespace seqscope
