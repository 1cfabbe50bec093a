// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ladder/ladder_job.h"

#include "engine/capture_session.h"
#include "ladder/ladder_builder.h"

#include <QMetaObject>
#include <QPointer>

namespace seqscope::ui {

LadderJob::LadderJob(QObject* parent) : QObject(parent) {}

// Joins every build still running: each holds `this` to post its result. Qt
// discards a result posted to an object being destroyed.
LadderJob::~LadderJob() {
    ++generation_;
    workers_.clear();
}

void LadderJob::cancel() {
    ++generation_;
    running_ = false;
}

void LadderJob::start(std::shared_ptr<const CaptureSession> session, StreamRef stream, LadderOptions options) {
    const std::uint64_t generation = ++generation_;
    running_ = true;
    // A previous build cannot be interrupted mid-scan: it finishes on its own
    // thread and its result is dropped. Joining it here would block the GUI.
    std::erase_if(workers_, [](const Worker& w) { return w.done->load(); });
    auto done = std::make_shared<std::atomic<bool>>(false);
    const QPointer<LadderJob> guard(this);  // made and read on the GUI thread only
    LadderJob* job = this;                  // alive until the thread is joined
    std::jthread thread([job, guard, done, session = std::move(session), stream, options, generation] {
        auto ladder = std::make_shared<Ladder>();
        if (session && stream.kind == StreamRef::Kind::Tcp)
            *ladder = tcp_ladder_for_stream(*session, TcpStreamId{stream.id}, options);
        else if (session && stream.kind == StreamRef::Kind::Udp)
            *ladder = udp_ladder_for_stream(*session, UdpStreamId{stream.id}, options);
        QMetaObject::invokeMethod(
            job,
            [guard, ladder = std::shared_ptr<const Ladder>(std::move(ladder)), stream, generation] {
                if (guard) guard->deliver(ladder, stream, generation);
            },
            Qt::QueuedConnection);
        done->store(true);
    });
    workers_.push_back({std::move(thread), std::move(done)});
}

void LadderJob::deliver(std::shared_ptr<const Ladder> ladder, StreamRef stream, std::uint64_t generation) {
    if (generation != generation_) return;
    running_ = false;
    Q_EMIT ready(std::move(ladder), stream);
}

}  // namespace seqscope::ui
