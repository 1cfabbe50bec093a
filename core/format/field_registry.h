// SPDX-License-Identifier: GPL-3.0-or-later
// The Wireshark field names seqscope knows, with their titles. `seqscope-cli -e`
// rejects anything else exactly as tshark does ("Some fields aren't valid").
#pragma once

#include <string_view>
#include <vector>

namespace seqscope {

struct FieldInfo {
    std::string_view abbrev;  // "tcp.seq"
    std::string_view title;   // "Sequence Number"
};

const std::vector<FieldInfo>& field_registry();
bool is_known_field(std::string_view abbrev);

}  // namespace seqscope
