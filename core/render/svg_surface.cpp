// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/svg_surface.h"

#include <cstdio>

namespace seqscope::render {
namespace {

std::string esc(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string stroke_attrs(const Stroke& s) {
    std::string a = " stroke=\"" + hex(s.colour) + "\"";
    if (s.width != 1) a += " stroke-width=\"" + num(s.width) + "\"";
    if (s.dash_on > 0) a += " stroke-dasharray=\"" + num(s.dash_on) + "," + num(s.dash_off) + "\"";
    return a;
}

}  // namespace

SvgSurface::SvgSurface(double width, double height, Rgb background) : width_(width), height_(height) {
    body_ = "<rect width=\"100%\" height=\"100%\" fill=\"" + hex(background) + "\"/>\n";
}

void SvgSurface::box(const Box& b, const std::optional<Rgb>& fill, const std::optional<Stroke>& outline) {
    body_ += "<rect x=\"" + num(b.x) + "\" y=\"" + num(b.y) + "\" width=\"" + num(b.w) + "\" height=\"" + num(b.h) + "\"";
    if (b.radius > 0) body_ += " rx=\"" + num(b.radius) + "\"";
    if (b.degrees != 0)
        body_ += " transform=\"rotate(" + num(b.degrees) + " " + num(b.x + b.w / 2) + " " + num(b.y + b.h / 2) + ")\"";
    body_ += " fill=\"" + (fill ? hex(*fill) : std::string("none")) + "\"";
    if (outline && outline->width > 0) body_ += stroke_attrs(*outline);
    body_ += "/>\n";
}

void SvgSurface::hatch(double x, double y, double w, double h, Rgb colour) {
    const std::string id = "hatch" + hex(colour).substr(1);
    if (hatches_.insert(id).second)
        defs_ += "<pattern id=\"" + id +
                 "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                 "<rect width=\"3\" height=\"6\" fill=\"" + hex(colour) + "\"/></pattern>";
    body_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
             "\" fill=\"url(#" + id + ")\"/>\n";
}

void SvgSurface::line(Point a, Point b, const Stroke& s) {
    body_ += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" + num(b.y) + "\"" +
             stroke_attrs(s) + "/>\n";
}

void SvgSurface::polygon(const std::vector<Point>& points, Rgb fill) {
    std::string pts;
    for (const Point& p : points) pts += (pts.empty() ? "" : " ") + num(p.x) + "," + num(p.y);
    body_ += "<polygon points=\"" + pts + "\" fill=\"" + hex(fill) + "\"/>\n";
}

void SvgSurface::arrow(Point a, Point b, const Stroke& s, const std::string& title) {
    const std::string id = "head" + hex(s.colour).substr(1);
    if (markers_.insert(id).second)
        defs_ += "<marker id=\"" + id +
                 "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"5.5\" markerHeight=\"5\" "
                 "preserveAspectRatio=\"none\" orient=\"auto\">"
                 "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + hex(s.colour) + "\"/></marker>";
    body_ += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" + num(b.y) + "\"" +
             stroke_attrs(s) + " marker-end=\"url(#" + id + ")\">";
    body_ += title.empty() ? std::string() : "<title>" + esc(title) + "</title>";
    body_ += "</line>\n";
}

void SvgSurface::text(Point at, const std::string& utf8, const TextStyle& st, Anchor anchor, double degrees) {
    std::string attrs = " font-size=\"" + num(st.size) + "\" fill=\"" + hex(st.colour) + "\"";
    attrs += st.face == Face::Mono ? " font-family=\"'DejaVu Sans Mono',monospace\"" : "";
    attrs += st.bold ? " font-weight=\"bold\"" : "";
    attrs += anchor == Anchor::Middle ? " text-anchor=\"middle\"" : anchor == Anchor::End ? " text-anchor=\"end\"" : "";
    if (degrees != 0)
        body_ += "<text transform=\"translate(" + num(at.x) + "," + num(at.y) + ") rotate(" + num(degrees) + ")\"" +
                 attrs + ">" + esc(utf8) + "</text>\n";
    else
        body_ += "<text x=\"" + num(at.x) + "\" y=\"" + num(at.y) + "\"" + attrs + ">" + esc(utf8) + "</text>\n";
}

double SvgSurface::text_width(const std::string& utf8, const TextStyle& st) const {
    // An estimate: the viewer picks the font. DejaVu Sans averages ~0.55 em, its Mono is 0.602 em.
    std::size_t chars = 0;
    for (char c : utf8) chars += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    const double em = st.face == Face::Mono ? 0.602 : st.bold ? 0.6 : 0.55;
    return static_cast<double>(chars) * em * st.size;
}

std::string SvgSurface::finish() const {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width_) + "\" height=\"" + num(height_) +
         "\" viewBox=\"0 0 " + num(width_) + " " + num(height_) + "\">\n";
    s += "<style>text{font-family:'DejaVu Sans',sans-serif}</style>\n";
    if (!defs_.empty()) s += "<defs>" + defs_ + "</defs>\n";
    return s + body_ + "</svg>\n";
}

}  // namespace seqscope::render
