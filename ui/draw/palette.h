// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder's colours (the mock-ups' palette): mid-tones that keep their meaning
// on light and dark backgrounds. Shared by the SVG export and the GUI view.
#pragma once

#include "analysis/endpoint_states.h"
#include "ladder/ladder.h"

namespace seqscope::palette {

constexpr const char* kData = "#2F6FCC";
constexpr const char* kPureAck = "#5E7385";
constexpr const char* kSynFin = "#7A55C4";
constexpr const char* kRst = "#CC3D3D";
constexpr const char* kRetransmission = "#D5801F";
constexpr const char* kDupAck = "#B5458A";
constexpr const char* kEstablished = "#3D9F6C";
constexpr const char* kClosing = "#DB9B34";
constexpr const char* kHandshake = "#9F83DA";
constexpr const char* kClosed = "#AEB6BF";
constexpr const char* kListen = "#8E9AA8";
constexpr const char* kUnknown = "#D5DAE0";

inline const char* arrow(ArrowKind k) {
    switch (k) {
    case ArrowKind::Data: return kData;
    case ArrowKind::PureAck: return kPureAck;
    case ArrowKind::SynFin: return kSynFin;
    case ArrowKind::Rst: return kRst;
    case ArrowKind::Retransmission: return kRetransmission;
    case ArrowKind::DupAck: return kDupAck;
    case ArrowKind::Datagram: return kData;
    case ArrowKind::IcmpError: return kRst;
    }
    return kData;
}

inline const char* state(TcpState s) {
    switch (s) {
    case TcpState::Established: return kEstablished;
    case TcpState::SynSent:
    case TcpState::SynReceived: return kHandshake;
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::CloseWait:
    case TcpState::Closing:
    case TcpState::LastAck:
    case TcpState::TimeWait: return kClosing;
    case TcpState::Listen: return kListen;
    case TcpState::Closed: return kClosed;
    case TcpState::Unknown: return kUnknown;
    }
    return kUnknown;
}

}  // namespace seqscope::palette
