// SPDX-License-Identifier: GPL-3.0-or-later
// zlib stream with one fixed-Huffman deflate block. Fixed codes need no code
// tables in the stream, and a greedy LZ77 over a hash chain already shrinks the
// ladder's mostly-background rows to a few bytes each.
#include "render/png_encoder.h"

#include <algorithm>
#include <array>

namespace seqscope::render {
namespace {

constexpr std::array<std::uint16_t, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                                       31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistBase = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,
                                                     33,  49,  65,  97,  129, 193,  257,  385,  513,  769,
                                                     1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                     6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
constexpr std::size_t kWindow = 32768, kMaxMatch = 258, kMinMatch = 3, kChainTries = 16;

class BitWriter {
public:
    explicit BitWriter(std::vector<std::uint8_t>& out) : out_(out) {}
    void bits(std::uint32_t value, int count) {  // LSB first
        acc_ |= static_cast<std::uint64_t>(value) << fill_;
        fill_ += count;
        while (fill_ >= 8) {
            out_.push_back(static_cast<std::uint8_t>(acc_ & 0xFF));
            acc_ >>= 8;
            fill_ -= 8;
        }
    }
    void huffman(std::uint32_t code, int length) {  // Huffman codes go most significant bit first
        std::uint32_t rev = 0;
        for (int i = 0; i < length; ++i) rev |= ((code >> i) & 1u) << (length - 1 - i);
        bits(rev, length);
    }
    void flush() {
        if (fill_ > 0) out_.push_back(static_cast<std::uint8_t>(acc_ & 0xFF));
        acc_ = 0, fill_ = 0;
    }

private:
    std::vector<std::uint8_t>& out_;
    std::uint64_t acc_ = 0;
    int fill_ = 0;
};

void literal_length(BitWriter& w, std::uint32_t sym) {
    if (sym < 144) w.huffman(0x30 + sym, 8);
    else if (sym < 256) w.huffman(0x190 + sym - 144, 9);
    else if (sym < 280) w.huffman(sym - 256, 7);
    else w.huffman(0xC0 + sym - 280, 8);
}

void match(BitWriter& w, std::size_t length, std::size_t distance) {
    std::size_t i = kLengthBase.size() - 1;
    while (kLengthBase[i] > length) --i;
    literal_length(w, static_cast<std::uint32_t>(257 + i));
    w.bits(static_cast<std::uint32_t>(length - kLengthBase[i]), kLengthExtra[i]);
    std::size_t d = kDistBase.size() - 1;
    while (kDistBase[d] > distance) --d;
    w.huffman(static_cast<std::uint32_t>(d), 5);
    w.bits(static_cast<std::uint32_t>(distance - kDistBase[d]), kDistExtra[d]);
}

std::uint32_t hash3(const std::uint8_t* p) {
    return ((static_cast<std::uint32_t>(p[0]) << 10) ^ (static_cast<std::uint32_t>(p[1]) << 5) ^ p[2]) & 0x7FFFu;
}

}  // namespace

std::uint32_t adler32(std::span<const std::uint8_t> data) {
    std::uint32_t a = 1, b = 0;
    for (std::size_t i = 0; i < data.size();) {
        // 5552 bytes is the most that cannot overflow 32 bits before the modulo.
        const std::size_t n = std::min<std::size_t>(5552, data.size() - i);
        for (std::size_t k = 0; k < n; ++k) {
            a += data[i + k];
            b += a;
        }
        a %= 65521, b %= 65521;
        i += n;
    }
    return (b << 16) | a;
}

std::vector<std::uint8_t> zlib_compress(std::span<const std::uint8_t> data) {
    std::vector<std::uint8_t> out = {0x78, 0x01};  // deflate, 32 K window, no dictionary; (0x7801 % 31 == 0)
    BitWriter w(out);
    w.bits(1, 1);  // BFINAL
    w.bits(1, 2);  // BTYPE 01: fixed Huffman
    std::vector<std::int64_t> head(kWindow, -1), prev(kWindow, -1);
    auto insert = [&](std::size_t pos) {
        if (pos + kMinMatch > data.size()) return;
        const std::uint32_t h = hash3(&data[pos]);
        prev[pos % kWindow] = head[h];
        head[h] = static_cast<std::int64_t>(pos);
    };
    for (std::size_t pos = 0; pos < data.size();) {
        std::size_t best_len = 0, best_dist = 0;
        if (pos + kMinMatch <= data.size()) {
            std::int64_t cand = head[hash3(&data[pos])];
            const std::size_t max_len = std::min(kMaxMatch, data.size() - pos);
            for (std::size_t tries = 0; cand >= 0 && tries < kChainTries; ++tries) {
                const auto c = static_cast<std::size_t>(cand);
                if (pos - c > kWindow - 1) break;
                std::size_t len = 0;
                while (len < max_len && data[c + len] == data[pos + len]) ++len;
                if (len > best_len) best_len = len, best_dist = pos - c;
                if (len == max_len) break;
                const std::int64_t next = prev[c % kWindow];
                if (next >= cand) break;  // the slot was reused by a newer position
                cand = next;
            }
        }
        if (best_len >= kMinMatch) {
            match(w, best_len, best_dist);
            for (std::size_t k = 0; k < best_len; ++k) insert(pos + k);
            pos += best_len;
        } else {
            literal_length(w, data[pos]);
            insert(pos);
            ++pos;
        }
    }
    literal_length(w, 256);  // end of block
    w.flush();
    const std::uint32_t adler = adler32(data);
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(adler >> shift));
    return out;
}

}  // namespace seqscope::render
