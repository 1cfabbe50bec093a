// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/packet_row.h"

#include "session/capture_session.h"
#include "format/tshark_output.h"

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


}  // namespace seqscope
