// SPDX-License-Identifier: GPL-3.0-or-later
// TCP conversations as tshark 4.0.17 tracks them (see ../shared/TCP-ANALYSIS.md):
// tcp.stream numbering, port reuse, relative numbers, window scaling,
// completeness and every tcp.analysis item, decided in pass one in packet order.
// The per-frame results are kept compactly so pass two (the GUI's packet list and
// details, the ladder) can replay them for any frame without re-running the analysis.
//
// Contract with the TCP decoder:
//  * call track() once per TCP header in pass one, in frame order, the top-level
//    segment and any ICMP-quoted header (seg.quoted) alike; replay() in pass two;
//  * fill seg.captured_tcp_bytes: below 16 the header is not tracked at all
//    (has_stream false), as tshark throws before its conversation lookup;
//  * seg.seglen_known false (quoted headers, bad header length): no analysis, and
//    rel_seq/ack_shown carry the raw numbers.
// Readers on other threads hold the same lock as the writer (CaptureSession::with_flows).
#pragma once

#include "types/address.h"
#include "types/packet_view.h"
#include "types/tcp_analysis.h"
#include "util/strong_id.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace seqscope {

// One tcp.stream as the conversation views see it.
struct TcpConversationInfo {
    TcpStreamId stream{};
    // Endpoints as first seen (a = the first packet's source, as `-z conv,tcp`).
    Address a, b;
    std::uint16_t port_a = 0, port_b = 0;
    // The client is the sender of the first SYN (or the receiver of a SYN-ACK seen
    // first); without a handshake it is endpoint a and client_known is false.
    Address client, server;
    std::uint16_t client_port = 0, server_port = 0;
    bool client_known = false;
    FrameNumber first_frame{}, last_frame{};
    std::uint32_t packets = 0;          // TCP headers counted, quoted ones included
    std::uint8_t completeness = 0;      // after the last packet so far
    std::int64_t initial_rtt_ns = -1;   // -1 unknown
    FrameNumber initial_rtt_frame{};    // the packet that completed the handshake
    // Per direction (client->server first), the base sequence numbers and the window scale.
    std::uint32_t client_base_seq = 0, server_base_seq = 0;
    bool client_base_known = false, server_base_known = false;
    std::int8_t client_win_shift = -1, server_win_shift = -1;
};

class TcpTracker {
public:
    TcpTracker();
    ~TcpTracker();
    TcpTracker(const TcpTracker&) = delete;
    TcpTracker& operator=(const TcpTracker&) = delete;

    // Pass one, in packet order. Also for ICMP-quoted headers (seg.quoted): those
    // can create a stream but get no analysis. Returns what the packet shows.
    TcpAnalysis track(FrameNumber frame, std::int64_t ts_ns, const TcpSegmentView& seg);
    // Pass two: what track() returned for this frame (and this quoted-ness).
    [[nodiscard]] TcpAnalysis replay(FrameNumber frame, const TcpSegmentView& seg) const;

    [[nodiscard]] std::size_t stream_count() const;
    [[nodiscard]] std::optional<TcpConversationInfo> conversation(TcpStreamId stream) const;
    [[nodiscard]] std::size_t memory_bytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seqscope
