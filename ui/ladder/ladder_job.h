// SPDX-License-Identifier: GPL-3.0-or-later
// Builds a stream's Ladder off the GUI thread: building replays the capture
// (collect, summarise, explain), which takes long on a big file. Only the newest
// request's ladder is delivered (LatestRun), so switching streams quickly never
// shows a stale ladder.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "ladder/ladder.h"
#endif
#include "ui/latest_run.h"
#include "ui/selection_hub.h"

#include <QObject>

#include <cstdint>
#include <memory>

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class LadderJob : public QObject {
    Q_OBJECT
public:
    explicit LadderJob(QObject* parent = nullptr);

    // Starts building; a build still running is abandoned (its result dropped).
    void start(std::shared_ptr<const CaptureSession> session, StreamRef stream, LadderOptions options);
    // Drops whatever is running.
    void cancel();
    [[nodiscard]] std::uint64_t generation() const { return run_.generation(); }
    [[nodiscard]] bool running() const { return run_.running(); }
    // Builds whose result came back, shown or dropped as stale.
    [[nodiscard]] std::uint64_t settledBuilds() const { return run_.settled(); }

Q_SIGNALS:
    // The newest request's ladder (never a stale one).
    void ready(std::shared_ptr<const seqscope::Ladder> ladder, seqscope::ui::StreamRef stream);

private:
    LatestRun run_{this};
};

}  // namespace seqscope::ui
