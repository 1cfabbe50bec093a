// SPDX-License-Identifier: GPL-3.0-or-later
// What `seqscope FILE --ladder N --screenshot out.png …` asks of the window once the
// file is loaded: set the time cursor, show a pane (ladder, timeline, a TCP graph),
// select a frame, and grab a PNG of the window or the pane and quit. The docs'
// screenshots and CI's check of the README's run command are made this way.
// app/gui_main.cpp only turns the command line into a StartupScript.
#pragma once

#include <QSet>
#include <QSize>
#include <QString>

#include <optional>

namespace seqscope::ui {

class MainWindow;

struct StartupScript {
    QString file;                  // empty: no file, just the window
    QString screenshot;            // a PNG to write, then quit; empty: stay open
    std::optional<QSize> size;     // the window's size; with a pane's screenshot, the pane's
    QSet<QString> expand;          // details subtrees to open, e.g. "tcp/tcp.flags"
    std::optional<quint64> select; // a frame to select
    QString ladder;                // "N" or "udp:N", with ",rows" and ",fit"
    bool timeline = false;
    std::optional<double> cursor;  // seconds after the first packet
    QString graph;                 // "KIND[,STREAM[,A:B]]"
};

// Applies the size and the expanded paths, shows `window`, opens the file and runs
// the rest of the script once it has loaded.
void runStartupScript(MainWindow& window, const StartupScript& script);

}  // namespace seqscope::ui
