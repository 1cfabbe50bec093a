// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/graphs/graph_job.h"

#include "analysis/collect.h"
#include "engine/capture_session.h"

#include <QMetaObject>
#include <QPointer>

namespace seqscope::ui {

GraphJob::GraphJob(QObject* parent) : QObject(parent) {}

GraphJob::~GraphJob() {
    ++generation_;
    runs_.clear();  // joins: a collect cannot be interrupted, and it posts to this
}

void GraphJob::cancel() {
    ++generation_;
    running_ = false;
}

void GraphJob::start(std::shared_ptr<const CaptureSession> session, std::uint32_t tcp_stream) {
    const std::uint64_t generation = ++generation_;
    running_ = true;
    std::erase_if(runs_, [](const Run& r) { return r.finished->load(); });
    auto finished = std::make_shared<std::atomic<bool>>(false);
    const QPointer<GraphJob> alive(this);  // copied around, dereferenced on the GUI thread only
    GraphJob* self = this;                 // valid until the destructor joins this thread
    runs_.push_back({std::jthread([=, session = std::move(session)] {
                         auto events = std::make_shared<const TcpConversationEvents>(
                             collect_tcp_stream(*session, TcpStreamId{tcp_stream}));
                         QMetaObject::invokeMethod(
                             self,
                             [=] {
                                 if (!alive || generation != alive->generation_) return;
                                 alive->running_ = false;
                                 Q_EMIT alive->ready(events, tcp_stream);
                             },
                             Qt::QueuedConnection);
                         finished->store(true);
                     }),
                     finished});
}

}  // namespace seqscope::ui
