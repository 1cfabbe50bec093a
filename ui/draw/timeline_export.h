// SPDX-License-Identifier: GPL-3.0-or-later
// The connections timeline as a picture (PNG, SVG, PDF): every row at once, fitted to
// the time axis, drawn by the same painter as the dock (`seqscope-cli -z timeline
// --export …`).
#pragma once

#include "ui/draw/timeline_scene.h"

#include <QString>

#include <cstddef>
#include <memory>

class QIODevice;

namespace seqscope::ui {

// Rows from this many on are drawn compact (no words above and below the bars).
inline constexpr std::size_t kTimelineCompactFrom = 15;

// The row label column wide enough for the rows' titles, within a share of `width`.
double timelineLabelWidth(const TimelineScene& scene, double width);

enum class TimelineExportFormat { Png, Svg, Pdf };

struct TimelineExportOptions {
    double width = 1400;  // drawing pixels
    double scale = 1;     // PNG pixels per drawing pixel
};

// Draws `timeline` whole into `out`. False with a sentence in `error`.
bool exportTimeline(std::shared_ptr<const Timeline> timeline, TimelineExportFormat format, QIODevice& out,
                    const TimelineExportOptions& options, QString* error);

}  // namespace seqscope::ui
