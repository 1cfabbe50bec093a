// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/time_axis.h"

#include <algorithm>
#include <cmath>

namespace seqscope {
namespace {

constexpr double kNsPerS = 1e9;

void push_linear(std::vector<TimeAxisPiece>& out, std::int64_t t0, std::int64_t t1, double& x) {
    if (t1 <= t0) return;
    const double x1 = x + static_cast<double>(t1 - t0) / kNsPerS;
    if (!out.empty() && !out.back().is_break && out.back().t1 == t0) {
        out.back().t1 = t1;  // extend: keeps the piece count at 2·breaks + 1
        out.back().x1 = x1;
    } else {
        out.push_back({t0, t1, x, x1, false});
    }
    x = x1;
}

}  // namespace

TimeAxisMap TimeAxisMap::from_events(std::vector<std::int64_t> times, const IdleCompressionOptions& options) {
    TimeAxisMap map;
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    if (times.size() < 2) return map;

    const std::int64_t span = times.back() - times.front();
    const auto threshold = std::max<std::int64_t>(
        options.min_idle_ns, static_cast<std::int64_t>(options.min_idle_fraction * static_cast<double>(span)));
    std::vector<std::size_t> squeezed;  // index i: the gap times[i] → times[i + 1]
    std::int64_t hidden = 0;
    if (options.enabled) {
        for (std::size_t i = 0; i + 1 < times.size(); ++i) {
            const std::int64_t gap = times[i + 1] - times[i];
            if (gap > threshold) {
                squeezed.push_back(i);
                hidden += gap;
            }
        }
    }
    // Break width and margins scale with the time that stays visible, so a
    // microsecond loopback capture and a minute-long one look alike.
    const double visible = static_cast<double>(span - hidden > 0 ? span - hidden : span);
    const double break_width = std::max(options.break_fraction * visible / kNsPerS, 1e-9);
    const auto margin = static_cast<std::int64_t>(options.margin_fraction * visible);

    // Before the first break, x equals seconds since the origin, so early labels read true.
    double x = static_cast<double>(times.front()) / kNsPerS;
    std::int64_t t = times.front();
    for (const std::size_t i : squeezed) {
        const std::int64_t gap = times[i + 1] - times[i];
        const std::int64_t m = std::min(margin, gap / 4);
        const std::int64_t b0 = times[i] + m, b1 = times[i + 1] - m;
        push_linear(map.pieces_, t, b0, x);
        map.pieces_.push_back({b0, b1, x, x + break_width, true});
        x += break_width;
        t = b1;
    }
    push_linear(map.pieces_, t, times.back(), x);
    return map;
}

double TimeAxisMap::to_x(std::int64_t t_ns) const {
    if (pieces_.empty()) return static_cast<double>(t_ns) / kNsPerS;
    if (t_ns <= pieces_.front().t0) return pieces_.front().x0 - static_cast<double>(pieces_.front().t0 - t_ns) / kNsPerS;
    if (t_ns >= pieces_.back().t1) return pieces_.back().x1 + static_cast<double>(t_ns - pieces_.back().t1) / kNsPerS;
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), t_ns,
                               [](std::int64_t t, const TimeAxisPiece& p) { return t < p.t1; });
    const TimeAxisPiece& p = *it;
    const double f = static_cast<double>(t_ns - p.t0) / static_cast<double>(p.t1 - p.t0);
    return p.x0 + f * (p.x1 - p.x0);
}

std::int64_t TimeAxisMap::to_time(double x) const {
    const auto round = [](double v) { return static_cast<std::int64_t>(std::llround(v)); };
    if (pieces_.empty()) return round(x * kNsPerS);
    if (x <= pieces_.front().x0) return pieces_.front().t0 - round((pieces_.front().x0 - x) * kNsPerS);
    if (x >= pieces_.back().x1) return pieces_.back().t1 + round((x - pieces_.back().x1) * kNsPerS);
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), x, [](double v, const TimeAxisPiece& p) { return v < p.x1; });
    const TimeAxisPiece& p = *it;
    const double f = (x - p.x0) / (p.x1 - p.x0);
    return p.t0 + round(f * static_cast<double>(p.t1 - p.t0));
}

std::vector<TimeAxisBreak> TimeAxisMap::breaks() const {
    std::vector<TimeAxisBreak> out;
    for (const TimeAxisPiece& p : pieces_)
        if (p.is_break) out.push_back({p.t0, p.t1, p.x0, p.x1});
    return out;
}

const TimeAxisPiece* TimeAxisMap::break_at(double x) const {
    for (const TimeAxisPiece& p : pieces_)
        if (p.is_break && x >= p.x0 && x <= p.x1) return &p;
    return nullptr;
}

}  // namespace seqscope
