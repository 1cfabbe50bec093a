// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture_helper/capture_helper.h"

#include "capture/live_capture.h"

#include <linux/capability.h>
#include <pcap/pcap.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace seqscope {

std::string capture_helper_usage() {
    return "seqscope-capture " SEQSCOPE_VERSION " — seqscope's capture helper (as Wireshark's dumpcap).\n"
           "\n"
           "Usage: seqscope-capture [-i IFACE] [options] [-w FILE]\n"
           "\n"
           "  -D                       list the interfaces that can be captured on\n"
           "  -i IFACE                 the interface (default: the first one listed)\n"
           "  -f FILTER                capture filter in libpcap's syntax (as tcpdump's)\n"
           "  --check-filter           only check -f for -i: \"filter ok\" or libpcap's message\n"
           "  -s SNAPLEN               bytes kept of each packet (default 262144)\n"
           "  -p                       don't put the interface in promiscuous mode\n"
           "  -B MIB                   kernel buffer size in MiB\n"
           "  -w FILE                  write pcapng to FILE (\"-\": standard output; default: a\n"
           "                           temporary file, named at the start)\n"
           "  -c N                     stop after N packets\n"
           "  -a duration:S|filesize:KB|packets:N   stop after S seconds, KB kilobytes, N packets\n"
           "  -b filesize:KB[,files:N] a ring buffer: a new file each KB kilobytes, the newest N kept\n"
           "  -q                       quiet: no \"Capturing on\" line\n"
           "  --machine                protocol lines for seqscope's window and CLI\n"
           "  --parent-death           stop cleanly when the program that started it ends\n"
           "  -h, -v                   help, version\n"
           "\n"
           "Capturing needs CAP_NET_RAW and CAP_NET_ADMIN: run as root, or give this program\n"
           "them once (setcap cap_net_raw,cap_net_admin=eip seqscope-capture, as root); the\n"
           "Debian package does, for the members of the seqscope group. They are given up as\n"
           "soon as the interface is open.\n";
}

namespace {

bool parse_count(const std::string& v, std::uint64_t& out) {
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 18) return false;
    out = std::strtoull(v.c_str(), nullptr, 10);
    return true;
}

