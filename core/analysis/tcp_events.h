// SPDX-License-Identifier: GPL-3.0-or-later
// One TCP conversation as a list of segment events: the input of the endpoint
// state machine, the handshake/teardown summary, the seq/ack arithmetic, the
// ladder and the graphs. Collected from pass-one results by replay, so these
// modules never depend on decoder internals.
#pragma once

#include "types/address.h"
#include "types/packet_view.h"
#include "types/tcp_analysis.h"
#include "util/strong_id.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seqscope {

// An endpoint is address:port, never just an address: on loopback both ends are
// 127.0.0.1 and only the port tells them apart.
struct Endpoint {
    Address address;
    std::uint16_t port = 0;
    auto operator<=>(const Endpoint&) const = default;
    [[nodiscard]] std::string to_string() const;  // "127.0.0.1:5555", "[::1]:5555"
};

struct TcpSegmentEvent {
    FrameNumber frame{};
    std::int64_t ts_ns = 0;          // absolute
    std::uint32_t frame_len = 0;     // frame.len, for byte counts
    std::uint8_t dir = 0;            // 0: sent by endpoint a, 1: sent by endpoint b
    std::uint16_t flags = 0;         // tcpflag::*
    std::uint32_t seq_raw = 0, ack_raw = 0;
    std::uint32_t seq = 0;           // relative, as tcp.seq
    std::uint32_t ack = 0;           // as tcp.ack (relative when ACK is set)
    std::uint32_t seglen = 0;
    std::uint16_t window_raw = 0;
    std::int8_t win_shift = -1;      // this direction's scale as tshark knew it
    std::optional<std::uint16_t> mss;
    std::optional<std::uint8_t> wscale_shift;
    bool sack_perm = false;
    bool timestamps = false;
    std::uint8_t sack_count = 0;
    std::array<SackBlock, 4> sack{};  // the first sack_count blocks, raw edges in the peer's sequence space
    TcpAnalysis analysis{};
    std::uint32_t payload_offset = 0;  // in the frame, for follow
    std::uint32_t payload_captured = 0;

    [[nodiscard]] bool has(std::uint16_t f) const { return (flags & f) != 0; }
    // Sequence space this segment uses: data bytes, plus one for SYN and for FIN.
    [[nodiscard]] std::uint32_t seq_space() const;
    [[nodiscard]] std::uint32_t next_seq() const { return seq + seq_space(); }
    [[nodiscard]] std::uint32_t next_seq_raw() const { return seq_raw + seq_space(); }
    // The window in bytes (the raw field scaled when the scale is known).
    [[nodiscard]] std::uint64_t window_bytes() const;
};

struct TcpConversationEvents {
    TcpStreamId stream{};
    Endpoint a, b;                   // a = sender of the first captured segment
    std::vector<TcpSegmentEvent> segments;
    std::uint32_t isn_raw[2] = {0, 0};  // raw base (relative 0) of each direction, if known
    bool isn_known[2] = {false, false};
};

}  // namespace seqscope
