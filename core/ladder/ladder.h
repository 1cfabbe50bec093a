// SPDX-License-Identifier: GPL-3.0-or-later
// The seq/ack ladder as data: lanes (one per address:port, never merged by
// address), one arrow per segment or datagram with its label, the arithmetic
// (equation, links to the acknowledged arrows, the +1 of SYN and FIN), analysis
// flags with their "why", state bands along each lifeline, and gaps where the
// capture missed segments. The GUI ladder, the CLI text ladder (-z ladder) and
// every export are drawn from the same Ladder.
#pragma once

#include "analysis/endpoint_states.h"
#include "analysis/tcp_events.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seqscope {

struct LadderLane {
    Endpoint endpoint;
    std::string title;  // "127.0.0.1:5555"
    std::string role;   // "client · active open, active close"
};

// What colours an arrow (the legend's categories), most specific first.
enum class ArrowKind : std::uint8_t { Data, PureAck, SynFin, Rst, Retransmission, DupAck, Datagram, IcmpError };
const char* to_string(ArrowKind k);

struct LadderStateChange {
    std::uint8_t lane = 0;
    TcpState from = TcpState::Unknown, to = TcpState::Unknown;
    std::string reason;
};

struct LadderArrow {
    FrameNumber frame{};
    std::int64_t ts_ns = 0;
    std::uint8_t from_lane = 0, to_lane = 1;
    ArrowKind kind = ArrowKind::Data;
    std::string flags;           // "SYN, ACK"
    bool tcp = true;
    // Numbers as shown (relative or raw per the options), plus both forms.
    std::uint32_t seq = 0, ack = 0, len = 0, next_seq = 0;
    std::uint32_t seq_raw = 0, ack_raw = 0, next_seq_raw = 0;
    bool has_ack = false;
    bool phantom_byte = false;   // SYN or FIN: uses one sequence number (+1)
    std::string label;           // "SYN, ACK  Seq=0 Ack=1 Len=0  next 1"
    std::string equation;        // "Ack 1 = 0 + SYN" (empty unless it acknowledges new data)
    std::string equation_long;   // "Ack 1 = Seq 0 + SYN 1 (frame 1)"
    std::vector<std::size_t> acked_arrows;  // indices of the arrows this ACK covers
    bool piggybacked = false, delayed = false;
    std::int64_t ack_delay_ns = -1;
    std::uint32_t analysis_flags = 0;       // tcpa::*
    std::vector<std::string> whys;          // rule and numbers per flag
    std::string window_why;
    std::string next_seq_why;
    std::string payload_preview;            // first bytes as text ("hello"), escaped
    std::vector<LadderStateChange> state_changes;
    std::optional<std::size_t> response_to;  // UDP: the request arrow this answers
};

// A lane's state between two arrows: [first_arrow, last_arrow], by index.
struct LadderStateBand {
    std::uint8_t lane = 0;
    TcpState state = TcpState::Unknown;
    std::size_t first_arrow = 0;   // the band starts at this arrow (inclusive)
    std::size_t end_arrow = 0;     // and ends at this arrow (exclusive; == arrows.size() for "to the end")
    std::int64_t start_ts_ns = 0, end_ts_ns = 0;
    bool timer_end = false;        // ended by the 2·MSL timer (TIME_WAIT)
};

// Bytes the capture never showed, between two arrows of a direction.
struct LadderGap {
    std::size_t before_arrow = 0;  // drawn just before this arrow
    std::uint8_t from_lane = 0;
    std::string text;              // "bytes 201–400 not captured"
};

struct Ladder {
    std::string title;             // "tcp.stream 0  127.0.0.1:5555 ↔ 127.0.0.1:7777"
    std::string subtitle;          // "12 frames · 16 payload bytes · iRTT 0.043 ms · relative seq/ack"
    bool relative = true;
    std::vector<LadderLane> lanes;
    std::vector<LadderArrow> arrows;
    std::vector<LadderStateBand> bands;
    std::vector<LadderGap> gaps;
    std::vector<std::string> notes;  // "Lanes per address:port — on loopback both ends are 127.0.0.1"
    std::int64_t first_ts_ns = 0;
};

struct LadderOptions {
    bool relative = true;          // relative or raw sequence numbers
    std::size_t payload_preview = 24;  // characters of payload shown under an arrow
};

}  // namespace seqscope
