// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/picture_file.h"

#include <QIODevice>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

bool writePng(QIODevice& out, QSizeF size, double scale, const PaintFn& paint, QString* error) {
    scale = std::clamp(scale, 0.25, 8.0);
    QImage image(static_cast<int>(std::ceil(size.width() * scale)), static_cast<int>(std::ceil(size.height() * scale)),
                 QImage::Format_RGB32);
    if (image.isNull()) {
        if (error) *error = QStringLiteral("The picture is too large for a PNG; export SVG or PDF.");
        return false;
    }
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.scale(scale, scale);
        paint(p);
    }
    if (!image.save(&out, "PNG")) {
        if (error) *error = QStringLiteral("Could not write the PNG: %1").arg(out.errorString());
        return false;
    }
    return true;
}

bool writeSvg(QIODevice& out, QSizeF size, const QString& title, const QString& description, const PaintFn& paint,
              QString* error) {
    QSvgGenerator svg;
    svg.setOutputDevice(&out);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(description);
    QPainter p;
    if (!p.begin(&svg)) {
        if (error) *error = QStringLiteral("Could not write the SVG drawing.");
        return false;
    }
    paint(p);
    return p.end();
}

}  // namespace seqscope::ui
