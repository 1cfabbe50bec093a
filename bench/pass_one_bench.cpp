// SPDX-License-Identifier: GPL-3.0-or-later
// Google Benchmark microbenchmarks of pass one (decode + flow tracking) per packet,
// over a capture made by the generator. Run by hand (never from ctest):
//     build/release/bench/seqscope-microbench
#include "capture_generator.h"
#include "session/capture_session.h"

#include <benchmark/benchmark.h>

#include <unistd.h>

#include <cstdio>
#include <string>

namespace {

const std::string& sample_file() {
    static const std::string path = [] {
        std::string p = "/tmp/seqscope-microbench-" + std::to_string(::getpid()) + ".pcap";
        std::FILE* f = std::fopen(p.c_str(), "wb");
        seqscope::bench::GeneratorOptions opt;
        opt.packets = 200'000;
        opt.concurrent_flows = 1000;
        seqscope::bench::generate_capture(opt, f);
        std::fclose(f);
        return p;
    }();
    return path;
}

// Reading records only (no decoding): the engine's own floor.
void BM_ReadRecords(benchmark::State& state) {
    std::size_t packets = 0;
    for (auto _ : state) {
        std::string error;
        auto reader = seqscope::CaptureFileReader::open(sample_file(), error);
        seqscope::PacketStore store;
        while (reader->read_batch(store, 4096) > 0) {
        }
        store.publish();
        packets = store.size();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * packets));
}

// Pass one: every packet decoded and tracked, as when a file is opened.
void BM_PassOne(benchmark::State& state) {
    std::size_t packets = 0;
    for (auto _ : state) {
        seqscope::CaptureSession session;
        std::string error;
        session.open_file(sample_file(), error);
        while (!session.load_done()) session.load_batch(4096);
        packets = session.packet_count();
        benchmark::DoNotOptimize(packets);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * packets));
}

}  // namespace

BENCHMARK(BM_ReadRecords)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PassOne)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    std::remove(sample_file().c_str());
    return 0;
}
