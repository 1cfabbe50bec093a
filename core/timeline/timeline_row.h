// SPDX-License-Identifier: GPL-3.0-or-later
// The handshake/teardown timeline as plain data: one row per connection with its
// phases as spans and its instants as markers, all in absolute ns with the
// frames that bound them. A view maps times through a TimeAxisMap and paints
// rectangles and ticks; it decides nothing about TCP.
#pragma once

#include "analysis/endpoint_states.h"
#include "analysis/tcp_events.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seqscope {

enum class PhaseKind : std::uint8_t {
    Handshake,  // SYN → SYN/ACK → ACK; label carries the iRTT
    Data,       // both sides open
    HalfClose,  // between the first FIN (acknowledged) and the second FIN
    Teardown,   // a FIN → the ACK that covers it (merged when both FINs cross)
    TimeWait,   // 2·MSL on the active closer
    Refused,    // SYN → RST, ACK
    HalfOpen,   // SYN (or SYN/ACK) never answered; runs to the end of the capture
};
const char* to_string(PhaseKind k);  // "handshake", "data", "half-close", ...

struct PhaseSpan {
    PhaseKind kind = PhaseKind::Data;
    std::int64_t start_ns = 0, end_ns = 0;  // absolute
    FrameNumber start_frame{}, end_frame{};  // end_frame is 0 when a timer or the capture end closes it
    std::optional<std::uint8_t> endpoint;    // TIME_WAIT: who waits; HalfClose: who has closed
    bool open_end = false;                   // still going when the capture ended (draw dashed)
    std::string label;                       // "iRTT 80.2 ms", "data · 1.65 s", "TIME_WAIT on :41822 (client) · 2·MSL = 60 s"
};

enum class MarkerKind : std::uint8_t {
    Syn,
    SynRetransmission,  // label "SYN ↻ +1 s"
    SynAck,
    Fin,
    Rst,                // abort (or the refusal)
    Closed,             // an endpoint reaches CLOSED (TIME_WAIT timer, LAST_ACK acked)
    UdpRequest,
    UdpResponse,
    UdpUnanswered,      // a request nobody answered in the capture
    IcmpError,          // an ICMP error quoting a datagram of the row
};
const char* to_string(MarkerKind k);

struct TimelineMarker {
    MarkerKind kind = MarkerKind::Syn;
    std::int64_t ts_ns = 0;
    FrameNumber frame{};                  // 0 for a timer (CLOSED after TIME_WAIT)
    std::uint8_t dir = 0;                 // sender (endpoint index); for Closed, the endpoint
    std::optional<FrameNumber> related;   // the request's response, the SYN a retry repeats, ...
    std::string label;                    // "FIN (client)", "RST from :8080 at 2.980 s", "reply after 40.1 ms"
};

enum class RowKind : std::uint8_t { Tcp, Udp };

enum class RowOutcome : std::uint8_t {
    Open,        // still open when the capture ended
    Closed,      // FIN close (4-way, merged, simultaneous)
    Incomplete,  // a FIN was sent, the close did not finish in the capture
    Reset,
    Refused,
    HalfOpen,
    Udp,
};

struct TimelineRow {
    RowKind kind = RowKind::Tcp;
    RowOutcome outcome = RowOutcome::Open;
    std::uint32_t stream = 0;             // tcp.stream or udp.stream
    Endpoint a, b;
    std::optional<std::uint8_t> client;   // endpoint index that opened it (TCP), sent first (UDP)
    std::string title;                    // "127.0.0.1:41822 ↔ 127.0.0.1:8080" (client first)
    std::string stream_label;             // "tcp.stream 0"
    std::string count_label;              // "31 frames", "9 datagrams"
    std::string reason;                   // "client closed first", "refused: nothing listens on :9999"
    std::uint64_t frame_count = 0;
    FrameNumber first_frame{}, last_frame{};
    std::int64_t first_ts = 0, last_ts = 0;  // captured packets
    std::int64_t end_ts = 0;                  // incl. TIME_WAIT's end: the row's extent on the axis
    std::optional<std::int64_t> irtt_ns;
    std::vector<PhaseSpan> phases;         // in time order
    std::vector<TimelineMarker> markers;   // in time order
    std::array<EndpointTimeline, 2> states;  // TCP: for the cursor readout
    std::int64_t origin_ns = 0;            // capture start; times in labels are relative to it

    [[nodiscard]] std::string endpoint_name(std::uint8_t side) const;  // "client", "server", or ":port"
};

}  // namespace seqscope
