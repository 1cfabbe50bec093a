// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-capture, the built binary, on the loopback interface with real sockets,
// next to tcpdump capturing the same exchange in the same test: the files must hold
// the same packets. Also its stop conditions, the messages for a bad filter and for
// a user without the capabilities (run as nobody through setpriv), that it gives up
// its capabilities once the interface is open, and that it stops cleanly with every
// packet in the file when the program that started it is killed. Capturing needs
// root or the capabilities: skipped without them, failed under CI (which runs as root).
#include "analysis/collect.h"
#include "analysis/conversation_summary.h"
#include "session/capture_session.h"
#include "support/ci_policy.h"
#include "tools/loopback_lab.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

using namespace seqscope;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kHelper = SEQSCOPE_CAPTURE_HELPER;

std::string temp_path(const std::string& name) {
    return ::testing::TempDir() + "seqscope-helper-" + std::to_string(::getpid()) + "-" + name;
}

std::string slurp(const std::string& path) {
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// A child process with stdout and stderr in files, started without a shell.
struct Child {
    pid_t pid = -1;
    std::string out, err;  // file paths

    static Child start(const std::vector<std::string>& argv, const std::string& tag) {
        Child c;
        c.out = temp_path(tag + ".out");
        c.err = temp_path(tag + ".err");
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, c.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&fa, 2, c.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        if (posix_spawnp(&c.pid, args[0], &fa, nullptr, args.data(), environ) != 0) c.pid = -1;
        posix_spawn_file_actions_destroy(&fa);
        return c;
    }
    // Waits until `text` shows in stdout or stderr, or the child exits.
    bool wait_for(const std::string& text, int timeout_ms = 10000) const {
        const auto until = Clock::now() + std::chrono::milliseconds(timeout_ms);
        while (Clock::now() < until) {
            if (slurp(out).find(text) != std::string::npos || slurp(err).find(text) != std::string::npos) return true;
            if (::waitpid(pid, nullptr, WNOHANG) == pid) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }
    int wait() {
        int status = 0;
        if (pid > 0 && ::waitpid(pid, &status, 0) == pid) {
            pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        return -1;
    }
    ~Child() {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
        std::remove(out.c_str());
        std::remove(err.c_str());
    }
};

// Runs a command to its end: exit status and stderr.
std::pair<int, std::string> run(const std::vector<std::string>& argv, const std::string& tag) {
    Child c = Child::start(argv, tag);
    const int rc = c.wait();
    return {rc, slurp(c.err) + slurp(c.out)};
}

lab::LabOptions lab_options() { return lab::test_options(); }

// Permission to capture here? (root, or capabilities on the helper)
bool can_capture(std::string& why) {
    const std::string file = temp_path("probe.pcapng");
    const auto [rc, text] = run({kHelper, "-i", "lo", "-q", "-a", "duration:0.05", "-w", file}, "probe");
    std::remove(file.c_str());
    why = text;
    return rc == 0;
}

#define REQUIRE_CAPTURE()                                                                  \
    do {                                                                                   \
        std::string why;                                                                   \
        if (!can_capture(why)) SEQSCOPE_SKIP_OR_FAIL_UNDER_CI("cannot capture on lo: " + why); \
    } while (0)

// The same packet: the same bytes, and times a moment apart. Each capture socket
// stamps its own copy when it receives it (measured: about 1 µs apart on lo).
struct Packet {
    std::int64_t ts_ns;  // both in nanoseconds (tcpdump --time-stamp-precision=nano)
    std::string bytes;
    bool operator==(const Packet& o) const { return bytes == o.bytes && std::abs(ts_ns - o.ts_ns) < 1'000'000; }
};

std::vector<Packet> packets_of(const std::string& path) {
    std::vector<Packet> out;
    CaptureSession s;
    std::string error;
    EXPECT_TRUE(s.open_file(path, error)) << path << ": " << error;
    while (s.load_batch(1024) > 0) {}
    for (std::size_t i = 0; i < s.packet_count(); ++i) {
        const Bytes b = s.store().bytes(i);
        out.push_back({s.store().record(i).ts_ns, std::string(reinterpret_cast<const char*>(b.data()), b.size())});
    }
    return out;
}

void send_udp(std::uint16_t port, int count) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < count; ++i)
        ::sendto(fd, "ping", 4, 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
    ::close(fd);
}

}  // namespace

// Captures the lab's exchange with `command` (given -i, -f and -w) next to tcpdump and
// checks both files hold the same packets, and the stop on SIGINT is prompt.
static void expect_same_packets_as_tcpdump(const std::vector<std::string>& command, const std::string& ready) {
    const lab::LabOptions opt = lab_options();
    const std::string filter = lab::capture_filter(opt);
    const std::string ours = temp_path("ours.pcapng"), theirs = temp_path("tcpdump.pcap");
    Child tcpdump = Child::start({"tcpdump", "-i", "lo", "-U", "-n", "-s", "0", "--time-stamp-precision=nano", "-w", theirs, filter}, "tcpdump");
    ASSERT_GT(tcpdump.pid, 0) << "tcpdump could not start";
    std::vector<std::string> argv = command;
    argv.insert(argv.end(), {"-i", "lo", "-f", filter, "-w", ours});
    Child helper = Child::start(argv, "capture");
    ASSERT_TRUE(tcpdump.wait_for("listening on lo")) << slurp(tcpdump.err);
    ASSERT_TRUE(helper.wait_for(ready == "file " ? ready + ours : ready)) << slurp(helper.err);

    std::string error;
    for (const auto s : {lab::Scenario::TcpFin, lab::Scenario::Udp})
        ASSERT_TRUE(lab::run_scenario(s, opt, error)) << error;
    // tcpdump reads the kernel's buffer every second (its read timeout) and drops
    // what is still there when interrupted: give it that second.
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));

    const auto asked = Clock::now();
    ::kill(helper.pid, SIGINT);
    EXPECT_EQ(helper.wait(), 0) << slurp(helper.err);
    EXPECT_LT(Clock::now() - asked, std::chrono::seconds(1)) << "the helper took too long to stop";
    ::kill(tcpdump.pid, SIGINT);
    tcpdump.wait();

    const std::vector<Packet> got = packets_of(ours), want = packets_of(theirs);
    ASSERT_GT(want.size(), 20u) << slurp(tcpdump.err);
    EXPECT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
        if (got[i] == want[i]) continue;
        ADD_FAILURE() << "packet " << i + 1 << " differs from tcpdump's: time " << got[i].ts_ns << " vs "
                      << want[i].ts_ns << " ns, " << got[i].bytes.size() << " vs " << want[i].bytes.size() << " bytes";
        break;
    }

    // What the file holds is the exchange, and only it (the filter): one TCP
    // conversation, handshake to FIN close, and the UDP stream.
    CaptureSession s;
    ASSERT_TRUE(s.open_file(ours, error)) << error;
    while (s.load_batch(1024) > 0) {}
    const CollectedConversations conv = collect_conversations(s);
    ASSERT_EQ(conv.tcp.size(), 1u);
    const TcpConversationSummary summary = summarize_conversation(conv.tcp[0]);
    EXPECT_TRUE(summary.handshake.complete());
    EXPECT_TRUE(summary.teardown.kind == TeardownKind::FourWay || summary.teardown.kind == TeardownKind::FinAckMerged)
        << to_string(summary.teardown.kind);
    EXPECT_EQ(conv.udp.size(), 1u);
    std::remove(ours.c_str());
    std::remove(theirs.c_str());
}

