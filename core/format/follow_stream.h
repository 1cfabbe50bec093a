// SPDX-License-Identifier: GPL-3.0-or-later
// Follow Stream's data: the payload of one TCP or UDP conversation as tshark 4.0.17
// hands it to "-z follow" (and Wireshark to its Follow window). TCP data comes out
// in sequence order, each byte once: a retransmission adds only the bytes not seen
// before, an out-of-order segment waits until the bytes before it arrive, and when
// the peer acknowledges data the capture never saw, a marker chunk
// "[N bytes missing in capture file]" stands in for it. UDP gives one chunk per
// datagram.
#pragma once

#include "analysis/tcp_events.h"

#include <cstdint>
#include <span>
#include <vector>

namespace seqscope {

struct FollowChunk {
    bool from_server = false;  // sent by node 1 (the side that did not send the first packet)
    FrameNumber frame{};
    std::int64_t ts_ns = 0;    // absolute; 0 for a missing-bytes marker
    std::vector<std::uint8_t> data;
};

struct FollowResult {
    bool have_nodes = false;
    Endpoint client, server;   // node 0 = sender of the first followed packet
    std::vector<FollowChunk> chunks;
};

class TcpFollower {
public:
    // One TCP segment, in capture order. `seq`/`ack` as tcp.seq/tcp.ack show them;
    // `seglen` is the segment's length from the IP header, `payload` the captured
    // part of it (shorter when the snap length cut the packet).
    void add(const Endpoint& src, const Endpoint& dst, std::uint16_t flags, std::uint32_t seq, std::uint32_t ack,
             std::uint32_t seglen, std::span<const std::uint8_t> payload, FrameNumber frame, std::int64_t ts_ns);
    [[nodiscard]] const FollowResult& result() const { return result_; }

private:
    struct Pending {
        std::uint32_t seq = 0;
        FollowChunk chunk;
    };
    bool drain_one(int side, std::uint32_t ack, FrameNumber frame, bool use_ack);
    void set_nodes_if_unset(const Endpoint& src, const Endpoint& dst);

    FollowResult result_;
    std::uint32_t next_seq_[2] = {0, 0};
    std::uint64_t in_order_bytes_[2] = {0, 0};
    std::vector<Pending> pending_[2];  // segments ahead of next_seq_, in arrival order
};

class UdpFollower {
public:
    // `payload_len` is the datagram's payload length from its header, `payload`
    // the captured part. tshark does not follow a datagram without payload.
    void add(const Endpoint& src, const Endpoint& dst, std::uint32_t payload_len, std::span<const std::uint8_t> payload,
             FrameNumber frame, std::int64_t ts_ns);
    [[nodiscard]] const FollowResult& result() const { return result_; }

private:
    FollowResult result_;
};

}  // namespace seqscope
