// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ladder/ladder_why.h"

#include "ui/draw/palette.h"

#include <QStringList>

namespace seqscope::ui {

namespace {

QString h(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
QString n(std::uint64_t v) { return QString::number(v); }

QString laneName(const Ladder& l, std::uint8_t lane) {
    return lane < l.lanes.size() ? h(l.lanes[lane].title) : QStringLiteral("?");
}

// "the client" / "the server" from the lane's role, else its address:port.
QString who(const Ladder& l, std::uint8_t lane) {
    if (lane >= l.lanes.size()) return QStringLiteral("?");
    const std::string& role = l.lanes[lane].role;
    if (role.rfind("client", 0) == 0) return QStringLiteral("the client");
    if (role.rfind("server", 0) == 0) return QStringLiteral("the server");
    return laneName(l, lane);
}

// The same words at the start of a sentence.
QString cap(QString s) {
    if (!s.isEmpty()) s[0] = s[0].toUpper();
    return s;
}

QString frames(const Ladder& l, const std::vector<std::size_t>& idx) {
    QStringList out;
    for (std::size_t i : idx)
        if (i < l.arrows.size()) out << n(l.arrows[i].frame.value);
    if (out.size() == 1) return QStringLiteral("frame ") + out.front();
    return QStringLiteral("frames ") + out.join(QStringLiteral(", "));
}

QString chip(const QString& text, const char* colour) {
    return QStringLiteral("<span style=\"background:#eef1f5; color:") + QLatin1StringView(colour) +
           QStringLiteral("\">&nbsp;") + text + QStringLiteral("&nbsp;</span> ");
}

// What the segment does, in plain words.
QString tcpStory(const Ladder& l, const LadderArrow& a) {
    QString s;
    const QString sender = who(l, a.from_lane);
    const bool syn = a.flags.find("SYN") != std::string::npos, fin = a.flags.find("FIN") != std::string::npos;
    const bool rst = a.flags.find("RST") != std::string::npos;
    if (syn && !a.has_ack)
        s += QStringLiteral("<p>") + cap(sender) + QStringLiteral(" opens the connection. The SYN picks its initial sequence "
                                                            "number and uses one number itself, so its first data byte "
                                                            "will be Seq ") + n(a.next_seq) + QStringLiteral(".</p>");
    else if (syn)
        s += QStringLiteral("<p>") + cap(sender) + QStringLiteral(" accepts: its SYN uses one sequence number (its data will "
                                                            "start at ") + n(a.next_seq) +
             QStringLiteral("), and the ACK confirms the peer's SYN.</p>");
    else if (rst)
        s += QStringLiteral("<p>") + cap(sender) +
             QStringLiteral(" aborts the connection with RST: no FIN exchange, no TIME_WAIT; both sides drop it.</p>");
    else if (fin)
        s += QStringLiteral("<p>") + cap(sender) + QStringLiteral(" has no more data to send. FIN uses one sequence number, "
                                                            "so the peer will acknowledge ") + n(a.next_seq) +
             QStringLiteral(".</p>");
    if (a.len > 0) {
        s += QStringLiteral("<p>It carries ") + n(a.len) + QStringLiteral(" byte") +
             (a.len == 1 ? QString() : QStringLiteral("s"));
        if (!a.payload_preview.empty()) s += QStringLiteral(" (\u201c") + h(a.payload_preview) + QStringLiteral("\u201d)");
        s += QStringLiteral(", sequence numbers ") + n(a.seq) + QStringLiteral(" to ") + n(a.seq + a.len - 1) +
             QStringLiteral(", so the next byte ") + sender + QStringLiteral(" sends is ") + n(a.next_seq) +
             QStringLiteral(".</p>");
    } else if (!syn && !fin && !rst) {
        s += QStringLiteral("<p>No data: a pure ACK uses up no sequence number, so ") + sender +
             QStringLiteral("'s Seq stays ") + n(a.seq) + QStringLiteral(".</p>");
    }
    if (!a.equation_long.empty()) {
        s += QStringLiteral("<p>This ACK acknowledges <b>") + frames(l, a.acked_arrows) + QStringLiteral("</b>: ") +
             h(a.equation_long) + QStringLiteral(". ") + cap(who(l, a.to_lane)) + QStringLiteral(" may now forget ") +
             QStringLiteral("everything before byte ") + n(a.ack) + QStringLiteral(".</p>");
    } else if (a.has_ack && !syn) {
        s += QStringLiteral("<p>Ack ") + n(a.ack) +
             QStringLiteral(" acknowledges nothing new: it repeats the next byte ") + sender +
             QStringLiteral(" still expects.</p>");
    }
    if (a.piggybacked) s += QStringLiteral("<p>The ACK is <b>piggybacked</b>: it rides on a data segment instead of "
                                           "a separate pure ACK.</p>");
    if (a.delayed)
        s += QStringLiteral("<p>A <b>delayed ACK</b>: sent ") +
             QString::number(static_cast<double>(a.ack_delay_ns) / 1e6, 'f', 1) +
             QStringLiteral(" ms after the data it acknowledges (receivers wait, hoping to piggyback it).</p>");
    return s;
}

}  // namespace

QString whyHtml(const Ladder& l, std::size_t index) {
    if (index >= l.arrows.size()) return {};
    const LadderArrow& a = l.arrows[index];
    QString s;
    s += QStringLiteral("<p style=\"color:#5b6673\">") + laneName(l, a.from_lane) + QStringLiteral(" \u2192 ") +
         laneName(l, a.to_lane) + QStringLiteral("</p><p>");
    s += chip(QString::fromLatin1(to_string(a.kind)), palette::arrow(a.kind));
    if (a.tcp) s += chip(QStringLiteral("Len ") + n(a.len), "#5b6673");
    s += a.state_changes.empty() ? chip(QStringLiteral("no state change"), "#3D9F6C")
                                 : chip(QStringLiteral("state change"), "#DB9B34");
    s += QStringLiteral("</p>");
    if (a.tcp) {
        s += tcpStory(l, a);
    } else if (a.kind != ArrowKind::IcmpError) {
        s += QStringLiteral("<p>A datagram of ") + n(a.len) + QStringLiteral(" bytes") +
             (a.payload_preview.empty() ? QString()
                                        : QStringLiteral(" (\u201c") + h(a.payload_preview) + QStringLiteral("\u201d)")) +
             QStringLiteral(". UDP has no sequence numbers, no ACKs and no connection: only the pairing of requests "
                            "and answers.</p>");
        if (!a.equation_long.empty()) s += QStringLiteral("<p>This datagram ") + h(a.equation_long) + QStringLiteral(".</p>");
    }
    if (a.kind == ArrowKind::IcmpError)
        s += QStringLiteral("<p>An ICMP error about a datagram of this exchange: <b>") + h(a.label) +
             QStringLiteral("</b>. It quotes the datagram's headers, so it belongs to this stream; the "
                            "datagram was never delivered to an application.</p>");
    if (!a.equation.empty())
        s += QStringLiteral("<table width=\"100%\" style=\"background:#f1f3f6; border:1px solid #c9d0d8\" cellpadding=\"8\">"
                            "<tr><td align=\"center\" style=\"font-size:20px\"><b>") +
             h(a.equation) + QStringLiteral("</b></td></tr></table>");
    if (!a.whys.empty()) {
        s += QStringLiteral("<p><b>Analysis</b></p><ul style=\"margin-left:-20px\">");
        for (const std::string& w : a.whys) s += QStringLiteral("<li>") + h(w) + QStringLiteral("</li>");
        s += QStringLiteral("</ul>");
    }
    for (const LadderStateChange& c : a.state_changes)
        s += QStringLiteral("<p>") + laneName(l, c.lane) + QStringLiteral(": <b>") + QLatin1StringView(to_string(c.from)) +
             QStringLiteral(" \u2192 ") + QLatin1StringView(to_string(c.to)) + QStringLiteral("</b> (") + h(c.reason) +
             QStringLiteral(")</p>");
    if (a.tcp) {
        QString facts;
        if (!a.next_seq_why.empty()) facts += h(a.next_seq_why) + QStringLiteral("<br>");
        if (!a.window_why.empty()) facts += h(a.window_why) + QStringLiteral("<br>");
        if (!facts.isEmpty()) s += QStringLiteral("<p style=\"color:#5b6673\">") + facts + QStringLiteral("</p>");
        s += QStringLiteral("<p><b>Relative \u2192 raw</b><br><span style=\"font-family:'DejaVu Sans Mono'\">");
        if (l.relative) {
            s += QStringLiteral("Seq ") + n(a.seq) + QStringLiteral(" = ") + n(a.seq_raw) + QStringLiteral(" (ISN ") +
                 n(static_cast<std::uint32_t>(a.seq_raw - a.seq)) + QStringLiteral(" + ") + n(a.seq) + QStringLiteral(")");
            if (a.has_ack)
                s += QStringLiteral("<br>Ack ") + n(a.ack) + QStringLiteral(" = ") + n(a.ack_raw) +
                     QStringLiteral(" (peer ISN ") + n(static_cast<std::uint32_t>(a.ack_raw - a.ack)) +
                     QStringLiteral(" + ") + n(a.ack) + QStringLiteral(")");
        } else {
            s += QStringLiteral("Numbers are raw (Seq ") + n(a.seq_raw) +
                 QStringLiteral("); Relative counts from each side's initial sequence number.");
        }
        s += QStringLiteral("</span></p>");
    }
    return s;
}

QString arrowTooltip(const Ladder& l, std::size_t index) {
    if (index >= l.arrows.size()) return {};
    const LadderArrow& a = l.arrows[index];
    QString s = QStringLiteral("<b>Frame ") + n(a.frame.value) + QStringLiteral("</b> ") + h(a.label);
    if (!a.equation_long.empty()) s += QStringLiteral("<br>") + h(a.equation_long);
    if (!a.next_seq_why.empty()) s += QStringLiteral("<br>") + h(a.next_seq_why);
    for (const std::string& w : a.whys) s += QStringLiteral("<br>\u2691 ") + h(w);
    if (!a.window_why.empty()) s += QStringLiteral("<br>") + h(a.window_why);
    for (const LadderStateChange& c : a.state_changes)
        s += QStringLiteral("<br>") + laneName(l, c.lane) + QStringLiteral(": ") + QLatin1StringView(to_string(c.from)) +
             QStringLiteral(" \u2192 ") + QLatin1StringView(to_string(c.to));
    return s;
}

std::optional<std::size_t> nextQuizArrow(const Ladder& l, std::optional<std::size_t> after) {
    for (std::size_t i = after ? *after + 1 : 0; i < l.arrows.size(); ++i)
        if (l.arrows[i].tcp && l.arrows[i].has_ack && !l.arrows[i].equation.empty()) return i;
    return std::nullopt;
}

QString quizQuestion(const Ladder& l, std::size_t index) {
    if (index >= l.arrows.size()) return {};
    const LadderArrow& a = l.arrows[index];
    if (a.acked_arrows.empty())
        return QStringLiteral("Which Ack does frame ") + n(a.frame.value) + QStringLiteral(" carry?");
    const LadderArrow& acked = l.arrows[a.acked_arrows.back()];
    QString what = QStringLiteral("Seq ") + n(acked.seq);
    if (acked.flags.find("SYN") != std::string::npos) what += QStringLiteral(", a SYN");
    if (acked.len > 0) what += QStringLiteral(" and Len ") + n(acked.len);
    if (acked.flags.find("FIN") != std::string::npos) what += QStringLiteral(", a FIN");
    if (!acked.payload_preview.empty()) what += QStringLiteral(" (\u201c") + h(acked.payload_preview) + QStringLiteral("\u201d)");
    return QStringLiteral("Frame ") + n(acked.frame.value) + QStringLiteral(" carries ") + what +
           QStringLiteral(". Which Ack will ") + who(l, a.from_lane) + QStringLiteral(" send back in frame ") +
           n(a.frame.value) + QStringLiteral("?");
}

QuizVerdict checkQuizAnswer(const Ladder& l, std::size_t index, const QString& answer) {
    if (index >= l.arrows.size()) return {};
    const LadderArrow& a = l.arrows[index];
    bool ok = false;
    const qulonglong v = answer.trimmed().toULongLong(&ok);
    QuizVerdict verdict;
    if (!ok) {
        verdict.text = QStringLiteral("Type a number: the Seq of the acknowledged segment plus what it used.");
        return verdict;
    }
    verdict.right = v == a.ack;
    verdict.text = (verdict.right ? QStringLiteral("\u2713 right: ") : QStringLiteral("\u2717 not quite (") + answer.trimmed() +
                                                                          QStringLiteral("): ")) +
                   h(a.equation) + QStringLiteral(", sent in frame ") + n(a.frame.value);
    return verdict;
}

}  // namespace seqscope::ui
