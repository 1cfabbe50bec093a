// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/tcp_row.h"

#include "timeline/time_text.h"
#include "util/seq.h"

#include <algorithm>

namespace seqscope {
namespace {

// The first FIN each side sent and the segment that acknowledged it.
struct FinInfo {
    bool sent = false;
    FrameNumber frame{};
    std::int64_t ts = 0;
    std::optional<FrameNumber> ack_frame;
    std::int64_t ack_ts = 0;
};

std::array<FinInfo, 2> find_fins(const TcpConversationEvents& conv) {
    std::array<FinInfo, 2> fins;
    std::uint32_t fin_end[2] = {0, 0};
    for (const auto& e : conv.segments) {
        const auto peer = static_cast<std::uint8_t>(1 - e.dir);
        FinInfo& theirs = fins[peer];
        if (theirs.sent && !theirs.ack_frame && e.has(tcpflag::kAck) && !e.has(tcpflag::kRst) &&
            seq::ge(e.ack_raw, fin_end[peer])) {
            theirs.ack_frame = e.frame;
            theirs.ack_ts = e.ts_ns;
        }
        if (e.has(tcpflag::kFin) && !fins[e.dir].sent) {
            fins[e.dir] = FinInfo{true, e.frame, e.ts_ns, std::nullopt, 0};
            fin_end[e.dir] = e.next_seq_raw();
        }
    }
    return fins;
}

std::string port_ref(const TimelineRow& row, std::uint8_t side) {
    return ":" + std::to_string(side == 0 ? row.a.port : row.b.port);
}

// ":41822 (client)", or ":41822" when roles are unknown.
std::string side_ref(const TimelineRow& row, std::uint8_t side) {
    if (!row.client) return port_ref(row, side);
    return port_ref(row, side) + " (" + row.endpoint_name(side) + ")";
}

// "the server", or ":8080" when roles are unknown.
std::string the_side(const TimelineRow& row, std::uint8_t side) {
    return row.client ? "the " + row.endpoint_name(side) : port_ref(row, side);
}

// "client", or ":41822" when roles are unknown.
std::string side_name(const TimelineRow& row, std::uint8_t side) {
    return row.client ? row.endpoint_name(side) : port_ref(row, side);
}

void add_phase(TimelineRow& row, PhaseKind kind, std::int64_t start, std::int64_t end, FrameNumber f0, FrameNumber f1,
               std::string label, bool open_end = false, std::optional<std::uint8_t> endpoint = std::nullopt) {
    row.phases.push_back({kind, start, std::max(start, end), f0, f1, endpoint, open_end, std::move(label)});
}

void add_marker(TimelineRow& row, MarkerKind kind, std::int64_t ts, FrameNumber frame, std::uint8_t dir,
                std::string label, std::optional<FrameNumber> related = std::nullopt) {
    row.markers.push_back({kind, ts, frame, dir, related, std::move(label)});
}

void handshake_parts(const TcpConversationEvents& conv, const TcpConversationSummary& s, TimelineRow& row) {
    const Handshake& h = s.handshake;
    if (h.syn && s.client) add_marker(row, MarkerKind::Syn, h.syn_ts, *h.syn, *s.client, "SYN");
    const auto server = static_cast<std::uint8_t>(s.client ? 1 - *s.client : 1);
    if (h.syn_ack) add_marker(row, MarkerKind::SynAck, h.syn_ack_ts, *h.syn_ack, server, "SYN, ACK");
    // Retries of the opening SYN (and of the SYN, ACK) before the handshake moved on:
    // the gaps double (1 s, 2 s, 4 s, ...), which is worth seeing.
    for (const auto& e : conv.segments) {
        if (!e.has(tcpflag::kSyn) || e.has(tcpflag::kRst)) continue;
        const bool bare = !e.has(tcpflag::kAck);
        if (bare && h.syn && s.client && e.dir == *s.client && e.frame != *h.syn && !h.simultaneous_open &&
            (!h.syn_ack || e.ts_ns < h.syn_ack_ts))
            add_marker(row, MarkerKind::SynRetransmission, e.ts_ns, e.frame, e.dir,
                       "SYN ↻ +" + format_duration(e.ts_ns - h.syn_ts), h.syn);
        else if (!bare && h.syn_ack && e.frame != *h.syn_ack && (!h.ack || e.ts_ns < h.ack_ts))
            add_marker(row, MarkerKind::SynRetransmission, e.ts_ns, e.frame, e.dir,
                       "SYN, ACK ↻ +" + format_duration(e.ts_ns - h.syn_ack_ts), h.syn_ack);
    }
    if (h.complete())
        add_phase(row, PhaseKind::Handshake, h.syn_ts, h.ack_ts, *h.syn, *h.ack, "iRTT " + format_duration(*h.rtt_ns()));
    else if (h.syn && h.syn_ack && s.teardown.kind != TeardownKind::HalfOpen)
        add_phase(row, PhaseKind::Handshake, h.syn_ts, h.syn_ack_ts, *h.syn, *h.syn_ack, "handshake (final ACK not captured)");
}

void refused(const TcpConversationSummary& s, TimelineRow& row) {
    const Teardown& t = s.teardown;
    const std::uint8_t server = s.client ? static_cast<std::uint8_t>(1 - *s.client) : 1;
    const std::int64_t start = s.handshake.syn ? s.handshake.syn_ts : s.first_ts;
    const FrameNumber f0 = s.handshake.syn ? *s.handshake.syn : s.first_frame;
    add_phase(row, PhaseKind::Refused, start, t.rst_ts, f0, *t.rst,
              "refused · SYN → RST, ACK after " + format_duration(t.rst_ts - start));
    add_marker(row, MarkerKind::Rst, t.rst_ts, *t.rst, server, "RST, ACK from " + port_ref(row, server));
    row.reason = "refused: nothing listens on " + port_ref(row, server);
}

void half_open(const TcpConversationSummary& s, TimelineRow& row) {
    const Handshake& h = s.handshake;
    std::size_t retries = 0;
    for (const auto& m : row.markers) retries += m.kind == MarkerKind::SynRetransmission ? 1 : 0;
    const std::string tries = retries == 0 ? "no retry captured"
                                           : "retried " + std::to_string(retries) + (retries == 1 ? " time" : " times");
    if (h.syn_ack) {
        add_phase(row, PhaseKind::HalfOpen, h.syn_ts, s.last_ts, *h.syn, s.last_frame,
                  "SYN, ACK never acknowledged · " + tries, true);
        row.reason = "half-open: the SYN, ACK is never acknowledged";
    } else {
        add_phase(row, PhaseKind::HalfOpen, h.syn_ts, s.last_ts, *h.syn, s.last_frame, "no SYN, ACK · SYN " + tries, true);
        row.reason = "half-open: the SYN is never answered";
    }
}

void established(const TcpConversationEvents& conv, const TcpConversationSummary& s, TimelineRow& row) {
    const Handshake& h = s.handshake;
    const Teardown& t = s.teardown;
    const auto fins = find_fins(conv);

    std::int64_t start = s.first_ts;
    FrameNumber f0 = s.first_frame;
    if (h.complete()) {
        start = h.ack_ts;
        f0 = *h.ack;
    } else if (h.syn_ack) {
        start = h.syn_ack_ts;
        f0 = *h.syn_ack;
    }
    // Where the connection stops being plainly open: the first FIN, else the RST, else the capture's end.
    const std::optional<std::uint8_t> first_closer = t.first_fin ? t.active_closer : std::nullopt;
    const bool reset = t.kind == TeardownKind::Reset;
    std::int64_t data_end = s.last_ts;
    FrameNumber f1 = s.last_frame;
    bool open = !reset && !t.first_fin;
    if (t.first_fin) {
        data_end = t.first_fin_ts;
        f1 = *t.first_fin;
    } else if (reset) {
        data_end = t.rst_ts;
        f1 = *t.rst;
    }
    add_phase(row, PhaseKind::Data, start, data_end, f0, f1, "data · " + format_duration(data_end - start), open);

    // Each FIN until its ACK; crossing FINs make one teardown span.
    const std::int64_t stop = reset ? t.rst_ts : s.last_ts;
    struct Span { std::int64_t a, b; FrameNumber fa, fb; bool open; };
    std::vector<Span> spans;
    for (std::uint8_t d = 0; d < 2; ++d) {
        const FinInfo& f = fins[d];
        if (!f.sent) continue;
        add_marker(row, MarkerKind::Fin, f.ts, f.frame, d, "FIN (" + side_name(row, d) + ")");
        if (f.ack_frame) spans.push_back({f.ts, f.ack_ts, f.frame, *f.ack_frame, false});
        else spans.push_back({f.ts, stop, f.frame, reset ? *t.rst : s.last_frame, !reset});
    }
    std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) { return x.a < y.a; });
    if (spans.size() == 2 && spans[1].a <= spans[0].b) {
        if (spans[1].b > spans[0].b) {
            spans[0].b = spans[1].b;
            spans[0].fb = spans[1].fb;
        }
        spans[0].open = spans[0].open || spans[1].open;
        spans.pop_back();
    }
    for (const Span& sp : spans)
        add_phase(row, PhaseKind::Teardown, sp.a, sp.b, sp.fa, sp.fb, "FIN → ACK", sp.open, std::nullopt);

