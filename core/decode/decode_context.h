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

    [[nodiscard]] bool track() const { return mode == DissectMode::Track; }
    // Offset of a span inside the frame's bytes (for field byte ranges).
    [[nodiscard]] std::uint32_t offset_of(Bytes part) const {
        return part.data() >= in.data.data() && part.data() <= in.data.data() + in.data.size()
                   ? static_cast<std::uint32_t>(part.data() - in.data.data())
                   : 0;
    }
};

}  // namespace seqscope
