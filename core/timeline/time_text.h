// SPDX-License-Identifier: GPL-3.0-or-later
// How the timeline and the graphs write times in their labels: durations with
// three significant digits in a fitting unit ("80.2 ms", "1.65 s", "60 s"), and
// instants as seconds since the capture start ("2.980 s").
#pragma once

#include <cstdint>
#include <string>

namespace seqscope {

std::string format_duration(std::int64_t ns);
std::string format_offset(std::int64_t ns_since_origin);

}  // namespace seqscope
