// SPDX-License-Identifier: GPL-3.0-or-later
// Per TCP conversation: who opened it, the handshake and its round trips, what each
// side offered, how it ended (4-way, FIN+ACK merged, simultaneous, RST, refused,
// half-open, none), who closed first, and the traffic in each direction.
#pragma once

#include "analysis/endpoint_states.h"
#include "analysis/tcp_events.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace seqscope {

struct OfferedOptions {
    bool seen = false;                   // this side's SYN or SYN-ACK was captured
    FrameNumber frame{};                 // where
    std::optional<std::uint16_t> mss;
    std::optional<std::uint8_t> wscale;  // shift
    bool sack_perm = false;
    bool timestamps = false;
    bool ecn = false;                    // SYN with ECE+CWR, or SYN-ACK with ECE
};

struct Handshake {
    std::optional<FrameNumber> syn, syn_ack, ack;
    std::int64_t syn_ts = 0, syn_ack_ts = 0, ack_ts = 0;
    std::uint32_t syn_retransmissions = 0;
    bool simultaneous_open = false;
    [[nodiscard]] bool complete() const { return syn && syn_ack && ack; }
    // SYN → final ACK (tshark's iRTT), when complete.
    [[nodiscard]] std::optional<std::int64_t> rtt_ns() const;
};

enum class TeardownKind : std::uint8_t {
    None,            // the capture ends with the connection open (or nothing to tear down)
    FourWay,         // FIN, ACK, FIN, ACK
    FinAckMerged,    // FIN, FIN+ACK, ACK (the passive side's ACK rides on its FIN)
    Simultaneous,    // both FINs cross: both sides in CLOSING
    Reset,           // an RST aborted an open connection
    Refused,         // SYN answered by RST
    HalfOpen,        // the handshake never completed and nothing closed it
    Incomplete,      // a FIN was sent but the close did not finish in the capture
};
const char* to_string(TeardownKind k);

struct Teardown {
    TeardownKind kind = TeardownKind::None;
    std::vector<FrameNumber> frames;       // the FINs, their ACKs, or the RST
    std::optional<std::uint8_t> active_closer;  // endpoint index that sent the first FIN (or RST)
    std::optional<FrameNumber> first_fin, second_fin, rst;
    std::int64_t first_fin_ts = 0, second_fin_ts = 0, rst_ts = 0;
};

struct DirectionStats {
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;          // frame bytes (as tshark's conv statistics)
    std::uint64_t payload_bytes = 0;  // TCP segment data
};

struct TcpConversationSummary {
    TcpStreamId stream{};
    Endpoint a, b;
    std::optional<std::uint8_t> client;  // endpoint index that sent the first SYN; unknown mid-stream
    Handshake handshake;
    std::array<OfferedOptions, 2> offered;
    Teardown teardown;
    std::array<DirectionStats, 2> traffic;  // sent by a, sent by b
    std::int64_t first_ts = 0, last_ts = 0;
    FrameNumber first_frame{}, last_frame{};
    std::array<EndpointTimeline, 2> states;
    bool half_close = false;  // data flowed from one side after the other side's FIN
    std::optional<FrameNumber> half_close_data_frame;
};

TcpConversationSummary summarize_conversation(const TcpConversationEvents& conv, const StateOptions& options = {});

}  // namespace seqscope
