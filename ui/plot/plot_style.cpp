// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plot/plot_style.h"

#include "ui/draw/palette.h"

namespace seqscope::ui {

namespace {

QColor rgb(const char* hex) { return QColor(QLatin1String(hex)); }

}  // namespace

SeriesLook seriesLook(SeriesRole role, SeriesStyle style) {
    // Data lines and dots in the ladder's data blue; the flags keep the ladder's
    // colours (retransmission orange, duplicate ACK magenta, RST red for a zero
    // window) and sit on top with marks big enough to find in a dense plot.
    const bool dots = style == SeriesStyle::Points;
    switch (role) {
    case SeriesRole::Sequence: return {rgb(palette::kData), 1.0, PlotMark::Dot, 3, 1};
    case SeriesRole::Segment: return {rgb(palette::kData), 1.2, PlotMark::None, 0, 1};
    case SeriesRole::Ack: return {rgb(palette::kPureAck), 1.4, PlotMark::None, 0, 2};
    case SeriesRole::ReceiveWindow: return {rgb(palette::kEstablished), 1.4, PlotMark::None, 0, 2};
    case SeriesRole::Sack: return {rgb(palette::kSynFin), 2.0, PlotMark::None, 0, 3};
    case SeriesRole::Retransmission: return {rgb(palette::kRetransmission), 1.5, PlotMark::Disc, 8, 5};
    case SeriesRole::DuplicateAck: return {rgb(palette::kDupAck), 1.5, PlotMark::Triangle, 8, 5};
    case SeriesRole::ZeroWindow: return {rgb(palette::kRst), 2.0, PlotMark::Cross, 9, 6};
    case SeriesRole::Throughput: return {rgb(palette::kData), 1.6, PlotMark::None, 0, 1};
    case SeriesRole::Goodput: return {rgb(palette::kEstablished), 1.6, PlotMark::None, 0, 2};
    case SeriesRole::Rtt: return {rgb(palette::kData), 1.0, dots ? PlotMark::Circle : PlotMark::None, 5, 1};
    case SeriesRole::BytesInFlight: return {rgb(palette::kData), 1.4, dots ? PlotMark::Dot : PlotMark::None, 3, 1};
    }
    return {rgb(palette::kData), 1.0, PlotMark::None, 0, 0};
}

QColor selectionColor() { return QColor(QStringLiteral("#111111")); }

QColor cursorColor() { return rgb(palette::kRst); }

}  // namespace seqscope::ui
