// SPDX-License-Identifier: GPL-3.0-or-later
// IPv4 and IPv6 fragment reassembly as tshark does it by default (ip.defragment,
// ipv6.defragment): fragments are collected in pass one; the frame that completes a
// datagram carries the reassembled payload. Pass two (Replay) reads back the
// payload that pass one assembled for that frame, so a frame can be re-decoded in
// any order without the other fragments' frames at hand.
#pragma once

#include "types/address.h"
#include "util/byte_reader.h"
#include "util/strong_id.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace seqscope {

struct FragmentKey {
    Address src, dst;
    std::uint32_t id = 0;
    std::uint8_t proto = 0;    // IPv4: the protocol field; IPv6: 0 (the id is 32 bits)
    auto operator<=>(const FragmentKey&) const = default;
};

struct ReassembledDatagram {
    std::vector<std::uint8_t> payload;
    std::vector<std::uint32_t> frames;  // contributing frames, in offset order
    std::vector<std::uint32_t> lengths; // bytes each contributed
};

class IpReassembly {
public:
    // Pass one: adds a fragment (`offset` in bytes, `more` = MF flag). Returns the
    // datagram if this fragment completed it, else null.
    const ReassembledDatagram* add(FrameNumber frame, const FragmentKey& key, std::uint32_t offset, Bytes data,
                                   bool more);
    // Pass two: the datagram completed by `frame`, or null.
    [[nodiscard]] const ReassembledDatagram* completed_at(FrameNumber frame, const FragmentKey& key) const;

    [[nodiscard]] std::size_t memory_bytes() const { return bytes_held_; }

private:
    struct Piece {
        std::uint32_t frame = 0;
        std::uint32_t offset = 0;
        std::vector<std::uint8_t> data;
    };
    struct Pending {
        std::vector<Piece> pieces;
        std::uint32_t total = 0;   // known once the last fragment (MF clear) arrived
        bool have_last = false;
    };
    // Caps so a hostile capture cannot make pass one hold unbounded memory.
    static constexpr std::size_t kMaxDatagram = 65535 + 8;
    static constexpr std::size_t kMaxPieces = 1024;

    std::map<FragmentKey, Pending> pending_;
    std::map<std::pair<std::uint32_t, FragmentKey>, ReassembledDatagram> done_;
    std::size_t bytes_held_ = 0;
};

}  // namespace seqscope
