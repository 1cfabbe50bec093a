// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/raster_canvas.h"

#include <algorithm>
#include <cmath>

namespace seqscope::render {
namespace {

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

// Pixel indices whose centres may be within `pad` of [lo, hi], clipped to [0, n).
std::pair<int, int> span(double lo, double hi, double pad, int n) {
    const int a = std::max(0, static_cast<int>(std::floor(lo - pad)));
    const int b = std::min(n - 1, static_cast<int>(std::ceil(hi + pad)));
    return {a, b};
}

}  // namespace

RasterCanvas::RasterCanvas(int width, int height, Rgb bg)
    : width_(std::max(1, width)), height_(std::max(1, height)),
      rgba_(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * 4) {
    for (std::size_t i = 0; i < rgba_.size(); i += 4) {
        rgba_[i] = bg.r, rgba_[i + 1] = bg.g, rgba_[i + 2] = bg.b, rgba_[i + 3] = 255;
    }
}

Rgb RasterCanvas::pixel(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return {};
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(x)) * 4;
    return {rgba_[i], rgba_[i + 1], rgba_[i + 2]};
}

void RasterCanvas::blend(int x, int y, Rgb c, double coverage) {
    if (x < 0 || y < 0 || x >= width_ || y >= height_ || coverage <= 0) return;
    const double a = std::min(coverage, 1.0);
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(x)) * 4;
    auto mix = [a](std::uint8_t d, std::uint8_t s) {
        return static_cast<std::uint8_t>(std::lround(static_cast<double>(d) + (static_cast<double>(s) - d) * a));
    };
    rgba_[i] = mix(rgba_[i], c.r), rgba_[i + 1] = mix(rgba_[i + 1], c.g), rgba_[i + 2] = mix(rgba_[i + 2], c.b);
}

void RasterCanvas::segment(Point a, Point b, double w, Rgb c) {
    const double half = std::max(w, 0.5) / 2;
    const auto [x0, x1] = span(std::min(a.x, b.x), std::max(a.x, b.x), half + 1, width_);
    const auto [y0, y1] = span(std::min(a.y, b.y), std::max(a.y, b.y), half + 1, height_);
    const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
    // Thin lines keep their darkness spread over two pixels instead of vanishing.
    const double gain = w < 1 ? w : 1;
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const double px = x + 0.5 - a.x, py = y + 0.5 - a.y;
            const double t = len2 > 0 ? std::clamp((px * dx + py * dy) / len2, 0.0, 1.0) : 0;
            const double d = std::hypot(px - t * dx, py - t * dy);
            blend(x, y, c, gain * clamp01(half + 0.5 - d));
        }
    }
}

void RasterCanvas::rounded_box(double x, double y, double w, double h, double r, double degrees,
                               const std::optional<Rgb>& fill, const std::optional<Rgb>& stroke, double stroke_w) {
    const double cx = x + w / 2, cy = y + h / 2, hx = w / 2, hy = h / 2;
    r = std::clamp(r, 0.0, std::min(hx, hy));
    const double rad = degrees * M_PI / 180, c = std::cos(rad), s = std::sin(rad);
    // Turned, the box stays within its half-diagonal of the centre.
    const double reach = degrees != 0 ? std::hypot(hx, hy) : 0;
    const double pad = (stroke ? stroke_w / 2 + 1 : 1);
    const auto [x0, x1] = span(degrees != 0 ? cx - reach : x, degrees != 0 ? cx + reach : x + w, pad, width_);
    const auto [y0, y1] = span(degrees != 0 ? cy - reach : y, degrees != 0 ? cy + reach : y + h, pad, height_);
    for (int py = y0; py <= y1; ++py) {
        for (int px = x0; px <= x1; ++px) {
            // Into the box's own frame (undo the turn), then the signed distance: negative inside.
            const double dx = px + 0.5 - cx, dy = py + 0.5 - cy;
            const double lx = dx * c + dy * s, ly = -dx * s + dy * c;
            const double qx = std::abs(lx) - (hx - r), qy = std::abs(ly) - (hy - r);
            const double d = std::hypot(std::max(qx, 0.0), std::max(qy, 0.0)) + std::min(std::max(qx, qy), 0.0) - r;
            if (fill) blend(px, py, *fill, clamp01(0.5 - d));
            if (stroke) blend(px, py, *stroke, clamp01(stroke_w / 2 + 0.5 - std::abs(d)));
        }
    }
}

void RasterCanvas::stripes(double x, double y, double w, double h, double period, Rgb c) {
    const auto [x0, x1] = span(x, x + w, 0, width_);
    const auto [y0, y1] = span(y, y + h, 0, height_);
    for (int py = y0; py <= y1; ++py) {
        const double cover_y = clamp01(std::min(py + 1.0, y + h) - std::max(static_cast<double>(py), y));
        for (int px = x0; px <= x1; ++px) {
            const double cover_x = clamp01(std::min(px + 1.0, x + w) - std::max(static_cast<double>(px), x));
            // Distance along the diagonal, in stripe periods; the first half of each is ink.
            const double u = std::fmod((px + 0.5 + py + 0.5) / std::sqrt(2.0), period);
            const double edge = std::min(u, period / 2 - u);  // > 0 inside the ink half
            blend(px, py, c, cover_x * cover_y * clamp01(edge + 0.5));
        }
    }
}

void RasterCanvas::polygon(const std::vector<Point>& pts, Rgb c) {
    if (pts.size() < 3) return;
    double lx = pts[0].x, hx = lx, ly = pts[0].y, hy = ly;
    for (const Point& p : pts) lx = std::min(lx, p.x), hx = std::max(hx, p.x), ly = std::min(ly, p.y), hy = std::max(hy, p.y);
    const auto [x0, x1] = span(lx, hx, 1, width_);
    const auto [y0, y1] = span(ly, hy, 1, height_);
    constexpr int kSub = 4;  // 4×4 samples per pixel, even-odd rule
    for (int py = y0; py <= y1; ++py) {
        for (int px = x0; px <= x1; ++px) {
            int inside = 0;
            for (int sy = 0; sy < kSub; ++sy) {
                for (int sx = 0; sx < kSub; ++sx) {
                    const double X = px + (sx + 0.5) / kSub, Y = py + (sy + 0.5) / kSub;
                    bool in = false;
                    for (std::size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
                        if ((pts[i].y > Y) != (pts[j].y > Y) &&
                            X < (pts[j].x - pts[i].x) * (Y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x)
                            in = !in;
                    }
                    inside += in ? 1 : 0;
                }
            }
            blend(px, py, c, static_cast<double>(inside) / (kSub * kSub));
        }
    }
}

}  // namespace seqscope::render
