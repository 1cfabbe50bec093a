// SPDX-License-Identifier: GPL-3.0-or-later
// Reads pcap (µs and ns magic, either byte order) and pcapng (several interfaces
// with their own link types and if_tsresol, packet comments, unknown blocks
// skipped) into a PacketStore. Reading is incremental so a loader thread can
// publish batches and report progress. A damaged file keeps every good packet;
// the damage is reported as a sentence with its byte offset.
#pragma once

#include "store/mapped_file.h"
#include "store/packet_store.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace seqscope {

enum class CaptureFormat { Unknown, Pcap, PcapNs, Pcapng };

// A problem found while reading; offset is the byte offset in the file.
struct CaptureFileError {
    std::uint64_t offset = 0;
    std::string message;
};

class CaptureFileReader {
public:
    // Opens and checks the header. On failure returns nullptr and fills `error`
    // ("... isn't a capture file in a format seqscope understands.").
    static std::unique_ptr<CaptureFileReader> open(const std::string& path, std::string& error);

    // Reads up to `max_packets` more packets into `store` (which must be used with
    // this reader only). Returns the number appended; 0 at the end or after an
    // error. Does not publish: the caller publishes per batch.
    std::size_t read_batch(PacketStore& store, std::size_t max_packets);

    [[nodiscard]] bool at_end() const { return done_; }
    [[nodiscard]] const std::optional<CaptureFileError>& error() const { return error_; }
    [[nodiscard]] CaptureFormat format() const { return format_; }
    [[nodiscard]] std::uint64_t file_size() const { return file_->bytes().size(); }
    [[nodiscard]] std::uint64_t position() const { return pos_; }

private:
    explicit CaptureFileReader(std::shared_ptr<MappedFile> f) : file_(std::move(f)) {}
    bool read_pcap_record(PacketStore& store);
    bool read_pcapng_block(PacketStore& store, bool& appended);
    void fail(std::uint64_t at, std::string message);

    struct NgInterface {
        std::uint16_t store_index = 0;
        std::uint64_t units_per_second = 1'000'000;
        std::int64_t offset_seconds = 0;
        std::uint32_t snap_len = 0;
    };

    std::shared_ptr<MappedFile> file_;
    CaptureFormat format_ = CaptureFormat::Unknown;
    bool big_endian_ = false;     // byte order of the file (pcap) or current section (pcapng)
    bool modified_pcap_ = false;  // Kuznetzov's 24-byte record headers
    std::uint32_t pcap_snap_len_ = 0;
    std::vector<NgInterface> ng_interfaces_;  // of the current section (pcap: one)
    InterfaceInfo pending_interface_;          // pcap: added to the store on first read
    bool store_bound_ = false;
    std::uint64_t pos_ = 0;
    bool done_ = false;
    std::optional<CaptureFileError> error_;
};

}  // namespace seqscope
