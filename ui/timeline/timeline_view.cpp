// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timeline_view.h"

#include "session/capture_session.h"
#include "timeline/timeline.h"
#include "ui/timeline/timeline_canvas.h"
#include "ui/timeline/timeline_job.h"
#include "ui/draw/timeline_text.h"

#include <QLabel>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace seqscope::ui {

namespace {

constexpr std::chrono::milliseconds kMinRefreshGap{400};

std::optional<RowKind> rowKind(StreamRef s) {
    if (s.kind == StreamRef::Kind::Tcp) return RowKind::Tcp;
    if (s.kind == StreamRef::Kind::Udp) return RowKind::Udp;
    return std::nullopt;
}

}  // namespace

TimelineView::TimelineView(SelectionHub* hub, QWidget* parent)
    : QWidget(parent), hub_(hub), job_(new TimelineJob(this)), canvas_(new TimelineCanvas), refresh_timer_(new QTimer(this)) {
    buildToolBar();
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(0);
    box->addWidget(toolbar_);
    box->addWidget(canvas_, 1);
    refresh_timer_->setSingleShot(true);
    connect(refresh_timer_, &QTimer::timeout, this, &TimelineView::refresh);
    connect(job_, &TimelineJob::ready, this, &TimelineView::onReady);
    connect(canvas_, &TimelineCanvas::rowActivated, this, &TimelineView::onRowActivated);
    if (hub_) {
        connect(canvas_, &TimelineCanvas::cursorPlaced, hub_, [this](std::int64_t t) { hub_->setCursorTime(t); });
        connect(hub_, &SelectionHub::currentStreamChanged, this, &TimelineView::onHubStream);
        connect(hub_, &SelectionHub::currentPacketChanged, this, &TimelineView::onHubPacket);
        connect(hub_, &SelectionHub::cursorTimeChanged, this, [this] {
            canvas_->setCursorTime(hub_->cursorTime());
            updateSelectionText();
        });
    }
    connect(canvas_, &TimelineCanvas::cursorPlaced, this, [this] { updateSelectionText(); });
    updateSelectionText();
}

TimelineView::~TimelineView() = default;

void TimelineView::buildToolBar() {
    toolbar_ = new QToolBar;
    toolbar_->setIconSize(QSize(16, 16));
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto* title = new QLabel(tr("<b>Connections</b>"));
    title->setContentsMargins(6, 0, 8, 0);
    toolbar_->addWidget(title);
    tcp_ = toolbar_->addAction(tr("TCP"), this, [this](bool on) { canvas_->setShowTcp(on); });
    udp_ = toolbar_->addAction(tr("UDP"), this, [this](bool on) { canvas_->setShowUdp(on); });
    for (QAction* a : {tcp_, udp_}) {
        a->setCheckable(true);
        a->setChecked(true);
    }
    tcp_->setToolTip(tr("Show TCP connections"));
    udp_->setToolTip(tr("Show UDP exchanges"));
    toolbar_->addSeparator();
    toolbar_->addAction(QStringLiteral("\u2212"), this, [this] { canvas_->zoomOut(); })->setToolTip(tr("Zoom out (\u2212, Ctrl+wheel)"));
    toolbar_->addAction(QStringLiteral("+"), this, [this] { canvas_->zoomIn(); })->setToolTip(tr("Zoom in (+, Ctrl+wheel)"));
    toolbar_->addAction(tr("Fit"), this, [this] { canvas_->fit(); })->setToolTip(tr("Show every connection (0)"));
    toolbar_->addAction(tr("Zoom to row"), this, [this] {
        if (const auto row = canvas_->selectedRow()) canvas_->zoomToRow(*row);
    })->setToolTip(tr("Zoom to the selected connection (Z, or double-click a row)"));
    squeeze_ = toolbar_->addAction(tr("Squeeze idle"), this, [this](bool on) { canvas_->setCompressIdle(on); });
    squeeze_->setCheckable(true);
    squeeze_->setChecked(true);
    squeeze_->setToolTip(tr("Squeeze long spans without any event (\u2248), so a 60 s TIME_WAIT does not shrink the rest"));
    compact_ = toolbar_->addAction(tr("Compact"), this, [this](bool on) { canvas_->setCompact(on); });
    compact_->setCheckable(true);
    compact_->setToolTip(tr("Low rows without words around the bars (the default from %1 connections)")
                             .arg(kTimelineCompactFrom));
    toolbar_->addSeparator();
    summary_ = new QLabel;
    summary_->setContentsMargins(8, 0, 8, 0);
    toolbar_->addWidget(summary_);
    selection_ = new QLabel;
    selection_->setContentsMargins(8, 0, 8, 0);
    selection_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    toolbar_->addWidget(selection_);
}

