// SPDX-License-Identifier: GPL-3.0-or-later
// Conversations reconstructed from real loopback captures the test makes itself:
// libpcap on lo while the loopback lab's client and server talk (FIN close, RST
// close, half-close, refused connection, port reuse, UDP and UDP to a closed
// port). Asserts the endpoint states, teardown kinds, arithmetic and pairings.
// Needs capture permission (CI runs as root); skipped with the reason otherwise.
#include "analysis/collect.h"
#include "analysis/conversation_summary.h"
#include "analysis/seq_arithmetic.h"
#include "analysis/udp_exchanges.h"
#include "capture/live_capture.h"
#include "session/capture_session.h"
#include "support/ci_policy.h"
#include "tools/loopback_lab.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace seqscope;

namespace {

struct Captured {
    std::unique_ptr<CaptureSession> session;
    lab::LabOptions lab;
    std::string path;
    std::string skip;  // non-empty: no permission
};

// Captures one scenario on lo into a pcapng and loads it as a user would.
Captured capture(lab::Scenario scenario, int rounds = 2) {
    Captured c;
    c.lab.server_port = lab::free_port();
    c.lab.client_port = lab::free_port();
    c.lab.rounds = rounds;
    c.lab.step_delay_ms = 5;
    c.path = ::testing::TempDir() + "seqscope-conv-" + std::to_string(::getpid()) + "-" +
             std::string(lab::scenario_name(scenario)) + ".pcapng";
    LiveCapture live;
    LiveCaptureOptions lo;
    lo.interface = "lo";
    lo.filter = lab::capture_filter(c.lab);
    lo.pcapng_path = c.path;
    lo.queue_capacity = 0;  // the file is all we need
    std::string error;
    if (!live.start(lo, error)) {
        if (live.permission_denied()) c.skip = error;
        else ADD_FAILURE() << error;
        return c;
    }
    if (!lab::run_scenario(scenario, c.lab, error)) ADD_FAILURE() << error;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    live.stop();
    c.session = std::make_unique<CaptureSession>();
    if (!c.session->open_file(c.path, error)) ADD_FAILURE() << error;
    while (c.session->load_batch(4096) > 0) {
    }
    return c;
}

#define CAPTURE_OR_SKIP(var, ...)                                                  \
    Captured var = capture(__VA_ARGS__);                                           \
    if (!var.skip.empty()) SEQSCOPE_SKIP_OR_FAIL_UNDER_CI("no capture permission: " + var.skip); \
    ASSERT_TRUE(var.session)

std::vector<TcpConversationSummary> tcp_summaries(const CaptureSession& s) {
    std::vector<TcpConversationSummary> out;
    for (const auto& conv : collect_conversations(s).tcp)
        if (!conv.segments.empty()) out.push_back(summarize_conversation(conv));
    return out;
}

std::vector<std::string> path(const EndpointTimeline& t) {
    std::vector<std::string> out{to_string(t.initial)};
    for (const auto& tr : t.transitions) out.emplace_back(to_string(tr.to));
    return out;
}

std::uint8_t side_of(const TcpConversationSummary& s, std::uint16_t port) { return s.a.port == port ? 0 : 1; }

}  // namespace

