// SPDX-License-Identifier: GPL-3.0-or-later
// Builds a Ladder from a conversation's events and its analyses.
#pragma once

#include "analysis/conversation_summary.h"
#include "analysis/seq_arithmetic.h"
#include "analysis/udp_exchanges.h"
#include "ladder/ladder.h"
#include "util/byte_reader.h"

#include <functional>

namespace seqscope {

class CaptureSession;

// Gives the captured bytes of a frame (for payload previews); may return empty.
using FrameBytesFn = std::function<Bytes(FrameNumber)>;

Ladder build_tcp_ladder(const TcpConversationEvents& conv, const TcpConversationSummary& summary,
                        const std::vector<SegmentArithmetic>& arithmetic, const FrameBytesFn& bytes,
                        const LadderOptions& options = {});
Ladder build_udp_ladder(const UdpStreamEvents& stream, const UdpExchangeReport& exchanges, const FrameBytesFn& bytes,
                        const LadderOptions& options = {});

// Convenience: collect, analyse and build for one stream of an analysed capture.
Ladder tcp_ladder_for_stream(const CaptureSession& session, TcpStreamId stream, const LadderOptions& options = {});
Ladder udp_ladder_for_stream(const CaptureSession& session, UdpStreamId stream, const LadderOptions& options = {});

// Printable preview of payload bytes: ASCII kept, others as '.', capped at `max`
// characters ("hello", "GET / HTTP/1.1.."), with "…" when cut.
std::string payload_preview(Bytes payload, std::size_t max);

}  // namespace seqscope
