// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/cursor_readout.h"

#include "timeline/time_text.h"

namespace seqscope {
namespace {

std::string states_text(const TimelineRow& row, const std::array<TcpState, 2>& st) {
    if (st[0] == st[1]) return std::string("both ") + to_string(st[0]);
    // Client first, as the row's title reads.
    const std::uint8_t first = row.client.value_or(0);
    const auto second = static_cast<std::uint8_t>(1 - first);
    return row.endpoint_name(first) + " " + to_string(st[first]) + ", " + row.endpoint_name(second) + " " +
           to_string(st[second]);
}

const PhaseSpan* phase_at(const TimelineRow& row, std::int64_t t) {
    // The latest-starting span wins where two touch (a teardown ends as the half-close begins).
    const PhaseSpan* best = nullptr;
    for (const PhaseSpan& p : row.phases)
        if (t >= p.start_ns && (t < p.end_ns || (p.open_end && t >= p.end_ns) || (p.start_ns == p.end_ns && t == p.start_ns)))
            if (best == nullptr || p.start_ns >= best->start_ns) best = &p;
    return best;
}

const TimelineMarker* last_marker(const TimelineRow& row, MarkerKind kind, std::int64_t t) {
    const TimelineMarker* found = nullptr;
    for (const auto& m : row.markers)
        if (m.kind == kind && m.ts_ns <= t) found = &m;
    return found;
}

const TimelineMarker* next_marker(const TimelineRow& row, MarkerKind kind, std::int64_t t) {
    for (const auto& m : row.markers)
        if (m.kind == kind && m.ts_ns > t) return &m;
    return nullptr;
}

std::string at(const TimelineRow& row, std::int64_t ts) { return format_offset(ts - row.origin_ns); }

CursorReadout udp_readout(const TimelineRow& row, std::int64_t t) {
    CursorReadout r;
    if (t < row.first_ts) {
        r.headline = "not started";
        r.detail = "first datagram at " + at(row, row.first_ts);
        return r;
    }
    // A request is waiting when it is the latest datagram and its reply has not come yet.
    const TimelineMarker* latest = nullptr;
    for (const auto& m : row.markers)
        if (m.ts_ns <= t && m.kind != MarkerKind::IcmpError) latest = &m;
    if (latest != nullptr && latest->kind == MarkerKind::UdpRequest) {
        r.headline = "waiting";
        r.detail = "request frame " + std::to_string(latest->frame.value) + " sent at " + at(row, latest->ts_ns);
        return r;
    }
    r.headline = "idle";
    if (const TimelineMarker* reply = last_marker(row, MarkerKind::UdpResponse, t))
        r.detail = "last reply at " + at(row, reply->ts_ns);
    else
        r.detail = "no reply yet";
    if (latest != nullptr && latest->kind == MarkerKind::UdpUnanswered) r.detail += "; the last request got none";
    return r;
}

}  // namespace

CursorReadout readout_at(const TimelineRow& row, std::int64_t t) {
    if (row.kind == RowKind::Udp) return udp_readout(row, t);
    CursorReadout r;
    r.states = {row.states[0].state_at(t), row.states[1].state_at(t)};
    if (t < row.first_ts) {
        r.headline = "not started";
        r.detail = "opens at " + at(row, row.first_ts);
        return r;
    }
    if (const PhaseSpan* p = phase_at(row, t)) {
        r.phase = p->kind;
        r.headline = to_string(p->kind);
        r.detail = states_text(row, r.states);
        if (p->kind == PhaseKind::HalfOpen) {
            const TimelineMarker* retry = next_marker(row, MarkerKind::SynRetransmission, t);
            r.detail += retry ? "; next retry at " + at(row, retry->ts_ns) : "; no further retry captured";
        }
        return r;
    }
    switch (row.outcome) {
    case RowOutcome::Refused:
        r.headline = "refused";
        r.detail = "closed since " + at(row, row.last_ts);
        break;
    case RowOutcome::Reset:
        if (const TimelineMarker* rst = last_marker(row, MarkerKind::Rst, t)) {
            r.headline = "aborted";
            r.detail = std::string("RST from ") + (row.client ? "the " : "") + row.endpoint_name(rst->dir) + " at " + at(row, rst->ts_ns);
            break;
        }
        [[fallthrough]];
    default:
        r.headline = t > row.end_ts ? "closed" : "between phases";
        r.detail = states_text(row, r.states);
        break;
    }
    return r;
}

}  // namespace seqscope
