// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/ladder_style.h"

#include "types/tcp_analysis.h"
#include "ui/draw/palette.h"

#include <QPainter>
#include <QPainterPath>

namespace seqscope::ui::ladder_style {

QColor arrowColour(ArrowKind kind) { return QColor(QLatin1StringView(palette::arrow(kind))); }

QColor stateColour(TcpState state) { return QColor(QLatin1StringView(palette::state(state))); }

QColor flagColour(std::uint32_t f) {
    if (f & (tcpa::kZeroWindow | tcpa::kWindowFull | tcpa::kLostSegment | tcpa::kAckLostSegment))
        return QColor(QLatin1StringView(palette::kRst));
    if (f & (tcpa::kRetransmission | tcpa::kFastRetransmission | tcpa::kSpuriousRetransmission | tcpa::kOutOfOrder))
        return QColor(QLatin1StringView(palette::kRetransmission));
    if (f & tcpa::kDuplicateAck) return QColor(QLatin1StringView(palette::kDupAck));
    return QColor(QLatin1StringView(palette::kPureAck));
}

QString flagNames(std::uint32_t f) {
    static const std::pair<std::uint32_t, const char*> names[] = {
        {tcpa::kRetransmission, "retransmission"},
        {tcpa::kFastRetransmission, "fast retransmission"},
        {tcpa::kSpuriousRetransmission, "spurious retransmission"},
        {tcpa::kOutOfOrder, "out-of-order"},
        {tcpa::kLostSegment, "previous segment not captured"},
        {tcpa::kAckLostSegment, "ACKed unseen segment"},
        {tcpa::kDuplicateAck, "dup ACK"},
        {tcpa::kZeroWindow, "zero window"},
        {tcpa::kZeroWindowProbe, "zero window probe"},
        {tcpa::kZeroWindowProbeAck, "zero window probe ACK"},
        {tcpa::kWindowFull, "window full"},
        {tcpa::kWindowUpdate, "window update"},
        {tcpa::kKeepAlive, "keep-alive"},
        {tcpa::kKeepAliveAck, "keep-alive ACK"},
        {tcpa::kReusedPorts, "reused ports"},
    };
    QString s;
    for (const auto& [bit, name] : names) {
        if (!(f & bit)) continue;
        // "fast retransmission" already says "retransmission".
        if (bit == tcpa::kRetransmission && (f & (tcpa::kFastRetransmission | tcpa::kSpuriousRetransmission))) continue;
        if (!s.isEmpty()) s += QStringLiteral(", ");
        s += QLatin1StringView(name);
    }
    return s;
}

const Fonts& Fonts::get() {
    static const Fonts fonts = [] {
        Fonts f;
        const auto make = [](const char* family, int px, bool is_bold = false, bool is_italic = false) {
            QFont font(QString::fromLatin1(family));
            font.setPixelSize(px);
            font.setBold(is_bold);
            font.setItalic(is_italic);
            font.setHintingPreference(QFont::PreferNoHinting);
            return font;
        };
        f.title = make("DejaVu Sans", 16, true);
        f.text = make("DejaVu Sans", 12);
        f.small = make("DejaVu Sans", 10);
        f.bold = make("DejaVu Sans", 12, true);
        f.smallBold = make("DejaVu Sans", 10, true);
        f.mono = make("DejaVu Sans Mono", 11);
        f.monoBold = make("DejaVu Sans Mono", 13, true);
        f.monoSmall = make("DejaVu Sans Mono", 10);
        f.italicSmall = make("DejaVu Sans", 10, false, true);
        f.equation = make("DejaVu Sans", 11);
        f.equationBold = make("DejaVu Sans", 11, true);
        return f;
    }();
    return fonts;
}

double textWidth(const QFont& font, const QString& text) { return QFontMetricsF(font).horizontalAdvance(text); }

double runsWidth(std::initializer_list<Run> runs) {
    double w = 0;
    for (const Run& r : runs) w += textWidth(*r.font, r.text);
    return w;
}

double drawRuns(QPainter& p, double x, double y, std::initializer_list<Run> runs) {
    for (const Run& r : runs) {
        if (r.text.isEmpty()) continue;
        p.setFont(*r.font);
        p.setPen(r.colour);
        p.drawText(QPointF(x, y), r.text);
        x += textWidth(*r.font, r.text);
    }
    return x;
}

void drawPill(QPainter& p, const QRectF& r, const QColor& fill, const QColor& stroke, PillBorder border,
              double stroke_width) {
    QPen pen(stroke, stroke_width);
    if (border == PillBorder::Dashed) pen.setStyle(Qt::DashLine);
    p.setPen(border == PillBorder::None ? QPen(Qt::NoPen) : pen);
    p.setBrush(fill);
    const double radius = r.height() / 2;
    p.drawRoundedRect(r, radius, radius);
}

QRectF pillAround(double cx, double cy, double text_width, const QFont& font, double pad_x) {
    const double h = QFontMetricsF(font).height() + 4;
    const double w = text_width + 2 * pad_x;
    return {cx - w / 2, cy - h / 2, w, h};
}

}  // namespace seqscope::ui::ladder_style
