// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/follow_stream.h"

#include "types/packet_view.h"
#include "util/seq.h"

#include <string>

namespace seqscope {

void TcpFollower::set_nodes_if_unset(const Endpoint& src, const Endpoint& dst) {
    // tshark tests "no client port yet" rather than a flag, so a client on port 0
    // is re-chosen on every packet; keep that so the node lines agree.
    if (result_.have_nodes && result_.client.port != 0) return;
    result_.have_nodes = true;
    result_.client = src;
    result_.server = dst;
}

// Applies at most one waiting segment of `side` (returns whether it did, so the
// caller loops). A segment that starts at or before the next expected byte is
// applied (only its unseen tail); otherwise, if the peer's `ack` covers the lowest
// waiting segment, the bytes before it are declared missing.
bool TcpFollower::drain_one(int side, std::uint32_t ack, FrameNumber frame, bool use_ack) {
    std::vector<Pending>& list = pending_[side];
    if (list.empty()) return false;
    std::uint32_t& next = next_seq_[side];
    std::uint32_t lowest = list.front().seq;
    for (std::size_t i = 0; i < list.size(); ++i) {
        Pending& p = list[i];
        if (seq::gt(lowest, p.seq)) lowest = p.seq;
        const auto len = static_cast<std::uint32_t>(p.chunk.data.size());
        if (seq::lt(p.seq, next)) {
            if (seq::gt(p.seq + len, next)) {
                const std::uint32_t skip = next - p.seq;
                FollowChunk tail{p.chunk.from_server, p.chunk.frame, p.chunk.ts_ns,
                                 std::vector<std::uint8_t>(p.chunk.data.begin() + skip, p.chunk.data.end())};
                result_.chunks.push_back(std::move(tail));
                next += len - skip;
            }
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
            return true;
        }
        if (p.seq == next) {
            if (len > 0) result_.chunks.push_back(std::move(p.chunk));
            next += len;
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
            return true;
        }
    }
    if (use_ack && seq::gt(ack, lowest)) {
        // The receiver saw bytes the capture did not. tshark's marker text carries
        // its C string terminator, so the chunk is one byte longer than the text.
        const std::string text =
            "[" + std::to_string(static_cast<std::int32_t>(lowest - next)) + " bytes missing in capture file]";
        FollowChunk marker{side == 1, frame, 0, std::vector<std::uint8_t>(text.begin(), text.end())};
        marker.data.push_back(0);
        result_.chunks.push_back(std::move(marker));
        next = lowest;
        return true;
    }
    return false;
}

void TcpFollower::add(const Endpoint& src, const Endpoint& dst, std::uint16_t flags, std::uint32_t seq,
                      std::uint32_t ack, std::uint32_t seglen, std::span<const std::uint8_t> payload,
                      FrameNumber frame, std::int64_t ts_ns) {
    std::uint32_t start = seq + ((flags & tcpflag::kSyn) ? 1u : 0u);  // data begins after the SYN
    set_nodes_if_unset(src, dst);
    const int side = src == result_.client ? 0 : 1;
    const int peer = 1 - side;

    // This packet's ACK may cover data of the other side that waits behind a hole.
    while (drain_one(peer, ack, frame, true)) {
    }

    std::uint32_t& next = next_seq_[side];
    if (in_order_bytes_[side] == 0 && next == 0) next = start;

    std::uint32_t skip = 0;
    auto avail = static_cast<std::uint32_t>(payload.size());
    std::uint32_t length = seglen;
    if (seq::lt(start, next)) {
        // Starts in data already seen: keep only a new tail, if any.
        const std::uint32_t end = start + length;
        if (seq::gt(end, next)) {
            skip = next - start;
            avail = avail <= skip ? 0 : avail - skip;
            start = next;
            length = end - next;
        }
    }
    if (avail == 0 || seq::lt(start, next)) return;

    FollowChunk chunk{side == 1, frame, ts_ns, std::vector<std::uint8_t>(payload.begin() + skip,
                                                                         payload.begin() + skip + avail)};
    if (start == next) {
        // The sequence space advances by the segment's real length even when the
        // capture holds fewer bytes of it.
        next += length;
        in_order_bytes_[side] += avail;
        result_.chunks.push_back(std::move(chunk));
        while (drain_one(side, 0, frame, false)) {
        }
    } else {
        pending_[side].push_back(Pending{start, std::move(chunk)});
    }
}

void UdpFollower::add(const Endpoint& src, const Endpoint& dst, std::uint32_t payload_len,
                      std::span<const std::uint8_t> payload, FrameNumber frame, std::int64_t ts_ns) {
    if (payload_len == 0) return;
    if (!result_.have_nodes || result_.client.port == 0) {  // as TcpFollower: tshark keys on the port
        result_.have_nodes = true;
        result_.client = src;
        result_.server = dst;
    }
    const bool server = !(src == result_.client);
    result_.chunks.push_back(FollowChunk{server, frame, ts_ns, std::vector<std::uint8_t>(payload.begin(), payload.end())});
}

}  // namespace seqscope
