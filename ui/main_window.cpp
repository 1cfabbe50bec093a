// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/main_window.h"

#include "session/capture_session.h"
#include "ui/bytes_pane.h"
#include "ui/details_pane.h"
#include "ui/file_loader.h"
#include "ui/graphs/graphs_view.h"
#include "ui/ladder/ladder_view.h"
#include "ui/packet_list_model.h"
#include "ui/roles.h"
#include "ui/selection_hub.h"
#include "ui/timeline/timeline_view.h"

#include <QAction>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QMenuBar>
#include <QProgressBar>
#include <QProxyStyle>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

namespace seqscope::ui {

namespace {

// Item views draw cell text one focus-frame margin from the cell edge (2 px), so a
// right-aligned number runs into the left-aligned text of the next column. A
// wider margin for the packet list only.
class CellPaddingStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    int pixelMetric(PixelMetric metric, const QStyleOption* option, const QWidget* widget) const override {
        if (metric == PM_FocusFrameHMargin) return 5;
        return QProxyStyle::pixelMetric(metric, option, widget);
    }
};

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      loader_(new FileLoader(this)),
      model_(new PacketListModel(this)),
      hub_(new SelectionHub(this)) {
    setWindowTitle(QStringLiteral("seqscope"));
    buildMenus();
    buildPanes();

    connect(loader_, &FileLoader::started, this, [this] { onStarted(); });
    connect(loader_, &FileLoader::packetsAvailable, this,
            [this](std::size_t count, std::uint64_t generation) {
                if (generation == loader_->generation()) onPacketsAvailable(count);
            });
    connect(loader_, &FileLoader::finished, this,
            [this](std::size_t count, const QString& error, std::uint64_t generation) {
                if (generation == loader_->generation()) onFinished(count, error);
            });
    connect(loader_, &FileLoader::failed, this, [this](const QString& error) { onFailed(error); });
    connect(hub_, &SelectionHub::currentPacketChanged, this, [this] { onCurrentPacketChanged(); });
    connect(details_, &DetailsPane::fieldSelected, bytes_, &BytesPane::highlight);

    setAcceptDrops(true);
    resize(1400, 900);
    setStatus(tr("Open a capture file with File \u25b8 Open."));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    view_menu_ = menuBar()->addMenu(tr("&View"));
}

void MainWindow::buildPanes() {
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    list_ = new QTableView;
    list_->setModel(model_);
    auto* padding = new CellPaddingStyle;  // a QProxyStyle over the application style
    padding->setParent(list_);
    list_->setStyle(padding);
    list_->setFont(fixed);
    list_->setSelectionBehavior(QAbstractItemView::SelectRows);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setShowGrid(false);
    list_->setWordWrap(false);
    list_->setAlternatingRowColors(true);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Uniform row heights: the view never measures rows, so it never asks the
    // model for text of rows that are not on screen.
    QHeaderView* rows = list_->verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(QFontMetrics(fixed).height() + 4);
    QHeaderView* cols = list_->horizontalHeader();
    cols->setStretchLastSection(true);
    cols->setHighlightSections(false);
    cols->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int ch = QFontMetrics(fixed).horizontalAdvance(QLatin1Char('0'));
    const int pad = 2 * ch;
    list_->setColumnWidth(PacketListModel::NumberColumn, 7 * ch + pad);
    list_->setColumnWidth(PacketListModel::TimeColumn, 14 * ch + pad);  // 9 decimals for ns captures
    list_->setColumnWidth(PacketListModel::SourceColumn, 20 * ch + pad);
    list_->setColumnWidth(PacketListModel::DestinationColumn, 20 * ch + pad);
    list_->setColumnWidth(PacketListModel::ProtocolColumn, 8 * ch + pad);
    list_->setColumnWidth(PacketListModel::LengthColumn, 6 * ch + pad);
    connect(list_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { onCurrentRowChanged(current); });

    details_ = new DetailsPane;
    bytes_ = new BytesPane;

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(list_);
    split->addWidget(details_);
    split->addWidget(bytes_);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 2);
    split->setChildrenCollapsible(false);
    setCentralWidget(split);

