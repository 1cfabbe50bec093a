// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/tshark_output.h"

#include "decode/frame.h"

#include <cinttypes>
#include <cstdio>

namespace seqscope {

std::string escape_field_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        switch (c) {
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

std::string fields_header(const FieldsOptions& opt) {
    std::string out;
    for (std::size_t i = 0; i < opt.fields.size(); ++i) {
        if (i) out += opt.separator;
        out += opt.fields[i];
    }
    out += '\n';
    return out;
}

namespace {

// The values of a `_ws.col.*` pseudo-field, or nothing if it is a real field.
bool column_value(const std::string& field, const FrameInput& in, const Columns& c, std::string& out) {
    if (field.rfind("_ws.col.", 0) != 0) return false;
    const std::string_view col = std::string_view(field).substr(8);
    if (col == "Protocol") out = c.protocol;
    else if (col == "Info") out = c.info;
    else if (col == "Source") out = c.src;
    else if (col == "Destination") out = c.dst;
    else if (col == "No.") out = std::to_string(in.number.value);
    else if (col == "Length") out = std::to_string(in.record.wire_len);
    else if (col == "Time") {
        const std::string t = format_relative_time(in.record.ts_ns - in.first_ts_ns);
        out = t;
    } else return false;
    return true;
}

}  // namespace

std::string fields_row(const FieldsOptions& opt, const FrameInput& in, const FieldTree& tree, const Columns& columns) {
    std::string out;
    std::string col;
    for (std::size_t i = 0; i < opt.fields.size(); ++i) {
        if (i) out += opt.separator;
        const std::string& f = opt.fields[i];
        std::vector<std::string_view> values;
        if (column_value(f, in, columns, col)) values.emplace_back(col);
        else values = tree.values(f);
        if (values.empty()) continue;
        if (opt.occurrence == 'f') values.resize(1);
        else if (opt.occurrence == 'l') values.erase(values.begin(), values.end() - 1);
        if (opt.quote) out += opt.quote;
        for (std::size_t k = 0; k < values.size(); ++k) {
            if (k) out += opt.aggregator;
            out += escape_field_value(values[k]);
        }
        if (opt.quote) out += opt.quote;
    }
    out += '\n';
    return out;
}

std::string format_time_column(std::int64_t rel_ns, int decimals) {
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    const bool neg = rel_ns < 0;
    const std::uint64_t a = neg ? static_cast<std::uint64_t>(-(rel_ns + 1)) + 1 : static_cast<std::uint64_t>(rel_ns);
    std::uint64_t div = 1;
    for (int i = decimals; i < 9; ++i) div *= 10;
    const std::uint64_t secs = a / 1'000'000'000u;
    const std::uint64_t frac = a % 1'000'000'000u / div;
    char buf[48];
    if (decimals == 0)
        std::snprintf(buf, sizeof buf, "%s%" PRIu64, neg ? "-" : "", secs);
    else
        std::snprintf(buf, sizeof buf, "%s%" PRIu64 ".%0*" PRIu64, neg ? "-" : "", secs, decimals, frac);
    return buf;
}

std::string summary_line(const FrameInput& in, const Columns& c, int time_decimals) {
    char head[96];
    std::snprintf(head, sizeof head, "%5u %10s ", in.number.value,
                  format_time_column(in.record.ts_ns - in.first_ts_ns, time_decimals).c_str());
    std::string out = head;
    char src[64];
    std::snprintf(src, sizeof src, "%12s", c.src.c_str());
    out += src;
    out += " \xe2\x86\x92 ";
    char dst[64];
    std::snprintf(dst, sizeof dst, "%-12s", c.dst.c_str());
    out += dst;
    out += ' ';
    out += c.protocol;
    out += ' ';
    out += std::to_string(in.record.wire_len);
    out += ' ';
    out += c.info;
    out += '\n';
    return out;
}

std::string tree_text(const FieldTree& tree) {
    std::string out;
    for (const FieldNode& n : tree.nodes()) {
        if (n.hidden || n.label.empty()) continue;
        out.append(static_cast<std::size_t>(n.depth) * 4, ' ');
        out += n.label;
        out += '\n';
    }
    out += '\n';
    return out;
}

}  // namespace seqscope
