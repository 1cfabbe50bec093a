// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/picture_writer.h"

#include "ui/draw/ladder_export.h"
#include "ui/draw/timeline_export.h"

#include <QBuffer>
#include <QByteArray>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QString>

#include <cstdio>

namespace seqscope::ui {

QtPictureWriter::QtPictureWriter() = default;
QtPictureWriter::~QtPictureWriter() = default;

namespace {

// Qt's chatter about a desktop session a command-line run does not have
// ("QStandardPaths: XDG_RUNTIME_DIR not set…") would land among seqscope-cli's own
// messages on stderr; everything else Qt says still goes there.
void quietHandler(QtMsgType, const QMessageLogContext&, const QString& message) {
    if (message.startsWith(QLatin1String("QStandardPaths: "))) return;
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

}  // namespace

void QtPictureWriter::ensureApplication() const {
    if (QCoreApplication::instance() != nullptr) return;
    // Painting text needs a QGuiApplication; a CLI draws off screen, display or not.
    qInstallMessageHandler(quietHandler);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "seqscope-cli";
    static char* argv[] = {name, nullptr};
    app_ = std::make_unique<QGuiApplication>(argc, argv);
}

namespace {

// Runs `write` into a buffer and hands its bytes to `out`, or its sentence to `error`.
template <typename Write>
bool intoBytes(Write write, std::string& out, std::string& error) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString qerror;
    if (!write(buffer, &qerror)) {
        error = qerror.toStdString();
        return false;
    }
    out.append(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    return true;
}

}  // namespace

bool QtPictureWriter::ladder(const Ladder& ladder, const std::string& format, const PictureOptions& options,
                             std::string& out, std::string& error) const {
    ensureApplication();
    const auto kind = format == "png" ? LadderExportFormat::Png
                      : format == "svg" ? LadderExportFormat::Svg
                                        : LadderExportFormat::Pdf;
    // The scene shares the caller's ladder for this call (aliasing, no copy of it).
    const LadderScene scene = exportScene(std::shared_ptr<const Ladder>(std::shared_ptr<const Ladder>(), &ladder), {});
    LadderExportOptions o;
    o.scale = options.scale;
    if (options.frames) {
        o.band = framesBand(scene, options.frames->first, options.frames->last);
        if (!o.band) {
            error = "frames " + std::to_string(options.frames->first) + "-" + std::to_string(options.frames->last) +
                    " hold no segment of this conversation";
            return false;
        }
    }
    return intoBytes([&](QIODevice& device, QString* e) { return exportLadder(scene, kind, device, o, e); }, out, error);
}

bool QtPictureWriter::timeline(const Timeline& timeline, const std::string& format, const PictureOptions& options,
                               std::string& out, std::string& error) const {
    ensureApplication();
    const auto kind = format == "png" ? TimelineExportFormat::Png
                      : format == "svg" ? TimelineExportFormat::Svg
                                        : TimelineExportFormat::Pdf;
    TimelineExportOptions o;
    o.scale = options.scale;
    const std::shared_ptr<const Timeline> shared(std::shared_ptr<const Timeline>(), &timeline);  // no copy
    return intoBytes([&](QIODevice& device, QString* e) { return exportTimeline(shared, kind, device, o, e); }, out,
                     error);
}

}  // namespace seqscope::ui
