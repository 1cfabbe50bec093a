// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladder/ladder_text.h"

#include <cstdio>

namespace seqscope {
namespace {

// Display width of UTF-8 text (each code point one column; enough for our labels).
std::size_t width(const std::string& s) {
    std::size_t w = 0;
    for (unsigned char c : s)
        if ((c & 0xc0) != 0x80) ++w;
    return w;
}

std::string rtrim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::string pad(const std::string& s, std::size_t w) {
    const std::size_t have = width(s);
    return have >= w ? s : s + std::string(w - have, ' ');
}

std::string rel_time(const Ladder& l, std::int64_t ts) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", static_cast<double>(ts - l.first_ts_ns) / 1e9);
    return buf;
}

std::string frames_list(const Ladder& l, const std::vector<std::size_t>& idx) {
    std::string s;
    for (std::size_t i : idx) s += (s.empty() ? "" : ",") + std::to_string(l.arrows[i].frame.value);
    return s;
}

// CSV field quoting (RFC 4180).
std::string csv(const std::string& v) {
    if (v.find_first_of(",\"\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string md(const std::string& v) {
    std::string out;
    for (char c : v) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
}

std::string direction(const Ladder& l, const LadderArrow& a) {
    return l.lanes[a.from_lane].title + " → " + l.lanes[a.to_lane].title;
}

std::string state_after_text(const Ladder& l, std::size_t i) {
    if (!l.arrows[i].tcp) return {};
    return std::string(to_string(lane_state_after(l, 0, i))) + " / " + to_string(lane_state_after(l, 1, i));
}

}  // namespace

TcpState lane_state_after(const Ladder& ladder, std::uint8_t lane, std::size_t index) {
    TcpState st = TcpState::Unknown;
    for (const auto& b : ladder.bands) {
        if (b.lane != lane) continue;
        if (b.first_arrow <= index) st = b.state;
        // A band starting at arrow `index` is the state after it.
    }
    return st;
}

std::string ladder_text(const Ladder& l) {
    constexpr std::size_t kLane = 60;  // columns from the left lifeline to the right one
    std::string out = l.title + "\n" + l.subtitle + "\n";
    for (const auto& n : l.notes) out += n + "\n";
    if (l.lanes.size() < 2) return out;
    const std::string left_margin(18, ' ');
    out += "\n" + pad("   No.       Time", 18) + pad(l.lanes[0].title, kLane) + l.lanes[1].title + "\n";
    out += left_margin + pad(l.lanes[0].role, kLane) + l.lanes[1].role + "\n";
    auto state_line = [&](TcpState a, TcpState b) {
        return rtrim(left_margin + pad(std::string("[") + to_string(a) + "]", kLane) + "[" + to_string(b) + "]") + "\n";
    };
    const bool tcp = !l.arrows.empty() && l.arrows.front().tcp;
    if (tcp) {
        // The first band of each lane is its state before the first arrow.
        TcpState first[2] = {TcpState::Unknown, TcpState::Unknown};
        bool seen[2] = {false, false};
        for (const auto& b : l.bands)
            if (b.lane < 2 && !seen[b.lane]) {
                first[b.lane] = b.state;
                seen[b.lane] = true;
            }
        out += state_line(first[0], first[1]);
    }
    std::size_t gap = 0;
    for (std::size_t i = 0; i < l.arrows.size(); ++i) {
        while (gap < l.gaps.size() && l.gaps[gap].before_arrow == i) {
            out += left_margin + "   ~~ gap: " + l.gaps[gap].text + " ~~\n";
            ++gap;
        }
        const LadderArrow& a = l.arrows[i];
        char head[40];
        std::snprintf(head, sizeof head, "%6u %10s ", a.frame.value, rel_time(l, a.ts_ns).c_str());  // 18 columns
        std::string label = " " + a.label + " ";
        if (a.phantom_byte) label += "(+1) ";
        // The arrow spans both lifelines: "|--label----->|" is kLane + 1 columns.
        if (width(label) > kLane - 6) label = label.substr(0, kLane - 6);
        const std::string fill(kLane + 1 - 5 - width(label), '-');
        const std::string body = a.from_lane == 0 ? "|--" + label + fill + ">|" : "|<--" + label + fill + "|";
        out += head + body;
        std::string notes;
        if (!a.equation.empty()) notes += "  " + a.equation;
        if (a.piggybacked) notes += "  [piggybacked ACK]";
        if (a.delayed) {
            char d[48];
            std::snprintf(d, sizeof d, "  [delayed ACK %.1f ms]", static_cast<double>(a.ack_delay_ns) / 1e6);
            notes += d;
        }
        out += notes + "\n";
        if (!a.payload_preview.empty()) out += left_margin + "   \"" + a.payload_preview + "\"\n";
        if (!a.equation_long.empty() && a.equation_long != a.equation)
            out += left_margin + "   = " + a.equation_long + "\n";
        for (const auto& w : a.whys) out += left_margin + "   ! " + w + "\n";
        if (!a.state_changes.empty()) {
            std::string left, right;
            for (const auto& c : a.state_changes)
                (c.lane == 0 ? left : right) = std::string("[") + to_string(c.to) + "]";
            out += rtrim(left_margin + pad(left, kLane) + right) + "\n";
            for (const auto& c : a.state_changes)
                out += left_margin + "   " + l.lanes[c.lane].title + ": " + to_string(c.from) + " → " + to_string(c.to) +
                       ", " + c.reason + "\n";
        }
    }
    // Timer endings after the last arrow (TIME_WAIT → CLOSED).
    for (const auto& b : l.bands)
        if (b.timer_end)
            out += left_margin + "   " + l.lanes[b.lane].title + ": TIME_WAIT → CLOSED at " + rel_time(l, b.end_ts_ns) +
                   " s (2·MSL timer)\n";
    return out;
}

std::string ladder_csv(const Ladder& l) {
    std::string out = "No.,Time,Direction,Flags,Seq,Len,Next Seq,Ack,Acknowledges frame,Equation,Analysis,State after\n";
    for (std::size_t i = 0; i < l.arrows.size(); ++i) {
        const LadderArrow& a = l.arrows[i];
        std::string whys;
        for (const auto& w : a.whys) whys += (whys.empty() ? "" : "; ") + w;
        out += std::to_string(a.frame.value) + "," + rel_time(l, a.ts_ns) + "," + csv(direction(l, a)) + "," +
               csv(a.flags) + "," + (a.tcp ? std::to_string(a.seq) : "") + "," + std::to_string(a.len) + "," +
               (a.tcp ? std::to_string(a.next_seq) : "") + "," + (a.tcp && a.has_ack ? std::to_string(a.ack) : "") +
               "," + csv(frames_list(l, a.acked_arrows)) + "," + csv(a.equation) + "," + csv(whys) + "," +
               csv(state_after_text(l, i)) + "\n";
    }
    return out;
}

std::string ladder_markdown(const Ladder& l) {
    std::string out = "### " + md(l.title) + "\n\n" + md(l.subtitle) + "\n\n";
    out += "| No. | Time | Direction | Flags | Seq | Len | Next Seq | Ack | Acknowledges frame | Equation | State after |\n";
    out += "|---:|---:|---|---|---:|---:|---:|---:|---|---|---|\n";
    for (std::size_t i = 0; i < l.arrows.size(); ++i) {
        const LadderArrow& a = l.arrows[i];
        out += "| " + std::to_string(a.frame.value) + " | " + rel_time(l, a.ts_ns) + " | " + md(direction(l, a)) + " | " +
               md(a.flags) + " | " + (a.tcp ? std::to_string(a.seq) : "") + " | " + std::to_string(a.len) + " | " +
               (a.tcp ? std::to_string(a.next_seq) : "") + " | " + (a.tcp && a.has_ack ? std::to_string(a.ack) : "") +
               " | " + frames_list(l, a.acked_arrows) + " | " + md(a.equation) + " | " + md(state_after_text(l, i)) +
               " |\n";
    }
    return out;
}

namespace {
std::string participant_id(std::size_t i) { return i == 0 ? "A" : "B"; }
}  // namespace

std::string ladder_plantuml(const Ladder& l) {
    std::string out = "@startuml\ntitle " + l.title + "\n";
    for (std::size_t i = 0; i < l.lanes.size(); ++i)
        out += "participant \"" + l.lanes[i].title + "\\n" + l.lanes[i].role + "\" as " + participant_id(i) + "\n";
    for (std::size_t i = 0; i < l.arrows.size(); ++i) {
        const LadderArrow& a = l.arrows[i];
        out += participant_id(a.from_lane) + (a.kind == ArrowKind::Retransmission ? " -[#D5801F]> " : " -> ") +
               participant_id(a.to_lane) + " : " + std::to_string(a.frame.value) + ": " + a.label;
        if (!a.equation.empty()) out += "\\n" + a.equation;
        out += "\n";
        for (const auto& c : a.state_changes)
            out += "hnote over " + participant_id(c.lane) + " : " + to_string(c.to) + "\n";
    }
    out += "@enduml\n";
    return out;
}

std::string ladder_mermaid(const Ladder& l) {
    std::string out = "sequenceDiagram\n";
    for (std::size_t i = 0; i < l.lanes.size(); ++i)
        out += "    participant " + participant_id(i) + " as " + l.lanes[i].title + "\n";
    for (std::size_t i = 0; i < l.arrows.size(); ++i) {
        const LadderArrow& a = l.arrows[i];
        std::string text = std::to_string(a.frame.value) + ": " + a.label;
        if (!a.equation.empty()) text += "<br/>" + a.equation;
        // Mermaid treats ';' and '#' specially in messages.
        for (auto& c : text)
            if (c == ';' || c == '#') c = ' ';
        out += "    " + participant_id(a.from_lane) + (a.kind == ArrowKind::Rst ? "-x" : "->>") +
               participant_id(a.to_lane) + ": " + text + "\n";
        for (const auto& c : a.state_changes)
            out += "    Note over " + participant_id(c.lane) + ": " + to_string(c.to) + "\n";
    }
    return out;
}

}  // namespace seqscope
