// SPDX-License-Identifier: GPL-3.0-or-later
// Writes a pcapng file: one Section Header Block, an Interface Description Block
// per interface (if_name, if_tsresol 9: nanosecond timestamps), and an Enhanced
// Packet Block per packet with an optional opt_comment. The live capture writes
// every packet here before anything else sees it, so nothing captured is lost even
// if the analysis falls behind. Blocks are written little-endian whatever the host.
#pragma once

#include "util/byte_reader.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace seqscope {

class PcapngWriter {
public:
    // Creates (truncates) `path` ("-": standard output) and writes the section header.
    // Returns nullptr and sets `error` to a sentence if the file cannot be created.
    static std::unique_ptr<PcapngWriter> create(const std::string& path, std::string& error,
                                                std::string_view application = "seqscope " SEQSCOPE_VERSION);
    ~PcapngWriter();
    PcapngWriter(const PcapngWriter&) = delete;
    PcapngWriter& operator=(const PcapngWriter&) = delete;

    // Writes an Interface Description Block; returns its interface id (0, 1, ...).
    std::uint32_t add_interface(std::uint32_t link_type, std::uint32_t snap_len, std::string_view name);
    // Writes an Enhanced Packet Block. `wire_len` below data.size() is raised to it.
    bool write_packet(std::uint32_t interface_id, std::int64_t ts_ns, Bytes data, std::uint32_t wire_len,
                      std::string_view comment = {});
    // Pushes buffered blocks to the kernel (the capture thread calls it per batch).
    bool flush();
    // Flushes and closes; false if any write failed (see error()).
    bool close();

    [[nodiscard]] bool ok() const { return error_.empty(); }
    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] std::uint64_t packets_written() const { return packets_; }
    [[nodiscard]] std::uint64_t bytes_written() const { return bytes_; }

private:
    PcapngWriter() = default;
    bool write_block(std::uint32_t type, const std::vector<std::uint8_t>& body);

    std::FILE* file_ = nullptr;
    std::string path_;
    std::string error_;
    std::uint32_t interfaces_ = 0;
    std::uint64_t packets_ = 0;
    std::uint64_t bytes_ = 0;
    std::vector<std::uint8_t> scratch_;  // reused block body, so a packet costs no allocation
};

}  // namespace seqscope
