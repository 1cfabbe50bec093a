// SPDX-License-Identifier: GPL-3.0-or-later
// The drawing surface as an SVG document: text stays text (selectable, searchable),
// arrowheads are markers and every arrow carries its label as a <title> tooltip.
#pragma once

#include "render/surface.h"

#include <set>
#include <string>

namespace seqscope::render {

class SvgSurface final : public Surface {
public:
    SvgSurface(double width, double height, Rgb background);
    void box(const Box& b, const std::optional<Rgb>& fill, const std::optional<Stroke>& outline) override;
    void hatch(double x, double y, double w, double h, Rgb colour) override;
    void line(Point a, Point b, const Stroke& s) override;
    void polygon(const std::vector<Point>& points, Rgb fill) override;
    void arrow(Point a, Point b, const Stroke& s, const std::string& title) override;
    void text(Point at, const std::string& utf8, const TextStyle& style, Anchor anchor, double degrees) override;
    [[nodiscard]] double text_width(const std::string& utf8, const TextStyle& style) const override;
    // The finished document.
    [[nodiscard]] std::string finish() const;

private:
    double width_, height_;
    std::string defs_, body_;
    std::set<std::string> markers_, hatches_;
};

}  // namespace seqscope::render
