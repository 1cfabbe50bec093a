// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-demo-lab: captures the classic TCP/UDP teaching demo on the loopback
// interface with seqscope's own live capture, and writes it as pcapng. This is how
// resources/samples/demo-lo.pcapng is made (run as root, or with CAP_NET_RAW and
// CAP_NET_ADMIN):
//     build/dev/tests/tools/seqscope-demo-lab -o resources/samples/demo-lo.pcapng
#include "capture/live_capture.h"
#include "tools/loopback_lab.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

const char* const kUsage =
    "Usage: seqscope-demo-lab [options]\n"
    "Captures the TCP/UDP teaching demo on loopback and writes it as pcapng.\n"
    "\n"
    "  -o FILE             output pcapng (default resources/samples/demo-lo.pcapng)\n"
    "  -i IFACE            interface to capture on (default lo)\n"
    "  --server-port N     the server's port (default 7777)\n"
    "  --client-port N     the client's bound port (default 5555)\n"
    "  --rounds N          \"from B\"/\"thanks\" exchanges per conversation (default 3)\n"
    "  --delay-ms N        pause between steps (default 20)\n"
    "  --scenario NAME     what to play, repeatable, in order (default classic):\n"
    "                      classic (tcp-fin then udp), tcp-fin, udp, rst, half-close,\n"
    "                      refused, port-reuse, udp-closed, all\n"
    "  --no-capture        play the scenarios without capturing\n";

bool parse_port(const char* text, std::uint16_t& out) {
    char* end = nullptr;
    const long v = std::strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || v < 1 || v > 65535) return false;
    out = static_cast<std::uint16_t>(v);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace seqscope;
    lab::LabOptions opt;
    std::string output = "resources/samples/demo-lo.pcapng";
    std::string iface = "lo";
    bool capture = true;
    std::vector<lab::Scenario> scenarios;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
        auto need = [&]() {
            if (v == nullptr) {
                std::fprintf(stderr, "seqscope-demo-lab: %s needs a value\n\n%s", a.c_str(), kUsage);
                std::exit(2);
            }
            ++i;
            return v;
        };
        bool ok = true;
        if (a == "-h" || a == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "-o") output = need();
        else if (a == "-i") iface = need();
        else if (a == "--server-port") ok = parse_port(need(), opt.server_port);
        else if (a == "--client-port") ok = parse_port(need(), opt.client_port);
        else if (a == "--rounds") ok = (opt.rounds = std::atoi(need())) > 0;
        else if (a == "--delay-ms") ok = (opt.step_delay_ms = std::atoi(need())) >= 0;
        else if (a == "--scenario") {
            const auto list = lab::parse_scenarios(need());
            ok = list.has_value();
            if (ok) scenarios.insert(scenarios.end(), list->begin(), list->end());
        } else if (a == "--no-capture") capture = false;
        else ok = false;
        if (!ok) {
            std::fprintf(stderr, "seqscope-demo-lab: bad argument or value for \"%s\"\n\n%s", a.c_str(), kUsage);
            return 2;
        }
    }
    if (scenarios.empty()) scenarios = *lab::parse_scenarios("classic");

    LiveCapture live;
    if (capture) {
        LiveCaptureOptions lo;
        lo.interface = iface;
        lo.filter = lab::capture_filter(opt);
        lo.pcapng_path = output;
        lo.queue_capacity = 0;  // the file is all we want
        std::string error;
        if (!live.start(lo, error)) {
            std::fprintf(stderr, "seqscope-demo-lab: %s\n", error.c_str());
            return 1;
        }
        std::fprintf(stderr, "capturing on %s with filter \"%s\"\n", iface.c_str(), lo.filter.c_str());
    }
    for (const lab::Scenario s : scenarios) {
        std::string error;
        if (!lab::run_scenario(s, opt, error)) {
            std::fprintf(stderr, "seqscope-demo-lab: scenario %s failed: %s\n",
                         std::string(lab::scenario_name(s)).c_str(), error.c_str());
            return 1;
        }
        std::fprintf(stderr, "played %s\n", std::string(lab::scenario_name(s)).c_str());
    }
    if (!capture) return 0;
    // Give the last packets time to come through the capture thread.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    live.stop();
    const LiveCaptureStats st = live.stats();
    if (const auto e = live.thread_error()) {
        std::fprintf(stderr, "seqscope-demo-lab: %s\n", e->c_str());
        return 1;
    }
    std::fprintf(stderr, "wrote %llu packets to %s (kernel drops %llu)\n",
                 static_cast<unsigned long long>(st.written), output.c_str(),
                 static_cast<unsigned long long>(st.kernel_drops));
    return st.written == st.received && st.kernel_drops == 0 ? 0 : 1;
}