TEST(CaptureHelper, WritesWhatTcpdumpWritesOfTheSameExchange) {
    REQUIRE_CAPTURE();
    expect_same_packets_as_tcpdump({kHelper, "--machine"}, "file ");
}

// seqscope-cli -i lo -f … -w FILE: through the helper, with tshark's lines.
TEST(CliCapture, WritesWhatTcpdumpWritesOfTheSameExchange) {
    REQUIRE_CAPTURE();
    expect_same_packets_as_tcpdump({SEQSCOPE_CLI}, "Capturing on 'lo'");
}

TEST(CliCapture, ListsInterfacesAndReportsABadFilter) {
    auto [rc, text] = run({SEQSCOPE_CLI, "-D"}, "cli-D");
    EXPECT_EQ(rc, 0) << text;
    EXPECT_NE(text.find(". lo (Loopback)\n"), std::string::npos) << text;
    std::tie(rc, text) = run({SEQSCOPE_CLI, "-i", "lo", "-f", "port banana", "-w", temp_path("never.pcapng")}, "cli-f");
    EXPECT_NE(rc, 0);
    EXPECT_NE(text.find("unknown port 'banana'"), std::string::npos) << text;
    std::tie(rc, text) = run({SEQSCOPE_CLI, "-i", "lo"}, "cli-i");
    EXPECT_NE(rc, 0);
    EXPECT_NE(text.find("add -w FILE"), std::string::npos) << text;
}

