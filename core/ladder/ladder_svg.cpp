// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladder/ladder_svg.h"

#include "ladder/ladder_palette.h"

#include <cmath>
#include <cstdio>

namespace seqscope {
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

std::string text(double x, double y, const std::string& s, const char* cls, const char* anchor = "start") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" class=\"" + cls + "\" text-anchor=\"" + anchor + "\">" +
           esc(s) + "</text>\n";
}

}  // namespace

std::string ladder_svg(const Ladder& l, const LadderLayoutOptions& options) {
    LadderLayoutOptions o = options;
    o.top = std::max(o.top, 150.0);
    const LadderLayout L = layout_ladder(l, o);
    const double legend_h = 60;
    const double height = L.height + legend_h;
    std::string s;
    s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(o.width) + "\" height=\"" + num(height) +
         "\" viewBox=\"0 0 " + num(o.width) + " " + num(height) + "\">\n";
    s += "<style>text{font-family:'DejaVu Sans',sans-serif;font-size:12px;fill:#1d2733}"
         ".mono{font-family:'DejaVu Sans Mono',monospace;font-size:11px}.title{font-size:16px;font-weight:bold}"
         ".small{font-size:10px;fill:#5b6673}.state{font-size:10px;font-weight:bold}.eq{font-size:11px;font-weight:bold}"
         "</style>\n";
    s += "<defs>";
    for (ArrowKind k : {ArrowKind::Data, ArrowKind::PureAck, ArrowKind::SynFin, ArrowKind::Rst,
                        ArrowKind::Retransmission, ArrowKind::DupAck, ArrowKind::IcmpError}) {
        s += "<marker id=\"head" + std::to_string(static_cast<int>(k)) +
             "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">"
             "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + palette::arrow(k) + "\"/></marker>";
    }
    s += "<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
         "<rect width=\"3\" height=\"6\" fill=\"" + std::string(palette::kClosing) + "\"/></pattern>";
    s += "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    s += text(20, 28, l.title, "title");
    s += text(20, 48, l.subtitle, "small");
    double ny = 66;
    for (const auto& n : l.notes) {
        s += text(20, ny, "Note: " + n, "small");
        ny += 16;
    }
    // Lane headers.
    for (std::size_t i = 0; i < l.lanes.size() && i < L.lane_x.size(); ++i) {
        const double x = L.lane_x[i];
        s += "<rect x=\"" + num(x - 120) + "\" y=\"" + num(o.top - 62) + "\" width=\"240\" height=\"40\" rx=\"6\" "
             "fill=\"#eef3fa\" stroke=\"#9fb4cc\"/>\n";
        s += text(x, o.top - 45, l.lanes[i].title, "mono title", "middle");
        s += text(x, o.top - 29, l.lanes[i].role, "small", "middle");
    }
    // State bands along each lifeline.
    const double bottom = L.height - o.row_height;
    for (const auto& b : l.bands) {
        if (b.lane >= L.lane_x.size()) continue;
        const double y0 = b.first_arrow < L.arrows.size() ? L.arrows[b.first_arrow].y0 : bottom;
        double y1 = b.end_arrow < L.arrows.size() ? L.arrows[b.end_arrow].y0 : bottom;
        if (b.first_arrow == 0 && b.end_arrow == 0) {
            s += text(L.lane_x[b.lane] + (b.lane == 0 ? -12 : 12), o.top - 6, to_string(b.state), "state",
                      b.lane == 0 ? "end" : "start");
            continue;
        }
        if (y1 <= y0) y1 = y0 + 4;
        const bool hatched = b.state == TcpState::TimeWait;
        s += "<rect x=\"" + num(L.lane_x[b.lane] - 5) + "\" y=\"" + num(y0) + "\" width=\"10\" height=\"" + num(y1 - y0) +
             "\" fill=\"" + (hatched ? std::string("url(#hatch)") : std::string(palette::state(b.state))) + "\"/>\n";
        s += text(L.lane_x[b.lane] + (b.lane == 0 ? -12 : 12), y0 + 12, to_string(b.state), "state",
                  b.lane == 0 ? "end" : "start");
        if (b.timer_end)
            s += text(L.lane_x[b.lane] + (b.lane == 0 ? -12 : 12), y1 - 4, "2·MSL → CLOSED", "small",
                      b.lane == 0 ? "end" : "start");
    }
    // Compressed idle spans.
    for (const auto& br : L.breaks) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "≈ %.3f s idle", static_cast<double>(br.to_ns - br.from_ns) / 1e9);
        s += "<line x1=\"20\" x2=\"" + num(o.width - 20) + "\" y1=\"" + num(br.y) + "\" y2=\"" + num(br.y) +
             "\" stroke=\"#c3cad3\" stroke-dasharray=\"2,4\"/>\n" + text(24, br.y - 3, buf, "small");
    }
    // Gaps in the sequence space.
    for (const auto& g : l.gaps) {
        const double y = g.before_arrow < L.arrows.size() ? L.arrows[g.before_arrow].y0 - o.row_height / 2 : bottom;
        s += text((L.lane_x.front() + L.lane_x.back()) / 2, y, "⋯ " + g.text + " ⋯", "small", "middle");
    }
    // Arrows, labels, equations, links.
    for (std::size_t i = 0; i < l.arrows.size(); ++i) {
        const LadderArrow& a = l.arrows[i];
        const ArrowGeometry& g = L.arrows[i];
        const char* colour = palette::arrow(a.kind);
        char frame_col[64];
        std::snprintf(frame_col, sizeof frame_col, "%u", a.frame.value);
        s += text(24, g.y0 + 4, frame_col, "mono");
        std::snprintf(frame_col, sizeof frame_col, "%.6f", static_cast<double>(a.ts_ns - l.first_ts_ns) / 1e9);
        s += text(64, g.y0 + 4, frame_col, "mono small");
        const double dir = g.x1 > g.x0 ? 1 : -1;
        s += "<line x1=\"" + num(g.x0) + "\" y1=\"" + num(g.y0) + "\" x2=\"" + num(g.x1 - dir * 6) + "\" y2=\"" +
             num(g.y1) + "\" stroke=\"" + colour + "\" stroke-width=\"1.8\"" +
             (a.kind == ArrowKind::Retransmission ? std::string(" stroke-dasharray=\"6,3\"") : std::string()) +
             (a.kind == ArrowKind::DupAck ? std::string(" stroke-dasharray=\"2,3\"") : std::string()) +
             " marker-end=\"url(#head" + std::to_string(static_cast<int>(a.kind)) + ")\"><title>" + esc(a.label) +
             "</title></line>\n";
        const double mx = (g.x0 + g.x1) / 2, my = (g.y0 + g.y1) / 2;
        const double angle = std::atan2(g.y1 - g.y0, g.x1 - g.x0) * 180 / M_PI;
        const double flip = dir < 0 ? 180 : 0;
        s += "<g transform=\"translate(" + num(mx) + "," + num(my) + ") rotate(" + num(angle + flip) + ")\">" +
             text(0, -4, a.label, "mono", "middle") + "</g>\n";
        if (a.phantom_byte) s += text(g.x0 + dir * 14, g.y0 - 6, "+1", "eq", "middle");
        if (!a.equation.empty()) {
            const double ex = g.x1 - dir * 110, ey = g.y1 + 14;
            s += text(ex, ey, a.equation, "eq", "middle");
            for (std::size_t k : a.acked_arrows) {
                if (k >= L.arrows.size()) continue;
                const ArrowGeometry& t = L.arrows[k];
                s += "<line x1=\"" + num(ex) + "\" y1=\"" + num(ey - 10) + "\" x2=\"" + num((t.x0 + t.x1) / 2) +
                     "\" y2=\"" + num((t.y0 + t.y1) / 2 + 2) + "\" stroke=\"#8895a3\" stroke-dasharray=\"1,3\"/>\n";
            }
        }
        std::string tag;
        if (a.piggybacked) tag = "piggybacked ACK";
        if (a.delayed) tag = "delayed ACK";
        if (!a.payload_preview.empty()) tag = "\"" + a.payload_preview + "\"" + (tag.empty() ? "" : "  " + tag);
        if (!tag.empty()) s += text(g.x0 + dir * 10, g.y0 + 16, tag, "small", dir > 0 ? "start" : "end");
        for (std::size_t w = 0; w < a.whys.size(); ++w)
            s += text((g.x0 + g.x1) / 2, g.y1 + 16 + 12 * static_cast<double>(w), "⚑ " + a.whys[w], "small", "middle");
    }
    // Legend.
    double lx = 20;
    const double ly = height - 24;
    for (ArrowKind k : {ArrowKind::Data, ArrowKind::PureAck, ArrowKind::SynFin, ArrowKind::Rst,
                        ArrowKind::Retransmission, ArrowKind::DupAck}) {
        s += "<line x1=\"" + num(lx) + "\" y1=\"" + num(ly) + "\" x2=\"" + num(lx + 28) + "\" y2=\"" + num(ly) +
             "\" stroke=\"" + palette::arrow(k) + "\" stroke-width=\"2\"/>" + text(lx + 34, ly + 4, to_string(k), "small");
        lx += 130;
    }
    s += "</svg>\n";
    return s;
}

}  // namespace seqscope
