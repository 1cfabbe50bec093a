// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/draw/timeline_text.h"


#include <algorithm>
#include <cmath>

namespace seqscope::ui {

namespace {

constexpr QChar kThin(0x2009);

QString str(const std::string& s) { return QString::fromStdString(s); }

// "at 0.523 412 s (frame 12)"; a frame of 0 is a timer or the capture's end.
QString when(const TimelineRow& row, std::int64_t ts, FrameNumber frame, const QString& no_frame) {
    QString s = groupedSeconds(ts - row.origin_ns);
    if (frame.value != 0) return s % QStringLiteral(" (frame ") % QString::number(frame.value) % QLatin1Char(')');
    return no_frame.isEmpty() ? s : s % QStringLiteral(" (") % no_frame % QLatin1Char(')');
}

QString headline(const TimelineRow& row, const PhaseSpan& p) {
    const QString dur = durationSeconds(p.end_ns - p.start_ns);
    switch (p.kind) {
    case PhaseKind::Handshake:
        return QStringLiteral("handshake ") % dur %
               (p.label.rfind("iRTT", 0) == 0 ? QStringLiteral(" (iRTT)") : QStringLiteral(" (final ACK not captured)"));
    case PhaseKind::TimeWait:
        return QStringLiteral("TIME_WAIT until ") % groupedSeconds(p.end_ns - row.origin_ns) %
               (p.open_end ? QStringLiteral(" (still waiting when the capture ended)") : QString());
    case PhaseKind::HalfClose:
        return QStringLiteral("half-close ") % dur % QStringLiteral(": ") %
               str(row.endpoint_name(p.endpoint.value_or(0))) % QStringLiteral(" has closed, the other side may still send");
    default: break;
    }
    QString s = QLatin1StringView(to_string(p.kind)) % QLatin1Char(' ') % dur;
    if (p.open_end) s += QStringLiteral(", still going when the capture ended");
    return s;
}

}  // namespace

QString groupedSeconds(std::int64_t ns, int decimals, bool unit) {
    decimals = std::clamp(decimals, 0, 9);
    const bool negative = ns < 0;
    const std::uint64_t mag = negative ? static_cast<std::uint64_t>(-(ns + 1)) + 1 : static_cast<std::uint64_t>(ns);
    std::uint64_t scale = 1;
    for (int i = 0; i < 9 - decimals; ++i) scale *= 10;
    const std::uint64_t rounded = (mag + scale / 2) / scale;  // in units of 10^-decimals s
    std::uint64_t one = 1;
    for (int i = 0; i < decimals; ++i) one *= 10;
    QString s = negative ? QStringLiteral("\u2212") : QString();
    s += QString::number(rounded / one);
    if (decimals > 0) {
        const QString frac = QString::number(rounded % one).rightJustified(decimals, QLatin1Char('0'));
        s += QLatin1Char('.');
        for (int i = 0; i < decimals; ++i) {
            if (i > 0 && i % 3 == 0) s += kThin;
            s += frac[i];
        }
    }
    if (unit) s += QStringLiteral(" s");
    return s;
}

QString durationSeconds(std::int64_t ns) {
    // Milliseconds for a tenth of a second and more, microseconds down to 10 µs
    // ("0.000 041 s"), nanoseconds below, so at least two digits show.
    const double mag = std::fabs(static_cast<double>(ns)) / 1e9;
    return groupedSeconds(ns, mag >= 0.1 ? 3 : mag >= 1e-5 ? 6 : 9);
}

QString phaseTooltip(const TimelineRow& row, const PhaseSpan& p) {
    QString s = headline(row, p);
    const QString label = str(p.label);
    if (!label.isEmpty() && p.kind != PhaseKind::Data) s += QLatin1Char('\n') % label;
    const QString end_why = p.kind == PhaseKind::TimeWait ? QStringLiteral("2\u00b7MSL timer")
                            : p.open_end               ? QStringLiteral("capture end")
                                                       : QString();
    s += QStringLiteral("\nfrom ") % when(row, p.start_ns, p.start_frame, {}) % QStringLiteral(" to ") %
         when(row, p.end_ns, p.end_frame, end_why);
    s += QLatin1Char('\n') % str(row.stream_label) % QStringLiteral(" \u00b7 ") % str(row.title);
    return s;
}

QString markerTooltip(const TimelineRow& row, const TimelineMarker& m) {
    QString s = m.label.empty() ? QString::fromLatin1(to_string(m.kind)) : str(m.label);
    s += QStringLiteral("\nat ") % when(row, m.ts_ns, m.frame, QStringLiteral("timer"));
    if (m.related) {
        const QString f = QString::number(m.related->value);
        switch (m.kind) {
        case MarkerKind::UdpRequest: s += QStringLiteral("; answered by frame ") % f; break;
        case MarkerKind::UdpResponse: s += QStringLiteral("; answers frame ") % f; break;
        case MarkerKind::UdpUnanswered: s += QStringLiteral("; ICMP error in frame ") % f; break;
        case MarkerKind::IcmpError: s += QStringLiteral("; quotes request frame ") % f; break;
        case MarkerKind::SynRetransmission: s += QStringLiteral("; repeats frame ") % f; break;
        default: break;
        }
    }
    s += QLatin1Char('\n') % str(row.stream_label) % QStringLiteral(" \u00b7 ") % str(row.title);
    return s;
}

QString rowTooltip(const TimelineRow& row) {
    QString s = str(row.title) % QLatin1Char('\n') % str(row.stream_label) % QStringLiteral(" \u00b7 ") %
                str(row.count_label) % QLatin1Char('\n') % str(row.reason);
    if (row.irtt_ns) s += QStringLiteral("\niRTT ") % durationSeconds(*row.irtt_ns);
    s += QStringLiteral("\nfrom ") % when(row, row.first_ts, row.first_frame, {}) % QStringLiteral(" to ") %
         when(row, row.last_ts, row.last_frame, {});
    if (row.end_ts > row.last_ts) s += QStringLiteral("; TIME_WAIT until ") % groupedSeconds(row.end_ts - row.origin_ns);
    s += QStringLiteral("\nclick: select its first packet \u00b7 double-click: zoom to it");
    return s;
}

}  // namespace seqscope::ui
