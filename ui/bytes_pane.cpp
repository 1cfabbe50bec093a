// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/bytes_pane.h"

#include <QFontDatabase>
#include <QTextBlock>

#include <algorithm>

namespace seqscope::ui {

HexDumpLayout HexDumpLayout::forSize(std::size_t bytes) {
    HexDumpLayout l;
    while (l.offset_digits < 16 && (bytes >> (4 * l.offset_digits)) > 0) ++l.offset_digits;
    return l;
}

// "OOOO" + two spaces, then "xx " per byte with one extra space after the eighth.
int HexDumpLayout::hexColumn(int b) const { return offset_digits + 2 + 3 * b + (b >= 8 ? 1 : 0); }

// Three spaces after the last hex pair (as tshark -x prints it); the ASCII column
// also has a gap after the eighth byte.
int HexDumpLayout::asciiColumn(int b) const { return hexColumn(15) + 2 + 3 + b + (b >= 8 ? 1 : 0); }

QString hexDumpText(Bytes data) {
    const HexDumpLayout l = HexDumpLayout::forSize(data.size());
    static constexpr char kHex[] = "0123456789abcdef";
    QString out;
    const std::size_t lines = (data.size() + 15) / 16;
    out.reserve(static_cast<qsizetype>(lines) * (l.asciiColumn(15) + 2));
    for (std::size_t line = 0; line < lines; ++line) {
        if (line > 0) out += QLatin1Char('\n');
        QString text(l.asciiColumn(15) + 1, QLatin1Char(' '));
        const std::size_t base = line * 16;
        for (int d = 0; d < l.offset_digits; ++d)
            text[d] = QLatin1Char(kHex[(base >> (4 * (l.offset_digits - 1 - d))) & 0xF]);
        const int n = static_cast<int>(std::min<std::size_t>(16, data.size() - base));
        for (int b = 0; b < n; ++b) {
            const std::uint8_t v = data[base + static_cast<std::size_t>(b)];
            text[l.hexColumn(b)] = QLatin1Char(kHex[v >> 4]);
            text[l.hexColumn(b) + 1] = QLatin1Char(kHex[v & 0xF]);
            text[l.asciiColumn(b)] = (v >= 0x20 && v < 0x7F) ? QLatin1Char(static_cast<char>(v)) : QLatin1Char('.');
        }
        text.truncate(l.asciiColumn(n - 1) + 1);
        out += text;
    }
    return out;
}

BytesPane::BytesPane(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setLineWrapMode(NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void BytesPane::setBytes(Bytes bytes) {
    size_ = static_cast<int>(bytes.size());
    layout_ = HexDumpLayout::forSize(bytes.size());
    setPlainText(hexDumpText(bytes));
    highlight(0, 0);
}

void BytesPane::highlight(int offset, int length) {
    const int begin = std::clamp(offset, 0, size_);
    const int end = std::clamp(offset + std::max(length, 0), begin, size_);
    hl_offset_ = begin;
    hl_length_ = end - begin;
    QList<QTextEdit::ExtraSelection> selections;
    if (hl_length_ > 0) {
        QTextCharFormat fmt;
        fmt.setBackground(palette().highlight());
        fmt.setForeground(palette().highlightedText());
        const auto add = [&](int line, int from_col, int to_col) {
            const QTextBlock block = document()->findBlockByNumber(line);
            QTextCursor c(block);
            c.setPosition(block.position() + from_col);
            c.setPosition(block.position() + to_col, QTextCursor::KeepAnchor);
            selections.push_back({c, fmt});
        };
        for (int line = begin / 16; line <= (end - 1) / 16; ++line) {
            const int first = std::max(begin, line * 16) - line * 16;
            const int last = std::min(end - 1, line * 16 + 15) - line * 16;
            add(line, layout_.hexColumn(first), layout_.hexColumn(last) + 2);
            add(line, layout_.asciiColumn(first), layout_.asciiColumn(last) + 1);
        }
        // Bring the first highlighted line into view.
        QTextCursor c(document()->findBlockByNumber(begin / 16));
        setTextCursor(c);
        ensureCursorVisible();
    }
    setExtraSelections(selections);
}

}  // namespace seqscope::ui
