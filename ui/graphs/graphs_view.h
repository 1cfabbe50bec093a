// SPDX-License-Identifier: GPL-3.0-or-later
// The TCP Graphs pane: a toolbar (graph kind, direction, relative/raw, fit,
// export) over the plot of the hub's current TCP stream. The stream's segment
// events are collected off the GUI thread (GraphJob); the graph kinds and
// directions are built from them on demand by core. It follows the
// SelectionHub: the current packet is ringed on the plot, a click selects the
// packet of the nearest point, and the shared time cursor is a vertical line that
// follows the mouse over the plot (and any other view that moves it).
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "analysis/tcp_events.h"
#include "graphs/graph_series.h"
#include "ui/graphs/graph_kind.h"
#endif
#include "ui/selection_hub.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QLabel;

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class GraphJob;
class PlotWidget;

class GraphsView : public QWidget {
    Q_OBJECT
public:
    explicit GraphsView(SelectionHub* hub, QWidget* parent = nullptr);
    ~GraphsView() override;

    // A new capture (or none): nothing shown until a stream is selected.
    void setSession(std::shared_ptr<const CaptureSession> session);
    // Collects the shown stream again from the session as it is now (after loading).
    void refresh();
    // Shows this stream (also what the hub's stream changes do); UDP gets a sentence.
    void showStream(StreamRef stream);

    void setKind(GraphKind kind);
    [[nodiscard]] GraphKind kind() const { return kind_; }
    // 0: endpoint a sends (a → b), 1: b → a.
    void setSender(std::uint8_t sender);
    [[nodiscard]] std::uint8_t sender() const { return sender_; }
    void setRelative(bool relative);
    [[nodiscard]] bool relative() const { return relative_; }

    [[nodiscard]] PlotWidget* plot() const { return plot_; }
    [[nodiscard]] StreamRef stream() const { return stream_; }
    [[nodiscard]] const TcpConversationEvents* events() const { return events_.get(); }
    [[nodiscard]] bool building() const;
    [[nodiscard]] QString statusText() const;
    // Seconds on the graphs' x axis for an absolute time, and back.
    [[nodiscard]] std::optional<double> xOfTime(std::int64_t ts_ns) const;
    [[nodiscard]] std::optional<std::int64_t> timeOfX(double x) const;

    // Writes the shown graph as PNG or PDF (by the path's suffix) at width x height
    // (0: the plot's size). False with a sentence in `error` when it cannot.
    bool exportTo(const QString& path, int width = 0, int height = 0, QString* error = nullptr);

Q_SIGNALS:
    // A graph was built and drawn (tests and --screenshot wait for it).
    void graphShown();

private:
    void buildToolBar();
    void onReady(std::shared_ptr<const TcpConversationEvents> events, std::uint32_t tcp_stream);
    void redraw(bool keep_range);
    void onHubPacket();
    void onHubCursor();
    void chooseExport(const QString& suffix);
    void setStatus(const QString& text);
    void updateDirections();

    SelectionHub* hub_;
    std::shared_ptr<const CaptureSession> session_;
    StreamRef stream_;   // asked for
    std::optional<std::uint32_t> shown_;  // the TCP stream whose events are held
    std::shared_ptr<const TcpConversationEvents> events_;
    GraphKind kind_ = GraphKind::Tcptrace;
    std::uint8_t sender_ = 0;
    bool relative_ = true;
    GraphJob* job_;
    PlotWidget* plot_;
    QLabel* stream_label_ = nullptr;
    QComboBox* kind_box_ = nullptr;
    QComboBox* direction_box_ = nullptr;
    QAction* relative_action_ = nullptr;
    QLabel* status_;
};

}  // namespace seqscope::ui
