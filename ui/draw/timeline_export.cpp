// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/timeline_export.h"

#include "ui/draw/ladder_style.h"
#include "ui/draw/picture_file.h"
#include "ui/draw/timeline_painter.h"

#include <QIODevice>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

double timelineLabelWidth(const TimelineScene& scene, double width) {
    const auto& f = ladder_style::Fonts::get();
    double widest = 200;
    if (const Timeline* t = scene.timeline())
        for (const std::size_t i : scene.rows())
            widest = std::max(widest, ladder_style::textWidth(f.mono, QString::fromStdString(t->rows[i].title)) + 22);
    // A long IPv6 title is elided rather than eating the plot.
    return std::min(widest, std::max(220.0, width * 0.3));
}

bool exportTimeline(std::shared_ptr<const Timeline> timeline, TimelineExportFormat format, QIODevice& out,
                    const TimelineExportOptions& options, QString* error) {
    TimelineScene scene;
    scene.setTimeline(std::move(timeline));
    TimelineSceneOptions o;
    o.width = options.width;
    o.readout = false;  // no cursor in a picture
    o.label_width = 0;  // measured with the rows these options show
    scene.setOptions(o);
    o.label_width = timelineLabelWidth(scene, o.width);
    o.compact = scene.rows().size() >= kTimelineCompactFrom;
    scene.setOptions(o);
    scene.fit();
    const double height =
        TimelineFrame::kHeaderHeight + std::max(60.0, scene.contentHeight()) + TimelineFrame::legendHeight(o.width);
    const QRectF area(0, 0, o.width, std::ceil(height));
    const PaintFn paint = [&](QPainter& p) { paintTimeline(p, scene, area, 0, {}); };

    switch (format) {
    case TimelineExportFormat::Png: return writePng(out, area.size(), options.scale, paint, error);
    case TimelineExportFormat::Svg:
        return writeSvg(out, area.size(), QStringLiteral("Connections timeline"), QString(), paint, error);
    case TimelineExportFormat::Pdf: {
        QPdfWriter pdf(&out);
        pdf.setTitle(QStringLiteral("Connections timeline"));
        pdf.setCreator(QStringLiteral("seqscope"));
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(area.width() * 0.75, area.height() * 0.75), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter p;
        if (!p.begin(&pdf)) {
            if (error) *error = QStringLiteral("Could not write the PDF document.");
            return false;
        }
        paint(p);
        return p.end();
    }
    }
    return false;
}

}  // namespace seqscope::ui
