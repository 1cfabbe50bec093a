// SPDX-License-Identifier: GPL-3.0-or-later
// The first window: Wireshark's three panes (packet list, details, bytes) over one
// capture, a status bar that says what is loaded or what went wrong, and the File
// menu. It wires the loader, the model and the selection hub together; the panes
// only talk through the hub.
#pragma once

#include <QElapsedTimer>
#include <QMainWindow>

#include <cstddef>
#include <optional>

class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QToolButton;
class QTableView;

namespace seqscope::ui {

class BytesPane;
class DetailsPane;
class FileLoader;
class GraphsView;
class LadderView;
class PacketListModel;
class SelectionHub;
class TimelineView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a capture; problems end up in the status bar. False if it can't be read.
    bool openFile(const QString& path);
    // Selects frame `number` (1-based) in the packet list, if it is loaded.
    bool selectFrame(std::size_t number);

    [[nodiscard]] FileLoader* loader() const { return loader_; }
    [[nodiscard]] PacketListModel* packetModel() const { return model_; }
    [[nodiscard]] SelectionHub* selection() const { return hub_; }
    [[nodiscard]] QTableView* packetList() const { return list_; }
    [[nodiscard]] DetailsPane* detailsPane() const { return details_; }
    [[nodiscard]] BytesPane* bytesPane() const { return bytes_; }
    [[nodiscard]] LadderView* ladderView() const { return ladder_; }
    [[nodiscard]] QDockWidget* ladderDock() const { return ladder_dock_; }
    [[nodiscard]] TimelineView* timelineView() const { return timeline_; }
    [[nodiscard]] QDockWidget* timelineDock() const { return timeline_dock_; }
    [[nodiscard]] GraphsView* graphsView() const { return graphs_; }
    [[nodiscard]] QDockWidget* graphsDock() const { return graphs_dock_; }
    // What is loaded ("2,342 packets · file.pcapng", plus any damage found in it).
    [[nodiscard]] QString statusText() const;
    // The last problem that is not about the loaded file (a file that could not be
    // opened); empty when there is none. Cleared by the next successful open.
    [[nodiscard]] QString noticeText() const;

Q_SIGNALS:
    // The current file has been read to its end (or its damage).
    void loadFinished();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void buildPanes();
    void onStarted();
    void onPacketsAvailable(std::size_t count);
    void onFinished(std::size_t count, const QString& error);
    void onFailed(const QString& error);
    void onCurrentRowChanged(const QModelIndex& current);
    void onCurrentPacketChanged();
    void setStatus(const QString& text);
    void chooseFile();
    [[nodiscard]] QString fileName() const;

    FileLoader* loader_;
    PacketListModel* model_;
    SelectionHub* hub_;
    QTableView* list_ = nullptr;
    DetailsPane* details_ = nullptr;
    BytesPane* bytes_ = nullptr;
    LadderView* ladder_ = nullptr;
    QDockWidget* ladder_dock_ = nullptr;
    TimelineView* timeline_ = nullptr;
    QDockWidget* timeline_dock_ = nullptr;
    GraphsView* graphs_ = nullptr;
    QDockWidget* graphs_dock_ = nullptr;
    QMenu* view_menu_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* notice_ = nullptr;
    QProgressBar* progress_ = nullptr;
    // Spaces the ladder's and the graphs' rebuilds while a file loads.
    QElapsedTimer stream_views_grown_;
    QToolButton* stop_ = nullptr;
};

}  // namespace seqscope::ui
