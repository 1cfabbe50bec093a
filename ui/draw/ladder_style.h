// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder's look in Qt terms: core's palette as QColors, the two fonts (DejaVu
// Sans, DejaVu Sans Mono at pixel sizes, so screen, PNG, PDF and SVG agree), and
// the small drawing pieces every part of the ladder uses: pills and runs of text
// in mixed fonts.
#pragma once

#include "analysis/endpoint_states.h"
#include "ladder/ladder.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <initializer_list>

class QPainter;

namespace seqscope::ui::ladder_style {

QColor arrowColour(ArrowKind kind);
QColor stateColour(TcpState state);
// The colour an analysis flag tag is drawn in (zero window red, out-of-order orange...).
QColor flagColour(std::uint32_t tcpa_flags);
// Short names of the analysis flags set ("zero window", "out-of-order"), comma separated.
QString flagNames(std::uint32_t tcpa_flags);

inline const QColor kInk{0x1d, 0x27, 0x33};
inline const QColor kMuted{0x5b, 0x66, 0x73};
inline const QColor kFaint{0x8a, 0x95, 0xa3};
inline const QColor kGrid{0xe6, 0xea, 0xef};
inline const QColor kLifeline{0xc3, 0xca, 0xd3};
inline const QColor kBackground{0xff, 0xff, 0xff};
inline const QColor kHeaderFill{0xee, 0xf3, 0xfa};
inline const QColor kHeaderStroke{0x9f, 0xb4, 0xcc};
inline const QColor kSelection{0x2f, 0x6f, 0xcc};
inline const QColor kChipFill{0xf1, 0xf3, 0xf6};
inline const QColor kChipStroke{0x9a, 0xa5, 0xb1};
// The time cursor the ladder, the timeline and the graphs share (SelectionHub).
inline const QColor kCursor{0x2e, 0x6b, 0xc6};

struct Fonts {
    QFont title, text, small, bold, smallBold, mono, monoBold, monoSmall, italicSmall, equation, equationBold;
    static const Fonts& get();
};

// One piece of a label: text in a font and colour.
struct Run {
    QString text;
    const QFont* font;
    QColor colour;
};

double runsWidth(std::initializer_list<Run> runs);
// Draws runs left to right from `x` on baseline `y`; returns the x after the last.
double drawRuns(QPainter& p, double x, double y, std::initializer_list<Run> runs);
double textWidth(const QFont& font, const QString& text);

enum class PillBorder { Solid, Dashed, None };
void drawPill(QPainter& p, const QRectF& r, const QColor& fill, const QColor& stroke, PillBorder border = PillBorder::Solid,
              double stroke_width = 1.0);

// A pill sized to `runs` (padding around), centred at `centre`; returns its rect.
QRectF pillAround(double cx, double cy, double text_width, const QFont& font, double pad_x = 7);

}  // namespace seqscope::ui::ladder_style
