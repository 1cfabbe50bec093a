// SPDX-License-Identifier: GPL-3.0-or-later
// Bounds-checked reading of wire data. Every decoder reads through this: no struct
// overlays, no pointer arithmetic past the span. A read past the end never touches
// memory; it returns 0 and latches `ok() == false`, so a decoder can read a whole
// header and check once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace seqscope {

using Bytes = std::span<const std::uint8_t>;

class ByteReader {
public:
    ByteReader() = default;
    explicit ByteReader(Bytes data) : data_(data) {}

    [[nodiscard]] bool ok() const { return ok_; }
    [[nodiscard]] std::size_t offset() const { return pos_; }
    [[nodiscard]] std::size_t size() const { return data_.size(); }
    [[nodiscard]] std::size_t remaining() const { return pos_ <= data_.size() ? data_.size() - pos_ : 0; }
    [[nodiscard]] bool has(std::size_t n) const { return remaining() >= n; }
    [[nodiscard]] Bytes data() const { return data_; }

    void seek(std::size_t pos) {
        if (pos > data_.size()) { ok_ = false; pos_ = data_.size(); return; }
        pos_ = pos;
    }
    void skip(std::size_t n) {
        if (!has(n)) { ok_ = false; pos_ = data_.size(); return; }
        pos_ += n;
    }

    std::uint8_t u8() { return static_cast<std::uint8_t>(take<1>(false)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(take<2>(false)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(take<4>(false)); }
    std::uint64_t u64() { return take<8>(false); }
    std::uint16_t u16le() { return static_cast<std::uint16_t>(take<2>(true)); }
    std::uint32_t u32le() { return static_cast<std::uint32_t>(take<4>(true)); }
    std::uint64_t u64le() { return take<8>(true); }

    // A sub-span of n bytes, advancing past it; empty (and !ok) if not available.
    Bytes bytes(std::size_t n) {
        if (!has(n)) { ok_ = false; pos_ = data_.size(); return {}; }
        Bytes out = data_.subspan(pos_, n);
        pos_ += n;
        return out;
    }
    Bytes rest() { return bytes(remaining()); }

    // Peeks at absolute offsets without moving; 0 when out of range (no latch).
    [[nodiscard]] std::uint8_t peek_u8(std::size_t at) const { return at < data_.size() ? data_[at] : 0; }
    [[nodiscard]] std::uint16_t peek_u16(std::size_t at) const {
        return at + 2 <= data_.size() ? static_cast<std::uint16_t>((data_[at] << 8) | data_[at + 1]) : 0;
    }
    [[nodiscard]] std::uint32_t peek_u32(std::size_t at) const {
        if (at + 4 > data_.size()) return 0;
        return (std::uint32_t{data_[at]} << 24) | (std::uint32_t{data_[at + 1]} << 16) |
               (std::uint32_t{data_[at + 2]} << 8) | std::uint32_t{data_[at + 3]};
    }

private:
    template <std::size_t N>
    std::uint64_t take(bool little) {
        if (!has(N)) { ok_ = false; pos_ = data_.size(); return 0; }
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < N; ++i) {
            const std::uint64_t b = data_[pos_ + i];
            v |= little ? (b << (8 * i)) : (b << (8 * (N - 1 - i)));
        }
        pos_ += N;
        return v;
    }

    Bytes data_{};
    std::size_t pos_ = 0;
    bool ok_ = true;
};

}  // namespace seqscope
