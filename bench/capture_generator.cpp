// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture_generator.h"

#include "frame_builder.h"

#include <deque>
#include <string>
#include <vector>

namespace seqscope::bench {
namespace {

// xorshift64*: small, fast and the same everywhere (std:: distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed * 0x9e3779b97f4a7c15ull + 1) {}
    std::uint64_t next() {
        s_ ^= s_ >> 12;
        s_ ^= s_ << 25;
        s_ ^= s_ >> 27;
        return s_ * 0x2545f4914f6cdd1dull;
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>((next() >> 32) % n); }
    std::uint32_t range(std::uint32_t lo, std::uint32_t hi) { return lo + below(hi - lo + 1); }
    bool chance(std::uint32_t percent_x10) { return below(1000) < percent_x10; }

private:
    std::uint64_t s_;
};

// Ports with no dissector registered in tshark 4.0 (`tshark -G decodes`), so both
// tools do the same TCP/UDP work: servers on 16000-16999 (TCP) and 28000-28999
// (UDP), clients on 36000-39999 (37008 is registered and skipped).
constexpr std::uint16_t kClientPortLo = 36000, kClientPortHi = 39999;

namespace tcpf {
constexpr std::uint16_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kPsh = 0x08, kAck = 0x10;
}

// One packet a flow will send: who sends it and its TCP fields (or UDP payload).
struct Seg {
    bool from_client = true;
    std::uint16_t flags = 0;
    std::uint32_t seq = 0, ack = 0, len = 0;
    std::vector<std::uint8_t> udp_payload;  // UDP flows only
};

enum class Kind { Tcp, Dns, Udp };

struct Flow {
    Kind kind = Kind::Tcp;
    int client = 0, server = 0;
    std::uint16_t cport = 0, sport = 0;
    std::uint32_t c_next = 0, s_next = 0;  // next sequence number per side
    std::uint32_t c_ts = 0, s_ts = 0;      // TSval bases
    int rounds_left = 0;
    bool closed = false;
    std::deque<Seg> pending;
};

struct Hosts {
    std::vector<Host> clients4, servers4, clients6, servers6;
    std::vector<std::uint16_t> next_port;  // per client (v4 then v6)
};

Host make_host(Rng& rng, bool v6, std::uint8_t role, std::uint32_t index) {
    Host h;
    h.v6 = v6;
    h.mac = {0x02, role, static_cast<std::uint8_t>(index >> 8), static_cast<std::uint8_t>(index),
             static_cast<std::uint8_t>(rng.below(256)), static_cast<std::uint8_t>(rng.below(256))};
    if (v6) {
        h.ip = {0x20, 0x01, 0x0d, 0xb8, role, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                static_cast<std::uint8_t>(index >> 8), static_cast<std::uint8_t>(index + 1)};
    } else if (role == 1) {  // clients: 10.1.0.0/16
        h.ip = {10, 1, static_cast<std::uint8_t>(index >> 8), static_cast<std::uint8_t>(index + 1)};
    } else {  // servers: 192.0.2.0/24 and 198.51.100.0/24
        h.ip = {static_cast<std::uint8_t>(index < 128 ? 192 : 198), static_cast<std::uint8_t>(index < 128 ? 0 : 51),
                static_cast<std::uint8_t>(index < 128 ? 2 : 100), static_cast<std::uint8_t>(index % 128 + 1)};
    }
    return h;
}

// Builds a DNS query or response for `name` (A for IPv4, AAAA for IPv6).
std::vector<std::uint8_t> dns_message(Rng& rng, std::uint16_t id, const std::string& name, bool v6, bool response) {
    std::vector<std::uint8_t> m = {static_cast<std::uint8_t>(id >> 8), static_cast<std::uint8_t>(id),
                                   static_cast<std::uint8_t>(response ? 0x81 : 0x01), static_cast<std::uint8_t>(response ? 0x80 : 0x00),
                                   0, 1, 0, 0, 0, 0, 0, 0};
    std::size_t start = 0;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '.') {
            m.push_back(static_cast<std::uint8_t>(i - start));
            m.insert(m.end(), name.begin() + static_cast<long>(start), name.begin() + static_cast<long>(i));
            start = i + 1;
        }
    }
    m.push_back(0);
    const std::uint8_t qtype = v6 ? 28 : 1;
    m.insert(m.end(), {0, qtype, 0, 1});
    if (!response) return m;
    const std::uint32_t answers = rng.range(1, 3);
    m[7] = static_cast<std::uint8_t>(answers);
    for (std::uint32_t a = 0; a < answers; ++a) {
        m.insert(m.end(), {0xc0, 0x0c, 0, qtype, 0, 1, 0, 0, 0x0e, 0x10, 0, static_cast<std::uint8_t>(v6 ? 16 : 4)});
        for (int b = 0; b < (v6 ? 16 : 4); ++b) m.push_back(static_cast<std::uint8_t>(rng.below(256)));
    }
    return m;
}

