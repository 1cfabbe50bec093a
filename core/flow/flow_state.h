// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the decoders remember across packets. In Track mode (pass one, packet
// order) decoders update it and it records per-frame results; in Replay mode
// (pass two, any frame, any order) decoders only read those results back.
#pragma once

#include "flow/tcp_tracker.h"
#include "flow/udp_tracker.h"
#include "flow/ip_reassembly.h"
#include "flow/icmp_tracker.h"

namespace seqscope {

enum class DissectMode : std::uint8_t { Track, Replay };

struct FlowState {
    TcpTracker tcp;
    UdpTracker udp;
    IpReassembly ip_fragments;
    IcmpTracker icmp;

    [[nodiscard]] std::size_t memory_bytes() const {
        return tcp.memory_bytes() + udp.memory_bytes() + ip_fragments.memory_bytes() + icmp.memory_bytes();
    }
};

}  // namespace seqscope
