// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/graphs/graphs_view.h"

#include "ui/graphs/graph_job.h"
#include "ui/plot/plot_widget.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

namespace seqscope::ui {

namespace {

QString noStreamText() {
    return GraphsView::tr("Select a TCP packet to see the graphs of its stream.");
}

std::size_t flagged(const Graph& g, SeriesRole role) {
    const Series* s = g.find(role);
    return s ? s->points.size() + s->bars.size() : 0;
}

}  // namespace

GraphsView::GraphsView(SelectionHub* hub, QWidget* parent)
    : QWidget(parent), hub_(hub), job_(new GraphJob(this)), plot_(new PlotWidget), status_(new QLabel) {
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    buildToolBar();
    box->addWidget(plot_, 1);
    status_->setContentsMargins(6, 0, 6, 2);
    box->addWidget(status_);

    connect(job_, &GraphJob::ready, this, &GraphsView::onReady);
    connect(plot_, &PlotWidget::frameClicked, this, [this](std::uint32_t frame) {
        if (hub_ && shown_ && frame > 0) hub_->selectPacket(frame - 1, StreamRef::tcp(*shown_));
    });
    connect(plot_, &PlotWidget::hovered, this, [this](std::optional<double> x) {
        if (hub_ == nullptr) return;
        hub_->setCursorTime(x ? timeOfX(*x) : std::nullopt);
    });
    if (hub_) {
        connect(hub_, &SelectionHub::currentStreamChanged, this, [this] {
            if (hub_->currentStream().valid()) showStream(hub_->currentStream());
        });
        connect(hub_, &SelectionHub::currentPacketChanged, this, &GraphsView::onHubPacket);
        connect(hub_, &SelectionHub::cursorTimeChanged, this, &GraphsView::onHubCursor);
    }
    plot_->showMessage(noStreamText());
    setStatus(QString());
}

GraphsView::~GraphsView() = default;

void GraphsView::buildToolBar() {
    auto* bar = new QToolBar;
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    stream_label_ = new QLabel;
    stream_label_->setContentsMargins(6, 0, 10, 0);
    bar->addWidget(stream_label_);
    kind_box_ = new QComboBox;
    for (GraphKind k : kGraphKinds) kind_box_->addItem(graphKindTitle(k), static_cast<int>(k));
    kind_box_->setCurrentIndex(static_cast<int>(kind_));
    kind_box_->setToolTip(tr("Which graph of the stream"));
    connect(kind_box_, &QComboBox::activated, this, [this](int i) { setKind(kGraphKinds[static_cast<std::size_t>(i)]); });
    bar->addWidget(kind_box_);
    direction_box_ = new QComboBox;
    direction_box_->setToolTip(tr("Whose data to graph; the other direction supplies the ACKs and windows"));
    direction_box_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(direction_box_, &QComboBox::activated, this, [this](int i) { setSender(static_cast<std::uint8_t>(i)); });
    bar->addWidget(direction_box_);
    bar->addSeparator();
    relative_action_ = bar->addAction(tr("Relative seq"), this, [this](bool on) { setRelative(on); });
    relative_action_->setCheckable(true);
    relative_action_->setChecked(relative_);
    relative_action_->setToolTip(tr("Sequence numbers from 0 at the stream's start (off: raw numbers)"));
    bar->addAction(tr("Fit"), this, [this] { plot_->fit(); })->setToolTip(tr("Fit the whole graph (or double-click it)"));
    bar->addSeparator();
    bar->addAction(tr("Export PNG\u2026"), this, [this] { chooseExport(QStringLiteral("png")); });
    bar->addAction(tr("Export PDF\u2026"), this, [this] { chooseExport(QStringLiteral("pdf")); });
    layout()->addWidget(bar);
}

void GraphsView::setSession(std::shared_ptr<const CaptureSession> session) {
    session_ = std::move(session);
    stream_ = {};
    shown_.reset();
    events_.reset();
    job_->cancel();
    stream_label_->clear();
    updateDirections();
    plot_->showMessage(noStreamText());
    setStatus(QString());
}

void GraphsView::refresh() {
    if (session_ && stream_.kind == StreamRef::Kind::Tcp) job_->start(session_, stream_.id);
}

bool GraphsView::building() const { return job_->running(); }

void GraphsView::showStream(StreamRef stream) {
    if (!stream.valid() || (stream == stream_ && (shown_ || job_->running()))) return;
    stream_ = stream;
    if (stream.kind == StreamRef::Kind::Udp) {
        job_->cancel();
        shown_.reset();
        events_.reset();
        updateDirections();
        stream_label_->setText(tr("<b>udp.stream %1</b>").arg(stream.id));
        plot_->showMessage(tr("udp.stream %1 is UDP: the TCP graphs need a TCP stream. Select a TCP packet.").arg(stream.id));
        setStatus(QString());
        return;
    }
    stream_label_->setText(tr("<b>tcp.stream %1</b>").arg(stream.id));
    setStatus(tr("Collecting the segments of tcp.stream %1\u2026").arg(stream.id));
    refresh();
}

void GraphsView::onReady(std::shared_ptr<const TcpConversationEvents> events, std::uint32_t tcp_stream) {
    if (stream_ != StreamRef::tcp(tcp_stream)) return;
    const bool same = shown_ == tcp_stream;
    shown_ = tcp_stream;
    events_ = std::move(events);
    // A new stream opens on the direction that carried more data; a refresh of the
    // same stream keeps the user's choice and zoom.
    if (!same) sender_ = busiest_sender(*events_);
    updateDirections();
    redraw(same);
}

void GraphsView::updateDirections() {
    direction_box_->clear();
    if (events_) {
        for (std::uint8_t s : {std::uint8_t{0}, std::uint8_t{1}})
            direction_box_->addItem(QString::fromStdString(graph_detail::direction_text(*events_, s)));
        direction_box_->setCurrentIndex(sender_);
    }
    direction_box_->setEnabled(events_ != nullptr);
    relative_action_->setEnabled(usesSequenceNumbers(kind_));
}

void GraphsView::redraw(bool keep_range) {
    if (!events_) return;
    if (events_->segments.empty()) {
        plot_->showMessage(tr("tcp.stream %1 has no segments in this capture.").arg(*shown_));
        setStatus(QString());
        Q_EMIT graphShown();
        return;
    }
    GraphOptions options;
    options.sender = sender_;
    options.relative_seq = relative_;
    auto graph = std::make_shared<const Graph>(buildGraph(kind_, *events_, options));
    const std::size_t points = [&] {
        std::size_t n = 0;
        for (const Series& s : graph->series) n += s.points.size() + s.bars.size();
        return n;
    }();
    QString status = tr("%1 segments \u00b7 %2 plotted").arg(events_->segments.size()).arg(points);
    if (kind_ == GraphKind::Tcptrace || kind_ == GraphKind::Stevens)
        status += tr(" \u00b7 %1 retransmissions").arg(flagged(*graph, SeriesRole::Retransmission));
    if (kind_ == GraphKind::Tcptrace)
        status += tr(" \u00b7 %1 duplicate ACKs \u00b7 %2 SACK blocks")
                      .arg(flagged(*graph, SeriesRole::DuplicateAck))
                      .arg(flagged(*graph, SeriesRole::Sack));
    status += tr(" \u00b7 drag to pan, wheel to zoom, double-click to fit, click a point to select its packet");
    setStatus(status);
    plot_->setGraph(std::move(graph), keep_range);
    onHubPacket();
    onHubCursor();
    Q_EMIT graphShown();
}

void GraphsView::setKind(GraphKind kind) {
    kind_ = kind;
    kind_box_->setCurrentIndex(static_cast<int>(kind));
    relative_action_->setEnabled(usesSequenceNumbers(kind));
    redraw(false);
}

void GraphsView::setSender(std::uint8_t sender) {
    sender_ = sender & 1;
    if (direction_box_->count() > sender_) direction_box_->setCurrentIndex(sender_);
    redraw(false);
}

void GraphsView::setRelative(bool relative) {
    relative_ = relative;
    relative_action_->setChecked(relative);
    redraw(false);
}

void GraphsView::onHubPacket() {
    if (hub_ == nullptr) return;
    const auto packet = hub_->currentPacket();
    const bool ours = shown_ && hub_->currentStream() == StreamRef::tcp(*shown_);
    plot_->setMarkedFrame(ours && packet ? std::optional<std::uint32_t>(static_cast<std::uint32_t>(*packet + 1))
                                         : std::nullopt);
}

void GraphsView::onHubCursor() {
    const auto t = hub_ ? hub_->cursorTime() : std::nullopt;
    plot_->setCursorX(t ? xOfTime(*t) : std::nullopt);
}

// The graphs measure x from the stream's first segment (core's default origin).
std::optional<double> GraphsView::xOfTime(std::int64_t ts_ns) const {
    if (!events_ || events_->segments.empty()) return std::nullopt;
    return static_cast<double>(ts_ns - events_->segments.front().ts_ns) / 1e9;
}

std::optional<std::int64_t> GraphsView::timeOfX(double x) const {
    if (!events_ || events_->segments.empty() || !std::isfinite(x)) return std::nullopt;
    return events_->segments.front().ts_ns + static_cast<std::int64_t>(std::llround(x * 1e9));
}

QString GraphsView::statusText() const { return status_->text(); }

void GraphsView::setStatus(const QString& text) { status_->setText(text); }

bool GraphsView::exportTo(const QString& path, int width, int height, QString* error) {
    const auto fail = [&](const QString& why) {
        if (error) *error = why;
        return false;
    };
    if (plot_->graph() == nullptr) return fail(tr("Nothing to export: select a TCP packet first."));
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = plot_->savePng(path, width, height);
    else if (suffix == QLatin1String("pdf"))
        ok = plot_->savePdf(path, width, height);
    else
        return fail(tr("Export writes .png or .pdf files, not \u201c%1\u201d.").arg(QFileInfo(path).fileName()));
    return ok || fail(tr("Could not write %1.").arg(path));
}

void GraphsView::chooseExport(const QString& suffix) {
    if (plot_->graph() == nullptr) {
        setStatus(tr("Nothing to export: select a TCP packet first."));
        return;
    }
    const QString name = QStringLiteral("graph-%1-tcp.stream-%2.%3").arg(graphKindKey(kind_)).arg(stream_.id).arg(suffix);
    const QString filter = suffix == QLatin1String("png") ? tr("PNG image (*.png)") : tr("PDF document (*.pdf)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Graph"), name, filter);
    if (path.isEmpty()) return;
    QString error;
    setStatus(exportTo(path, 0, 0, &error) ? tr("Exported %1.").arg(path) : error);
}

}  // namespace seqscope::ui
