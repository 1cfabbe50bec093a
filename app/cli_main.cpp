// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-cli: argument forwarding only; the CLI lives in core/cli/cli.cpp.
#include "cli/cli.h"

int main(int argc, char** argv) { return seqscope::cli_main(argc, argv); }
