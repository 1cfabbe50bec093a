// SPDX-License-Identifier: GPL-3.0-or-later
// A small, independent PNG reader for tests: walks the chunks checking every
// CRC-32, inflates the zlib stream (stored, fixed and dynamic Huffman blocks)
// checking its Adler-32, undoes the five row filters. 8-bit RGB/RGBA only.
// Written apart from core/render so an encoder bug cannot hide in both.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace seqscope::test {

struct PngImage {
    int width = 0, height = 0;
    int colour_type = 0;  // 2 RGB, 6 RGBA
    std::vector<std::uint8_t> rgba;  // always 4 bytes a pixel
    std::vector<std::string> chunks;  // chunk types in file order
    std::string error;                // empty when the file is valid

    struct Px {
        std::uint8_t r, g, b, a;
    };
    [[nodiscard]] Px at(int x, int y) const;
};

PngImage read_png(const std::string& bytes);
// Inflates a zlib stream; false with a reason in `error`.
bool zlib_inflate(const std::vector<std::uint8_t>& stream, std::vector<std::uint8_t>& out, std::string& error);
std::uint32_t reference_crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc = 0);

}  // namespace seqscope::test
