// SPDX-License-Identifier: GPL-3.0-or-later
// A view's background work on plain std::jthreads, one per request, handing back
// only the newest request's result, on the owner's (GUI) thread. A run cannot be
// interrupted mid-scan: a superseded one finishes on its own thread and its result
// is dropped, because joining it at once would block the GUI. Finished threads are
// reaped at the next request; the destructor joins the rest (each posts to the
// owner, and Qt discards what is posted to an object being destroyed).
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

namespace seqscope::ui {

class LatestRun {
public:
    // `owner` holds this as a member; results are posted to it.
    explicit LatestRun(QObject* owner) : owner_(owner) {}
    ~LatestRun() {
        cancel();
        runs_.clear();  // joins
    }
    LatestRun(const LatestRun&) = delete;
    LatestRun& operator=(const LatestRun&) = delete;

    // Runs `work()` on a new thread, then `deliver(result)` on the owner's thread
    // unless start() or cancel() was called again in between.
    template <typename Work, typename Deliver>
    void start(Work work, Deliver deliver) {
        const std::uint64_t generation = ++generation_;
        running_ = true;
        std::erase_if(runs_, [](const Run& r) { return r.finished->load(); });
        auto finished = std::make_shared<std::atomic<bool>>(false);
        QObject* owner = owner_;
        const QPointer<QObject> alive(owner_);  // read on the owner's thread only
        LatestRun* self = this;                 // a member of the owner: valid while `alive`
        runs_.push_back({std::jthread([=, work = std::move(work), deliver = std::move(deliver)]() mutable {
                             auto result = work();
                             QMetaObject::invokeMethod(
                                 owner,
                                 [=, result = std::move(result)]() mutable {
                                     if (!alive) return;
                                     ++self->settled_;
                                     if (generation != self->generation_) return;
                                     self->running_ = false;
                                     deliver(std::move(result));
                                 },
                                 Qt::QueuedConnection);
                             finished->store(true);
                         }),
                         finished});
    }
    // Drops whatever runs.
    void cancel() {
        ++generation_;
        running_ = false;
    }
    [[nodiscard]] bool running() const { return running_; }
    [[nodiscard]] std::uint64_t generation() const { return generation_; }
    // Runs whose result reached the owner's thread, delivered or dropped: tests wait
    // for it to know a superseded run is over (instead of sleeping).
    [[nodiscard]] std::uint64_t settled() const { return settled_; }

private:
    struct Run {
        std::jthread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    QObject* owner_;
    std::vector<Run> runs_;
    std::uint64_t generation_ = 0;
    std::uint64_t settled_ = 0;
    bool running_ = false;
};

}  // namespace seqscope::ui
