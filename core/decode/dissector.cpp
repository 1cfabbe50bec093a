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
    // A frame cut by the snap length is Truncated even where no decoder needed the
    // missing bytes (a payload shown as far as it was captured).
    if (view.status == PacketStatus::Ok && in.record.cap_len < in.record.wire_len) view.status = PacketStatus::Truncated;
    return view;
}

}  // namespace seqscope
