// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/sample_ladder.h"

#include "session/capture_session.h"
#include "ladder/ladder_builder.h"

namespace seqscope::test {

Ladder capture_ladder(const std::string& path, std::uint32_t tcp_stream, bool relative) {
    CaptureSession session;
    std::string error;
    if (!session.open_file(path, error)) return {};
    while (session.load_batch(1024) > 0) {}
    LadderOptions o;
    o.relative = relative;
    return tcp_ladder_for_stream(session, TcpStreamId{tcp_stream}, o);
}

}  // namespace seqscope::test
