// SPDX-License-Identifier: GPL-3.0-or-later
// Which frames carry a record, and where: a bitmap over frame numbers with a running
// count per 64 frames, so frame -> slot is one popcount (2 bits per frame of the
// capture, TCP or not). Frames must be added in increasing order (pass one).
// Readers of a slot that is being appended need the same lock as the writer.
#pragma once

#include "store/chunked_vector.h"

#include <bit>
#include <cstdint>
#include <optional>

namespace seqscope {

class FrameSlotIndex {
public:
    // Marks `frame` as the next slot; returns that slot. Frames strictly increase.
    std::uint32_t add(std::uint32_t frame) {
        const std::size_t word = frame >> 6;
        while (words_.size_unpublished() <= word) words_.push_back({0, count_});
        words_.mut(word).bits |= std::uint64_t{1} << (frame & 63);
        words_.publish();
        return count_++;
    }
    [[nodiscard]] std::optional<std::uint32_t> slot(std::uint32_t frame) const {
        const std::size_t word = frame >> 6;
        if (word >= words_.size()) return std::nullopt;
        const Word& w = words_[word];
        const std::uint64_t bit = std::uint64_t{1} << (frame & 63);
        if ((w.bits & bit) == 0) return std::nullopt;
        return w.rank_before + static_cast<std::uint32_t>(std::popcount(w.bits & (bit - 1)));
    }
    [[nodiscard]] std::uint32_t count() const { return count_; }
    [[nodiscard]] std::size_t memory_bytes() const { return words_.memory_bytes(); }

private:
    struct Word {
        std::uint64_t bits = 0;
        std::uint32_t rank_before = 0;  // slots of all earlier words
    };
    ChunkedVector<Word> words_;
    std::uint32_t count_ = 0;
};

}  // namespace seqscope
