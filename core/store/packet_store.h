// SPDX-License-Identifier: GPL-3.0-or-later
// All packets of one capture: packed records plus their bytes. One writer (file
// loader or capture thread) appends; any number of readers see the published
// prefix. Bytes come either from a memory-mapped capture file (records point into
// it, nothing is copied) or from an owned arena (live capture, tests).
#pragma once

#include "store/chunked_vector.h"
#include "store/packet_record.h"
#include "util/byte_reader.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace seqscope {

// Link-layer types (LINKTYPE_* values, as in pcap files).
namespace linktype {
constexpr std::uint32_t kNull = 0;
constexpr std::uint32_t kEthernet = 1;
constexpr std::uint32_t kRaw = 101;
constexpr std::uint32_t kLoop = 108;
constexpr std::uint32_t kLinuxSll = 113;
constexpr std::uint32_t kIpv4 = 228;
constexpr std::uint32_t kIpv6 = 229;
constexpr std::uint32_t kLinuxSll2 = 276;
}  // namespace linktype

struct InterfaceInfo {
    std::uint32_t link_type = linktype::kEthernet;
    std::uint32_t snap_len = 0;
    std::uint8_t ts_digits = 6;  // decimals of the timestamp resolution (6 µs, 9 ns)
    std::string name;
};

class MappedFile;  // capture/mapped_file.h

class PacketStore {
public:
    PacketStore();
    ~PacketStore();
    PacketStore(const PacketStore&) = delete;
    PacketStore& operator=(const PacketStore&) = delete;

    // --- readers (any thread) ---
    [[nodiscard]] std::size_t size() const { return records_.size(); }
    [[nodiscard]] const PacketRecord& record(std::size_t index) const { return records_[index]; }
    [[nodiscard]] Bytes bytes(const PacketRecord& r) const;
    [[nodiscard]] Bytes bytes(std::size_t index) const { return bytes(record(index)); }
    [[nodiscard]] InterfaceInfo interface(std::uint16_t index) const;
    [[nodiscard]] std::uint32_t link_type(const PacketRecord& r) const { return interface(r.interface).link_type; }
    // pcapng opt_comment options of a packet, in file order (empty if none).
    [[nodiscard]] std::vector<std::string> comments(std::size_t index) const;
    // Timestamp of the first packet appended (frame.time_relative's zero).
    [[nodiscard]] std::int64_t first_ts_ns() const { return first_ts_ns_.load(std::memory_order_acquire); }
    [[nodiscard]] std::size_t memory_bytes() const;

    // --- the single writer ---
    void set_backing_file(std::shared_ptr<const MappedFile> file);  // records' offsets point into it
    std::uint16_t add_interface(InterfaceInfo info);
    // Appends a record whose bytes are already in the backing file.
    std::size_t append_mapped(const PacketRecord& r);
    // Appends a record, copying its bytes into the owned arena.
    std::size_t append_copy(PacketRecord r, Bytes data);
    void add_comment(std::size_t index, std::string text);
    void publish() { records_.publish(); }
    void publish(std::size_t count) { records_.publish(count); }  // the first `count` records

private:
    ChunkedVector<PacketRecord> records_;
    std::atomic<std::int64_t> first_ts_ns_{0};
    std::shared_ptr<const MappedFile> file_;
    // Owned bytes for appended copies: fixed-size blocks that never move, in a block
    // table allocated once (readers never race a reallocation). Arena offsets carry
    // kArenaBit so they cannot be mistaken for file offsets.
    static constexpr std::uint64_t kArenaBit = std::uint64_t{1} << 63;
    static constexpr std::size_t kBlockBits = 22;  // 4 MiB blocks
    static constexpr std::size_t kMaxBlocks = 1 << 16;
    std::unique_ptr<std::unique_ptr<std::uint8_t[]>[]> arena_blocks_;
    std::uint64_t arena_next_offset_ = 0;
    mutable std::mutex side_mutex_;  // interfaces, comments
    std::vector<InterfaceInfo> interfaces_;
    std::map<std::size_t, std::vector<std::string>> comments_;
};

}  // namespace seqscope
