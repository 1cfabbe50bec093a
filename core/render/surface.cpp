// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/surface.h"

#include <cmath>
#include <cstdio>

namespace seqscope::render {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Rgb rgb(const char* s) {
    if (s == nullptr || s[0] != '#') return {};
    int v[6];
    for (int i = 0; i < 6; ++i)
        if ((v[i] = hex_digit(s[i + 1])) < 0) return {};
    return {static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]),
            static_cast<std::uint8_t>(v[4] * 16 + v[5])};
}

std::string hex(Rgb c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
    return buf;
}

void Surface::arrow(Point a, Point b, const Stroke& s, const std::string&) {
    const double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
    if (len < 1e-9) return;
    const double ux = dx / len, uy = dy / len;
    const double head = std::min(kArrowHeadLength * s.width, len), half = kArrowHeadHalfWidth * s.width;
    // The shaft stops inside the head so a thick line does not poke out of its tip.
    line(a, {b.x - ux * head * 0.6, b.y - uy * head * 0.6}, s);
    const Point base{b.x - ux * head, b.y - uy * head};
    polygon({b, {base.x - uy * half, base.y + ux * half},
             {base.x + uy * half, base.y - ux * half}},
            s.colour);
}

}  // namespace seqscope::render
