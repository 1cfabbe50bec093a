// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli.h"

#include "session/capture_session.h"
#include "cli/capture_run.h"
#include "cli/tshark_reports.h"
#include "format/conversation_reports.h"
#include "format/field_registry.h"
#include "format/verbose_explanations.h"
#include "analysis/collect.h"
#include "timeline/timeline.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace seqscope {

std::string cli_usage() {
    return "seqscope-cli " SEQSCOPE_VERSION " — the headless twin of seqscope, with tshark's flags.\n"
           "\n"
           "Usage: seqscope-cli -r FILE [options]\n"
           "       seqscope-cli -i IFACE -w FILE [capture options]\n"
           "\n"
           "Input:\n"
           "  -r FILE                  read packets from a pcap or pcapng file\n"
           "  -c N                     stop after N packets\n"
           "Capture (through seqscope-capture, the helper that alone may capture):\n"
           "  -D                       list the interfaces\n"
           "  -i IFACE -w FILE         capture IFACE into the pcapng FILE (\"-\": stdout); Ctrl+C stops\n"
           "  -f FILTER                capture filter (libpcap's syntax, as tcpdump)\n"
           "  -s SNAPLEN, -p, -B MiB   snap length, no promiscuous mode, kernel buffer size\n"
           "  -a duration:S|filesize:KB|packets:N   stop conditions (and -c N)\n"
           "  -b filesize:KB[,files:N] a ring buffer of files\n"
           "Output:\n"
           "  (default)                one summary line per packet, like tshark\n"
           "  -V                       the full field tree of every packet, like tshark -V, each\n"
           "                           followed by seqscope's explanation: next Seq and why, the\n"
           "                           Ack equation, delayed/piggybacked ACKs, the window's scale,\n"
           "                           why each analysis flag fired, both endpoints' TCP states,\n"
           "                           UDP request/response pairing\n"
           "  -T fields                one row per packet with the fields given by -e\n"
           "  -e FIELD                 a field to print (repeatable), e.g. -e tcp.seq -e _ws.col.Info\n"
           "  -E header=y|n            print the field names first (default n)\n"
           "  -E separator=/t|/s|C     field separator: tab (default), space or a character\n"
           "  -E occurrence=f|l|a      first, last or all occurrences of a field (default a)\n"
           "  -E aggregator=C          separator between occurrences (default ,)\n"
           "  -E quote=d|s|n           quote values with double or single quotes, or not\n"
           "  -q                       no per-packet output (with -z)\n"
           "Reports (-z, repeatable; printed after the packets, the last one given first, as tshark):\n"
           "  -z conv,tcp              TCP conversations: frames and bytes each way, start, duration\n"
           "  -z conv,udp              the same for UDP\n"
           "  -z follow,tcp,MODE,N     the data of TCP stream N (tcp.stream) in sequence order, each\n"
           "                           byte once, gaps the peer acknowledged shown as\n"
           "                           \"[n bytes missing in capture file]\"\n"
           "  -z follow,udp,MODE,N     every datagram of UDP stream N (udp.stream)\n"
           "                           MODE: ascii, hex, raw (hex digits) or yaml. Instead of N, two\n"
           "                           endpoints ADDR:PORT,ADDR:PORT ([ADDR]:PORT for IPv6); append\n"
           "                           ,K or ,K-L to show only chunks K..L\n"
           "Conversations (seqscope's own reports):\n"
           "  -z states,N              each endpoint's TCP state timeline for tcp.stream N,\n"
           "                           with the frame that caused every transition\n"
           "  -z ladder,N[,raw]        the seq/ack ladder of tcp.stream N as text: one lane per\n"
           "                           address:port, arrows with flags, Seq, Ack, Len, next Seq,\n"
           "                           the Ack equations, analysis reasons and state changes\n"
           "  -z ladder,udp,N          the same for udp.stream N (request/response pairing)\n"
           "  -z exchanges,udp         UDP request/response pairs, unanswered requests, ICMP errors\n"
           "  -z timeline              every connection on one time axis (handshake, data, teardown,\n"
           "                           TIME_WAIT, UDP requests): a picture, with --export png|svg|pdf\n"
           "  --export FMT -o FILE     write the -z ladder as svg, png, pdf (pictures, drawn as the\n"
           "                           window draws them), csv, md (seq/ack tables), plantuml or\n"
           "                           mermaid (sequence diagrams) or txt; -z timeline as png, svg, pdf\n"
           "  --frames A-B             ladder pictures show only the arrows of frames A..B (default:\n"
           "                           the whole conversation); the lane headers stay\n"
           "  --scale S                PNG pixels per point, 1 to 4 (default 2, crisp on HiDPI)\n"
           "Other:\n"
           "  -h                       this help\n"
           "  -v                       version\n";
}

