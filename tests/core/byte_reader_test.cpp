// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/byte_reader.h"
#include "util/seq.h"

#include <gtest/gtest.h>

#include <array>

using namespace seqscope;

TEST(ByteReader, ReadsBigAndLittleEndian) {
    const std::array<std::uint8_t, 8> raw{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0};
    ByteReader r{Bytes(raw)};
    EXPECT_EQ(r.u16(), 0x1234);
    EXPECT_EQ(r.u16le(), 0x7856);
    EXPECT_EQ(r.u32(), 0x9abcdef0u);
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.remaining(), 0u);
}

TEST(ByteReader, ReadPastEndLatchesAndReturnsZero) {
    const std::array<std::uint8_t, 3> raw{1, 2, 3};
    ByteReader r{Bytes(raw)};
    EXPECT_EQ(r.u16(), 0x0102);
    EXPECT_EQ(r.u32(), 0u);
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.bytes(1).empty());
}

TEST(Seq, ComparisonsWrapAround) {
    EXPECT_TRUE(seq::lt(0xfffffff0u, 0x10u));
    EXPECT_TRUE(seq::gt(0x10u, 0xfffffff0u));
    EXPECT_TRUE(seq::le(5u, 5u));
    EXPECT_EQ(seq::diff(1u, 0xffffffffu), 2);
}
