// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the ladder to a file: PNG, SVG and PDF are drawn by the same painter as
// the screen (the whole conversation, or the band in view); PlantUML, Mermaid,
// CSV and Markdown are core's text exports of the same Ladder, byte for byte what
// `seqscope-cli -z ladder,N --export ...` writes.
#pragma once

#include "ui/ladder/ladder_scene.h"

#include <QRectF>
#include <QString>

#include <optional>

namespace seqscope::ui {

enum class LadderExportFormat { Png, Svg, Pdf, PlantUml, Mermaid, Csv, Markdown };

// "png", "svg", "pdf", "puml", "mmd", "csv", "md".
QString exportSuffix(LadderExportFormat format);
// A file dialog filter for the format ("PNG image (*.png)").
QString exportFilter(LadderExportFormat format);
std::optional<LadderExportFormat> exportFormatForPath(const QString& path);

// Taller drawings than this are refused as PNG (the image would not fit in memory).
constexpr int kMaxPngHeight = 30000;

// Writes `scene` to `path`. `band` limits the drawing to a content band (the view);
// null draws the whole conversation. False with a sentence in `error` on failure.
bool exportLadder(const LadderScene& scene, LadderExportFormat format, const QString& path, const QRectF* band,
                  QString* error);

}  // namespace seqscope::ui
