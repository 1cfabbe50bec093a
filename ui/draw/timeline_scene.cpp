// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/timeline_scene.h"

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

namespace {

constexpr double kFitMargin = 0.03;     // of the span, each side
constexpr double kMinWindow = 2e-7;     // axis seconds across the plot: 200 ns
constexpr double kMinBarWidth = 3;

}  // namespace

void TimelineScene::setTimeline(std::shared_ptr<const Timeline> timeline) {
    timeline_ = std::move(timeline);
    rebuild();
}

void TimelineScene::setOptions(const TimelineSceneOptions& options) {
    const bool axis_changed = options.compress_idle != options_.compress_idle || options.tcp != options_.tcp ||
                              options.udp != options_.udp;
    options_ = options;
    metrics_ = options.compact ? TimelineRowMetrics{32, 9, 14, 0, 0, false} : TimelineRowMetrics{};
    if (axis_changed) rebuild();
}

void TimelineScene::rebuild() {
    shown_.clear();
    if (!timeline_) {
        axis_ = {};
        return;
    }
    Timeline visible;  // the shown rows only, so hidden UDP rows do not stretch the axis
    visible.origin_ns = timeline_->origin_ns;
    for (std::size_t i = 0; i < timeline_->rows.size(); ++i) {
        const TimelineRow& r = timeline_->rows[i];
        if ((r.kind == RowKind::Tcp && options_.tcp) || (r.kind == RowKind::Udp && options_.udp)) shown_.push_back(i);
    }
    // Event times only need the rows' times; copying rows for a big capture is
    // wasteful, so gather them here the way core's event_times does.
    std::vector<std::int64_t> times{0};
    for (const std::size_t i : shown_) {
        const TimelineRow& r = timeline_->rows[i];
        const std::int64_t o = timeline_->origin_ns;
        for (const std::int64_t t : {r.first_ts, r.last_ts, r.end_ts}) times.push_back(t - o);
        for (const auto& p : r.phases) {
            times.push_back(p.start_ns - o);
            times.push_back(p.end_ns - o);
        }
        for (const auto& m : r.markers) times.push_back(m.ts_ns - o);
    }
    IdleCompressionOptions compression;
    compression.enabled = options_.compress_idle;
    axis_ = TimeAxisMap::from_events(std::move(times), compression);
}

std::optional<std::size_t> TimelineScene::shownIndex(std::size_t row) const {
    const auto it = std::lower_bound(shown_.begin(), shown_.end(), row);
    if (it == shown_.end() || *it != row) return std::nullopt;
    return static_cast<std::size_t>(it - shown_.begin());
}

std::optional<std::size_t> TimelineScene::rowOfStream(RowKind kind, std::uint32_t stream) const {
    if (!timeline_) return std::nullopt;
    // Rows are TCP by tcp.stream, then UDP by udp.stream: a stream is usually at its index.
    const auto& rows = timeline_->rows;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].kind == kind && rows[i].stream == stream) return i;
    return std::nullopt;
}

double TimelineScene::plotRight() const {
    const double right = options_.width - 12;
    return readoutShown() ? right - kReadoutWidth - 18 : right;
}

bool TimelineScene::readoutShown() const {
    return options_.readout && options_.width - options_.label_width - 14 - kReadoutWidth - 30 >= kMinPlotWidth;
}

double TimelineScene::extentStart() const {
    const double span = std::max(axis_.x_max() - axis_.x_min(), 1e-3);
    return axis_.x_min() - span * kFitMargin;
}

double TimelineScene::extentEnd() const {
    const double span = std::max(axis_.x_max() - axis_.x_min(), 1e-3);
    return axis_.x_max() + span * kFitMargin;
}

void TimelineScene::fit() { setWindow(extentStart(), extentEnd()); }

void TimelineScene::setWindow(double x0, double x1) {
    if (!(x1 - x0 >= kMinWindow)) {  // also catches NaN
        const double mid = std::isfinite(x0 + x1) ? (x0 + x1) / 2 : 0;
        x0 = mid - kMinWindow / 2;
        x1 = mid + kMinWindow / 2;
    }
    // Never so far out that the timeline is a speck, nor panned away from it.
    const double extent = extentEnd() - extentStart();
    const double max_width = std::max(extent * 20, kMinWindow);
    if (x1 - x0 > max_width) {
        const double mid = (x0 + x1) / 2;
        x0 = mid - max_width / 2;
        x1 = mid + max_width / 2;
    }
    const double w = x1 - x0;
    const double lo = extentStart() - w * 0.9, hi = extentEnd() - w * 0.1;
    if (x0 < lo) x0 = lo;
    if (x0 > hi) x0 = hi;
    win0_ = x0;
    win1_ = x0 + w;
}

