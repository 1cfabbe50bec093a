// SPDX-License-Identifier: GPL-3.0-or-later
// The Timeline pane: a toolbar (TCP | UDP, − + Fit, Squeeze idle, what is
// selected and where the cursor is) over the TimelineCanvas. It builds the whole
// capture's timeline off the GUI thread (TimelineJob), again as a file loads, and
// follows the SelectionHub: the hub's stream is the highlighted row, the hub's
// packet is a line at its time, the hub's cursor is the cursor. Clicking a row
// selects its conversation (and a packet of it) in the hub; hovering moves the
// hub's cursor. It never talks to other panes.
#pragma once

#include "ui/selection_hub.h"

#include <QWidget>

#include <chrono>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QTimer;
class QToolBar;

namespace seqscope {
class CaptureSession;
struct Timeline;
}  // namespace seqscope

namespace seqscope::ui {

class TimelineCanvas;
class TimelineJob;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(SelectionHub* hub, QWidget* parent = nullptr);
    ~TimelineView() override;

    // A new capture (or none): cleared, then built as packets come.
    void setSession(std::shared_ptr<const CaptureSession> session);
    // Rebuilds from the session as it is now. While loading, calls are spaced out
    // (by the last build's duration) and folded together; after loading, at once.
    void refresh();

    [[nodiscard]] TimelineCanvas* canvas() const { return canvas_; }
    [[nodiscard]] bool building() const;
    // How many packets the shown timeline covers.
    [[nodiscard]] std::size_t packetsShown() const { return packets_shown_; }
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString selectionText() const;

Q_SIGNALS:
    // A (re)built timeline was shown (tests and --screenshot wait for it).
    void timelineShown();

private:
    void buildToolBar();
    void onReady(std::shared_ptr<const Timeline> timeline, std::size_t packets);
    void onHubStream();
    void onHubPacket();
    void onRowActivated(std::size_t row, std::uint32_t frame);
    void updateSelectionText();

    SelectionHub* hub_;
    std::shared_ptr<const CaptureSession> session_;
    TimelineJob* job_;
    TimelineCanvas* canvas_;
    QTimer* refresh_timer_;
    QToolBar* toolbar_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* selection_ = nullptr;
    QAction* tcp_ = nullptr;
    QAction* udp_ = nullptr;
    QAction* squeeze_ = nullptr;
    QAction* compact_ = nullptr;
    std::size_t packets_shown_ = 0;
    std::chrono::steady_clock::time_point last_request_{};
};

}  // namespace seqscope::ui
