// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/utf8.h"

namespace seqscope::render {

std::vector<char32_t> decode_utf8(const std::string& s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        int extra = 0;
        char32_t cp = b0;
        if (b0 >= 0xF0 && b0 < 0xF8) extra = 3, cp = b0 & 0x07u;
        else if (b0 >= 0xE0) extra = 2, cp = b0 & 0x0Fu;
        else if (b0 >= 0xC0) extra = 1, cp = b0 & 0x1Fu;
        else if (b0 >= 0x80) extra = -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        bool ok = true;
        for (int k = 1; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((b & 0xC0u) != 0x80u) ok = false;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += 1 + static_cast<std::size_t>(extra);
    }
    return out;
}

}  // namespace seqscope::render
