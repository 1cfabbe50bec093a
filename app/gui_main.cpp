// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope [FILE]: the desktop GUI. Argument parsing only; the window lives in ui/.
// --screenshot OUT.png grabs the window once the file is loaded and exits, so docs
// can be regenerated without a desktop (run it under xvfb-run or -platform offscreen).
#include "ui/details_pane.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("seqscope"));
    QApplication::setApplicationVersion(QStringLiteral(SEQSCOPE_VERSION));

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

    const auto after_load = [&] {
        if (parser.isSet(select)) window.selectFrame(parser.value(select).toULongLong());
        if (!parser.isSet(screenshot)) return;
        // Let the views lay out and paint the selection before grabbing.
        QTimer::singleShot(300, &window, [&] {
            const bool ok = window.grab().save(parser.value(screenshot));
            if (!ok) std::fprintf(stderr, "seqscope: could not write %s\n", qPrintable(parser.value(screenshot)));
            QApplication::exit(ok ? 0 : 1);
        });
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
