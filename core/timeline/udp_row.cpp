// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/udp_row.h"

#include "timeline/time_text.h"

#include <algorithm>
#include <map>

namespace seqscope {

TimelineRow build_udp_row(const UdpStreamEvents& stream, const UdpExchangeReport& report, std::int64_t origin_ns) {
    TimelineRow row;
    row.kind = RowKind::Udp;
    row.outcome = RowOutcome::Udp;
    row.stream = stream.stream.value;
    row.a = stream.a;
    row.b = stream.b;
    row.origin_ns = origin_ns;
    row.title = stream.a.to_string() + " ↔ " + stream.b.to_string();
    row.stream_label = "udp.stream " + std::to_string(stream.stream.value);
    row.frame_count = stream.datagrams.size();
    row.count_label = std::to_string(row.frame_count) + (row.frame_count == 1 ? " datagram" : " datagrams");
    if (stream.datagrams.empty()) {
        row.reason = "no datagrams";
        return row;
    }
    row.client = stream.datagrams.front().dir;
    row.first_frame = stream.datagrams.front().frame;
    row.last_frame = stream.datagrams.back().frame;
    row.first_ts = stream.datagrams.front().ts_ns;
    row.last_ts = stream.datagrams.back().ts_ns;

    std::map<std::uint32_t, const UdpExchange*> by_request, by_response;
    for (const UdpExchange& ex : report.exchanges) {
        by_request[ex.request.value] = &ex;
        if (ex.response) by_response[ex.response->value] = &ex;
    }
    std::size_t icmp = 0;
    std::vector<std::int64_t> reply_times;
    for (const UdpDatagramEvent& d : stream.datagrams) {
        if (auto it = by_request.find(d.frame.value); it != by_request.end()) {
            const UdpExchange& ex = *it->second;
            if (ex.response) {
                row.markers.push_back({MarkerKind::UdpRequest, d.ts_ns, d.frame, d.dir, ex.response, "request"});
            } else {
                std::string label = "no response";
                label += ex.icmp_error ? " · ICMP " + ex.icmp_text : " · no ICMP error either";
                row.markers.push_back({MarkerKind::UdpUnanswered, d.ts_ns, d.frame, d.dir, ex.icmp_error, std::move(label)});
            }
        } else if (auto jt = by_response.find(d.frame.value); jt != by_response.end()) {
            const UdpExchange& ex = *jt->second;
            reply_times.push_back(ex.response_time_ns);
            row.markers.push_back({MarkerKind::UdpResponse, d.ts_ns, d.frame, d.dir, ex.request,
                                   "reply after " + format_duration(ex.response_time_ns)});
        } else {
            // A DNS response whose query the capture missed.
            row.markers.push_back({MarkerKind::UdpResponse, d.ts_ns, d.frame, d.dir, std::nullopt, "response without a request"});
        }
    }
    for (const IcmpErrorEvent& e : stream.icmp_errors) {
        std::optional<FrameNumber> quoted;
        for (const UdpExchange& ex : report.exchanges)
            if (ex.icmp_error && *ex.icmp_error == e.frame) quoted = ex.request;
        row.markers.push_back({MarkerKind::IcmpError, e.ts_ns, e.frame, e.quoted_dir, quoted, "ICMP " + e.text});
        ++icmp;
        row.first_ts = std::min(row.first_ts, e.ts_ns);
        row.last_ts = std::max(row.last_ts, e.ts_ns);
    }
    std::stable_sort(row.markers.begin(), row.markers.end(),
                     [](const TimelineMarker& x, const TimelineMarker& y) { return x.ts_ns < y.ts_ns; });
    row.end_ts = row.last_ts;

    const std::size_t requests = report.exchanges.size();
    row.reason = std::to_string(requests) + (requests == 1 ? " request, " : " requests, ") +
                 std::to_string(requests - report.unanswered) + " answered";
    if (report.unanswered > 0) row.reason += ", " + std::to_string(report.unanswered) + " unanswered";
    if (!reply_times.empty()) {
        std::nth_element(reply_times.begin(), reply_times.begin() + static_cast<std::ptrdiff_t>(reply_times.size() / 2),
                         reply_times.end());
        row.reason += "; median reply " + format_duration(reply_times[reply_times.size() / 2]);
    }
    if (icmp > 0) row.reason += "; " + std::to_string(icmp) + (icmp == 1 ? " ICMP error" : " ICMP errors");
    return row;
}

}  // namespace seqscope
