// SPDX-License-Identifier: GPL-3.0-or-later
// What `seqscope-cli -V` adds under tshark's field tree: for each TCP segment the
// seq/ack arithmetic (next sequence number and why, the Ack equation, cumulative,
// piggybacked and delayed ACKs, the window's scale), the rule behind each
// analysis flag and both endpoints' states after it; for each UDP datagram its
// exchange (request, response and response time, ICMP error). tshark's own lines
// stay untouched above it, so a diff against tshark -V shows only these blocks.
#pragma once

#include "util/strong_id.h"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace seqscope {

class CaptureSession;

class VerboseExplanations {
public:
    // Explains every loaded frame of an analysed session. The text needs every
    // conversation's segments, so it is built after the capture (or -c N of it) is read.
    static VerboseExplanations build(const CaptureSession& session);

    // The block for one frame, indented as a tree of its own; empty when the
    // frame is neither a TCP segment nor a UDP datagram of a tracked stream.
    [[nodiscard]] const std::string& text(FrameNumber frame) const;

private:
    std::unordered_map<std::uint32_t, std::string> by_frame_;
};

}  // namespace seqscope
