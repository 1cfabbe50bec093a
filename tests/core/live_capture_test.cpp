// SPDX-License-Identifier: GPL-3.0-or-later
// Live capture on the loopback interface with real sockets (the loopback lab):
// every packet must reach both the pcapng file and the consumer's queue, identical,
// and decode. Needs capture permission (CI runs as root); without it the capture
// tests are skipped with the reason, and the permission message itself is checked.
#include "capture/capture_file.h"
#include "capture/live_capture.h"
#include "session/capture_session.h"
#include "support/ci_policy.h"
#include "tools/loopback_lab.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace seqscope;

namespace {

std::string temp_path(const std::string& name) {
    return ::testing::TempDir() + "seqscope-" + std::to_string(::getpid()) + "-" + name;
}

lab::LabOptions lab_options() { return lab::test_options(); }

std::size_t count_containing(const PacketStore& store, std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < store.size(); ++i) {
        const Bytes b = store.bytes(i);
        const std::string_view s(reinterpret_cast<const char*>(b.data()), b.size());
        if (s.size() >= text.size() && s.substr(s.size() - text.size()) == text) ++n;  // payload ends the frame
    }
    return n;
}

// Starts a capture for the lab's ports; skips the test if permission is missing (fails
// under CI, which runs as root).
#define START_OR_SKIP(live, options)                                                               \
    do {                                                                                           \
        std::string start_error;                                                                   \
        if (!(live).start((options), start_error)) {                                               \
            if ((live).permission_denied())                                                        \
                SEQSCOPE_SKIP_OR_FAIL_UNDER_CI("no permission to capture on lo (run as root): " +  \
                                               start_error);                                       \
            FAIL() << start_error;                                                                 \
        }                                                                                          \
    } while (0)

}  // namespace

TEST(LiveCapture, LoopbackExchangeReachesQueueAndPcapngIdentically) {
    const lab::LabOptions opt = lab_options();
    ASSERT_NE(opt.server_port, 0);
    ASSERT_NE(opt.client_port, opt.server_port);
    LiveCapture live;
    LiveCaptureOptions lo;
    lo.interface = "lo";
    lo.filter = lab::capture_filter(opt);
    lo.pcapng_path = temp_path("live.pcapng");
    START_OR_SKIP(live, lo);
    EXPECT_TRUE(live.running());

    std::string error;
    ASSERT_TRUE(lab::run_scenario(lab::Scenario::TcpFin, opt, error)) << error;
    ASSERT_TRUE(lab::run_scenario(lab::Scenario::Udp, opt, error)) << error;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the last packets' way through the thread
    live.stop();
    EXPECT_FALSE(live.running());
    EXPECT_FALSE(live.thread_error().has_value());

    std::vector<CapturedPacket> packets;
    live.drain(packets);
    const LiveCaptureStats st = live.stats();
    EXPECT_EQ(st.received, packets.size());
    EXPECT_EQ(st.written, st.received);
    EXPECT_EQ(st.queue_drops, 0u);
    EXPECT_EQ(st.kernel_drops, 0u);

    PacketStore live_store;
    const std::uint16_t iface = live_store.add_interface(live.interface_info());
    LiveCapture::append_to_store(live_store, iface, packets);
    live_store.publish();
    EXPECT_EQ(live_store.interface(iface).link_type, linktype::kEthernet);  // Linux lo

    auto reader = CaptureFileReader::open(lo.pcapng_path, error);
    ASSERT_TRUE(reader) << error;
    PacketStore file_store;
    reader->read_batch(file_store, 100000);
    file_store.publish();
    EXPECT_FALSE(reader->error().has_value());
    ASSERT_EQ(file_store.size(), live_store.size());
    EXPECT_EQ(file_store.interface(0).name, "lo");
    for (std::size_t i = 0; i < file_store.size(); ++i) {
        const Bytes a = live_store.bytes(i), b = file_store.bytes(i);
        EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), b.end())) << "packet " << i + 1;
        EXPECT_EQ(live_store.record(i).ts_ns, file_store.record(i).ts_ns) << "packet " << i + 1;
        EXPECT_EQ(live_store.record(i).wire_len, file_store.record(i).wire_len) << "packet " << i + 1;
        if (i > 0) {
            EXPECT_LE(file_store.record(i - 1).ts_ns, file_store.record(i).ts_ns);
        }
    }
    // Each send is one segment or datagram on loopback: TCP and UDP three times each.
    EXPECT_EQ(count_containing(file_store, "from B"), 6u);
    EXPECT_EQ(count_containing(file_store, "thanks"), 6u);
    EXPECT_EQ(count_containing(file_store, "got something"), 1u);
    // Handshake, 7 data segments, some ACKs, two FINs and the last ACK, 6 datagrams.
    EXPECT_GE(file_store.size(), 3u + 7u + 3u + 6u);

    // And it decodes: every packet is TCP or UDP between the lab's two ports, with
    // the flags and lengths the lab produced, in one TCP and one UDP stream.
    CaptureSession session;
    ASSERT_TRUE(session.open_file(lo.pcapng_path, error)) << error;
    while (!session.load_done()) session.load_batch(1000);
    ASSERT_EQ(session.packet_count(), file_store.size());
    int syn = 0, fin = 0, tcp_data = 0, udp = 0;
    for (std::size_t i = 0; i < session.packet_count(); ++i) {
        Columns cols;
        const PacketView v = session.dissect(i, nullptr, &cols);
        EXPECT_EQ(v.status, PacketStatus::Ok) << "packet " << i + 1;
        EXPECT_EQ(v.net_src.to_string(), "127.0.0.1");
        if (v.tcp) {
            const auto ports = std::minmax(v.tcp->src_port, v.tcp->dst_port);
            EXPECT_EQ(ports, std::minmax(opt.server_port, opt.client_port)) << "packet " << i + 1;
            syn += (v.tcp->flags & tcpflag::kSyn) != 0;
            fin += (v.tcp->flags & tcpflag::kFin) != 0;
            tcp_data += v.tcp->seglen > 0;
            EXPECT_EQ(cols.protocol, "TCP");
        } else {
            ASSERT_TRUE(v.udp.has_value()) << "packet " << i + 1 << " is neither TCP nor UDP";
            EXPECT_EQ(v.udp->length, 8 + 6);  // "from B" and "thanks" are 6 bytes
            ++udp;
            EXPECT_EQ(cols.protocol, "UDP");
        }
    }
    EXPECT_EQ(syn, 2);       // SYN, SYN/ACK
    EXPECT_EQ(fin, 2);       // the client's FIN, the server's FIN
    EXPECT_EQ(tcp_data, 7);  // 3 × "from B", 3 × "thanks", "got something"
    EXPECT_EQ(udp, 6);
    std::remove(lo.pcapng_path.c_str());
}

