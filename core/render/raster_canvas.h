// SPDX-License-Identifier: GPL-3.0-or-later
// An RGBA8 canvas with anti-aliased coverage painting: every shape is a coverage
// function sampled at the pixel (distance to a segment, to a rounded box, a
// supersampled polygon), blended "over" the pixels. Plain C++, no library.
#pragma once

#include "render/surface.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace seqscope::render {

class RasterCanvas {
public:
    RasterCanvas(int width, int height, Rgb background);
    [[nodiscard]] int width() const { return width_; }
    [[nodiscard]] int height() const { return height_; }
    [[nodiscard]] const std::vector<std::uint8_t>& rgba() const { return rgba_; }
    [[nodiscard]] Rgb pixel(int x, int y) const;

    // Blends `c` with opacity `coverage` (0..1) over pixel (x, y); outside: ignored.
    void blend(int x, int y, Rgb c, double coverage);
    // A solid segment of width `w` with round ends (dashes are split by the caller).
    void segment(Point a, Point b, double w, Rgb c);
    // A box with corner radius `r`, turned `degrees` clockwise about its centre:
    // filled, and/or its outline `stroke_w` wide.
    void rounded_box(double x, double y, double w, double h, double r, double degrees, const std::optional<Rgb>& fill,
                     const std::optional<Rgb>& stroke, double stroke_w);
    // 45° stripes `period` apart (half filled) inside the box.
    void stripes(double x, double y, double w, double h, double period, Rgb c);
    void polygon(const std::vector<Point>& points, Rgb c);

private:
    int width_, height_;
    std::vector<std::uint8_t> rgba_;
};

}  // namespace seqscope::render
