// SPDX-License-Identifier: GPL-3.0-or-later
// Pass two while pass one runs on another thread (the GUI's loader): every packet a
// reader can see is already analysed, so its row is the one a finished load gives.
#include "session/capture_session.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace seqscope {
namespace {

constexpr const char* kCapture = SEQSCOPE_SHARED_DIR "/conformance/captures/challenge01_ooo_stream.pcapng";

std::string row_text(const CaptureSession& session, std::size_t index) {
    Columns columns;
    session.dissect(index, nullptr, &columns);
    return columns.src + " " + columns.dst + " " + columns.protocol + " " + columns.info;
}

TEST(CaptureSessionConcurrency, RowsReadDuringTheLoadMatchAFinishedLoad) {
    CaptureSession reference;
    std::string error;
    ASSERT_TRUE(reference.open_file(kCapture, error)) << error;
    while (reference.load_batch(4096) > 0) {}
    const std::size_t total = reference.packet_count();
    ASSERT_GT(total, 1000u);
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < total; ++i) expected.push_back(row_text(reference, i));

    CaptureSession session;
    ASSERT_TRUE(session.open_file(kCapture, error)) << error;
    std::thread loader([&session] {
        while (!session.load_done() && session.load_batch(256) > 0) {}
    });
    // Read the newest published rows over and over while the loader appends.
    std::size_t checked = 0, reads_during_load = 0;
    while (checked < total) {
        const std::size_t visible = session.packet_count();
        if (visible < total) ++reads_during_load;
        for (std::size_t i = visible > 32 ? visible - 32 : 0; i < visible; ++i)
            ASSERT_EQ(row_text(session, i), expected[i]) << "frame " << i + 1 << " of " << visible << " published";
        checked = visible;
    }
    loader.join();
    EXPECT_EQ(session.packet_count(), total);
    for (std::size_t i = 0; i < total; ++i) ASSERT_EQ(row_text(session, i), expected[i]) << "frame " << i + 1;
    // Not an assertion on timing, just that the test looked while loading at all.
    RecordProperty("reads_during_load", static_cast<int>(reads_during_load));
}

}  // namespace
}  // namespace seqscope