TEST(LiveCapture, FullQueueCountsDropsButTheFileKeepsEverything) {
    const lab::LabOptions opt = lab_options();
    LiveCapture live;
    LiveCaptureOptions lo;
    lo.interface = "lo";
    lo.filter = lab::capture_filter(opt);
    lo.pcapng_path = temp_path("drops.pcapng");
    lo.queue_capacity = 2;
    START_OR_SKIP(live, lo);
    std::string error;
    ASSERT_TRUE(lab::run_scenario(lab::Scenario::Udp, opt, error)) << error;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    live.stop();
    std::vector<CapturedPacket> packets;
    EXPECT_EQ(live.drain(packets), 2u);
    const LiveCaptureStats st = live.stats();
    EXPECT_EQ(st.received, 6u);  // three "from B" and three "thanks"
    EXPECT_EQ(st.written, 6u);
    EXPECT_EQ(st.queue_drops, 4u);

    auto reader = CaptureFileReader::open(lo.pcapng_path, error);
    ASSERT_TRUE(reader) << error;
    PacketStore store;
    EXPECT_EQ(reader->read_batch(store, 100), 6u);
    std::remove(lo.pcapng_path.c_str());
}

TEST(LiveCapture, BadFilterAndMissingInterfaceAreSentences) {
    LiveCapture live;
    LiveCaptureOptions lo;
    lo.interface = "lo";
    lo.filter = "port banana";
    lo.pcapng_path = temp_path("bad.pcapng");
    std::string error;
    if (!live.start(lo, error) && live.permission_denied())
        SEQSCOPE_SKIP_OR_FAIL_UNDER_CI("no permission to capture on lo: " + error);
    EXPECT_FALSE(live.running());
    EXPECT_NE(error.find("The capture filter \"port banana\" isn't valid"), std::string::npos) << error;

    lo.interface = "seqscope-no-such-if0";
    lo.filter.clear();
    error.clear();
    EXPECT_FALSE(live.start(lo, error));
    EXPECT_NE(error.find("There is no interface called seqscope-no-such-if0"), std::string::npos) << error;
}

// Runs the start in a child that has given up root, so the message a normal user
// sees is checked even though the suite runs as root.
TEST(LiveCapture, MissingPermissionExplainsSetcap) {
    int pipefd[2];
    ASSERT_EQ(::pipe(pipefd), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::close(pipefd[0]);
        if (::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
        LiveCapture live;
        LiveCaptureOptions lo;
        lo.interface = "lo";
        lo.pcapng_path = "/dev/null";
        std::string error;
        const bool started = live.start(lo, error);
        const int code = started ? 4 : live.permission_denied() ? 0 : 5;
        const ssize_t ignored = ::write(pipefd[1], error.data(), error.size());
        (void)ignored;
        ::_exit(code);
    }
    ::close(pipefd[1]);
    std::string message;
    char buf[512];
    for (ssize_t n; (n = ::read(pipefd[0], buf, sizeof buf)) > 0;) message.append(buf, static_cast<std::size_t>(n));
    ::close(pipefd[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 4)
        SEQSCOPE_SKIP_OR_FAIL_UNDER_CI(std::string("user nobody can capture (capabilities granted to the test binary?)"));
    ASSERT_EQ(WEXITSTATUS(status), 0) << "start() failed without reporting missing permission: " << message;
    EXPECT_NE(message.find("You don't have permission to capture on lo: run as root or give the binary "
                           "CAP_NET_RAW and CAP_NET_ADMIN with setcap cap_net_raw,cap_net_admin=eip "),
              std::string::npos)
        << message;
}
