// SPDX-License-Identifier: GPL-3.0-or-later
// TCP conversations as tshark 4.0.17 tracks them (see ../shared/TCP-ANALYSIS.md):
// tcp.stream numbering, port reuse, relative numbers, window scaling,
// completeness and every tcp.analysis item, decided in pass one in packet order.
// The per-frame results are kept compactly so pass two (the GUI's packet list and
// details, the ladder) can replay them for any frame without re-running the analysis.
#pragma once

#include "decode/packet_view.h"
#include "flow/tcp_analysis.h"
#include "util/strong_id.h"

#include <cstdint>
#include <memory>

namespace seqscope {

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
    [[nodiscard]] std::size_t memory_bytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace seqscope
