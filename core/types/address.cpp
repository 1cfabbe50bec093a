// SPDX-License-Identifier: GPL-3.0-or-later
#include "types/address.h"

#include <arpa/inet.h>

namespace seqscope {

// Hand-written digits rather than snprintf: the packet list formats two addresses
// per row, and printf's format parsing cost more than the rest of the row.
std::string format_ipv4(const std::uint8_t* p) {
    char buf[16];
    char* o = buf;
    for (int i = 0; i < 4; ++i) {
        const unsigned v = p[i];
        if (i) *o++ = '.';
        if (v >= 100) *o++ = static_cast<char>('0' + v / 100);
        if (v >= 10) *o++ = static_cast<char>('0' + v / 10 % 10);
        *o++ = static_cast<char>('0' + v % 10);
    }
    return std::string(buf, o);
}

std::string format_ipv6(const std::uint8_t* p) {
    char buf[INET6_ADDRSTRLEN];
    if (inet_ntop(AF_INET6, p, buf, sizeof buf) == nullptr) return "::";
    return buf;
}

std::string format_mac(const std::uint8_t* p) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(17, ':');
    for (std::size_t i = 0; i < 6; ++i) {
        out[i * 3] = kDigits[p[i] >> 4];
        out[i * 3 + 1] = kDigits[p[i] & 0xf];
    }
    return out;
}

std::string Address::to_string() const {
    if (family == 4) return format_ipv4(bytes.data());
    if (family == 6) return format_ipv6(bytes.data());
    return {};
}

}  // namespace seqscope
