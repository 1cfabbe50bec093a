// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-cli: tshark's flags and field names over the seqscope engine. Lives in
// core so tests can run it in-process; app/cli_main.cpp only forwards argv.
#pragma once

#include "format/tshark_output.h"
#include "ladder/ladder_image.h"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace seqscope {

struct CliOptions {
    std::string read_file;                 // -r
    std::optional<std::size_t> count;      // -c
    bool fields_mode = false;              // -T fields
    bool verbose = false;                  // -V
    FieldsOptions fields;                  // -e / -E
    std::vector<std::string> statistics;   // -z arguments
    bool quiet = false;                    // -q
    std::string export_format;             // --export svg|png|pdf|csv|md|plantuml|mermaid|txt (with -z ladder)
    std::string output_file;               // -o FILE for --export
    LadderImageOptions image;              // --scale S, --frames A-B (svg, png, pdf)
    bool help = false, version = false;
    bool stats_memory = false;             // --stats-memory (hidden): the store's bytes per packet to stderr, for bench/
};

// Parses argv; returns false with a message (tshark's wording where it has one).
bool parse_cli(int argc, const char* const* argv, CliOptions& opt, std::string& error);
std::string cli_usage();
// Runs the CLI; returns the process exit status.
int run_cli(const CliOptions& opt, std::FILE* out, std::FILE* err);
int cli_main(int argc, const char* const* argv);

}  // namespace seqscope
