// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow/icmp_tracker.h"

namespace seqscope {

IcmpTracker::Key IcmpTracker::make_key(std::uint8_t version, const Address& src, const Address& dst,
                                       std::uint16_t ident, std::uint16_t seq) {
    Key k;
    k.a = src < dst ? src : dst;
    k.b = src < dst ? dst : src;
    k.ident = ident;
    k.seq = seq;
    k.version = version;
    return k;
}

void IcmpTracker::request(FrameNumber frame, const Key& key) { open_[key] = Transaction{frame.value, 0}; }

std::uint32_t IcmpTracker::reply(FrameNumber frame, const Key& key) {
    const auto it = open_.find(key);
    if (it == open_.end() || it->second.response != 0 || it->second.request >= frame.value) return 0;
    it->second.response = frame.value;
    answered_[frame.value] = it->second.request;
    return it->second.request;
}

std::uint32_t IcmpTracker::replayed_reply(FrameNumber frame) const {
    const auto it = answered_.find(frame.value);
    return it == answered_.end() ? 0 : it->second;
}

}  // namespace seqscope
