// SPDX-License-Identifier: GPL-3.0-or-later
// ICMP/ICMPv6 echo request/reply matching ("(request in N)" in the Info column),
// as tshark does it in one pass: a reply names the latest request with the same
// address pair, identifier and sequence number, once; later duplicates name none.
// Pass one records each reply's answer, so pass two replays it for any frame.
#pragma once

#include "types/address.h"
#include "util/strong_id.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>

namespace seqscope {

class IcmpTracker {
public:
    struct Key {
        Address a, b;  // normalized (a <= b)
        std::uint16_t ident = 0, seq = 0;
        std::uint8_t version = 4;
        auto operator<=>(const Key&) const = default;
    };
    static Key make_key(std::uint8_t version, const Address& src, const Address& dst, std::uint16_t ident,
                        std::uint16_t seq);

    // Pass one.
    void request(FrameNumber frame, const Key& key);
    // Pass one: the request frame this reply answers (0 if none).
    std::uint32_t reply(FrameNumber frame, const Key& key);
    // Pass two: what reply() returned for `frame` (0 if none).
    [[nodiscard]] std::uint32_t replayed_reply(FrameNumber frame) const;

    [[nodiscard]] std::size_t memory_bytes() const {
        return open_.size() * (sizeof(Key) + 48) + answered_.size() * 24;
    }

private:
    struct Transaction {
        std::uint32_t request = 0, response = 0;
    };
    std::map<Key, Transaction> open_;
    std::unordered_map<std::uint32_t, std::uint32_t> answered_;  // reply frame -> request frame
};

}  // namespace seqscope
