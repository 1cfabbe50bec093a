// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ladder/ladder_export.h"

#include "ladder/ladder_text.h"
#include "ui/ladder/ladder_painter.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

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

bool writeText(const QString& path, const std::string& text, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        f.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
        if (error) *error = QStringLiteral("Could not write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

// Whole drawings carry the legend and draw lane headers once; a band keeps them on top.
LadderPaintState exportState(const QRectF* band) {
    LadderPaintState st;
    st.sticky_headers = band != nullptr;
    st.legend = band == nullptr;
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

bool exportLadder(const LadderScene& scene, LadderExportFormat format, const QString& path, const QRectF* band,
                  QString* error) {
    if (scene.ladder() == nullptr) {
        if (error) *error = QStringLiteral("There is no ladder to export.");
        return false;
    }
    const Ladder& l = *scene.ladder();
    const QRectF whole(0, 0, scene.width(), scene.height());
    const QRectF area = band ? band->intersected(whole) : whole;
    const LadderPaintState st = exportState(band);
    switch (format) {
    case LadderExportFormat::PlantUml: return writeText(path, ladder_plantuml(l), error);
    case LadderExportFormat::Mermaid: return writeText(path, ladder_mermaid(l), error);
    case LadderExportFormat::Csv: return writeText(path, ladder_csv(l), error);
    case LadderExportFormat::Markdown: return writeText(path, ladder_markdown(l), error);
    case LadderExportFormat::Png: {
        const QSize size(static_cast<int>(std::ceil(area.width())), static_cast<int>(std::ceil(area.height())));
        if (size.height() > kMaxPngHeight) {
            if (error)
                *error = QStringLiteral("The whole conversation is %1 px tall, too tall for a PNG; export the visible "
                                        "range, or SVG or PDF.")
                             .arg(size.height());
            return false;
        }
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            paintArea(p, scene, area, st);
        }
        if (!image.save(path, "PNG")) {
            if (error) *error = QStringLiteral("Could not write %1.").arg(path);
            return false;
        }
        return true;
    }
    case LadderExportFormat::Svg: {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(area.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
        svg.setTitle(QString::fromStdString(l.title));
        svg.setDescription(QString::fromStdString(l.subtitle));
        QPainter p;
        if (!p.begin(&svg)) {
            if (error) *error = QStringLiteral("Could not write %1.").arg(path);
            return false;
        }
        paintArea(p, scene, area, st);
        p.end();
        return QFileInfo(path).size() > 0;
    }
    case LadderExportFormat::Pdf: {
        // Pages as wide as the drawing, cut into A4-proportioned bands; each page
        // repeats the lane headers so it reads on its own.
        QPdfWriter pdf(path);
        pdf.setTitle(QString::fromStdString(l.title));
        pdf.setCreator(QStringLiteral("seqscope"));
        pdf.setResolution(96);
        const double page_h = std::min(area.height(), std::ceil(area.width() * 1.414));
        pdf.setPageSize(QPageSize(QSizeF(area.width() * 0.75, page_h * 0.75), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p;
        if (!p.begin(&pdf)) {
            if (error) *error = QStringLiteral("Could not write %1.").arg(path);
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
        p.end();
        return true;
    }
    }
    return false;
}

}  // namespace seqscope::ui
