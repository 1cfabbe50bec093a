// SPDX-License-Identifier: GPL-3.0-or-later
// One TCP connection as a timeline row: handshake, data, half-close, teardown,
// TIME_WAIT spans; SYN, retry, FIN, RST and CLOSED markers; the label and the
// one-line reason. Everything comes from the conversation's summary and states;
// the events are only read to find which ACK covers each FIN.
#pragma once

#include "analysis/conversation_summary.h"
#include "timeline/timeline_row.h"

namespace seqscope {

TimelineRow build_tcp_row(const TcpConversationEvents& conv, const TcpConversationSummary& summary,
                          std::int64_t origin_ns);

}  // namespace seqscope
