// SPDX-License-Identifier: GPL-3.0-or-later
// Builds Ethernet + IPv4/IPv6 + TCP/UDP frames with correct lengths and checksums
// into a reusable buffer (the benchmark generator's inner loop).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace seqscope::bench {

struct Host {
    std::array<std::uint8_t, 6> mac{};
    std::array<std::uint8_t, 16> ip{};  // IPv4 in the first 4 bytes
    bool v6 = false;
};

struct TcpFields {
    std::uint16_t sport = 0, dport = 0;
    std::uint32_t seq = 0, ack = 0;
    std::uint16_t flags = 0, window = 0;
    std::span<const std::uint8_t> options;  // a multiple of 4 bytes
};

class FrameBuilder {
public:
    // The frame is valid until the next call.
    std::span<const std::uint8_t> tcp(const Host& src, const Host& dst, const TcpFields& t,
                                      std::span<const std::uint8_t> payload);
    std::span<const std::uint8_t> udp(const Host& src, const Host& dst, std::uint16_t sport, std::uint16_t dport,
                                      std::span<const std::uint8_t> payload);

private:
    // Writes Ethernet + IP headers for an L4 length; returns the L4 offset.
    std::size_t begin(const Host& src, const Host& dst, std::uint8_t proto, std::size_t l4_len);
    void finish_l4_checksum(const Host& src, const Host& dst, std::uint8_t proto, std::size_t l4_off,
                            std::size_t checksum_off);
    std::vector<std::uint8_t> buf_;
    std::uint16_t ip_id_ = 0x1000;
};

}  // namespace seqscope::bench
