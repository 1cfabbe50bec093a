// SPDX-License-Identifier: GPL-3.0-or-later
// What the ladder view draws, in content coordinates: core's Ladder and its
// LadderLayout (time-true or rows, zoom), plus the view's own lane placement
// (the user's lane order and hidden lanes) applied on top. Rebuilt when the
// ladder, the width, the mode, the zoom or the lane order changes; painting
// and hit testing only read it. No widget here, so exports and the benchmark
// use the same geometry as the screen.
#pragma once

#include "ladder/ladder.h"
#include "ladder/ladder_layout.h"

#include <QPointF>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace seqscope::ui {

struct LadderSceneOptions {
    LadderMode mode = LadderMode::TimeTrue;
    double width = 1000;
    double zoom = 1.0;                 // vertical: scales row height and the time scale
    std::vector<std::uint8_t> order;   // lanes left to right (by ladder lane index); empty = as built
    std::vector<bool> hidden;          // per ladder lane; hidden lanes fold into the right edge
};

class LadderScene {
public:
    // Heights of the blocks above the first arrow: title, then lane headers.
    static constexpr double kTitleHeight = 64;
    static constexpr double kHeaderHeight = 104;
    static constexpr double kFooterHeight = 70;  // legend strip of exports, and room for the last labels
    static constexpr double kBaseRow = 46;

    void setLadder(std::shared_ptr<const Ladder> ladder);
    void setOptions(const LadderSceneOptions& options);

    [[nodiscard]] const Ladder* ladder() const { return ladder_.get(); }
    [[nodiscard]] std::shared_ptr<const Ladder> sharedLadder() const { return ladder_; }
    [[nodiscard]] const LadderLayout& layout() const { return layout_; }
    [[nodiscard]] const LadderLayoutOptions& layoutOptions() const { return layout_options_; }
    [[nodiscard]] const LadderSceneOptions& options() const { return options_; }
    [[nodiscard]] std::size_t arrowCount() const { return layout_.arrows.size(); }
    [[nodiscard]] double width() const { return options_.width; }
    [[nodiscard]] double height() const { return layout_.height + kFooterHeight + tail_; }
    [[nodiscard]] double rowHeight() const { return layout_options_.row_height; }
    // Where the lane headers sit in content coordinates (they stick to the top when scrolled).
    [[nodiscard]] double headerTop() const { return kTitleHeight; }
    [[nodiscard]] double firstArrowY() const { return layout_options_.top; }
    // The y where lifelines end (below the last arrow).
    // TIME_WAIT's 2·MSL gets a stretch of its own after the last arrow.
    [[nodiscard]] double lifelineEnd() const { return layout_.height - layout_options_.row_height + tail_; }
    [[nodiscard]] double timeWaitStretch() const { return tail_; }

    [[nodiscard]] bool laneHidden(std::size_t lane) const;
    // Lane indices in display order, visible ones only.
    [[nodiscard]] const std::vector<std::uint8_t>& visibleLanes() const { return visible_lanes_; }
    [[nodiscard]] double laneX(std::size_t lane) const;
    // Arrow geometry after lane placement.
    [[nodiscard]] const ArrowGeometry& arrow(std::size_t i) const { return layout_.arrows[i]; }
    [[nodiscard]] QPointF midpoint(std::size_t i) const;
    // An arrow's y at x (on its line), for links that run straight up to it.
    [[nodiscard]] double arrowYAt(std::size_t i, double x) const;

    [[nodiscard]] std::pair<std::size_t, std::size_t> visible(double y_top, double y_bottom) const;
    [[nodiscard]] std::optional<std::size_t> hit(double x, double y) const;
    [[nodiscard]] std::optional<std::size_t> arrowOfFrame(std::uint32_t frame) const;
    // The y of an arrow's tail: where the view scrolls to show it.
    [[nodiscard]] double arrowY(std::size_t i) const { return layout_.arrows[i].y0; }

private:
    void relayout();

    std::shared_ptr<const Ladder> ladder_;
    LadderSceneOptions options_;
    LadderLayoutOptions layout_options_;
    LadderLayout layout_;
    std::vector<double> lane_x_;
    std::vector<std::uint8_t> visible_lanes_;
    double tail_ = 0;
};

}  // namespace seqscope::ui
