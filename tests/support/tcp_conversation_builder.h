// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations built in code for the conversation, ladder and graph tests.
#pragma once

#include "analysis/tcp_events.h"
#include "decode/packet_view.h"

#include <array>
#include <cstdint>

namespace seqscope::test {

using namespace seqscope::tcpflag;

// Builds a conversation between a = 127.0.0.1:5555 and b = 127.0.0.1:7777 with
// relative numbers; raw numbers are relative + each side's ISN.
class ConvBuilder {
public:
    ConvBuilder() {
        const std::uint8_t lo[4] = {127, 0, 0, 1};
        conv_.a = Endpoint{Address::v4(lo), 5555};
        conv_.b = Endpoint{Address::v4(lo), 7777};
    }
    ConvBuilder& add(std::uint8_t dir, std::uint16_t flags, std::uint32_t seq, std::uint32_t ack, std::uint32_t len,
                     double t_ms, std::uint16_t win = 512) {
        TcpSegmentEvent e;
        e.frame = FrameNumber{static_cast<std::uint32_t>(conv_.segments.size() + 1)};
        e.ts_ns = static_cast<std::int64_t>(t_ms * 1e6);
        e.dir = dir;
        e.flags = flags;
        e.seq = seq;
        e.ack = ack;
        e.seq_raw = seq + isn_[dir];
        e.ack_raw = ack + isn_[1 - dir];
        e.seglen = len;
        e.window_raw = win;
        e.win_shift = (flags & kSyn) ? -1 : 7;
        e.frame_len = 66 + len;
        if (flags & kSyn) {
            e.mss = 65495;
            e.wscale_shift = 7;
            e.sack_perm = true;
        }
        conv_.segments.push_back(e);
        return *this;
    }
    // The classic handshake: frames 1-3, relative numbers start at 1.
    ConvBuilder& handshake() {
        add(0, kSyn, 0, 0, 0, 0.0);
        add(1, kSyn | kAck, 0, 1, 0, 0.05);
        add(0, kAck, 1, 1, 0, 0.1);
        return *this;
    }
    const TcpConversationEvents& get() const { return conv_; }

private:
    TcpConversationEvents conv_;
    std::array<std::uint32_t, 2> isn_{3861029448u, 2207415320u};
};

}  // namespace seqscope::test
