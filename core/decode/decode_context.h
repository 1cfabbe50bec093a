// SPDX-License-Identifier: GPL-3.0-or-later
// What every protocol decoder receives: the frame, the flow state, the mode, and
// the optional outputs. Decoders are free functions `void decode_X(DecodeContext&,
// ByteReader payload, FieldTree::Index parent, ...)`.
#pragma once

#include "decode/dissector.h"

namespace seqscope {

struct DecodeContext {
    const FrameInput& in;
    FlowState& state;
    DissectMode mode;
    FieldTree* tree;      // null in pass one
    Columns* columns;     // null when columns are not wanted
    PacketView& view;
    // Set when a decoder hit the end of the captured bytes or a fatal error: the
    // layers above it are not decoded, as tshark's exceptions unwind the stack.
    bool stopped = false;
    // Depth of ICMP error quoting (0 = the packet itself); quoted headers do not
    // set columns or the PacketView's top-level transport.
    int quote_depth = 0;
    // Leading Info characters a later set_info() keeps (tshark's column fence): the
    // TCP analysis tags stay in front when DNS over TCP rewrites Info.
    std::size_t info_fence = 0;

    [[nodiscard]] bool track() const { return mode == DissectMode::Track; }
    // Whether anyone reads text (tree labels, columns): pass one over a file asks
    // for neither, and formatting addresses and numbers is most of its cost.
    [[nodiscard]] bool wants_text() const { return tree != nullptr || columns != nullptr; }
    // A transport header quoted inside an ICMP error: remember what the error is about.
    void note_quoted(std::uint8_t proto, const Address& src, std::uint16_t sport, const Address& dst, std::uint16_t dport) {
        if (!view.icmp_error || view.icmp_error->quoted_proto != 0) return;
        view.icmp_error->quoted_proto = proto;
        view.icmp_error->src = src;
        view.icmp_error->dst = dst;
        view.icmp_error->src_port = sport;
        view.icmp_error->dst_port = dport;
    }
    // Offset of a span inside the frame's bytes (for field byte ranges).
    [[nodiscard]] std::uint32_t offset_of(Bytes part) const {
        return part.data() >= in.data.data() && part.data() <= in.data.data() + in.data.size()
                   ? static_cast<std::uint32_t>(part.data() - in.data.data())
                   : 0;
    }
};

}  // namespace seqscope
