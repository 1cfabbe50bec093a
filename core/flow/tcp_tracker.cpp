// SPDX-License-Identifier: GPL-3.0-or-later
#include "flow/tcp_tracker.h"

namespace seqscope {

struct TcpTracker::Impl {};

TcpTracker::TcpTracker() : impl_(std::make_unique<Impl>()) {}
TcpTracker::~TcpTracker() = default;

TcpAnalysis TcpTracker::track(FrameNumber, std::int64_t, const TcpSegmentView&) { return {}; }
TcpAnalysis TcpTracker::replay(FrameNumber, const TcpSegmentView&) const { return {}; }
std::size_t TcpTracker::stream_count() const { return 0; }
std::size_t TcpTracker::memory_bytes() const { return 0; }

}  // namespace seqscope
