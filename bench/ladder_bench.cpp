// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder at scale: a 100,000-segment conversation generated in code (a bulk
// transfer with an ACK every second segment, a retransmission every 997), then
//   BM_LadderBuildRows  – summary, arithmetic and ladder rows (what LadderJob runs),
//   BM_LadderLayout     – the geometry (time-true, gaps compressed),
//   BM_LadderPaintScroll – one frame of the LadderCanvas, offscreen, while scrolling
//                          through the whole conversation (frame time).
// Run: build/dev/bench/seqscope-ladder-bench (QT_QPA_PLATFORM=offscreen is set).
#include "analysis/conversation_summary.h"
#include "analysis/seq_arithmetic.h"
#include "types/packet_view.h"
#include "ladder/ladder_builder.h"
#include "ladder/ladder_layout.h"
#include "ui/ladder/ladder_canvas.h"

#include <QApplication>
#include <QImage>
#include <QScrollBar>

#include <benchmark/benchmark.h>

#include <memory>

using namespace seqscope;

namespace {

constexpr std::size_t kSegments = 100'000;

TcpConversationEvents bulk_transfer(std::size_t segments) {
    TcpConversationEvents c;
    const std::uint8_t lo[4] = {127, 0, 0, 1};
    c.a = Endpoint{Address::v4(lo), 5555};
    c.b = Endpoint{Address::v4(lo), 7777};
    const std::uint32_t isn[2] = {1000, 900000};
    std::uint32_t frame = 0;
    std::int64_t t = 1'700'000'000'000'000'000;
    const auto add = [&](std::uint8_t dir, std::uint16_t flags, std::uint32_t seq, std::uint32_t ack, std::uint32_t len,
                         std::uint32_t analysis = 0) {
        TcpSegmentEvent e;
        e.frame = FrameNumber{++frame};
        t += 50'000 + (frame % 7) * 10'000;  // 50–110 µs apart
        e.ts_ns = t;
        e.dir = dir;
        e.flags = flags;
        e.seq = seq;
        e.ack = ack;
        e.seq_raw = seq + isn[dir];
        e.ack_raw = ack + isn[1 - dir];
        e.seglen = len;
        e.window_raw = 512;
        e.win_shift = (flags & tcpflag::kSyn) ? -1 : 7;
        e.frame_len = 66 + len;
        e.analysis.flags = analysis;
        c.segments.push_back(e);
    };
    using namespace tcpflag;
    add(0, kSyn, 0, 0, 0);
    add(1, kSyn | kAck, 0, 1, 0);
    add(0, kAck, 1, 1, 0);
    std::uint32_t seq = 1;
    const std::uint32_t mss = 1448;
    while (c.segments.size() + 4 < segments) {
        add(0, kPsh | kAck, seq, 1, mss);
        seq += mss;
        if (frame % 997 == 0) add(0, kAck, seq - mss, 1, mss, tcpa::kRetransmission);
        if (frame % 2 == 0) add(1, kAck, 1, seq, 0);
    }
    add(0, kFin | kAck, seq, 1, 0);
    add(1, kFin | kAck, 1, seq + 1, 0);
    add(0, kAck, seq + 1, 2, 0);
    c.isn_raw[0] = isn[0];
    c.isn_raw[1] = isn[1];
    c.isn_known[0] = c.isn_known[1] = true;
    return c;
}

const TcpConversationEvents& conversation() {
    static const TcpConversationEvents c = bulk_transfer(kSegments);
    return c;
}

std::shared_ptr<const Ladder> build() {
    const auto& c = conversation();
    const auto summary = summarize_conversation(c);
    const auto arithmetic = explain_arithmetic(c, summary);
    return std::make_shared<const Ladder>(build_tcp_ladder(c, summary, arithmetic, nullptr));
}

const std::shared_ptr<const Ladder>& ladder() {
    static const auto l = build();
    return l;
}

void BM_LadderBuildRows(benchmark::State& state) {
    conversation();
    for (auto _ : state) benchmark::DoNotOptimize(build());
    state.counters["arrows"] = static_cast<double>(ladder()->arrows.size());
}
BENCHMARK(BM_LadderBuildRows)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LadderLayout(benchmark::State& state) {
    LadderLayoutOptions o;
    o.width = 1200;
    for (auto _ : state) benchmark::DoNotOptimize(layout_ladder(*ladder(), o));
}
BENCHMARK(BM_LadderLayout)->Unit(benchmark::kMillisecond);

void BM_LadderPaintScroll(benchmark::State& state) {
    ui::LadderCanvas canvas;
    canvas.resize(1200, 900);
    canvas.setMode(state.range(0) == 0 ? LadderMode::TimeTrue : LadderMode::Rows);
    canvas.setLadder(ladder());
    canvas.show();
    QApplication::processEvents();
    QImage frame(canvas.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    QScrollBar* bar = canvas.verticalScrollBar();
    // Each frame: scroll one view height onward (wrapping), then paint the view.
    const int step = std::max(1, canvas.viewport()->height() / 3);
    int y = 0;
    for (auto _ : state) {
        y = (y + step) % std::max(1, bar->maximum());
        bar->setValue(y);
        canvas.viewport()->render(&frame);
        benchmark::DoNotOptimize(frame.constBits());
    }
    state.counters["content_px"] = canvas.scene().height();
    state.counters["fps"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LadderPaintScroll)->Arg(0)->Arg(1)->ArgName("rows")->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
