// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/address.h"

#include <arpa/inet.h>
#include <cstdio>

namespace seqscope {

std::string format_ipv4(const std::uint8_t* p) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", p[0], p[1], p[2], p[3]);
    return buf;
}

std::string format_ipv6(const std::uint8_t* p) {
    char buf[INET6_ADDRSTRLEN];
    if (inet_ntop(AF_INET6, p, buf, sizeof buf) == nullptr) return "::";
    return buf;
}

std::string format_mac(const std::uint8_t* p) {
    char buf[18];
    std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4], p[5]);
    return buf;
}

std::string Address::to_string() const {
    if (family == 4) return format_ipv4(bytes.data());
    if (family == 6) return format_ipv6(bytes.data());
    return {};
}

}  // namespace seqscope
