// SPDX-License-Identifier: GPL-3.0-or-later
// The -z reports seqscope-cli shares with tshark (conv, follow): parsing their
// arguments and running them over a loaded capture. Each format lives in core/format/;
// seqscope's own reports (states, ladder, exchanges) are in format/conversation_reports.h.
#pragma once

#include "format/follow_report.h"

#include <string>
#include <vector>

namespace seqscope {

class CaptureSession;

struct TsharkReport {
    enum class Kind : std::uint8_t { ConvTcp, ConvUdp, Follow };
    Kind kind = Kind::ConvTcp;
    FollowRequest follow;  // for Kind::Follow
};

// Parses one -z argument; false with a sentence in `error`.
bool parse_tshark_report(const std::string& arg, TsharkReport& req, std::string& error);

// Every report's text, in the order tshark prints them: the last -z first.
std::string run_tshark_reports(const CaptureSession& session, const std::vector<TsharkReport>& requests);

}  // namespace seqscope
