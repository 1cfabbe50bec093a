// SPDX-License-Identifier: GPL-3.0-or-later
// udp.stream numbering as tshark assigns it: one index per address/port pair
// (direction-agnostic), handed out in order of first appearance.
#pragma once

#include "types/address.h"
#include "util/strong_id.h"

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <vector>

namespace seqscope {

struct UdpStreamKey {
    Address a, b;
    std::uint16_t port_a = 0, port_b = 0;
    auto operator<=>(const UdpStreamKey&) const = default;
};

class UdpTracker {
public:
    // The stream for an endpoint pair, created on first sight (Track) or looked up (Replay).
    UdpStreamId stream(const Address& src, std::uint16_t sport, const Address& dst, std::uint16_t dport);
    // The stream of an endpoint pair already seen (no creation).
    [[nodiscard]] std::optional<UdpStreamId> find(const Address& src, std::uint16_t sport, const Address& dst,
                                                  std::uint16_t dport) const;
    [[nodiscard]] std::size_t stream_count() const { return keys_.size(); }
    [[nodiscard]] const UdpStreamKey& key(UdpStreamId id) const { return keys_[id.value]; }
    [[nodiscard]] std::size_t memory_bytes() const { return keys_.size() * (sizeof(UdpStreamKey) * 2 + 48); }

    static UdpStreamKey normalize(const Address& src, std::uint16_t sport, const Address& dst, std::uint16_t dport);

private:
    std::map<UdpStreamKey, UdpStreamId> index_;
    std::vector<UdpStreamKey> keys_;
};

}  // namespace seqscope
