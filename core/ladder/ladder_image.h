// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder as a picture file: SVG, PNG or PDF, all drawn by draw_ladder() onto
// the matching render::Surface. Used by `seqscope-cli -z ladder,N --export png|pdf|svg`.
#pragma once

#include "ladder/ladder.h"
#include "ladder/ladder_draw.h"

#include <optional>
#include <string>

namespace seqscope {

enum class LadderImageFormat : std::uint8_t { Svg, Png, Pdf };

struct LadderImageOptions {
    double scale = 2;                          // PNG pixels per drawing pixel (2: crisp on high-DPI screens)
    std::optional<LadderFrameRange> range;     // nullopt: the whole conversation
    LadderLayoutOptions layout;
};

// Taller PNGs than this are refused (the GUI's limit; the image would not fit in memory).
inline constexpr int kLadderMaxPngHeight = 30000;
// Taller ladders become several PDF pages: 14400 pt (200 in) is the largest page
// size readers such as Acrobat accept.
inline constexpr double kLadderMaxPdfPageHeight = 14400;

// The file's bytes in `out`, or false with a sentence in `error`.
bool ladder_image(const Ladder& ladder, LadderImageFormat format, const LadderImageOptions& options, std::string& out,
                  std::string& error);

}  // namespace seqscope
