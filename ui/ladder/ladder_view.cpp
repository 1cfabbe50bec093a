// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ladder/ladder_view.h"

#include "types/tcp_analysis.h"
#include "ui/ladder/ladder_canvas.h"
#include "ui/ladder/ladder_job.h"
#include "ui/ladder/ladder_legend.h"
#include "ui/ladder/ladder_predict_panel.h"
#include "ui/ladder/ladder_why.h"

#include <QActionGroup>
#include <QFileDialog>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace seqscope::ui {

namespace {

QWidget* card(const QString& title, QWidget* body, QLabel** title_label = nullptr) {
    auto* frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto* box = new QVBoxLayout(frame);
    box->setContentsMargins(10, 8, 10, 8);
    auto* label = new QLabel(QStringLiteral("<b>") + title + QStringLiteral("</b>"));
    box->addWidget(label);
    box->addWidget(body);
    if (title_label) *title_label = label;
    return frame;
}

QString streamName(StreamRef s) {
    if (s.kind == StreamRef::Kind::Tcp) return QStringLiteral("tcp.stream ") + QString::number(s.id);
    if (s.kind == StreamRef::Kind::Udp) return QStringLiteral("udp.stream ") + QString::number(s.id);
    return QStringLiteral("no stream");
}

}  // namespace

LadderView::LadderView(SelectionHub* hub, QWidget* parent)
    : QWidget(parent),
      hub_(hub),
      job_(new LadderJob(this)),
      canvas_(new LadderCanvas),
      why_(new QTextBrowser),
      why_title_(nullptr),
      predict_(new LadderPredictPanel),
      predict_box_(nullptr),
      status_(new QLabel) {
    buildToolBar();
    why_->setOpenLinks(false);
    why_->setMinimumHeight(200);
    why_->setFrameShape(QFrame::NoFrame);
    auto* side = new QWidget;
    side_ = side;
    side->setMinimumWidth(290);
    auto* side_box = new QVBoxLayout(side);
    side_box->setContentsMargins(4, 0, 0, 0);
    side_box->addWidget(card(tr("Why?"), why_, &why_title_), 3);
    predict_box_ = card(tr("Predict next Ack"), predict_);
    predict_box_->hide();
    side_box->addWidget(predict_box_);
    side_box->addWidget(card(tr("Legend"), new LadderLegend));
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(canvas_);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(true);
    split->setSizes({900, 320});
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->addWidget(toolbar_);
    box->addWidget(split, 1);
    status_->setContentsMargins(6, 0, 6, 2);
    box->addWidget(status_);

    connect(job_, &LadderJob::ready, this, &LadderView::onReady);
    connect(canvas_, &LadderCanvas::arrowActivated, this, &LadderView::onArrowActivated);
    connect(predict_, &LadderPredictPanel::answered, this, [this] {
        canvas_->setQuizArrow(std::nullopt);
        selectionChanged();
    });
    connect(predict_, &LadderPredictPanel::nextRequested, this, [this](std::size_t arrow) {
        canvas_->selectArrow(arrow);
        onArrowActivated(arrow);
    });
    if (hub_) {
        connect(hub_, &SelectionHub::currentStreamChanged, this, [this] {
            if (hub_->currentStream().valid()) showStream(hub_->currentStream());
        });
        connect(hub_, &SelectionHub::currentPacketChanged, this, &LadderView::onHubPacket);
        connect(hub_, &SelectionHub::cursorTimeChanged, this, [this] { canvas_->setCursorTime(hub_->cursorTime()); });
    }
    setStatus(tr("Select a TCP or UDP packet to see its ladder."));
    selectionChanged();
}

LadderView::~LadderView() = default;

void LadderView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (side_chosen_ || side_ == nullptr) return;
    const bool wide = width() >= 1000;
    side_->setVisible(wide);
    side_action_->setChecked(wide);
}

