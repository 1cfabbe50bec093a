// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/pdf_text.h"

#include "render/utf8.h"

#include <cstdint>
#include <cstdio>

namespace seqscope::render {
namespace {

#include "render/pdf_font_metrics.inc"

// Code points WinAnsi has above ASCII (the ones the ladder uses), and spellings
// for the ones it lacks.
struct Mapping {
    char32_t cp;
    const char* winansi;
};
constexpr Mapping kMap[] = {
    {0x00A7, "\xA7"}, {0x00B0, "\xB0"}, {0x00B5, "\xB5"}, {0x00B7, "\xB7"}, {0x00D7, "\xD7"},
    {0x2013, "\x96"}, {0x2014, "\x97"}, {0x2018, "\x91"}, {0x2019, "\x92"}, {0x201C, "\x93"},
    {0x201D, "\x94"}, {0x2026, "\x85"}, {0x2192, "->"},   {0x2190, "<-"},   {0x2194, "<->"},
    {0x21D2, "=>"},   {0x2265, ">="},   {0x2264, "<="},   {0x2260, "!="},   {0x2248, "~"},
    {0x2212, "-"},    {0x22EF, "\x85"}, {0x2691, "!"},    {0x21BA, "\xB0"},
};

}  // namespace

std::string to_winansi(const std::string& utf8) {
    std::string out;
    for (char32_t cp : decode_utf8(utf8)) {
        if (cp >= 0x20 && cp < 0x7F) {
            out += static_cast<char>(cp);
            continue;
        }
        const char* m = "?";
        for (const Mapping& e : kMap)
            if (e.cp == cp) m = e.winansi;
        out += m;
    }
    return out;
}

double winansi_width(const std::string& bytes, Face face, bool bold, double size) {
    if (face == Face::Mono) return static_cast<double>(bytes.size()) * 0.6 * size;  // Courier: 600/1000 em each
    const std::uint16_t* w = bold ? kHelveticaBoldWidths : kHelveticaWidths;
    double units = 0;
    for (char c : bytes) {
        const std::uint16_t v = w[static_cast<unsigned char>(c)];
        units += v != 0 ? v : 556;
    }
    return units / 1000.0 * size;
}

std::string pdf_literal(const std::string& bytes) {
    std::string out = "(";
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '\\' || c == '(' || c == ')') {
            out += '\\';
            out += c;
        } else if (b < 0x20 || b >= 0x80) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%03o", b);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + ")";
}

}  // namespace seqscope::render
