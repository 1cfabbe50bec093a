// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder's rows, lanes, annotations and bands, and its text exports against
// goldens (tests/core/golden/ladder_demo.*). Regenerate a golden only after
// reading the diff: SEQSCOPE_UPDATE_GOLDENS=1 rewrites them.
#include "analysis/conversation_summary.h"
#include "analysis/seq_arithmetic.h"
#include "ladder/ladder_builder.h"
#include "ladder/ladder_layout.h"
#include "ladder/ladder_text.h"
#include "support/conv_builder.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace seqscope;
using seqscope::test::ConvBuilder;
using namespace seqscope::tcpflag;

namespace {

// The mockup's conversation: hello / hi there / bye, then a 4-way close.
Ladder demo_ladder(bool relative = true, bool swap_first_sender = false) {
    ConvBuilder b;
    b.handshake()
        .add(0, kPsh | kAck, 1, 1, 5, 16.1)    // 4 "hello"
        .add(1, kAck, 1, 6, 0, 21.1)           // 5
        .add(1, kPsh | kAck, 1, 6, 8, 28.2)    // 6 "hi there"
        .add(0, kPsh | kAck, 6, 9, 3, 33.2)    // 7 "bye" + piggybacked Ack 9
        .add(1, kAck, 9, 9, 0, 38.2)           // 8
        .add(0, kFin | kAck, 9, 9, 0, 48.2)    // 9
        .add(1, kAck, 9, 10, 0, 53.3)          // 10
        .add(1, kFin | kAck, 9, 10, 0, 60.3)   // 11
        .add(0, kAck, 10, 10, 0, 65.3);        // 12
    TcpConversationEvents conv = b.get();
    if (swap_first_sender) std::swap(conv.a, conv.b);
    const auto summary = summarize_conversation(conv);
    const auto arithmetic = explain_arithmetic(conv, summary);
    LadderOptions opt;
    opt.relative = relative;
    return build_tcp_ladder(conv, summary, arithmetic, nullptr, opt);
}

// The goldens are reviewed text, never written by the test: on a difference the new
// output lands in the temp folder for a person to compare and, if right, copy over.
void check_golden(const std::string& name, const std::string& got) {
    const std::string path = std::string(SEQSCOPE_SOURCE_DIR) + "/tests/core/golden/" + name;
    std::ifstream in(path);
    ASSERT_TRUE(in.good()) << "missing golden " << path;
    std::stringstream want;
    want << in.rdbuf();
    if (got == want.str()) return;
    const std::string fresh = (std::filesystem::temp_directory_path() / ("seqscope-golden-" + name)).string();
    std::ofstream(fresh) << got;
    ADD_FAILURE() << "golden " << name << " differs; this run's output is in " << fresh << " (diff " << path << " "
                  << fresh << ")";
}

}  // namespace

TEST(Ladder, LanesPerAddressPortClientLeft) {
    const Ladder l = demo_ladder();
    ASSERT_EQ(l.lanes.size(), 2u);
    EXPECT_EQ(l.lanes[0].title, "127.0.0.1:5555");
    EXPECT_EQ(l.lanes[1].title, "127.0.0.1:7777");
    EXPECT_EQ(l.lanes[0].role, "client · active open, active close");
    EXPECT_EQ(l.lanes[1].role, "server · passive open (listening), passive close");
    ASSERT_FALSE(l.notes.empty());  // both ends are 127.0.0.1: the note says lanes are per port
    // The client stays on the left even when the capture's first sender is the server side.
    const Ladder swapped = demo_ladder(true, true);
    EXPECT_EQ(swapped.lanes[0].title, "127.0.0.1:7777");
    EXPECT_EQ(swapped.arrows[0].from_lane, 0);
}

TEST(Ladder, ArrowsCarryTheArithmetic) {
    const Ladder l = demo_ladder();
    ASSERT_EQ(l.arrows.size(), 12u);
    EXPECT_EQ(l.arrows[0].label, "SYN  Seq=0 Len=0  next 1");
    EXPECT_TRUE(l.arrows[0].phantom_byte);
    EXPECT_EQ(l.arrows[1].equation, "Ack 1 = 0 + SYN");
    EXPECT_EQ(l.arrows[4].equation, "Ack 6 = 1 + 5");
    ASSERT_EQ(l.arrows[4].acked_arrows.size(), 1u);
    EXPECT_EQ(l.arrows[4].acked_arrows[0], 3u);
    EXPECT_TRUE(l.arrows[6].piggybacked);
    EXPECT_EQ(l.arrows[6].equation, "Ack 9 = 1 + 8");
    EXPECT_EQ(l.arrows[9].equation, "Ack 10 = 9 + FIN");
    EXPECT_EQ(l.arrows[3].kind, ArrowKind::Data);
    EXPECT_EQ(l.arrows[4].kind, ArrowKind::PureAck);
    EXPECT_EQ(l.arrows[8].kind, ArrowKind::SynFin);
    // Raw numbers keep the same arithmetic.
    const Ladder raw = demo_ladder(false);
    EXPECT_EQ(raw.arrows[4].equation, "Ack 3861029454 = 3861029449 + 5");
}