void LadderView::buildToolBar() {
    toolbar_ = new QToolBar;
    toolbar_->setIconSize(QSize(16, 16));
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    stream_label_ = new QLabel;
    stream_label_->setContentsMargins(6, 0, 10, 0);
    toolbar_->addWidget(stream_label_);

    auto* layout = new QActionGroup(this);
    time_true_ = toolbar_->addAction(tr("Time-true"), this, [this] { canvas_->setMode(LadderMode::TimeTrue); });
    rows_ = toolbar_->addAction(tr("Rows"), this, [this] { canvas_->setMode(LadderMode::Rows); });
    for (QAction* a : {time_true_, rows_}) {
        a->setCheckable(true);
        layout->addAction(a);
    }
    time_true_->setChecked(true);
    time_true_->setToolTip(tr("Arrows placed by capture time (long idle gaps compressed)"));
    rows_->setToolTip(tr("One evenly spaced row per packet"));
    toolbar_->addSeparator();
    auto* numbers = new QActionGroup(this);
    relative_action_ = toolbar_->addAction(tr("Relative"), this, [this] { setRelative(true); });
    raw_action_ = toolbar_->addAction(tr("Raw"), this, [this] { setRelative(false); });
    for (QAction* a : {relative_action_, raw_action_}) {
        a->setCheckable(true);
        numbers->addAction(a);
    }
    relative_action_->setChecked(true);
    toolbar_->addSeparator();
    QAction* prev = toolbar_->addAction(QStringLiteral("\u25c0"), this, [this] { step(-1); });
    prev->setToolTip(tr("Previous packet of this stream (Up)"));
    QAction* next = toolbar_->addAction(QStringLiteral("\u25b6"), this, [this] { step(1); });
    next->setToolTip(tr("Next packet of this stream (Down)"));
    position_ = new QLabel;
    position_->setContentsMargins(4, 0, 4, 0);
    toolbar_->addWidget(position_);
    QAction* flagged = toolbar_->addAction(tr("\u2691 Next flagged"), this, [this] { nextFlagged(); });
    flagged->setToolTip(tr("Next arrow with an analysis flag (N)"));
    toolbar_->addSeparator();
    toolbar_->addAction(QStringLiteral("\u2212"), this, [this] { canvas_->zoomOut(); })->setToolTip(tr("Zoom out"));
    toolbar_->addAction(QStringLiteral("+"), this, [this] { canvas_->zoomIn(); })->setToolTip(tr("Zoom in"));
    toolbar_->addAction(tr("Fit"), this, [this] { canvas_->zoomToFit(); })->setToolTip(tr("Fit the conversation"));
    toolbar_->addSeparator();
    QAction* swap = toolbar_->addAction(QStringLiteral("\u21c4"), this, [this] { canvas_->swapLanes(); });
    swap->setToolTip(tr("Swap the lanes"));
    lanes_menu_ = new QMenu(tr("Lanes"), this);
    auto* lanes_button = new QToolButton;
    lanes_button->setText(tr("Lanes"));
    lanes_button->setMenu(lanes_menu_);
    lanes_button->setPopupMode(QToolButton::InstantPopup);
    toolbar_->addWidget(lanes_button);
    find_ = new QLineEdit;
    find_->setPlaceholderText(tr("Find frame"));
    find_->setMaximumWidth(90);
    find_->setClearButtonEnabled(true);
    connect(find_, &QLineEdit::returnPressed, this, [this] { findFrame(find_->text().trimmed().toULongLong()); });
    toolbar_->addWidget(find_);
    toolbar_->addSeparator();
    predict_action_ = toolbar_->addAction(tr("? Predict next Ack"), this, [this](bool on) { setPredictMode(on); });
    predict_action_->setCheckable(true);
    auto* export_menu = new QMenu(tr("Export"), this);
    for (LadderExportFormat f : {LadderExportFormat::Png, LadderExportFormat::Svg, LadderExportFormat::Pdf,
                                 LadderExportFormat::PlantUml, LadderExportFormat::Mermaid, LadderExportFormat::Csv,
                                 LadderExportFormat::Markdown})
        export_menu->addAction(exportFilter(f), this, [this, f] { chooseExport(f); });
    export_menu->addSeparator();
    QAction* visible = export_menu->addAction(tr("Pictures: visible range only"));
    visible->setCheckable(true);
    connect(visible, &QAction::toggled, this, [this](bool on) { export_visible_only_ = on; });
    side_action_ = toolbar_->addAction(tr("Why? \u25b8"), this, [this](bool on) {
        side_chosen_ = true;
        side_->setVisible(on);
    });
    side_action_->setCheckable(true);
    side_action_->setChecked(true);
    side_action_->setToolTip(tr("Show the Why?, quiz and legend column"));
    auto* export_button = new QToolButton;
    export_button->setText(tr("Export \u25be"));
    export_button->setMenu(export_menu);
    export_button->setPopupMode(QToolButton::InstantPopup);
    toolbar_->addWidget(export_button);
}

