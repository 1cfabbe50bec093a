// SPDX-License-Identifier: GPL-3.0-or-later
// The arrows of the ladder and what rides on them: the frame pill and time in the
// left column, the label on the arrow, the equation chip with its dotted links to
// the acknowledged arrows, +1 badges, payload previews, piggybacked/delayed tags
// and analysis flags. Only the arrows in the band are visited.
#include "ui/draw/ladder_painter.h"

#include "ui/draw/ladder_style.h"

#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace seqscope::ui {

using namespace ladder_style;

namespace {

constexpr double kPillX = 58;
constexpr double kTimeX = 106;
constexpr double kChipT = 0.72;     // where along the arrow (from its tail) the equation chip sits
constexpr double kChipLift = 19;    // and how far above the line
constexpr double kLabelMinRow = 26; // below this row height only lines are drawn

struct Frame {
    QPointF origin;   // the arrow's midpoint
    double angle = 0; // degrees, so text reads left to right
    double dir = 1;   // +1 left-to-right arrow, -1 right-to-left
};

QString relMs(const Ladder& l, std::int64_t ts) {
    return QString::number(static_cast<double>(ts - l.first_ts_ns) / 1e6, 'f', 3);
}

void arrowHead(QPainter& p, const ArrowGeometry& g, const QColor& c) {
    const double a = std::atan2(g.y1 - g.y0, g.x1 - g.x0);
    const double len = 10, half = 4.2;
    const QPointF tip(g.x1, g.y1);
    const QPointF back(g.x1 - len * std::cos(a), g.y1 - len * std::sin(a));
    const QPointF n(-std::sin(a) * half, std::cos(a) * half);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPolygon(QPolygonF({tip, back + n, back - n}));
}

// A point `t` of the way along the arrow from its tail, lifted `lift` px off the line (upwards on screen).
QPointF along(const ArrowGeometry& g, double t, double lift) {
    const double dx = g.x1 - g.x0, dy = g.y1 - g.y0;
    const double len = std::max(1.0, std::hypot(dx, dy));
    QPointF n(-dy / len, dx / len);  // perpendicular
    if (n.y() > 0) n = -n;           // pointing up
    return {g.x0 + t * dx + n.x() * lift, g.y0 + t * dy + n.y() * lift};
}

void lineOf(QPainter& p, const LadderArrow& a, const ArrowGeometry& g, bool selected) {
    const QColor c = arrowColour(a.kind);
    QPen pen(c, selected ? 2.4 : 1.8);
    pen.setCapStyle(Qt::FlatCap);
    if (a.kind == ArrowKind::Retransmission) pen.setDashPattern({5, 3});
    if (a.kind == ArrowKind::DupAck) pen.setDashPattern({1.5, 2.5});
    const double a_rad = std::atan2(g.y1 - g.y0, g.x1 - g.x0);
    p.setPen(pen);
    p.drawLine(QPointF(g.x0, g.y0), QPointF(g.x1 - 8 * std::cos(a_rad), g.y1 - 8 * std::sin(a_rad)));
    arrowHead(p, g, c);
    p.setBrush(c);
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPointF(g.x0, g.y0), 2.6, 2.6);
}

void leftColumn(QPainter& p, const Ladder& l, const LadderArrow& a, const ArrowGeometry& g, bool selected) {
    const Fonts& f = Fonts::get();
    const QString n = QString::number(a.frame.value);
    const double w = std::max(24.0, textWidth(f.mono, n) + 12);
    const QRectF r(kPillX + 24 - w / 2 - 6, g.y0 - 8, w, 16);
    const QColor border = a.analysis_flags ? flagColour(a.analysis_flags) : kChipStroke;
    drawPill(p, r, selected ? kSelection : QColor(0xf4, 0xf6, 0xf9), selected ? kSelection : border);
    p.setFont(f.mono);
    p.setPen(selected ? QColor(Qt::white) : kInk);
    p.drawText(r, Qt::AlignCenter, n);
    drawRuns(p, kTimeX, g.y0 + 4, {{relMs(l, a.ts_ns), &f.monoSmall, selected ? kSelection : kMuted}});
}

