// SPDX-License-Identifier: GPL-3.0-or-later
// The PNG and SVG writers every picture shares: a white page of `size` drawing
// pixels, `paint` drawing on it, the file to `out`. (PDF pages differ per picture.)
#pragma once

#include <QSizeF>
#include <QString>

#include <functional>

class QIODevice;
class QPainter;

namespace seqscope::ui {

using PaintFn = std::function<void(QPainter&)>;

// `scale` PNG pixels per drawing pixel. False with a sentence in `error`.
bool writePng(QIODevice& out, QSizeF size, double scale, const PaintFn& paint, QString* error);
bool writeSvg(QIODevice& out, QSizeF size, const QString& title, const QString& description, const PaintFn& paint,
              QString* error);

}  // namespace seqscope::ui
