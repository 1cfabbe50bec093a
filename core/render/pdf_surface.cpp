// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/pdf_surface.h"

#include "render/pdf_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace seqscope::render {
namespace {

std::string n(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

std::string colour(Rgb c, const char* op) {
    return n(c.r / 255.0) + " " + n(c.g / 255.0) + " " + n(c.b / 255.0) + " " + op + "\n";
}

// Resource names of the four standard fonts in the page's /Font dictionary.
const char* font_name(Face face, bool bold) {
    if (face == Face::Mono) return bold ? "/F4" : "/F3";
    return bold ? "/F2" : "/F1";
}

}  // namespace

PdfSurface::PdfSurface(double width, double height, Rgb background) { next_page(width, height, background); }

void PdfSurface::next_page(double width, double height, Rgb background) {
    if (width_ > 0) done_.push_back({width_, height_, ops_});
    width_ = width, height_ = height;
    ops_ = colour(background, "rg") + "0 0 " + n(width) + " " + n(height) + " re f\n1 J 1 j\n";
}

void PdfSurface::stroke_state(const Stroke& s) {
    ops_ += colour(s.colour, "RG") + n(s.width) + " w ";
    ops_ += s.dash_on > 0 ? "[" + n(s.dash_on) + " " + n(s.dash_off) + "] 0 d\n" : "[] 0 d\n";
}

void PdfSurface::rounded_path(double left, double bottom, double w, double h, double r) {
    r = std::clamp(r, 0.0, std::min(w, h) / 2);
    if (r <= 0) {
        ops_ += n(left) + " " + n(bottom) + " " + n(w) + " " + n(h) + " re\n";
        return;
    }
    const double k = 0.5523 * r;  // Bézier approximation of a quarter circle
    const double l = left, rr = left + w, t = bottom + h, b = bottom;
    ops_ += n(l + r) + " " + n(b) + " m " + n(rr - r) + " " + n(b) + " l ";
    ops_ += n(rr - r + k) + " " + n(b) + " " + n(rr) + " " + n(b + r - k) + " " + n(rr) + " " + n(b + r) + " c ";
    ops_ += n(rr) + " " + n(t - r) + " l ";
    ops_ += n(rr) + " " + n(t - r + k) + " " + n(rr - r + k) + " " + n(t) + " " + n(rr - r) + " " + n(t) + " c ";
    ops_ += n(l + r) + " " + n(t) + " l ";
    ops_ += n(l + r - k) + " " + n(t) + " " + n(l) + " " + n(t - r + k) + " " + n(l) + " " + n(t - r) + " c ";
    ops_ += n(l) + " " + n(b + r) + " l ";
    ops_ += n(l) + " " + n(b + r - k) + " " + n(l + r - k) + " " + n(b) + " " + n(l + r) + " " + n(b) + " c h\n";
}

void PdfSurface::box(const Box& b, const std::optional<Rgb>& fill, const std::optional<Stroke>& outline) {
    const bool stroke = outline && outline->width > 0;
    if (!fill && !stroke) return;
    if (fill) ops_ += colour(*fill, "rg");
    if (stroke) stroke_state(*outline);
    if (b.degrees != 0) {
        // Draw about the centre in a turned frame (clockwise on the page = negative in PDF's y-up space).
        const double rad = b.degrees * M_PI / 180, c = std::cos(rad), s = std::sin(rad);
        ops_ += "q " + n(c) + " " + n(-s) + " " + n(s) + " " + n(c) + " " + n(b.x + b.w / 2) + " " + n(Y(b.y + b.h / 2)) +
                " cm\n";
        rounded_path(-b.w / 2, -b.h / 2, b.w, b.h, b.radius);
    } else {
        rounded_path(b.x, Y(b.y + b.h), b.w, b.h, b.radius);
    }
    ops_ += fill && stroke ? "B\n" : fill ? "f\n" : "S\n";
    if (b.degrees != 0) ops_ += "Q\n";
}

void PdfSurface::hatch(double x, double y, double w, double h, Rgb c) {
    // Clip to the box, then 45° strokes 6 px apart, each 3 px wide (half ink, like the SVG pattern).
    ops_ += "q\n";
    rounded_path(x, Y(y + h), w, h, 0);
    ops_ += "W n\n" + colour(c, "RG") + "3 w [] 0 d 0 J\n";
    const double period = 6 * std::sqrt(2.0);  // along x, for stripes 6 px apart at 45°
    for (double s = x - h; s < x + w + period; s += period)
        ops_ += n(s) + " " + n(Y(y)) + " m " + n(s + h) + " " + n(Y(y + h)) + " l S\n";
    ops_ += "Q\n";
}

void PdfSurface::line(Point a, Point b, const Stroke& s) {
    stroke_state(s);
    ops_ += n(a.x) + " " + n(Y(a.y)) + " m " + n(b.x) + " " + n(Y(b.y)) + " l S\n";
}

void PdfSurface::polygon(const std::vector<Point>& points, Rgb fill) {
    if (points.size() < 3) return;
    ops_ += colour(fill, "rg");
    for (std::size_t i = 0; i < points.size(); ++i)
        ops_ += n(points[i].x) + " " + n(Y(points[i].y)) + (i == 0 ? " m " : " l ");
    ops_ += "h f\n";
}

void PdfSurface::text(Point at, const std::string& utf8, const TextStyle& st, Anchor anchor, double degrees) {
    const std::string bytes = to_winansi(utf8);
    const double width = winansi_width(bytes, st.face, st.bold, st.size);
    const double shift = anchor == Anchor::Start ? 0 : anchor == Anchor::Middle ? width / 2 : width;
    // Clockwise in y-down pixels is clockwise on the page too: the text matrix
    // rotates by -degrees in PDF's y-up space.
    const double rad = degrees * M_PI / 180, c = std::cos(rad), s = std::sin(rad);
    const double x = at.x - shift * c, y = Y(at.y + shift * -s);
    ops_ += "BT " + std::string(font_name(st.face, st.bold)) + " " + n(st.size) + " Tf " + colour(st.colour, "rg");
    ops_ += n(c) + " " + n(-s) + " " + n(s) + " " + n(c) + " " + n(x) + " " + n(y) + " Tm " + pdf_literal(bytes) +
            " Tj ET\n";
}

double PdfSurface::text_width(const std::string& utf8, const TextStyle& st) const {
    return winansi_width(to_winansi(utf8), st.face, st.bold, st.size);
}

std::string PdfSurface::finish() const {
    std::vector<Page> pages = done_;
    pages.push_back({width_, height_, ops_});
    // Objects: 1 catalog, 2 page tree, 3-6 the fonts, then a page and its content stream per page.
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) kids += (i ? " " : "") + std::to_string(7 + 2 * i) + " 0 R";
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>",
    };
    for (const char* base : {"Helvetica", "Helvetica-Bold", "Courier", "Courier-Bold"})
        objects.push_back(std::string("<< /Type /Font /Subtype /Type1 /BaseFont /") + base +
                          " /Encoding /WinAnsiEncoding >>");
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const Page& p = pages[i];
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + n(p.width) + " " + n(p.height) +
                          "] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R /F4 6 0 R >> >> /Contents " +
                          std::to_string(8 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(p.ops.size()) + " >>\nstream\n" + p.ops + "endstream");
    }
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";  // binary marker comment: the file has bytes ≥ 128
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);  // each entry exactly 20 bytes
        pdf += buf;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace seqscope::render
