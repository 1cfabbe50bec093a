// SPDX-License-Identifier: GPL-3.0-or-later
// `seqscope-cli -V` explains each packet under tshark's tree. The expectations
// here are derived independently, from the same capture's -T fields output
// (tcp.seq, tcp.len, tcp.ack, flags): the explanation must agree with them.
#include "cli/cli.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace seqscope {
namespace {

const std::string kSample = std::string(SEQSCOPE_SOURCE_DIR) + "/resources/samples/demo-lo-variations.pcapng";

std::string run(CliOptions opt) {
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    EXPECT_EQ(run_cli(opt, out, err), 0);
    std::string text;
    std::rewind(out);
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, out)) > 0;) text.append(buf, n);
    std::fclose(out);
    std::fclose(err);
    return text;
}

// frame number → the text of its seqscope blocks (the lines from "[seqscope:" on).
std::map<unsigned, std::string> explanation_blocks(const std::string& verbose) {
    std::map<unsigned, std::string> blocks;
    std::istringstream in(verbose);
    unsigned frame = 0;
    bool ours = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("Frame ", 0) == 0) {
            frame = static_cast<unsigned>(std::stoul(line.substr(6)));
            ours = false;
        } else if (line.rfind("[seqscope:", 0) == 0) {
            ours = true;
        } else if (ours && line.rfind("    ", 0) != 0) {
            ours = false;
        }
        if (ours) blocks[frame] += line + "\n";
    }
    return blocks;
}

// The explanation blocks of `seqscope-cli -r kSample -V [-c count]`.
std::map<unsigned, std::string> verbose_blocks(std::optional<std::size_t> count = std::nullopt) {
    CliOptions opt;
    opt.read_file = kSample;
    opt.verbose = true;
    opt.count = count;
    return explanation_blocks(run(opt));
}

struct Row {
    unsigned frame = 0;
    std::string tcp_stream, udp_stream, srcport;
    unsigned long seq = 0, len = 0, ack = 0;
    bool syn = false, fin = false, has_ack = false;
};

std::vector<Row> rows() {
    CliOptions opt;
    opt.read_file = kSample;
    opt.fields_mode = true;
    opt.fields.fields = {"frame.number", "tcp.stream", "udp.stream", "tcp.seq", "tcp.len",
                         "tcp.ack",      "tcp.flags.syn", "tcp.flags.fin", "tcp.flags.ack", "tcp.srcport"};
    std::vector<Row> out;
    std::istringstream in(run(opt));
    for (std::string line; std::getline(in, line);) {
        std::vector<std::string> f;
        std::istringstream cells(line);
        for (std::string c; std::getline(cells, c, '\t');) f.push_back(c);
        f.resize(10);
        Row r;
        r.frame = static_cast<unsigned>(std::stoul(f[0]));
        r.tcp_stream = f[1];
        r.udp_stream = f[2];
        if (!r.tcp_stream.empty()) {
            r.seq = std::stoul(f[3]);
            r.len = std::stoul(f[4]);
            r.ack = f[5].empty() ? 0 : std::stoul(f[5]);
            r.syn = f[6] == "1" || f[6] == "True";
            r.fin = f[7] == "1" || f[7] == "True";
            r.has_ack = f[8] == "1" || f[8] == "True";
            r.srcport = f[9];
        }
        out.push_back(r);
    }
    return out;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

TEST(VerboseExplanations, ArithmeticAgreesWithTheFields) {
    const auto blocks = verbose_blocks();
    const std::vector<Row> all = rows();
    ASSERT_GT(all.size(), 50u);

    int equations = 0;
    std::map<std::string, unsigned long> highest_ack;  // stream + sender port → highest Ack so far
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Row& r = all[i];
        if (r.tcp_stream.empty()) continue;
        const std::string& b = blocks.count(r.frame) ? blocks.at(r.frame) : std::string();
        SCOPED_TRACE("frame " + std::to_string(r.frame));
        // Next sequence number = Seq + Len, +1 for SYN, +1 for FIN.
        const unsigned long next = r.seq + r.len + (r.syn ? 1 : 0) + (r.fin ? 1 : 0);
        EXPECT_TRUE(contains(b, "Next sequence number " + std::to_string(next) + " = Seq " + std::to_string(r.seq)))
            << b;
        if (!r.has_ack) continue;
        unsigned long& high = highest_ack[r.tcp_stream + "/" + r.srcport];
        const bool acks_new = r.ack > high;
        high = std::max(high, r.ack);
        if (!acks_new) continue;
        // Earlier segments of the other direction ending exactly at this Ack: the
        // equation must name one of them (a retransmission repeats the same end).
        std::vector<const Row*> ends;
        for (std::size_t j = 0; j < i; ++j) {
            const Row& p = all[j];
            const unsigned long p_space = p.len + (p.syn ? 1 : 0) + (p.fin ? 1 : 0);
            if (p.tcp_stream == r.tcp_stream && p.srcport != r.srcport && p_space > 0 && p.seq + p_space == r.ack)
                ends.push_back(&p);
        }
        if (ends.empty()) continue;
        bool named = false;
        for (const Row* p : ends)
            named = named || (contains(b, "Ack " + std::to_string(r.ack) + " = Seq " + std::to_string(p->seq) + " + ") &&
                              contains(b, "(frame " + std::to_string(p->frame) + ")"));
        EXPECT_TRUE(named) << b;
        ++equations;
    }
    // Every ACK of new data in this capture names the segment it completes.
    EXPECT_GT(equations, 20);
}

TEST(VerboseExplanations, StatesAndUdpPairing) {
    const auto blocks = verbose_blocks();
    const std::vector<Row> all = rows();

    // The first SYN puts its sender in SYN_SENT; the first FIN its sender in FIN_WAIT_1.
    bool seen_syn = false, seen_fin = false;
    for (const Row& r : all) {
        if (r.tcp_stream != "0") continue;
        const std::string& b = blocks.at(r.frame);
        if (r.syn && !r.has_ack && !seen_syn) {
            EXPECT_TRUE(contains(b, "CLOSED → SYN_SENT")) << b;
            EXPECT_TRUE(contains(b, "LISTEN → SYN_RECEIVED")) << b;
            seen_syn = true;
        }
        if (r.fin && !seen_fin) {
            EXPECT_TRUE(contains(b, "ESTABLISHED → FIN_WAIT_1")) << b;
            EXPECT_TRUE(contains(b, "ESTABLISHED → CLOSE_WAIT")) << b;
            seen_fin = true;
        }
    }
    EXPECT_TRUE(seen_syn && seen_fin);

    // Each UDP response names its request, and the request names it back.
    int pairs = 0;
    for (const auto& [frame, text] : blocks) {
        const auto at = text.find("Response to frame ");
        if (at == std::string::npos) continue;
        const unsigned request = static_cast<unsigned>(std::stoul(text.substr(at + 18)));
        ASSERT_TRUE(blocks.count(request));
        EXPECT_TRUE(contains(blocks.at(request), "response in frame " + std::to_string(frame))) << blocks.at(request);
        ++pairs;
    }
    EXPECT_GT(pairs, 0);
}

TEST(VerboseExplanations, CountLimitsTheExplainedPackets) {
    const auto blocks = verbose_blocks(5);
    ASSERT_FALSE(blocks.empty());
    EXPECT_LE(blocks.rbegin()->first, 5u);
}

}  // namespace
}  // namespace seqscope
