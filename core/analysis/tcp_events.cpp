// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/tcp_events.h"

#include "types/packet_view.h"

namespace seqscope {

std::string Endpoint::to_string() const {
    if (address.family == 6) return "[" + address.to_string() + "]:" + std::to_string(port);
    return address.to_string() + ":" + std::to_string(port);
}

std::uint32_t TcpSegmentEvent::seq_space() const {
    return seglen + (has(tcpflag::kSyn) ? 1u : 0u) + (has(tcpflag::kFin) ? 1u : 0u);
}

std::uint64_t TcpSegmentEvent::window_bytes() const {
    // SYNs are never scaled (RFC 7323 §2.2).
    if (has(tcpflag::kSyn) || win_shift < 0) return window_raw;
    return std::uint64_t{window_raw} << win_shift;
}

}  // namespace seqscope
