// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/time_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace seqscope {
namespace {

std::string three_digits(double v, const char* unit) {
    char buf[48];
    const double rounded = std::round(v);
    if (std::fabs(v - rounded) < 1e-9 * std::fmax(1.0, std::fabs(v)) || std::fabs(v) >= 100)
        std::snprintf(buf, sizeof buf, "%.0f %s", rounded, unit);  // "60 s", not "60.0 s"
    else if (std::fabs(v) >= 10)
        std::snprintf(buf, sizeof buf, "%.1f %s", v, unit);
    else
        std::snprintf(buf, sizeof buf, "%.2f %s", v, unit);
    return buf;
}

}  // namespace

std::string format_duration(std::int64_t ns) {
    const double v = static_cast<double>(ns);
    const double mag = std::fabs(v);
    if (mag < 1e3) return std::to_string(ns) + " ns";
    if (mag < 1e6) return three_digits(v / 1e3, "µs");
    if (mag < 1e9) return three_digits(v / 1e6, "ms");
    return three_digits(v / 1e9, "s");
}

std::string format_offset(std::int64_t ns_since_origin) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.3f s", static_cast<double>(ns_since_origin) / 1e9);
    return buf;
}

}  // namespace seqscope