    // Between the first FIN's ACK and the second FIN (or the end) only one side may still send.
    if (!spans.empty() && !spans[0].open && first_closer) {
        const std::int64_t from = spans[0].b;
        if (spans.size() == 2 && spans[1].a > from)
            add_phase(row, PhaseKind::HalfClose, from, spans[1].a, spans[0].fb, spans[1].fa,
                      "half-close · " + format_duration(spans[1].a - from), false, first_closer);
        else if (spans.size() == 1 && stop > from)
            add_phase(row, PhaseKind::HalfClose, from, stop, spans[0].fb, reset ? *t.rst : s.last_frame,
                      "half-close · " + format_duration(stop - from), !reset, first_closer);
    }

    // TIME_WAIT from the state timelines; the 2·MSL timer (or a new SYN) ends it.
    for (std::uint8_t d = 0; d < 2; ++d) {
        const auto& tr = s.states[d].transitions;
        for (std::size_t i = 0; i < tr.size(); ++i) {
            if (tr[i].to != TcpState::TimeWait) continue;
            const bool ended = i + 1 < tr.size();
            const std::int64_t end = ended ? tr[i + 1].ts_ns : std::max(s.last_ts, tr[i].ts_ns);
            const bool by_timer = ended && tr[i + 1].cause == TransitionCause::Timer;
            std::string label = "TIME_WAIT on " + side_ref(row, d);
            if (by_timer) label += " · 2·MSL = " + format_duration(end - tr[i].ts_ns);
            else if (ended) label += " · ended by frame " + std::to_string(tr[i + 1].frame.value);
            add_phase(row, PhaseKind::TimeWait, tr[i].ts_ns, end, tr[i].frame, ended ? tr[i + 1].frame : FrameNumber{},
                      std::move(label), !ended, d);
            if (by_timer)
                add_marker(row, MarkerKind::Closed, end, FrameNumber{}, d,
                           "CLOSED " + format_offset(end - row.origin_ns));
        }
    }

