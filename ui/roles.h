// SPDX-License-Identifier: GPL-3.0-or-later
// Every custom item-data role of seqscope's models, in one place, so a view that
// links to another (packet list -> ladder, timeline -> packet list) asks for the
// same thing by the same number. Values are plain (qint64, int); "none" is an
// invalid QVariant.
#pragma once

#include <Qt>

namespace seqscope::ui {

enum Role : int {
    // Packet list (PacketListModel), any column of a row.
    PacketIndexRole = Qt::UserRole + 1,  // qint64: 0-based index in the capture
    FrameNumberRole,                     // qint64: 1-based frame.number
    TimestampNsRole,                     // qint64: absolute time, ns since the epoch
    TcpStreamRole,                       // qint64 tcp.stream, or invalid
    UdpStreamRole,                       // qint64 udp.stream, or invalid
    PacketStatusRole,                    // int: seqscope::PacketStatus

    // Details pane (field tree of one packet).
    FieldAbbrevRole,                     // QString: "tcp.seq", empty for a text line
    ByteOffsetRole,                      // int: first byte of the field in the frame
    ByteLengthRole,                      // int: byte count, 0 = no bytes
};

}  // namespace seqscope::ui
