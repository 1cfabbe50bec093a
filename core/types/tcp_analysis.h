// SPDX-License-Identifier: GPL-3.0-or-later
// What the TCP tracker concluded about one segment: stream, relative numbers,
// window scaling, completeness and tshark's tcp.analysis.* items. The decoders
// print it; the ladder, timelines and graphs read it.
#pragma once

#include "util/strong_id.h"

#include <cstdint>

namespace seqscope {

// tcp.analysis.* flags, one bit each (Wireshark's TCP_A_* in spirit).
namespace tcpa {
constexpr std::uint32_t kRetransmission = 1u << 0;
constexpr std::uint32_t kFastRetransmission = 1u << 1;
constexpr std::uint32_t kSpuriousRetransmission = 1u << 2;
constexpr std::uint32_t kOutOfOrder = 1u << 3;
constexpr std::uint32_t kLostSegment = 1u << 4;        // "Previous segment not captured"
constexpr std::uint32_t kAckLostSegment = 1u << 5;     // "ACKed unseen segment"
constexpr std::uint32_t kDuplicateAck = 1u << 6;
constexpr std::uint32_t kZeroWindow = 1u << 7;
constexpr std::uint32_t kZeroWindowProbe = 1u << 8;
constexpr std::uint32_t kZeroWindowProbeAck = 1u << 9;
constexpr std::uint32_t kWindowFull = 1u << 10;
constexpr std::uint32_t kWindowUpdate = 1u << 11;
constexpr std::uint32_t kKeepAlive = 1u << 12;
constexpr std::uint32_t kKeepAliveAck = 1u << 13;
constexpr std::uint32_t kReusedPorts = 1u << 14;
}  // namespace tcpa

struct TcpAnalysis {
    TcpStreamId stream{};
    bool has_stream = false;          // false when the header was too short to track
    std::uint32_t rel_seq = 0;        // relative tcp.seq
    std::uint32_t ack_shown = 0;      // tcp.ack: relative if the ACK flag is set, else raw
    std::uint8_t completeness = 0;    // tcp.completeness as shown (before this packet)
    std::int8_t win_shift = -1;       // scale of this direction: >=0 shift, -1 unknown, -2 none
    bool has_ta = false;              // the "SEQ/ACK analysis" subtree exists
    std::uint32_t flags = 0;          // tcpa::*
    // Present when non-zero unless noted.
    std::uint32_t acks_frame = 0;
    std::int64_t ack_rtt_ns = -1;         // -1: absent
    std::int64_t initial_rtt_ns = -1;     // -1: absent (shown only with has_ta)
    std::uint32_t bytes_in_flight = 0;
    std::uint32_t push_bytes_sent = 0;
    std::uint32_t dup_ack_num = 0;
    std::uint32_t dup_ack_frame = 0;
    std::int64_t rto_ns = -1;
    std::uint32_t rto_frame = 0;
};

}  // namespace seqscope
