// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/follow_report.h"

#include <arpa/inet.h>

#include <cstdio>

namespace seqscope {
namespace {

constexpr const char* kRule = "===================================================================\n";
constexpr char kHexDigits[] = "0123456789abcdef";

bool eat(std::string_view& s, std::string_view prefix) {
    if (!s.starts_with(prefix)) return false;
    s.remove_prefix(prefix.size());
    return true;
}

// Reads ",<digits>"; tshark scans with %u, we accept plain digits only.
std::optional<std::uint32_t> read_number(std::string_view& s, bool leading_comma) {
    std::string_view t = s;
    if (leading_comma && !eat(t, ",")) return std::nullopt;
    std::uint64_t v = 0;
    std::size_t n = 0;
    while (n < t.size() && t[n] >= '0' && t[n] <= '9' && n < 10) v = v * 10 + static_cast<std::uint64_t>(t[n++] - '0');
    if (n == 0 || v > UINT32_MAX) return std::nullopt;
    s = t.substr(n);
    return static_cast<std::uint32_t>(v);
}

// ",ADDR:PORT" or ",[ADDR]:PORT".
bool read_endpoint(std::string_view& s, Endpoint& e, std::string& error) {
    std::string_view t = s;
    if (!eat(t, ",")) return (error = "Invalid address."), false;
    std::string addr;
    bool v6 = false;
    if (eat(t, "[")) {
        const auto close = t.find(']');
        if (close == std::string_view::npos) return (error = "Invalid address."), false;
        addr = std::string(t.substr(0, close));
        t.remove_prefix(close + 1);
        v6 = true;
    } else {
        const auto colon = t.find(':');
        if (colon == std::string_view::npos || colon == 0) return (error = "Invalid address."), false;
        addr = std::string(t.substr(0, colon));
        t.remove_prefix(colon);
    }
    if (!eat(t, ":")) return (error = "Invalid address."), false;
    const auto port = read_number(t, false);
    if (!port) return (error = "Invalid address."), false;
    if (*port == 0 || *port > 65535) return (error = "Invalid port."), false;
    std::uint8_t raw[16] = {};
    if (v6) {
        if (inet_pton(AF_INET6, addr.c_str(), raw) != 1) return (error = "Can't get IPv6 address"), false;
        e.address = Address::v6(raw);
    } else {
        if (inet_pton(AF_INET, addr.c_str(), raw) != 1) return (error = "Can't get IPv4 address"), false;
        e.address = Address::v4(raw);
    }
    e.port = static_cast<std::uint16_t>(*port);
    s = t;
    return true;
}

std::string node_text(const FollowResult& r, bool server) {
    if (!r.have_nodes) return ":0";  // nothing matched: tshark prints an empty address
    const Endpoint& e = server ? r.server : r.client;
    return e.to_string();
}

// tshark's hex dump: "%08X" offset, 16 bytes per line as two groups of eight,
// then the printable characters with a space after the eighth; a trailing space
// of the character column is dropped, the hex column keeps its padding.
void append_hex(std::string& out, bool server, std::uint32_t offset, const std::vector<std::uint8_t>& data) {
    constexpr std::size_t kHexStart = 10, kAsciiStart = kHexStart + 48 + 2;
    char line[kAsciiStart + 17 + 1];
    std::size_t jj = 0, kk = 0;
    for (std::size_t i = 0; i < data.size();) {
        if (i % 16 == 0) {
            std::snprintf(line, sizeof line, "%08X", static_cast<unsigned>(offset));
            for (std::size_t k = 8; k < kAsciiStart; ++k) line[k] = ' ';
            jj = kHexStart;
            kk = kAsciiStart;
        }
        const std::uint8_t v = data[i];
        line[jj++] = kHexDigits[v >> 4];
        line[jj++] = kHexDigits[v & 0xf];
        ++jj;
        line[kk++] = v >= 0x20 && v < 0x7f ? static_cast<char>(v) : '.';
        if (++i % 16 == 8) {
            line[jj++] = ' ';
            line[kk++] = ' ';
        }
        if (i % 16 == 0 || i == data.size()) {
            if (line[kk - 1] == ' ') --kk;
            if (server) out += '\t';
            out.append(line, kk);
            out += '\n';
            offset += 16;
        }
    }
}

std::string base64(const std::uint8_t* p, std::size_t n) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < n; i += 3) {
        const std::uint32_t b0 = p[i], b1 = i + 1 < n ? p[i + 1] : 0, b2 = i + 2 < n ? p[i + 2] : 0;
        const std::uint32_t w = (b0 << 16) | (b1 << 8) | b2;
        out += kAlphabet[(w >> 18) & 63];
        out += kAlphabet[(w >> 12) & 63];
        out += i + 1 < n ? kAlphabet[(w >> 6) & 63] : '=';
        out += i + 2 < n ? kAlphabet[w & 63] : '=';
    }
    return out;
}

void append_yaml_chunk(std::string& out, const FollowChunk& c) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "  - packet: %u\n    peer: %d\n", c.frame.value, c.from_server ? 1 : 0);
    out += buf;
    // As tshark: whole seconds plus the fraction, as a double, nine decimals.
    const double ts = static_cast<double>(c.ts_ns / 1'000'000'000) + static_cast<double>(c.ts_ns % 1'000'000'000) / 1e9;
    std::snprintf(buf, sizeof buf, "    timestamp: %.9f\n", ts);
    out += buf;
    out += "    data: !!binary |\n";
    constexpr std::size_t kRawPerLine = 57;  // 76 characters of base64, as in MIME
    for (std::size_t i = 0; i < c.data.size(); i += kRawPerLine) {
        const std::size_t n = std::min(kRawPerLine, c.data.size() - i);
        out += "      " + base64(c.data.data() + i, n) + "\n";
    }
}

}  // namespace

