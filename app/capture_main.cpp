// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-capture: wiring only; the helper lives in core/capture_helper/.
#include "capture_helper/capture_helper.h"

int main(int argc, char** argv) { return seqscope::capture_helper_main(argc, argv); }
