// SPDX-License-Identifier: GPL-3.0-or-later
// -z conv,tcp|udp and -z follow,tcp|udp against tshark 4.0.17, byte for byte, on
// every capture of the conformance corpus. Two layers:
//  * Formats: our report code fed with tshark's own per-packet dissection
//    (-T fields), so the layouts and the follow reassembly are checked apart from
//    our decoders and trackers.
//  * End to end: seqscope-cli against tshark with the same arguments.
// Both need tshark 4.0.17 on PATH and skip with the reason otherwise (fail under CI).
#include "format/conv_report.h"
#include "format/follow_report.h"
#include "support/ci_policy.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <utility>

using namespace seqscope;
namespace fs = std::filesystem;

namespace {

const std::string kCorpus = std::string(SEQSCOPE_SHARED_DIR) + "/conformance";

// The reports every capture is checked with, in command-line order.
const std::vector<std::string> kReports = {
    "conv,tcp",           "conv,udp",           "follow,tcp,ascii,0", "follow,tcp,hex,0", "follow,tcp,raw,0",
    "follow,tcp,ascii,1", "follow,udp,ascii,0", "follow,udp,hex,0",   "follow,udp,raw,0", "follow,udp,yaml,1",
};

std::string run(const std::string& cmd) {
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    if (p == nullptr) return out;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

std::vector<std::string> captures() {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(kCorpus + "/captures")) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string z_args() {
    std::string a;
    for (const auto& r : kReports) a += " -z " + r;
    return a;
}

std::string tshark_reports(const std::string& name) {
    static std::map<std::string, std::string> cache;  // both layers compare with the same run
    if (const auto it = cache.find(name); it != cache.end()) return it->second;
    return cache[name] = run("WIRESHARK_CONFIG_DIR=" + kCorpus + "/tshark-profile tshark -r " + kCorpus + "/captures/" + name +
               " -q" + z_args() + " 2>/dev/null");
}

// Where two outputs part, for the failure message.
std::string first_difference(const std::string& want, const std::string& got) {
    std::istringstream a(want), b(got);
    std::string la, lb;
    for (int line = 1;; ++line) {
        const bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
        if (!ha && !hb) return "identical lines, different line ends";
        if (la != lb || ha != hb)
            return "line " + std::to_string(line) + ":\n  tshark:   " + (ha ? la : "<end>") + "\n  seqscope: " + (hb ? lb : "<end>");
    }
}

// ---- layer 1: tshark's dissection, our report code ----

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) out.push_back(std::exchange(cur, {}));
        else cur += c;
    }
    out.push_back(cur);
    return out;
}

std::int64_t parse_ns(const std::string& s) {
    if (s.empty()) return 0;
    const bool neg = s[0] == '-';
    const std::string t = neg ? s.substr(1) : s;
    const auto dot = t.find('.');
    std::int64_t secs = std::stoll(t.substr(0, dot));
    std::string frac = dot == std::string::npos ? "" : t.substr(dot + 1);
    frac.resize(9, '0');
    const std::int64_t ns = secs * 1'000'000'000 + std::stoll(frac);
    return neg ? -ns : ns;
}

Endpoint endpoint(const std::string& addr, const std::string& port) {
    std::uint8_t raw[16] = {};
    Endpoint e;
    if (addr.find(':') != std::string::npos) {
        EXPECT_EQ(inet_pton(AF_INET6, addr.c_str(), raw), 1) << addr;
        e.address = Address::v6(raw);
    } else {
        EXPECT_EQ(inet_pton(AF_INET, addr.c_str(), raw), 1) << addr;
        e.address = Address::v4(raw);
    }
    e.port = static_cast<std::uint16_t>(std::stoul(port));
    return e;
}

std::vector<std::uint8_t> unhex(const std::string& h) {
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i + 1 < h.size(); i += 2) out.push_back(static_cast<std::uint8_t>(std::stoul(h.substr(i, 2), nullptr, 16)));
    return out;
}

