// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/startup_script.h"

#include "session/capture_session.h"
#include "ui/details_pane.h"
#include "ui/file_loader.h"
#include "ui/graphs/graphs_view.h"
#include "ui/ladder/ladder_canvas.h"
#include "ui/ladder/ladder_view.h"
#include "ui/main_window.h"
#include "ui/plot/plot_widget.h"
#include "ui/selection_hub.h"
#include "ui/timeline/timeline_view.h"

#include <QApplication>
#include <QDockWidget>
#include <QStringList>
#include <QTimer>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <utility>

namespace seqscope::ui {

namespace {

// The script's steps after loading; kept alive by the connections that run them.
class Runner {
public:
    Runner(MainWindow& window, StartupScript script) : window_(window), s_(std::move(script)) {}

    void afterLoad() {
        if (s_.cursor && window_.loader()->session())
            window_.selection()->setCursorTime(window_.loader()->session()->store().first_ts_ns() +
                                               static_cast<std::int64_t>(*s_.cursor * 1e9));
        if (s_.timeline) return showTimeline();
        if (!s_.graph.isEmpty()) return showGraph();
        if (!s_.ladder.isEmpty()) return showLadder();
        selectAndGrab(&window_);
    }

private:
    void selectAndGrab(QWidget* what) {
        if (s_.select) window_.selectFrame(*s_.select);
        if (s_.screenshot.isEmpty()) return;
        // Let the views lay out and paint the selection before grabbing.
        QTimer::singleShot(300, &window_, [what, path = s_.screenshot] {
            const bool ok = what->grab().save(path);
            if (!ok) std::fprintf(stderr, "seqscope: could not write %s\n", qPrintable(path));
            QApplication::exit(ok ? 0 : 1);
        });
    }

    // A pane's screenshot is the pane alone, undocked at the script's size.
    bool undockForScreenshot(QDockWidget* dock) {
        if (s_.screenshot.isEmpty() || !s_.size) return false;
        dock->setFloating(true);
        dock->resize(*s_.size);
        return true;
    }

    void showTimeline() {
        auto* view = window_.timelineView();
        const bool alone = undockForScreenshot(window_.timelineDock());
        if (!alone) window_.resizeDocks({window_.timelineDock()}, {window_.height() * 4 / 10}, Qt::Vertical);
        QWidget* what = alone ? static_cast<QWidget*>(view) : &window_;
        if (!view->building()) return selectAndGrab(what);
        QObject::connect(view, &TimelineView::timelineShown, &window_, [this, view, what, once = false]() mutable {
            if (!view->building() && !std::exchange(once, true)) selectAndGrab(what);
        });
    }

    void showGraph() {
        const QStringList spec = s_.graph.split(QLatin1Char(','));
        auto* view = window_.graphsView();
        if (const auto kind = graphKindFromKey(spec.value(0))) view->setKind(*kind);
        undockForScreenshot(window_.graphsDock());
        QObject::connect(view, &GraphsView::graphShown, &window_, [this, view, spec, once = false]() mutable {
            if (std::exchange(once, true)) return;
            // An optional third part zooms to a span of seconds: tcptrace,0,0.2:0.45.
            if (const QStringList x = spec.value(2).split(QLatin1Char(':')); x.size() == 2)
                view->plot()->setXRange(x[0].toDouble(), x[1].toDouble());
            selectAndGrab(view);
        });
        view->showStream(StreamRef::tcp(static_cast<std::uint32_t>(spec.value(1).toULong())));
    }

    void showLadder() {
        const QStringList spec = s_.ladder.split(QLatin1Char(','));
        QString id = spec.value(0);
        const bool udp = id.startsWith(QLatin1String("udp:"));
        if (id.contains(QLatin1Char(':'))) id = id.section(QLatin1Char(':'), 1);
        auto* view = window_.ladderView();
        if (spec.contains(QLatin1String("rows"))) view->canvas()->setMode(LadderMode::Rows);
        undockForScreenshot(window_.ladderDock());
        QObject::connect(view, &LadderView::ladderShown, &window_, [this, view, spec, once = false]() mutable {
            if (std::exchange(once, true)) return;
            if (spec.contains(QLatin1String("fit"))) view->canvas()->zoomToFit();
            selectAndGrab(view);
        });
        const auto n = static_cast<std::uint32_t>(id.toULong());
        view->showStream(udp ? StreamRef::udp(n) : StreamRef::tcp(n));
    }

    MainWindow& window_;
    StartupScript s_;
};

}  // namespace

void runStartupScript(MainWindow& window, const StartupScript& script) {
    if (script.size) window.resize(*script.size);
    if (!script.expand.isEmpty()) window.detailsPane()->setExpandedPaths(script.expand);
    window.show();
    auto runner = std::make_shared<Runner>(window, script);
    QObject::connect(&window, &MainWindow::loadFinished, &window, [runner] { runner->afterLoad(); });
    if (!script.file.isEmpty()) {
        // A file that does not open says so in the window; a screenshot still shows it.
        if (!window.openFile(script.file) && !script.screenshot.isEmpty()) runner->afterLoad();
    } else if (!script.screenshot.isEmpty()) {
        runner->afterLoad();
    }
}

}  // namespace seqscope::ui
