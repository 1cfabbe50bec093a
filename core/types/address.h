// SPDX-License-Identifier: GPL-3.0-or-later
// A network address in a fixed 16-byte slot (IPv4 uses the first 4 bytes), so flow
// keys compare by value and never by hash.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>

namespace seqscope {

struct Address {
    std::array<std::uint8_t, 16> bytes{};
    std::uint8_t family = 0;  // 0 none, 4 or 6

    static Address v4(const std::uint8_t* p) {
        Address a;
        a.family = 4;
        for (int i = 0; i < 4; ++i) a.bytes[static_cast<std::size_t>(i)] = p[i];
        return a;
    }
    static Address v6(const std::uint8_t* p) {
        Address a;
        a.family = 6;
        for (int i = 0; i < 16; ++i) a.bytes[static_cast<std::size_t>(i)] = p[i];
        return a;
    }
    // The same order and equality a defaulted <=> gives (bytes in order, then the
    // family), in whole 64-bit words: flow keys compare addresses on every packet.
    bool operator==(const Address& o) const {
        return word(0) == o.word(0) && word(8) == o.word(8) && family == o.family;
    }
    std::strong_ordering operator<=>(const Address& o) const {
        if (const auto c = word(0) <=> o.word(0); c != 0) return c;
        if (const auto c = word(8) <=> o.word(8); c != 0) return c;
        return family <=> o.family;
    }
    // Eight address bytes from `at` as a big-endian number (so numbers order as bytes do).
    [[nodiscard]] std::uint64_t word(std::size_t at) const {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | bytes[at + i];
        return v;
    }
    [[nodiscard]] std::string to_string() const;  // dotted quad or RFC 5952 text
};

std::string format_ipv4(const std::uint8_t* p);
std::string format_ipv6(const std::uint8_t* p);  // RFC 5952 (as Wireshark/inet_ntop prints)
std::string format_mac(const std::uint8_t* p);   // "00:11:22:aa:bb:cc"

}  // namespace seqscope
