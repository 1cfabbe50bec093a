// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope [FILE]: the desktop GUI. Argument parsing only; the window lives in ui/.
// --screenshot OUT.png grabs the window once the file is loaded and exits, so docs
// can be regenerated without a desktop (run it under xvfb-run or -platform offscreen).
#include "ui/details_pane.h"
#include "ui/graphs/graphs_view.h"
#include "ui/ladder/ladder_canvas.h"
#include "ui/ladder/ladder_view.h"
#include "ui/main_window.h"
#include "session/capture_session.h"
#include "ui/file_loader.h"
#include "ui/selection_hub.h"
#include "ui/timeline/timeline_view.h"
#include "ui/plot/plot_widget.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <utility>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("seqscope"));
    QApplication::setApplicationVersion(QStringLiteral(SEQSCOPE_VERSION));
    // The installed .desktop entry's id, so Wayland compositors and docks match the
    // window to its menu entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.seqscope.Seqscope"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.seqscope.Seqscope"),
                                                 QIcon(QStringLiteral(":/seqscope/io.github.seqscope.Seqscope.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A packet analyzer that makes TCP and UDP visible."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A pcap or pcapng capture file to open."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a PNG of the window after loading, then exit."),
                                        QStringLiteral("OUT.png"));
    const QCommandLineOption select(QStringLiteral("select"), QStringLiteral("Select frame N after loading."),
                                    QStringLiteral("N"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1400x900."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption expand(QStringLiteral("expand"),
                                    QStringLiteral("Open these details subtrees, e.g. frame,tcp,tcp/tcp.flags."),
                                    QStringLiteral("PATHS"));
    const QCommandLineOption ladder(
        QStringLiteral("ladder"),
        QStringLiteral("Show the ladder of tcp.stream N (udp:N for a UDP stream; add ,rows for the Rows layout, ,fit to fit it in the view) after "
                       "loading. With --screenshot the PNG is the ladder pane, undocked at --size."),
        QStringLiteral("N"));
    parser.addOption(ladder);
    const QCommandLineOption timeline(
        QStringLiteral("timeline"),
        QStringLiteral("Wait for the connections timeline after loading. With --screenshot and --size the PNG is the "
                       "timeline pane alone, undocked at --size."));
    parser.addOption(timeline);
    const QCommandLineOption cursor(QStringLiteral("cursor"),
                                    QStringLiteral("Place the shared time cursor SECONDS after the first packet."),
                                    QStringLiteral("SECONDS"));
    parser.addOption(cursor);
    const QCommandLineOption graph(
        QStringLiteral("graph"),
        QStringLiteral("Show a TCP graph after loading: KIND is stevens, tcptrace, throughput, rtt or window, STREAM the "
                       "tcp.stream (default 0); add ,A:B to show seconds A to B. With --screenshot the PNG is the graph pane, undocked at --size."),
        QStringLiteral("KIND[,STREAM[,A:B]]"));
    parser.addOption(graph);
    parser.addOption(screenshot);
    parser.addOption(expand);
    parser.addOption(select);
    parser.addOption(size);
    parser.process(app);

    seqscope::ui::MainWindow window;
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        if (wh.size() == 2) window.resize(wh[0].toInt(), wh[1].toInt());
    }
    if (parser.isSet(expand)) {
        const QStringList paths = parser.value(expand).split(QLatin1Char(','), Qt::SkipEmptyParts);
        window.detailsPane()->setExpandedPaths(QSet<QString>(paths.begin(), paths.end()));
    }
    window.show();

    const auto grab_and_exit = [&](QWidget* what) {
        // Let the views lay out and paint the selection before grabbing.
        QTimer::singleShot(300, &window, [&, what] {
            const bool ok = what->grab().save(parser.value(screenshot));
            if (!ok) std::fprintf(stderr, "seqscope: could not write %s\n", qPrintable(parser.value(screenshot)));
            QApplication::exit(ok ? 0 : 1);
        });
    };
    // A pane's screenshot is the pane alone, undocked at --size.
    const auto undock_for_screenshot = [&](QDockWidget* dock) {
        if (!parser.isSet(screenshot) || !parser.isSet(size)) return;
        dock->setFloating(true);
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        dock->resize(wh.value(0).toInt(), wh.value(1).toInt());
    };
    const auto after_load = [&] {
        if (parser.isSet(cursor) && window.loader()->session())
            window.selection()->setCursorTime(window.loader()->session()->store().first_ts_ns() +
                                              static_cast<std::int64_t>(parser.value(cursor).toDouble() * 1e9));
        if (parser.isSet(timeline)) {
            auto* view = window.timelineView();
            if (parser.isSet(screenshot) && parser.isSet(size)) {
                undock_for_screenshot(window.timelineDock());
            } else {
                window.resizeDocks({window.timelineDock()}, {window.height() * 4 / 10}, Qt::Vertical);
            }
            const auto shot = [&, view] {
                if (parser.isSet(select)) window.selectFrame(parser.value(select).toULongLong());
                if (parser.isSet(screenshot)) grab_and_exit(parser.isSet(size) ? static_cast<QWidget*>(view) : &window);
            };
            if (view->building()) {
                QObject::connect(view, &seqscope::ui::TimelineView::timelineShown, &window, [view, shot] {
                    static bool once = false;
                    if (!view->building() && !std::exchange(once, true)) shot();
                });
            } else {
                shot();
            }
            return;
        }
        if (parser.isSet(graph)) {
            const QStringList spec = parser.value(graph).split(QLatin1Char(','));
            auto* view = window.graphsView();
            if (const auto kind = seqscope::ui::graphKindFromKey(spec.value(0))) view->setKind(*kind);
            undock_for_screenshot(window.graphsDock());
            QObject::connect(view, &seqscope::ui::GraphsView::graphShown, &window, [&, view, spec] {
                static bool once = false;
                if (std::exchange(once, true)) return;
                // An optional third part zooms to a span of seconds: tcptrace,0,0.2:0.45.
                if (const QStringList x = spec.value(2).split(QLatin1Char(':')); x.size() == 2)
                    view->plot()->setXRange(x[0].toDouble(), x[1].toDouble());
                if (parser.isSet(select)) window.selectFrame(parser.value(select).toULongLong());
                if (parser.isSet(screenshot)) grab_and_exit(view);
            });
            view->showStream(seqscope::ui::StreamRef::tcp(static_cast<std::uint32_t>(spec.value(1).toULong())));
            return;
        }
        if (parser.isSet(ladder)) {
            using seqscope::ui::StreamRef;
            const QStringList spec = parser.value(ladder).split(QLatin1Char(','));
            QString id = spec.value(0);
            const bool udp = id.startsWith(QLatin1String("udp:"));
            if (id.contains(QLatin1Char(':'))) id = id.section(QLatin1Char(':'), 1);
            auto* view = window.ladderView();
            if (spec.contains(QLatin1String("rows"))) view->canvas()->setMode(seqscope::LadderMode::Rows);
            undock_for_screenshot(window.ladderDock());
            QObject::connect(view, &seqscope::ui::LadderView::ladderShown, &window, [&, view, spec] {
                static bool once = false;
                if (std::exchange(once, true)) return;
                if (spec.contains(QLatin1String("fit"))) view->canvas()->zoomToFit();
                if (parser.isSet(select)) window.selectFrame(parser.value(select).toULongLong());
                if (parser.isSet(screenshot)) grab_and_exit(view);
            });
            const auto n = static_cast<std::uint32_t>(id.toULong());
            view->showStream(udp ? StreamRef::udp(n) : StreamRef::tcp(n));
            return;
        }
        if (parser.isSet(select)) window.selectFrame(parser.value(select).toULongLong());
        if (parser.isSet(screenshot)) grab_and_exit(&window);
    };
    QObject::connect(&window, &seqscope::ui::MainWindow::loadFinished, &window, after_load);

    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        if (!window.openFile(files.first()) && parser.isSet(screenshot)) after_load();
    } else if (parser.isSet(screenshot)) {
        after_load();
    }
    return QApplication::exec();
}
