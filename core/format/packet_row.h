// SPDX-License-Identifier: GPL-3.0-or-later
// One row of the packet list as the GUI shows it: the column texts (pass two, with
// columns) plus the ids later views link by (tcp.stream / udp.stream). Built on
// demand for visible rows only; nothing here is stored per packet.
#pragma once

#include "decode/dissector.h"
#include "util/strong_id.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace seqscope {

class CaptureSession;

struct PacketRow {
    std::string time;  // seconds since the first packet, at the interface's precision
    Columns columns;   // Source, Destination, Protocol, Info
    std::uint32_t length = 0;  // frame.len
    std::int64_t ts_ns = 0;    // absolute time
    std::optional<TcpStreamId> tcp_stream;
    std::optional<UdpStreamId> udp_stream;
    PacketStatus status = PacketStatus::Ok;
};

// Pass two for one published packet (index < session.packet_count()).
PacketRow packet_row(const CaptureSession& session, std::size_t index);

}  // namespace seqscope
