// SPDX-License-Identifier: GPL-3.0-or-later
// What a row says under the shared time cursor: its phase and both endpoint
// states ("half-close" / "client FIN_WAIT_2, server CLOSE_WAIT"), or for UDP
// whether a request is waiting for its reply.
#pragma once

#include "timeline/timeline_row.h"

#include <array>
#include <optional>
#include <string>

namespace seqscope {

struct CursorReadout {
    std::optional<PhaseKind> phase;  // the span under the cursor, if any
    std::string headline;            // "half-close", "data", "refused", "idle", "not started", "closed"
    std::string detail;              // "client FIN_WAIT_2, server CLOSE_WAIT", "last reply at 2.340 s"
    std::array<TcpState, 2> states{TcpState::Unknown, TcpState::Unknown};  // TCP: endpoint a, b
};

CursorReadout readout_at(const TimelineRow& row, std::int64_t ts_ns);

}  // namespace seqscope