TEST(Ladder, StateBandsChangeAtTheCausingArrow) {
    const Ladder l = demo_ladder();
    EXPECT_EQ(lane_state_after(l, 0, 0), TcpState::SynSent);
    EXPECT_EQ(lane_state_after(l, 1, 0), TcpState::SynReceived);
    EXPECT_EQ(lane_state_after(l, 0, 1), TcpState::Established);
    EXPECT_EQ(lane_state_after(l, 1, 1), TcpState::SynReceived);
    EXPECT_EQ(lane_state_after(l, 1, 2), TcpState::Established);
    EXPECT_EQ(lane_state_after(l, 0, 8), TcpState::FinWait1);
    EXPECT_EQ(lane_state_after(l, 1, 8), TcpState::CloseWait);
    EXPECT_EQ(lane_state_after(l, 0, 10), TcpState::TimeWait);
    EXPECT_EQ(lane_state_after(l, 1, 11), TcpState::Closed);
    bool timer = false;
    for (const auto& b : l.bands) timer |= b.lane == 0 && b.state == TcpState::TimeWait && b.timer_end;
    EXPECT_TRUE(timer);
    ASSERT_FALSE(l.arrows[8].state_changes.empty());
}

TEST(Ladder, ExportsMatchGoldens) {
    const Ladder l = demo_ladder();
    check_golden("ladder_demo.csv", ladder_csv(l));
    check_golden("ladder_demo.md", ladder_markdown(l));
    check_golden("ladder_demo.puml", ladder_plantuml(l));
    check_golden("ladder_demo.mmd", ladder_mermaid(l));
    check_golden("ladder_demo.txt", ladder_text(l));
}

TEST(LadderLayout, TimeTrueCompressesLongGapsAndMapsBack) {
    Ladder l = demo_ladder();
    l.arrows.back().ts_ns += 30'000'000'000;  // a 30 s idle span before the last ACK
    LadderLayoutOptions o;
    const LadderLayout L = layout_ladder(l, o);
    ASSERT_EQ(L.arrows.size(), l.arrows.size());
    ASSERT_EQ(L.breaks.size(), 1u);
    for (std::size_t i = 1; i < L.arrows.size(); ++i) EXPECT_GE(L.arrows[i].y0 - L.arrows[i - 1].y0, o.row_height);
    EXPECT_LE(L.arrows.back().y0 - L.arrows[10].y0, o.max_gap + o.row_height + 0.001);
    // time ↔ y round trip at every arrow, and monotonic in between.
    for (std::size_t i = 0; i < L.arrows.size(); ++i) {
        EXPECT_NEAR(L.y_of_time(l.arrows[i].ts_ns), L.arrows[i].y0, 1e-6);
        EXPECT_NEAR(static_cast<double>(L.time_of_y(L.arrows[i].y0)), static_cast<double>(l.arrows[i].ts_ns), 1.0);
    }
    EXPECT_LT(L.y_of_time(l.arrows[3].ts_ns + 1000), L.y_of_time(l.arrows[4].ts_ns));
    // Only what is visible.
    const auto [first, last] = L.visible(L.arrows[4].y0 - 1, L.arrows[6].y0 + 1);
    EXPECT_EQ(first, 4u);
    EXPECT_EQ(last, 7u);
    // Clicking on an arrow's middle hits it.
    const auto& g = L.arrows[5];
    EXPECT_EQ(L.hit((g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2), 5u);
    EXPECT_EQ(L.hit(5, 5), L.arrows.size());
}

TEST(LadderLayout, RowsModeIsEvenlySpaced) {
    const Ladder l = demo_ladder();
    LadderLayoutOptions o;
    o.mode = LadderMode::Rows;
    const LadderLayout L = layout_ladder(l, o);
    for (std::size_t i = 1; i < L.arrows.size(); ++i) EXPECT_DOUBLE_EQ(L.arrows[i].y0 - L.arrows[i - 1].y0, o.row_height);
    EXPECT_LT(L.arrows[0].x0, L.arrows[0].x1);  // client on the left sends rightwards
    EXPECT_GT(L.arrows[1].x0, L.arrows[1].x1);
}