std::string reports_from_tshark_fields(const std::string& name) {
    const char* fields[] = {"frame.number", "frame.len",    "frame.time_epoch", "frame.time_relative", "ip.src",
                            "ip.dst",       "ipv6.src",     "ipv6.dst",         "tcp.srcport",         "tcp.dstport",
                            "tcp.stream",   "tcp.seq",      "tcp.ack",          "tcp.flags",           "tcp.len",
                            "tcp.payload",  "udp.srcport",  "udp.dstport",      "udp.stream",          "udp.payload",
                            "icmp.type",    "icmpv6.type",  "udp.length",       "tcp.hdr_len",         "tcp.options"};
    std::string cmd = "WIRESHARK_CONFIG_DIR=" + kCorpus + "/tshark-profile tshark -r " + kCorpus + "/captures/" + name +
                      " -T fields -E occurrence=l";
    for (const char* f : fields) cmd += std::string(" -e ") + f;
    const std::string table = run(cmd + " 2>/dev/null");

    ConversationTable conv_tcp, conv_udp;
    std::vector<FollowRequest> follows;
    for (const auto& r : kReports) {
        if (!r.starts_with("follow,")) continue;
        std::string err;
        EXPECT_TRUE(parse_follow_request(r, follows.emplace_back(), err)) << err;
    }
    std::vector<TcpFollower> tcp(follows.size());
    std::vector<UdpFollower> udp(follows.size());
    for (const std::string& line : split(table, '\n')) {
        if (line.empty()) continue;
        const auto c = split(line, '\t');
        if (c.size() != std::size(fields) || !c[20].empty() || !c[21].empty()) continue;  // taps skip ICMP errors
        const bool v6 = !c[6].empty();
        const std::string src = v6 ? c[6] : c[4], dst = v6 ? c[7] : c[5];
        const FrameNumber frame{static_cast<std::uint32_t>(std::stoul(c[0]))};
        const auto len = static_cast<std::uint32_t>(std::stoul(c[1]));
        const std::int64_t abs = parse_ns(c[2]), rel = parse_ns(c[3]);
        if (!c[10].empty()) {
            const auto stream = static_cast<std::uint32_t>(std::stoul(c[10]));
            // Options the snap length cut stop tshark's TCP dissector before its taps.
            const unsigned hdr = c[23].empty() ? 0 : static_cast<unsigned>(std::stoul(c[23]));
            if (hdr > 20 && c[24].size() / 2 < hdr - 20) continue;
            const Endpoint s = endpoint(src, c[8]), d = endpoint(dst, c[9]);
            conv_tcp.add({stream, s, d, len, rel});
            if (c[14].empty()) continue;  // no segment length: no follow tap either
            for (std::size_t i = 0; i < follows.size(); ++i) {
                if (follows[i].udp || *follows[i].stream != stream) continue;
                const auto payload = unhex(c[15]);
                tcp[i].add(s, d, static_cast<std::uint16_t>(std::stoul(c[13], nullptr, 16)),
                           static_cast<std::uint32_t>(std::stoul(c[11])), static_cast<std::uint32_t>(std::stoul(c[12])),
                           static_cast<std::uint32_t>(std::stoul(c[14])), payload, frame, abs);
            }
        } else if (!c[18].empty()) {
            const auto stream = static_cast<std::uint32_t>(std::stoul(c[18]));
            const Endpoint s = endpoint(src, c[16]), d = endpoint(dst, c[17]);
            conv_udp.add({stream, s, d, len, rel});
            for (std::size_t i = 0; i < follows.size(); ++i)
                if (follows[i].udp && *follows[i].stream == stream) udp[i].add(s, d, static_cast<std::uint32_t>(std::stoul(c[22]) - 8), unhex(c[19]), frame, abs);
        }
    }
    std::string out;
    std::size_t fi = follows.size();
    for (auto it = kReports.rbegin(); it != kReports.rend(); ++it) {
        if (*it == "conv,tcp") out += conv_tcp.render("TCP");
        else if (*it == "conv,udp") out += conv_udp.render("UDP");
        else {
            --fi;
            out += render_follow(follows[fi], follows[fi].udp ? udp[fi].result() : tcp[fi].result());
        }
    }
    return out;
}

}  // namespace

TEST(ReportsVsTshark, FormatsAndReassemblyOnTsharksDissection) {
    SEQSCOPE_REQUIRE_TSHARK();
    int checked = 0;
    for (const std::string& name : captures()) {
        const std::string want = tshark_reports(name);
        const std::string got = reports_from_tshark_fields(name);
        EXPECT_EQ(want == got, true) << name << ": " << first_difference(want, got);
        ++checked;
    }
    EXPECT_GT(checked, 70);
}

// ---- layer 2: seqscope-cli end to end ----

// Captures whose reports may still differ, each with the reason: gaps to close in
// the engine, not in the report code (layer 1 above passes on all of them).
// Empty: all 74 captures of the corpus agree byte for byte.
const std::set<std::string> kKnownGaps = {};

