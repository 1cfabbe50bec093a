// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/graphs/graph_job.h"

#include "analysis/collect.h"
#include "session/capture_session.h"

namespace seqscope::ui {

GraphJob::GraphJob(QObject* parent) : QObject(parent) {}

void GraphJob::cancel() { run_.cancel(); }

void GraphJob::start(std::shared_ptr<const CaptureSession> session, std::uint32_t tcp_stream) {
    run_.start(
        [session = std::move(session), tcp_stream] {
            return std::make_shared<const TcpConversationEvents>(collect_tcp_stream(*session, TcpStreamId{tcp_stream}));
        },
        [this, tcp_stream](std::shared_ptr<const TcpConversationEvents> events) {
            Q_EMIT ready(std::move(events), tcp_stream);
        });
}

}  // namespace seqscope::ui
