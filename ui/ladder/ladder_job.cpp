// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ladder/ladder_job.h"

#include "session/capture_session.h"
#include "ladder/ladder_builder.h"

namespace seqscope::ui {

LadderJob::LadderJob(QObject* parent) : QObject(parent) {}

void LadderJob::cancel() { run_.cancel(); }

void LadderJob::start(std::shared_ptr<const CaptureSession> session, StreamRef stream, LadderOptions options) {
    run_.start(
        [session = std::move(session), stream, options] {
            auto ladder = std::make_shared<Ladder>();
            if (session && stream.kind == StreamRef::Kind::Tcp)
                *ladder = tcp_ladder_for_stream(*session, TcpStreamId{stream.id}, options);
            else if (session && stream.kind == StreamRef::Kind::Udp)
                *ladder = udp_ladder_for_stream(*session, UdpStreamId{stream.id}, options);
            return std::shared_ptr<const Ladder>(std::move(ladder));
        },
        [this, stream](std::shared_ptr<const Ladder> ladder) { Q_EMIT ready(std::move(ladder), stream); });
}

}  // namespace seqscope::ui