TEST(ReportsVsTshark, CliMatchesTshark) {
    SEQSCOPE_REQUIRE_TSHARK();
    std::vector<std::string> agree, differ;
    for (const std::string& name : captures()) {
        const std::string want = tshark_reports(name);
        const std::string got = run(std::string(SEQSCOPE_CLI) + " -r " + kCorpus + "/captures/" + name + " -q" + z_args() +
                                    " 2>/dev/null");
        if (want == got) {
            agree.push_back(name);
            // Not a failure (the engine's helpers land independently), but say so.
            if (kKnownGaps.contains(name)) std::printf("%s agrees now: take it off kKnownGaps\n", name.c_str());
        } else {
            differ.push_back(name);
            EXPECT_TRUE(kKnownGaps.contains(name)) << name << ": " << first_difference(want, got);
        }
    }
    std::string list;
    for (const auto& d : differ) list += " " + d;
    std::printf("reports agree with tshark on %zu of %zu captures; known gaps:%s\n", agree.size(),
                agree.size() + differ.size(), list.c_str());
}

TEST(ReportsVsTshark, FollowByEndpointsAndChunkRangesMatchTshark) {
    SEQSCOPE_REQUIRE_TSHARK();
    const std::pair<const char*, const char*> cases[] = {
        // both streams of a reused IPv6 port pair run together when followed by endpoints
        {"synthetic-tcp-analysis-v6.pcapng", "follow,tcp,ascii,[fd00:c::1]:40001,[fd00:c::2]:8080"},
        {"http.pcap", "follow,tcp,hex,207.46.134.94:80,10.0.0.5:3267,2-3"},  // hex offsets count skipped chunks
        {"dns+icmp.pcapng", "follow,udp,yaml,192.168.43.9:51677,192.168.43.1:53"},
        {"http-ooo.pcap", "follow,tcp,raw,0,3"},
    };
    for (const auto& [name, z] : cases) {
        const std::string file = kCorpus + "/captures/" + name;
        const std::string want = run("WIRESHARK_CONFIG_DIR=" + kCorpus + "/tshark-profile tshark -r " + file +
                                     " -q -z '" + z + "' 2>/dev/null");
        const std::string got = run(std::string(SEQSCOPE_CLI) + " -r " + file + " -q -z '" + z + "' 2>/dev/null");
        ASSERT_FALSE(want.empty()) << z;
        EXPECT_EQ(want == got, true) << name << " " << z << ": " << first_difference(want, got);
    }
}

namespace {

// A capture made in code: a 3000-byte UDP datagram and a 2000-byte TCP segment,
// each sent as IPv4 fragments, so follow must take the reassembled payload.
void put16(std::string& b, unsigned v) { b += static_cast<char>(v >> 8); b += static_cast<char>(v & 0xff); }
void put32(std::string& b, std::uint32_t v) { put16(b, v >> 16); put16(b, v & 0xffff); }
void put32le(std::string& b, std::uint32_t v) { for (int i = 0; i < 4; ++i) b += static_cast<char>((v >> (8 * i)) & 0xff); }

std::string ipv4_frame(bool a_to_b, std::uint8_t proto, const std::string& payload, unsigned id, unsigned offset, bool more) {
    std::string f("\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\x08\x00", 14);
    std::string ip;
    put16(ip, 0x4500);
    put16(ip, static_cast<unsigned>(20 + payload.size()));
    put16(ip, id);
    put16(ip, (more ? 0x2000u : 0u) | offset / 8);
    put16(ip, 64u << 8 | proto);
    put16(ip, 0);  // checksum: not verified (ip.check_checksum is off, as in tshark)
    const std::string a("\x0a\x00\x00\x01", 4), b("\x0a\x00\x00\x02", 4);
    ip += a_to_b ? a + b : b + a;
    return f + ip + payload;
}

std::string tcp_header(unsigned sport, unsigned dport, std::uint32_t seq, std::uint32_t ack, unsigned flags) {
    std::string t;
    put16(t, sport);
    put16(t, dport);
    put32(t, seq);
    put32(t, ack);
    put16(t, 5u << 12 | flags);
    put16(t, 65535);
    put32(t, 0);
    return t;
}

std::string fragments_capture() {
    std::vector<std::string> frames;
    std::string udp;
    put16(udp, 5000);
    put16(udp, 6000);
    put16(udp, 8 + 3000);
    put16(udp, 0);
    for (int i = 0; i < 3000; ++i) udp += static_cast<char>((i * 7) % 256);
    for (unsigned off = 0; off < udp.size(); off += 1480)
        frames.push_back(ipv4_frame(true, 17, udp.substr(off, 1480), 0x1234, off, off + 1480 < udp.size()));
    frames.push_back(ipv4_frame(true, 6, tcp_header(1111, 80, 1000, 0, 0x02), 1, 0, false));
    frames.push_back(ipv4_frame(false, 6, tcp_header(80, 1111, 5000, 1001, 0x12), 2, 0, false));
    std::string seg = tcp_header(1111, 80, 1001, 5001, 0x18);
    for (int i = 0; i < 2000; ++i) seg += static_cast<char>('A' + i % 26);
    frames.push_back(ipv4_frame(true, 6, seg.substr(0, 1480), 4, 0, true));
    frames.push_back(ipv4_frame(true, 6, seg.substr(1480), 4, 1480, false));
    frames.push_back(ipv4_frame(false, 6, tcp_header(80, 1111, 5001, 3001, 0x10), 5, 0, false));
    std::string pcap;
    put32le(pcap, 0xa1b2c3d4);
    put32le(pcap, 2 | 4u << 16);
    put32le(pcap, 0);
    put32le(pcap, 0);
    put32le(pcap, 65535);
    put32le(pcap, 1);  // Ethernet
    std::uint32_t t = 1'700'000'000;
    for (const std::string& f : frames) {
        put32le(pcap, t++);
        put32le(pcap, 0);
        put32le(pcap, static_cast<std::uint32_t>(f.size()));
        put32le(pcap, static_cast<std::uint32_t>(f.size()));
        pcap += f;
    }
    return pcap;
}

}  // namespace

