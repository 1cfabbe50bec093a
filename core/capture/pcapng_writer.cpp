// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/pcapng_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace seqscope {
namespace {

constexpr std::uint32_t kSectionHeader = 0x0a0d0d0a;
constexpr std::uint32_t kInterfaceDescription = 1;
constexpr std::uint32_t kEnhancedPacket = 6;
constexpr std::uint16_t kOptEnd = 0, kOptComment = 1;
constexpr std::uint16_t kShbUserAppl = 4;
constexpr std::uint16_t kIfName = 2, kIfTsresol = 9;

void put16(std::vector<std::uint8_t>& b, std::uint16_t v) {
    b.push_back(static_cast<std::uint8_t>(v));
    b.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put32(std::vector<std::uint8_t>& b, std::uint32_t v) {
    for (int shift = 0; shift < 32; shift += 8) b.push_back(static_cast<std::uint8_t>(v >> shift));
}
void pad4(std::vector<std::uint8_t>& b) {
    while (b.size() % 4 != 0) b.push_back(0);
}
void put_bytes(std::vector<std::uint8_t>& b, const void* data, std::size_t n) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    b.insert(b.end(), p, p + n);
}
// An option's value is at most 65535 bytes; longer text is cut rather than
// producing a block other readers reject.
void put_option(std::vector<std::uint8_t>& b, std::uint16_t code, std::string_view value) {
    const std::size_t n = std::min<std::size_t>(value.size(), 0xfffc);
    put16(b, code);
    put16(b, static_cast<std::uint16_t>(n));
    put_bytes(b, value.data(), n);
    pad4(b);
}

}  // namespace

std::unique_ptr<PcapngWriter> PcapngWriter::create(const std::string& path, std::string& error,
                                                   std::string_view application) {
    std::unique_ptr<PcapngWriter> w(new PcapngWriter());
    w->path_ = path;
    // "-" is standard output (a capture piped to another program), as for tcpdump -w -.
    w->file_ = path == "-" ? ::fdopen(::dup(STDOUT_FILENO), "wb") : std::fopen(path.c_str(), "wb");
    if (w->file_ == nullptr) {
        error = "Couldn't create the capture file \"" + path + "\": " + std::strerror(errno) + ".";
        return nullptr;
    }
    std::vector<std::uint8_t> body;
    put32(body, 0x1a2b3c4d);  // byte-order magic, written in our (little-endian) order
    put16(body, 1);           // major version
    put16(body, 0);           // minor version
    put32(body, 0xffffffff);  // section length: unknown (-1), we stream
    put32(body, 0xffffffff);
    put_option(body, kShbUserAppl, application);
    put32(body, kOptEnd);
    if (!w->write_block(kSectionHeader, body)) {
        error = w->error_;
        return nullptr;
    }
    return w;
}

PcapngWriter::~PcapngWriter() { close(); }

bool PcapngWriter::write_block(std::uint32_t type, const std::vector<std::uint8_t>& body) {
    if (file_ == nullptr || !error_.empty()) return false;
    const auto total = static_cast<std::uint32_t>(12 + body.size());
    std::uint8_t head[8];
    std::uint8_t tail[4];
    for (int i = 0; i < 4; ++i) {
        head[i] = static_cast<std::uint8_t>(type >> (8 * i));
        head[4 + i] = static_cast<std::uint8_t>(total >> (8 * i));
        tail[i] = head[4 + i];
    }
    if (std::fwrite(head, 1, 8, file_) != 8 || std::fwrite(body.data(), 1, body.size(), file_) != body.size() ||
        std::fwrite(tail, 1, 4, file_) != 4) {
        error_ = "Couldn't write to the capture file \"" + path_ + "\": " + std::strerror(errno) + ".";
        return false;
    }
    bytes_ += total;
    return true;
}

std::uint32_t PcapngWriter::add_interface(std::uint32_t link_type, std::uint32_t snap_len, std::string_view name) {
    std::vector<std::uint8_t> body;
    put16(body, static_cast<std::uint16_t>(link_type));
    put16(body, 0);  // reserved
    put32(body, snap_len);
    if (!name.empty()) put_option(body, kIfName, name);
    const char tsresol = 9;  // 10^-9 s: the live capture asks libpcap for nanoseconds
    put_option(body, kIfTsresol, std::string_view(&tsresol, 1));
    put32(body, kOptEnd);
    write_block(kInterfaceDescription, body);
    return interfaces_++;
}

bool PcapngWriter::write_packet(std::uint32_t interface_id, std::int64_t ts_ns, Bytes data, std::uint32_t wire_len,
                                std::string_view comment) {
    const auto ts = static_cast<std::uint64_t>(ts_ns);
    const auto cap = static_cast<std::uint32_t>(data.size());
    scratch_.clear();
    put32(scratch_, interface_id);
    put32(scratch_, static_cast<std::uint32_t>(ts >> 32));
    put32(scratch_, static_cast<std::uint32_t>(ts));
    put32(scratch_, cap);
    put32(scratch_, wire_len < cap ? cap : wire_len);
    if (!data.empty()) put_bytes(scratch_, data.data(), data.size());
    pad4(scratch_);
    if (!comment.empty()) {
        put_option(scratch_, kOptComment, comment);
        put32(scratch_, kOptEnd);
    }
    if (!write_block(kEnhancedPacket, scratch_)) return false;
    ++packets_;
    return true;
}

bool PcapngWriter::flush() {
    if (file_ == nullptr) return error_.empty();
    if (std::fflush(file_) != 0 && error_.empty())
        error_ = "Couldn't write to the capture file \"" + path_ + "\": " + std::strerror(errno) + ".";
    return error_.empty();
}

bool PcapngWriter::close() {
    if (file_ == nullptr) return error_.empty();
    flush();
    if (std::fclose(file_) != 0 && error_.empty())
        error_ = "Couldn't finish the capture file \"" + path_ + "\": " + std::strerror(errno) + ".";
    file_ = nullptr;
    return error_.empty();
}

}  // namespace seqscope
