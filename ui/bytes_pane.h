// SPDX-License-Identifier: GPL-3.0-or-later
// The packet bytes pane: a hex dump of the selected frame, 16 bytes a line with an
// ASCII column, and the selected field's bytes highlighted in both.
#pragma once

#include "util/byte_reader.h"

#include <QPlainTextEdit>

namespace seqscope::ui {

// Where things go in one dump line ("0000  45 00 ... 63  E..<.F@. @......c").
struct HexDumpLayout {
    int offset_digits = 4;  // hex digits of the line offset (more for frames > 64 KiB)

    static HexDumpLayout forSize(std::size_t bytes);
    [[nodiscard]] int hexColumn(int byte_in_line) const;    // first char of "xx"
    [[nodiscard]] int asciiColumn(int byte_in_line) const;  // the byte's ASCII char
    static constexpr int kBytesPerLine = 16;
};

// The whole dump as text, one line per 16 bytes, no trailing newline.
QString hexDumpText(Bytes data);

class BytesPane : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit BytesPane(QWidget* parent = nullptr);

    void setBytes(Bytes bytes);
    // Highlights [offset, offset+length) clipped to the frame; length 0 clears.
    void highlight(int offset, int length);
    // The highlighted byte range after clipping (length 0: none).
    [[nodiscard]] std::pair<int, int> highlighted() const { return {hl_offset_, hl_length_}; }

private:
    int size_ = 0;
    HexDumpLayout layout_;
    int hl_offset_ = 0;
    int hl_length_ = 0;
};

}  // namespace seqscope::ui