class Generator {
public:
    Generator(const GeneratorOptions& opt, std::FILE* out) : opt_(opt), out_(out), rng_(opt.seed) {
        for (std::uint32_t i = 0; i < 600; ++i) hosts_.clients4.push_back(make_host(rng_, false, 1, i));
        for (std::uint32_t i = 0; i < 200; ++i) hosts_.servers4.push_back(make_host(rng_, false, 2, i));
        for (std::uint32_t i = 0; i < 60; ++i) hosts_.clients6.push_back(make_host(rng_, true, 1, i));
        for (std::uint32_t i = 0; i < 20; ++i) hosts_.servers6.push_back(make_host(rng_, true, 2, i));
        for (std::size_t i = 0; i < hosts_.clients4.size() + hosts_.clients6.size(); ++i)
            hosts_.next_port.push_back(static_cast<std::uint16_t>(kClientPortLo + rng_.below(kClientPortHi - kClientPortLo)));
        payload_.resize(65536);
        // Lower-case text: random bytes would wake tshark's heuristic dissectors
        // (Thrift, RTCP, ...) on some segments, work seqscope does not do.
        for (auto& b : payload_) b = static_cast<std::uint8_t>('a' + rng_.below(26));
        dns_resolver4_ = make_host(rng_, false, 3, 0);
        dns_resolver4_.ip = {10, 0, 0, 53};
        dns_resolver6_ = make_host(rng_, true, 3, 0);
        dns_resolver6_.ip = {0x20, 0x01, 0x0d, 0xb8, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x53};
    }

    GeneratorResult run() {
        write_file_header();
        std::vector<Flow> flows(static_cast<std::size_t>(opt_.concurrent_flows));
        for (auto& f : flows) start_flow(f);
        ts_us_ = 1'700'000'000ull * 1'000'000;
        while (result_.packets < opt_.packets) {
            Flow& f = flows[rng_.below(static_cast<std::uint32_t>(flows.size()))];
            if (f.pending.empty()) refill(f);
            if (f.pending.empty()) {  // finished: a new flow takes its place
                start_flow(f);
                continue;
            }
            emit(f, f.pending.front());
            f.pending.pop_front();
        }
        flush();
        return result_;
    }

private:
    bool v6_of(const Flow& f) const { return f.client >= static_cast<int>(hosts_.clients4.size()); }
    const Host& client_host(const Flow& f) const {
        const auto n4 = static_cast<int>(hosts_.clients4.size());
        return f.client < n4 ? hosts_.clients4[static_cast<std::size_t>(f.client)]
                             : hosts_.clients6[static_cast<std::size_t>(f.client - n4)];
    }
    const Host& server_host(const Flow& f) const {
        if (f.kind == Kind::Dns) return v6_of(f) ? dns_resolver6_ : dns_resolver4_;
        return v6_of(f) ? hosts_.servers6[static_cast<std::size_t>(f.server) % hosts_.servers6.size()]
                        : hosts_.servers4[static_cast<std::size_t>(f.server) % hosts_.servers4.size()];
    }

