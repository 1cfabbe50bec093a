// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope's own -z reports (no tshark equivalent): endpoint state timelines
// (-z states,N), the text ladder (-z ladder,N / -z ladder,udp,N) and UDP
// request/response pairing (-z exchanges,udp).
#pragma once

#include "ladder/ladder.h"

#include <functional>
#include <optional>
#include <string>

namespace seqscope {

class CaptureSession;

struct ReportRequest {
    std::string kind;            // "states", "ladder", "exchanges"
    bool udp = false;            // ladder,udp,N
    std::optional<std::uint32_t> stream;
    bool raw = false;            // absolute sequence numbers (ladder,N,raw)
};

// Parses "-z states,N", "ladder,N[,raw]", "ladder,udp,N", "exchanges,udp".
// nullopt if `arg` is not one of ours; sets `error` if it is ours but malformed.
std::optional<ReportRequest> parse_conversation_report(const std::string& arg, std::string& error);

// Runs a report over an analysed capture. Returns false with a sentence in
// `error` (e.g. "there is no tcp.stream 7 in this capture; it has streams 0–3").
// `export_format` (svg, png, pdf, csv, md, plantuml, mermaid, txt; empty = txt) applies
// to ladders; the pictures (svg, png, pdf) are drawn by `picture`, which the CLI gets
// from ui/draw (core draws nothing).
using LadderPictureFn =
    std::function<bool(const Ladder& ladder, const std::string& format, std::string& out, std::string& error)>;
bool run_conversation_report(const ReportRequest& request, const CaptureSession& session, std::string& out,
                             std::string& error, const std::string& export_format = {},
                             const LadderPictureFn& picture = {});

std::string states_report(const CaptureSession& session, std::uint32_t stream, std::string& error);
std::string exchanges_report(const CaptureSession& session);

}  // namespace seqscope
