// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-cli: wiring only. The CLI lives in core/cli/cli.cpp; its pictures are drawn
// by ui/draw, the window's painters.
#include "cli/cli.h"
#include "ui/draw/picture_writer.h"

int main(int argc, char** argv) {
    const seqscope::ui::QtPictureWriter pictures;
    return seqscope::cli_main(argc, argv, &pictures);
}
