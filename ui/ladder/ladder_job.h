// SPDX-License-Identifier: GPL-3.0-or-later
// Builds a stream's Ladder off the GUI thread: building replays the capture
// (collect, summarise, explain), which takes long on a big file. Each request
// starts a new generation on a plain std::jthread; the result comes back queued
// to this object (guarded by a QPointer) and is dropped unless it is still the
// newest generation, so switching streams quickly never shows a stale ladder.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "ladder/ladder.h"
#endif
#include "ui/selection_hub.h"

#include <QObject>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class LadderJob : public QObject {
    Q_OBJECT
public:
    explicit LadderJob(QObject* parent = nullptr);
    ~LadderJob() override;

    // Starts building; a build still running is abandoned (its result dropped).
    void start(std::shared_ptr<const CaptureSession> session, StreamRef stream, LadderOptions options);
    // Drops whatever is running.
    void cancel();
    [[nodiscard]] std::uint64_t generation() const { return generation_; }
    [[nodiscard]] bool running() const { return running_; }

Q_SIGNALS:
    // The newest request's ladder (never a stale one).
    void ready(std::shared_ptr<const seqscope::Ladder> ladder, seqscope::ui::StreamRef stream);

private:
    void deliver(std::shared_ptr<const Ladder> ladder, StreamRef stream, std::uint64_t generation);

    struct Worker {
        std::jthread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::vector<Worker> workers_;  // abandoned builds finish on their own; joined here
    std::uint64_t generation_ = 0;
    bool running_ = false;
};

}  // namespace seqscope::ui
