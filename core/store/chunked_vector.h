// SPDX-License-Identifier: GPL-3.0-or-later
// An append-only vector that one writer grows while readers read the published
// prefix. Elements live in fixed-size chunks that never move, and the chunk table
// is allocated once, so a reader holding an index below size() never races a
// reallocation. The writer publishes with a release store; readers acquire.
#pragma once

#include <atomic>
#include <cassert>
#include <cstddef>
#include <memory>
#include <stdexcept>

namespace seqscope {

template <typename T, std::size_t ChunkBits = 12, std::size_t MaxChunks = (std::size_t{1} << 17)>
class ChunkedVector {
public:
    static constexpr std::size_t kChunkSize = std::size_t{1} << ChunkBits;
    static constexpr std::size_t kCapacity = kChunkSize * MaxChunks;

    ChunkedVector() : chunks_(std::make_unique<std::unique_ptr<T[]>[]>(MaxChunks)) {}
    ChunkedVector(const ChunkedVector&) = delete;
    ChunkedVector& operator=(const ChunkedVector&) = delete;

    // Readers: number of published elements.
    [[nodiscard]] std::size_t size() const { return published_.load(std::memory_order_acquire); }
    [[nodiscard]] bool empty() const { return size() == 0; }

    const T& operator[](std::size_t i) const {
        assert(i < size_unpublished_);
        return chunks_[i >> ChunkBits][i & (kChunkSize - 1)];
    }
    // Writer only: mutable access to an element it appended (published or not).
    T& mut(std::size_t i) { return chunks_[i >> ChunkBits][i & (kChunkSize - 1)]; }

    // Writer only. Appends without publishing; call publish() to make visible.
    T& push_back(const T& v) {
        const std::size_t i = size_unpublished_;
        if (i >= kCapacity) throw std::length_error("ChunkedVector capacity exceeded");
        auto& chunk = chunks_[i >> ChunkBits];
        if (!chunk) chunk = std::make_unique<T[]>(kChunkSize);
        T& slot = chunk[i & (kChunkSize - 1)];
        slot = v;
        ++size_unpublished_;
        return slot;
    }
    [[nodiscard]] std::size_t size_unpublished() const { return size_unpublished_; }
    void publish() { published_.store(size_unpublished_, std::memory_order_release); }
    // Publishes the first `n` elements only (a writer that appends ahead of its analysis).
    void publish(std::size_t n) {
        published_.store(n < size_unpublished_ ? n : size_unpublished_, std::memory_order_release);
    }

    // Bytes held, for the memory budget.
    [[nodiscard]] std::size_t memory_bytes() const {
        const std::size_t chunks = (size_unpublished_ + kChunkSize - 1) / kChunkSize;
        return chunks * kChunkSize * sizeof(T) + MaxChunks * sizeof(std::unique_ptr<T[]>);
    }

private:
    std::unique_ptr<std::unique_ptr<T[]>[]> chunks_;
    std::size_t size_unpublished_ = 0;
    std::atomic<std::size_t> published_{0};
};

}  // namespace seqscope
