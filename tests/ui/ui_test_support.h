// SPDX-License-Identifier: GPL-3.0-or-later
// Shared pieces of the ui tests: one QApplication for the whole run (offscreen
// unless told otherwise), the corpus captures, and seqscope-cli as the peer the
// GUI must agree with.
#pragma once

#include <QApplication>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include "ui/main_window.h"

#include <functional>
#include <ostream>

// Readable gtest messages for QString comparisons.
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace seqscope::test {

inline QApplication& app() {
    static QApplication* instance = [] {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        static int argc = 1;
        static char name[] = "ui_tests";
        static char* argv[] = {name, nullptr};
        // Never destroyed: widgets of a failed test may outlive their test body.
        return new QApplication(argc, argv);
    }();
    return *instance;
}

inline QString capture(const char* name) {
    return QStringLiteral(SEQSCOPE_SHARED_DIR "/conformance/captures/") + QString::fromUtf8(name);
}

// A capture bundled in resources/samples/.
inline QString sample(const char* name) {
    return QStringLiteral(SEQSCOPE_SOURCE_DIR "/resources/samples/") + QString::fromUtf8(name);
}

// stdout of seqscope-cli with `args`, split into lines (the trailing empty one dropped).
inline QStringList program_lines(const QString& program, const QStringList& args, int* exit_code = nullptr) {
    QProcess p;
    if (program == QLatin1String("tshark")) {  // with the profile the corpus's references were made with
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WIRESHARK_CONFIG_DIR"), QStringLiteral(SEQSCOPE_SHARED_DIR "/conformance/tshark-profile"));
        p.setProcessEnvironment(env);
    }
    p.start(program, args);
    EXPECT_TRUE(p.waitForFinished(60000)) << program.toStdString() << " did not finish";
    if (exit_code != nullptr) *exit_code = p.exitCode();
    QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.back().isEmpty()) lines.pop_back();
    return lines;
}

inline QStringList cli_lines(const QStringList& args, int* exit_code = nullptr) {
    return program_lines(QStringLiteral(SEQSCOPE_CLI), args, exit_code);
}

// How many packets seqscope-cli reads from `file`.
inline int cli_packet_count(const QString& file) {
    return static_cast<int>(
        cli_lines({QStringLiteral("-r"), file, QStringLiteral("-T"), QStringLiteral("fields"), QStringLiteral("-e"),
                   QStringLiteral("frame.number")})
            .size());
}

// A big pcap made in `dir` from a small corpus pcap: its packet records repeated
// `copies` times after one file header. Big enough that loading takes many ticks.
inline QString replicate_pcap(const QTemporaryDir& dir, const char* name, int copies) {
    QFile in(capture(name));
    EXPECT_TRUE(in.open(QIODevice::ReadOnly));
    const QByteArray whole = in.readAll();
    const QByteArray header = whole.left(24);
    const QByteArray records = whole.mid(24);
    const QString path = dir.filePath(QStringLiteral("big-") + QString::fromUtf8(name));
    QFile out(path);
    EXPECT_TRUE(out.open(QIODevice::WriteOnly));
    out.write(header);
    for (int i = 0; i < copies; ++i) out.write(records);
    return path;
}

// Opens `path` in `w` and waits until it is read to the end.
inline bool open_and_wait(ui::MainWindow& w, const QString& path) {
    QSignalSpy done(&w, &ui::MainWindow::loadFinished);
    if (!w.openFile(path)) return false;
    return done.count() > 0 || done.wait(30000);
}

inline bool wait_until(const std::function<bool()>& done, int timeout_ms = 30000) {
    return QTest::qWaitFor(done, timeout_ms);
}

}  // namespace seqscope::test
