// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/tcp_analysis_fields.h"

namespace seqscope {

std::string tcp_info_prefix(const TcpAnalysis&) { return {}; }

void add_tcp_analysis_tree(FieldTree&, FieldTree::Index, const TcpAnalysis&, const TcpSegmentView&) {}

}  // namespace seqscope
