// SPDX-License-Identifier: GPL-3.0-or-later
// The entry point of decoding: one frame in, a PacketView out, plus (when asked)
// the field tree and the packet-list columns. Protocol decoders are free functions
// in decode/*.cpp, one per protocol, dispatched by link type, EtherType, IP
// protocol and port.
#pragma once

#include "decode/field_tree.h"
#include "types/packet_view.h"
#include "flow/flow_state.h"
#include "store/packet_store.h"
#include "util/strong_id.h"

#include <string>
#include <vector>

namespace seqscope {

struct FrameInput {
    FrameNumber number{};             // 1-based
    PacketRecord record{};
    Bytes data{};                     // the captured bytes
    std::uint32_t link_type = 0;
    std::int64_t first_ts_ns = 0;     // timestamp of frame 1 (frame.time_relative)
    std::vector<std::string> comments;  // pcapng packet comments
    std::string interface_name;
    std::uint16_t interface_id = 0;
    std::uint8_t ts_digits = 6;       // timestamp resolution of the interface
};

// The packet list's text columns (No./Time/Length come from the record).
struct Columns {
    std::string src, dst;     // column Source / Destination
    std::string protocol;     // _ws.col.Protocol
    std::string info;         // _ws.col.Info
};

// Runs every decoder over one frame. `tree` and `columns` may be null; building
// them costs time, so pass one over a whole file asks for neither.
PacketView dissect_frame(const FrameInput& in, FlowState& state, DissectMode mode,
                         FieldTree* tree, Columns* columns);

}  // namespace seqscope
