// SPDX-License-Identifier: GPL-3.0-or-later
// All connections of a capture on one time axis: TCP rows (by tcp.stream), then
// UDP rows (by udp.stream), their common origin, and the event times a
// TimeAxisMap squeezes idle spans from.
#pragma once

#include "analysis/collect.h"
#include "analysis/endpoint_states.h"
#include "timeline/time_axis.h"
#include "timeline/timeline_row.h"

#include <optional>
#include <vector>

namespace seqscope {

struct TimelineOptions {
    // The capture's first packet, so labels agree with the packet list's relative
    // time; when unset, the earliest event of the rows.
    std::optional<std::int64_t> origin_ns;
    StateOptions states;  // MSL for TIME_WAIT
    bool tcp = true, udp = true;
};

struct Timeline {
    std::int64_t origin_ns = 0;
    std::vector<TimelineRow> rows;
    std::int64_t start_ns = 0, end_ns = 0;  // absolute extent of all rows (TIME_WAIT ends included)
};

Timeline build_timeline(const CollectedConversations& conversations, const TimelineOptions& options = {});

// Every time a row draws something at (ns since the origin): span edges, markers.
std::vector<std::int64_t> event_times(const Timeline& timeline);
TimeAxisMap timeline_axis(const Timeline& timeline, const IdleCompressionOptions& options = {});

}  // namespace seqscope
