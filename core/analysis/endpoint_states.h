// SPDX-License-Identifier: GPL-3.0-or-later
// Each endpoint's RFC 9293 state over time, inferred from the segments a capture
// point saw. No other analyzer shows these: they turn "FIN, ACK, FIN, ACK" into
// "the client went FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT, the server CLOSE_WAIT →
// LAST_ACK → CLOSED", with the frame that caused each step.
//
// Roles come from the SYN, never from the link layer (on lo every packet looks
// inbound). A segment changes its sender's state when sent and its receiver's
// when received; one capture point sees both at the same frame.
#pragma once

#include "analysis/tcp_events.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace seqscope {

enum class TcpState : std::uint8_t {
    Unknown,  // the capture has not shown enough yet (it started mid-connection)
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
};

const char* to_string(TcpState s);  // "SYN_SENT", "unknown"

enum class TransitionCause : std::uint8_t { Sent, Received, Timer };

struct StateTransition {
    TcpState from = TcpState::Unknown;
    TcpState to = TcpState::Unknown;
    FrameNumber frame{};          // the segment that caused it; 0 for the 2·MSL timer
    std::int64_t ts_ns = 0;
    TransitionCause cause = TransitionCause::Sent;
    std::string reason;           // "received FIN (frame 9)", "2·MSL timer expired"
};

struct EndpointTimeline {
    TcpState initial = TcpState::Unknown;  // before the first captured segment
    std::string initial_reason;            // why we think so ("answered the SYN with SYN, ACK")
    std::vector<StateTransition> transitions;

    [[nodiscard]] TcpState final_state() const { return transitions.empty() ? initial : transitions.back().to; }
    // The state after `frame` was seen (transitions at that frame included).
    [[nodiscard]] TcpState state_after(FrameNumber frame) const;
    // The state at an absolute time (timer transitions included).
    [[nodiscard]] TcpState state_at(std::int64_t ts_ns) const;
};

struct StateOptions {
    // Maximum segment lifetime; TIME_WAIT lasts 2·MSL. 30 s makes the 60 s Linux uses.
    std::int64_t msl_ns = 30'000'000'000;
};

// Index 0 is endpoint a, index 1 endpoint b of the conversation.
std::array<EndpointTimeline, 2> infer_endpoint_states(const TcpConversationEvents& conv,
                                                      const StateOptions& options = {});

}  // namespace seqscope
