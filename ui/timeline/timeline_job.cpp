// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timeline_job.h"

#include "analysis/collect.h"
#include "session/capture_session.h"

#include <QMetaObject>
#include <QPointer>

namespace seqscope::ui {

TimelineJob::TimelineJob(QObject* parent) : QObject(parent) {}

// The worker holds `this` to post its result: join it first. Qt discards a
// result posted to an object being destroyed.
TimelineJob::~TimelineJob() {
    ++generation_;
    if (worker_.joinable()) worker_.join();
}

void TimelineJob::setSession(std::shared_ptr<const CaptureSession> session) {
    session_ = std::move(session);
    ++generation_;
    pending_ = false;
    // A build of the old capture may still run; it keeps its own session alive and
    // its result is dropped. The next request waits for it (running_ stays true).
}

void TimelineJob::request() {
    if (!session_) return;
    if (running_) {
        pending_ = true;
        return;
    }
    start();
}

void TimelineJob::start() {
    running_ = true;
    pending_ = false;
    if (worker_.joinable()) worker_.join();  // finished: it delivered before we got here
    const QPointer<TimelineJob> guard(this);  // made and read on the GUI thread only
    TimelineJob* job = this;                  // alive until the thread is joined
    worker_ = std::jthread([job, guard, session = session_, generation = generation_] {
        const auto t0 = std::chrono::steady_clock::now();
        // The packet count first: everything collected covers at least these packets.
        const std::size_t packets = session->packet_count();
        TimelineOptions options;
        if (packets > 0) options.origin_ns = session->store().first_ts_ns();
        auto timeline = std::make_shared<const Timeline>(build_timeline(collect_conversations(*session), options));
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
        QMetaObject::invokeMethod(
            job,
            [guard, timeline = std::move(timeline), packets, generation, took] {
                if (guard) guard->deliver(timeline, packets, generation, took);
            },
            Qt::QueuedConnection);
    });
}

void TimelineJob::deliver(std::shared_ptr<const Timeline> timeline, std::size_t packets, std::uint64_t generation,
                          std::chrono::milliseconds took) {
    running_ = false;
    ++settled_;
    last_duration_ = took;
    // Packets that arrived meanwhile: build again, and show this one until then.
    if (pending_) start();
    if (generation != generation_) return;  // an older capture's
    Q_EMIT ready(std::move(timeline), packets);
}

}  // namespace seqscope::ui
