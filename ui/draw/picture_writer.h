// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-cli's pictures (core/cli/pictures.h), drawn by the window's painters. The
// CLI has no window: the first picture starts a QGuiApplication on Qt's offscreen
// platform (no display needed), which lives as long as this writer.
#pragma once

#include "cli/pictures.h"

#include <memory>

class QGuiApplication;

namespace seqscope::ui {

class QtPictureWriter final : public PictureWriter {
public:
    QtPictureWriter();
    ~QtPictureWriter() override;
    QtPictureWriter(const QtPictureWriter&) = delete;
    QtPictureWriter& operator=(const QtPictureWriter&) = delete;

    bool ladder(const Ladder& ladder, const std::string& format, const PictureOptions& options, std::string& out,
                std::string& error) const override;
    bool timeline(const Timeline& timeline, const std::string& format, const PictureOptions& options,
                  std::string& out, std::string& error) const override;

private:
    void ensureApplication() const;
    mutable std::unique_ptr<QGuiApplication> app_;
};

}  // namespace seqscope::ui
