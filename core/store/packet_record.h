// SPDX-License-Identifier: GPL-3.0-or-later
// The packed per-packet record (pass zero: what the file says about a packet).
#pragma once

#include <cstdint>

namespace seqscope {

struct PacketRecord {
    std::int64_t ts_ns = 0;        // absolute time, nanoseconds since the epoch
    std::uint64_t offset = 0;      // where the captured bytes start in the store's byte space
    std::uint32_t cap_len = 0;     // bytes captured (frame.cap_len)
    std::uint32_t wire_len = 0;    // bytes on the wire (frame.len)
    std::uint16_t interface = 0;   // index into PacketStore::interfaces()
    std::uint16_t flags = 0;       // PacketRecord::kHasComment, ...

    static constexpr std::uint16_t kHasComment = 1;
};
static_assert(sizeof(PacketRecord) == 32);

}  // namespace seqscope