TEST(LoopbackConversations, FinCloseStatesAndArithmetic) {
    CAPTURE_OR_SKIP(c, lab::Scenario::TcpFin, 2);
    const CollectedConversations all = collect_conversations(*c.session);
    ASSERT_EQ(all.tcp.size(), 1u);
    const TcpConversationEvents& conv = all.tcp[0];
    const TcpConversationSummary s = summarize_conversation(conv);
    const std::uint8_t client = side_of(s, c.lab.client_port), server = 1 - client;
    ASSERT_TRUE(s.client.has_value());
    EXPECT_EQ(*s.client, client);  // from the SYN, although every packet on lo looks inbound
    ASSERT_TRUE(s.handshake.complete());
    EXPECT_GT(*s.handshake.rtt_ns(), 0);
    EXPECT_EQ(s.teardown.active_closer, client);
    EXPECT_TRUE(s.teardown.kind == TeardownKind::FourWay || s.teardown.kind == TeardownKind::FinAckMerged)
        << to_string(s.teardown.kind);
    const auto cp = path(s.states[client]);
    ASSERT_GE(cp.size(), 5u);
    EXPECT_EQ((std::vector<std::string>(cp.begin(), cp.begin() + 4)),
              (std::vector<std::string>{"CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1"}));
    EXPECT_EQ(cp[cp.size() - 2], "TIME_WAIT");
    EXPECT_EQ(cp.back(), "CLOSED");
    EXPECT_EQ(s.states[client].transitions.back().cause, TransitionCause::Timer);
    EXPECT_EQ(path(s.states[server]),
              (std::vector<std::string>{"LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
    // Every data segment is acknowledged by an ACK whose equation names it.
    const auto ar = explain_arithmetic(conv, s);
    std::size_t data = 0, acked = 0;
    for (std::size_t i = 0; i < conv.segments.size(); ++i) {
        if (conv.segments[i].seglen > 0) ++data;
        if (ar[i].acked_exact && ar[i].acks_new_data) {
            const auto& e = conv.segments[i];
            EXPECT_EQ(ar[i].ack_equation.rfind("Ack " + std::to_string(e.ack) + " = Seq ", 0), 0u) << ar[i].ack_equation;
        }
        for (FrameNumber f : ar[i].acked_frames)
            for (const auto& seg : conv.segments)
                if (seg.frame == f && seg.seglen > 0) ++acked;
    }
    EXPECT_EQ(data, 2u * 2u + 1u);  // "from B"/"thanks" × 2 rounds, then "got something"
    EXPECT_EQ(acked, data);
    // The payloads counted per direction.
    EXPECT_EQ(s.traffic[client].payload_bytes, 2u * 6u);
    EXPECT_EQ(s.traffic[server].payload_bytes, 2u * 6u + 13u);
    std::remove(c.path.c_str());
}

TEST(LoopbackConversations, RstCloseAbortsBothSides) {
    CAPTURE_OR_SKIP(c, lab::Scenario::TcpRst, 1);
    const auto sums = tcp_summaries(*c.session);
    ASSERT_EQ(sums.size(), 1u);
    const auto& s = sums[0];
    const std::uint8_t client = side_of(s, c.lab.client_port);
    EXPECT_EQ(s.teardown.kind, TeardownKind::Reset);
    EXPECT_EQ(s.teardown.active_closer, client);
    EXPECT_EQ(s.states[0].final_state(), TcpState::Closed);
    EXPECT_EQ(s.states[1].final_state(), TcpState::Closed);
    EXPECT_EQ(s.states[client].transitions.back().cause, TransitionCause::Sent);
    std::remove(c.path.c_str());
}

TEST(LoopbackConversations, HalfCloseKeepsTheServerSending) {
    CAPTURE_OR_SKIP(c, lab::Scenario::HalfClose, 2);
    const auto sums = tcp_summaries(*c.session);
    ASSERT_EQ(sums.size(), 1u);
    const auto& s = sums[0];
    const std::uint8_t client = side_of(s, c.lab.client_port), server = 1 - client;
    EXPECT_TRUE(s.half_close);
    ASSERT_TRUE(s.half_close_data_frame.has_value());
    EXPECT_EQ(s.teardown.active_closer, client);
    // While the server still sends, the client sits in FIN_WAIT_2 and the server in CLOSE_WAIT.
    EXPECT_EQ(s.states[client].state_after(*s.half_close_data_frame), TcpState::FinWait2);
    EXPECT_EQ(s.states[server].state_after(*s.half_close_data_frame), TcpState::CloseWait);
    EXPECT_EQ(s.states[server].final_state(), TcpState::Closed);
    std::remove(c.path.c_str());
}

TEST(LoopbackConversations, RefusedConnection) {
    CAPTURE_OR_SKIP(c, lab::Scenario::Refused);
    const auto sums = tcp_summaries(*c.session);
    ASSERT_EQ(sums.size(), 1u);
    const auto& s = sums[0];
    const std::uint8_t client = side_of(s, c.lab.client_port);
    EXPECT_EQ(s.teardown.kind, TeardownKind::Refused);
    EXPECT_EQ(path(s.states[client]), (std::vector<std::string>{"CLOSED", "SYN_SENT", "CLOSED"}));
    EXPECT_EQ(s.states[1 - client].initial, TcpState::Closed);
    EXPECT_NE(s.states[client].transitions.back().reason.find("refused"), std::string::npos);
    std::remove(c.path.c_str());
}

TEST(LoopbackConversations, PortReuseStartsASecondStream) {
    CAPTURE_OR_SKIP(c, lab::Scenario::PortReuse, 1);
    const CollectedConversations all = collect_conversations(*c.session);
    ASSERT_EQ(all.tcp.size(), 2u);  // a new ISN on the same 4-tuple: a new tcp.stream, as tshark
    const auto& second = all.tcp[1];
    ASSERT_FALSE(second.segments.empty());
    EXPECT_TRUE(second.segments.front().analysis.flags & tcpa::kReusedPorts);
    for (const auto& conv : all.tcp) {
        const auto s = summarize_conversation(conv);
        EXPECT_TRUE(s.handshake.complete());
        EXPECT_NE(s.teardown.kind, TeardownKind::None);
    }
    std::remove(c.path.c_str());
}

TEST(LoopbackConversations, UdpExchangesPairEveryRequest) {
    CAPTURE_OR_SKIP(c, lab::Scenario::Udp, 3);
    const CollectedConversations all = collect_conversations(*c.session);
    ASSERT_EQ(all.udp.size(), 1u);
    const UdpExchangeReport r = pair_udp_exchanges(all.udp[0]);
    ASSERT_EQ(r.exchanges.size(), 3u);
    EXPECT_EQ(r.unanswered, 0u);
    for (const auto& ex : r.exchanges) {
        ASSERT_TRUE(ex.response.has_value());
        EXPECT_GE(ex.response_time_ns, 0);
    }
    std::remove(c.path.c_str());
}

TEST(LoopbackConversations, UdpToAClosedPortGetsTheIcmpError) {
    CAPTURE_OR_SKIP(c, lab::Scenario::UdpClosed, 1);
    const CollectedConversations all = collect_conversations(*c.session);
    ASSERT_EQ(all.udp.size(), 1u);
    const UdpExchangeReport r = pair_udp_exchanges(all.udp[0]);
    ASSERT_FALSE(r.exchanges.empty());
    EXPECT_EQ(r.unanswered, r.exchanges.size());
    ASSERT_TRUE(r.exchanges[0].icmp_error.has_value());
    EXPECT_NE(r.exchanges[0].icmp_text.find("Port unreachable"), std::string::npos) << r.exchanges[0].icmp_text;
    std::remove(c.path.c_str());
}