    // The seq/ack ladder of the selected packet's stream, beside the list.
    ladder_ = new LadderView(hub_);
    ladder_dock_ = new QDockWidget(tr("Ladder"), this);
    ladder_dock_->setObjectName(QStringLiteral("ladderDock"));
    ladder_dock_->setWidget(ladder_);
    addDockWidget(Qt::RightDockWidgetArea, ladder_dock_);
    resizeDocks({ladder_dock_}, {820}, Qt::Horizontal);
    view_menu_->addAction(ladder_dock_->toggleViewAction());

    // Every connection on one time axis, under the panes.
    timeline_ = new TimelineView(hub_);
    timeline_dock_ = new QDockWidget(tr("Timeline"), this);
    timeline_dock_->setObjectName(QStringLiteral("timelineDock"));
    timeline_dock_->setWidget(timeline_);
    addDockWidget(Qt::BottomDockWidgetArea, timeline_dock_);
    resizeDocks({timeline_dock_}, {330}, Qt::Vertical);
    view_menu_->addAction(timeline_dock_->toggleViewAction());

    // The TCP graphs of the selected stream, below; tabbed with any other bottom dock.
    graphs_ = new GraphsView(hub_);
    graphs_dock_ = new QDockWidget(tr("TCP Graphs"), this);
    graphs_dock_->setObjectName(QStringLiteral("graphsDock"));
    graphs_dock_->setWidget(graphs_);
    addDockWidget(Qt::BottomDockWidgetArea, graphs_dock_);
    for (QDockWidget* other : findChildren<QDockWidget*>())
        if (other != graphs_dock_ && dockWidgetArea(other) == Qt::BottomDockWidgetArea) {
            tabifyDockWidget(other, graphs_dock_);
            other->raise();  // the overview first; the graphs one tab away
            break;
        }
    resizeDocks({graphs_dock_}, {320}, Qt::Vertical);
    view_menu_->addAction(graphs_dock_->toggleViewAction());

    status_ = new QLabel;
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(status_, 1);
    notice_ = new QLabel;
    notice_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notice_->setWordWrap(false);
    notice_->hide();
    statusBar()->addWidget(notice_, 2);
    progress_ = new QProgressBar;
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(200);
    progress_->setTextVisible(false);
    progress_->hide();
    statusBar()->addPermanentWidget(progress_);
    stop_ = new QToolButton;
    stop_->setText(tr("Stop"));
    stop_->setToolTip(tr("Stop loading; the packets read so far stay."));
    stop_->setAutoRaise(true);
    stop_->hide();
    connect(stop_, &QToolButton::clicked, loader_, &FileLoader::cancel);
    statusBar()->addPermanentWidget(stop_);
}

QString MainWindow::fileName() const { return QFileInfo(loader_->path()).fileName(); }

QString MainWindow::statusText() const { return status_->text(); }

QString MainWindow::noticeText() const { return notice_->text(); }

void MainWindow::setStatus(const QString& text) { status_->setText(text); }

void MainWindow::chooseFile() {
    const QString dir = loader_->path().isEmpty() ? QString() : QFileInfo(loader_->path()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Capture File"), dir,
        tr("Capture files (*.pcap *.pcapng *.cap *.ntar *.pcap.* *.pcapng.*);;pcap (*.pcap *.cap);;"
           "pcapng (*.pcapng *.ntar);;All files (*)"));
    if (!path.isEmpty()) openFile(path);
}

bool MainWindow::openFile(const QString& path) { return loader_->open(path); }

void MainWindow::onStarted() {
    notice_->clear();
    notice_->hide();
    hub_->clear();
    model_->setSession(loader_->session());
    ladder_->setSession(loader_->session());
    timeline_->setSession(loader_->session());
    graphs_->setSession(loader_->session());
    setWindowTitle(fileName() % QStringLiteral(" \u2014 seqscope"));
    progress_->setValue(0);
    progress_->show();
    stop_->show();
    setStatus(tr("Loading %1\u2026").arg(fileName()));
}