    if (reset) {
        const std::uint8_t from = t.active_closer.value_or(0);
        add_marker(row, MarkerKind::Rst, t.rst_ts, *t.rst, from,
                   "RST from " + port_ref(row, from) + " at " + format_offset(t.rst_ts - row.origin_ns));
        row.reason = "aborted by RST from " + the_side(row, from);
        if (first_closer && *first_closer != from) row.reason += " after " + the_side(row, *first_closer) + "'s FIN";
        return;
    }
    const std::string other = first_closer ? the_side(row, static_cast<std::uint8_t>(1 - *first_closer)) : "";
    switch (t.kind) {
    case TeardownKind::FourWay:
    case TeardownKind::FinAckMerged:
        row.reason = first_closer ? side_name(row, *first_closer) + " closed first" : "closed";
        if (s.half_close) row.reason += "; " + other + " kept sending (half-close)";
        break;
    case TeardownKind::Simultaneous: row.reason = "both sides closed at once (simultaneous close)"; break;
    case TeardownKind::Incomplete:
        row.reason = first_closer ? side_name(row, *first_closer) + " closed first; the close did not finish in the capture"
                                  : "the close did not finish in the capture";
        break;
    default:
        row.reason = h.syn ? "still open at the end of the capture"
                           : "started before the capture; still open at its end";
        break;
    }
}

RowOutcome outcome_of(TeardownKind k) {
    switch (k) {
    case TeardownKind::FourWay:
    case TeardownKind::FinAckMerged:
    case TeardownKind::Simultaneous: return RowOutcome::Closed;
    case TeardownKind::Incomplete: return RowOutcome::Incomplete;
    case TeardownKind::Reset: return RowOutcome::Reset;
    case TeardownKind::Refused: return RowOutcome::Refused;
    case TeardownKind::HalfOpen: return RowOutcome::HalfOpen;
    case TeardownKind::None: return RowOutcome::Open;
    }
    return RowOutcome::Open;
}

}  // namespace

TimelineRow build_tcp_row(const TcpConversationEvents& conv, const TcpConversationSummary& s, std::int64_t origin_ns) {
    TimelineRow row;
    row.kind = RowKind::Tcp;
    row.stream = s.stream.value;
    row.a = s.a;
    row.b = s.b;
    row.client = s.client;
    row.origin_ns = origin_ns;
    const bool b_first = s.client && *s.client == 1;
    row.title = (b_first ? s.b : s.a).to_string() + " ↔ " + (b_first ? s.a : s.b).to_string();
    row.stream_label = "tcp.stream " + std::to_string(s.stream.value);
    row.frame_count = conv.segments.size();
    row.count_label = std::to_string(row.frame_count) + (row.frame_count == 1 ? " frame" : " frames");
    row.first_frame = s.first_frame;
    row.last_frame = s.last_frame;
    row.first_ts = s.first_ts;
    row.last_ts = s.last_ts;
    row.irtt_ns = s.handshake.rtt_ns();
    row.states = s.states;
    row.outcome = outcome_of(s.teardown.kind);
    if (conv.segments.empty()) {
        row.reason = "no segments";
        return row;
    }

    handshake_parts(conv, s, row);
    if (s.teardown.kind == TeardownKind::Refused) refused(s, row);
    else if (s.teardown.kind == TeardownKind::HalfOpen) half_open(s, row);
    else established(conv, s, row);

    std::stable_sort(row.phases.begin(), row.phases.end(),
                     [](const PhaseSpan& x, const PhaseSpan& y) { return x.start_ns < y.start_ns; });
    std::stable_sort(row.markers.begin(), row.markers.end(),
                     [](const TimelineMarker& x, const TimelineMarker& y) { return x.ts_ns < y.ts_ns; });
    row.end_ts = row.last_ts;
    for (const auto& p : row.phases) row.end_ts = std::max(row.end_ts, p.end_ns);
    for (const auto& m : row.markers) row.end_ts = std::max(row.end_ts, m.ts_ns);
    return row;
}

}  // namespace seqscope
