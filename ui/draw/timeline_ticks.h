// SPDX-License-Identifier: GPL-3.0-or-later
// Round ticks for the timeline's time axis in view: one step for the whole window
// (1, 2 or 5 × 10^k seconds, at least ~90 px apart), placed on real time inside
// each unsqueezed piece of the axis and none inside a squeezed idle span. Labels
// are seconds since the capture start with as many decimals as the step needs;
// the painter drops those that would touch the previous one (across a break).
#pragma once

#include "ui/draw/timeline_scene.h"

#include <QString>

#include <vector>

namespace seqscope::ui {

struct TimelineTick {
    double x = 0;                 // drawing x
    std::int64_t since_origin_ns = 0;
    QString label;                // "0.5", "62.0"
};

struct TimelineBreakMark {
    double x0 = 0, x1 = 0;        // drawing x of the squeezed span
    std::int64_t hidden_ns = 0;
};

// The step in seconds for `pixels_per_second`, and the decimals its labels need.
double tickStep(double pixels_per_second, double min_spacing_px = 90);
int tickDecimals(double step);

std::vector<TimelineTick> timelineTicks(const TimelineScene& scene);
std::vector<TimelineBreakMark> timelineBreaks(const TimelineScene& scene);

}  // namespace seqscope::ui