std::string FollowRequest::filter_text() const {
    const char* proto = udp ? "udp" : "tcp";
    if (stream) return std::string(proto) + ".stream eq " + std::to_string(*stream);
    const std::string ip = peers[0].address.family == 6 ? "ipv6" : "ip";
    auto half = [&](const Endpoint& s, const Endpoint& d) {
        return "((" + ip + ".src eq " + s.address.to_string() + " and " + proto + ".srcport eq " +
               std::to_string(s.port) + ") and (" + ip + ".dst eq " + d.address.to_string() + " and " + proto +
               ".dstport eq " + std::to_string(d.port) + "))";
    };
    return half(peers[0], peers[1]) + " or " + half(peers[1], peers[0]);
}

bool FollowRequest::matches(const Endpoint& x, const Endpoint& y) const {
    return (x == peers[0] && y == peers[1]) || (x == peers[1] && y == peers[0]);
}

bool parse_follow_request(std::string_view arg, FollowRequest& req, std::string& error) {
    req = FollowRequest{};
    if (eat(arg, "follow,tcp")) req.udp = false;
    else if (eat(arg, "follow,udp")) req.udp = true;
    else return (error = "only tcp and udp streams can be followed."), false;

    if (eat(arg, ",hex")) req.mode = FollowMode::Hex;
    else if (eat(arg, ",ascii")) req.mode = FollowMode::Ascii;
    else if (eat(arg, ",raw")) req.mode = FollowMode::Raw;
    else if (eat(arg, ",yaml")) req.mode = FollowMode::Yaml;
    else if (arg.starts_with(",ebcdic")) return (error = "the ebcdic display mode is not supported."), false;
    else return (error = "Invalid display mode."), false;

    std::string_view t = arg;
    if (const auto n = read_number(t, true); n && (t.empty() || t.front() == ',')) {
        req.stream = *n;
        arg = t;
    } else {
        for (Endpoint& e : req.peers)
            if (!read_endpoint(arg, e, error)) return false;
        if (req.peers[0].address.family != req.peers[1].address.family)
            return (error = "Mismatched IP address types."), false;
    }

    if (!arg.empty()) {
        const auto lo = read_number(arg, true);
        if (!lo) return (error = "Invalid range."), false;
        req.chunk_min = req.chunk_max = *lo;
        if (eat(arg, "-")) {
            const auto hi = read_number(arg, false);
            if (!hi) return (error = "Invalid range."), false;
            req.chunk_max = *hi;
        }
        if (req.chunk_min < 1 || req.chunk_min > req.chunk_max) return (error = "Invalid range value."), false;
    }
    if (!arg.empty()) return (error = "Invalid parameter."), false;
    return true;
}

std::string render_follow(const FollowRequest& req, const FollowResult& r) {
    std::string out;
    if (req.mode == FollowMode::Yaml) {
        out += "peers:\n";
        for (int peer = 0; peer < 2; ++peer) {
            const Endpoint& e = peer == 0 ? r.client : r.server;
            out += "  - peer: " + std::to_string(peer) + "\n";
            out += "    host: " + (r.have_nodes ? e.address.to_string() : std::string()) + "\n";
            out += "    port: " + std::to_string(r.have_nodes ? e.port : 0) + "\n";
        }
        out += "packets:\n";
    } else {
        static constexpr const char* kModeName[] = {"ascii", "hex", "raw", "yaml"};
        out += "\n";
        out += kRule;
        out += std::string("Follow: ") + (req.udp ? "udp," : "tcp,") + kModeName[static_cast<int>(req.mode)] + "\n";
        out += "Filter: " + req.filter_text() + "\n";
        out += "Node 0: " + node_text(r, false) + "\n";
        out += "Node 1: " + node_text(r, true) + "\n";
    }

    std::uint32_t position[2] = {0, 0};  // bytes per side so far, for the hex offsets
    std::uint32_t number = 1;
    for (const FollowChunk& c : r.chunks) {
        const auto len = static_cast<std::uint32_t>(c.data.size());
        std::uint32_t& pos = position[c.from_server ? 1 : 0];
        const bool shown = number >= req.chunk_min && number <= req.chunk_max;
        ++number;
        if (!shown) {
            pos += len;
            continue;
        }
        switch (req.mode) {
        case FollowMode::Hex:
            append_hex(out, c.from_server, pos, c.data);
            pos += len;
            break;
        case FollowMode::Ascii:
            if (c.from_server) out += '\t';
            out += std::to_string(len) + "\n";
            for (const std::uint8_t b : c.data)
                out += (b == '\r' || b == '\n' || (b >= 0x20 && b < 0x7f)) ? static_cast<char>(b) : '.';
            out += '\n';
            break;
        case FollowMode::Raw:
            if (c.from_server) out += '\t';
            for (const std::uint8_t b : c.data) {
                out += kHexDigits[b >> 4];
                out += kHexDigits[b & 0xf];
            }
            out += '\n';
            break;
        case FollowMode::Yaml:
            append_yaml_chunk(out, c);
            break;
        }
    }
    if (req.mode != FollowMode::Yaml) out += kRule;
    return out;
}

}  // namespace seqscope
