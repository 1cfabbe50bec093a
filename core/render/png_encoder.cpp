// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/png_encoder.h"

#include <array>

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

}  // namespace

std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc) {
    static const std::array<std::uint32_t, 256> table = crc_table();
    std::uint32_t c = crc ^ 0xFFFFFFFFu;
    for (std::uint8_t b : data) c = table[(c ^ b) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string encode_png(int width, int height, std::span<const std::uint8_t> rgba) {
    const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
    const std::size_t stride = w * 4;
    std::string png = "\x89PNG\r\n\x1a\n";
    std::vector<std::uint8_t> ihdr;
    for (std::uint32_t v : {static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height)})
        for (int shift = 24; shift >= 0; shift -= 8) ihdr.push_back(static_cast<std::uint8_t>(v >> shift));
    for (std::uint8_t b : {8, 6, 0, 0, 0}) ihdr.push_back(b);  // 8-bit RGBA, deflate, adaptive filters, no interlace
    chunk(png, "IHDR", ihdr);
    // Filter "Sub" (each byte minus the one a pixel to the left): flat colour becomes zeros.
    std::vector<std::uint8_t> raw;
    raw.reserve(h * (stride + 1));
    for (std::size_t y = 0; y < h && (y + 1) * stride <= rgba.size(); ++y) {
        raw.push_back(1);
        const std::uint8_t* row = rgba.data() + y * stride;
        for (std::size_t i = 0; i < stride; ++i)
            raw.push_back(static_cast<std::uint8_t>(row[i] - (i >= 4 ? row[i - 4] : 0)));
    }
    chunk(png, "IDAT", zlib_compress(raw));
    chunk(png, "IEND", {});
    return png;
}

}  // namespace seqscope::render
