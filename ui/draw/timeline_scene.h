// SPDX-License-Identifier: GPL-3.0-or-later
// What the timeline view draws, as plain geometry (no widget, so tests and the
// painter share it): which rows are shown (TCP, UDP or both), the label column,
// the plot and the cursor readout column side by side, the time window in view
// (zoom and pan, in the TimeAxisMap's axis seconds, idle spans squeezed or not),
// time ↔ x, row ↔ y, and hit testing of rows, phase bars and markers.
// Row coordinates are "content y": 0 at the top of the first row, before the
// canvas scrolls and adds its sticky axis header.
#pragma once

#include "timeline/time_axis.h"
#include "timeline/timeline.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace seqscope::ui {

struct TimelineSceneOptions {
    double width = 1000;  // the whole drawing: label column + plot + readout column
    bool tcp = true, udp = true;
    bool compress_idle = true;  // squeeze long idle spans (TimeAxisMap breaks)
    bool readout = true;        // the "at the cursor" column, when there is room for it
    double label_width = 260;   // the row label column (the canvas measures the titles)
    bool compact = false;       // low rows without words above and below the bars (many connections)
};

// A row's vertical layout: its height, the bar's band, the baselines of the
// words above and below the bar (compact rows have none).
struct TimelineRowMetrics {
    double height = 58;
    double bar_top = 22, bar_height = 16;
    double above = 17, below = 52;
    bool words_around = true;
    [[nodiscard]] double barMiddle() const { return bar_top + bar_height / 2; }
};

struct TimelineHit {
    std::optional<std::size_t> row;     // index into Timeline::rows
    std::optional<std::size_t> phase;   // index into the row's phases
    std::optional<std::size_t> marker;  // index into the row's markers
    bool in_plot = false;               // x is over the plot (not a label or the readout)
    bool in_label = false;
    std::int64_t ts_ns = 0;             // absolute time under x (meaningful when in_plot)
};

class TimelineScene {
public:
    static constexpr double kReadoutWidth = 230;
    static constexpr double kMinPlotWidth = 240;
    static constexpr double kMarkerSlop = 5;  // px either side of a marker that still hits it

    void setTimeline(std::shared_ptr<const Timeline> timeline);
    void setOptions(const TimelineSceneOptions& options);
    [[nodiscard]] const Timeline* timeline() const { return timeline_.get(); }
    [[nodiscard]] std::shared_ptr<const Timeline> sharedTimeline() const { return timeline_; }
    [[nodiscard]] const TimelineSceneOptions& options() const { return options_; }
    [[nodiscard]] const TimeAxisMap& axis() const { return axis_; }
    [[nodiscard]] const TimelineRowMetrics& metrics() const { return metrics_; }

    // Rows shown, top to bottom (indices into Timeline::rows).
    [[nodiscard]] const std::vector<std::size_t>& rows() const { return shown_; }
    [[nodiscard]] const TimelineRow& row(std::size_t shown_index) const { return timeline_->rows[shown_[shown_index]]; }
    // The shown position of a Timeline row, if it is shown.
    [[nodiscard]] std::optional<std::size_t> shownIndex(std::size_t row) const;
    [[nodiscard]] std::optional<std::size_t> rowOfStream(RowKind kind, std::uint32_t stream) const;

    // Columns, in drawing x.
    [[nodiscard]] double labelWidth() const { return options_.label_width; }
    [[nodiscard]] double plotLeft() const { return options_.label_width + 14; }
    [[nodiscard]] double plotRight() const;
    [[nodiscard]] double plotWidth() const { return plotRight() - plotLeft(); }
    [[nodiscard]] bool readoutShown() const;
    [[nodiscard]] double readoutLeft() const { return plotRight() + 18; }

    // The time window in view, in axis seconds. Fit shows every row, with a margin.
    void fit();
    void setWindow(double x0, double x1);
    [[nodiscard]] double windowStart() const { return win0_; }
    [[nodiscard]] double windowEnd() const { return win1_; }
    // Axis seconds the whole timeline spans (with fit's margin): pan stays near it.
    [[nodiscard]] double extentStart() const;
    [[nodiscard]] double extentEnd() const;
    // Zooms by `factor` (>1 in) keeping the time under plot x `anchor_x` in place.
    void zoom(double factor, double anchor_x);
    // Pans by `dx` pixels (positive: later times come into view).
    void pan(double dx);
    // Shows [t0, t1] (absolute ns) across the plot, with a small margin.
    void showTimes(std::int64_t t0, std::int64_t t1);
    [[nodiscard]] double pixelsPerAxisSecond() const;

    // Absolute ns ↔ drawing x.
    [[nodiscard]] double xOfTime(std::int64_t ts_ns) const;
    [[nodiscard]] std::int64_t timeOfX(double x) const;
    // A phase's bar in x: at least 3 px wide, so an 40 µs handshake still shows.
    [[nodiscard]] std::pair<double, double> phaseSpanX(const PhaseSpan& phase) const;

    [[nodiscard]] double contentHeight() const { return metrics_.height * static_cast<double>(shown_.size()); }
    [[nodiscard]] double rowTop(std::size_t shown_index) const { return metrics_.height * static_cast<double>(shown_index); }
    // The shown rows meeting [y_top, y_bottom) in content y, as [first, last).
    [[nodiscard]] std::pair<std::size_t, std::size_t> visibleRows(double y_top, double y_bottom) const;
    [[nodiscard]] TimelineHit hit(double x, double content_y) const;

private:
    void rebuild();

    std::shared_ptr<const Timeline> timeline_;
    TimelineSceneOptions options_;
    TimeAxisMap axis_;
    std::vector<std::size_t> shown_;
    TimelineRowMetrics metrics_;
    double win0_ = 0, win1_ = 1;
};

}  // namespace seqscope::ui
