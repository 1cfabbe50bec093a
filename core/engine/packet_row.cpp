// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/packet_row.h"

#include "engine/capture_session.h"

#include <charconv>
#include <cinttypes>
#include <cstdio>

namespace seqscope {

namespace {

template <typename Id>
std::optional<Id> first_id(const FieldTree& tree, std::string_view abbrev) {
    const auto values = tree.values(abbrev);
    if (values.empty()) return std::nullopt;
    std::uint32_t v = 0;
    const auto [ptr, ec] = std::from_chars(values.front().data(), values.front().data() + values.front().size(), v);
    if (ec != std::errc{}) return std::nullopt;
    return Id{v};
}

}  // namespace

PacketRow packet_row(const CaptureSession& session, std::size_t index) {
    PacketRow row;
    // No labels: the stream ids are read from the field values, the same values
    // `-T fields -e tcp.stream` prints, so the GUI and the CLI cannot disagree.
    FieldTree tree(false);
    const PacketView view = session.dissect(index, &tree, &row.columns);
    const PacketRecord& r = session.store().record(index);
    const int decimals = session.store().interface(r.interface).ts_digits;
    row.time = format_time_column(r.ts_ns - session.store().first_ts_ns(), decimals);
    row.length = r.wire_len;
    row.ts_ns = r.ts_ns;
    row.status = view.status;
    row.tcp_stream = first_id<TcpStreamId>(tree, "tcp.stream");
    row.udp_stream = first_id<UdpStreamId>(tree, "udp.stream");
    return row;
}

std::string format_time_column(std::int64_t rel_ns, int decimals) {
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    const bool neg = rel_ns < 0;
    const std::uint64_t a = neg ? static_cast<std::uint64_t>(-(rel_ns + 1)) + 1 : static_cast<std::uint64_t>(rel_ns);
    std::uint64_t div = 1;
    for (int i = decimals; i < 9; ++i) div *= 10;
    std::uint64_t frac = (a % 1'000'000'000u + div / 2) / div;
    std::uint64_t secs = a / 1'000'000'000u;
    std::uint64_t limit = 1;
    for (int i = 0; i < decimals; ++i) limit *= 10;
    if (frac >= limit) {
        frac -= limit;
        ++secs;
    }
    char buf[48];
    if (decimals == 0)
        std::snprintf(buf, sizeof buf, "%s%" PRIu64, neg ? "-" : "", secs);
    else
        std::snprintf(buf, sizeof buf, "%s%" PRIu64 ".%0*" PRIu64, neg ? "-" : "", secs, decimals, frac);
    return buf;
}

}  // namespace seqscope
