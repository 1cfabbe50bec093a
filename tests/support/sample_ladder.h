// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder of one TCP stream of a capture file (e.g. the bundled loopback demo,
// resources/samples/demo-lo.pcapng), for the export tests.
#pragma once

#include "ladder/ladder.h"

#include <cstdint>
#include <string>

namespace seqscope::test {

// Empty (no arrows) if the file cannot be read.
Ladder capture_ladder(const std::string& path, std::uint32_t tcp_stream, bool relative = true);

}  // namespace seqscope::test
