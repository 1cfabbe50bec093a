// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/udp_exchanges.h"

#include <algorithm>

namespace seqscope {

UdpExchangeReport pair_udp_exchanges(const UdpStreamEvents& stream) {
    UdpExchangeReport r;
    r.stream = stream.stream;
    r.a = stream.a;
    r.b = stream.b;
    // Index into r.exchanges of the latest unanswered request from each direction.
    std::optional<std::size_t> pending[2];
    for (const UdpDatagramEvent& d : stream.datagrams) {
        if (d.dns_id) {
            if (!d.dns_response) {
                r.exchanges.push_back({d.frame, d.dir, std::nullopt, -1, std::nullopt, {}, true});
                continue;
            }
            // A DNS response answers the latest unanswered query with its id from the other side.
            for (auto it = r.exchanges.rbegin(); it != r.exchanges.rend(); ++it) {
                if (it->response || !it->paired_by_dns_id || it->request_dir == d.dir) continue;
                const auto& req = *std::find_if(stream.datagrams.begin(), stream.datagrams.end(),
                                                [&](const UdpDatagramEvent& q) { return q.frame == it->request; });
                if (req.dns_id != d.dns_id) continue;
                it->response = d.frame;
                it->response_time_ns = d.ts_ns - req.ts_ns;
                break;
            }
            continue;
        }
        const std::uint8_t other = static_cast<std::uint8_t>(1 - d.dir);
        if (pending[other]) {
            UdpExchange& ex = r.exchanges[*pending[other]];
            ex.response = d.frame;
            const auto& req = *std::find_if(stream.datagrams.begin(), stream.datagrams.end(),
                                            [&](const UdpDatagramEvent& q) { return q.frame == ex.request; });
            ex.response_time_ns = d.ts_ns - req.ts_ns;
            pending[other].reset();
            continue;
        }
        r.exchanges.push_back({d.frame, d.dir, std::nullopt, -1, std::nullopt, {}, false});
        pending[d.dir] = r.exchanges.size() - 1;
    }
    // ICMP errors quote a datagram: attach each to the latest request from that
    // direction sent before the error.
    for (const IcmpErrorEvent& err : stream.icmp_errors) {
        UdpExchange* best = nullptr;
        for (auto& ex : r.exchanges)
            if (ex.request_dir == err.quoted_dir && ex.request < err.frame) best = &ex;
        if (best != nullptr) {
            best->icmp_error = err.frame;
            best->icmp_text = err.text;
        }
    }
    for (const auto& ex : r.exchanges)
        if (!ex.response) ++r.unanswered;
    return r;
}

}  // namespace seqscope
