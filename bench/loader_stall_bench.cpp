// SPDX-License-Identifier: GPL-3.0-or-later
// seqscope-bench-loader-stall: what the packet list waits for while a file loads.
// A thread runs pass one in the GUI loader's batches (256 packets) while this
// thread formats "pages" of 40 rows (pass two: dissect with columns) at the newest
// published packets, as a view scrolled to the end does; prints the worst and
// median page time.
#include "decode/dissector.h"
#include "session/capture_session.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "Usage: seqscope-bench-loader-stall FILE\n");
        return 2;
    }
    seqscope::CaptureSession session;
    std::string error;
    if (!session.open_file(argv[1], error)) {
        std::fprintf(stderr, "seqscope-bench-loader-stall: %s\n", error.c_str());
        return 1;
    }
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    std::atomic<bool> done{false};  // as the GUI's loader: no reader-lock calls from this thread
    std::thread loader([&session, &done] {
        while (!session.load_done() && session.load_batch(256) > 0) {}
        done.store(true);
    });
    std::vector<double> pages_ms;
    while (!done.load() || pages_ms.empty()) {
        const std::size_t visible = session.packet_count();
        const auto t0 = Clock::now();
        for (std::size_t i = visible > 40 ? visible - 40 : 0; i < visible; ++i) {
            seqscope::Columns columns;
            session.dissect(i, nullptr, &columns);
        }
        pages_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a repaint now and then
    }
    loader.join();
    const double load_s = std::chrono::duration<double>(Clock::now() - start).count();
    std::sort(pages_ms.begin(), pages_ms.end());
    std::printf("%zu packets loaded in %.2f s; %zu pages of 40 rows during the load: median %.2f ms, worst %.2f ms\n",
                session.packet_count(), load_s, pages_ms.size(), pages_ms[pages_ms.size() / 2], pages_ms.back());
    return 0;
}
