// SPDX-License-Identifier: GPL-3.0-or-later
// Text for the PDF standard fonts (Helvetica, Courier; WinAnsi encoding): UTF-8 →
// WinAnsi bytes, the ladder's symbols outside WinAnsi spelled in ASCII (→ as ->,
// ⇒ as =>, ≥ as >=), and widths from the fonts' metrics for centred text.
#pragma once

#include "render/surface.h"

#include <string>

namespace seqscope::render {

// WinAnsi bytes for `utf8`; characters with no WinAnsi glyph and no spelling become '?'.
std::string to_winansi(const std::string& utf8);
// Width in pixels of WinAnsi `bytes` in the face at `size`.
double winansi_width(const std::string& bytes, Face face, bool bold, double size);
// `bytes` as a PDF literal string: (…) with \, ( and ) escaped, bytes ≥ 128 in octal.
std::string pdf_literal(const std::string& bytes);

}  // namespace seqscope::render
