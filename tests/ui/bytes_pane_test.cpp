// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui_test_support.h"

#include "ui/bytes_pane.h"

#include <array>
#include <numeric>

namespace seqscope::ui {
namespace {

TEST(HexDump, LaysOutSixteenBytesALineWithAscii) {
    std::array<std::uint8_t, 20> data{};
    std::iota(data.begin(), data.end(), std::uint8_t{0x3c});  // "<=>?@AB..." then 0x4f
    const QStringList lines = hexDumpText(data).split(QLatin1Char('\n'));
    ASSERT_EQ(lines.size(), 2);
    EXPECT_EQ(lines[0], QStringLiteral("0000  3c 3d 3e 3f 40 41 42 43  44 45 46 47 48 49 4a 4b   <=>?@ABC DEFGHIJK"));
    EXPECT_EQ(lines[1], QStringLiteral("0010  4c 4d 4e 4f                                        LMNO"));
}

TEST(HexDump, ColumnsPointAtEachByte) {
    std::array<std::uint8_t, 300> data{};
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 7);
    const HexDumpLayout l = HexDumpLayout::forSize(data.size());
    const QStringList lines = hexDumpText(data).split(QLatin1Char('\n'));
    for (std::size_t i = 0; i < data.size(); ++i) {
        const QString& line = lines[static_cast<int>(i / 16)];
        const int b = static_cast<int>(i % 16);
        EXPECT_EQ(line.mid(l.hexColumn(b), 2), QStringLiteral("%1").arg(data[i], 2, 16, QLatin1Char('0'))) << i;
        const QChar c = line.at(l.asciiColumn(b));
        EXPECT_EQ(c, data[i] >= 0x20 && data[i] < 0x7f ? QChar(static_cast<char16_t>(data[i])) : QLatin1Char('.')) << i;
    }
    EXPECT_EQ(HexDumpLayout::forSize(70000).offset_digits, 5);
}

TEST(BytesPane, HighlightsTheFieldRangeClippedToTheFrame) {
    test::app();
    BytesPane pane;
    std::array<std::uint8_t, 40> data{};
    pane.setBytes(data);
    pane.highlight(14, 10);  // crosses a line
    EXPECT_EQ(pane.highlighted(), std::make_pair(14, 10));
    EXPECT_EQ(pane.extraSelections().size(), 4) << "hex and ASCII on each of two lines";
    pane.highlight(30, 50);
    EXPECT_EQ(pane.highlighted(), std::make_pair(30, 10));
    pane.highlight(0, 0);
    EXPECT_TRUE(pane.extraSelections().isEmpty());
}

}  // namespace
}  // namespace seqscope::ui
