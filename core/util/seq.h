// SPDX-License-Identifier: GPL-3.0-or-later
// Wrap-aware TCP sequence comparisons (RFC 9293 §3.4: modulo 2^32, signed difference).
// Every sequence comparison in seqscope goes through these.
#pragma once

#include <cstdint>

namespace seqscope::seq {

constexpr std::int32_t diff(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b); }
constexpr bool lt(std::uint32_t a, std::uint32_t b) { return diff(a, b) < 0; }
constexpr bool le(std::uint32_t a, std::uint32_t b) { return diff(a, b) <= 0; }
constexpr bool gt(std::uint32_t a, std::uint32_t b) { return diff(a, b) > 0; }
constexpr bool ge(std::uint32_t a, std::uint32_t b) { return diff(a, b) >= 0; }

}  // namespace seqscope::seq
