// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladder/ladder_layout.h"

#include <algorithm>
#include <cmath>

namespace seqscope {

LadderLayout layout_ladder(const Ladder& ladder, const LadderLayoutOptions& o) {
    LadderLayout L;
    const std::size_t lanes = std::max<std::size_t>(ladder.lanes.size(), 2);
    const double usable = std::max(100.0, o.width - o.margin_left - o.margin_right);
    for (std::size_t i = 0; i < lanes; ++i)
        L.lane_x.push_back(o.margin_left + usable * (static_cast<double>(i) + 0.5) / static_cast<double>(lanes));
    const auto& arrows = ladder.arrows;
    // TimeTrue: pick a scale so that the median step between arrows is one row.
    double pps = o.pixels_per_second;
    if (o.mode == LadderMode::TimeTrue && pps <= 0) {
        std::vector<std::int64_t> steps;
        for (std::size_t i = 1; i < arrows.size(); ++i)
            if (arrows[i].ts_ns > arrows[i - 1].ts_ns) steps.push_back(arrows[i].ts_ns - arrows[i - 1].ts_ns);
        if (!steps.empty()) {
            std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2), steps.end());
            pps = o.row_height / (static_cast<double>(steps[steps.size() / 2]) / 1e9);
        } else {
            pps = o.row_height * 1000;  // one row per millisecond
        }
    }
    L.pixels_per_second = pps;
    double y = o.top;
    for (std::size_t i = 0; i < arrows.size(); ++i) {
        if (i > 0) {
            double step = o.row_height;
            if (o.mode == LadderMode::TimeTrue) {
                const double dt = static_cast<double>(std::max<std::int64_t>(0, arrows[i].ts_ns - arrows[i - 1].ts_ns)) / 1e9;
                step = std::max(o.row_height, dt * pps);
                if (step > o.max_gap + o.row_height) {
                    L.breaks.push_back({y + (o.max_gap + o.row_height) / 2, arrows[i - 1].ts_ns, arrows[i].ts_ns});
                    step = o.max_gap + o.row_height;
                }
            }
            y += step;
        }
        ArrowGeometry g;
        g.x0 = L.lane_x[std::min<std::size_t>(arrows[i].from_lane, lanes - 1)];
        g.x1 = L.lane_x[std::min<std::size_t>(arrows[i].to_lane, lanes - 1)];
        g.y0 = y;
        g.y1 = y + o.slant;
        L.arrows.push_back(g);
        L.anchors.emplace_back(y, arrows[i].ts_ns);
    }
    L.height = y + o.slant + o.row_height * 2;
    return L;
}

double LadderLayout::y_of_time(std::int64_t ts) const {
    if (anchors.empty()) return 0;
    if (ts <= anchors.front().second) return anchors.front().first;
    if (ts >= anchors.back().second)
        return anchors.back().first + static_cast<double>(ts - anchors.back().second) / 1e9 * pixels_per_second;
    auto it = std::upper_bound(anchors.begin(), anchors.end(), ts,
                               [](std::int64_t t, const std::pair<double, std::int64_t>& a) { return t < a.second; });
    const auto& [y1, t1] = *it;
    const auto& [y0, t0] = *(it - 1);
    if (t1 == t0) return y0;
    return y0 + (y1 - y0) * static_cast<double>(ts - t0) / static_cast<double>(t1 - t0);
}

std::int64_t LadderLayout::time_of_y(double y) const {
    if (anchors.empty()) return 0;
    if (y <= anchors.front().first) return anchors.front().second;
    if (y >= anchors.back().first) {
        const double extra = pixels_per_second > 0 ? (y - anchors.back().first) / pixels_per_second : 0;
        return anchors.back().second + static_cast<std::int64_t>(extra * 1e9);
    }
    auto it = std::upper_bound(anchors.begin(), anchors.end(), y,
                               [](double v, const std::pair<double, std::int64_t>& a) { return v < a.first; });
    const auto& [y1, t1] = *it;
    const auto& [y0, t0] = *(it - 1);
    if (y1 == y0) return t0;
    return t0 + static_cast<std::int64_t>(static_cast<double>(t1 - t0) * (y - y0) / (y1 - y0));
}

std::pair<std::size_t, std::size_t> LadderLayout::visible(double y_top, double y_bottom) const {
    // An arrow occupies [y0, y1]; y0 is sorted, and every arrow's drop is the same slant.
    const double slant = arrows.empty() ? 0 : arrows.front().y1 - arrows.front().y0;
    auto first = std::lower_bound(arrows.begin(), arrows.end(), y_top - slant,
                                  [](const ArrowGeometry& g, double v) { return g.y0 < v; });
    auto last = std::lower_bound(first, arrows.end(), y_bottom,
                                 [](const ArrowGeometry& g, double v) { return g.y0 < v; });
    return {static_cast<std::size_t>(first - arrows.begin()), static_cast<std::size_t>(last - arrows.begin())};
}

std::size_t LadderLayout::hit(double x, double y, double tolerance) const {
    const auto [first, last] = visible(y - tolerance * 4, y + tolerance * 4);
    std::size_t best = arrows.size();
    double best_d = tolerance;
    for (std::size_t i = first; i < last; ++i) {
        const ArrowGeometry& g = arrows[i];
        const double dx = g.x1 - g.x0, dy = g.y1 - g.y0;
        const double len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? ((x - g.x0) * dx + (y - g.y0) * dy) / len2 : 0;
        t = std::clamp(t, 0.0, 1.0);
        const double d = std::hypot(x - (g.x0 + t * dx), y - (g.y0 + t * dy));
        if (d <= best_d) {
            best_d = d;
            best = i;
        }
    }
    return best;
}

}  // namespace seqscope
