// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeline_row.h"

namespace seqscope {

const char* to_string(PhaseKind k) {
    switch (k) {
    case PhaseKind::Handshake: return "handshake";
    case PhaseKind::Data: return "data";
    case PhaseKind::HalfClose: return "half-close";
    case PhaseKind::Teardown: return "teardown";
    case PhaseKind::TimeWait: return "TIME_WAIT";
    case PhaseKind::Refused: return "refused";
    case PhaseKind::HalfOpen: return "half-open";
    }
    return "data";
}

const char* to_string(MarkerKind k) {
    switch (k) {
    case MarkerKind::Syn: return "SYN";
    case MarkerKind::SynRetransmission: return "SYN retransmission";
    case MarkerKind::SynAck: return "SYN, ACK";
    case MarkerKind::Fin: return "FIN";
    case MarkerKind::Rst: return "RST";
    case MarkerKind::Closed: return "CLOSED";
    case MarkerKind::UdpRequest: return "request";
    case MarkerKind::UdpResponse: return "response";
    case MarkerKind::UdpUnanswered: return "no response";
    case MarkerKind::IcmpError: return "ICMP error";
    }
    return "SYN";
}

std::string TimelineRow::endpoint_name(std::uint8_t side) const {
    if (kind == RowKind::Tcp && client) return side == *client ? "client" : "server";
    return ":" + std::to_string(side == 0 ? a.port : b.port);
}

}  // namespace seqscope
