// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the capture's Timeline off the GUI thread: collecting every conversation
// replays the whole capture, which takes long on a big file. While a file loads
// the view asks again and again; requests made while a build runs are folded
// into one follow-up build (started when the running one delivers), so at most
// one thread works and the newest packets are always picked up. A new capture
// bumps the generation: a result of an older one is dropped on delivery.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "timeline/timeline.h"
#endif

#include <QObject>

#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class TimelineJob : public QObject {
    Q_OBJECT
public:
    explicit TimelineJob(QObject* parent = nullptr);
    ~TimelineJob() override;

    // A new capture (or none): whatever runs for the old one is dropped.
    void setSession(std::shared_ptr<const CaptureSession> session);
    // Builds from the session as it is now; folded into the running build's follow-up.
    void request();
    [[nodiscard]] bool running() const { return running_; }
    // Builds whose result came back, shown or dropped as an older capture's.
    [[nodiscard]] std::uint64_t settledBuilds() const { return settled_; }
    // How long the last build took (the view spaces refreshes by it while loading).
    [[nodiscard]] std::chrono::milliseconds lastDuration() const { return last_duration_; }

Q_SIGNALS:
    // The newest build of the current capture, with the packet count it covers.
    void ready(std::shared_ptr<const seqscope::Timeline> timeline, std::size_t packets);

private:
    void start();
    void deliver(std::shared_ptr<const Timeline> timeline, std::size_t packets, std::uint64_t generation,
                 std::chrono::milliseconds took);

    std::shared_ptr<const CaptureSession> session_;
    std::jthread worker_;
    std::uint64_t generation_ = 0;
    std::uint64_t settled_ = 0;
    bool running_ = false;
    bool pending_ = false;
    std::chrono::milliseconds last_duration_{0};
};

}  // namespace seqscope::ui
