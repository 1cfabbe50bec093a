// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/font_atlas.h"

#include <algorithm>
#include <iterator>

namespace seqscope::render {
namespace {

#include "render/font_dejavu_mono.inc"

template <std::size_t G, std::size_t B>
FontAtlas make_atlas(int px, int advance64, int ascent, int descent, const AtlasGlyph (&glyphs)[G],
                     const unsigned char (&bits)[B]) {
    return {px, advance64 / 64.0, ascent, descent, glyphs, static_cast<int>(G), bits, static_cast<std::uint32_t>(B)};
}

const FontAtlas kAtlas12 = make_atlas(12, kFont12Advance, kFont12Ascent, kFont12Descent, kFont12Glyphs, kFont12Bits);
const FontAtlas kAtlas24 = make_atlas(24, kFont24Advance, kFont24Ascent, kFont24Descent, kFont24Glyphs, kFont24Bits);

}  // namespace

const AtlasGlyph& FontAtlas::glyph(char32_t cp) const {
    const AtlasGlyph* end = glyphs + glyph_count;
    // The generator writes glyphs in code point order within ASCII and the symbols; search both.
    const AtlasGlyph* it = std::find_if(glyphs, end, [cp](const AtlasGlyph& g) { return g.codepoint == cp; });
    if (it != end) return *it;
    const AtlasGlyph* q = std::find_if(glyphs, end, [](const AtlasGlyph& g) { return g.codepoint == '?'; });
    return q != end ? *q : glyphs[0];
}

int FontAtlas::coverage(const AtlasGlyph& g, int x, int y) const {
    if (x < 0 || y < 0 || x >= g.w || y >= g.h) return 0;
    const std::uint32_t i = g.offset + static_cast<std::uint32_t>(y * g.w + x);
    return i < bits_size ? bits[i] : 0;
}

const FontAtlas& font_atlas_for(double pixels) { return pixels <= 13 ? kAtlas12 : kAtlas24; }

}  // namespace seqscope::render
