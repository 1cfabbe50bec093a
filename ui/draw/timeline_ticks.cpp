// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/timeline_ticks.h"

#include "ui/draw/timeline_text.h"

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

double tickStep(double pixels_per_second, double min_spacing_px) {
    if (!(pixels_per_second > 0)) return 1;
    const double want = min_spacing_px / pixels_per_second;  // seconds between ticks, at least
    double decade = std::pow(10.0, std::floor(std::log10(want)));
    for (int i = 0; i < 4; ++i, decade *= 10)
        for (const double m : {1.0, 2.0, 5.0})
            if (m * decade >= want * (1 - 1e-9)) return m * decade;
    return want;
}

int tickDecimals(double step) {
    if (step >= 1) return 0;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 1, 9);
}

std::vector<TimelineTick> timelineTicks(const TimelineScene& scene) {
    std::vector<TimelineTick> out;
    if (scene.timeline() == nullptr) return out;
    const double step = tickStep(scene.pixelsPerAxisSecond());
    const int decimals = tickDecimals(step);
    const auto step_ns = std::max<std::int64_t>(1, std::llround(step * 1e9));
    const std::int64_t origin = scene.timeline()->origin_ns;
    // Real time in view: each unsqueezed piece of the axis clipped to the window.
    const std::int64_t lo = scene.timeOfX(scene.plotLeft()) - origin, hi = scene.timeOfX(scene.plotRight()) - origin;
    std::vector<std::pair<std::int64_t, std::int64_t>> pieces;
    const auto& all = scene.axis().pieces();
    if (all.empty()) {
        pieces.emplace_back(lo, hi);
    } else {
        // Before the first piece and after the last, the axis runs on unsqueezed.
        pieces.emplace_back(lo, all.front().t0);
        for (const TimeAxisPiece& p : all)
            if (!p.is_break) pieces.emplace_back(p.t0, p.t1);
        pieces.emplace_back(all.back().t1, hi);
    }
    for (const auto& [a0, a1] : pieces) {
        const std::int64_t t0 = std::max(a0, lo), t1 = std::min(a1, hi);
        if (t1 < t0) continue;
        // Multiples of the step inside [t0, t1] (floor division for negative times).
        std::int64_t k = t0 / step_ns;
        if (k * step_ns < t0) ++k;
        for (std::int64_t t = k * step_ns; t <= t1; t += step_ns) {
            if (!out.empty() && out.back().since_origin_ns == t) continue;  // a piece edge on a tick
            out.push_back({scene.xOfTime(origin + t), t, groupedSeconds(t, decimals, false)});
        }
    }
    return out;
}

std::vector<TimelineBreakMark> timelineBreaks(const TimelineScene& scene) {
    std::vector<TimelineBreakMark> out;
    if (scene.timeline() == nullptr) return out;
    const std::int64_t origin = scene.timeline()->origin_ns;
    for (const TimeAxisBreak& b : scene.axis().breaks()) {
        const double x0 = scene.xOfTime(origin + b.t0), x1 = scene.xOfTime(origin + b.t1);
        if (x1 < scene.plotLeft() || x0 > scene.plotRight()) continue;
        out.push_back({x0, x1, b.hidden_ns()});
    }
    return out;
}

}  // namespace seqscope::ui
