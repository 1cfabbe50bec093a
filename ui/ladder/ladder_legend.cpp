// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ladder/ladder_legend.h"

#include "ui/draw/ladder_style.h"

#include <QPainter>

namespace seqscope::ui {

using namespace ladder_style;

LadderLegend::LadderLegend(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QSize LadderLegend::sizeHint() const { return {300, 300}; }

void LadderLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), kBackground);
    const Fonts& f = Fonts::get();
    const double col = width() / 2.0;
    double y = 14;
    const ArrowKind kinds[] = {ArrowKind::Data, ArrowKind::PureAck, ArrowKind::SynFin,
                               ArrowKind::Rst,  ArrowKind::Retransmission, ArrowKind::DupAck};
    for (int i = 0; i < 6; ++i) {
        const double x = 8 + (i % 2) * col, yy = y + (i / 2) * 20;
        QPen pen(arrowColour(kinds[i]), 2);
        if (kinds[i] == ArrowKind::Retransmission) pen.setDashPattern({5, 3});
        if (kinds[i] == ArrowKind::DupAck) pen.setDashPattern({1.5, 2.5});
        p.setPen(pen);
        p.drawLine(QPointF(x, yy), QPointF(x + 30, yy));
        p.setPen(Qt::NoPen);
        p.setBrush(arrowColour(kinds[i]));
        p.drawPolygon(QPolygonF({QPointF(x + 36, yy), QPointF(x + 28, yy - 4), QPointF(x + 28, yy + 4)}));
        drawRuns(p, x + 44, yy + 4, {{QString::fromLatin1(to_string(kinds[i])), &f.bold, kInk}});
    }
    y += 66;
    const auto note = [&](const QRectF& pill, const QString& text, const QColor& stroke, PillBorder border,
                          const QString& body) {
        drawPill(p, pill, Qt::white, stroke, border);
        drawRuns(p, pill.left() + 6, pill.bottom() - 4, {{text, &f.small, stroke == kChipStroke ? kInk : stroke}});
        drawRuns(p, 100, pill.bottom() - 4, {{body, &f.small, kInk}});
    };
    note(QRectF(8, y - 10, 26, 15), QStringLiteral("+1"), arrowColour(ArrowKind::SynFin), PillBorder::Solid,
         QStringLiteral("SYN and FIN use one sequence number"));
    y += 20;
    note(QRectF(8, y - 10, 84, 15), QStringLiteral("Ack 6 = 1 + 5"), kChipStroke, PillBorder::Solid,
         QStringLiteral("Ack = Seq + Len it acks (dotted link)"));
    y += 20;
    note(QRectF(8, y - 10, 84, 15), QStringLiteral("piggybacked"), arrowColour(ArrowKind::Data), PillBorder::Dashed,
         QStringLiteral("an ACK carried by a data segment"));
    y += 20;
    note(QRectF(8, y - 10, 84, 15), QStringLiteral("\u2691 flag"), arrowColour(ArrowKind::Rst), PillBorder::Solid,
         QStringLiteral("analysis: hover for the why"));
    y += 26;
    drawRuns(p, 8, y, {{QStringLiteral("States"), &f.bold, kInk}});
    y += 14;
    const std::pair<TcpState, const char*> states[] = {
        {TcpState::Closed, "CLOSED"},
        {TcpState::Listen, "LISTEN"},
        {TcpState::SynSent, "SYN_SENT, SYN_RECEIVED"},
        {TcpState::Established, "ESTABLISHED"},
        {TcpState::FinWait1, "FIN_WAIT_1/2, CLOSE_WAIT, LAST_ACK"},
        {TcpState::TimeWait, "TIME_WAIT (2\u00b7MSL)"}};
    for (int i = 0; i < 6; ++i) {
        const double x = 8, yy = y + i * 16;
        p.setPen(Qt::NoPen);
        const QColor c = stateColour(states[i].first);
        p.setBrush(states[i].first == TcpState::TimeWait ? QBrush(c, Qt::BDiagPattern) : QBrush(c));
        p.drawRect(QRectF(x, yy - 9, 10, 11));
        drawRuns(p, x + 15, yy, {{QString::fromUtf8(states[i].second), &f.small, kInk}});
    }
}

}  // namespace seqscope::ui
