// SPDX-License-Identifier: GPL-3.0-or-later
// tshark's "-z follow,tcp|udp,MODE,FILTER[,RANGE]" report, byte for byte as
// tshark 4.0.17 prints it. MODE is ascii, hex, raw or yaml; FILTER a stream index
// or two endpoints (ADDR:PORT,ADDR:PORT, IPv6 as [ADDR]:PORT); RANGE the chunks
// to show, N or N-M (1-based).
#pragma once

#include "format/follow_stream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace seqscope {

enum class FollowMode : std::uint8_t { Ascii, Hex, Raw, Yaml };

struct FollowRequest {
    bool udp = false;
    FollowMode mode = FollowMode::Ascii;
    std::optional<std::uint32_t> stream;  // by index, or else by the two endpoints:
    Endpoint peers[2];
    std::uint32_t chunk_min = 1, chunk_max = UINT32_MAX;

    // The display filter tshark names in the report's "Filter:" line.
    [[nodiscard]] std::string filter_text() const;
    // Whether a conversation between `x` and `y` is the one asked for by endpoints.
    [[nodiscard]] bool matches(const Endpoint& x, const Endpoint& y) const;
};

// Parses a -z argument that starts with "follow,"; false with tshark's reason
// ("Invalid display mode.", "Invalid range.", ...) in `error`.
bool parse_follow_request(std::string_view arg, FollowRequest& req, std::string& error);

// The report: the header with both nodes, the chunks, the closing rule (yaml has
// its own shape without them).
std::string render_follow(const FollowRequest& req, const FollowResult& result);

}  // namespace seqscope