// The CLI killed mid-capture (SIGKILL, nothing of it runs any more): its helper
// stops by itself and the file holds every packet captured until then.
TEST(CliCapture, KilledMidCaptureLeavesAWholeFile) {
    REQUIRE_CAPTURE();
    const std::uint16_t port = lab::free_port();
    const std::string file = temp_path("cli-killed.pcapng");
    Child cli = Child::start({SEQSCOPE_CLI, "-i", "lo", "-f", "udp port " + std::to_string(port), "-w", file}, "cli-kill");
    ASSERT_TRUE(cli.wait_for("Capturing on 'lo'")) << slurp(cli.err);
    send_udp(port, 7);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));  // the helper's read timeout, twice
    ::kill(cli.pid, SIGKILL);
    cli.wait();
    // The helper, orphaned, stops within its stop time and exits.
    const auto helper_running = [&] {
        for (const auto& e : fs::directory_iterator("/proc")) {
            if (!std::isdigit(static_cast<unsigned char>(e.path().filename().string()[0]))) continue;
            if (slurp((e.path() / "cmdline").string()).find(file) != std::string::npos) return true;
        }
        return false;
    };
    const auto until = Clock::now() + std::chrono::seconds(3);
    while (helper_running() && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_FALSE(helper_running()) << "the helper outlived the CLI";
    EXPECT_EQ(packets_of(file).size(), 7u);
    std::remove(file.c_str());
}

TEST(CaptureHelper, StopConditionsAndRingBuffer) {
    REQUIRE_CAPTURE();
    const std::uint16_t port = lab::free_port();
    const std::string filter = "udp port " + std::to_string(port);
    // -c N: exactly N, though more arrive.
    const std::string counted = temp_path("counted.pcapng");
    Child c = Child::start({kHelper, "-i", "lo", "-f", filter, "-c", "4", "-w", counted, "--machine"}, "count");
    ASSERT_TRUE(c.wait_for("file ")) << slurp(c.err);
    send_udp(port, 10);
    EXPECT_EQ(c.wait(), 0) << slurp(c.err);
    EXPECT_EQ(packets_of(counted).size(), 4u);
    std::remove(counted.c_str());

    // -a duration:S
    const auto t0 = Clock::now();
    const auto [rc, text] = run({kHelper, "-i", "lo", "-f", filter, "-q", "-a", "duration:0.5", "-w", temp_path("d.pcapng")}, "dur");
    EXPECT_EQ(rc, 0) << text;
    EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(450));
    EXPECT_LT(Clock::now() - t0, std::chrono::milliseconds(1500));
    std::remove(temp_path("d.pcapng").c_str());

    // -b filesize:1,files:2: files of about 1 kB, the newest two kept, dumpcap's names.
    const fs::path dir = temp_path("ring");
    fs::create_directories(dir);
    Child ring = Child::start({kHelper, "-i", "lo", "-f", filter, "-b", "filesize:1,files:2", "-c", "60", "-w",
                               (dir / "ring.pcapng").string(), "--machine"},
                              "ring");
    ASSERT_TRUE(ring.wait_for("file ")) << slurp(ring.err);
    for (int i = 0; i < 6; ++i) send_udp(port, 10);
    EXPECT_EQ(ring.wait(), 0) << slurp(ring.err);
    std::vector<std::string> names;
    std::size_t packets = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        names.push_back(e.path().filename().string());
        packets += packets_of(e.path().string()).size();
    }
    ASSERT_EQ(names.size(), 2u);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names[0].rfind("ring_000", 0), 0u) << names[0];
    EXPECT_EQ(names[0].substr(names[0].size() - 7), ".pcapng");
    EXPECT_LT(packets, 60u) << "older files were removed";
    fs::remove_all(dir);
}

