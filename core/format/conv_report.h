// SPDX-License-Identifier: GPL-3.0-or-later
// tshark's "-z conv,tcp" and "-z conv,udp" tables, byte for byte as tshark 4.0.17
// prints them with its default (relative) time format: one row per conversation
// (address/port pair and stream index), busiest first, byte counts in tshark's
// human units ("330 bytes", "12 kB").
#pragma once

#include "analysis/collect.h"

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

namespace seqscope {

// One tapped transport header: who sent it, in which stream, how long the frame
// was and when it came (relative to the first frame, as frame.time_relative).
struct ConversationPacket {
    std::uint32_t conv_id = 0;  // tcp.stream / udp.stream
    Endpoint src, dst;
    std::uint32_t frame_len = 0;
    std::int64_t rel_ns = 0;
};

// How the user's locale groups digits (tshark prints sizes with printf's "'" flag).
struct DigitGrouping {
    std::string grouping;  // as std::numpunct::grouping(): sizes of groups, last repeats
    char separator = 0;    // 0: no grouping (the C locale)
    static DigitGrouping from_environment();
};

// tshark's format_size for bytes, decimal prefixes: "0 bytes", "9999 bytes",
// "10 kB", "12 MB"; digits grouped as the locale says ("1,234 bytes").
std::string format_size_bytes(std::int64_t bytes, const DigitGrouping& grouping = {});

class ConversationTable {
public:
    // Packets in capture order; the first packet of a conversation names its side A.
    void add(const ConversationPacket& p);
    // The whole report; `proto` is "TCP" or "UDP".
    [[nodiscard]] std::string render(std::string_view proto, const DigitGrouping& grouping = {}) const;

    struct Row {
        std::uint32_t conv_id = 0;
        Endpoint a, b;
        std::uint64_t frames_ab = 0, bytes_ab = 0;  // "->": sent by A
        std::uint64_t frames_ba = 0, bytes_ba = 0;  // "<-": sent by B
        std::int64_t start_ns = 0, stop_ns = 0;
    };
    // In tshark's order: most frames first, ties in order of first appearance.
    [[nodiscard]] std::vector<Row> sorted_rows() const;

private:
    using Key = std::tuple<std::uint32_t, Endpoint, Endpoint>;  // stream, lower endpoint, higher
    std::vector<Row> rows_;  // in order of first appearance
    std::map<Key, std::size_t> index_;
};

// The tables of the streams collect_conversations() found.
// `skip`: frames (sorted) whose TCP header tshark could not finish dissecting.
ConversationTable tcp_conversation_table(const CollectedConversations& c, std::int64_t first_ts_ns,
                                         const std::vector<FrameNumber>& skip = {});
ConversationTable udp_conversation_table(const CollectedConversations& c, std::int64_t first_ts_ns);

}  // namespace seqscope
