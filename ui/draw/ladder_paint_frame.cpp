// SPDX-License-Identifier: GPL-3.0-or-later
// Everything of the ladder that is not an arrow: title, time axis with its breaks,
// lifelines, state bands, gaps, lane headers and the export legend.
#include "ui/draw/ladder_painter.h"

#include "ui/draw/ladder_style.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace seqscope::ui {

using namespace ladder_style;

namespace {

constexpr double kAxisX = 46;
constexpr double kHeaderBand = 58;  // the lane header strip (sticky on screen)

// Where lane `lane` meets arrow `k`: the sender at the tail, the receiver at the head.
double laneY(const LadderScene& s, std::size_t k, std::uint8_t lane) {
    if (k >= s.arrowCount()) return s.lifelineEnd();
    const LadderArrow& a = s.ladder()->arrows[k];
    const ArrowGeometry& g = s.arrow(k);
    return a.to_lane == lane ? g.y1 : g.y0;
}

// Which side of its lifeline a lane's labels go: outward, away from the others.
bool labelsLeft(const LadderScene& s, std::uint8_t lane) {
    const auto& v = s.visibleLanes();
    const auto it = std::find(v.begin(), v.end(), lane);
    return it != v.end() && static_cast<std::size_t>(it - v.begin()) * 2 < v.size() - (v.size() == 1 ? 0 : 1);
}

QString durationText(std::int64_t ns) {
    const double s = static_cast<double>(ns) / 1e9;
    if (s >= 1) return QString::number(s, 'f', s >= 10 ? 0 : 1) + QStringLiteral(" s");
    return QString::number(s * 1e3, 'f', 1) + QStringLiteral(" ms");
}

void stateLabel(QPainter& p, double x, double y, bool left, const QString& name, const QString& why) {
    const Fonts& f = Fonts::get();
    const double w1 = textWidth(f.smallBold, name), w2 = textWidth(f.small, why);
    const double x1 = left ? x - 12 - w1 : x + 12, x2 = left ? x - 12 - w2 : x + 12;
    drawRuns(p, x1, y + 4, {{name, &f.smallBold, kInk}});
    if (!why.isEmpty()) drawRuns(p, x2, y + 16, {{why, &f.small, kMuted}});
}

}  // namespace

