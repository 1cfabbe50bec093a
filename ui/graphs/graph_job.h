// SPDX-License-Identifier: GPL-3.0-or-later
// Collects one TCP stream's segment events off the GUI thread: collecting replays
// the whole capture (pass two without field trees), which takes long on a big
// file, while turning the events into any of the graphs is quick. The view keeps
// the events and builds graphs from them on the GUI thread. Only the newest
// request's events are delivered (LatestRun).
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "analysis/tcp_events.h"
#endif

#include "ui/latest_run.h"

#include <QObject>

#include <cstdint>
#include <memory>

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class GraphJob : public QObject {
    Q_OBJECT
public:
    explicit GraphJob(QObject* parent = nullptr);

    void start(std::shared_ptr<const CaptureSession> session, std::uint32_t tcp_stream);
    void cancel();
    [[nodiscard]] bool running() const { return run_.running(); }

Q_SIGNALS:
    void ready(std::shared_ptr<const seqscope::TcpConversationEvents> events, std::uint32_t tcp_stream);

private:
    LatestRun run_{this};
};

}  // namespace seqscope::ui
