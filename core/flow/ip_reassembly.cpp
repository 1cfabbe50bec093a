// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow/ip_reassembly.h"

#include <algorithm>

namespace seqscope {

const ReassembledDatagram* IpReassembly::add(FrameNumber frame, const FragmentKey& key, std::uint32_t offset,
                                             Bytes data, bool more) {
    if (static_cast<std::size_t>(offset) + data.size() > kMaxDatagram) return nullptr;
    Pending& p = pending_[key];
    if (p.pieces.size() >= kMaxPieces) return nullptr;
    p.pieces.push_back(Piece{frame.value, offset, std::vector<std::uint8_t>(data.begin(), data.end())});
    bytes_held_ += data.size() + sizeof(Piece);
    if (!more) {
        p.have_last = true;
        p.total = offset + static_cast<std::uint32_t>(data.size());
    }
    if (!p.have_last) return nullptr;

    // Complete when the pieces cover [0, total) without a gap.
    std::vector<const Piece*> order;
    for (const Piece& pc : p.pieces) order.push_back(&pc);
    std::stable_sort(order.begin(), order.end(), [](const Piece* a, const Piece* b) { return a->offset < b->offset; });
    std::uint32_t covered = 0;
    for (const Piece* pc : order) {
        if (pc->offset > covered) return nullptr;
        covered = std::max(covered, pc->offset + static_cast<std::uint32_t>(pc->data.size()));
    }
    if (covered < p.total) return nullptr;

    ReassembledDatagram d;
    d.payload.assign(p.total, 0);
    // Arrival order: a later copy of overlapping bytes wins.
    for (const Piece& pc : p.pieces) {
        if (pc.offset >= p.total) continue;
        const std::size_t n = std::min<std::size_t>(pc.data.size(), p.total - pc.offset);
        std::copy_n(pc.data.begin(), n, d.payload.begin() + pc.offset);
    }
    for (const Piece* pc : order) {
        d.frames.push_back(pc->frame);
        d.lengths.push_back(static_cast<std::uint32_t>(pc->data.size()));
    }
    for (const Piece& pc : p.pieces) bytes_held_ -= pc.data.size() + sizeof(Piece);
    pending_.erase(key);
    bytes_held_ += d.payload.size() + sizeof(ReassembledDatagram);
    auto [it, inserted] = done_.insert_or_assign(std::make_pair(frame.value, key), std::move(d));
    (void)inserted;
    return &it->second;
}

const ReassembledDatagram* IpReassembly::completed_at(FrameNumber frame, const FragmentKey& key) const {
    const auto it = done_.find(std::make_pair(frame.value, key));
    return it == done_.end() ? nullptr : &it->second;
}

}  // namespace seqscope
