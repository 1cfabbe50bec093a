// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/timeline_style.h"

#include "ui/draw/palette.h"

#include <QPainter>
#include <QPixmap>

namespace seqscope::ui::timeline_style {

namespace {

QColor hex(const char* c) { return QColor(QLatin1StringView(c)); }

// Light tints of the closing amber: the half-close bar and TIME_WAIT's hatching.
const QColor kAmberPale{0xf4, 0xe1, 0xc2};
const QColor kAmberHatchBack{0xf9, 0xef, 0xdf};
const QColor kAmberHatch{0xe4, 0xb4, 0x67};
const QColor kAmberEdge{0xe2, 0xaf, 0x5d};
const QColor kAmberInk{0x7a, 0x54, 0x12};

}  // namespace

QBrush phaseFill(PhaseKind kind) {
    switch (kind) {
    case PhaseKind::Handshake: return hex(palette::kSynFin);
    case PhaseKind::Data: return hex(palette::kData);
    case PhaseKind::HalfClose: return kAmberPale;
    case PhaseKind::Teardown: return hex(palette::kClosing);
    case PhaseKind::TimeWait: return timeWaitHatch();
    case PhaseKind::Refused: return hex(palette::kRst);
    case PhaseKind::HalfOpen: return Qt::NoBrush;
    }
    return hex(palette::kData);
}

QColor phaseStroke(PhaseKind kind) {
    switch (kind) {
    case PhaseKind::HalfClose:
    case PhaseKind::TimeWait: return kAmberEdge;
    case PhaseKind::HalfOpen: return hex(palette::kSynFin);
    default: return phaseFill(kind).color();
    }
}

QColor phaseText(PhaseKind kind) {
    switch (kind) {
    case PhaseKind::Handshake:
    case PhaseKind::HalfOpen: return hex(palette::kSynFin);
    case PhaseKind::Data: return Qt::white;
    case PhaseKind::HalfClose:
    case PhaseKind::Teardown:
    case PhaseKind::TimeWait: return kAmberInk;
    case PhaseKind::Refused: return hex(palette::kRst);
    }
    return Qt::black;
}

bool labelOnBar(PhaseKind kind) {
    return kind == PhaseKind::Data || kind == PhaseKind::HalfClose || kind == PhaseKind::TimeWait;
}

QColor markerColour(MarkerKind kind) {
    switch (kind) {
    case MarkerKind::Syn:
    case MarkerKind::SynAck:
    case MarkerKind::Fin: return hex(palette::kSynFin);
    case MarkerKind::SynRetransmission: return hex(palette::kRetransmission);
    case MarkerKind::Rst:
    case MarkerKind::UdpUnanswered:
    case MarkerKind::IcmpError: return hex(palette::kRst);
    case MarkerKind::Closed: return hex(palette::kPureAck);
    case MarkerKind::UdpRequest: return hex(palette::kData);
    case MarkerKind::UdpResponse: return hex(palette::kEstablished);
    }
    return hex(palette::kData);
}

QColor readoutColour(const TimelineRow& row, std::optional<PhaseKind> phase, std::int64_t ts_ns) {
    if (phase) return *phase == PhaseKind::Data ? hex(palette::kData) : phaseText(*phase);
    if (ts_ns < row.first_ts) return hex(palette::kPureAck);
    switch (row.outcome) {
    case RowOutcome::Refused:
    case RowOutcome::Reset: return hex(palette::kRst);
    case RowOutcome::Udp: return hex(palette::kEstablished);
    default: return hex(palette::kPureAck);
    }
}

// Wide amber stripes at 45° on a pale ground, as the mock-up's TIME_WAIT: a tile
// whose stripes meet their neighbours' at the edges.
QBrush timeWaitHatch() {
    static const QPixmap tile = [] {
        constexpr int n = 8;
        QPixmap pm(n, n);
        pm.fill(kAmberHatchBack);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(kAmberHatch, 2.4, Qt::SolidLine, Qt::FlatCap));
        for (int k = -1; k <= 1; ++k) p.drawLine(QPointF(k * n - 1, n + 1), QPointF(k * n + n + 1, -1));
        return pm;
    }();
    return QBrush(tile);
}

}  // namespace seqscope::ui::timeline_style