TEST(CaptureHelper, BadFilterGetsLibpcapsMessage) {
    auto [rc, text] = run({kHelper, "-i", "lo", "-f", "port banana", "--check-filter"}, "check");
    EXPECT_EQ(rc, 2);
    EXPECT_NE(text.find("The capture filter \"port banana\" isn't valid: unknown port 'banana'."), std::string::npos)
        << text;
    std::tie(rc, text) = run({kHelper, "-i", "lo", "-f", "tcp port 7777 or udp", "--check-filter", "--machine"}, "ok");
    EXPECT_EQ(rc, 0) << text;
    EXPECT_NE(text.find("filter ok"), std::string::npos) << text;
}

TEST(CaptureHelper, WithoutCapabilitiesSaysHowToFix) {
    if (::getuid() != 0) SEQSCOPE_SKIP_OR_FAIL_UNDER_CI(std::string("needs root to run the helper as nobody"));
    const auto [rc, text] = run({"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all",
                                 kHelper, "-i", "lo", "-c", "1", "-w", "/tmp/seqscope-never.pcapng"},
                                "nobody");
    EXPECT_EQ(rc, 2) << text;
    EXPECT_NE(text.find("You don't have permission to capture on lo"), std::string::npos) << text;
    EXPECT_NE(text.find("setcap cap_net_raw,cap_net_admin=eip " + fs::canonical(kHelper).string()), std::string::npos)
        << text;
}

TEST(CaptureHelper, GivesUpItsCapabilitiesOnceTheInterfaceIsOpen) {
    REQUIRE_CAPTURE();
    const std::string file = temp_path("caps.pcapng");
    Child c = Child::start({kHelper, "-i", "lo", "-f", "udp port 9", "-w", file, "--machine"}, "caps");
    ASSERT_TRUE(c.wait_for("file ")) << slurp(c.err);
    const std::string status = slurp("/proc/" + std::to_string(c.pid) + "/status");
    for (const char* set : {"CapEff:\t0000000000000000", "CapPrm:\t0000000000000000"})
        EXPECT_NE(status.find(set), std::string::npos) << status;
    EXPECT_NE(status.find("NoNewPrivs:\t1"), std::string::npos) << status;
    ::kill(c.pid, SIGTERM);
    EXPECT_EQ(c.wait(), 0);
    std::remove(file.c_str());
}

TEST(CaptureHelper, KeepsEveryPacketWhenItsParentIsKilled) {
    REQUIRE_CAPTURE();
    const std::uint16_t port = lab::free_port();
    const std::string file = temp_path("orphan.pcapng"), ready = temp_path("orphan.ready");
    // A parent that starts the helper and is then killed with SIGKILL, as a crashed
    // GUI or CLI would be.
    const pid_t middle = ::fork();
    ASSERT_GE(middle, 0);
    if (middle == 0) {
        const pid_t helper = ::fork();
        if (helper == 0) {
            const int fd = ::open(ready.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, 1);
            ::execl(kHelper.c_str(), kHelper.c_str(), "-i", "lo", "-f", ("udp port " + std::to_string(port)).c_str(),
                    "-w", file.c_str(), "--machine", "--parent-death", static_cast<char*>(nullptr));
            ::_exit(127);
        }
        ::pause();  // until killed
        ::_exit(0);
    }
    const auto until = Clock::now() + std::chrono::seconds(10);
    while (slurp(ready).find("file ") == std::string::npos && Clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_NE(slurp(ready).find("file "), std::string::npos);
    send_udp(port, 7);
    const auto sent = Clock::now();
    while (slurp(ready).find("packets 7") == std::string::npos && Clock::now() < sent + std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ::kill(middle, SIGKILL);
    ::waitpid(middle, nullptr, 0);
    // The orphaned helper gets SIGTERM from the kernel, stops and closes the file.
    const auto killed = Clock::now();
    while (slurp(ready).find("stats ") == std::string::npos && Clock::now() < killed + std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_NE(slurp(ready).find("stats "), std::string::npos) << "the helper did not stop: " << slurp(ready);
    EXPECT_EQ(packets_of(file).size(), 7u);
    std::remove(file.c_str());
    std::remove(ready.c_str());
}
