// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/ladder_export.h"

#include "ladder/ladder_text.h"
#include "ui/draw/ladder_painter.h"
#include "ui/draw/picture_file.h"

#include <QFile>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

QString exportSuffix(LadderExportFormat f) {
    switch (f) {
    case LadderExportFormat::Png: return QStringLiteral("png");
    case LadderExportFormat::Svg: return QStringLiteral("svg");
    case LadderExportFormat::Pdf: return QStringLiteral("pdf");
    case LadderExportFormat::PlantUml: return QStringLiteral("puml");
    case LadderExportFormat::Mermaid: return QStringLiteral("mmd");
    case LadderExportFormat::Csv: return QStringLiteral("csv");
    case LadderExportFormat::Markdown: return QStringLiteral("md");
    }
    return {};
}

QString exportFilter(LadderExportFormat f) {
    switch (f) {
    case LadderExportFormat::Png: return QStringLiteral("PNG image (*.png)");
    case LadderExportFormat::Svg: return QStringLiteral("SVG drawing (*.svg)");
    case LadderExportFormat::Pdf: return QStringLiteral("PDF document (*.pdf)");
    case LadderExportFormat::PlantUml: return QStringLiteral("PlantUML sequence diagram (*.puml)");
    case LadderExportFormat::Mermaid: return QStringLiteral("Mermaid sequence diagram (*.mmd)");
    case LadderExportFormat::Csv: return QStringLiteral("CSV seq/ack table (*.csv)");
    case LadderExportFormat::Markdown: return QStringLiteral("Markdown seq/ack table (*.md)");
    }
    return {};
}

std::optional<LadderExportFormat> exportFormatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (LadderExportFormat f : {LadderExportFormat::Png, LadderExportFormat::Svg, LadderExportFormat::Pdf,
                                 LadderExportFormat::PlantUml, LadderExportFormat::Mermaid, LadderExportFormat::Csv,
                                 LadderExportFormat::Markdown})
        if (suffix == exportSuffix(f)) return f;
    if (suffix == QLatin1String("plantuml") || suffix == QLatin1String("uml")) return LadderExportFormat::PlantUml;
    if (suffix == QLatin1String("mermaid")) return LadderExportFormat::Mermaid;
    return std::nullopt;
}

namespace {

bool writeText(QIODevice& out, const std::string& text, QString* error) {
    if (out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
        if (error) *error = QStringLiteral("Could not write the export: %1").arg(out.errorString());
        return false;
    }
    return true;
}

// Whole drawings carry the legend and draw lane headers once; a band keeps them on top.
LadderPaintState exportState(bool band) {
    LadderPaintState st;
    st.sticky_headers = band;
    st.legend = !band;
    return st;
}

void paintArea(QPainter& p, const LadderScene& scene, const QRectF& area, const LadderPaintState& st) {
    p.save();
    p.translate(-area.topLeft());
    p.setClipRect(area);
    paintLadder(p, scene, area, st);
    p.restore();
}

}  // namespace

double exportWidth(const LadderScene& scene) {
    return std::max(900.0, 190 + 280.0 * static_cast<double>(scene.visibleLanes().size()));
}

LadderScene exportScene(std::shared_ptr<const Ladder> ladder, LadderSceneOptions options) {
    LadderScene scene;
    scene.setLadder(std::move(ladder));
    scene.setOptions(options);  // lanes placed, so their count is known
    options.width = exportWidth(scene);
    scene.setOptions(options);
    return scene;
}