void LadderView::setSession(std::shared_ptr<const CaptureSession> session) {
    session_ = std::move(session);
    stream_ = {};
    shown_ = {};
    job_->cancel();
    canvas_->setLadder(nullptr);
    setStatus(tr("Select a TCP or UDP packet to see its ladder."));
    selectionChanged();
}

void LadderView::refresh() {
    if (session_ && stream_.valid()) job_->start(session_, stream_, LadderOptions{relative_, 24});
}

void LadderView::showStream(StreamRef stream) {
    if (!stream.valid() || (stream == stream_ && (shown_ == stream || job_->running()))) return;
    stream_ = stream;
    stream_label_->setText(QStringLiteral("<b>") + streamName(stream) + QStringLiteral("</b>"));
    setStatus(tr("Building the ladder of %1\u2026").arg(streamName(stream)));
    refresh();
}

bool LadderView::building() const { return job_->running(); }

void LadderView::setRelative(bool relative) {
    relative_ = relative;
    (relative ? relative_action_ : raw_action_)->setChecked(true);
    refresh();
}

void LadderView::onReady(std::shared_ptr<const Ladder> ladder, StreamRef stream) {
    if (stream != stream_) return;
    shown_ = stream;
    // Keep the selection across a rebuild (relative/raw, end of loading).
    std::optional<std::uint32_t> frame;
    if (const auto sel = canvas_->selectedArrow(); sel && canvas_->ladder())
        frame = canvas_->ladder()->arrows[*sel].frame.value;
    if (hub_ && hub_->currentPacket()) frame = static_cast<std::uint32_t>(*hub_->currentPacket() + 1);
    canvas_->setLadder(ladder);
    if (frame) canvas_->selectArrow(canvas_->scene().arrowOfFrame(*frame));
    rebuildLaneMenu();
    std::size_t retrans = 0, dup = 0, rst = 0;
    for (const LadderArrow& a : ladder->arrows) {
        retrans += a.kind == ArrowKind::Retransmission;
        dup += (a.analysis_flags & tcpa::kDuplicateAck) != 0;
        rst += a.kind == ArrowKind::Rst;
    }
    if (ladder->arrows.empty())
        setStatus(tr("%1 has no packets in this capture.").arg(streamName(stream)));
    else if (stream.kind == StreamRef::Kind::Tcp)
        setStatus(tr("%1 arrows \u00b7 %2 retransmissions \u00b7 %3 dup ACKs \u00b7 %4 RST \u00b7 %5 seq/ack")
                      .arg(ladder->arrows.size())
                      .arg(retrans)
                      .arg(dup)
                      .arg(rst)
                      .arg(relative_ ? tr("relative") : tr("raw")));
    else
        setStatus(tr("%1 arrows (datagrams and ICMP errors)").arg(ladder->arrows.size()));
    selectionChanged();
    Q_EMIT ladderShown();
}

void LadderView::rebuildLaneMenu() {
    lanes_menu_->clear();
    const Ladder* l = canvas_->ladder();
    if (l == nullptr) return;
    for (std::size_t lane = 0; lane < l->lanes.size(); ++lane) {
        QAction* a = lanes_menu_->addAction(tr("Show %1").arg(QString::fromStdString(l->lanes[lane].title)));
        a->setCheckable(true);
        a->setChecked(!canvas_->scene().laneHidden(lane));
        connect(a, &QAction::toggled, this, [this, lane](bool on) { canvas_->setLaneHidden(lane, !on); });
    }
    lanes_menu_->addSeparator();
    lanes_menu_->addAction(tr("Swap lanes"), this, [this] { canvas_->swapLanes(); });
}

void LadderView::onHubPacket() {
    const Ladder* l = canvas_->ladder();
    if (l == nullptr || !hub_ || hub_->currentStream() != shown_) return;
    const auto packet = hub_->currentPacket();
    canvas_->selectArrow(packet ? canvas_->scene().arrowOfFrame(static_cast<std::uint32_t>(*packet + 1)) : std::nullopt);
    selectionChanged();
}

void LadderView::onArrowActivated(std::size_t index) {
    const Ladder* l = canvas_->ladder();
    if (l == nullptr || index >= l->arrows.size()) return;
    if (hub_) hub_->selectPacket(l->arrows[index].frame.value - 1, stream_);
    selectionChanged();
}

void LadderView::step(int delta) {
    const std::size_t n = canvas_->scene().arrowCount();
    if (n == 0) return;
    const auto cur = canvas_->selectedArrow();
    std::size_t next = 0;
    if (cur) {
        const auto want = static_cast<long long>(*cur) + delta;
        next = static_cast<std::size_t>(std::clamp<long long>(want, 0, static_cast<long long>(n) - 1));
    }
    canvas_->selectArrow(next);
    onArrowActivated(next);
}