// "1 packet", "2,342 packets" (in the user's number format).
static QString packetCount(std::size_t count) {
    const QString n = QLocale().toString(static_cast<qulonglong>(count));
    return count == 1 ? MainWindow::tr("%1 packet").arg(n) : MainWindow::tr("%1 packets").arg(n);
}

void MainWindow::onPacketsAvailable(std::size_t count) {
    model_->setPacketCount(count);
    timeline_->refresh();  // grows as packets come (the view spaces its rebuilds)
    // The shown stream's ladder and graphs grow too, as a live capture will make
    // them: one rebuild at a time per view, at most twice a second (each rebuild
    // rescans the packets read so far).
    if (!stream_views_grown_.isValid() || stream_views_grown_.elapsed() >= 500) {
        if (!ladder_->building()) ladder_->refresh();
        if (!graphs_->building()) graphs_->refresh();
        stream_views_grown_.restart();
    }
    progress_->setValue(static_cast<int>(loader_->progress() * 1000.0));
    setStatus(packetCount(count) % QStringLiteral(" \u00b7 ") % fileName() % QStringLiteral(" \u00b7 ") % tr("loading\u2026"));
}

void MainWindow::onFinished(std::size_t count, const QString& error) {
    model_->setPacketCount(count);
    progress_->hide();
    stop_->hide();
    QString text = packetCount(count) % QStringLiteral(" \u00b7 ") % fileName();
    if (loader_->canceled()) text += QStringLiteral(" \u00b7 ") % tr("loading stopped");
    if (!error.isEmpty()) text += QStringLiteral(" \u00b7 ") % error % QLatin1Char(' ') % tr("Every packet before it is shown.");
    setStatus(text);
    ladder_->refresh();  // the shown stream may have grown while loading
    timeline_->refresh();
    graphs_->refresh();
    Q_EMIT loadFinished();
}

void MainWindow::onFailed(const QString& error) {
    // The capture that was open (if any) stays, with its own status; the sentence
    // sits beside it until the next file opens.
    notice_->setText(error);
    notice_->setToolTip(error);
    notice_->show();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    event->acceptProposedAction();
    openFile(urls.first().toLocalFile());
}

bool MainWindow::selectFrame(std::size_t number) {
    if (number == 0 || number > static_cast<std::size_t>(model_->rowCount())) return false;
    const QModelIndex i = model_->index(static_cast<int>(number - 1), 0);
    list_->setCurrentIndex(i);
    list_->scrollTo(i);
    return true;
}

void MainWindow::onCurrentRowChanged(const QModelIndex& current) {
    if (!current.isValid()) {
        hub_->setCurrentPacket(std::nullopt);
        return;
    }
    StreamRef stream;
    if (const QVariant tcp = current.data(TcpStreamRole); tcp.isValid())
        stream = StreamRef::tcp(static_cast<std::uint32_t>(tcp.toLongLong()));
    else if (const QVariant udp = current.data(UdpStreamRole); udp.isValid())
        stream = StreamRef::udp(static_cast<std::uint32_t>(udp.toLongLong()));
    hub_->selectPacket(static_cast<std::size_t>(current.row()), stream);
}

void MainWindow::onCurrentPacketChanged() {
    const CaptureSession* session = model_->session();
    const auto packet = hub_->currentPacket();
    // Another view (the ladder) may have picked the packet: follow it in the list.
    if (packet && static_cast<int>(*packet) < model_->rowCount() && list_->currentIndex().row() != static_cast<int>(*packet)) {
        const QModelIndex i = model_->index(static_cast<int>(*packet), 0);
        list_->setCurrentIndex(i);
        list_->scrollTo(i);
    }
    details_->showPacket(session, packet);
    if (session != nullptr && packet && *packet < session->packet_count())
        bytes_->setBytes(session->store().bytes(*packet));
    else
        bytes_->setBytes({});
}

}  // namespace seqscope::ui
