// SPDX-License-Identifier: GPL-3.0-or-later
// Damaged packets: each must decode without a crash, carry a Truncated/Malformed
// mark, and leave the packets after it in the same file decoded normally.
#include "session/capture_session.h"
#include "support/packet_builder.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

using namespace seqscope;
using namespace seqscope::test;

namespace {

struct Case {
    const char* what;
    Buf bytes;
    std::uint32_t wire_len;  // 0: as captured
    PacketStatus status;
    const char* info_part;   // a piece of Info tshark shows for it ("" = any)
};

Buf good_udp() {
    Ipv4Spec s;
    s.proto = 17;
    return ethernet(ipv4(udp(Buf{'o', 'k'}, 1111, 2222), s), 0x0800);
}

std::vector<Case> cases() {
    std::vector<Case> out;
    Ipv4Spec bad_ihl;
    bad_ihl.ihl = 4;
    out.push_back({"IHL < 5", ethernet(ipv4(tcp({}), bad_ihl), 0x0800), 0, PacketStatus::Malformed,
                   "Bogus IP header length (16, must be at least 20)"});
    // Total length says 300 bytes; the capture stopped at 60 of them (snap length).
    Ipv4Spec long_total;
    long_total.total = 300;
    Buf cut = ethernet(ipv4(tcp(Buf(40, 'x')), long_total), 0x0800);
    cut.resize(14 + 30);
    out.push_back({"total length past the capture", cut, 14 + 300, PacketStatus::Truncated, "[Packet size limited during capture]"});
    TcpSpec short_off;
    short_off.data_offset = 4;
    out.push_back({"TCP data offset < 5", ethernet(ipv4(tcp(Buf{'a', 'b', 'c'}, short_off)), 0x0800), 0,
                   PacketStatus::Malformed, "bogus TCP header length (16, must be at least 20)"});
    TcpSpec past_end;
    past_end.data_offset = 15;
    out.push_back({"TCP data offset past the end", ethernet(ipv4(tcp(Buf{'a', 'b', 'c'}, past_end)), 0x0800), 0,
                   PacketStatus::Malformed, "[Malformed Packet]"});
    TcpSpec zero_len;
    zero_len.options = Buf{2, 0, 0, 0};
    out.push_back({"option length 0", ethernet(ipv4(tcp({}, zero_len)), 0x0800), 0, PacketStatus::Ok, ""});
    TcpSpec overflow;
    overflow.options = Buf{2, 8, 0, 0};
    out.push_back({"option overflowing", ethernet(ipv4(tcp({}, overflow)), 0x0800), 0, PacketStatus::Ok, ""});
    // A question whose name is a pointer to itself.
    Buf loop = dns_query(1, "a", 1);
    loop.resize(12);
    for (std::uint8_t c : {0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01}) loop.push_back(c);
    Ipv4Spec u;
    u.proto = 17;
    out.push_back({"DNS pointer loop", ethernet(ipv4(udp(loop, 40000, 53), u), 0x0800), 0, PacketStatus::Ok,
                   "<Name contains a pointer that loops>"});
    Buf short_eth = {1, 2, 3, 4, 5};
    out.push_back({"Ethernet header cut", short_eth, 60, PacketStatus::Truncated, "[Packet size limited during capture]"});
    out.push_back({"UDP length < 8", ethernet(ipv4(udp(Buf{'z'}, 1, 2, std::uint16_t{5}), u), 0x0800), 0,
                   PacketStatus::Malformed, "[BAD UDP LENGTH 5 < 8]"});
    return out;
}

}  // namespace

TEST(DecodeMalformed, EachCaseIsMarkedAndTheNextPacketStillDecodes) {
    FlowState flows;
    std::uint32_t frame = 1;
    for (const Case& c : cases()) {
        const Decoded d = decode_packet(flows, c.bytes, 1, frame++, c.wire_len);
        if (c.status == PacketStatus::Ok) {
            // tshark reports these as expert notes; the option list just stops.
            EXPECT_EQ(d.field("tcp.option_kind"), "") << c.what;
        } else {
            EXPECT_EQ(d.view.status, c.status) << c.what;
        }
        EXPECT_NE(d.columns.info.find(c.info_part), std::string::npos) << c.what << ": " << d.columns.info;
        const Decoded next = decode_packet(flows, good_udp(), 1, frame++);
        EXPECT_EQ(next.view.status, PacketStatus::Ok) << "after " << c.what;
        EXPECT_EQ(next.columns.info, "1111 \xe2\x86\x92 2222 Len=2") << "after " << c.what;
    }
}

TEST(DecodeMalformed, DamagedPacketsInAFileKeepTheRestOfTheFile) {
    std::vector<CapturedPacket> packets;
    std::int64_t ts = 1'700'000'000'000'000'000;
    for (const Case& c : cases()) {
        packets.push_back({c.bytes, c.wire_len, ts += 1'000'000});
        packets.push_back({good_udp(), 0, ts += 1'000'000});
    }
    for (const bool ng : {false, true}) {
        const std::string path = (std::filesystem::temp_directory_path() /
                                  ("seqscope_decode_malformed" + std::to_string(ng) + (ng ? ".pcapng" : ".pcap")))
                                     .string();
        if (ng) write_pcapng(path, 1, packets);
        else write_pcap(path, 1, packets);
        CaptureSession s;
        std::string err;
        ASSERT_TRUE(s.open_file(path, err)) << err;
        std::vector<PacketStatus> statuses;
        std::vector<std::string> infos;
        CaptureSession::PacketCallback cb;
        cb.want_columns = true;
        cb.fn = [&](std::size_t, const FrameInput&, const PacketView& v, const FieldTree*, const Columns* c) {
            statuses.push_back(v.status);
            infos.push_back(c->info);
        };
        while (!s.load_done()) s.load_batch(1000, &cb);
        ASSERT_EQ(statuses.size(), packets.size());
        for (std::size_t i = 1; i < statuses.size(); i += 2) {
            EXPECT_EQ(statuses[i], PacketStatus::Ok) << i;
            EXPECT_EQ(infos[i], "1111 \xe2\x86\x92 2222 Len=2") << i;
        }
        EXPECT_EQ(statuses[0], PacketStatus::Malformed);
        EXPECT_EQ(statuses[2], PacketStatus::Truncated);
        // Pass two re-decodes a damaged packet the same way.
        Columns replay;
        EXPECT_EQ(s.dissect(6, nullptr, &replay).status, PacketStatus::Malformed);
        EXPECT_EQ(replay.info, infos[6]);
        std::filesystem::remove(path);
    }
}
