// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/png_encoder.h"

#include <array>
#include <cstdint>
#include <cstdlib>

namespace seqscope::render {
namespace {

std::array<std::uint32_t, 256> crc_table() {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[n] = c;
    }
    return t;
}

void put32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void chunk(std::string& png, const char (&type)[5], std::span<const std::uint8_t> body) {
    put32(png, static_cast<std::uint32_t>(body.size()));
    const std::array<std::uint8_t, 4> t = {static_cast<std::uint8_t>(type[0]), static_cast<std::uint8_t>(type[1]),
                                           static_cast<std::uint8_t>(type[2]), static_cast<std::uint8_t>(type[3])};
    png.append(type, 4);
    png.append(reinterpret_cast<const char*>(body.data()), body.size());
    put32(png, crc32(body, crc32(t)));  // the CRC covers the type and the data
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// The row under each of PNG's five filters (None, Sub, Up, Average, Paeth).
void filter_row(const std::vector<std::uint8_t>& cur, const std::vector<std::uint8_t>& prev, std::size_t bpp,
                std::array<std::vector<std::uint8_t>, 5>& out) {
    for (std::size_t i = 0; i < cur.size(); ++i) {
        const int x = cur[i], a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
        out[0][i] = static_cast<std::uint8_t>(x);
        out[1][i] = static_cast<std::uint8_t>(x - a);
        out[2][i] = static_cast<std::uint8_t>(x - b);
        out[3][i] = static_cast<std::uint8_t>(x - (a + b) / 2);
        out[4][i] = static_cast<std::uint8_t>(x - paeth(a, b, c));
    }
}

}  // namespace

std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc) {
    static const std::array<std::uint32_t, 256> table = crc_table();
    std::uint32_t c = crc ^ 0xFFFFFFFFu;
    for (std::uint8_t b : data) c = table[(c ^ b) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string encode_png(int width, int height, std::span<const std::uint8_t> rgba) {
    const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
    // An opaque image (the ladder always is) is written as RGB: a quarter fewer bytes.
    bool opaque = true;
    for (std::size_t i = 3; i < rgba.size() && opaque; i += 4) opaque = rgba[i] == 255;
    const std::size_t bpp = opaque ? 3 : 4, stride = w * bpp;
    std::string png = "\x89PNG\r\n\x1a\n";
    std::vector<std::uint8_t> ihdr;
    for (std::uint32_t v : {static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height)})
        for (int shift = 24; shift >= 0; shift -= 8) ihdr.push_back(static_cast<std::uint8_t>(v >> shift));
    // 8 bits, RGB (2) or RGBA (6), deflate, adaptive filters, no interlace.
    for (std::uint8_t b : {std::uint8_t{8}, static_cast<std::uint8_t>(opaque ? 2 : 6), std::uint8_t{0}, std::uint8_t{0}, std::uint8_t{0}})
        ihdr.push_back(b);
    chunk(png, "IHDR", ihdr);
    std::vector<std::uint8_t> raw, prev(stride, 0), cur(stride);
    raw.reserve(h * (stride + 1));
    std::array<std::vector<std::uint8_t>, 5> filtered;
    for (auto& f : filtered) f.resize(stride);
    for (std::size_t y = 0; y < h && (y + 1) * w * 4 <= rgba.size(); ++y) {
        for (std::size_t x = 0; x < w; ++x)
            for (std::size_t k = 0; k < bpp; ++k) cur[x * bpp + k] = rgba[(y * w + x) * 4 + k];
        filter_row(cur, prev, bpp, filtered);
        // The usual heuristic: the filter whose output, read as signed bytes, sums smallest.
        std::size_t best = 0, best_sum = SIZE_MAX;
        for (std::size_t f = 0; f < filtered.size(); ++f) {
            std::size_t sum = 0;
            for (std::uint8_t b : filtered[f]) sum += b < 128 ? b : 256u - b;
            if (sum < best_sum) best = f, best_sum = sum;
        }
        raw.push_back(static_cast<std::uint8_t>(best));
        raw.insert(raw.end(), filtered[best].begin(), filtered[best].end());
        std::swap(prev, cur);
    }
    chunk(png, "IDAT", zlib_compress(raw));
    chunk(png, "IEND", {});
    return png;
}

}  // namespace seqscope::render
