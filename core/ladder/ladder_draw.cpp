// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladder/ladder_draw.h"

#include "ladder/ladder_palette.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace seqscope {
namespace {

using render::Anchor;
using render::Face;
using render::Point;
using render::Stroke;
using render::TextStyle;

constexpr double kLegendHeight = 60;
// A pill's centre above the text's baseline, in em: between the capitals' top and the descenders.
constexpr double kPillLift = 0.25;
const render::Rgb kInk = render::rgb("#1D2733");
const render::Rgb kMuted = render::rgb("#5B6673");

// The SVG export's classes, as styles every back end understands.
const TextStyle kMono{Face::Mono, 11, false, kInk};
const TextStyle kMonoSmall{Face::Mono, 10, false, kMuted};
const TextStyle kTitle{Face::Sans, 16, true, kInk};
const TextStyle kLaneTitle{Face::Mono, 16, true, kInk};
const TextStyle kSmall{Face::Sans, 10, false, kMuted};
const TextStyle kState{Face::Sans, 10, true, kInk};
const TextStyle kEquation{Face::Sans, 11, true, kInk};

constexpr ArrowKind kLegendKinds[] = {ArrowKind::Data,           ArrowKind::PureAck, ArrowKind::SynFin, ArrowKind::Rst,
                                      ArrowKind::Retransmission, ArrowKind::DupAck};

Stroke arrow_stroke(ArrowKind k) {
    Stroke s{render::rgb(palette::arrow(k)), 1.8};
    if (k == ArrowKind::Retransmission) s.dash_on = 6, s.dash_off = 3;
    if (k == ArrowKind::DupAck) s.dash_on = 2, s.dash_off = 3;
    return s;
}

// A rounded pill centred on `centre` behind text `text_w` wide, turned with it.
void pill(render::Surface& s, Point centre, double text_w, double degrees, render::Rgb fill, const Stroke& outline) {
    const double w = text_w + 10, h = 15;
    s.box({centre.x - w / 2, centre.y - h / 2, w, h, h / 2, degrees}, fill, outline);
}

}  // namespace

std::optional<LadderPicture> plan_ladder_picture(const Ladder& l, const LadderLayoutOptions& options,
                                                 const std::optional<LadderFrameRange>& range) {
    LadderPicture p;
    p.options = options;
    p.options.top = std::max(p.options.top, 150.0);
    p.layout = layout_ladder(l, p.options);
    p.width = p.options.width;
    p.end_arrow = l.arrows.size();
    if (range) {
        p.first_arrow = l.arrows.size();
        p.end_arrow = 0;
        for (std::size_t i = 0; i < l.arrows.size(); ++i) {
            const std::uint32_t f = l.arrows[i].frame.value;
            if (f < range->first || f > range->last) continue;
            p.first_arrow = std::min(p.first_arrow, i);
            p.end_arrow = i + 1;
        }
        if (p.end_arrow == 0) return std::nullopt;
    }
    const LadderLayout& L = p.layout;
    if (p.end_arrow > p.first_arrow && !L.arrows.empty()) {
        p.shift = p.options.top - L.arrows[p.first_arrow].y0;
        p.y_from = L.arrows[p.first_arrow].y0;
        p.y_to = L.arrows[p.end_arrow - 1].y0 + p.options.slant + p.options.row_height * 2;
    } else {
        p.y_from = p.options.top;
        p.y_to = L.height;
    }
    p.height = p.y_to + p.shift + kLegendHeight;
    return p;
}

std::vector<LadderFrameRange> ladder_pages(const Ladder& l, const LadderPicture& p, double max_height) {
    const LadderLayout& L = p.layout;
    const LadderLayoutOptions& o = p.options;
    // A page holding arrows [i, j) is as tall as plan_ladder_picture() makes it for that range.
    auto height = [&](std::size_t i, std::size_t j) {
        return o.top + (L.arrows[j - 1].y0 + o.slant + o.row_height * 2) - L.arrows[i].y0 + kLegendHeight;
    };
    std::vector<LadderFrameRange> pages;
    const std::size_t end = std::min(p.end_arrow, L.arrows.size());
    for (std::size_t i = p.first_arrow; i < end;) {
        std::size_t j = i + 1;
        while (j < end && height(i, j + 1) <= max_height) ++j;
        pages.push_back({l.arrows[i].frame.value, l.arrows[j - 1].frame.value});
        i = j;
    }
    return pages;
}

