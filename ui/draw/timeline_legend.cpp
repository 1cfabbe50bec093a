// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's legend strip: every bar and marker kind with its name, flowing
// onto as many lines as the width needs. Swatches are drawn with the same
// colours as the rows (timeline_style), so the legend cannot drift from them.
#include "ui/draw/timeline_painter.h"

#include "ui/draw/ladder_style.h"
#include "ui/draw/timeline_style.h"

#include <QPainter>

#include <functional>

namespace seqscope::ui {

using namespace ladder_style;
using namespace timeline_style;

namespace {

constexpr double kLineHeight = 20;
constexpr double kTop = 10;
constexpr double kTitleWidth = 70;
constexpr double kSwatch = 24;

struct Item {
    const char* text;
    std::function<void(QPainter&, const QRectF&)> swatch;  // draws into a kSwatch × 12 box
};

void bar(QPainter& p, const QRectF& r, PhaseKind kind) {
    p.setPen(QPen(phaseStroke(kind), 1));
    p.setBrush(phaseFill(kind));
    p.drawRect(r);
}

void tick(QPainter& p, const QRectF& r, const QColor& c) {
    p.setPen(QPen(c, 2));
    p.drawLine(QPointF(r.center().x(), r.top() - 1), QPointF(r.center().x(), r.bottom() + 1));
}

const std::vector<Item>& items() {
    static const std::vector<Item> all = {
        {"handshake (SYN \u2192 ACK)", [](QPainter& p, const QRectF& r) { bar(p, r, PhaseKind::Handshake); }},
        {"data transfer", [](QPainter& p, const QRectF& r) { bar(p, r, PhaseKind::Data); }},
        {"half-close", [](QPainter& p, const QRectF& r) { bar(p, r, PhaseKind::HalfClose); }},
        {"teardown (FIN \u2192 ACK)", [](QPainter& p, const QRectF& r) { bar(p, r, PhaseKind::Teardown); }},
        {"TIME_WAIT (2\u00b7MSL, active closer)", [](QPainter& p, const QRectF& r) { bar(p, r, PhaseKind::TimeWait); }},
        {"RST (abort)",
         [](QPainter& p, const QRectF& r) {
             const QColor c = markerColour(MarkerKind::Rst);
             const double x = r.center().x() - 3;
             p.setPen(QPen(c, 2));
             p.drawLine(QPointF(x, r.top() - 2), QPointF(x, r.bottom() + 1));
             p.setPen(Qt::NoPen);
             p.setBrush(c);
             p.drawPolygon(QPolygonF({QPointF(x, r.top() - 2), QPointF(x + 9, r.top() + 1.5), QPointF(x, r.top() + 5)}));
         }},
        {"refused (SYN \u2192 RST, ACK)",
         [](QPainter& p, const QRectF& r) {
             const QColor c = phaseFill(PhaseKind::Refused).color();
             const double x = r.center().x() - 3;
             p.fillRect(QRectF(x, r.top() + 3, 6, r.height() - 6), c);
             p.setPen(QPen(c, 2));
             p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
             p.drawLine(QPointF(x + 6, r.top()), QPointF(x + 6, r.bottom()));
         }},
        {"half-open (no answer)",
         [](QPainter& p, const QRectF& r) {
             p.setPen(QPen(phaseStroke(PhaseKind::HalfOpen), 1.6, Qt::DashLine));
             p.drawLine(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()));
         }},
        {"SYN, FIN", [](QPainter& p, const QRectF& r) { tick(p, r, markerColour(MarkerKind::Syn)); }},
        {"SYN retransmission", [](QPainter& p, const QRectF& r) { tick(p, r, markerColour(MarkerKind::SynRetransmission)); }},
        {"UDP request",
         [](QPainter& p, const QRectF& r) {
             const QColor c = markerColour(MarkerKind::UdpRequest);
             p.setPen(QPen(c, 1.6));
             p.drawLine(QPointF(r.center().x(), r.bottom() + 1), QPointF(r.center().x(), r.top() + 3));
             p.setPen(Qt::NoPen);
             p.setBrush(c);
             p.drawPolygon(QPolygonF({QPointF(r.center().x(), r.top() - 2), QPointF(r.center().x() - 3.5, r.top() + 4),
                                      QPointF(r.center().x() + 3.5, r.top() + 4)}));
         }},
        {"UDP response",
         [](QPainter& p, const QRectF& r) {
             const QColor c = markerColour(MarkerKind::UdpResponse);
             p.setPen(QPen(c, 1.6));
             p.drawLine(QPointF(r.center().x(), r.top() - 1), QPointF(r.center().x(), r.bottom() - 3));
             p.setPen(Qt::NoPen);
             p.setBrush(c);
             p.drawPolygon(QPolygonF({QPointF(r.center().x(), r.bottom() + 2), QPointF(r.center().x() - 3.5, r.bottom() - 4),
                                      QPointF(r.center().x() + 3.5, r.bottom() - 4)}));
         }},
        {"unanswered request",
         [](QPainter& p, const QRectF& r) {
             const QColor c = markerColour(MarkerKind::UdpUnanswered);
             p.setPen(QPen(c, 1.6));
             p.drawLine(QPointF(r.center().x(), r.bottom() + 1), QPointF(r.center().x(), r.top() + 5));
             p.setBrush(kBackground);
             p.drawEllipse(QPointF(r.center().x(), r.top() + 1.5), 3.5, 3.5);
         }},
        {"ICMP error",
         [](QPainter& p, const QRectF& r) {
             const QPointF c = r.center();
             p.setPen(QPen(markerColour(MarkerKind::IcmpError), 2, Qt::SolidLine, Qt::RoundCap));
             p.drawLine(c + QPointF(-4, -4), c + QPointF(4, 4));
             p.drawLine(c + QPointF(-4, 4), c + QPointF(4, -4));
         }},
        {"idle span squeezed",
         [](QPainter& p, const QRectF& r) {
             p.fillRect(r.adjusted(6, -3, -6, 3), kBreakFill);
             p.setPen(QPen(kBreakEdge, 1, Qt::DashLine));
             p.drawLine(QPointF(r.left() + 6, r.top() - 3), QPointF(r.left() + 6, r.bottom() + 3));
             p.drawLine(QPointF(r.right() - 6, r.top() - 3), QPointF(r.right() - 6, r.bottom() + 3));
         }},
        {"shared time cursor",
         [](QPainter& p, const QRectF& r) {
             p.setPen(QPen(kCursor, 1.5));
             p.drawLine(QPointF(r.center().x(), r.top() - 3), QPointF(r.center().x(), r.bottom() + 3));
         }},
        {"selected packet",
         [](QPainter& p, const QRectF& r) {
             p.setPen(QPen(kPacketLine, 1, Qt::DashLine));
             p.drawLine(QPointF(r.center().x(), r.top() - 3), QPointF(r.center().x(), r.bottom() + 3));
         }},
    };
    return all;
}

// Lays the items out at `width`; calls `place` with each item's index and top-left.
int flow(double width, const std::function<void(std::size_t, QPointF)>& place) {
    const Fonts& f = Fonts::get();
    double x = kTitleWidth + 14, y = kTop;
    int lines = 1;
    for (std::size_t i = 0; i < items().size(); ++i) {
        const double w = kSwatch + 6 + textWidth(f.small, QString::fromUtf8(items()[i].text)) + 22;
        if (x + w > width - 8 && x > kTitleWidth + 14) {
            x = kTitleWidth + 14;
            y += kLineHeight;
            ++lines;
        }
        if (place) place(i, QPointF(x, y));
        x += w;
    }
    return lines;
}

}  // namespace

double TimelineFrame::legendHeight(double width) { return kTop * 2 + kLineHeight * flow(width, nullptr) - 4; }

namespace timeline_paint {

void legend(QPainter& p, const QRectF& rect) {
    const Fonts& f = Fonts::get();
    p.save();
    p.translate(rect.topLeft());
    p.fillRect(QRectF(0, 0, rect.width(), rect.height()), kBackground);
    p.setPen(QPen(kRowLine, 1));
    p.drawLine(QPointF(0, 0.5), QPointF(rect.width(), 0.5));
    drawRuns(p, 14, kTop + 10, {{QStringLiteral("Legend"), &f.bold, kInk}});
    flow(rect.width(), [&](std::size_t i, QPointF at) {
        const Item& item = items()[i];
        item.swatch(p, QRectF(at.x(), at.y() + 1, kSwatch, 12));
        drawRuns(p, at.x() + kSwatch + 6, at.y() + 11, {{QString::fromUtf8(item.text), &f.small, kInk}});
    });
    p.restore();
}

}  // namespace timeline_paint

}  // namespace seqscope::ui
