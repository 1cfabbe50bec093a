// SPDX-License-Identifier: GPL-3.0-or-later
// TCP options (RFC 9293 §3.1 and extensions): parsed once into plain values, then
// shown in the tree and the Info column once the tracker's analysis is known
// (SACK edges are printed relative to the peer's base sequence number).
#pragma once

#include "decode/layers.h"

#include <string>
#include <vector>

namespace seqscope {

struct TcpOption {
    std::uint8_t kind = 0;
    std::uint8_t len = 1;          // whole option incl. kind and length bytes
    std::uint32_t offset = 0;      // in the frame
    Bytes body;                    // bytes after kind/len
    bool cut = false;              // the capture ended inside this option
};

struct TcpOptions {
    std::vector<TcpOption> list;
    std::string error;             // tshark's expert text when parsing stopped early
    bool truncated = false;        // the captured header ended inside the options
};

// Parses `opts` (the header's option bytes as captured; `declared` = header length
// − 20) and fills the option values of `seg`. Without `keep_list` only `seg` and
// `truncated` are filled (pass one shows nothing, so it allocates nothing).
TcpOptions parse_tcp_options(Bytes opts, std::size_t declared, std::uint32_t frame_offset, TcpSegmentView& seg,
                             bool keep_list = true);

// Adds the "Options" subtree and appends the Info text (" MSS=1460 SACK_PERM ...").
// `sack_base` is subtracted from SACK edges (the peer's base sequence, or 0 for raw).
void show_tcp_options(DecodeContext& ctx, TreeIndex tcp_node, const TcpOptions& opts, std::uint32_t sack_base,
                      std::size_t declared, std::uint32_t frame_offset);

}  // namespace seqscope
