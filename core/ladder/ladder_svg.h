// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder as a standalone SVG document (from the same layout the GUI draws).
#pragma once

#include "ladder/ladder.h"
#include "ladder/ladder_layout.h"

#include <string>

namespace seqscope {

std::string ladder_svg(const Ladder& ladder, const LadderLayoutOptions& options = {});

}  // namespace seqscope
