// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/capture_run.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace seqscope {

namespace {

volatile sig_atomic_t g_helper = 0;

// Ctrl+C reaches the helper from the terminal too (one process group); a signal sent
// to seqscope-cli alone is passed on. Either way the helper stops and closes its file.
extern "C" void forward_stop(int signal) {
    if (g_helper > 0) ::kill(static_cast<pid_t>(g_helper), signal == SIGTERM ? SIGTERM : SIGINT);
}

}  // namespace

std::string capture_helper_path() {
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    std::string self = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
    const std::size_t slash = self.rfind('/');
    return (slash == std::string::npos ? std::string(".") : self.substr(0, slash)) + "/seqscope-capture";
}

int run_capture_helper(const CliOptions& opt, std::FILE* err) {
    const std::string helper = capture_helper_path();
    std::vector<std::string> args = {helper};
    if (opt.list_interfaces) {
        args.emplace_back("-D");
    } else {
        if (!opt.interface.empty()) args.insert(args.end(), {"-i", opt.interface});
        args.insert(args.end(), opt.capture_args.begin(), opt.capture_args.end());
        if (opt.count) args.insert(args.end(), {"-c", std::to_string(*opt.count)});
        if (opt.quiet) args.emplace_back("-q");
        args.insert(args.end(), {"-w", opt.write_file, "--parent-death"});
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    // The helper gets default signal handling whatever ours is.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, helper.c_str(), nullptr, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        std::string why;
        if (rc == EACCES)
            why = "You are not allowed to run the capture helper " + helper +
                  ": join the seqscope group (usermod -aG seqscope $USER, then log in again), or run as root.";
        else if (rc == ENOENT)
            why = "The capture helper " + helper + " is missing; build or install seqscope-capture beside seqscope-cli.";
        else
            why = "Couldn't start the capture helper " + helper + ": " + std::strerror(rc) + ".";
        std::fputs(("seqscope-cli: " + why + "\n").c_str(), err);
        return 2;
    }
    g_helper = pid;
    struct sigaction sa {};
    sa.sa_handler = forward_stop;
    sigemptyset(&sa.sa_mask);
    struct sigaction old_int {}, old_term {};
    ::sigaction(SIGINT, &sa, &old_int);
    ::sigaction(SIGTERM, &sa, &old_term);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGTERM, &old_term, nullptr);
    g_helper = 0;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    std::fputs(("seqscope-cli: the capture helper ended by signal " + std::to_string(WTERMSIG(status)) + ".\n").c_str(),
               err);
    return 2;
}

}  // namespace seqscope
