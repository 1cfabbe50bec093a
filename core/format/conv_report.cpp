// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/conv_report.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <locale>
#include <map>
#include <tuple>

namespace seqscope {
namespace {

constexpr const char* kRule = "================================================================================\n";

// Seconds as a double the way tshark derives them (whole seconds plus the
// nanosecond remainder), so rounding in the last printed digit agrees.
double to_seconds(std::int64_t ns) {
    const std::int64_t secs = ns / 1'000'000'000;
    const std::int64_t rem = ns % 1'000'000'000;
    return static_cast<double>(secs) + static_cast<double>(rem) / 1e9;
}

std::string group_digits(std::int64_t value, const DigitGrouping& g) {
    std::string digits = std::to_string(value);
    if (value >= 0 && g.separator != 0 && !g.grouping.empty()) {
        std::string out;
        std::size_t gi = 0;
        int group = static_cast<unsigned char>(g.grouping[0]);
        int in_group = 0;
        for (std::size_t i = digits.size(); i-- > 0;) {
            if (group > 0 && group != CHAR_MAX && in_group == group) {
                out.push_back(g.separator);
                in_group = 0;
                if (gi + 1 < g.grouping.size()) group = static_cast<unsigned char>(g.grouping[++gi]);
            }
            out.push_back(digits[i]);
            ++in_group;
        }
        digits.assign(out.rbegin(), out.rend());
    }
    return digits;
}

std::string side(const Endpoint& e) {
    // No brackets around IPv6 here (unlike follow's node lines): tshark joins
    // address and port with a bare colon in this table.
    return e.address.to_string() + ":" + std::to_string(e.port);
}

template <typename Events, typename Each>
ConversationTable build(const std::vector<Events>& streams, Each&& each) {
    // tshark's table lists conversations in the order their first packet was
    // tapped; the stream vectors are indexed by stream number, so merge by frame.
    struct Item {
        std::uint32_t frame;
        ConversationPacket packet;
    };
    std::vector<Item> items;
    for (const Events& s : streams) each(s, [&](std::uint32_t frame, const ConversationPacket& p) {
        items.push_back({frame, p});
    });
    std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) { return x.frame < y.frame; });
    ConversationTable t;
    for (const Item& i : items) t.add(i.packet);
    return t;
}

}  // namespace

DigitGrouping DigitGrouping::from_environment() {
    DigitGrouping g;
    try {
        const std::locale loc("");
        const auto& np = std::use_facet<std::numpunct<char>>(loc);
        g.grouping = np.grouping();
        g.separator = g.grouping.empty() ? 0 : np.thousands_sep();
    } catch (const std::exception&) {
        // An unknown LANG/LC_* value: tshark falls back to the C locale too.
    }
    return g;
}

std::string format_size_bytes(std::int64_t bytes, const DigitGrouping& grouping) {
    // Integer division at each step, and a prefix only from 10 units up:
    // 9999 is "9999 bytes", 10000 is "10 kB", 999999 is "999 kB".
    static constexpr const char* kPrefix[] = {" T", " G", " M", " k"};
    std::int64_t scaled[4];
    scaled[3] = bytes / 1000;
    scaled[2] = scaled[3] / 1000;
    scaled[1] = scaled[2] / 1000;
    scaled[0] = scaled[1] / 1000;
    for (int i = 0; i < 4; ++i) {
        if (scaled[i] >= 10) return group_digits(scaled[i], grouping) + kPrefix[i] + "B";
    }
    return group_digits(bytes, grouping) + " bytes";
}

void ConversationTable::add(const ConversationPacket& p) {
    // One row per stream and address/port pair, whichever way the packet goes.
    const bool forward = p.src < p.dst;
    const Key key{p.conv_id, forward ? p.src : p.dst, forward ? p.dst : p.src};
    const auto [it, inserted] = index_.try_emplace(key, rows_.size());
    if (inserted) rows_.push_back(Row{p.conv_id, p.src, p.dst, 0, 0, 0, 0, p.rel_ns, p.rel_ns});
    Row* row = &rows_[it->second];
    if (row->a == p.src && row->b == p.dst) {
        ++row->frames_ab;
        row->bytes_ab += p.frame_len;
    } else {
        ++row->frames_ba;
        row->bytes_ba += p.frame_len;
    }
    // tshark moves the start back only when the stop did not move forward.
    if (p.rel_ns > row->stop_ns) row->stop_ns = p.rel_ns;
    else if (p.rel_ns < row->start_ns) row->start_ns = p.rel_ns;
}

std::vector<ConversationTable::Row> ConversationTable::sorted_rows() const {
    std::vector<Row> rows = rows_;
    std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
        return x.frames_ab + x.frames_ba > y.frames_ab + y.frames_ba;
    });
    return rows;
}

std::string ConversationTable::render(std::string_view proto, const DigitGrouping& grouping) const {
    std::string out = kRule;
    out.append(proto).append(" Conversations\n");
    out += "Filter:<No Filter>\n";
    // Twelve extra columns of indent because TCP and UDP rows carry ports.
    out += "                                                           |       <-      | |       ->      | "
           "|     Total     |    Relative    |   Duration   |\n";
    out += "                                                           | Frames  Bytes | | Frames  Bytes | "
           "| Frames  Bytes |      Start     |              |\n";
    char line[512];
    for (const Row& r : sorted_rows()) {
        const std::string ba = format_size_bytes(static_cast<std::int64_t>(r.bytes_ba), grouping);
        const std::string ab = format_size_bytes(static_cast<std::int64_t>(r.bytes_ab), grouping);
        const std::string total = format_size_bytes(static_cast<std::int64_t>(r.bytes_ab + r.bytes_ba), grouping);
        const double start = to_seconds(r.start_ns);
        const double duration = to_seconds(r.stop_ns) - start;
        std::snprintf(line, sizeof line, "%-26s <-> %-26s  %6llu %-9s  %6llu %-9s  %6llu %-9s  %14.9f   %12.4f\n",
                      side(r.a).c_str(), side(r.b).c_str(), static_cast<unsigned long long>(r.frames_ba), ba.c_str(),
                      static_cast<unsigned long long>(r.frames_ab), ab.c_str(),
                      static_cast<unsigned long long>(r.frames_ab + r.frames_ba), total.c_str(), start, duration);
        out += line;
    }
    out += kRule;
    return out;
}

ConversationTable tcp_conversation_table(const CollectedConversations& c, std::int64_t first_ts_ns,
                                         const std::vector<FrameNumber>& skip) {
    return build(c.tcp, [&](const TcpConversationEvents& s, auto&& emit) {
        for (const TcpSegmentEvent& e : s.segments) {
            if (std::binary_search(skip.begin(), skip.end(), e.frame)) continue;
            const Endpoint& src = e.dir == 0 ? s.a : s.b;
            const Endpoint& dst = e.dir == 0 ? s.b : s.a;
            emit(e.frame.value, ConversationPacket{s.stream.value, src, dst, e.frame_len, e.ts_ns - first_ts_ns});
        }
    });
}

ConversationTable udp_conversation_table(const CollectedConversations& c, std::int64_t first_ts_ns) {
    return build(c.udp, [&](const UdpStreamEvents& s, auto&& emit) {
        for (const UdpDatagramEvent& d : s.datagrams) {
            const Endpoint& src = d.dir == 0 ? s.a : s.b;
            const Endpoint& dst = d.dir == 0 ? s.b : s.a;
            emit(d.frame.value, ConversationPacket{s.stream.value, src, dst, d.frame_len, d.ts_ns - first_ts_ns});
        }
    });
}

}  // namespace seqscope
