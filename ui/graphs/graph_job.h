// SPDX-License-Identifier: GPL-3.0-or-later
// Collects one TCP stream's segment events off the GUI thread: collecting replays
// the whole capture (pass two without field trees), which takes long on a big
// file, while turning the events into any of the graphs is quick. The view keeps
// the events and builds graphs from them on the GUI thread. Requests are
// generation-counted; a result that is not the newest request's is dropped.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "analysis/tcp_events.h"
#endif

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

class GraphJob : public QObject {
    Q_OBJECT
public:
    explicit GraphJob(QObject* parent = nullptr);
    ~GraphJob() override;

    void start(std::shared_ptr<const CaptureSession> session, std::uint32_t tcp_stream);
    void cancel();
    [[nodiscard]] bool running() const { return running_; }

Q_SIGNALS:
    void ready(std::shared_ptr<const seqscope::TcpConversationEvents> events, std::uint32_t tcp_stream);

private:
    struct Run {
        std::jthread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    std::vector<Run> runs_;  // joined on destruction: each posts to `this`
    std::uint64_t generation_ = 0;
    bool running_ = false;
};

}  // namespace seqscope::ui
