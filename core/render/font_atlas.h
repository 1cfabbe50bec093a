// SPDX-License-Identifier: GPL-3.0-or-later
// The raster back end's font: DejaVu Sans Mono as 8-bit coverage bitmaps at 12
// and 24 px (generated once by tools/font_atlas, compiled in as font_dejavu_mono.inc).
#pragma once

#include <cstdint>

namespace seqscope::render {

struct AtlasGlyph {
    std::uint32_t codepoint;
    int w, h;       // bitmap size
    int left, top;  // bitmap's top-left relative to the pen on the baseline (top: up)
    std::uint32_t offset;  // into the size's coverage bytes
};

struct FontAtlas {
    int pixel_size;
    double advance;  // every glyph's advance (monospace), pixels
    int ascent, descent;
    const AtlasGlyph* glyphs;
    int glyph_count;
    const unsigned char* bits;
    std::uint32_t bits_size;

    // The glyph for `cp`, or '?' when the atlas lacks it.
    [[nodiscard]] const AtlasGlyph& glyph(char32_t cp) const;
    // Coverage 0..255 at bitmap pixel (x, y) of `g`; 0 outside.
    [[nodiscard]] int coverage(const AtlasGlyph& g, int x, int y) const;
};

// The atlas best suited to draw text `pixels` high (the smallest at least that big).
const FontAtlas& font_atlas_for(double pixels);

}  // namespace seqscope::render
