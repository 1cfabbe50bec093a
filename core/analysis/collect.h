// SPDX-License-Identifier: GPL-3.0-or-later
// Gathers conversations from an analysed capture by replaying pass-one results:
// the segments of TCP streams and the datagrams of UDP streams, as the event
// lists the conversation analyses take. Costs one pass-two decode per packet
// without a field tree; nothing is kept per packet beyond what is asked for.
#pragma once

#include "analysis/tcp_events.h"
#include "analysis/udp_exchanges.h"

#include <optional>
#include <vector>

namespace seqscope {

class CaptureSession;

struct CollectedConversations {
    std::vector<TcpConversationEvents> tcp;  // indexed by tcp.stream
    std::vector<UdpStreamEvents> udp;        // indexed by udp.stream
    // TCP segments tshark's taps (conversation table, follow) treat apart, in
    // frame order: a header the snap length cut (no tap at all), and a segment
    // whose length is unknown (no follow).
    std::vector<FrameNumber> tcp_header_cut;
    std::vector<FrameNumber> tcp_length_unknown;
};

// Everything, or only the TCP stream / UDP stream given.
CollectedConversations collect_conversations(const CaptureSession& session,
                                             std::optional<TcpStreamId> only_tcp = std::nullopt,
                                             std::optional<UdpStreamId> only_udp = std::nullopt);

TcpConversationEvents collect_tcp_stream(const CaptureSession& session, TcpStreamId stream);
UdpStreamEvents collect_udp_stream(const CaptureSession& session, UdpStreamId stream);

}  // namespace seqscope
