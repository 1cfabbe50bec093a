// SPDX-License-Identifier: GPL-3.0-or-later
#include "frame_builder.h"

#include <cstring>

namespace seqscope::bench {
namespace {

void put16(std::uint8_t* p, std::uint16_t v) {
    p[0] = static_cast<std::uint8_t>(v >> 8);
    p[1] = static_cast<std::uint8_t>(v);
}
void put32(std::uint8_t* p, std::uint32_t v) {
    put16(p, static_cast<std::uint16_t>(v >> 16));
    put16(p + 2, static_cast<std::uint16_t>(v));
}
std::uint32_t sum16(const std::uint8_t* p, std::size_t n, std::uint32_t acc = 0) {
    for (std::size_t i = 0; i + 1 < n; i += 2) acc += static_cast<std::uint32_t>(p[i] << 8 | p[i + 1]);
    if (n % 2 != 0) acc += static_cast<std::uint32_t>(p[n - 1] << 8);
    return acc;
}
std::uint16_t fold(std::uint32_t acc) {
    while (acc >> 16) acc = (acc & 0xffff) + (acc >> 16);
    return static_cast<std::uint16_t>(~acc & 0xffff);
}

}  // namespace

std::size_t FrameBuilder::begin(const Host& src, const Host& dst, std::uint8_t proto, std::size_t l4_len) {
    const std::size_t ip_len = src.v6 ? 40 : 20;
    buf_.assign(14 + ip_len + l4_len, 0);
    std::uint8_t* p = buf_.data();
    std::memcpy(p, dst.mac.data(), 6);
    std::memcpy(p + 6, src.mac.data(), 6);
    put16(p + 12, src.v6 ? 0x86dd : 0x0800);
    std::uint8_t* ip = p + 14;
    if (src.v6) {
        put32(ip, 0x60000000);
        put16(ip + 4, static_cast<std::uint16_t>(l4_len));
        ip[6] = proto;
        ip[7] = 64;
        std::memcpy(ip + 8, src.ip.data(), 16);
        std::memcpy(ip + 24, dst.ip.data(), 16);
    } else {
        ip[0] = 0x45;
        put16(ip + 2, static_cast<std::uint16_t>(20 + l4_len));
        put16(ip + 4, ip_id_++);
        put16(ip + 6, 0x4000);  // DF
        ip[8] = 64;
        ip[9] = proto;
        std::memcpy(ip + 12, src.ip.data(), 4);
        std::memcpy(ip + 16, dst.ip.data(), 4);
        put16(ip + 10, fold(sum16(ip, 20)));
    }
    return 14 + ip_len;
}

void FrameBuilder::finish_l4_checksum(const Host& src, const Host& dst, std::uint8_t proto, std::size_t l4_off,
                                      std::size_t checksum_off) {
    const std::size_t l4_len = buf_.size() - l4_off;
    std::uint32_t acc = 0;
    const std::size_t alen = src.v6 ? 16 : 4;
    acc = sum16(src.ip.data(), alen, acc);
    acc = sum16(dst.ip.data(), alen, acc);
    acc += proto;
    acc += static_cast<std::uint32_t>(l4_len & 0xffff) + static_cast<std::uint32_t>(l4_len >> 16);
    acc = sum16(buf_.data() + l4_off, l4_len, acc);
    std::uint16_t c = fold(acc);
    if (c == 0 && proto == 17) c = 0xffff;  // UDP: 0 would mean "no checksum"
    put16(buf_.data() + l4_off + checksum_off, c);
}

std::span<const std::uint8_t> FrameBuilder::tcp(const Host& src, const Host& dst, const TcpFields& t,
                                                std::span<const std::uint8_t> payload) {
    const std::size_t hdr = 20 + t.options.size();
    const std::size_t off = begin(src, dst, 6, hdr + payload.size());
    std::uint8_t* p = buf_.data() + off;
    put16(p, t.sport);
    put16(p + 2, t.dport);
    put32(p + 4, t.seq);
    put32(p + 8, t.ack);
    put16(p + 12, static_cast<std::uint16_t>((hdr / 4) << 12 | (t.flags & 0x0fff)));
    put16(p + 14, t.window);
    if (!t.options.empty()) std::memcpy(p + 20, t.options.data(), t.options.size());
    if (!payload.empty()) std::memcpy(p + hdr, payload.data(), payload.size());
    finish_l4_checksum(src, dst, 6, off, 16);
    return buf_;
}

std::span<const std::uint8_t> FrameBuilder::udp(const Host& src, const Host& dst, std::uint16_t sport,
                                                std::uint16_t dport, std::span<const std::uint8_t> payload) {
    const std::size_t off = begin(src, dst, 17, 8 + payload.size());
    std::uint8_t* p = buf_.data() + off;
    put16(p, sport);
    put16(p + 2, dport);
    put16(p + 4, static_cast<std::uint16_t>(8 + payload.size()));
    if (!payload.empty()) std::memcpy(p + 8, payload.data(), payload.size());
    finish_l4_checksum(src, dst, 17, off, 6);
    return buf_;
}

}  // namespace seqscope::bench
