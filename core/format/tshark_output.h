// SPDX-License-Identifier: GPL-3.0-or-later
// tshark's three output shapes: `-T fields` rows, the default one-line summary,
// and the `-V` tree. The CLI prints through these; tests compare with tshark.
#pragma once

#include "decode/dissector.h"
#include "decode/field_tree.h"

#include <string>
#include <vector>

namespace seqscope {

struct FieldsOptions {
    std::vector<std::string> fields;  // -e, in order
    char separator = '\t';            // -E separator
    bool header = false;              // -E header=y
    char occurrence = 'a';            // -E occurrence=f|l|a
    char aggregator = ',';            // -E aggregator
    char quote = 0;                   // -E quote=d|s (0: none)
};

// The header line (field names joined by the separator), with a trailing '\n'.
std::string fields_header(const FieldsOptions& opt);
// One packet's row, with a trailing '\n'.
std::string fields_row(const FieldsOptions& opt, const FrameInput& in, const FieldTree& tree, const Columns& columns);

// tshark's default summary line ("    1   0.000000 10.0.0.1 → 10.0.0.2 TCP 74 ...").
// `time_decimals` is 6 for microsecond captures and 9 for nanosecond ones.
// Relative time as tshark's summary line and Wireshark's Time column show it:
// `decimals` places (the frame's timestamp resolution), truncated as
// Wireshark's display_signed_time does (31871212.407616544 at µs → .407616).
std::string format_time_column(std::int64_t rel_ns, int decimals);
std::string summary_line(const FrameInput& in, const Columns& columns, int time_decimals);

// The -V text of one packet: the tree, indented by four spaces per level.
std::string tree_text(const FieldTree& tree);

// -T fields string escaping (TAB, LF, CR as \t \n \r).
std::string escape_field_value(std::string_view v);

}  // namespace seqscope