    void start_flow(Flow& f) {
        f = Flow{};
        const std::uint32_t k = rng_.below(100);
        f.kind = k < 80 ? Kind::Tcp : k < 94 ? Kind::Dns : Kind::Udp;
        const bool v6 = rng_.below(10) == 0;
        f.client = v6 ? static_cast<int>(hosts_.clients4.size() + rng_.below(static_cast<std::uint32_t>(hosts_.clients6.size())))
                      : static_cast<int>(rng_.below(static_cast<std::uint32_t>(hosts_.clients4.size())));
        f.server = static_cast<int>(rng_.below(200));
        std::uint16_t& port = hosts_.next_port[static_cast<std::size_t>(f.client)];
        f.cport = port;
        port = static_cast<std::uint16_t>(port >= kClientPortHi ? kClientPortLo : port + 1);
        if (port == 37008) ++port;  // registered in tshark (see kClientPortLo)
        if (v6) ++result_.ipv6_flows;
        switch (f.kind) {
        case Kind::Tcp: {
            ++result_.tcp_flows;
            f.sport = static_cast<std::uint16_t>(16000 + rng_.below(1000));
            f.c_next = static_cast<std::uint32_t>(rng_.next());
            f.s_next = static_cast<std::uint32_t>(rng_.next());
            f.c_ts = static_cast<std::uint32_t>(rng_.next());
            f.s_ts = static_cast<std::uint32_t>(rng_.next());
            f.rounds_left = static_cast<int>(rng_.range(1, 6));
            Seg syn{true, tcpf::kSyn, f.c_next, 0, 0, {}};
            Seg synack{false, tcpf::kSyn | tcpf::kAck, f.s_next, f.c_next + 1, 0, {}};
            ++f.c_next;
            ++f.s_next;
            Seg ack{true, tcpf::kAck, f.c_next, f.s_next, 0, {}};
            f.pending = {syn, synack, ack};
            break;
        }
        case Kind::Dns: {
            ++result_.dns_exchanges;
            f.sport = 53;
            const auto id = static_cast<std::uint16_t>(rng_.below(65536));
            const std::string name = "svc" + std::to_string(rng_.below(5000)) + ".bench.example";
            f.pending.push_back(Seg{true, 0, 0, 0, 0, dns_message(rng_, id, name, v6, false)});
            f.pending.push_back(Seg{false, 0, 0, 0, 0, dns_message(rng_, id, name, v6, true)});
            break;
        }
        case Kind::Udp: {
            ++result_.udp_flows;
            f.sport = static_cast<std::uint16_t>(28000 + rng_.below(1000));
            const std::uint32_t n = rng_.range(2, 8);
            for (std::uint32_t i = 0; i < n; ++i) {
                Seg s{i % 2 == 0, 0, 0, 0, 0, {}};
                const std::uint32_t len = rng_.range(20, 1200), at = rng_.below(65536 - 1200);
                s.udp_payload.assign(payload_.begin() + at, payload_.begin() + at + len);
                f.pending.push_back(std::move(s));
            }
            break;
        }
        }
    }

    // Queues a flow's next phase: a request/response round, then the close.
    void refill(Flow& f) {
        if (f.kind != Kind::Tcp || f.closed) return;
        if (f.rounds_left-- > 0) {
            const std::uint32_t req = rng_.range(40, 600);
            f.pending.push_back(Seg{true, tcpf::kPsh | tcpf::kAck, f.c_next, f.s_next, req, {}});
            f.c_next += req;
            const std::uint32_t segs = rng_.range(1, 6);
            for (std::uint32_t i = 0; i < segs; ++i) {
                const bool last = i + 1 == segs;
                const std::uint32_t len = last ? rng_.range(1, 1448) : 1448;
                Seg data{false, static_cast<std::uint16_t>(tcpf::kAck | (last ? tcpf::kPsh : 0)), f.s_next, f.c_next, len, {}};
                f.s_next += len;
                f.pending.push_back(data);
                // Delayed ACKs: every second segment and the last.
                if (i % 2 == 1 || last) f.pending.push_back(Seg{true, tcpf::kAck, f.c_next, f.s_next, 0, {}});
                if (rng_.chance(15)) {  // 1.5 %: the segment is sent again after the ACK
                    f.pending.push_back(data);
                    ++result_.retransmissions;
                }
            }
            return;
        }
        f.closed = true;
        if (rng_.below(100) < 15) {
            ++result_.rst_closes;
            f.pending.push_back(Seg{true, tcpf::kRst | tcpf::kAck, f.c_next, f.s_next, 0, {}});
            return;
        }
        ++result_.fin_closes;
        f.pending.push_back(Seg{true, tcpf::kFin | tcpf::kAck, f.c_next, f.s_next, 0, {}});
        ++f.c_next;
        f.pending.push_back(Seg{false, tcpf::kFin | tcpf::kAck, f.s_next, f.c_next, 0, {}});
        ++f.s_next;
        f.pending.push_back(Seg{true, tcpf::kAck, f.c_next, f.s_next, 0, {}});
    }