// "duration:5", "filesize:100", "packets:10" (-a) and "filesize:100,files:3" (-b).
bool parse_conditions(const std::string& flag, const std::string& arg, CaptureHelperOptions& o, std::string& error) {
    std::size_t start = 0;
    while (start <= arg.size()) {
        const std::size_t comma = arg.find(',', start);
        const std::string part = arg.substr(start, comma - start);
        const std::size_t colon = part.find(':');
        const std::string key = part.substr(0, colon), value = colon == std::string::npos ? "" : part.substr(colon + 1);
        std::uint64_t n = 0;
        bool ok = colon != std::string::npos;
        if (ok && flag == "-a" && key == "duration") {
            char* end = nullptr;
            o.duration_s = std::strtod(value.c_str(), &end);
            ok = !value.empty() && *end == '\0' && o.duration_s > 0;
        } else if (ok && flag == "-a" && key == "filesize") {
            ok = parse_count(value, n) && n > 0;
            o.max_file_kb = n;
        } else if (ok && flag == "-a" && key == "packets") {
            ok = parse_count(value, n) && n > 0;
            o.max_packets = n;
        } else if (ok && flag == "-b" && key == "filesize") {
            ok = parse_count(value, n) && n > 0;
            o.ring_file_kb = n;
        } else if (ok && flag == "-b" && key == "files") {
            ok = parse_count(value, n) && n > 0 && n < 100000;
            o.ring_files = static_cast<std::uint32_t>(n);
        } else {
            ok = false;
        }
        if (!ok) {
            error = flag == "-a" ? "Invalid or unknown -a flag \"" + part + "\" (duration:S, filesize:KB or packets:N)"
                                 : "Invalid or unknown -b flag \"" + part + "\" (filesize:KB or files:N)";
            return false;
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return true;
}

std::atomic<bool> g_stop{false};
extern "C" void on_stop_signal(int) { g_stop.store(true); }

// Gives up every capability (the handle is open: nothing else needs them) and
// refuses new privileges for good.
void drop_capabilities() {
    __user_cap_header_struct header{};
    header.version = _LINUX_CAPABILITY_VERSION_3;
    header.pid = 0;
    __user_cap_data_struct data[2] = {};
    ::syscall(SYS_capset, &header, data);
    ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

class Reporter {
public:
    Reporter(bool machine, bool capture_to_stdout)
        : machine_(machine), out_(capture_to_stdout ? stderr : stdout) {}
    void line(const std::string& text) const {
        if (!machine_) return;
        std::fprintf(out_, "%s\n", text.c_str());
        std::fflush(out_);
    }
    // A sentence on stderr, and the protocol's error line.
    void error(const std::string& sentence) const {
        std::fprintf(stderr, "seqscope-capture: %s\n", sentence.c_str());
        if (machine_ && out_ != stderr) line("error " + sentence);
    }

private:
    bool machine_;
    std::FILE* out_;
};

int list_interfaces(const Reporter& report, bool machine) {
    std::string error;
    const auto all = list_capture_interfaces(error);
    if (!error.empty()) {
        report.error(error);
        return 2;
    }
    int n = 0;
    for (const CaptureInterface& ci : all) {
        if (machine) {
            std::string flags = ci.up ? "up" : "down";
            if (ci.loopback) flags += ",loopback";
            std::string addresses;
            for (const auto& a : ci.addresses) addresses += (addresses.empty() ? "" : ",") + a;
            report.line("interface " + ci.name + "\t" + ci.description + "\t" + flags + "\t" + addresses);
        } else {
            // As dumpcap -D: libpcap has no description for lo; dumpcap says what it is.
            const std::string what = !ci.description.empty() ? ci.description : ci.loopback ? "Loopback" : "";
            std::printf("%d. %s%s\n", ++n, ci.name.c_str(), what.empty() ? "" : (" (" + what + ")").c_str());
        }
    }
    return 0;
}

// Compiles the filter for the interface's link type: the interface itself when it
// opens, Ethernet's otherwise (what most interfaces, lo included, use on Linux).
int check_filter(const CaptureHelperOptions& o, const Reporter& report) {
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t* p = o.interface.empty() ? nullptr : pcap_create(o.interface.c_str(), errbuf);
    if (p != nullptr && pcap_activate(p) < 0) {
        pcap_close(p);
        p = nullptr;
    }
    drop_capabilities();
    if (p == nullptr) p = pcap_open_dead(DLT_EN10MB, o.snap_len);
    bpf_program program{};
    const bool ok = pcap_compile(p, &program, o.filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) == 0;
    std::string message = ok ? "" : pcap_geterr(p);
    if (ok) pcap_freecode(&program);
    pcap_close(p);
    if (ok) {
        if (o.machine) report.line("filter ok");
        else std::puts("filter ok");
        return 0;
    }
    const std::string sentence = "The capture filter \"" + o.filter + "\" isn't valid: " + message + ".";
    std::fprintf(stderr, "seqscope-capture: %s\n", sentence.c_str());
    if (o.machine) report.line("filter bad\t" + sentence);
    return 2;
}

std::string first_interface(std::string& error) {
    const auto all = list_capture_interfaces(error);
    if (all.empty() && error.empty()) error = "There is no interface to capture on.";
    return all.empty() ? std::string() : all.front().name;
}

int capture(CaptureHelperOptions o, const Reporter& report) {
    std::string error;
    if (o.interface.empty()) o.interface = first_interface(error);
    if (o.interface.empty()) {
        report.error(error);
        return 2;
    }
    LiveCaptureOptions lo;
    lo.interface = o.interface;
    lo.filter = o.filter;
    lo.snap_len = o.snap_len;
    lo.promiscuous = o.promiscuous;
    lo.buffer_bytes = o.buffer_mib * 1024 * 1024;
    lo.pcapng_path = o.output;
    lo.queue_capacity = 0;  // the file is the only consumer
    lo.max_packets = o.max_packets;
    lo.max_file_bytes = o.max_file_kb * 1000;
    lo.ring_file_bytes = o.ring_file_kb * 1000;
    lo.ring_files = o.ring_files;
    lo.after_open = drop_capabilities;
    LiveCapture live;
    if (!live.start(lo, error)) {
        drop_capabilities();  // a failed start may not have reached the hook
        report.error(error);
        return 2;
    }
    if (!o.quiet && !o.machine) std::fprintf(stderr, "Capturing on '%s'\n", o.interface.c_str());
    std::string file = live.pcapng_path();
    if (o.output != "-") {
        report.line("file " + file);
        if (!o.quiet && !o.machine && o.output.empty()) std::fprintf(stderr, "File: %s\n", file.c_str());
    }
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    std::uint64_t told = 0;
    while (live.running() && !g_stop.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (o.duration_s > 0 && std::chrono::duration<double>(Clock::now() - started).count() >= o.duration_s) break;
        if (const std::string now = live.pcapng_path(); now != file && o.output != "-") {
            file = now;
            report.line("file " + file);
        }
        if (const std::uint64_t n = live.stats().written; n != told) {
            told = n;
            report.line("packets " + std::to_string(n));
        }
    }
    live.stop();
    const LiveCaptureStats s = live.stats();
    if (s.written != told) report.line("packets " + std::to_string(s.written));
    report.line("stats " + std::to_string(s.received) + " " + std::to_string(s.written) + " " +
                std::to_string(s.kernel_drops) + " " + std::to_string(s.interface_drops));
    if (const auto failure = live.thread_error()) {
        report.error(*failure);
        return 2;
    }
    if (!o.machine) {
        // As tshark ends a capture.
        std::fprintf(stderr, "%llu packet%s captured\n", static_cast<unsigned long long>(s.written),
                     s.written == 1 ? "" : "s");
        if (s.kernel_drops > 0)
            std::fprintf(stderr, "%llu packet%s dropped from %s\n", static_cast<unsigned long long>(s.kernel_drops),
                         s.kernel_drops == 1 ? "" : "s", o.interface.c_str());
    }
    return 0;
}

}  // namespace

bool parse_capture_helper(int argc, const char* const* argv, CaptureHelperOptions& o, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&](std::string& out) {
            if (i + 1 >= argc) {
                error = "option " + a + " needs a value";
                return false;
            }
            out = argv[++i];
            return true;
        };
        std::string v;
        std::uint64_t n = 0;
        if (a == "-D") o.list_interfaces = true;
        else if (a == "--check-filter") o.check_filter = true;
        else if (a == "--machine") o.machine = true;
        else if (a == "--parent-death") o.parent_death = true;
        else if (a == "-q") o.quiet = true;
        else if (a == "-p") o.promiscuous = false;
        else if (a == "-i") {
            if (!value(o.interface)) return false;
        } else if (a == "-f") {
            if (!value(o.filter)) return false;
        } else if (a == "-w") {
            if (!value(o.output)) return false;
        } else if (a == "-s" || a == "-B" || a == "-c") {
            if (!value(v)) return false;
            if (!parse_count(v, n) || (a != "-s" && n == 0) || n > (a == "-c" ? UINT64_MAX / 2 : 1u << 20)) {
                error = "option " + a + " takes a whole number, not \"" + v + "\"";
                return false;
            }
            if (a == "-s") o.snap_len = n == 0 ? 262144 : static_cast<int>(n);
            else if (a == "-B") o.buffer_mib = static_cast<int>(n);
            else o.max_packets = n;
        } else if (a == "-a" || a == "-b") {
            if (!value(v) || !parse_conditions(a, v, o, error)) return false;
        } else {
            error = "unknown option \"" + a + "\" (seqscope-capture -h lists them)";
            return false;
        }
    }
    if (o.check_filter && o.filter.empty()) {
        error = "--check-filter needs the filter: -f FILTER";
        return false;
    }
    if (o.ring_file_kb > 0 && (o.output.empty() || o.output == "-")) {
        error = "a ring buffer (-b) needs a file name: -w FILE";
        return false;
    }
    if (o.ring_files > 0 && o.ring_file_kb == 0) {
        error = "-b files:N needs -b filesize:KB";
        return false;
    }
    return true;
}

int capture_helper_main(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "-h" || a == "--help") {
            std::fputs(capture_helper_usage().c_str(), stdout);
            drop_capabilities();
            return 0;
        }
        if (a == "-v" || a == "--version") {
            std::puts("seqscope-capture " SEQSCOPE_VERSION);
            drop_capabilities();
            return 0;
        }
    }
    CaptureHelperOptions o;
    std::string error;
    if (!parse_capture_helper(argc, argv, o, error)) {
        drop_capabilities();
        std::fprintf(stderr, "seqscope-capture: %s\n", error.c_str());
        return 1;
    }
    if (o.parent_death) {
        // The program that started us died (even by SIGKILL): stop as on Ctrl+C, so
        // the file is flushed and closed with every packet captured.
        const pid_t parent = ::getppid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent) g_stop.store(true);
    }
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    ::sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
    ::sigaction(SIGHUP, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);  // a reader that went away is a write error, not a death

    const Reporter report(o.machine, o.output == "-");
    if (o.list_interfaces) {
        const int rc = list_interfaces(report, o.machine);
        drop_capabilities();
        return rc;
    }
    if (o.check_filter) return check_filter(o, report);
    return capture(o, report);
}

}  // namespace seqscope