namespace {

// --scale S (1..4) and --frames A-B for the ladder pictures.
bool parse_image_option(const std::string& flag, const std::string& v, PictureOptions& image, std::string& error) {
    char* end = nullptr;
    if (flag == "--scale") {
        const double s = std::strtod(v.c_str(), &end);
        if (v.empty() || *end != '\0' || !(s >= 1 && s <= 4)) {
            error = "--scale takes a number from 1 to 4, not \"" + v + "\"";
            return false;
        }
        image.scale = s;
        return true;
    }
    const unsigned long a = std::strtoul(v.c_str(), &end, 10);
    unsigned long b = a;
    bool ok = !v.empty() && end != v.c_str() && std::isdigit(static_cast<unsigned char>(v[0]));
    if (ok && *end == '-') {
        const char* second = end + 1;
        b = std::strtoul(second, &end, 10);
        ok = end != second && std::isdigit(static_cast<unsigned char>(*second));
    }
    if (!ok || *end != '\0' || a == 0 || b < a || b > 0xFFFFFFFFul) {
        error = "--frames takes a frame range FIRST-LAST such as 4-12, not \"" + v + "\"";
        return false;
    }
    image.frames = FrameRange{static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)};
    return true;
}

}  // namespace

bool parse_cli(int argc, const char* const* argv, CliOptions& opt, std::string& error) {
    auto need_arg = [&](int& i, const char* flag) -> const char* {
        if (i + 1 >= argc) {
            error = std::string("option requires an argument -- '") + (flag + 1) + "'";
            return nullptr;
        }
        return argv[++i];
    };
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-h" || a == "--help") opt.help = true;
        else if (a == "-v" || a == "--version") opt.version = true;
        else if (a == "-V") opt.verbose = true;
        else if (a == "-q") opt.quiet = true;
        else if (a == "--export" || a == "-o") {
            const char* v = need_arg(i, a == "-o" ? "-o" : "-export");
            if (!v) return false;
            (a == "-o" ? opt.output_file : opt.export_format) = v;
        }
        else if (a == "--scale" || a == "--frames") {
            const char* v = need_arg(i, a == "--scale" ? "-scale" : "-frames");
            if (!v || !parse_image_option(a, v, opt.picture, error)) return false;
        }
        else if (a == "--stats-memory") opt.stats_memory = true;
        else if (a == "-D") opt.list_interfaces = true;
        else if (a == "-l") {  // tshark's line buffering: every line is flushed already
        } else if (a == "-p") opt.capture_args.push_back(a);
        else if (a == "-i" || a == "-w" || a == "-f" || a == "-s" || a == "-B" || a == "-a" || a == "-b") {
            const char* v = need_arg(i, a.c_str());
            if (!v) return false;
            if (a == "-i") opt.interface = v;
            else if (a == "-w") opt.write_file = v;
            else opt.capture_args.insert(opt.capture_args.end(), {a, v});
        }
        else if (a == "-r" || a == "-c" || a == "-T" || a == "-e" || a == "-E" || a == "-z") {
            const char* v = need_arg(i, a.c_str());
            if (!v) return false;
            const std::string val = v;
            if (a == "-r") opt.read_file = val;
            else if (a == "-c") {
                char* end = nullptr;
                const unsigned long long n = std::strtoull(val.c_str(), &end, 10);
                if (val.empty() || *end != '\0' || n == 0) {
                    error = "The specified maximum packet count \"" + val + "\" isn't a valid positive number";
                    return false;
                }
                opt.count = static_cast<std::size_t>(n);
            } else if (a == "-T") {
                if (val == "fields") opt.fields_mode = true;
                else if (val == "text") opt.fields_mode = false;
                else {
                    error = "Invalid -T parameter \"" + val + "\"; it must be one of: fields, text";
                    return false;
                }
            } else if (a == "-e") opt.fields.fields.push_back(val);
            else if (a == "-z") opt.statistics.push_back(val);
            else {  // -E key=value
                const auto eq = val.find('=');
                const std::string key = val.substr(0, eq);
                const std::string value = eq == std::string::npos ? "" : val.substr(eq + 1);
                if (key == "header" && (value == "y" || value == "n")) opt.fields.header = value == "y";
                else if (key == "separator" && !value.empty()) {
                    if (value == "/t") opt.fields.separator = '\t';
                    else if (value == "/s") opt.fields.separator = ' ';
                    else opt.fields.separator = value[0];
                } else if (key == "occurrence" && (value == "f" || value == "l" || value == "a")) {
                    opt.fields.occurrence = value[0];
                } else if (key == "aggregator" && !value.empty()) {
                    opt.fields.aggregator = value == "/s" ? ' ' : value == "/t" ? '\t' : value[0];
                } else if (key == "quote" && (value == "d" || value == "s" || value == "n")) {
                    opt.fields.quote = value == "d" ? '"' : value == "s" ? '\'' : 0;
                } else {
                    error = "Invalid -E parameter \"" + val + "\"";
                    return false;
                }
            }
        } else if (a.size() > 2 && a[0] == '-' && std::strchr("rceETz", a[1]) != nullptr) {
            // tshark also accepts the value glued to the flag: -c10, -eip.src
            std::vector<std::string> split = {a.substr(0, 2), a.substr(2)};
            std::vector<const char*> sub = {argv[0], split[0].c_str(), split[1].c_str()};
            if (!parse_cli(3, sub.data(), opt, error)) return false;
        } else {
            error = "invalid option -- '" + a + "'";
            return false;
        }
    }
    if (!opt.export_format.empty()) {
        static const char* formats[] = {"svg", "png", "pdf", "csv", "md", "plantuml", "mermaid", "txt"};
        if (std::none_of(std::begin(formats), std::end(formats), [&](const char* f) { return opt.export_format == f; })) {
            error = "--export takes svg, png, pdf, csv, md, plantuml, mermaid or txt, not \"" + opt.export_format + "\"";
            return false;
        }
        if ((opt.export_format == "png" || opt.export_format == "pdf") && opt.output_file.empty()) {
            error = "--export " + opt.export_format + " writes a binary file; name it with -o FILE";
            return false;
        }
    }
    const bool capturing = !opt.interface.empty() || (!opt.write_file.empty() && opt.read_file.empty());
    if (capturing && !opt.read_file.empty()) {
        error = "-r reads a file and -i captures; give one of them";
        return false;
    }
    if ((!opt.capture_args.empty() || !opt.write_file.empty()) && !capturing) {
        error = "capture options (-f, -s, -p, -B, -a, -b, -w) need -i IFACE";
        return false;
    }
    if (capturing && opt.write_file.empty()) {
        error = "live capture prints no packets yet: add -w FILE to save them, then read that file with -r";
        return false;
    }
    if (opt.fields_mode && opt.fields.fields.empty()) {
        error = "\"-T fields\" was specified, but no fields were specified with \"-e\".";
        return false;
    }
    if (!opt.fields_mode && !opt.fields.fields.empty()) {
        error = "\"-e\" was specified, but \"-T fields\" was not.";  // tshark's rule
        return false;
    }
    return true;
}

