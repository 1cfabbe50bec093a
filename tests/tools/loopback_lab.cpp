// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/loopback_lab.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace seqscope::lab {
namespace {

// A socket that closes itself; release() hands the descriptor over.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    Fd& operator=(Fd&& o) noexcept {
        reset();
        fd_ = o.fd_;
        o.fd_ = -1;
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    [[nodiscard]] int get() const { return fd_; }
    [[nodiscard]] bool valid() const { return fd_ >= 0; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
};

struct Lab {
    const LabOptions& opt;
    std::string& error;

    bool fail(const std::string& what) {
        error = what + ": " + std::strerror(errno);
        return false;
    }
    void pause() const { std::this_thread::sleep_for(std::chrono::milliseconds(opt.step_delay_ms)); }

    sockaddr_in addr(std::uint16_t port) const {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        ::inet_pton(AF_INET, opt.host.c_str(), &a.sin_addr);
        return a;
    }
    // A socket with SO_REUSEADDR (so reruns and the port-reuse scenario can bind
    // while an old connection sits in TIME_WAIT) and a receive timeout (a test
    // never hangs on a lost packet).
    Fd make_socket(int type, std::uint16_t bind_port) {
        Fd s(::socket(AF_INET, type, 0));
        if (!s.valid()) {
            fail("socket()");
            return s;
        }
        const int one = 1;
        ::setsockopt(s.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        timeval tv{2, 0};
        ::setsockopt(s.get(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        if (bind_port != 0) {
            const sockaddr_in a = addr(bind_port);
            if (::bind(s.get(), reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0) {
                fail("bind() to " + opt.host + ":" + std::to_string(bind_port));
                s.reset();
            }
        }
        return s;
    }
    bool send_text(const Fd& s, std::string_view text) {
        if (::send(s.get(), text.data(), text.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(text.size()))
            return fail("send(\"" + std::string(text) + "\")");
        return true;
    }
    // Reads exactly text.size() bytes and checks they are `text`.
    bool expect_text(const Fd& s, std::string_view text) {
        std::string got(text.size(), '\0');
        std::size_t have = 0;
        while (have < got.size()) {
            const ssize_t n = ::recv(s.get(), got.data() + have, got.size() - have, 0);
            if (n == 0) {
                error = "the peer closed before \"" + std::string(text) + "\"";
                return false;
            }
            if (n < 0) return fail("recv() waiting for \"" + std::string(text) + "\"");
            have += static_cast<std::size_t>(n);
        }
        if (got != text) {
            error = "expected \"" + std::string(text) + "\", received \"" + got + "\"";
            return false;
        }
        return true;
    }
    bool expect_eof(const Fd& s) {
        char c = 0;
        const ssize_t n = ::recv(s.get(), &c, 1, 0);
        if (n == 0) return true;
        if (n < 0) return fail("recv() waiting for the peer's FIN");
        error = "expected the peer's FIN, received data";
        return false;
    }

    Fd listener() {
        Fd l = make_socket(SOCK_STREAM, opt.server_port);
        if (l.valid() && ::listen(l.get(), 4) != 0) {
            fail("listen()");
            l.reset();
        }
        return l;
    }
    // Connects client → server and accepts; both valid or false.
    bool connect_pair(const Fd& listen_fd, Fd& client, Fd& server) {
        client = make_socket(SOCK_STREAM, opt.client_port);
        if (!client.valid()) return false;
        const sockaddr_in to = addr(opt.server_port);
        if (::connect(client.get(), reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0)
            return fail("connect() to " + opt.host + ":" + std::to_string(opt.server_port));
        server = Fd(::accept(listen_fd.get(), nullptr, nullptr));
        if (!server.valid()) return fail("accept()");
        pause();
        return true;
    }
    bool rounds(const Fd& client, const Fd& server, int n) {
        for (int i = 0; i < n; ++i) {
            if (!send_text(client, "from B") || !expect_text(server, "from B")) return false;
            pause();
            if (!send_text(server, "thanks") || !expect_text(client, "thanks")) return false;
            pause();
        }
        return true;
    }

    bool tcp_fin(bool server_closes_first = false) {
        Fd l = listener();
        Fd client, server;
        if (!l.valid() || !connect_pair(l, client, server)) return false;
        if (!rounds(client, server, opt.rounds)) return false;
        if (!send_text(server, "got something") || !expect_text(client, "got something")) return false;
        pause();
        Fd& first = server_closes_first ? server : client;
        Fd& second = server_closes_first ? client : server;
        first.reset();  // FIN
        if (!expect_eof(second)) return false;
        pause();
        second.reset();  // FIN back, then the final ACK
        pause();
        return true;
    }

    bool tcp_rst() {
        Fd l = listener();
        Fd client, server;
        if (!l.valid() || !connect_pair(l, client, server)) return false;
        if (!rounds(client, server, 1)) return false;
        // Linger on with a zero timeout: close() aborts the connection with a RST.
        const linger abort_close{1, 0};
        ::setsockopt(client.get(), SOL_SOCKET, SO_LINGER, &abort_close, sizeof abort_close);
        client.reset();
        pause();
        char c = 0;
        if (::recv(server.get(), &c, 1, 0) >= 0 || errno != ECONNRESET) {
            error = "the server did not see the RST (expected ECONNRESET)";
            return false;
        }
        return true;
    }

    bool half_close() {
        Fd l = listener();
        Fd client, server;
        if (!l.valid() || !connect_pair(l, client, server)) return false;
        if (!send_text(client, "from B") || !expect_text(server, "from B")) return false;
        pause();
        if (::shutdown(client.get(), SHUT_WR) != 0) return fail("shutdown(SHUT_WR)");
        if (!expect_eof(server)) return false;
        pause();
        // The client's half is closed; the server's is not, and it keeps talking.
        for (int i = 0; i < opt.rounds; ++i) {
            if (!send_text(server, "thanks") || !expect_text(client, "thanks")) return false;
            pause();
        }
        server.reset();
        if (!expect_eof(client)) return false;
        client.reset();
        pause();
        return true;
    }

    bool refused() {
        Fd client = make_socket(SOCK_STREAM, opt.client_port);
        if (!client.valid()) return false;
        const sockaddr_in to = addr(opt.server_port);
        if (::connect(client.get(), reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0) {
            error = "connect() to " + opt.host + ":" + std::to_string(opt.server_port) +
                    " succeeded, but nothing should listen there";
            return false;
        }
        if (errno != ECONNREFUSED) return fail("connect() to a closed port");
        pause();
        return true;
    }

    bool port_reuse() {
        // The server closes first, so its side holds TIME_WAIT and the client's port
        // is free again at once; the second SYN reuses the same four-tuple.
        if (!tcp_fin(true)) return false;
        return tcp_fin(true);
    }

    bool udp(bool peer_listens) {
        Fd client = make_socket(SOCK_DGRAM, opt.client_port);
        if (!client.valid()) return false;
        Fd server;
        if (peer_listens) {
            server = make_socket(SOCK_DGRAM, opt.server_port);
            if (!server.valid()) return false;
        }
        const sockaddr_in to = addr(opt.server_port);
        if (::connect(client.get(), reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0)
            return fail("connect() on the UDP client");
        if (!peer_listens) {
            if (!send_text(client, "from B")) return false;
            pause();
            // The kernel reports the ICMP port unreachable on the next call.
            char c = 0;
            if (::recv(client.get(), &c, 1, 0) >= 0 || errno != ECONNREFUSED) {
                error = "no ICMP port unreachable came back (expected ECONNREFUSED)";
                return false;
            }
            return true;
        }
        for (int i = 0; i < opt.rounds; ++i) {
            if (!send_text(client, "from B")) return false;
            char buf[64];
            sockaddr_in from{};
            socklen_t from_len = sizeof from;
            const ssize_t n = ::recvfrom(server.get(), buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &from_len);
            if (n != 6 || std::string_view(buf, 6) != "from B") return fail("recvfrom() on the UDP server");
            pause();
            if (::sendto(server.get(), "thanks", 6, 0, reinterpret_cast<const sockaddr*>(&from), from_len) != 6)
                return fail("sendto() on the UDP server");
            if (!expect_text(client, "thanks")) return false;
            pause();
        }
        return true;
    }
};

}  // namespace

std::optional<std::vector<Scenario>> parse_scenarios(std::string_view name) {
    using S = Scenario;
    if (name == "classic") return std::vector{S::TcpFin, S::Udp};
    if (name == "all") return std::vector{S::TcpFin, S::Udp, S::TcpRst, S::HalfClose, S::Refused, S::PortReuse, S::UdpClosed};
    for (S s : {S::TcpFin, S::Udp, S::TcpRst, S::HalfClose, S::Refused, S::PortReuse, S::UdpClosed})
        if (scenario_name(s) == name) return std::vector{s};
    return std::nullopt;
}

std::string_view scenario_name(Scenario s) {
    switch (s) {
    case Scenario::TcpFin: return "tcp-fin";
    case Scenario::Udp: return "udp";
    case Scenario::TcpRst: return "rst";
    case Scenario::HalfClose: return "half-close";
    case Scenario::Refused: return "refused";
    case Scenario::PortReuse: return "port-reuse";
    case Scenario::UdpClosed: return "udp-closed";
    }
    return "?";
}

bool run_scenario(Scenario s, const LabOptions& opt, std::string& error) {
    Lab lab{opt, error};
    switch (s) {
    case Scenario::TcpFin: return lab.tcp_fin();
    case Scenario::Udp: return lab.udp(true);
    case Scenario::TcpRst: return lab.tcp_rst();
    case Scenario::HalfClose: return lab.half_close();
    case Scenario::Refused: return lab.refused();
    case Scenario::PortReuse: return lab.port_reuse();
    case Scenario::UdpClosed: return lab.udp(false);
    }
    return false;
}

std::string capture_filter(const LabOptions& opt) {
    const std::string a = std::to_string(opt.server_port), b = std::to_string(opt.client_port);
    // An ICMP error carries no ports of its own: match the ports of the UDP/TCP
    // header it quotes (after the 8-byte ICMP header and a 20-byte IPv4 header,
    // as the kernel sends on lo), so errors caused by other tests running in
    // parallel on lo stay out of this capture.
    std::string quoted;
    for (const std::string& port : {a, b})
        for (const char* at : {"icmp[28:2]", "icmp[30:2]"}) quoted += (quoted.empty() ? "" : " or ") + std::string(at) + " == " + port;
    return "((tcp or udp) and (port " + a + " or port " + b + ")) or (icmp and icmp[icmptype] == icmp-unreach and (" +
           quoted + "))";
}

LabOptions test_options() {
    LabOptions opt;
    opt.server_port = free_port();
    opt.client_port = free_port();
    opt.rounds = 3;
    opt.step_delay_ms = 5;
    return opt;
}

std::uint16_t free_port(const std::string& host) {
    for (int attempt = 0; attempt < 20; ++attempt) {
        int tcp = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        ::inet_pton(AF_INET, host.c_str(), &a.sin_addr);
        socklen_t len = sizeof a;
        std::uint16_t port = 0;
        if (::bind(tcp, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0 &&
            ::getsockname(tcp, reinterpret_cast<sockaddr*>(&a), &len) == 0)
            port = ntohs(a.sin_port);
        ::close(tcp);
        if (port == 0) continue;
        // The same number must be free for UDP too.
        int udp = ::socket(AF_INET, SOCK_DGRAM, 0);
        const bool udp_free = ::bind(udp, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0;
        ::close(udp);
        if (udp_free) return port;
    }
    return 0;
}

}  // namespace seqscope::lab
