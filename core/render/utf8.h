// SPDX-License-Identifier: GPL-3.0-or-later
// UTF-8 → code points for the back ends that map text to their own glyphs
// (the PDF's WinAnsi fonts, the raster font atlas). Malformed bytes become U+FFFD.
#pragma once

#include <string>
#include <vector>

namespace seqscope::render {

std::vector<char32_t> decode_utf8(const std::string& s);

}  // namespace seqscope::render
