// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the ladder to a file or a device: PNG, SVG and PDF are drawn by the same
// painter as the screen (the whole conversation, the band in view, or the band of a
// frame range); PlantUML, Mermaid, CSV and Markdown are core's text exports of the
// same Ladder. The window's Export menu and `seqscope-cli -z ladder,N --export …`
// both come here, so they write the same file for the same options.
#pragma once

#include "ui/draw/ladder_scene.h"

#include <QRectF>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>

class QIODevice;

namespace seqscope::ui {

enum class LadderExportFormat { Png, Svg, Pdf, PlantUml, Mermaid, Csv, Markdown };

// "png", "svg", "pdf", "puml", "mmd", "csv", "md".
QString exportSuffix(LadderExportFormat format);
// A file dialog filter for the format ("PNG image (*.png)").
QString exportFilter(LadderExportFormat format);
std::optional<LadderExportFormat> exportFormatForPath(const QString& path);

// Taller drawings than this are refused as PNG (the image would not fit in memory).
constexpr int kMaxPngHeight = 30000;

struct LadderExportOptions {
    std::optional<QRectF> band;  // a content band (the view, a frame range); nullopt: the whole drawing
    double scale = 1;            // PNG pixels per drawing pixel
};

// Writes `scene` to `out` or to the file `path`. False with a sentence in `error`.
bool exportLadder(const LadderScene& scene, LadderExportFormat format, QIODevice& out,
                  const LadderExportOptions& options, QString* error);
bool exportLadder(const LadderScene& scene, LadderExportFormat format, const QString& path,
                  const LadderExportOptions& options, QString* error);

// What a whole-conversation export draws: the ladder with `options` (mode, zoom, lane
// order) at the export width, which depends on the lanes only, not on a window.
double exportWidth(const LadderScene& scene);
LadderScene exportScene(std::shared_ptr<const Ladder> ladder, LadderSceneOptions options);

// The band holding the arrows of frames [first, last] below the lane headers, which
// band exports repeat at the top; nullopt when no arrow of the ladder is in the range.
std::optional<QRectF> framesBand(const LadderScene& scene, std::uint32_t first, std::uint32_t last);

}  // namespace seqscope::ui