TEST(ReportsVsTshark, FollowsPayloadReassembledFromIpFragments) {
    const std::string file = (fs::temp_directory_path() / "seqscope-reports-fragments.pcap").string();
    {
        std::FILE* f = std::fopen(file.c_str(), "wb");
        ASSERT_NE(f, nullptr);
        const std::string pcap = fragments_capture();
        std::fwrite(pcap.data(), 1, pcap.size(), f);
        std::fclose(f);
    }
    const std::string z = " -q -z follow,udp,raw,0 -z follow,tcp,ascii,0";
    const std::string got = run(std::string(SEQSCOPE_CLI) + " -r " + file + z + " 2>/dev/null");
    // The whole datagram and the whole segment, not bytes of the last fragment's frame.
    EXPECT_NE(got.find("\n00070e151c232a31"), std::string::npos) << got.substr(0, 400);
    EXPECT_NE(got.find("\n2000\nABCDEFGHIJ"), std::string::npos) << got.substr(0, 400);
    const std::string want = run("WIRESHARK_CONFIG_DIR=" + kCorpus + "/tshark-profile tshark -r " + file + z + " 2>/dev/null");
    fs::remove(file);
    // And byte for byte as tshark prints it: skipped (failed under CI) without tshark,
    // never left out silently.
    SEQSCOPE_REQUIRE_TSHARK();
    EXPECT_EQ(want == got, true) << first_difference(want, got);
}

TEST(ReportsVsTshark, PacketsFirstThenReportsWithoutQ) {
    const std::string file = kCorpus + "/captures/dns+icmp.pcapng";
    const std::string packets = run(std::string(SEQSCOPE_CLI) + " -r " + file);
    const std::string reports = run(std::string(SEQSCOPE_CLI) + " -r " + file + " -q -z conv,udp -z conv,tcp");
    ASSERT_FALSE(reports.empty());
    EXPECT_EQ(run(std::string(SEQSCOPE_CLI) + " -r " + file + " -z conv,udp -z conv,tcp"), packets + reports);
    EXPECT_TRUE(reports.find("TCP Conversations") < reports.find("UDP Conversations"));  // last -z first
}

TEST(ReportsVsTshark, BadZArgumentIsAnErrorBeforeReading) {
    const std::string file = kCorpus + "/captures/http.pcap";
    EXPECT_NE(std::system((std::string(SEQSCOPE_CLI) + " -r " + file + " -q -z follow,tcp,octal,0 2>/dev/null").c_str()), 0);
    EXPECT_NE(std::system((std::string(SEQSCOPE_CLI) + " -r " + file + " -q -z bogus 2>/dev/null").c_str()), 0);
}
