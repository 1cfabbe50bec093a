// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-cli's capture (-D, -i … -w): it never opens a capture handle itself. It
// starts seqscope-capture, the helper beside it, with tshark's flags, passes Ctrl+C
// on, and returns the helper's exit status; the helper prints tshark's lines.
#pragma once

#include "cli/cli.h"

#include <cstdio>
#include <string>

namespace seqscope {

// The helper next to this program's executable.
std::string capture_helper_path();

int run_capture_helper(const CliOptions& opt, std::FILE* err);

}  // namespace seqscope
