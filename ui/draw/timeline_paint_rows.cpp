// SPDX-License-Identifier: GPL-3.0-or-later
// One row of the timeline: its background and label column, its phase bars and
// markers (shapes), then its words. Words are placed by priority on three lines
// (above the bar, on it, below it) and a word that would touch one already
// placed is left out: the tooltip still has it.
#include "ui/draw/timeline_painter.h"

#include "ui/draw/ladder_style.h"
#include "ui/draw/timeline_style.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>

namespace seqscope::ui::timeline_paint {

using namespace ladder_style;
using namespace timeline_style;

namespace {

// The x intervals taken on one line of words in a row.
class LabelLine {
public:
    explicit LabelLine(bool open = true) : open_(open) {}
    [[nodiscard]] bool free(double x0, double x1) const {
        return open_ && std::none_of(used_.begin(), used_.end(),
                                     [&](const auto& u) { return x0 < u.second + 6 && x1 > u.first - 6; });
    }
    void take(double x0, double x1) { used_.emplace_back(x0, x1); }

private:
    bool open_;  // compact rows have no room above and below the bar
    std::vector<std::pair<double, double>> used_;
};

QString str(const std::string& s) { return QString::fromStdString(s); }

// Words over lines and bands keep a white outline, so the cursor passes behind them.
double haloRuns(QPainter& p, double x, double y, std::initializer_list<Run> runs) {
    double cx = x;
    QPainterPath path;
    for (const Run& r : runs) {
        path.addText(cx, y, *r.font, r.text);
        cx += textWidth(*r.font, r.text);
    }
    p.setPen(QPen(kBackground, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    return drawRuns(p, x, y, runs);
}

// Places `runs` near `x` on `line`: centred, else ending at x, else starting at x.
bool placeNear(QPainter& p, LabelLine& line, double x, double y, double lo, double hi, std::initializer_list<Run> runs) {
    const double w = runsWidth(runs);
    for (const double x0 : {x - w / 2, x - w, x}) {
        if (x0 < lo || x0 + w > hi || !line.free(x0, x0 + w)) continue;
        line.take(x0, x0 + w);
        haloRuns(p, x0, y, runs);
        return true;
    }
    return false;
}

// Places `runs` starting at `x0` if the room is free.
bool placeAt(QPainter& p, LabelLine& line, double x0, double y, double hi, std::initializer_list<Run> runs) {
    const double w = runsWidth(runs);
    if (x0 + w > hi || !line.free(x0, x0 + w)) return false;
    line.take(x0, x0 + w);
    haloRuns(p, x0, y, runs);
    return true;
}

void arrowHead(QPainter& p, QPointF tip, double dy, const QColor& c) {
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    p.drawPolygon(QPolygonF({tip, QPointF(tip.x() - 3.5, tip.y() - dy), QPointF(tip.x() + 3.5, tip.y() - dy)}));
}

// Keeps a far-off bar end near the plot: huge coordinates upset the rasteriser.
double clampX(const TimelineScene& s, double x) { return std::clamp(x, s.plotLeft() - 40, s.plotRight() + 40); }

void phaseShape(QPainter& p, const TimelineScene& s, const PhaseSpan& ph, double by) {
    const double kBarH = s.metrics().bar_height;
    const auto [rx0, rx1] = s.phaseSpanX(ph);
    if (rx1 < s.plotLeft() - 40 || rx0 > s.plotRight() + 40) return;
    const double x0 = clampX(s, rx0), x1 = clampX(s, rx1);
    const double cy = by + kBarH / 2;
    switch (ph.kind) {
    case PhaseKind::HalfOpen: {
        const QColor c = phaseStroke(ph.kind);
        p.setPen(QPen(c, 1.6, Qt::DashLine));
        p.drawLine(QPointF(x0, cy), QPointF(x1, cy));
        if (ph.open_end) {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPolygon(QPolygonF({QPointF(x1 + 8, cy), QPointF(x1, cy - 4), QPointF(x1, cy + 4)}));
        }
        return;
    }
    case PhaseKind::Refused: {
        const double w = std::max(x1 - x0, 5.0);
        p.setPen(Qt::NoPen);
        p.setBrush(phaseFill(ph.kind));
        p.drawRect(QRectF(x0, by + 4, w, kBarH - 8));
        p.setPen(QPen(phaseStroke(ph.kind), 2.2));
        p.drawLine(QPointF(x0, by), QPointF(x0, by + kBarH));
        p.drawLine(QPointF(x0 + w, by), QPointF(x0 + w, by + kBarH));
        return;
    }
    default: break;
    }
    p.setPen(QPen(phaseStroke(ph.kind), 1));
    p.setBrush(phaseFill(ph.kind));
    p.drawRect(QRectF(x0, by, x1 - x0, kBarH));
    if (ph.open_end && ph.kind != PhaseKind::TimeWait) {
        // Still going when the capture ended: the bar runs on, dashed.
        p.setPen(QPen(phaseStroke(ph.kind), 1.6, Qt::DashLine));
        p.drawLine(QPointF(x1, cy), QPointF(x1 + 16, cy));
        p.setPen(Qt::NoPen);
        p.setBrush(phaseStroke(ph.kind));
        p.drawPolygon(QPolygonF({QPointF(x1 + 22, cy), QPointF(x1 + 16, cy - 3.5), QPointF(x1 + 16, cy + 3.5)}));
    }
}

void markerShape(QPainter& p, const TimelineScene& s, const TimelineMarker& m, double by) {
    const double kBarH = s.metrics().bar_height;
    const double x = s.xOfTime(m.ts_ns);
    if (x < s.plotLeft() - 20 || x > s.plotRight() + 20) return;
    const QColor c = markerColour(m.kind);
    const double cy = by + kBarH / 2;
    const auto tick = [&](double up, double down, double width) {
        p.setPen(QPen(c, width, Qt::SolidLine, Qt::FlatCap));
        p.drawLine(QPointF(x, by - up), QPointF(x, by + kBarH + down));
    };
    switch (m.kind) {
    case MarkerKind::Syn:
    case MarkerKind::SynAck:
    case MarkerKind::SynRetransmission: tick(4, 4, 2); break;
    case MarkerKind::Fin: tick(3, 3, 1.5); break;
    case MarkerKind::Closed: tick(3, 3, 2); break;
    case MarkerKind::Rst:
        tick(10, 3, 2);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPolygon(QPolygonF({QPointF(x, by - 10), QPointF(x + 10, by - 6.5), QPointF(x, by - 3)}));
        break;
    case MarkerKind::UdpRequest:
        p.setPen(QPen(c, 1.6));
        p.drawLine(QPointF(x, cy), QPointF(x, cy - 11));
        arrowHead(p, QPointF(x, cy - 15), -5, c);
        break;
    case MarkerKind::UdpResponse:
        p.setPen(QPen(c, 1.6));
        p.drawLine(QPointF(x, cy), QPointF(x, cy + 11));
        arrowHead(p, QPointF(x, cy + 15), 5, c);
        break;
    case MarkerKind::UdpUnanswered:
        p.setPen(QPen(c, 1.6));
        p.drawLine(QPointF(x, cy), QPointF(x, cy - 9));
        p.setBrush(kBackground);
        p.drawEllipse(QPointF(x, cy - 12.5), 3.5, 3.5);
        break;
    case MarkerKind::IcmpError:
        p.setPen(QPen(c, 2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(x - 4, cy + 4), QPointF(x + 4, cy + 12));
        p.drawLine(QPointF(x - 4, cy + 12), QPointF(x + 4, cy + 4));
        break;
    }
}

}  // namespace

void rowBackground(QPainter& p, const TimelineScene& s, std::size_t shown, double top, const TimelinePaintState& state) {
    const Fonts& f = Fonts::get();
    const std::size_t index = s.rows()[shown];
    const TimelineRow& row = s.row(shown);
    const double w = s.options().width;
    const bool selected = state.selected_row == index;
    QColor fill = shown % 2 == 1 ? kRowAlt : kBackground;
    if (state.hovered_row == index) fill = kRowHover;
    if (selected) fill = kRowSelected;
    p.fillRect(QRectF(0, top, w, s.metrics().height), fill);
    p.setPen(QPen(kRowLine, 1));
    p.drawLine(QPointF(0, top + s.metrics().height - 0.5), QPointF(w, top + s.metrics().height - 0.5));
    if (selected) p.fillRect(QRectF(0, top, 4, s.metrics().height), kSelection);

    const double x = 14, room = s.labelWidth() - x - 4;
    const auto elided = [&](const QFont& font, const QString& text, double width, Qt::TextElideMode mode = Qt::ElideRight) {
        return QFontMetricsF(font).elidedText(text, mode, width);
    };
    // A long (IPv6) title keeps both ports: elided in the middle.
    const bool compact = !s.metrics().words_around;
    drawRuns(p, x, top + (compact ? 14 : 18), {{elided(f.mono, str(row.title), room, Qt::ElideMiddle), &f.mono, kInk}});
    const QString stream = str(row.stream_label);
    const double sw = textWidth(f.smallBold, stream);
    // Compact rows say the reason on the stream's line.
    QString rest = QStringLiteral(" \u00b7 ") + str(row.count_label);
    if (compact) rest += QStringLiteral(" \u00b7 ") + str(row.reason);
    drawRuns(p, x, top + (compact ? 27 : 33),
             {{stream, &f.smallBold, selected ? kSelection : kInk}, {elided(f.small, rest, room - sw), &f.small, kMuted}});
    if (!compact) drawRuns(p, x, top + 47, {{elided(f.small, str(row.reason), room), &f.small, kMuted}});
}

void rowShapes(QPainter& p, const TimelineScene& s, std::size_t shown, double top) {
    const TimelineRow& row = s.row(shown);
    const double by = top + s.metrics().bar_top, kBarH = s.metrics().bar_height;
    if (row.kind == RowKind::Udp) {
        p.setPen(QPen(kUdpLine, 1.5));
        p.drawLine(QPointF(clampX(s, s.xOfTime(row.first_ts)), by + kBarH / 2),
                   QPointF(clampX(s, s.xOfTime(row.last_ts)), by + kBarH / 2));
    }
    for (const PhaseSpan& ph : row.phases) phaseShape(p, s, ph, by);
    // A refusal's RST is the stub's end cap: no flag on it. Markers of one kind
    // closer than a pixel look like one: a DNS stream with thousands of
    // datagrams draws a tick per pixel, not per datagram.
    std::array<double, 16> last_x;
    last_x.fill(-1e9);
    for (const TimelineMarker& m : row.markers) {
        if (m.kind == MarkerKind::Rst && row.outcome == RowOutcome::Refused) continue;
        double& last = last_x[static_cast<std::size_t>(m.kind)];
        const double x = s.xOfTime(m.ts_ns);
        if (x - last < 1) continue;
        last = x;
        markerShape(p, s, m, by);
    }
}

void rowTexts(QPainter& p, const TimelineScene& s, std::size_t shown, double top) {
    const Fonts& f = Fonts::get();
    const TimelineRow& row = s.row(shown);
    const double lo = s.plotLeft() + 2, hi = s.plotRight() - 2;
    const TimelineRowMetrics& rm = s.metrics();
    const double by = top + rm.bar_top, kBarH = rm.bar_height, above = top + rm.above, below = top + rm.below,
                 on_bar = by + kBarH / 2 + 4;
    LabelLine line_above(rm.words_around), line_bar, line_below(rm.words_around);

    for (const PhaseSpan& ph : row.phases) {
        const auto [rx0, rx1] = s.phaseSpanX(ph);
        const double x0 = std::max(rx0, lo), x1 = std::min(rx1, hi);
        if (x1 <= x0 && ph.kind != PhaseKind::Refused) continue;
        const QString label = str(ph.label);
        const QColor ink = phaseText(ph.kind);
        switch (ph.kind) {
        case PhaseKind::Handshake: placeAt(p, line_above, std::max(rx0, lo), above, hi, {{label, &f.smallBold, ink}}); break;
        case PhaseKind::HalfOpen: {
            const QRectF pill = pillAround((x0 + x1) / 2, by - 6, textWidth(f.small, label), f.small);
            if (!line_above.free(pill.left(), pill.right()) || pill.left() < lo || pill.right() > hi) break;
            line_above.take(pill.left(), pill.right());
            drawPill(p, pill, kBackground, kChipStroke);
            drawRuns(p, pill.left() + 7, pill.bottom() - 4.5, {{label, &f.small, kInk}});
            break;
        }
        case PhaseKind::Refused: {
            const QString rest = label.section(QStringLiteral(" \u00b7 "), 1);
            placeAt(p, line_bar, std::max(rx0 + 10, lo), on_bar, hi,
                    {{QStringLiteral("refused  "), &f.bold, ink}, {rest, &f.small, kMuted}});
            break;
        }
        case PhaseKind::Data:
        case PhaseKind::HalfClose:
        case PhaseKind::TimeWait: {
            // The full label, else the phase's name, whichever fits the visible bar.
            const QFont& font = f.smallBold;
            const bool pill = ph.kind == PhaseKind::TimeWait;
            const double pad = pill ? 22 : 10;
            QString text = label;
            if (textWidth(font, text) + pad > x1 - x0) text = QString::fromLatin1(to_string(ph.kind));
            if (textWidth(font, text) + pad > x1 - x0) break;
            const double w = textWidth(font, text), cx = (x0 + x1) / 2;
            if (pill) {
                const QRectF r = pillAround(cx, by + kBarH / 2, w, font);
                drawPill(p, r, kBackground, phaseStroke(ph.kind));
            }
            drawRuns(p, cx - w / 2, on_bar - 0.5, {{text, &font, ink}});
            line_bar.take(cx - w / 2, cx + w / 2);
            break;
        }
        case PhaseKind::Teardown: break;
        }
    }

    // Markers, most telling first; UDP ticks say what they are once per row.
    static constexpr std::array kOrder = {MarkerKind::Rst, MarkerKind::Closed, MarkerKind::Fin,
                                          MarkerKind::IcmpError, MarkerKind::UdpUnanswered, MarkerKind::Syn,
                                          MarkerKind::SynRetransmission, MarkerKind::UdpRequest, MarkerKind::UdpResponse};
    bool said_request = false, said_response = false;
    for (const MarkerKind kind : kOrder) {
        double last_try = -1e9;  // a word is wider than this: don't measure one per marker
        for (const TimelineMarker& m : row.markers) {
            if (m.kind != kind) continue;
            const double x = s.xOfTime(m.ts_ns);
            if (x < lo || x > hi || x - last_try < 24) continue;
            last_try = x;
            const QString label = str(m.label);
            const QColor c = markerColour(kind);
            switch (kind) {
            case MarkerKind::Rst:
                if (row.outcome == RowOutcome::Refused) break;
                placeAt(p, line_bar, x + 13, on_bar, hi,
                        {{QStringLiteral("RST"), &f.bold, c}, {QLatin1Char(' ') + label.section(QLatin1Char(' '), 1), &f.small, kMuted}});
                break;
            case MarkerKind::Closed:
            case MarkerKind::Fin:
            case MarkerKind::Syn: placeNear(p, line_below, x, below, lo, hi, {{label, &f.small, kMuted}}); break;
            case MarkerKind::SynRetransmission:
            case MarkerKind::IcmpError: placeNear(p, line_below, x, below, lo, hi, {{label, &f.small, c}}); break;
            case MarkerKind::UdpUnanswered:
                placeAt(p, line_above, x + 7, above, hi, {{QStringLiteral("no response"), &f.smallBold, c}});
                break;
            case MarkerKind::UdpRequest:
                if (!said_request) said_request = placeAt(p, line_above, x + 7, above, hi, {{label, &f.small, kMuted}});
                break;
            case MarkerKind::UdpResponse:
                if (!said_response) said_response = placeAt(p, line_below, x + 7, below, hi, {{label, &f.small, kMuted}});
                break;
            case MarkerKind::SynAck: break;
            }
        }
    }
}

}  // namespace seqscope::ui::timeline_paint