namespace ladder_paint {

void title(QPainter& p, const LadderScene& s) {
    const Fonts& f = Fonts::get();
    const Ladder& l = *s.ladder();
    drawRuns(p, 20, 26, {{QString::fromStdString(l.title), &f.title, kInk}});
    drawRuns(p, 20, 44, {{QString::fromStdString(l.subtitle), &f.text, kMuted}});
    if (!l.notes.empty()) {
        const QString note = QStringLiteral("\u2139  ") + QString::fromStdString(l.notes.front());
        const double w = textWidth(f.small, note);
        const QRectF r(20, 50, w + 16, 15);
        drawPill(p, r, QColor(0xec, 0xf3, 0xfd), QColor(0x9f, 0xbf, 0xe8));
        drawRuns(p, r.left() + 8, r.bottom() - 4, {{note, &f.small, QColor(0x2f, 0x5f, 0xa8)}});
    }
}

void timeAxis(QPainter& p, const LadderScene& s, const QRectF& band) {
    const Fonts& f = Fonts::get();
    const LadderLayout& L = s.layout();
    if (s.arrowCount() == 0) return;
    const double top = std::max(band.top(), s.firstArrowY() - 12), bottom = std::min(band.bottom(), s.lifelineEnd());
    if (bottom <= top) return;
    // Ticks stop at the last arrow: below it the lifelines only show how states end.
    const double tick_bottom = std::min(bottom, L.arrows.back().y1 + 8);
    p.setPen(QPen(kLifeline, 1));
    p.drawLine(QPointF(kAxisX, top), QPointF(kAxisX, bottom));
    // Compressed idle spans: a break mark on the axis and a faint line across.
    for (const AxisBreak& br : L.breaks) {
        if (br.y < band.top() - 20 || br.y > band.bottom() + 20) continue;
        p.setPen(QPen(kFaint, 1, Qt::DashLine));
        p.drawLine(QPointF(kAxisX + 8, br.y), QPointF(s.width() - 10, br.y));
        p.setPen(Qt::NoPen);
        p.setBrush(kBackground);
        p.drawRect(QRectF(kAxisX - 6, br.y - 4, 12, 8));
        p.setPen(QPen(kMuted, 1.2));
        p.drawLine(QPointF(kAxisX - 6, br.y + 1), QPointF(kAxisX + 6, br.y - 5));
        p.drawLine(QPointF(kAxisX - 6, br.y + 6), QPointF(kAxisX + 6, br.y));
        drawRuns(p, s.layoutOptions().margin_left + 4, br.y - 4,
                 {{QStringLiteral("\u2248 ") + durationText(br.to_ns - br.from_ns) + QStringLiteral(" idle, compressed"),
                   &f.italicSmall, kMuted}});
    }
    if (s.options().mode != LadderMode::TimeTrue || L.pixels_per_second <= 0) return;
    // Ticks in relative milliseconds at round values. The scale differs inside
    // compressed spans, so each next tick picks a round step (1, 2, 5 × 10^k) for
    // the local scale: about 60 px on.
    const std::int64_t t0 = s.ladder()->first_ts_ns;
    const auto nice = [](double ns) {
        const double mag = std::pow(10.0, std::floor(std::log10(std::max(ns, 1.0))));
        for (double m : {1.0, 2.0, 5.0, 10.0})
            if (m * mag >= ns) return std::max<std::int64_t>(1, std::llround(m * mag));
        return std::max<std::int64_t>(1, std::llround(10 * mag));
    };
    const auto local_step = [&](double y) {
        return nice(static_cast<double>(L.time_of_y(y + 60) - L.time_of_y(y)));
    };
    const auto round_up = [&](std::int64_t t, std::int64_t step) { return t0 + ((t - t0 + step - 1) / step) * step; };
    double y = top;
    std::int64_t step = local_step(y);
    std::int64_t t = round_up(std::max(t0, L.time_of_y(top)), step);
    double last_y = -1e9;
    for (int guard = 0; guard < 400; ++guard) {
        y = L.y_of_time(t);
        if (y > tick_bottom) break;
        // No ticks inside a compressed span: its scale is not the axis's.
        const bool compressed = std::any_of(L.breaks.begin(), L.breaks.end(),
                                            [&](const AxisBreak& b) { return t > b.from_ns && t < b.to_ns; });
        if (y - last_y >= 36 && y >= top && !compressed) {
            p.setPen(QPen(kGrid, 1));
            p.drawLine(QPointF(s.layoutOptions().margin_left, y), QPointF(s.width() - 10, y));
            p.setPen(QPen(kFaint, 1));
            p.drawLine(QPointF(kAxisX - 4, y), QPointF(kAxisX, y));
            const int decimals = std::clamp(static_cast<int>(-std::floor(std::log10(static_cast<double>(step) / 1e6) + 1e-9)), 0, 6);
            const QString label = QString::number(static_cast<double>(t - t0) / 1e6, 'f', decimals);
            drawRuns(p, kAxisX - 7 - textWidth(f.monoSmall, label), y + 3, {{label, &f.monoSmall, kMuted}});
            last_y = y;
        }
        step = local_step(y);
        t = std::max(round_up(t + 1, step), round_up(L.time_of_y(y + 36), step));
    }
}

void cursor(QPainter& p, const LadderScene& s, const QRectF& band, std::int64_t t) {
    const LadderLayout& L = s.layout();
    if (s.options().mode != LadderMode::TimeTrue || s.arrowCount() == 0) return;
    // Only within the conversation's time (its last arrow, or TIME_WAIT's end).
    if (t < s.ladder()->arrows.front().ts_ns || t > L.time_of_y(s.lifelineEnd())) return;
    const double y = L.y_of_time(t);
    if (y < std::max(band.top(), s.headerTop()) + kHeaderBand || y > band.bottom()) return;
    const Fonts& f = Fonts::get();
    p.setPen(QPen(kCursor, 1.5));
    p.drawLine(QPointF(kAxisX, y), QPointF(s.width() - 10, y));
    const QString label = QString::number(static_cast<double>(t - s.ladder()->first_ts_ns) / 1e6, 'f', 3) + QStringLiteral(" ms");
    const QRectF pill(4, y - 8, textWidth(f.smallBold, label) + 12, 16);
    drawPill(p, pill, kCursor, kCursor);
    drawRuns(p, pill.left() + 6, y + 4, {{label, &f.smallBold, Qt::white}});
}

void lifelines(QPainter& p, const LadderScene& s, const QRectF& band) {
    const double top = std::max(band.top(), s.headerTop() + kHeaderBand), bottom = std::min(band.bottom(), s.lifelineEnd());
    if (bottom <= top) return;
    p.setPen(QPen(kLifeline, 1.5));
    for (std::uint8_t lane : s.visibleLanes()) p.drawLine(QPointF(s.laneX(lane), top), QPointF(s.laneX(lane), bottom));
}

void bands(QPainter& p, const LadderScene& s, const QRectF& band) {
    const Ladder& l = *s.ladder();
    const std::size_t n = s.arrowCount();
    for (std::size_t bi = 0; bi < l.bands.size(); ++bi) {
        const LadderStateBand& b = l.bands[bi];
        if (s.laneHidden(b.lane) || b.lane >= s.layout().lane_x.size()) continue;
        const double x = s.laneX(b.lane);
        const bool left = labelsLeft(s, b.lane);
        const bool first_of_lane = bi == 0 || l.bands[bi - 1].lane != b.lane;
        const QString name = QString::fromLatin1(to_string(b.state));
        if (b.first_arrow == b.end_arrow) {
            if (first_of_lane && b.first_arrow == 0 && n > 0) {
                // The state before the capture showed anything.
                const double y0 = s.firstArrowY() - 42, y1 = laneY(s, 0, b.lane);
                if (y1 < band.top() || y0 > band.bottom()) continue;
                p.setPen(Qt::NoPen);
                p.setBrush(stateColour(b.state));
                p.drawRect(QRectF(x - 5, y0, 10, y1 - y0));
                stateLabel(p, x, y0 + 2, left, name,
                           QStringLiteral("before frame ") + QString::number(l.arrows.front().frame.value));
            } else if (b.first_arrow == n) {
                // After the 2·MSL timer: the lifeline ends CLOSED.
                const double y = s.lifelineEnd();
                if (y < band.top() - 20 || y > band.bottom() + 20) continue;
                p.setPen(Qt::NoPen);
                p.setBrush(stateColour(b.state));
                p.drawRect(QRectF(x - 5, y - 10, 10, 10));
                stateLabel(p, x, y - 6, left, name, QStringLiteral("after 2\u00b7MSL"));
            }
            continue;
        }
        const double y0 = laneY(s, b.first_arrow, b.lane);
        double y1 = laneY(s, b.end_arrow, b.lane);
        if (b.timer_end) y1 = s.lifelineEnd() - 12;
        if (y1 < band.top() || y0 > band.bottom()) continue;
        const QColor c = stateColour(b.state);
        p.setPen(Qt::NoPen);
        if (b.state == TcpState::TimeWait) {
            p.setBrush(QColor(0xfb, 0xf0, 0xdc));
            p.drawRect(QRectF(x - 5, y0, 10, y1 - y0));
            p.setBrush(QBrush(c, Qt::BDiagPattern));
        } else {
            p.setBrush(c);
        }
        p.drawRect(QRectF(x - 5, y0, 10, std::max(2.0, y1 - y0)));
        const LadderArrow& cause = l.arrows[std::min(b.first_arrow, n - 1)];
        const QString why = (cause.from_lane == b.lane ? QStringLiteral("sent frame ") : QStringLiteral("rcvd frame ")) +
                            QString::number(cause.frame.value);
        stateLabel(p, x, y0, left, name, why);
        if (b.timer_end) {
            // A break on the lifeline: the 2·MSL wait is not drawn to scale.
            const double by = y1 - s.timeWaitStretch() / 2;
            p.setPen(Qt::NoPen);
            p.setBrush(kBackground);
            p.drawRect(QRectF(x - 8, by - 3, 16, 6));
            p.setPen(QPen(kMuted, 1.2));
            p.drawLine(QPointF(x - 8, by - 1), QPointF(x + 8, by - 6));
            p.drawLine(QPointF(x - 8, by + 5), QPointF(x + 8, by));
            const Fonts& f = Fonts::get();
            const QString t = QStringLiteral("2\u00b7MSL = ") + durationText(b.end_ts_ns - b.start_ts_ns);
            const double w = textWidth(f.smallBold, t);
            drawRuns(p, left ? x - 12 - w : x + 12, y1 - 6, {{t, &f.smallBold, c.darker(130)}});
        }
    }
}

void gaps(QPainter& p, const LadderScene& s, const QRectF& band) {
    const Fonts& f = Fonts::get();
    const Ladder& l = *s.ladder();
    const QColor red = arrowColour(ArrowKind::Rst);
    for (const LadderGap& g : l.gaps) {
        if (g.before_arrow >= s.arrowCount()) continue;
        const ArrowGeometry& next = s.arrow(g.before_arrow);
        const double y = next.y0 - std::min(s.rowHeight() * 0.45, 22.0);
        if (y < band.top() - 30 || y > band.bottom() + 30) continue;
        // A phantom arrow for what the capture never showed.
        const double x0 = s.laneX(g.from_lane), x1 = next.x1;
        QPen pen(QColor(red.red(), red.green(), red.blue(), 150), 1.4, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(QPointF(x0, y), QPointF(x1, y + 8));
        const QString text = QStringLiteral("\u22ef ") + QString::fromStdString(g.text) + QStringLiteral(" \u22ef");
        const QRectF r = pillAround((x0 + x1) / 2, y + 4, textWidth(f.small, text), f.small);
        drawPill(p, r, QColor(0xfd, 0xee, 0xee), red, PillBorder::Dashed);
        drawRuns(p, r.left() + 7, r.bottom() - 5, {{text, &f.small, red.darker(120)}});
    }
}

void laneHeaders(QPainter& p, const LadderScene& s, double y) {
    const Fonts& f = Fonts::get();
    const Ladder& l = *s.ladder();
    p.setPen(Qt::NoPen);
    p.setBrush(kBackground);
    p.drawRect(QRectF(0, y, s.width(), kHeaderBand));
    p.setPen(QPen(kGrid, 1));
    p.drawLine(QPointF(0, y + kHeaderBand), QPointF(s.width(), y + kHeaderBand));
    const auto& v = s.visibleLanes();
    const double spacing = v.size() > 1 ? s.laneX(v[1]) - s.laneX(v[0]) : s.width();
    for (std::uint8_t lane : v) {
        if (lane >= l.lanes.size()) continue;
        const QString title = QString::fromStdString(l.lanes[lane].title);
        const QString role = QString::fromStdString(l.lanes[lane].role);
        const double w = std::min(spacing - 24, std::max(textWidth(f.monoBold, title), textWidth(f.small, role)) + 28);
        const QRectF box(s.laneX(lane) - w / 2, y + 6, w, 44);
        p.setPen(QPen(kHeaderStroke, 1));
        p.setBrush(kHeaderFill);
        p.drawRoundedRect(box, 6, 6);
        p.setFont(f.monoBold);
        p.setPen(kInk);
        p.drawText(box.adjusted(4, 4, -4, -22), Qt::AlignHCenter | Qt::AlignVCenter, title);
        p.setFont(f.small);
        p.setPen(kMuted);
        const QString elided = QFontMetricsF(f.small).elidedText(role, Qt::ElideRight, box.width() - 10);
        p.drawText(box.adjusted(4, 24, -4, -4), Qt::AlignHCenter | Qt::AlignVCenter, elided);
    }
    QString hidden;
    for (std::size_t lane = 0; lane < l.lanes.size(); ++lane)
        if (s.laneHidden(lane))
            hidden += (hidden.isEmpty() ? QStringLiteral("hidden: ") : QStringLiteral(", ")) +
                      QString::fromStdString(l.lanes[lane].title);
    if (!hidden.isEmpty())
        drawRuns(p, s.width() - 10 - textWidth(f.italicSmall, hidden), y + 12, {{hidden, &f.italicSmall, kMuted}});
    if (s.options().mode == LadderMode::TimeTrue)
        drawRuns(p, kAxisX - 7 - textWidth(f.small, QStringLiteral("ms")), y + 52, {{QStringLiteral("ms"), &f.small, kMuted}});
}

void legend(QPainter& p, const LadderScene& s, double y) {
    const Fonts& f = Fonts::get();
    double x = 20;
    p.setPen(QPen(kGrid, 1));
    p.drawLine(QPointF(10, y - 14), QPointF(s.width() - 10, y - 14));
    for (ArrowKind k : {ArrowKind::Data, ArrowKind::PureAck, ArrowKind::SynFin, ArrowKind::Rst, ArrowKind::Retransmission,
                        ArrowKind::DupAck}) {
        QPen pen(arrowColour(k), 2);
        if (k == ArrowKind::Retransmission) pen.setStyle(Qt::DashLine);
        if (k == ArrowKind::DupAck) pen.setStyle(Qt::DotLine);
        p.setPen(pen);
        p.drawLine(QPointF(x, y), QPointF(x + 26, y));
        x = drawRuns(p, x + 32, y + 4, {{QString::fromLatin1(to_string(k)), &f.small, kInk}}) + 18;
    }
    x = 20;
    y += 20;
    for (TcpState st : {TcpState::Closed, TcpState::Listen, TcpState::SynSent, TcpState::Established, TcpState::FinWait1,
                        TcpState::TimeWait}) {
        p.setPen(Qt::NoPen);
        p.setBrush(st == TcpState::TimeWait ? QBrush(stateColour(st), Qt::BDiagPattern) : QBrush(stateColour(st)));
        p.drawRect(QRectF(x, y - 8, 10, 10));
        const QString name = st == TcpState::SynSent    ? QStringLiteral("SYN_SENT, SYN_RECEIVED")
                             : st == TcpState::FinWait1 ? QStringLiteral("FIN_WAIT, CLOSE_WAIT, LAST_ACK")
                             : st == TcpState::TimeWait ? QStringLiteral("TIME_WAIT (2\u00b7MSL)")
                                                        : QString::fromLatin1(to_string(st));
        x = drawRuns(p, x + 15, y + 1, {{name, &f.small, kInk}}) + 18;
    }
}

}  // namespace ladder_paint

void paintLadder(QPainter& p, const LadderScene& s, const QRectF& band, const LadderPaintState& state) {
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(band, kBackground);
    if (s.ladder() == nullptr) return;
    if (band.top() < LadderScene::kTitleHeight) ladder_paint::title(p, s);
    ladder_paint::timeAxis(p, s, band);
    ladder_paint::lifelines(p, s, band);
    ladder_paint::bands(p, s, band);
    ladder_paint::gaps(p, s, band);
    ladder_paint::arrows(p, s, band, state);
    if (state.cursor_ns) ladder_paint::cursor(p, s, band, *state.cursor_ns);
    const double header_y = state.sticky_headers ? std::max(s.headerTop(), band.top()) : s.headerTop();
    if (header_y < band.bottom()) ladder_paint::laneHeaders(p, s, header_y);
    if (state.legend) ladder_paint::legend(p, s, s.height() - LadderScene::kFooterHeight + 30);
}

}  // namespace seqscope::ui
