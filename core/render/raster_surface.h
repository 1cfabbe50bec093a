// SPDX-License-Identifier: GPL-3.0-or-later
// The drawing surface on a RasterCanvas at a scale (2 = twice the pixels, crisp on
// high-DPI screens). Text comes from the embedded DejaVu Sans Mono atlas, placed
// and rotated by inverse-mapping every covered pixel back into the glyph bitmap.
#pragma once

#include "render/raster_canvas.h"
#include "render/surface.h"

namespace seqscope::render {

class RasterSurface final : public Surface {
public:
    RasterSurface(double width, double height, double scale, Rgb background);
    void box(const Box& b, const std::optional<Rgb>& fill, const std::optional<Stroke>& outline) override;
    void hatch(double x, double y, double w, double h, Rgb colour) override;
    void line(Point a, Point b, const Stroke& s) override;
    void polygon(const std::vector<Point>& points, Rgb fill) override;
    void text(Point at, const std::string& utf8, const TextStyle& style, Anchor anchor, double degrees) override;
    [[nodiscard]] double text_width(const std::string& utf8, const TextStyle& style) const override;
    [[nodiscard]] const RasterCanvas& canvas() const { return canvas_; }

private:
    [[nodiscard]] Point px(Point p) const { return {p.x * scale_, p.y * scale_}; }
    double scale_;
    RasterCanvas canvas_;
};

}  // namespace seqscope::render
