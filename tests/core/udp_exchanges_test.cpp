// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/udp_exchanges.h"

#include <gtest/gtest.h>

using namespace seqscope;

namespace {
UdpDatagramEvent dgram(std::uint32_t frame, std::uint8_t dir, double t_ms) {
    UdpDatagramEvent d;
    d.frame = FrameNumber{frame};
    d.dir = dir;
    d.ts_ns = static_cast<std::int64_t>(t_ms * 1e6);
    d.payload_len = 6;
    return d;
}
}  // namespace

TEST(UdpExchanges, ResponseIsFirstDatagramTheOtherWay) {
    UdpStreamEvents s;
    s.datagrams = {dgram(1, 0, 0), dgram(2, 1, 1.5), dgram(3, 0, 10), dgram(4, 0, 20), dgram(5, 1, 21)};
    const auto r = pair_udp_exchanges(s);
    ASSERT_EQ(r.exchanges.size(), 3u);
    EXPECT_EQ(r.exchanges[0].response->value, 2u);
    EXPECT_EQ(r.exchanges[0].response_time_ns, 1'500'000);
    EXPECT_FALSE(r.exchanges[1].response.has_value());  // frame 3: the next datagram went the same way
    EXPECT_EQ(r.exchanges[2].request.value, 4u);
    EXPECT_EQ(r.exchanges[2].response->value, 5u);
    EXPECT_EQ(r.unanswered, 1u);
}

TEST(UdpExchanges, DnsPairsByTransactionId) {
    UdpStreamEvents s;
    auto q1 = dgram(1, 0, 0), q2 = dgram(2, 0, 1), a2 = dgram(3, 1, 5), a1 = dgram(4, 1, 9);
    q1.dns_id = 0x1111;
    q2.dns_id = 0x2222;
    a2.dns_id = 0x2222;
    a2.dns_response = true;
    a1.dns_id = 0x1111;
    a1.dns_response = true;
    s.datagrams = {q1, q2, a2, a1};
    const auto r = pair_udp_exchanges(s);
    ASSERT_EQ(r.exchanges.size(), 2u);
    EXPECT_EQ(r.exchanges[0].response->value, 4u);
    EXPECT_EQ(r.exchanges[1].response->value, 3u);
    EXPECT_EQ(r.exchanges[1].response_time_ns, 4'000'000);
    EXPECT_EQ(r.unanswered, 0u);
}

TEST(UdpExchanges, IcmpErrorAttachesToTheQuotedRequest) {
    UdpStreamEvents s;
    s.datagrams = {dgram(1, 0, 0), dgram(3, 0, 5)};
    s.icmp_errors = {{FrameNumber{2}, 100, 0, "Destination unreachable (Port unreachable)"}};
    const auto r = pair_udp_exchanges(s);
    ASSERT_EQ(r.exchanges.size(), 2u);
    EXPECT_EQ(r.exchanges[0].icmp_error->value, 2u);
    EXPECT_EQ(r.exchanges[0].icmp_text, "Destination unreachable (Port unreachable)");
    EXPECT_FALSE(r.exchanges[1].icmp_error.has_value());
    EXPECT_EQ(r.unanswered, 2u);
}