namespace {

// tshark -V's tree of each packet, then seqscope's explanations of it.
void print_verbose(const CaptureSession& session, std::size_t packets, std::string& buffer, std::FILE* out) {
    const VerboseExplanations why = VerboseExplanations::build(session);
    for (std::size_t i = 0; i < packets; ++i) {
        FieldTree tree(true);
        Columns columns;
        session.dissect(i, &tree, &columns);
        buffer += tree_text(tree);
        buffer.pop_back();  // the blank line that ends a packet comes after our block
        buffer += why.text(FrameNumber{static_cast<std::uint32_t>(i + 1)});
        buffer += '\n';
        if (buffer.size() > (1 << 16)) {
            std::fwrite(buffer.data(), 1, buffer.size(), out);
            buffer.clear();
        }
    }
}

// Writes a report to -o FILE (pictures and exports) or to `out`; false with the sentence on `err`.
bool write_report(const CliOptions& opt, const std::string& text, bool to_file, std::FILE* out, std::FILE* err) {
    if (!to_file || opt.output_file.empty()) {
        std::fwrite(text.data(), 1, text.size(), out);
        return true;
    }
    std::FILE* f = std::fopen(opt.output_file.c_str(), "wb");
    bool written = f != nullptr && std::fwrite(text.data(), 1, text.size(), f) == text.size();
    int why = errno;
    if (f != nullptr && std::fclose(f) != 0 && written) written = false, why = errno;  // a full disk shows here
    if (!written)
        std::fputs(("seqscope-cli: could not write \"" + opt.output_file + "\": " + std::strerror(why) + ".\n").c_str(),
                   err);
    return written;
}

// -z timeline: every conversation on one time axis, as a picture.
bool timeline_picture(const CaptureSession& session, const CliOptions& opt, const PictureWriter* pictures,
                      std::string& out, std::string& error) {
    if (!is_picture_format(opt.export_format)) {
        error = "-z timeline is a picture: add --export png, svg or pdf (and -o FILE)";
        return false;
    }
    if (pictures == nullptr) {
        error = "this build of seqscope-cli draws no pictures; --export " + opt.export_format + " needs ui/draw";
        return false;
    }
    TimelineOptions options;
    if (session.packet_count() > 0) options.origin_ns = session.store().first_ts_ns();
    const Timeline timeline = build_timeline(collect_conversations(session), options);
    return pictures->timeline(timeline, opt.export_format, opt.picture, out, error);
}

}  // namespace

