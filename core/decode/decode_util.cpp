// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/decode_util.h"

#include <cstdio>

namespace seqscope {

std::string hex(std::uint64_t v, int digits) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%0*llx", digits, static_cast<unsigned long long>(v));
    return buf;
}

std::string hex_bytes(Bytes b) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(b.size() * 2);
    for (const std::uint8_t c : b) {
        out += kDigits[c >> 4];
        out += kDigits[c & 0xf];
    }
    return out;
}

std::string bit_label(std::uint32_t value, int width_bits, std::uint32_t mask, std::string_view name,
                      std::string_view set_text, std::string_view unset_text) {
    std::string out;
    for (int i = width_bits - 1; i >= 0; --i) {
        const std::uint32_t bit = std::uint32_t{1} << i;
        out += (mask & bit) ? ((value & bit) ? '1' : '0') : '.';
        if (i % 4 == 0 && i != 0) out += ' ';
    }
    out += " = ";
    out += name;
    out += ": ";
    out += (value & mask) ? set_text : unset_text;
    return out;
}

void set_info_text(DecodeContext& ctx, std::string info) {
    if (ctx.info_fence == 0 || ctx.info_fence > ctx.columns->info.size()) {
        ctx.columns->info = std::move(info);
        return;
    }
    ctx.columns->info.resize(ctx.info_fence);
    ctx.columns->info += info;
}

void set_addresses(DecodeContext& ctx, std::string src, std::string dst) {
    if (ctx.columns && ctx.quote_depth == 0) {
        ctx.columns->src = std::move(src);
        ctx.columns->dst = std::move(dst);
    }
}

void mark_truncated(DecodeContext& ctx, FieldTree::Index parent, std::string_view proto_name) {
    if (ctx.stopped) return;
    ctx.stopped = true;
    if (ctx.quote_depth > 0) return;  // a short quote inside an ICMP error is normal
    if (ctx.view.status == PacketStatus::Ok) ctx.view.status = PacketStatus::Truncated;
    // The Info text goes on the packet's own columns even when the quoted part ran out.
    if (ctx.columns) ctx.columns->info += "[Packet size limited during capture]";
    if (ctx.tree)
        ctx.tree->add_text(parent < 0 ? FieldTree::kRoot : parent,
                           "[Packet size limited during capture: " + std::string(proto_name) + " truncated]");
}

void mark_malformed(DecodeContext& ctx, FieldTree::Index parent, std::string_view proto_name, bool exception) {
    if (ctx.quote_depth > 0) {
        ctx.stopped = true;
        return;
    }
    ctx.view.status = PacketStatus::Malformed;
    if (!exception) return;
    if (ctx.stopped) return;
    ctx.stopped = true;
    if (ctx.columns) ctx.columns->info += "[Malformed Packet]";
    if (ctx.tree) {
        // tshark adds the malformed item at the top level of the tree.
        (void)parent;
        const auto m = ctx.tree->add(FieldTree::kRoot, "_ws.malformed", {},
                                     "[Malformed Packet: " + std::string(proto_name) + "]");
        ctx.tree->add_text(m, "[Expert Info (Error/Malformed): Malformed Packet (Exception occurred)]");
    }
}

void expert_malformed(DecodeContext& ctx, FieldTree::Index parent, std::string text) {
    ctx.view.status = PacketStatus::Malformed;
    if (ctx.tree && parent >= 0) ctx.tree->add_text(parent, "[Expert Info (Error/Malformed): " + text + "]");
}

void mark_short(DecodeContext& ctx, FieldTree::Index parent, std::string_view proto_name, std::size_t needed_end,
                std::size_t captured, std::size_t reported) {
    if (needed_end > reported) mark_malformed(ctx, parent, proto_name);
    else if (needed_end > captured) mark_truncated(ctx, parent, proto_name);
    else mark_malformed(ctx, parent, proto_name);
}

}  // namespace seqscope