// The label on the arrow: flags, Seq, Ack, Len, next Seq (or the datagram's text).
void label(QPainter& p, const LadderArrow& a, const ArrowGeometry& g, const Frame& fr, bool quiz, bool selected) {
    const Fonts& f = Fonts::get();
    const QColor c = arrowColour(a.kind);
    const double room = std::abs(g.x1 - g.x0) - 60;
    QString flags = QString::fromStdString(a.flags), numbers, next;
    if (a.tcp) {
        numbers = QStringLiteral("  Seq=") + QString::number(a.seq);
        if (a.has_ack) numbers += QStringLiteral(" Ack=") + (quiz ? QStringLiteral("?") : QString::number(a.ack));
        numbers += QStringLiteral(" Len=") + QString::number(a.len);
        next = QStringLiteral("  next ") + QString::number(a.next_seq);
    } else {
        const QString full = QString::fromStdString(a.label);
        numbers = full.startsWith(flags) ? full.mid(flags.size()) : QStringLiteral("  ") + full;
    }
    double w = runsWidth({{flags, &f.bold, c}, {numbers, &f.mono, kInk}, {next, &f.italicSmall, kFaint}});
    if (w > room && !next.isEmpty()) {
        next.clear();
        w = runsWidth({{flags, &f.bold, c}, {numbers, &f.mono, kInk}});
    }
    p.save();
    p.translate(fr.origin);
    p.rotate(fr.angle);
    const QRectF r = pillAround(0, 0, w, f.mono, 8);
    QColor fill = Qt::white;
    if (selected) fill = QColor(0xe3, 0xed, 0xfb);
    QColor border = c.lighter(150);
    drawPill(p, r, fill, selected ? kSelection : border, PillBorder::Solid, selected ? 1.4 : 1.0);
    const double base = r.center().y() + 4;
    double x = r.left() + 8;
    if (quiz && a.has_ack) {
        // Draw the hidden Ack in the quiz colour.
        const QString before = numbers.left(numbers.indexOf(QStringLiteral("Ack=")) + 4);
        const QString after = numbers.mid(before.size() + 1);
        x = drawRuns(p, x, base, {{flags, &f.bold, c}, {before, &f.mono, kInk}});
        x = drawRuns(p, x, base, {{QStringLiteral("?"), &f.monoBold, kSelection}, {after, &f.mono, kInk}});
        drawRuns(p, x, base, {{next, &f.italicSmall, kFaint}});
    } else {
        drawRuns(p, x, base, {{flags, &f.bold, c}, {numbers, &f.mono, kInk}, {next, &f.italicSmall, kFaint}});
    }
    p.restore();
}

// The dotted links from the equation chip straight up to the arrows it acknowledges
// (drawn before any pill, so they pass under labels).
void equationLinks(QPainter& p, const LadderScene& s, const LadderArrow& a, const ArrowGeometry& g) {
    const QPointF c = along(g, kChipT, kChipLift);
    std::vector<std::size_t> targets = a.acked_arrows;
    if (a.response_to) targets.push_back(*a.response_to);
    QPen link(kFaint, 1.2, Qt::CustomDashLine);
    link.setDashPattern({1, 2.5});
    for (std::size_t k : targets) {
        if (k >= s.arrowCount()) continue;
        const double ty = s.arrowYAt(k, c.x());
        p.setPen(link);
        p.drawLine(QPointF(c.x(), c.y() - 8), QPointF(c.x(), ty));
        p.setPen(Qt::NoPen);
        p.setBrush(kMuted);
        p.drawEllipse(QPointF(c.x(), ty), 2.2, 2.2);
    }
}

// "Ack 6 = 1 + 5" in a chip above the arrow.
void equationChip(QPainter& p, const LadderArrow& a, const ArrowGeometry& g, const Frame& fr) {
    const Fonts& f = Fonts::get();
    const QString eq = QString::fromStdString(a.equation);
    const qsizetype cut = eq.indexOf(QLatin1Char('='));
    const QString head = cut > 0 ? eq.left(cut) : eq, tail = cut > 0 ? eq.mid(cut) : QString();
    const double w = runsWidth({{head, &f.equationBold, kInk}, {tail, &f.equation, kInk}});
    p.save();
    p.translate(along(g, kChipT, kChipLift));
    p.rotate(fr.angle);
    const QRectF r = pillAround(0, 0, w, f.equation, 7);
    drawPill(p, r, kChipFill, kChipStroke);
    drawRuns(p, r.left() + 7, r.center().y() + 4, {{head, &f.equationBold, kInk}, {tail, &f.equation, kInk}});
    p.restore();
}

