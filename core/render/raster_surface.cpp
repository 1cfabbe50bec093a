// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/raster_surface.h"

#include "render/font_atlas.h"
#include "render/utf8.h"

#include <algorithm>
#include <cmath>

namespace seqscope::render {
namespace {

// The atlas's em is its pixel size; scale it to the requested size.
double glyph_scale(const FontAtlas& f, double pixels) { return pixels / f.pixel_size; }

// Bilinear coverage (0..1) of glyph `g` at bitmap coordinates (u, v), pixel centres at +0.5.
double sample(const FontAtlas& f, const AtlasGlyph& g, double u, double v) {
    const double x = u - 0.5, y = v - 0.5;
    const int ix = static_cast<int>(std::floor(x)), iy = static_cast<int>(std::floor(y));
    const double fx = x - ix, fy = y - iy;
    const double c00 = f.coverage(g, ix, iy), c10 = f.coverage(g, ix + 1, iy);
    const double c01 = f.coverage(g, ix, iy + 1), c11 = f.coverage(g, ix + 1, iy + 1);
    return ((c00 * (1 - fx) + c10 * fx) * (1 - fy) + (c01 * (1 - fx) + c11 * fx) * fy) / 255.0;
}

}  // namespace

RasterSurface::RasterSurface(double width, double height, double scale, Rgb background)
    : scale_(scale),
      canvas_(static_cast<int>(std::ceil(width * scale)), static_cast<int>(std::ceil(height * scale)), background) {}

void RasterSurface::box(const Box& b, const std::optional<Rgb>& fill, const std::optional<Stroke>& outline) {
    const bool stroke = outline && outline->width > 0;
    canvas_.rounded_box(b.x * scale_, b.y * scale_, b.w * scale_, b.h * scale_, b.radius * scale_, b.degrees, fill,
                        stroke ? std::optional<Rgb>(outline->colour) : std::nullopt, stroke ? outline->width * scale_ : 0);
}

void RasterSurface::hatch(double x, double y, double w, double h, Rgb colour) {
    canvas_.stripes(x * scale_, y * scale_, w * scale_, h * scale_, 6 * scale_, colour);
}

void RasterSurface::line(Point a, Point b, const Stroke& s) {
    const Point A = px(a), B = px(b);
    const double w = s.width * scale_;
    if (s.dash_on <= 0) {
        canvas_.segment(A, B, w, s.colour);
        return;
    }
    // Dashes along the segment; round ends make short dots visible as dots.
    const double len = std::hypot(B.x - A.x, B.y - A.y);
    if (len <= 0) return;
    const double on = s.dash_on * scale_, off = s.dash_off * scale_;
    const double ux = (B.x - A.x) / len, uy = (B.y - A.y) / len;
    for (double t = 0; t < len; t += on + off) {
        const double e = std::min(len, t + on);
        // A round cap adds w/2 at each end: shorten so the dash keeps its length.
        const double trim = std::min(w / 2, (e - t) / 2 - 0.01);
        canvas_.segment({A.x + ux * (t + trim), A.y + uy * (t + trim)}, {A.x + ux * (e - trim), A.y + uy * (e - trim)}, w,
                        s.colour);
    }
}

void RasterSurface::polygon(const std::vector<Point>& points, Rgb fill) {
    std::vector<Point> scaled;
    scaled.reserve(points.size());
    for (const Point& p : points) scaled.push_back(px(p));
    canvas_.polygon(scaled, fill);
}

namespace {

// Proportional text is set 10% narrower, close to DejaVu Sans's average width in the SVG.
double squeeze(Face face) { return face == Face::Sans ? 0.9 : 1.0; }

}  // namespace

double RasterSurface::text_width(const std::string& utf8, const TextStyle& st) const {
    const FontAtlas& f = font_atlas_for(st.size * scale_);
    return static_cast<double>(decode_utf8(utf8).size()) * f.advance / f.pixel_size * st.size * squeeze(st.face);
}

void RasterSurface::text(Point at, const std::string& utf8, const TextStyle& st, Anchor anchor, double degrees) {
    const double size = st.size * scale_;
    const FontAtlas& f = font_atlas_for(size);
    const double k = glyph_scale(f, size);
    const double kx = k * squeeze(st.face);
    const std::vector<char32_t> cps = decode_utf8(utf8);
    const double width = static_cast<double>(cps.size()) * f.advance * kx;
    const double start = anchor == Anchor::Start ? 0 : anchor == Anchor::Middle ? -width / 2 : -width;
    const double rad = degrees * M_PI / 180, c = std::cos(rad), s = std::sin(rad);
    const Point o = px(at);
    // Bold: the same coverage drawn a second time a fraction of a pixel to the right.
    const int passes = st.bold ? 2 : 1;
    const double bold_shift = std::max(0.6, size / 20);
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const AtlasGlyph& g = f.glyph(cps[i]);
        if (g.w == 0) continue;
        for (int pass = 0; pass < passes; ++pass) {
            // Glyph box in text space (x along the baseline, y down), in output pixels.
            const double gx = start + (static_cast<double>(i) * f.advance + g.left) * kx + pass * bold_shift;
            const double gy = -g.top * k;
            const double gw = g.w * kx, gh = g.h * k;
            double lx = 1e300, hx = -1e300, ly = 1e300, hy = -1e300;
            for (const auto& [cx, cy] : {std::pair{gx, gy}, {gx + gw, gy}, {gx, gy + gh}, {gx + gw, gy + gh}}) {
                const double X = o.x + cx * c - cy * s, Y = o.y + cx * s + cy * c;
                lx = std::min(lx, X), hx = std::max(hx, X), ly = std::min(ly, Y), hy = std::max(hy, Y);
            }
            const int x0 = std::max(0, static_cast<int>(std::floor(lx)) - 1);
            const int x1 = std::min(canvas_.width() - 1, static_cast<int>(std::ceil(hx)) + 1);
            const int y0 = std::max(0, static_cast<int>(std::floor(ly)) - 1);
            const int y1 = std::min(canvas_.height() - 1, static_cast<int>(std::ceil(hy)) + 1);
            for (int y = y0; y <= y1; ++y) {
                for (int x = x0; x <= x1; ++x) {
                    // Back into text space (inverse rotation), then into the bitmap.
                    const double dx = x + 0.5 - o.x, dy = y + 0.5 - o.y;
                    const double tx = dx * c + dy * s, ty = -dx * s + dy * c;
                    const double cov = sample(f, g, (tx - gx) / kx, (ty - gy) / k);
                    if (cov > 0) canvas_.blend(x, y, st.colour, cov);
                }
            }
        }
    }
}

}  // namespace seqscope::render
