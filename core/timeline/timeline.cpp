// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeline.h"

#include "analysis/conversation_summary.h"
#include "timeline/tcp_row.h"
#include "timeline/udp_row.h"

#include <algorithm>
#include <limits>

namespace seqscope {

Timeline build_timeline(const CollectedConversations& conversations, const TimelineOptions& options) {
    Timeline tl;
    std::int64_t earliest = std::numeric_limits<std::int64_t>::max();
    if (options.tcp)
        for (const auto& c : conversations.tcp)
            if (!c.segments.empty()) earliest = std::min(earliest, c.segments.front().ts_ns);
    if (options.udp)
        for (const auto& u : conversations.udp)
            if (!u.datagrams.empty()) earliest = std::min(earliest, u.datagrams.front().ts_ns);
    if (earliest == std::numeric_limits<std::int64_t>::max()) earliest = 0;
    tl.origin_ns = options.origin_ns.value_or(earliest);

    if (options.tcp)
        for (const auto& c : conversations.tcp) {
            if (c.segments.empty()) continue;  // a stream index the filter skipped
            tl.rows.push_back(build_tcp_row(c, summarize_conversation(c, options.states), tl.origin_ns));
        }
    if (options.udp)
        for (const auto& u : conversations.udp) {
            if (u.datagrams.empty()) continue;
            tl.rows.push_back(build_udp_row(u, pair_udp_exchanges(u), tl.origin_ns));
        }
    if (!tl.rows.empty()) {
        tl.start_ns = tl.rows.front().first_ts;
        tl.end_ns = tl.rows.front().end_ts;
        for (const auto& r : tl.rows) {
            tl.start_ns = std::min(tl.start_ns, r.first_ts);
            tl.end_ns = std::max(tl.end_ns, r.end_ts);
        }
    }
    return tl;
}

std::vector<std::int64_t> event_times(const Timeline& timeline) {
    std::vector<std::int64_t> out;
    for (const auto& r : timeline.rows) {
        out.push_back(r.first_ts - timeline.origin_ns);
        out.push_back(r.last_ts - timeline.origin_ns);
        out.push_back(r.end_ts - timeline.origin_ns);
        for (const auto& p : r.phases) {
            out.push_back(p.start_ns - timeline.origin_ns);
            out.push_back(p.end_ns - timeline.origin_ns);
        }
        for (const auto& m : r.markers) out.push_back(m.ts_ns - timeline.origin_ns);
    }
    return out;
}

TimeAxisMap timeline_axis(const Timeline& timeline, const IdleCompressionOptions& options) {
    std::vector<std::int64_t> times = event_times(timeline);
    times.push_back(0);  // the axis starts at the origin, as the packet list's time does
    return TimeAxisMap::from_events(std::move(times), options);
}

}  // namespace seqscope
