// SPDX-License-Identifier: GPL-3.0-or-later
// The Ladder pane: a toolbar (Time-true | Rows, Relative | Raw, Step ◀ ▶, next
// flagged, zoom, lanes, find, Predict next Ack, Export), the canvas, and a side
// column with the "Why?" text of the selected arrow, the predict quiz and the
// legend. It follows the SelectionHub: the current stream's ladder is built off
// the GUI thread (LadderJob) and the current packet's arrow selected; clicking an
// arrow selects its packet in the hub. It never talks to other panes.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "ladder/ladder.h"
#include "ui/draw/ladder_export.h"
#endif
#include "ui/selection_hub.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QTextBrowser;
class QToolBar;

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class LadderCanvas;
class LadderJob;
class LadderPredictPanel;

class LadderView : public QWidget {
    Q_OBJECT
public:
    explicit LadderView(SelectionHub* hub, QWidget* parent = nullptr);
    ~LadderView() override;

    // A new capture (or none): the ladder is cleared until a stream is selected.
    void setSession(std::shared_ptr<const CaptureSession> session);
    // Rebuilds the shown stream from the session as it is now (after loading).
    void refresh();
    // Shows this stream's ladder (also what the hub's stream changes do).
    void showStream(StreamRef stream);

    [[nodiscard]] LadderCanvas* canvas() const { return canvas_; }
    [[nodiscard]] LadderPredictPanel* predictPanel() const { return predict_; }
    [[nodiscard]] StreamRef stream() const { return stream_; }
    [[nodiscard]] bool building() const;
    [[nodiscard]] QString whyText() const;
    [[nodiscard]] QString statusText() const;

    void setRelative(bool relative);
    [[nodiscard]] bool relative() const { return relative_; }
    void setPredictMode(bool on);
    [[nodiscard]] bool predictMode() const { return predict_mode_; }
    // Step through the stream: previous/next arrow (selects its packet).
    void step(int delta);
    void nextFlagged();
    // Find: select frame `number` if it is in this ladder; false (and a sentence) otherwise.
    bool findFrame(std::uint64_t number);
    // Writes the ladder; `visible_only` limits PNG/SVG/PDF to the band in view.
    bool exportTo(const QString& path, LadderExportFormat format, bool visible_only, QString* error = nullptr);

protected:
    // Below ~1000 px the side column folds away (unless the user asked for it).
    void resizeEvent(QResizeEvent* event) override;

Q_SIGNALS:
    // A ladder was built and shown (tests and --screenshot wait for it).
    void ladderShown();

private:
    void buildToolBar();
    void onReady(std::shared_ptr<const Ladder> ladder, StreamRef stream);
    void onHubPacket();
    void onArrowActivated(std::size_t index);
    void selectionChanged();
    void updateQuiz();
    void chooseExport(LadderExportFormat format);
    void setStatus(const QString& text);
    void rebuildLaneMenu();

    SelectionHub* hub_;
    std::shared_ptr<const CaptureSession> session_;
    StreamRef stream_;  // the stream asked for
    StreamRef shown_;   // the stream whose ladder is on the canvas
    bool relative_ = true;
    bool predict_mode_ = false;
    bool export_visible_only_ = false;
    LadderJob* job_;
    QToolBar* toolbar_ = nullptr;
    QLabel* stream_label_ = nullptr;
    QLabel* position_ = nullptr;
    QLineEdit* find_ = nullptr;
    QAction* time_true_ = nullptr;
    QAction* rows_ = nullptr;
    QAction* relative_action_ = nullptr;
    QAction* raw_action_ = nullptr;
    QAction* predict_action_ = nullptr;
    QMenu* lanes_menu_ = nullptr;
    LadderCanvas* canvas_;
    QTextBrowser* why_;
    QLabel* why_title_;
    LadderPredictPanel* predict_;
    QWidget* predict_box_;
    QLabel* status_;
    QWidget* side_ = nullptr;
    QAction* side_action_ = nullptr;
    bool side_chosen_ = false;  // the user toggled the side column: stop folding it
};

}  // namespace seqscope::ui
