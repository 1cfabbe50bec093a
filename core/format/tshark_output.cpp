// SPDX-License-Identifier: GPL-3.0-or-later
#include "format/tshark_output.h"

#include "decode/frame.h"

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

std::string summary_line(const FrameInput& in, const Columns& c, int time_decimals) {
    const std::int64_t rel = in.record.ts_ns - in.first_ts_ns;
    char time_buf[48];
    const bool neg = rel < 0;
    const std::uint64_t a = neg ? static_cast<std::uint64_t>(-(rel + 1)) + 1 : static_cast<std::uint64_t>(rel);
    std::uint64_t div = 1;
    for (int i = time_decimals; i < 9; ++i) div *= 10;
    // tshark rounds to the shown precision.
    std::uint64_t frac = (a % 1'000'000'000u + div / 2) / div;
    std::uint64_t secs = a / 1'000'000'000u;
    std::uint64_t limit = 1;
    for (int i = 0; i < time_decimals; ++i) limit *= 10;
    if (frac >= limit) { frac -= limit; ++secs; }
    std::snprintf(time_buf, sizeof time_buf, "%s%llu.%0*llu", neg ? "-" : "", static_cast<unsigned long long>(secs),
                  time_decimals, static_cast<unsigned long long>(frac));
    char head[96];
    std::snprintf(head, sizeof head, "%5u %10s ", in.number.value, time_buf);
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
