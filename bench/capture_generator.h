// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a large, realistic, deterministic pcap for benchmarks: thousands of
// concurrent TCP flows (handshake with MSS/SACK_PERM/TS/WS options, requests,
// multi-segment responses, delayed ACKs, some retransmissions, FIN or RST close),
// DNS queries and answers over UDP, other UDP exchanges, about a tenth over IPv6.
// The same seed and count give the same bytes on every machine.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace seqscope::bench {

struct GeneratorOptions {
    std::uint64_t packets = 2'000'000;
    std::uint64_t seed = 1;
    int concurrent_flows = 4000;
};

struct GeneratorResult {
    std::uint64_t packets = 0, bytes = 0;
    std::uint64_t tcp_flows = 0, dns_exchanges = 0, udp_flows = 0, ipv6_flows = 0;
    std::uint64_t retransmissions = 0, fin_closes = 0, rst_closes = 0;
};

// Writes a microsecond pcap (LINKTYPE_ETHERNET) to `out`.
GeneratorResult generate_capture(const GeneratorOptions& opt, std::FILE* out);

}  // namespace seqscope::bench
