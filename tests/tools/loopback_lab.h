// SPDX-License-Identifier: GPL-3.0-or-later
// The classic TCP/UDP teaching demo played with real sockets on the loopback
// interface, plus the variations tests need (RST close, half-close, refused
// connection, port reuse, UDP to a closed port). Used by seqscope-demo-lab (which
// captures it into resources/samples/demo-lo.pcapng) and by the live capture test.
// Both ends run in one process, one step at a time, so the packet sequence is the
// same on every run (apart from timing-driven ACKs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace seqscope::lab {

enum class Scenario {
    TcpFin,     // handshake, "from B"/"thanks" × rounds, "got something", client closes first
    Udp,        // "from B" → "thanks" × rounds over UDP
    TcpRst,     // one round, then the client aborts (SO_LINGER 0): RST instead of FIN
    HalfClose,  // the client sends and shuts down its side; the server keeps sending
    Refused,    // connect to a port nobody listens on: SYN answered by RST/ACK
    PortReuse,  // two connections with the same client port (SO_REUSEADDR)
    UdpClosed,  // UDP to a port nobody listens on: ICMP port unreachable
};

struct LabOptions {
    std::string host = "127.0.0.1";
    std::uint16_t server_port = 7777;
    std::uint16_t client_port = 5555;
    int rounds = 3;
    int step_delay_ms = 20;  // pause between steps, so the ladder reads in order
};

// "classic" is TcpFin then Udp; "all" is every scenario.
std::optional<std::vector<Scenario>> parse_scenarios(std::string_view name);
std::string_view scenario_name(Scenario s);
// Runs one scenario; false with a sentence in `error` if a socket call failed.
bool run_scenario(Scenario s, const LabOptions& opt, std::string& error);
// A BPF filter that keeps the lab's packets (and the ICMP errors they cause).
std::string capture_filter(const LabOptions& opt);
// A port nothing is bound to (TCP and UDP) right now, for tests that run in parallel.
std::uint16_t free_port(const std::string& host = "127.0.0.1");
// The lab on two free ports, three rounds, quick steps: what the capture tests play.
LabOptions test_options();

}  // namespace seqscope::lab