// Small annotations under the tail: +1, payload preview, piggybacked/delayed.
void tailNotes(QPainter& p, const LadderArrow& a, const ArrowGeometry& g, double dir) {
    const Fonts& f = Fonts::get();
    struct Note {
        QString text, extra;
        QColor fill, stroke, ink;
        PillBorder border;
    };
    std::vector<Note> notes;
    const QColor purple = arrowColour(ArrowKind::SynFin), blue = arrowColour(ArrowKind::Data);
    if (a.phantom_byte) notes.push_back({QStringLiteral("+1"), {}, QColor(0xf1, 0xec, 0xfa), purple, purple, PillBorder::Solid});
    if (!a.payload_preview.empty())
        notes.push_back({QStringLiteral("\u201c") + QString::fromStdString(a.payload_preview) + QStringLiteral("\u201d"),
                         QString::number(a.len) + QStringLiteral(" B"), QColor(0xf6, 0xf8, 0xfb), kChipStroke, kInk,
                         PillBorder::Solid});
    if (a.piggybacked) notes.push_back({QStringLiteral("piggybacked ACK"), {}, Qt::white, blue, blue, PillBorder::Dashed});
    if (a.delayed)
        notes.push_back({QStringLiteral("delayed ACK"),
                         a.ack_delay_ns >= 0 ? QString::number(static_cast<double>(a.ack_delay_ns) / 1e6, 'f', 1) +
                                                   QStringLiteral(" ms")
                                             : QString(),
                         Qt::white, blue, blue, PillBorder::Dashed});
    if (notes.empty()) return;
    const double y = g.y0 + 23, gap = 6;
    double total = 0;
    std::vector<double> widths;
    for (const Note& n : notes) {
        const double w = textWidth(f.small, n.text) + 12 + (n.extra.isEmpty() ? 0 : textWidth(f.small, n.extra) + 6);
        widths.push_back(w);
        total += w + gap;
    }
    double x = dir > 0 ? g.x0 + 10 : g.x0 - 10 - total + gap;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const Note& n = notes[i];
        const QRectF r(x, y - 8, widths[i], 15);
        drawPill(p, r, n.fill, n.stroke, n.border);
        double tx = drawRuns(p, x + 6, y + 3, {{n.text, &f.small, n.ink}});
        if (!n.extra.isEmpty()) drawRuns(p, tx + 6, y + 3, {{n.extra, &f.small, kFaint}});
        x += widths[i] + gap;
    }
}

// Analysis flags (and UDP's "unanswered") under the head, in the flag's colour.
void flagTag(QPainter& p, const LadderArrow& a, const ArrowGeometry& g, double dir) {
    const Fonts& f = Fonts::get();
    QString text = flagNames(a.analysis_flags);
    if (text.isEmpty() && !a.whys.empty()) text = QString::fromStdString(a.whys.front());
    if (text.isEmpty()) return;
    text = QStringLiteral("\u2691 ") + text;
    const QColor c = a.analysis_flags ? flagColour(a.analysis_flags) : arrowColour(ArrowKind::Rst);
    const double room = std::abs(g.x1 - g.x0) * 0.6;
    text = QFontMetricsF(f.smallBold).elidedText(text, Qt::ElideRight, room);
    const double w = textWidth(f.smallBold, text) + 12;
    const double x = dir > 0 ? g.x1 - 14 - w : g.x1 + 14;
    const QRectF r(x, g.y1 + 9, w, 15);
    drawPill(p, r, Qt::white, c);
    drawRuns(p, x + 6, r.bottom() - 4, {{text, &f.smallBold, c}});
}

}  // namespace

namespace ladder_paint {

void arrows(QPainter& p, const LadderScene& s, const QRectF& band, const LadderPaintState& st) {
    const Ladder& l = *s.ladder();
    const double row = s.rowHeight();
    const bool detail = row >= kLabelMinRow;
    // A little beyond the band: labels and links of arrows just outside reach into it.
    const auto [first, last] = s.visible(band.top() - 40, band.bottom() + (detail ? 3 * row : 10));
    // Pass one: highlights, lines and links; pass two: everything in a pill, on top.
    for (std::size_t i = first; i < last; ++i) {
        const LadderArrow& a = l.arrows[i];
        const ArrowGeometry& g = s.arrow(i);
        const bool selected = st.selected == i, hovered = st.hovered == i;
        if (selected || hovered) {
            p.fillRect(QRectF(0, g.y0 - std::min(row, 46.0) / 2, s.width(), std::min(row, 46.0) + g.y1 - g.y0),
                       QColor(0x2f, 0x6f, 0xcc, selected ? 22 : 10));
            QPen glow(QColor(0x2f, 0x6f, 0xcc, selected ? 70 : 35), 9);
            glow.setCapStyle(Qt::RoundCap);
            p.setPen(glow);
            p.drawLine(QPointF(g.x0, g.y0), QPointF(g.x1, g.y1));
        }
        lineOf(p, a, g, selected);
        if (detail && !a.equation.empty() && st.quiz != i && std::abs(g.x1 - g.x0) >= 40) equationLinks(p, s, a, g);
    }
    for (std::size_t i = first; i < last; ++i) {
        const LadderArrow& a = l.arrows[i];
        const ArrowGeometry& g = s.arrow(i);
        leftColumn(p, l, a, g, st.selected == i);
        if (!detail || std::abs(g.x1 - g.x0) < 40) continue;
        Frame fr;
        fr.dir = g.x1 >= g.x0 ? 1 : -1;
        fr.origin = QPointF((g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2);
        fr.angle = std::atan2(g.y1 - g.y0, g.x1 - g.x0) * 180 / std::numbers::pi + (fr.dir < 0 ? 180 : 0);
        const bool quiz = st.quiz == i;
        if (!a.equation.empty() && !quiz) equationChip(p, a, g, fr);
        label(p, a, g, fr, quiz, st.selected == i);
        tailNotes(p, a, g, fr.dir);
        flagTag(p, a, g, fr.dir);
    }
}

}  // namespace ladder_paint

}  // namespace seqscope::ui
