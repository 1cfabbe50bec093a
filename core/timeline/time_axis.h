// SPDX-License-Identifier: GPL-3.0-or-later
// A shared time axis that squeezes long idle spans: a 60 s TIME_WAIT must not
// shrink five seconds of handshakes and data to a few pixels. The mapping is
// piecewise linear and strictly increasing, so time → x and x → time are exact
// inverses; each squeezed span is listed as a break for the view to mark (≈).
// Units: time in ns since the axis origin, x in "axis seconds" (a view multiplies
// by its pixels per second).
#pragma once

#include <cstdint>
#include <vector>

namespace seqscope {

struct TimeAxisPiece {
    std::int64_t t0 = 0, t1 = 0;  // ns since origin, t0 < t1
    double x0 = 0, x1 = 0;        // axis seconds, x0 < x1
    bool is_break = false;        // a squeezed idle span
};

struct TimeAxisBreak {
    std::int64_t t0 = 0, t1 = 0;  // the idle time it stands for (ns since origin)
    double x0 = 0, x1 = 0;        // where the break mark is drawn
    [[nodiscard]] std::int64_t hidden_ns() const { return t1 - t0; }
};

struct IdleCompressionOptions {
    bool enabled = true;
    // A gap between consecutive events is squeezed when it is longer than both.
    std::int64_t min_idle_ns = 1'000'000'000;
    double min_idle_fraction = 0.25;  // of the whole span of events
    // Each break is drawn this wide, as a fraction of the time left unsqueezed;
    // and this much real time stays unsqueezed on each side of it (same unit),
    // so a bar ending just before a break still shows its end.
    double break_fraction = 0.03;
    double margin_fraction = 0.02;
};

class TimeAxisMap {
public:
    // Identity (x = seconds since origin); no breaks.
    TimeAxisMap() = default;
    // From every event time the rows carry (ns since origin, any order).
    static TimeAxisMap from_events(std::vector<std::int64_t> times, const IdleCompressionOptions& options = {});

    [[nodiscard]] double to_x(std::int64_t t_ns) const;
    [[nodiscard]] std::int64_t to_time(double x) const;
    // Axis extent of the events it was built from.
    [[nodiscard]] double x_min() const { return pieces_.empty() ? 0.0 : pieces_.front().x0; }
    [[nodiscard]] double x_max() const { return pieces_.empty() ? 0.0 : pieces_.back().x1; }
    [[nodiscard]] std::int64_t t_min() const { return pieces_.empty() ? 0 : pieces_.front().t0; }
    [[nodiscard]] std::int64_t t_max() const { return pieces_.empty() ? 0 : pieces_.back().t1; }
    [[nodiscard]] const std::vector<TimeAxisPiece>& pieces() const { return pieces_; }
    [[nodiscard]] std::vector<TimeAxisBreak> breaks() const;
    // The break containing x, if any (a view shows "57 s hidden" on hover).
    [[nodiscard]] const TimeAxisPiece* break_at(double x) const;

private:
    std::vector<TimeAxisPiece> pieces_;  // contiguous in t and in x
};

}  // namespace seqscope
