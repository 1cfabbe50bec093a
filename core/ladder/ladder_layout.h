// SPDX-License-Identifier: GPL-3.0-or-later
// Pure geometry of the ladder: where each lane's lifeline is, where each arrow
// starts and ends, and the time ↔ y mapping with long idle gaps compressed. The
// GUI view and the SVG export both draw from this; it has its own unit tests.
#pragma once

#include "ladder/ladder.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace seqscope {

enum class LadderMode : std::uint8_t {
    TimeTrue,  // y follows capture time (with a minimum spacing and long gaps compressed)
    Rows,      // one row per arrow, evenly spaced
};

struct LadderLayoutOptions {
    LadderMode mode = LadderMode::TimeTrue;
    double width = 900;          // drawing width in pixels
    double margin_left = 150;    // frame number and time column
    double margin_right = 40;
    double top = 90;             // lane headers above the first arrow
    double row_height = 44;      // Rows mode; also the minimum spacing in TimeTrue mode
    double slant = 18;           // drop of an arrow from sender to receiver (drawn, not measured)
    double max_gap = 150;        // TimeTrue: a longer idle span is compressed to this and marked
    double pixels_per_second = 0;  // TimeTrue scale; 0 picks one so the median step is a row
};

struct ArrowGeometry {
    double x0 = 0, y0 = 0;  // tail at the sender's lifeline
    double x1 = 0, y1 = 0;  // head at the receiver's lifeline
};

// A compressed idle span on the time axis.
struct AxisBreak {
    double y = 0;                 // where the break mark goes
    std::int64_t from_ns = 0, to_ns = 0;
};

class LadderLayout {
public:
    std::vector<double> lane_x;           // lifeline x per lane
    std::vector<ArrowGeometry> arrows;    // one per ladder arrow, y0 non-decreasing
    std::vector<AxisBreak> breaks;
    double height = 0;                    // total drawing height
    double pixels_per_second = 0;

    // Time → y on the (compressed) axis, and back; used for ticks and the cursor.
    [[nodiscard]] double y_of_time(std::int64_t ts_ns) const;
    [[nodiscard]] std::int64_t time_of_y(double y) const;
    // Arrows whose rows intersect [y_top, y_bottom): draw only what is visible.
    [[nodiscard]] std::pair<std::size_t, std::size_t> visible(double y_top, double y_bottom) const;
    // The arrow nearest to a point (for clicks), or arrows.size() if none within `tolerance`.
    [[nodiscard]] std::size_t hit(double x, double y, double tolerance = 6) const;

    std::vector<std::pair<double, std::int64_t>> anchors;  // (y, time) pairs the mapping interpolates
};

LadderLayout layout_ladder(const Ladder& ladder, const LadderLayoutOptions& options);

}  // namespace seqscope
