// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/dissector.h"

#include "decode/frame.h"

namespace seqscope {

PacketView dissect_frame(const FrameInput& in, FlowState& state, DissectMode mode, FieldTree* tree,
                         Columns* columns) {
    PacketView view;
    view.link_type = in.link_type;
    DecodeContext ctx{in, state, mode, tree, columns, view};
    decode_frame(ctx);
    return view;
}

}  // namespace seqscope
