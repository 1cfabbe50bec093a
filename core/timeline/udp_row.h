// SPDX-License-Identifier: GPL-3.0-or-later
// One UDP stream as a timeline row: request ticks, response ticks (with the
// reply time), unanswered requests flagged, ICMP errors attached to what they quote.
#pragma once

#include "analysis/udp_exchanges.h"
#include "timeline/timeline_row.h"

namespace seqscope {

TimelineRow build_udp_row(const UdpStreamEvents& stream, const UdpExchangeReport& report, std::int64_t origin_ns);

}  // namespace seqscope
