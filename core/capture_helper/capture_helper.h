// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-capture: the one program of seqscope that opens capture handles, as
// Wireshark's dumpcap is. It lists interfaces (-D), checks a capture filter
// (--check-filter), and captures one interface into pcapng (a file, a ring of files
// or standard output) with tshark's stop conditions; the GUI and seqscope-cli start
// it and read what it writes. Installed with CAP_NET_RAW and CAP_NET_ADMIN, it keeps
// them only until the handle is open, then gives them up; it never runs a shell.
// Errors are one sentence on stderr (with --machine, also a protocol line).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace seqscope {

struct CaptureHelperOptions {
    bool list_interfaces = false;      // -D
    bool check_filter = false;         // --check-filter: compile -f for -i and exit
    bool machine = false;              // --machine: protocol lines for the GUI and the CLI
    bool quiet = false;                // -q: no "Capturing on" line
    bool parent_death = false;         // --parent-death: stop cleanly when the parent dies
    std::string interface;             // -i; empty: the first interface libpcap lists
    std::string filter;                // -f
    int snap_len = 262144;             // -s
    bool promiscuous = true;           // -p turns it off, as tshark's -p
    int buffer_mib = 0;                // -B, MiB; 0: libpcap's default
    std::string output = "";           // -w FILE ("-": standard output); empty: a temporary file
    std::uint64_t max_packets = 0;     // -c N, -a packets:N
    std::uint64_t max_file_kb = 0;     // -a filesize:KB
    double duration_s = 0;             // -a duration:S
    std::uint64_t ring_file_kb = 0;    // -b filesize:KB
    std::uint32_t ring_files = 0;      // -b files:N
};

// Parses argv; false with a sentence in `error`.
bool parse_capture_helper(int argc, const char* const* argv, CaptureHelperOptions& options, std::string& error);
std::string capture_helper_usage();

// The machine protocol (--machine), one line each, on stdout (on stderr when the
// capture itself goes to stdout):
//   interface NAME<TAB>DESCRIPTION<TAB>FLAGS<TAB>ADDR,ADDR   (with -D; FLAGS: up,loopback)
//   filter ok | filter bad<TAB>SENTENCE                      (with --check-filter)
//   file PATH                                                 a capture file was started
//   packets N                                                 packets written so far
//   stats RECEIVED WRITTEN KERNEL_DROPS INTERFACE_DROPS       at the end
//   error SENTENCE                                            why it stopped or could not start
int capture_helper_main(int argc, const char* const* argv);

}  // namespace seqscope
