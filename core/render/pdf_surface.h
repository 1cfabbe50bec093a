// SPDX-License-Identifier: GPL-3.0-or-later
// The drawing surface as a PDF 1.4 document: vector lines, boxes and arrowheads,
// text in the standard 14 fonts (nothing embedded, so any reader shows it), the
// content stream uncompressed so tests and `grep` can read the labels.
#pragma once

#include "render/surface.h"

#include <string>

namespace seqscope::render {

class PdfSurface final : public Surface {
public:
    // One pixel of the drawing becomes one PDF point (1/72 in). Starts the first page.
    PdfSurface(double width, double height, Rgb background);
    // Ends the page and draws on a new one from here on.
    void next_page(double width, double height, Rgb background);
    void box(const Box& b, const std::optional<Rgb>& fill, const std::optional<Stroke>& outline) override;
    void hatch(double x, double y, double w, double h, Rgb colour) override;
    void line(Point a, Point b, const Stroke& s) override;
    void polygon(const std::vector<Point>& points, Rgb fill) override;
    void text(Point at, const std::string& utf8, const TextStyle& style, Anchor anchor, double degrees) override;
    [[nodiscard]] double text_width(const std::string& utf8, const TextStyle& style) const override;
    [[nodiscard]] std::string finish() const;

private:
    void stroke_state(const Stroke& s);
    // A (rounded) rectangle path in PDF's own y-up units, from its bottom-left corner.
    void rounded_path(double left, double bottom, double w, double h, double r);
    [[nodiscard]] double Y(double y) const { return height_ - y; }  // PDF's y grows upwards
    struct Page {
        double width, height;
        std::string ops;
    };
    std::vector<Page> done_;
    double width_ = 0, height_ = 0;
    std::string ops_;  // the current page's content stream
};

}  // namespace seqscope::render