    void emit(const Flow& f, const Seg& s) {
        ts_us_ += rng_.range(1, 40);
        const Host& c = client_host(f);
        const Host& srv = server_host(f);
        const Host& src = s.from_client ? c : srv;
        const Host& dst = s.from_client ? srv : c;
        const std::uint16_t sp = s.from_client ? f.cport : f.sport, dp = s.from_client ? f.sport : f.cport;
        std::span<const std::uint8_t> frame;
        if (f.kind == Kind::Tcp) {
            const std::uint32_t ms = static_cast<std::uint32_t>(ts_us_ / 1000);
            const std::uint32_t tsval = (s.from_client ? f.c_ts : f.s_ts) + ms;
            const std::uint32_t tsecr = (s.flags & tcpf::kSyn) && !(s.flags & tcpf::kAck) ? 0 : (s.from_client ? f.s_ts : f.c_ts) + ms;
            std::uint8_t opts[20];
            std::size_t n = 0;
            auto put32 = [&](std::uint32_t v) {
                for (int sh = 24; sh >= 0; sh -= 8) opts[n++] = static_cast<std::uint8_t>(v >> sh);
            };
            if (s.flags & tcpf::kSyn) {  // Linux's SYN options: MSS, SACK_PERM, TS, NOP, WS
                const std::uint8_t head[] = {2, 4, 0x05, 0xb4, 4, 2, 8, 10};
                for (std::uint8_t b : head) opts[n++] = b;
                put32(tsval);
                put32(tsecr);
                opts[n++] = 1;
                opts[n++] = 3;
                opts[n++] = 3;
                opts[n++] = 7;
            } else if (!(s.flags & tcpf::kRst)) {
                const std::uint8_t head[] = {1, 1, 8, 10};
                for (std::uint8_t b : head) opts[n++] = b;
                put32(tsval);
                put32(tsecr);
            }
            TcpFields t;
            t.sport = sp;
            t.dport = dp;
            t.seq = s.seq;
            t.ack = s.ack;
            t.flags = s.flags;
            t.window = (s.flags & tcpf::kSyn) ? 64240 : static_cast<std::uint16_t>(s.from_client ? 2048 : 501 + rng_.below(8));
            t.options = std::span<const std::uint8_t>(opts, n);
            const std::uint32_t at = static_cast<std::uint32_t>(s.seq % (65536 - 1448));
            frame = builder_.tcp(src, dst, t, std::span<const std::uint8_t>(payload_.data() + at, s.len));
        } else {
            frame = builder_.udp(src, dst, sp, dp, s.udp_payload);
        }
        write_record(frame);
    }

    void put_le32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) buffer_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    void write_file_header() {
        put_le32(0xa1b2c3d4);
        buffer_.insert(buffer_.end(), {2, 0, 4, 0});
        put_le32(0);
        put_le32(0);
        put_le32(262144);
        put_le32(1);  // LINKTYPE_ETHERNET
    }
    void write_record(std::span<const std::uint8_t> frame) {
        put_le32(static_cast<std::uint32_t>(ts_us_ / 1'000'000));
        put_le32(static_cast<std::uint32_t>(ts_us_ % 1'000'000));
        put_le32(static_cast<std::uint32_t>(frame.size()));
        put_le32(static_cast<std::uint32_t>(frame.size()));
        buffer_.insert(buffer_.end(), frame.begin(), frame.end());
        ++result_.packets;
        if (buffer_.size() > (4u << 20)) flush();
    }
    void flush() {
        result_.bytes += buffer_.size();
        std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
        buffer_.clear();
    }

    GeneratorOptions opt_;
    std::FILE* out_;
    Rng rng_;
    Hosts hosts_;
    Host dns_resolver4_, dns_resolver6_;
    std::vector<std::uint8_t> payload_;
    std::vector<std::uint8_t> buffer_;
    FrameBuilder builder_;
    std::uint64_t ts_us_ = 0;
    GeneratorResult result_;
};

}  // namespace

GeneratorResult generate_capture(const GeneratorOptions& opt, std::FILE* out) {
    Generator g(opt, out);
    return g.run();
}

}  // namespace seqscope::bench
