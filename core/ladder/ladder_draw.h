// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder drawn onto a render::Surface: written once, shared by the SVG, PDF
// and PNG exports (the GUI paints the same layout with QPainter in ui/ladder/).
#pragma once

#include "ladder/ladder.h"
#include "ladder/ladder_layout.h"
#include "render/surface.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace seqscope {

// What an export covers: the whole conversation, or the arrows of frames [first, last].
struct LadderFrameRange {
    std::uint32_t first = 0, last = 0;
};

struct LadderPicture {
    LadderLayoutOptions options;  // as laid out (room for the title, notes and lane headers)
    LadderLayout layout;
    double width = 0, height = 0;  // the page
    double y_from = 0, y_to = 0;   // the arrows' band shown under the headers (layout y)
    double shift = 0;              // added to layout y to place the band on the page
    std::size_t first_arrow = 0, end_arrow = 0;
};

inline constexpr const char* kLadderBackground = "#FFFFFF";

// Lays the ladder out for an export. A range keeps the headers and shows only its
// arrows; nullopt if the range holds no arrow of this ladder.
std::optional<LadderPicture> plan_ladder_picture(const Ladder& ladder, const LadderLayoutOptions& options,
                                                 const std::optional<LadderFrameRange>& range = std::nullopt);

void draw_ladder(render::Surface& surface, const Ladder& ladder, const LadderPicture& picture);

// Frame ranges that cut `picture`'s arrows into pages at most `max_height` tall
// (each with the headers and legend); a single arrow taller than that gets a page alone.
std::vector<LadderFrameRange> ladder_pages(const Ladder& ladder, const LadderPicture& picture, double max_height);

}  // namespace seqscope
