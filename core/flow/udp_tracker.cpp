// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow/udp_tracker.h"

namespace seqscope {

UdpStreamKey UdpTracker::normalize(const Address& src, std::uint16_t sport, const Address& dst, std::uint16_t dport) {
    if (std::tie(src, sport) <= std::tie(dst, dport)) return {src, dst, sport, dport};
    return {dst, src, dport, sport};
}

UdpStreamId UdpTracker::stream(const Address& src, std::uint16_t sport, const Address& dst, std::uint16_t dport) {
    const UdpStreamKey key = normalize(src, sport, dst, dport);
    auto [it, inserted] = index_.try_emplace(key, UdpStreamId{static_cast<std::uint32_t>(keys_.size())});
    if (inserted) keys_.push_back(key);
    return it->second;
}

std::optional<UdpStreamId> UdpTracker::find(const Address& src, std::uint16_t sport, const Address& dst,
                                            std::uint16_t dport) const {
    auto it = index_.find(normalize(src, sport, dst, dport));
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

}  // namespace seqscope