void TimelineView::setSession(std::shared_ptr<const CaptureSession> session) {
    session_ = std::move(session);
    packets_shown_ = 0;
    refresh_timer_->stop();
    job_->setSession(session_);
    canvas_->setTimeline(nullptr);
    canvas_->setPacketTime(std::nullopt);
    canvas_->setCursorTime(std::nullopt);
    canvas_->fit();
    summary_->clear();
    updateSelectionText();
    refresh();
}

void TimelineView::refresh() {
    if (!session_) return;
    // While a file loads every build replays it from the start: space them out.
    if (!session_->load_done()) {
        const auto gap = std::max(kMinRefreshGap, 2 * job_->lastDuration());
        const auto since = std::chrono::steady_clock::now() - last_request_;
        if (since < gap) {
            if (!refresh_timer_->isActive())
                refresh_timer_->start(std::chrono::duration_cast<std::chrono::milliseconds>(gap - since));
            return;
        }
    }
    refresh_timer_->stop();
    last_request_ = std::chrono::steady_clock::now();
    job_->request();
}

bool TimelineView::building() const { return job_->running() || refresh_timer_->isActive(); }

void TimelineView::onReady(std::shared_ptr<const Timeline> timeline, std::size_t packets) {
    const bool first = canvas_->timeline() == nullptr;
    packets_shown_ = packets;
    std::size_t tcp = 0, udp = 0, closed = 0, reset = 0, refused = 0, half_open = 0, open = 0;
    for (const TimelineRow& r : timeline->rows) {
        (r.kind == RowKind::Tcp ? tcp : udp) += 1;
        closed += r.outcome == RowOutcome::Closed || r.outcome == RowOutcome::Incomplete;
        reset += r.outcome == RowOutcome::Reset;
        refused += r.outcome == RowOutcome::Refused;
        half_open += r.outcome == RowOutcome::HalfOpen;
        open += r.outcome == RowOutcome::Open;
    }
    canvas_->setTimeline(std::move(timeline));
    compact_->setChecked(canvas_->compact());
    QStringList outcomes;
    const std::pair<std::size_t, QString> counts[] = {{closed, tr("closed")}, {reset, tr("reset")}, {refused, tr("refused")},
                                                      {half_open, tr("half-open")}, {open, tr("open")}};
    for (const auto& [n, what] : counts)
        if (n > 0) outcomes << QString::number(n) + QLatin1Char(' ') + what;
    QString tcp_text = tr("%n TCP", nullptr, static_cast<int>(tcp));
    if (!outcomes.isEmpty()) tcp_text += QStringLiteral(" (") + outcomes.join(QStringLiteral(", ")) + QLatin1Char(')');
    summary_->setText(tcp_text + QStringLiteral(" \u00b7 ") + tr("%n UDP", nullptr, static_cast<int>(udp)));
    if (first) onHubStream();
    else if (hub_ && hub_->currentStream().valid() && !canvas_->selectedRow()) onHubStream();
    onHubPacket();
    if (hub_) canvas_->setCursorTime(hub_->cursorTime());
    updateSelectionText();
    Q_EMIT timelineShown();
}

void TimelineView::onHubStream() {
    if (!hub_) return;
    const StreamRef s = hub_->currentStream();
    const auto kind = rowKind(s);
    canvas_->setSelectedRow(kind ? canvas_->scene().rowOfStream(*kind, s.id) : std::nullopt, true);
    updateSelectionText();
}

void TimelineView::onHubPacket() {
    std::optional<std::int64_t> ts;
    if (hub_ && session_)
        if (const auto p = hub_->currentPacket(); p && *p < session_->packet_count()) ts = session_->store().record(*p).ts_ns;
    canvas_->setPacketTime(ts);
    updateSelectionText();
}

void TimelineView::onRowActivated(std::size_t row, std::uint32_t frame) {
    const Timeline* t = canvas_->timeline();
    if (!hub_ || t == nullptr || row >= t->rows.size() || frame == 0) return;
    const TimelineRow& r = t->rows[row];
    hub_->selectPacket(frame - 1, r.kind == RowKind::Tcp ? StreamRef::tcp(r.stream) : StreamRef::udp(r.stream));
}

QString TimelineView::summaryText() const { return summary_->text(); }

QString TimelineView::selectionText() const { return selection_->text(); }

void TimelineView::updateSelectionText() {
    QStringList parts;
    const Timeline* t = canvas_->timeline();
    if (const auto row = canvas_->selectedRow(); row && t != nullptr)
        parts << QString::fromStdString(t->rows[*row].stream_label);
    if (hub_ && t != nullptr)
        if (const auto p = hub_->currentPacket(); p && canvas_->packetTime())
            parts << tr("frame %1 at %2").arg(*p + 1).arg(groupedSeconds(*canvas_->packetTime() - t->origin_ns));
    if (t != nullptr)
        if (const auto c = canvas_->cursorTime()) parts << tr("cursor %1").arg(groupedSeconds(*c - t->origin_ns));
    selection_->setText(parts.join(QStringLiteral(" \u00b7 ")));
}

}  // namespace seqscope::ui
