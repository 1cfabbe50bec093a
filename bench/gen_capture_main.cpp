// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-bench-gen: writes the benchmark capture (see capture_generator.h).
#include "capture_generator.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    seqscope::bench::GeneratorOptions opt;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "-n" && has_value) opt.packets = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--seed" && has_value) opt.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--flows" && has_value) opt.concurrent_flows = std::atoi(argv[++i]);
        else if (a == "-o" && has_value) out = argv[++i];
        else {
            std::fprintf(stderr,
                         "Usage: seqscope-bench-gen -o FILE.pcap [-n PACKETS (2000000)] [--seed N (1)] "
                         "[--flows CONCURRENT (4000)]\n");
            return 2;
        }
    }
    if (out.empty() || opt.packets == 0 || opt.concurrent_flows <= 0) {
        std::fprintf(stderr, "seqscope-bench-gen: give -o FILE.pcap, and positive -n and --flows\n");
        return 2;
    }
    std::FILE* f = std::fopen(out.c_str(), "wb");
    if (f == nullptr) {
        std::fprintf(stderr, "seqscope-bench-gen: can't create %s: %s\n", out.c_str(), std::strerror(errno));
        return 1;
    }
    const auto r = seqscope::bench::generate_capture(opt, f);
    if (std::fclose(f) != 0) {
        std::fprintf(stderr, "seqscope-bench-gen: writing %s failed\n", out.c_str());
        return 1;
    }
    std::printf("%s: %llu packets, %llu bytes; %llu TCP flows (%llu FIN, %llu RST closes, %llu retransmissions), "
                "%llu DNS exchanges, %llu other UDP flows, %llu flows over IPv6\n",
                out.c_str(), static_cast<unsigned long long>(r.packets), static_cast<unsigned long long>(r.bytes),
                static_cast<unsigned long long>(r.tcp_flows), static_cast<unsigned long long>(r.fin_closes),
                static_cast<unsigned long long>(r.rst_closes), static_cast<unsigned long long>(r.retransmissions),
                static_cast<unsigned long long>(r.dns_exchanges), static_cast<unsigned long long>(r.udp_flows),
                static_cast<unsigned long long>(r.ipv6_flows));
    return 0;
}