void draw_ladder(render::Surface& s, const Ladder& l, const LadderPicture& p) {
    const LadderLayoutOptions& o = p.options;
    const LadderLayout& L = p.layout;
    const bool whole = p.first_arrow == 0 && p.end_arrow == l.arrows.size();
    auto Y = [&](double layout_y) { return layout_y + p.shift; };
    auto in_range = [&](std::size_t i) { return i >= p.first_arrow && i < p.end_arrow; };

    s.text({20, 28}, l.title, kTitle, Anchor::Start);
    s.text({20, 48}, l.subtitle, kSmall, Anchor::Start);
    double ny = 66;
    for (const auto& n : l.notes) {
        s.text({20, ny}, "Note: " + n, kSmall, Anchor::Start);
        ny += 16;
    }
    // Lane headers.
    for (std::size_t i = 0; i < l.lanes.size() && i < L.lane_x.size(); ++i) {
        const double x = L.lane_x[i];
        s.box({x - 120, o.top - 62, 240, 40, 6}, render::rgb("#EEF3FA"), Stroke{render::rgb("#9FB4CC"), 1});
        s.text({x, o.top - 45}, l.lanes[i].title, kLaneTitle, Anchor::Middle);
        s.text({x, o.top - 29}, l.lanes[i].role, kSmall, Anchor::Middle);
    }
    // State bands along each lifeline, clipped to the band of arrows shown.
    const double band_top = o.top - o.row_height / 2;
    const double bottom = Y(p.y_to) - o.row_height;
    auto arrow_y = [&](std::size_t i) { return i < L.arrows.size() ? Y(L.arrows[i].y0) : bottom; };
    // Lifelines under the bands (UDP ladders have no bands: these are all they get).
    for (std::size_t i = 0; i < l.lanes.size() && i < L.lane_x.size(); ++i)
        s.line({L.lane_x[i], o.top - 22}, {L.lane_x[i], bottom}, {render::rgb("#C3CAD3"), 1.5});
    for (const auto& b : l.bands) {
        if (b.lane >= L.lane_x.size()) continue;
        const double x = L.lane_x[b.lane];
        const double tx = x + (b.lane == 0 ? -12 : 12);
        const Anchor side = b.lane == 0 ? Anchor::End : Anchor::Start;
        if (b.first_arrow == 0 && b.end_arrow == 0) {
            if (p.first_arrow == 0) s.text({tx, o.top - 6}, to_string(b.state), kState, side);
            continue;
        }
        if (b.end_arrow <= p.first_arrow && b.end_arrow < l.arrows.size()) continue;
        if (b.first_arrow >= p.end_arrow) continue;
        double y0 = std::max(arrow_y(b.first_arrow), band_top);
        double y1 = std::min(arrow_y(b.end_arrow), bottom);
        if (y1 <= y0) y1 = y0 + 4;
        if (b.state == TcpState::TimeWait) s.hatch(x - 5, y0, 10, y1 - y0, render::rgb(palette::kClosing));
        else s.box({x - 5, y0, 10, y1 - y0}, render::rgb(palette::state(b.state)), std::nullopt);
        s.text({tx, y0 + 12}, to_string(b.state), kState, side);
        if (b.timer_end && b.end_arrow >= p.end_arrow) s.text({tx, y1 - 4}, "2·MSL → CLOSED", kSmall, side);
    }
    // Compressed idle spans.
    for (const auto& br : L.breaks) {
        if (br.y < p.y_from || br.y > p.y_to) continue;
        char buf[64];
        std::snprintf(buf, sizeof buf, "≈ %.3f s idle", static_cast<double>(br.to_ns - br.from_ns) / 1e9);
        s.line({20, Y(br.y)}, {o.width - 20, Y(br.y)}, {render::rgb("#C3CAD3"), 1, 2, 4});
        s.text({24, Y(br.y) - 3}, buf, kSmall, Anchor::Start);
    }
    // Gaps in the sequence space.
    for (const auto& g : l.gaps) {
        if (!in_range(g.before_arrow) && !(whole && g.before_arrow >= l.arrows.size())) continue;
        const double y = g.before_arrow < L.arrows.size() ? arrow_y(g.before_arrow) - o.row_height / 2 : bottom;
        s.text({(L.lane_x.front() + L.lane_x.back()) / 2, y}, "⋯ " + g.text + " ⋯", kSmall, Anchor::Middle);
    }
    // The dotted links from each equation to the arrows it acknowledges, first, so
    // the labels' pills drawn next cover them.
    auto equation_at = [&](std::size_t i) {
        const ArrowGeometry& g = L.arrows[i];
        return Point{g.x1 - (g.x1 > g.x0 ? 1 : -1) * 110, Y(g.y1) + 14};
    };
    for (std::size_t i = p.first_arrow; i < p.end_arrow && i < L.arrows.size(); ++i) {
        if (l.arrows[i].equation.empty()) continue;
        const Point e = equation_at(i);
        for (std::size_t k : l.arrows[i].acked_arrows) {
            if (k >= L.arrows.size() || !in_range(k)) continue;
            const ArrowGeometry& t = L.arrows[k];
            s.line({e.x, e.y - 10}, {(t.x0 + t.x1) / 2, Y((t.y0 + t.y1) / 2) + 2}, {render::rgb("#8895A3"), 1, 1, 3});
        }
    }
    // Arrows with their labels, equations and tags.
    for (std::size_t i = p.first_arrow; i < p.end_arrow && i < L.arrows.size(); ++i) {
        const LadderArrow& a = l.arrows[i];
        const ArrowGeometry& g = L.arrows[i];
        const double y0 = Y(g.y0), y1 = Y(g.y1);
        char col[64];
        std::snprintf(col, sizeof col, "%u", a.frame.value);
        s.text({24, y0 + 4}, col, kMono, Anchor::Start);
        std::snprintf(col, sizeof col, "%.6f", static_cast<double>(a.ts_ns - l.first_ts_ns) / 1e9);
        s.text({64, y0 + 4}, col, kMonoSmall, Anchor::Start);
        const double dir = g.x1 > g.x0 ? 1 : -1;
        const Stroke stroke = arrow_stroke(a.kind);
        s.arrow({g.x0, y0}, {g.x1 - dir * 5, y1}, stroke, a.label);
        const double angle = std::atan2(g.y1 - g.y0, g.x1 - g.x0) * 180 / M_PI + (dir < 0 ? 180 : 0);
        // The label sits 4 px above the arrow's middle, along the arrow, on a pill.
        const double rad = angle * M_PI / 180, up_x = std::sin(rad), up_y = -std::cos(rad);
        const Point mid{(g.x0 + g.x1) / 2 + 4 * up_x, (y0 + y1) / 2 + 4 * up_y};
        pill(s, {mid.x + up_x * kMono.size * kPillLift, mid.y + up_y * kMono.size * kPillLift}, s.text_width(a.label, kMono), angle,
             render::rgb(kLadderBackground), {stroke.colour, 0.8});
        s.text(mid, a.label, kMono, Anchor::Middle, angle);
        if (a.phantom_byte) {
            const Point at{g.x0 + dir * 14, y0 - 6};
            pill(s, {at.x, at.y - kEquation.size * kPillLift}, s.text_width("+1", kEquation), 0,
                 render::rgb(kLadderBackground), {render::rgb(palette::kSynFin), 0.8});
            s.text(at, "+1", kEquation, Anchor::Middle);
        }
        if (!a.equation.empty()) {
            const Point e = equation_at(i);
            pill(s, {e.x, e.y - kEquation.size * kPillLift}, s.text_width(a.equation, kEquation), 0, render::rgb("#F4F6F9"),
                 {render::rgb("#5E7385"), 0.8});
            s.text(e, a.equation, kEquation, Anchor::Middle);
        }
        std::string tag;
        if (a.piggybacked) tag = "piggybacked ACK";
        if (a.delayed) tag = "delayed ACK";
        if (!a.payload_preview.empty()) tag = "\"" + a.payload_preview + "\"" + (tag.empty() ? "" : "  " + tag);
        if (!tag.empty()) s.text({g.x0 + dir * 10, y0 + 16}, tag, kSmall, dir > 0 ? Anchor::Start : Anchor::End);
        for (std::size_t w = 0; w < a.whys.size(); ++w)
            s.text({(g.x0 + g.x1) / 2, y1 + 16 + 12 * static_cast<double>(w)}, "⚑ " + a.whys[w], kSmall, Anchor::Middle);
    }
    // Legend.
    double lx = 20;
    const double ly = p.height - 24;
    for (ArrowKind k : kLegendKinds) {
        s.line({lx, ly}, {lx + 28, ly}, {render::rgb(palette::arrow(k)), 2});
        s.text({lx + 34, ly + 4}, to_string(k), kSmall, Anchor::Start);
        lx += 130;
    }
}

}  // namespace seqscope
