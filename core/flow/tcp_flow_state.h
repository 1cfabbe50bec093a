// SPDX-License-Identifier: GPL-3.0-or-later
// What the TCP tracker remembers per direction ("flow") and per conversation while
// pass one runs, mirroring tshark 4.0.17's tcp_flow_t / tcp_analysis (see
// ../shared/TCP-ANALYSIS.md §6). Raw sequence numbers throughout; 0 means
// "unknown" for nextseq, maxseqtobeacked and lastack, exactly as tshark treats it.
#pragma once

#include "types/address.h"
#include "types/packet_view.h"
#include "util/strong_id.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <tuple>
#include <vector>

namespace seqscope {

// The 4-tuple of a conversation, direction-agnostic: endpoint a is the smaller
// (address, port) pair. Compared by value; the hash only picks a bucket.
struct TcpFlowKey {
    Address a, b;
    std::uint16_t port_a = 0, port_b = 0;
    bool operator==(const TcpFlowKey&) const = default;

    static TcpFlowKey of(const TcpSegmentView& s) {
        if (std::tie(s.src, s.src_port) <= std::tie(s.dst, s.dst_port)) return {s.src, s.dst, s.src_port, s.dst_port};
        return {s.dst, s.src, s.dst_port, s.src_port};
    }
    // 0 when the segment is sent by endpoint a, else 1. A host talking to itself on
    // the same port collapses both directions into flow 0, as tshark does.
    static int direction(const TcpSegmentView& s) {
        return std::tie(s.src, s.src_port) <= std::tie(s.dst, s.dst_port) ? 0 : 1;
    }
};

struct TcpFlowKeyHash {
    // Word at a time (a byte-wise FNV over the 38 bytes was a tenth of pass one).
    std::size_t operator()(const TcpFlowKey& k) const noexcept {
        std::uint64_t h = 0x9e3779b97f4a7c15ull;
        auto mix = [&h](std::uint64_t w) {
            h = (h ^ w) * 0xff51afd7ed558ccdull;
            h ^= h >> 29;
        };
        mix(k.a.word(0));
        mix(k.a.word(8));
        mix(k.b.word(0));
        mix(k.b.word(8));
        mix((std::uint64_t{k.a.family} << 32) | (std::uint64_t{k.port_a} << 16) | k.port_b);
        return static_cast<std::size_t>(h);
    }
};

// A sent segment not yet acknowledged (tshark's tcp_unacked_t).
struct TcpUnacked {
    std::uint32_t seq = 0, nextseq = 0;
    std::uint32_t frame = 0;
    std::int64_t ts_ns = 0;
};

// One direction of a conversation.
struct TcpFlowState {
    static constexpr std::size_t kMaxUnacked = 10000;  // tshark's TCP_MAX_UNACKED_SEGMENTS
    static constexpr std::uint32_t kDupAckSilenced = 0xFFFFFFFFu;  // tshark's "-1"

    std::uint32_t base_seq = 0;
    bool base_set = false;
    std::int8_t win_scale = -1;        // shift >= 0, -1 unknown, -2 no scaling
    std::uint32_t window = 0xFFFFFFFFu;  // last raw window sent
    std::uint32_t nextseq = 0;
    std::uint32_t nextseq_frame = 0;
    std::int64_t nextseq_time = 0;
    std::uint32_t maxseqtobeacked = 0;
    std::uint32_t lastack = 0;         // raw ack field of the last packet, ACK flag or not
    std::int64_t lastack_time = 0;     // time of the last packet of any kind
    std::uint32_t dupacknum = 0;
    std::uint32_t lastnondupack = 0;   // frame
    std::uint32_t lastsegmentflags = 0;
    std::vector<TcpUnacked> unacked;   // oldest first, newest at the back
    bool valid_bif = true;
    std::uint32_t push_bytes_sent = 0;
    bool push_set_last = false;
    bool is_first_ack = false;         // set by a SYN, cleared by an ACK without SYN
    std::uint8_t sack_count = 0;       // blocks of this flow's latest packet (at most 3)
    std::array<SackBlock, 3> sack{};
};

// Everything about one tcp.stream. Pass one owns the flows; views read the rest.
struct TcpConversationState {
    TcpFlowKey key;
    TcpStreamId stream{};
    FrameNumber first_frame{}, last_frame{};
    std::uint32_t packets = 0;
    std::uint8_t completeness = 0;
    std::int64_t mru_syn_ns = 0;       // time of the latest SYN without ACK; 0 = none
    std::int64_t irtt_ns = 0;          // 0 = unknown, as in tshark
    FrameNumber irtt_frame{};          // the frame from which the iRTT is shown
    int client_flow = -1;              // flow index (0 = a) of the first SYN's sender, -1 unknown
    int first_sender_flow = 0;         // flow index of the conversation's first packet
    std::array<TcpFlowState, 2> flows{};
};

}  // namespace seqscope