std::optional<QRectF> framesBand(const LadderScene& scene, std::uint32_t first, std::uint32_t last) {
    const Ladder* l = scene.ladder();
    if (l == nullptr) return std::nullopt;
    std::optional<double> top, bottom;
    for (std::size_t i = 0; i < l->arrows.size() && i < scene.arrowCount(); ++i) {
        const std::uint32_t f = l->arrows[i].frame.value;
        if (f < first || f > last) continue;
        const ArrowGeometry& g = scene.arrow(i);
        top = std::min(top.value_or(g.y0), std::min(g.y0, g.y1));
        bottom = std::max(bottom.value_or(g.y1), std::max(g.y0, g.y1));
    }
    if (!top) return std::nullopt;
    // Room above the first arrow for the repeated lane headers and its labels, below
    // the last for its labels.
    const double from = std::max(0.0, *top - LadderScene::kHeaderHeight - scene.rowHeight() * 0.6);
    const double to = std::min(scene.height(), *bottom + scene.rowHeight() * 0.8);
    return QRectF(0, from, scene.width(), to - from);
}

bool exportLadder(const LadderScene& scene, LadderExportFormat format, const QString& path,
                  const LadderExportOptions& options, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error) *error = QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (!exportLadder(scene, format, file, options, error)) {
        file.close();
        file.remove();
        return false;
    }
    return true;
}

bool exportLadder(const LadderScene& scene, LadderExportFormat format, QIODevice& out,
                  const LadderExportOptions& options, QString* error) {
    if (scene.ladder() == nullptr) {
        if (error) *error = QStringLiteral("There is no ladder to export.");
        return false;
    }
    const Ladder& l = *scene.ladder();
    const QRectF whole(0, 0, scene.width(), scene.height());
    const QRectF area = options.band ? options.band->intersected(whole) : whole;
    const LadderPaintState st = exportState(options.band.has_value());
    switch (format) {
    case LadderExportFormat::PlantUml: return writeText(out, ladder_plantuml(l), error);
    case LadderExportFormat::Mermaid: return writeText(out, ladder_mermaid(l), error);
    case LadderExportFormat::Csv: return writeText(out, ladder_csv(l), error);
    case LadderExportFormat::Markdown: return writeText(out, ladder_markdown(l), error);
    case LadderExportFormat::Png: {
        if (std::ceil(area.height() * options.scale) > kMaxPngHeight) {
            if (error)
                *error = QStringLiteral("The drawing is %1 px tall, too tall for a PNG; export a frame range, the "
                                        "visible part, or SVG or PDF.")
                             .arg(std::ceil(area.height() * options.scale));
            return false;
        }
        return writePng(out, area.size(), options.scale, [&](QPainter& p) { paintArea(p, scene, area, st); }, error);
    }
    case LadderExportFormat::Svg:
        return writeSvg(out, area.size(), QString::fromStdString(l.title), QString::fromStdString(l.subtitle),
                        [&](QPainter& p) { paintArea(p, scene, area, st); }, error);
    case LadderExportFormat::Pdf: {
        // Pages as wide as the drawing, cut into A4-proportioned bands; each page
        // repeats the lane headers so it reads on its own.
        QPdfWriter pdf(&out);
        pdf.setTitle(QString::fromStdString(l.title));
        pdf.setCreator(QStringLiteral("seqscope"));
        pdf.setResolution(96);
        const double page_h = std::min(area.height(), std::ceil(area.width() * 1.414));
        pdf.setPageSize(QPageSize(QSizeF(area.width() * 0.75, page_h * 0.75), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p;
        if (!p.begin(&pdf)) {
            if (error) *error = QStringLiteral("Could not write the PDF document.");
            return false;
        }
        LadderPaintState page_state = st;
        // Pages after the first overlap the previous one by the header they repeat.
        const double step = std::max(100.0, page_h - LadderScene::kHeaderHeight);
        for (double top = area.top(); top < area.bottom(); top += top == area.top() ? page_h : step) {
            if (top > area.top()) {
                pdf.newPage();
                page_state.sticky_headers = true;
            }
            paintArea(p, scene, QRectF(area.left(), top, area.width(), std::min(page_h, area.bottom() - top)),
                      page_state);
        }
        return p.end();
    }
    }
    return false;
}

}  // namespace seqscope::ui