int run_cli(const CliOptions& opt, std::FILE* out, std::FILE* err, const PictureWriter* pictures) {
    if (opt.help) {
        std::fputs(cli_usage().c_str(), out);
        return 0;
    }
    if (opt.version) {
        std::fputs("seqscope-cli " SEQSCOPE_VERSION "\nCopyright the seqscope authors. GPL-3.0-or-later.\n", out);
        return 0;
    }
    if (opt.list_interfaces || !opt.interface.empty() || !opt.write_file.empty()) return run_capture_helper(opt, err);
    if (opt.read_file.empty()) {
        std::fputs("seqscope-cli: no capture file given; use -r FILE, or -i IFACE -w FILE to capture.\n", err);
        return 1;
    }
    std::vector<std::string> bad;
    for (const auto& f : opt.fields.fields)
        if (!is_known_field(f)) bad.push_back(f);
    if (!bad.empty()) {
        std::string msg = "seqscope-cli: Some fields aren't valid:\n";
        for (const auto& f : bad) msg += "\t" + f + "\n";
        std::fputs(msg.c_str(), err);
        return 1;
    }

    // -z: tshark's reports (conv, follow) and seqscope's own (states, ladder,
    // exchanges), all checked before reading so a typo fails fast.
    std::vector<TsharkReport> tshark_reports;
    std::vector<ReportRequest> reports;
    bool timeline = false;
    for (const auto& z : opt.statistics) {
        std::string zerr;
        if (z == "timeline") {
            timeline = true;
        } else if (auto r = parse_conversation_report(z, zerr)) {
            if (!zerr.empty()) {
                std::fputs(("seqscope-cli: " + zerr + "\n").c_str(), err);
                return 1;
            }
            reports.push_back(*r);
        } else if (!parse_tshark_report(z, tshark_reports.emplace_back(), zerr)) {
            std::fputs(("seqscope-cli: " + zerr + "\n").c_str(), err);
            return 1;
        }
    }

    CaptureSession session;
    std::string error;
    if (!session.open_file(opt.read_file, error)) {
        std::fputs(("seqscope-cli: " + error + "\n").c_str(), err);
        return 2;
    }
    if (opt.fields_mode && opt.fields.header) std::fputs(fields_header(opt.fields).c_str(), out);

    std::size_t printed = 0;
    const bool per_packet = !opt.quiet;
    // -V prints after the whole capture is read: its explanations need each
    // conversation's later segments (which frames an ACK covers, the states).
    // With -V or -q, pass one builds no tree or column text at all.
    const bool verbose = per_packet && opt.verbose && !opt.fields_mode;
    const bool print_while_loading = per_packet && !verbose;
    CaptureSession::PacketCallback cb;
    cb.want_tree = opt.fields_mode;
    cb.want_columns = true;
    std::string buffer;
    cb.fn = [&](std::size_t, const FrameInput& in, const PacketView&, const FieldTree* tree, const Columns* cols) {
        if (opt.fields_mode) buffer += fields_row(opt.fields, in, *tree, *cols);
        else buffer += summary_line(in, *cols, in.ts_digits);
        if (buffer.size() > (1 << 16)) {
            std::fwrite(buffer.data(), 1, buffer.size(), out);
            buffer.clear();
        }
    };
    while (!session.load_done()) {
        std::size_t want = 4096;
        if (opt.count) want = std::min(want, *opt.count - printed);
        if (want == 0) break;
        const std::size_t n = session.load_batch(want, print_while_loading ? &cb : nullptr);
        printed += n;
        if (n == 0 && session.load_done()) break;
    }
    if (verbose) print_verbose(session, printed, buffer, out);
    buffer += run_tshark_reports(session, tshark_reports);
    std::fwrite(buffer.data(), 1, buffer.size(), out);
    // No writer: no function, and run_conversation_report says pictures are not built in.
    LadderPictureFn ladder_picture;
    if (pictures != nullptr)
        ladder_picture = [&](const Ladder& l, const std::string& format, std::string& bytes, std::string& perr) {
            return pictures->ladder(l, format, opt.picture, bytes, perr);
        };
    for (const auto& r : reports) {
        std::string text, rerr;
        if (!run_conversation_report(r, session, text, rerr, opt.export_format, ladder_picture)) {
            std::fputs(("seqscope-cli: " + rerr + "\n").c_str(), err);
            return 1;
        }
        if (!write_report(opt, text, r.kind == "ladder", out, err)) return 1;
    }
    if (timeline) {
        std::string picture, perr;
        if (!timeline_picture(session, opt, pictures, picture, perr)) {
            std::fputs(("seqscope-cli: " + perr + "\n").c_str(), err);
            return 1;
        }
        if (!write_report(opt, picture, true, out, err)) return 1;
    }
    std::fflush(out);
    if (opt.stats_memory) {
        // What the engine holds for the loaded packets beyond the (mapped) file bytes.
        const std::size_t store = session.store().memory_bytes();
        const std::size_t total = session.memory_bytes();
        const std::size_t n = session.packet_count();
        std::fprintf(err, "seqscope-cli: memory: %zu packets, store %zu bytes, flows %zu bytes, %.1f bytes/packet\n", n,
                     store, total - store, n ? static_cast<double>(total) / static_cast<double>(n) : 0.0);
    }
    if (const auto e = session.load_error()) {
        std::fputs(("seqscope-cli: The file \"" + opt.read_file + "\" is damaged: " + e->message +
                    " The packets before it were read.\n")
                       .c_str(),
                   err);
        return 2;
    }
    return 0;
}

int cli_main(int argc, const char* const* argv, const PictureWriter* pictures) {
    CliOptions opt;
    std::string error;
    if (!parse_cli(argc, argv, opt, error)) {
        std::fprintf(stderr, "seqscope-cli: %s\n\n%s", error.c_str(), cli_usage().c_str());
        return 1;
    }
    return run_cli(opt, stdout, stderr, pictures);
}

}  // namespace seqscope