double TimelineScene::pixelsPerAxisSecond() const { return plotWidth() / (win1_ - win0_); }

void TimelineScene::zoom(double factor, double anchor_x) {
    if (!(factor > 0)) return;
    const double s = pixelsPerAxisSecond();
    const double anchor = win0_ + (anchor_x - plotLeft()) / s;
    const double w = (win1_ - win0_) / factor;
    const double f = std::clamp((anchor_x - plotLeft()) / plotWidth(), 0.0, 1.0);
    setWindow(anchor - f * w, anchor - f * w + w);
}

void TimelineScene::pan(double dx) {
    const double d = dx / pixelsPerAxisSecond();
    setWindow(win0_ + d, win1_ + d);
}

void TimelineScene::showTimes(std::int64_t t0, std::int64_t t1) {
    if (!timeline_) return;
    const double x0 = axis_.to_x(t0 - timeline_->origin_ns), x1 = axis_.to_x(t1 - timeline_->origin_ns);
    const double margin = std::max((x1 - x0) * 0.05, kMinWindow);
    setWindow(x0 - margin, x1 + margin);
}

double TimelineScene::xOfTime(std::int64_t ts) const {
    const std::int64_t origin = timeline_ ? timeline_->origin_ns : 0;
    return plotLeft() + (axis_.to_x(ts - origin) - win0_) * pixelsPerAxisSecond();
}

std::int64_t TimelineScene::timeOfX(double x) const {
    const std::int64_t origin = timeline_ ? timeline_->origin_ns : 0;
    return origin + axis_.to_time(win0_ + (x - plotLeft()) / pixelsPerAxisSecond());
}

std::pair<double, double> TimelineScene::phaseSpanX(const PhaseSpan& p) const {
    const double x0 = xOfTime(p.start_ns);
    return {x0, std::max(xOfTime(p.end_ns), x0 + kMinBarWidth)};
}

std::pair<std::size_t, std::size_t> TimelineScene::visibleRows(double y_top, double y_bottom) const {
    const auto n = static_cast<double>(shown_.size());
    const double first = std::clamp(std::floor(y_top / metrics_.height), 0.0, n);
    const double last = std::clamp(std::ceil(y_bottom / metrics_.height), first, n);
    return {static_cast<std::size_t>(first), static_cast<std::size_t>(last)};
}

TimelineHit TimelineScene::hit(double x, double y) const {
    TimelineHit h;
    if (!timeline_ || y < 0 || y >= contentHeight()) return h;
    const auto shown = static_cast<std::size_t>(y / metrics_.height);
    h.row = shown_[shown];
    h.in_label = x < labelWidth();
    h.in_plot = x >= plotLeft() && x <= plotRight();
    if (!h.in_plot) return h;
    h.ts_ns = timeOfX(x);
    const TimelineRow& r = timeline_->rows[*h.row];
    const double in_row = y - rowTop(shown);
    // A marker wins over the bar it sits on: the nearest one within reach.
    const TimelineRowMetrics& m = metrics_;
    if (in_row >= m.bar_top - 12 && in_row <= m.bar_top + m.bar_height + 10) {
        double best = kMarkerSlop + 1;
        for (std::size_t i = 0; i < r.markers.size(); ++i) {
            const double d = std::abs(xOfTime(r.markers[i].ts_ns) - x);
            if (d <= kMarkerSlop && d < best) {
                best = d;
                h.marker = i;
            }
        }
    }
    if (!h.marker && in_row >= m.bar_top - 3 && in_row <= m.bar_top + m.bar_height + 3) {
        // Where bars touch, the one that starts later wins (as the cursor readout reads).
        for (std::size_t i = 0; i < r.phases.size(); ++i) {
            const auto [x0, x1] = phaseSpanX(r.phases[i]);
            if (x >= x0 - 1 && x <= x1 + 1 && (!h.phase || r.phases[i].start_ns >= r.phases[*h.phase].start_ns))
                h.phase = i;
        }
    }
    return h;
}

}  // namespace seqscope::ui
