// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladder/ladder_svg.h"

#include "ladder/ladder_image.h"

namespace seqscope {

std::string ladder_svg(const Ladder& l, const LadderLayoutOptions& options) {
    LadderImageOptions o;
    o.layout = options;
    std::string svg, error;
    ladder_image(l, LadderImageFormat::Svg, o, svg, error);  // the whole conversation cannot fail
    return svg;
}

}  // namespace seqscope
