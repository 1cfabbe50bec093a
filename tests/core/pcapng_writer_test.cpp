// SPDX-License-Identifier: GPL-3.0-or-later
// The pcapng writer's output read back by seqscope's own reader: what the live
// capture writes must load again exactly (timestamps to the nanosecond, lengths,
// interfaces, comments).
#include "capture/capture_file.h"
#include "capture/pcapng_writer.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>
#include <vector>

using namespace seqscope;

namespace {

std::string temp_path(const char* name) {
    return ::testing::TempDir() + "seqscope-" + std::to_string(::getpid()) + "-" + name;
}

}  // namespace

TEST(PcapngWriter, WrittenPacketsReadBackExactly) {
    const std::string path = temp_path("writer.pcapng");
    std::string error;
    auto w = PcapngWriter::create(path, error);
    ASSERT_TRUE(w) << error;
    EXPECT_EQ(w->add_interface(linktype::kEthernet, 262144, "lo"), 0u);
    EXPECT_EQ(w->add_interface(linktype::kLinuxSll, 96, "any"), 1u);

    const std::array<std::uint8_t, 5> odd{1, 2, 3, 4, 5};  // needs padding
    const std::array<std::uint8_t, 8> even{9, 8, 7, 6, 5, 4, 3, 2};
    const std::int64_t t0 = 1'700'000'000'123'456'789;
    ASSERT_TRUE(w->write_packet(0, t0, Bytes(odd), 5));
    ASSERT_TRUE(w->write_packet(1, t0 + 1, Bytes(even), 1500, "a comment, with\ta TAB"));
    ASSERT_TRUE(w->write_packet(0, t0 + 2'000'000'001, Bytes(), 60, "x"));  // empty capture
    EXPECT_EQ(w->packets_written(), 3u);
    ASSERT_TRUE(w->close()) << w->error();

    auto reader = CaptureFileReader::open(path, error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->format(), CaptureFormat::Pcapng);
    PacketStore store;
    EXPECT_EQ(reader->read_batch(store, 100), 3u);
    EXPECT_FALSE(reader->error().has_value()) << reader->error()->message;
    store.publish();
    ASSERT_EQ(store.size(), 3u);

    EXPECT_EQ(store.record(0).ts_ns, t0);
    EXPECT_EQ(store.record(1).ts_ns, t0 + 1);
    EXPECT_EQ(store.record(2).ts_ns, t0 + 2'000'000'001);
    EXPECT_EQ(store.record(0).cap_len, 5u);
    EXPECT_EQ(store.record(1).wire_len, 1500u);
    EXPECT_EQ(store.record(2).cap_len, 0u);
    EXPECT_EQ(store.record(2).wire_len, 60u);
    const Bytes b0 = store.bytes(0), b1 = store.bytes(1);
    EXPECT_EQ(std::vector<std::uint8_t>(b0.begin(), b0.end()), std::vector<std::uint8_t>(odd.begin(), odd.end()));
    EXPECT_EQ(std::vector<std::uint8_t>(b1.begin(), b1.end()), std::vector<std::uint8_t>(even.begin(), even.end()));

    const InterfaceInfo lo = store.interface(store.record(0).interface);
    const InterfaceInfo any = store.interface(store.record(1).interface);
    EXPECT_EQ(lo.name, "lo");
    EXPECT_EQ(lo.link_type, linktype::kEthernet);
    EXPECT_EQ(lo.ts_digits, 9);
    EXPECT_EQ(lo.snap_len, 262144u);
    EXPECT_EQ(any.name, "any");
    EXPECT_EQ(any.link_type, linktype::kLinuxSll);
    EXPECT_EQ(any.snap_len, 96u);

    EXPECT_TRUE(store.comments(0).empty());
    EXPECT_EQ(store.comments(1), std::vector<std::string>{"a comment, with\ta TAB"});
    EXPECT_EQ(store.comments(2), std::vector<std::string>{"x"});
    std::remove(path.c_str());
}

TEST(PcapngWriter, UnwritablePathIsASentence) {
    std::string error;
    auto w = PcapngWriter::create("/nonexistent-dir/x.pcapng", error);
    EXPECT_FALSE(w);
    EXPECT_NE(error.find("Couldn't create the capture file \"/nonexistent-dir/x.pcapng\""), std::string::npos) << error;
}