void LadderView::nextFlagged() {
    if (const auto next = canvas_->nextFlagged(canvas_->selectedArrow())) {
        canvas_->selectArrow(*next);
        onArrowActivated(*next);
    } else {
        setStatus(tr("No arrow of %1 carries an analysis flag.").arg(streamName(stream_)));
    }
}

bool LadderView::findFrame(std::uint64_t number) {
    const auto arrow = number > 0 && number <= 0xffffffffu
                           ? canvas_->scene().arrowOfFrame(static_cast<std::uint32_t>(number))
                           : std::nullopt;
    if (!arrow) {
        setStatus(tr("Frame %1 is not in %2.").arg(number).arg(streamName(stream_)));
        return false;
    }
    canvas_->selectArrow(*arrow);
    onArrowActivated(*arrow);
    return true;
}

void LadderView::selectionChanged() {
    updateQuiz();
    const Ladder* l = canvas_->ladder();
    const auto sel = canvas_->selectedArrow();
    const std::size_t n = l ? l->arrows.size() : 0;
    position_->setText(sel ? tr("frame %1 \u00b7 %2 of %3").arg(l->arrows[*sel].frame.value).arg(*sel + 1).arg(n)
                           : tr("%1 arrows").arg(n));
    if (l && sel) {
        const LadderArrow& a = l->arrows[*sel];
        why_title_->setText(tr("<b>Why?</b> &nbsp;frame %1 \u00b7 %2 ms")
                                .arg(a.frame.value)
                                .arg(static_cast<double>(a.ts_ns - l->first_ts_ns) / 1e6, 0, 'f', 3));
        // In predict mode the Why text would give the answer away.
        why_->setHtml(canvas_->quizArrow() == sel ? tr("<p>Hidden until you answer the quiz.</p>") : whyHtml(*l, *sel));
    } else {
        why_title_->setText(tr("<b>Why?</b>"));
        why_->setHtml(l ? tr("<p>Click an arrow (or press Down) to see what it means.</p>") : QString());
    }
}

void LadderView::setPredictMode(bool on) {
    predict_mode_ = on;
    predict_action_->setChecked(on);
    predict_box_->setVisible(on);
    if (on && !side_->isVisible()) {
        side_->setVisible(true);
        side_action_->setChecked(true);
    }
    updateQuiz();
}

void LadderView::updateQuiz() {
    const Ladder* l = canvas_->ladder();
    if (!predict_mode_ || l == nullptr) {
        canvas_->setQuizArrow(std::nullopt);
        predict_->ask(nullptr, std::nullopt);
        return;
    }
    const auto target = nextQuizArrow(*l, canvas_->selectedArrow());
    if (predict_->arrow() == target && target && (predict_->revealed() || canvas_->quizArrow() == target)) return;
    predict_->ask(l, target);
    canvas_->setQuizArrow(target);
}

QString LadderView::whyText() const { return why_->toPlainText(); }

QString LadderView::statusText() const { return status_->text(); }

void LadderView::setStatus(const QString& text) { status_->setText(text); }

bool LadderView::exportTo(const QString& path, LadderExportFormat format, bool visible_only, QString* error) {
    // The band in view is drawn as on screen; the whole conversation as seqscope-cli
    // draws it, at the export width, with the view's mode, zoom and lanes.
    if (visible_only) return exportLadder(canvas_->scene(), format, path, {canvas_->viewBand(), 1}, error);
    const LadderScene& shown = canvas_->scene();
    return exportLadder(exportScene(shown.sharedLadder(), shown.options()), format, path, {}, error);
}

void LadderView::chooseExport(LadderExportFormat format) {
    if (canvas_->ladder() == nullptr) {
        setStatus(tr("Nothing to export: select a TCP or UDP packet first."));
        return;
    }
    QString name = streamName(stream_).replace(QLatin1Char(' '), QLatin1Char('-'));
    name = QStringLiteral("ladder-") + name + QLatin1Char('.') + exportSuffix(format);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Ladder"), name, exportFilter(format));
    if (path.isEmpty()) return;
    QString error;
    if (exportTo(path, format, export_visible_only_, &error))
        setStatus(tr("Exported %1.").arg(path));
    else
        setStatus(error);
}

}  // namespace seqscope::ui
