// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's colours, from core's palette so a phase reads the same as the
// ladder's states and arrows: handshake in the SYN/FIN violet, data in the data
// blue, closing phases in the closing amber (TIME_WAIT hatched, as on the
// ladder's lifelines), RST and refusals red, UDP replies in the ESTABLISHED green.
// Fonts and text pieces come from the ladder's style (ladder_style.h).
#pragma once

#include "timeline/timeline_row.h"

#include <QBrush>
#include <QColor>

#include <cstdint>
#include <optional>

namespace seqscope::ui::timeline_style {

// Fill and outline of a phase bar; the text drawn on it or beside it.
QBrush phaseFill(PhaseKind kind);
QColor phaseStroke(PhaseKind kind);
// TIME_WAIT's hatching (phaseFill's for it).
QBrush timeWaitHatch();
QColor phaseText(PhaseKind kind);
// True when the bar's label is drawn on it (white on a dark fill, dark on a light one).
bool labelOnBar(PhaseKind kind);
QColor markerColour(MarkerKind kind);
// The dot and headline colour of a cursor readout at `ts_ns`: its phase's; after
// the row's end by its outcome (red for RST and refusals); grey before it starts.
QColor readoutColour(const TimelineRow& row, std::optional<PhaseKind> phase, std::int64_t ts_ns);

inline const QColor kRowAlt{0xf7, 0xf9, 0xfb};
inline const QColor kRowLine{0xe4, 0xe8, 0xee};
inline const QColor kRowSelected{0xe6, 0xed, 0xf8};
inline const QColor kRowHover{0xf1, 0xf4, 0xf7};
inline const QColor kBreakFill{0xee, 0xf1, 0xf5};
inline const QColor kBreakEdge{0xd2, 0xd9, 0xe2};
inline const QColor kPacketLine{0x5e, 0x73, 0x85};
inline const QColor kUdpLine{0xc9, 0xd1, 0xdb};

}  // namespace seqscope::ui::timeline_style
