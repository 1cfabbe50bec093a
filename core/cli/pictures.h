// SPDX-License-Identifier: GPL-3.0-or-later
// Pictures for seqscope-cli (`-z ladder,N --export png|svg|pdf`, `-z timeline --export
// …`): core has no drawing of its own, so the CLI asks a PictureWriter. app/cli_main.cpp
// hands it the one in ui/draw, which draws with the same QPainter code as the window,
// so the CLI and the GUI's Export menu make the same picture.
#pragma once

#include "ladder/ladder.h"
#include "timeline/timeline.h"

#include <cstdint>
#include <optional>
#include <string>

namespace seqscope {

// The arrows of frames [first, last] only.
struct FrameRange {
    std::uint32_t first = 0, last = 0;
};

struct PictureOptions {
    double scale = 2;                   // PNG pixels per drawing pixel (2: crisp on high-DPI screens)
    std::optional<FrameRange> frames;   // ladders: nullopt is the whole conversation
};

inline bool is_picture_format(const std::string& format) {
    return format == "png" || format == "svg" || format == "pdf";
}

class PictureWriter {
public:
    virtual ~PictureWriter() = default;
    // `format` is png, svg or pdf; the file's bytes go to `out`. False with a sentence
    // in `error`.
    virtual bool ladder(const Ladder& ladder, const std::string& format, const PictureOptions& options,
                        std::string& out, std::string& error) const = 0;
    virtual bool timeline(const Timeline& timeline, const std::string& format, const PictureOptions& options,
                          std::string& out, std::string& error) const = 0;
};

}  // namespace seqscope
