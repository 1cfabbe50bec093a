// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/ladder_scene.h"

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

void LadderScene::setLadder(std::shared_ptr<const Ladder> ladder) {
    ladder_ = std::move(ladder);
    relayout();
}

void LadderScene::setOptions(const LadderSceneOptions& options) {
    options_ = options;
    relayout();
}

bool LadderScene::laneHidden(std::size_t lane) const {
    return lane < options_.hidden.size() && options_.hidden[lane];
}

double LadderScene::laneX(std::size_t lane) const { return lane < lane_x_.size() ? lane_x_[lane] : 0; }

void LadderScene::relayout() {
    layout_ = {};
    tail_ = 0;
    lane_x_.clear();
    visible_lanes_.clear();
    const double zoom = std::clamp(options_.zoom, 0.05, 8.0);
    layout_options_ = {};
    layout_options_.mode = options_.mode;
    layout_options_.width = options_.width;
    layout_options_.margin_left = 150;
    layout_options_.margin_right = 40;
    layout_options_.top = kTitleHeight + kHeaderHeight;
    layout_options_.row_height = kBaseRow * zoom;
    layout_options_.slant = 20 * std::min(zoom, 1.5);
    layout_options_.max_gap = 150 * std::max(zoom, 0.2);
    if (!ladder_) return;
    layout_ = layout_ladder(*ladder_, layout_options_);
    tail_ = 0;
    for (const LadderStateBand& b : ladder_->bands)
        if (b.timer_end) tail_ = 48;

    // The user's lane order and hidden lanes: visible lanes share the width as
    // core places them; hidden ones fold into the right edge, so arrows to them
    // still show where they go.
    const std::size_t lanes = layout_.lane_x.size();
    std::vector<std::uint8_t> order = options_.order;
    std::vector<bool> seen(lanes, false);
    std::erase_if(order, [&](std::uint8_t l) {
        if (l >= lanes || seen[l]) return true;
        seen[l] = true;
        return false;
    });
    for (std::size_t l = 0; l < lanes; ++l)
        if (!seen[l]) order.push_back(static_cast<std::uint8_t>(l));
    for (std::uint8_t l : order)
        if (!laneHidden(l)) visible_lanes_.push_back(l);
    lane_x_.assign(lanes, options_.width - 12);
    const double usable = std::max(100.0, options_.width - layout_options_.margin_left - layout_options_.margin_right);
    const double n = static_cast<double>(std::max<std::size_t>(visible_lanes_.size(), 1));
    for (std::size_t k = 0; k < visible_lanes_.size(); ++k)
        lane_x_[visible_lanes_[k]] = layout_options_.margin_left + usable * (static_cast<double>(k) + 0.5) / n;
    const auto& arrows = ladder_->arrows;
    for (std::size_t i = 0; i < layout_.arrows.size(); ++i) {
        layout_.arrows[i].x0 = laneX(arrows[i].from_lane);
        layout_.arrows[i].x1 = laneX(arrows[i].to_lane);
    }
    layout_.lane_x = lane_x_;
}

QPointF LadderScene::midpoint(std::size_t i) const {
    const ArrowGeometry& g = layout_.arrows[i];
    return {(g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2};
}

double LadderScene::arrowYAt(std::size_t i, double x) const {
    const ArrowGeometry& g = layout_.arrows[i];
    if (std::abs(g.x1 - g.x0) < 1e-6) return g.y0;
    const double t = std::clamp((x - g.x0) / (g.x1 - g.x0), 0.0, 1.0);
    return g.y0 + t * (g.y1 - g.y0);
}

std::pair<std::size_t, std::size_t> LadderScene::visible(double y_top, double y_bottom) const {
    return layout_.visible(y_top, y_bottom);
}

std::optional<std::size_t> LadderScene::hit(double x, double y) const {
    const std::size_t i = layout_.hit(x, y, 7);
    if (i >= layout_.arrows.size()) return std::nullopt;
    return i;
}

std::optional<std::size_t> LadderScene::arrowOfFrame(std::uint32_t frame) const {
    if (!ladder_) return std::nullopt;
    // Arrows are in capture order, so frame numbers increase.
    const auto& arrows = ladder_->arrows;
    auto it = std::lower_bound(arrows.begin(), arrows.end(), frame,
                               [](const LadderArrow& a, std::uint32_t f) { return a.frame.value < f; });
    if (it == arrows.end() || it->frame.value != frame) return std::nullopt;
    return static_cast<std::size_t>(it - arrows.begin());
}

}  // namespace seqscope::ui
