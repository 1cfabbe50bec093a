// SPDX-License-Identifier: GPL-3.0-or-later
// A tiny drawing surface: the handful of primitives the ladder needs (boxes,
// hatched bands, dashed lines, arrows, rotated text). The ladder is drawn once
// against it; SVG, PDF and the raster canvas (PNG) are its back ends, so the
// three exports cannot drift apart. Coordinates are CSS pixels, y down.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seqscope::render {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    friend bool operator==(Rgb, Rgb) = default;
};

// "#RRGGBB" (the palette's form); black if malformed.
Rgb rgb(const char* hex);
std::string hex(Rgb c);

struct Point {
    double x = 0, y = 0;
};

struct Stroke {
    Rgb colour;
    double width = 1;
    double dash_on = 0, dash_off = 0;  // 0: solid
};

enum class Anchor : std::uint8_t { Start, Middle, End };
enum class Face : std::uint8_t { Sans, Mono };

struct TextStyle {
    Face face = Face::Sans;
    double size = 12;  // pixels (em)
    bool bold = false;
    Rgb colour;
};

// A rectangle, optionally with rounded corners and turned about its centre.
struct Box {
    double x = 0, y = 0, w = 0, h = 0;  // before turning
    double radius = 0;
    double degrees = 0;  // clockwise
};

class Surface {
public:
    virtual ~Surface() = default;
    // Filled and/or outlined.
    virtual void box(const Box& b, const std::optional<Rgb>& fill, const std::optional<Stroke>& outline) = 0;
    // 45° stripes, half `colour`, half transparent (the TIME_WAIT band).
    virtual void hatch(double x, double y, double w, double h, Rgb colour) = 0;
    virtual void line(Point a, Point b, const Stroke& s) = 0;
    virtual void polygon(const std::vector<Point>& points, Rgb fill) = 0;
    // A line from `a` whose filled head ends exactly at `b`; `title` is a tooltip where the format has one.
    virtual void arrow(Point a, Point b, const Stroke& s, const std::string& title);
    // UTF-8 text whose baseline starts/centres/ends at `at`, rotated `degrees` clockwise about `at`.
    virtual void text(Point at, const std::string& utf8, const TextStyle& style, Anchor anchor, double degrees = 0) = 0;
    // How wide `utf8` comes out in this back end's font (the SVG's is an estimate).
    [[nodiscard]] virtual double text_width(const std::string& utf8, const TextStyle& style) const = 0;
};

// Arrowhead size in units of the stroke width (the SVG marker uses the same).
inline constexpr double kArrowHeadLength = 5.5, kArrowHeadHalfWidth = 2.5;

}  // namespace seqscope::render
