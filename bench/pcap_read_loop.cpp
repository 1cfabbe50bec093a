// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-bench-pcap-loop: the floor for any reader, a bare libpcap loop
// (pcap_open_offline + pcap_next_ex) that touches every captured byte once.
#include <pcap/pcap.h>

#include <cstdint>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "Usage: seqscope-bench-pcap-loop FILE\n");
        return 2;
    }
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = pcap_open_offline(argv[1], errbuf);
    if (p == nullptr) {
        std::fprintf(stderr, "seqscope-bench-pcap-loop: %s\n", errbuf);
        return 1;
    }
    pcap_pkthdr* h = nullptr;
    const u_char* data = nullptr;
    std::uint64_t packets = 0, bytes = 0, sum = 0;
    int rc = 0;
    while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
        ++packets;
        bytes += h->caplen;
        for (std::uint32_t i = 0; i < h->caplen; i += 64) sum += data[i];  // one touch per cache line
    }
    if (rc == PCAP_ERROR) std::fprintf(stderr, "seqscope-bench-pcap-loop: %s\n", pcap_geterr(p));
    pcap_close(p);
    std::printf("%llu packets, %llu bytes (checksum %llu)\n", static_cast<unsigned long long>(packets),
                static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(sum));
    return rc == PCAP_ERROR ? 1 : 0;
}
