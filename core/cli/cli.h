// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-cli: tshark's flags and field names over the seqscope engine. Lives in
// core so tests can run it in-process; app/cli_main.cpp forwards argv and hands it
// the PictureWriter of ui/draw for the pictures.
#pragma once

#include "cli/pictures.h"
#include "format/tshark_output.h"

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
    std::string export_format;             // --export svg|png|pdf|csv|md|plantuml|mermaid|txt (-z ladder, -z timeline)
    std::string output_file;               // -o FILE for --export
    PictureOptions picture;                // --scale S, --frames A-B (svg, png, pdf)
    // Live capture, through the capture helper (seqscope-capture) with tshark's flags.
    bool list_interfaces = false;          // -D
    std::string interface;                 // -i
    std::string write_file;                // -w
    std::vector<std::string> capture_args; // -f, -s, -p, -B, -a, -b as given, for the helper
    bool help = false, version = false;
    bool stats_memory = false;             // --stats-memory (hidden): the store's bytes per packet to stderr, for bench/
};

// Parses argv; returns false with a message (tshark's wording where it has one).
bool parse_cli(int argc, const char* const* argv, CliOptions& opt, std::string& error);
std::string cli_usage();
// Runs the CLI; returns the process exit status. Without `pictures`, --export png,
// svg and pdf fail with a sentence.
int run_cli(const CliOptions& opt, std::FILE* out, std::FILE* err, const PictureWriter* pictures = nullptr);
int cli_main(int argc, const char* const* argv, const PictureWriter* pictures = nullptr);

}  // namespace seqscope
