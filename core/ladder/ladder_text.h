// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder as text (`seqscope-cli -z ladder,N`) and its table and diagram-text
// exports: CSV and Markdown seq/ack tables, PlantUML and Mermaid sequence diagrams.
#pragma once

#include "ladder/ladder.h"

#include <string>

namespace seqscope {

std::string ladder_text(const Ladder& ladder);
std::string ladder_csv(const Ladder& ladder);
std::string ladder_markdown(const Ladder& ladder);
std::string ladder_plantuml(const Ladder& ladder);
std::string ladder_mermaid(const Ladder& ladder);

// The state of `lane` right after arrow `index` (from the bands).
TcpState lane_state_after(const Ladder& ladder, std::uint8_t lane, std::size_t index);

}  // namespace seqscope
