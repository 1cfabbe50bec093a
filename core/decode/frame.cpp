// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/frame.h"

#include "decode/layers.h"

#include <cinttypes>
#include <cstdio>

namespace seqscope {

std::string format_relative_time(std::int64_t ns) {
    char buf[40];
    const bool neg = ns < 0;
    const std::uint64_t a = neg ? static_cast<std::uint64_t>(-(ns + 1)) + 1 : static_cast<std::uint64_t>(ns);
    std::snprintf(buf, sizeof buf, "%s%" PRIu64 ".%09" PRIu64, neg ? "-" : "", a / 1'000'000'000u, a % 1'000'000'000u);
    return buf;
}

void decode_frame(DecodeContext& ctx) {
    const FrameInput& in = ctx.in;
    FieldTree::Index root = FieldTree::kRoot;
    if (ctx.tree) {
        FieldTree& t = *ctx.tree;
        root = t.add(FieldTree::kRoot, "frame", {},
                                "Frame " + std::to_string(in.number.value) + ": " + std::to_string(in.record.wire_len) +
                                    " bytes on wire (" + std::to_string(in.record.wire_len * 8) + " bits), " +
                                    std::to_string(in.record.cap_len) + " bytes captured (" +
                                    std::to_string(in.record.cap_len * 8) + " bits)",
                                0, in.record.cap_len);
        for (const std::string& c : in.comments) t.add(root, "frame.comment", c, "Comment: " + c);
        const std::string rel = format_relative_time(in.record.ts_ns - in.first_ts_ns);
        t.add(root, "frame.time_relative", rel, "[Time since reference or first frame: " + rel + " seconds]");
        t.add(root, "frame.number", std::to_string(in.number.value), "Frame Number: " + std::to_string(in.number.value));
        t.add(root, "frame.len", std::to_string(in.record.wire_len),
              "Frame Length: " + std::to_string(in.record.wire_len) + " bytes (" + std::to_string(in.record.wire_len * 8) + " bits)");
        t.add(root, "frame.cap_len", std::to_string(in.record.cap_len),
              "Capture Length: " + std::to_string(in.record.cap_len) + " bytes (" + std::to_string(in.record.cap_len * 8) + " bits)");
    }
    decode_link(ctx, root);
}

}  // namespace seqscope
