// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope [FILE]: the desktop GUI. Argument parsing only; the window lives in ui/,
// and what --screenshot, --ladder, --timeline … do after loading in
// ui/startup_script (docs and CI take screenshots without a desktop this way).
#include "ui/main_window.h"
#include "ui/startup_script.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

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

    seqscope::ui::StartupScript script;
    if (!parser.positionalArguments().isEmpty()) script.file = parser.positionalArguments().first();
    script.screenshot = parser.value(screenshot);
    if (const QStringList wh = parser.value(size).split(QLatin1Char('x')); wh.size() == 2)
        script.size = QSize(wh[0].toInt(), wh[1].toInt());
    for (const QString& path : parser.value(expand).split(QLatin1Char(','), Qt::SkipEmptyParts)) script.expand.insert(path);
    if (parser.isSet(select)) script.select = parser.value(select).toULongLong();
    script.ladder = parser.value(ladder);
    script.timeline = parser.isSet(timeline);
    if (parser.isSet(cursor)) script.cursor = parser.value(cursor).toDouble();
    script.graph = parser.value(graph);

    seqscope::ui::MainWindow window;
    seqscope::ui::runStartupScript(window, script);
    return QApplication::exec();
}
