// SPDX-License-Identifier: GPL-3.0-or-later
// A small PNG writer: 8-bit RGB (opaque images) or RGBA, no interlace, each row's
// filter chosen by the minimum-sum heuristic, one zlib
// stream of fixed-Huffman deflate with a greedy LZ77 (runs of background compress
// several hundred to one), Adler-32 and a CRC-32 per chunk. No zlib/libpng needed.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace seqscope::render {

std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t crc = 0);
std::uint32_t adler32(std::span<const std::uint8_t> data);
// A zlib stream (RFC 1950) holding `data` as fixed-Huffman deflate (RFC 1951 §3.2.6).
std::vector<std::uint8_t> zlib_compress(std::span<const std::uint8_t> data);
// The PNG file for `rgba` (width × height × 4 bytes, rows top to bottom); RGB if every alpha is 255.
std::string encode_png(int width, int height, std::span<const std::uint8_t> rgba);

}  // namespace seqscope::render
