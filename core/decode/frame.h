// SPDX-License-Identifier: GPL-3.0-or-later
// The "frame" pseudo-protocol: number, times, lengths, comments; then the link layer.
#pragma once

#include "decode/decode_context.h"

#include <cstdint>
#include <string>

namespace seqscope {

void decode_frame(DecodeContext& ctx);

}  // namespace seqscope

namespace seqscope {
// Seconds with nine decimals, as tshark prints FT_RELATIVE_TIME ("0.000123000").
std::string format_relative_time(std::int64_t ns);
}  // namespace seqscope
