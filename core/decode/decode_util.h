// SPDX-License-Identifier: GPL-3.0-or-later
// Small helpers every decoder shares: tshark's value formatting, the column
// setters (null-safe), and the Truncated/Malformed marks with their Info text.
#pragma once

#include "decode/decode_context.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace seqscope {

// "0x" + lower-case hex padded to `digits` (tshark's BASE_HEX).
std::string hex(std::uint64_t v, int digits);
// Bytes as lower-case hex without separators ("0402"), as tshark prints FT_BYTES.
std::string hex_bytes(Bytes b);
// "Set" / "Not set" bit lines of -V: ".... ..1. = Syn: Set".
std::string bit_label(std::uint32_t value, int width_bits, std::uint32_t mask, std::string_view name,
                      std::string_view set_text = "Set", std::string_view unset_text = "Not set");

// Column setters; no-ops when the caller did not ask for columns. Inline, so pass
// one (no columns) pays a test per call, not a call.
inline void set_protocol(DecodeContext& ctx, std::string_view proto) {
    if (ctx.columns && ctx.quote_depth == 0) ctx.columns->protocol = proto;
}
// set_info once columns are known to be wanted (keeps the Info fence).
void set_info_text(DecodeContext& ctx, std::string info);
inline void set_info(DecodeContext& ctx, std::string info) {
    if (ctx.columns && ctx.quote_depth == 0) set_info_text(ctx, std::move(info));
}
inline void append_info(DecodeContext& ctx, std::string_view text) {
    if (ctx.columns && ctx.quote_depth == 0) ctx.columns->info += text;
}
void set_addresses(DecodeContext& ctx, std::string src, std::string dst);

// The capture stopped before the end of what a header says is there (tshark's
// BoundsError): status Truncated, "[Packet size limited during capture]" glued to
// Info, and decoding of this packet stops (ctx.stopped).
void mark_truncated(DecodeContext& ctx, FieldTree::Index parent, std::string_view proto_name);
// The packet contradicts itself (ReportedBoundsError / an error expert item):
// status Malformed; with `info_suffix` "[Malformed Packet]" is glued to Info and
// decoding stops.
void mark_malformed(DecodeContext& ctx, FieldTree::Index parent, std::string_view proto_name,
                    bool exception = true);
// An expert-info error that does not end decoding (Malformed status only).
void expert_malformed(DecodeContext& ctx, FieldTree::Index parent, std::string text);

// Ends decoding the way a read past the captured bytes does in tshark: Truncated if
// the layer's reported length says the bytes exist but were not captured,
// Malformed if even the reported length is too short.
void mark_short(DecodeContext& ctx, FieldTree::Index parent, std::string_view proto_name,
                std::size_t needed_end, std::size_t captured, std::size_t reported);

}  // namespace seqscope
