// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/capture_file.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace seqscope {
namespace {

constexpr std::uint32_t kPcapMagicUs = 0xa1b2c3d4;
constexpr std::uint32_t kPcapMagicNs = 0xa1b23c4d;
constexpr std::uint32_t kPcapMagicModified = 0xa1b2cd34;
constexpr std::uint32_t kNgSectionHeader = 0x0a0d0d0a;
constexpr std::uint32_t kNgByteOrderMagic = 0x1a2b3c4d;
constexpr std::uint32_t kNgInterfaceDescription = 1;
constexpr std::uint32_t kNgObsoletePacket = 2;
constexpr std::uint32_t kNgSimplePacket = 3;
constexpr std::uint32_t kNgEnhancedPacket = 6;
// Wireshark refuses records above this; a bigger length means a damaged header.
constexpr std::uint32_t kMaxRecordLen = 256 * 1024 * 1024;
constexpr std::uint32_t kMaxPacketLen = 262144 * 4;

std::uint32_t swap32(std::uint32_t v) { return __builtin_bswap32(v); }

std::string at_offset(std::uint64_t off) { return " (at byte offset " + std::to_string(off) + ")"; }

// Reads numbers in a given byte order from a bounded span.
struct OrderedReader {
    ByteReader r;
    bool big;
    std::uint16_t u16() { return big ? r.u16() : r.u16le(); }
    std::uint32_t u32() { return big ? r.u32() : r.u32le(); }
};

std::int64_t to_ns(std::uint64_t ticks, std::uint64_t units_per_second) {
    if (units_per_second == 0) return 0;
    const auto secs = static_cast<std::int64_t>(ticks / units_per_second);
    const std::uint64_t frac = ticks % units_per_second;
    // frac < units_per_second; scale without overflow: exact for the usual
    // decimal resolutions, long double for exotic binary ones.
    std::int64_t frac_ns = 0;
    if (units_per_second <= 1'000'000'000u && 1'000'000'000u % units_per_second == 0)
        frac_ns = static_cast<std::int64_t>(frac * (1'000'000'000u / units_per_second));
    else if (units_per_second % 1'000'000'000u == 0)
        frac_ns = static_cast<std::int64_t>(frac / (units_per_second / 1'000'000'000u));
    else
        frac_ns = static_cast<std::int64_t>(static_cast<long double>(frac) * 1e9L / static_cast<long double>(units_per_second));
    return secs * 1'000'000'000 + frac_ns;
}

}  // namespace

std::unique_ptr<CaptureFileReader> CaptureFileReader::open(const std::string& path, std::string& error) {
    auto file = MappedFile::open(path, error);
    if (!file) return nullptr;
    std::unique_ptr<CaptureFileReader> reader(new CaptureFileReader(file));
    ByteReader r(file->bytes());
    const std::uint32_t magic_le = r.u32le();
    if (!r.ok()) {
        error = "The file \"" + path + "\" isn't a capture file in a format seqscope understands (it is " +
                std::to_string(file->bytes().size()) + " bytes long, too short for a capture file header).";
        return nullptr;
    }
    auto& self = *reader;
    if (magic_le == kNgSectionHeader) {
        self.format_ = CaptureFormat::Pcapng;
        return reader;  // the section header is parsed as the first block
    }
    const std::uint32_t magic_be = swap32(magic_le);
    for (bool big : {false, true}) {
        const std::uint32_t m = big ? magic_be : magic_le;
        if (m == kPcapMagicUs || m == kPcapMagicNs || m == kPcapMagicModified) {
            self.format_ = m == kPcapMagicNs ? CaptureFormat::PcapNs : CaptureFormat::Pcap;
            self.modified_pcap_ = m == kPcapMagicModified;
            self.big_endian_ = big;
            OrderedReader o{ByteReader(file->bytes()), big};
            o.r.skip(4);
            const std::uint16_t major = o.u16();
            o.u16();  // minor
            o.u32();  // thiszone
            o.u32();  // sigfigs
            self.pcap_snap_len_ = o.u32();
            const std::uint32_t network = o.u32();
            if (!o.r.ok()) {
                error = "The file \"" + path + "\" appears to have been cut short in the middle of its pcap file header.";
                return nullptr;
            }
            if (major != 2) {
                error = "The file \"" + path + "\" is a pcap file of version " + std::to_string(major) +
                        ", which seqscope doesn't understand.";
                return nullptr;
            }
            // The top bits of the link-type field carry FCS information (pcap-linktype(7)).
            InterfaceInfo info;
            info.link_type = network & 0x0fffffff;
            info.snap_len = self.pcap_snap_len_;
            info.ts_digits = m == kPcapMagicNs ? 9 : 6;
            self.ng_interfaces_.push_back({0, m == kPcapMagicNs ? 1'000'000'000u : 1'000'000u, 0, self.pcap_snap_len_});
            self.pos_ = 24;
            // Remember the interface until a store is bound.
            self.pending_interface_ = info;
            return reader;
        }
    }
    error = "The file \"" + path + "\" isn't a capture file in a format seqscope understands (no pcap or pcapng magic number at its start).";
    return nullptr;
}

void CaptureFileReader::fail(std::uint64_t at, std::string message) {
    error_ = CaptureFileError{at, std::move(message) + at_offset(at) + "."};
    done_ = true;
}

std::size_t CaptureFileReader::read_batch(PacketStore& store, std::size_t max_packets) {
    if (!store_bound_) {
        store.set_backing_file(file_);
        if (format_ != CaptureFormat::Pcapng) ng_interfaces_[0].store_index = store.add_interface(pending_interface_);
        store_bound_ = true;
    }
    std::size_t appended = 0;
    while (!done_ && appended < max_packets) {
        if (pos_ >= file_->bytes().size()) {
            done_ = true;
            break;
        }
        if (format_ == CaptureFormat::Pcapng) {
            bool got = false;
            if (!read_pcapng_block(store, got)) break;
            if (got) ++appended;
        } else {
            if (!read_pcap_record(store)) break;
            ++appended;
        }
    }
    return appended;
}

bool CaptureFileReader::read_pcap_record(PacketStore& store) {
    const Bytes all = file_->bytes();
    const std::size_t header_len = modified_pcap_ ? 24 : 16;
    if (all.size() - pos_ < header_len) {
        fail(pos_, "The capture file appears to have been cut short in the middle of a packet header (" +
                       std::to_string(all.size() - pos_) + " of " + std::to_string(header_len) + " bytes present)");
        return false;
    }
    OrderedReader o{ByteReader(all.subspan(pos_, header_len)), big_endian_};
    const std::uint32_t sec = o.u32();
    const std::uint32_t frac = o.u32();
    const std::uint32_t incl = o.u32();
    const std::uint32_t orig = o.u32();
    if (incl > kMaxPacketLen) {
        fail(pos_, "The capture file has a packet record with a captured length of " + std::to_string(incl) +
                       " bytes, larger than any packet can be; the record header is damaged");
        return false;
    }
    const std::uint64_t data_at = pos_ + header_len;
    if (all.size() - data_at < incl) {
        fail(pos_, "The capture file appears to have been cut short in the middle of a packet (" +
                       std::to_string(all.size() - data_at) + " of " + std::to_string(incl) + " bytes present)");
        return false;
    }
    PacketRecord rec;
    const std::uint64_t units = format_ == CaptureFormat::PcapNs ? 1'000'000'000u : 1'000'000u;
    rec.ts_ns = static_cast<std::int64_t>(sec) * 1'000'000'000 +
                static_cast<std::int64_t>(units == 1'000'000u ? std::uint64_t{frac} * 1000 : frac);
    rec.offset = data_at;
    rec.cap_len = incl;
    rec.wire_len = orig < incl ? incl : orig;
    rec.interface = ng_interfaces_[0].store_index;
    store.append_mapped(rec);
    pos_ = data_at + incl;
    return true;
}

bool CaptureFileReader::read_pcapng_block(PacketStore& store, bool& appended) {
    const Bytes all = file_->bytes();
    const std::uint64_t start = pos_;
    if (all.size() - start < 12) {
        fail(start, "The capture file appears to have been cut short in the middle of a pcapng block header");
        return false;
    }
    ByteReader raw(all.subspan(start));
    std::uint32_t type = raw.u32le();
    if (type == kNgSectionHeader) {
        // The byte-order magic decides the order for this whole section.
        const std::uint32_t bom = raw.peek_u32(8);
        if (bom == kNgByteOrderMagic) big_endian_ = true;
        else if (swap32(bom) == kNgByteOrderMagic) big_endian_ = false;
        else {
            fail(start, "The pcapng section header has an unknown byte-order magic 0x" + [&] {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%08x", bom);
                return std::string(buf);
            }());
            return false;
        }
        ng_interfaces_.clear();  // interface ids are per section
    } else if (big_endian_) {
        type = swap32(type);
    }
    OrderedReader o{ByteReader(all.subspan(start)), big_endian_};
    o.u32();
    const std::uint32_t total = o.u32();
    if (total < 12 || total % 4 != 0 || total > kMaxRecordLen) {
        fail(start, "The pcapng block has an invalid length of " + std::to_string(total) + " bytes");
        return false;
    }
    if (all.size() - start < total) {
        fail(start, "The capture file appears to have been cut short in the middle of a pcapng block (" +
                        std::to_string(all.size() - start) + " of " + std::to_string(total) + " bytes present)");
        return false;
    }
    OrderedReader trailer{ByteReader(all.subspan(start + total - 4, 4)), big_endian_};
    if (trailer.u32() != total) {
        fail(start, "The pcapng block's trailing length doesn't match its leading length");
        return false;
    }
    const Bytes body = all.subspan(start + 8, total - 12);
    OrderedReader b{ByteReader(body), big_endian_};

    // Walks options from the reader's position; calls fn(code, value).
    auto for_each_option = [&](OrderedReader& rd, auto&& fn) {
        while (rd.r.remaining() >= 4) {
            const std::uint16_t code = rd.u16();
            const std::uint16_t len = rd.u16();
            if (code == 0) break;  // opt_endofopt
            const Bytes value = rd.r.bytes(len);
            if (!rd.r.ok()) break;  // option overruns the block: ignore the rest
            fn(code, value);
            rd.r.skip((4 - len % 4) % 4);
            if (!rd.r.ok()) break;
        }
    };

    switch (type) {
    case kNgSectionHeader:
        break;
    case kNgInterfaceDescription: {
        InterfaceInfo info;
        info.link_type = b.u16();
        b.u16();
        info.snap_len = b.u32();
        NgInterface ni;
        ni.snap_len = info.snap_len;
        for_each_option(b, [&](std::uint16_t code, Bytes value) {
            if (code == 9 && !value.empty()) {  // if_tsresol
                const std::uint8_t v = value[0];
                const unsigned exp = v & 0x7f;
                std::uint64_t units = 1;
                const bool ok = (v & 0x80) ? exp < 64 : exp <= 19;
                if (ok)
                    for (unsigned i = 0; i < exp; ++i) units *= (v & 0x80) ? 2 : 10;
                ni.units_per_second = ok ? units : 1'000'000;
                std::uint8_t digits = 0;
                for (std::uint64_t u = ni.units_per_second; u >= 10; u /= 10) ++digits;
                info.ts_digits = digits < 6 ? 6 : digits > 9 ? 9 : digits;
            } else if (code == 14 && value.size() == 8) {  // if_tsoffset
                OrderedReader vr{ByteReader(value), big_endian_};
                const std::uint64_t hi = vr.u32(), lo = vr.u32();
                ni.offset_seconds = static_cast<std::int64_t>(big_endian_ ? (hi << 32 | lo) : (lo << 32 | hi));
            } else if (code == 2) {  // if_name
                info.name.assign(reinterpret_cast<const char*>(value.data()), value.size());
            }
        });
        ni.store_index = store.add_interface(std::move(info));
        ng_interfaces_.push_back(ni);
        break;
    }
    case kNgEnhancedPacket:
    case kNgObsoletePacket: {
        std::uint32_t iface = 0;
        if (type == kNgEnhancedPacket) iface = b.u32();
        else { iface = b.u16(); b.u16(); }
        const std::uint64_t hi = b.u32(), lo = b.u32();
        const std::uint32_t caplen = b.u32();
        const std::uint32_t origlen = b.u32();
        if (!b.r.ok() || iface >= ng_interfaces_.size()) {
            fail(start, iface >= ng_interfaces_.size()
                            ? "A pcapng packet block refers to interface " + std::to_string(iface) +
                                  ", which the file never described"
                            : "A pcapng packet block is too short for its header");
            return false;
        }
        const std::size_t data_off = b.r.offset();
        if (caplen > b.r.remaining()) {
            fail(start, "A pcapng packet block claims " + std::to_string(caplen) +
                            " captured bytes but holds only " + std::to_string(b.r.remaining()));
            return false;
        }
        b.r.skip(caplen);
        b.r.skip((4 - caplen % 4) % 4);
        const NgInterface& ni = ng_interfaces_[iface];
        PacketRecord rec;
        rec.ts_ns = to_ns(hi << 32 | lo, ni.units_per_second) + ni.offset_seconds * 1'000'000'000;
        rec.offset = start + 8 + data_off;
        rec.cap_len = caplen;
        rec.wire_len = origlen < caplen ? caplen : origlen;
        rec.interface = ni.store_index;
        const std::size_t index = store.append_mapped(rec);
        if (b.r.ok()) {
            for_each_option(b, [&](std::uint16_t code, Bytes value) {
                if (code == 1)  // opt_comment
                    store.add_comment(index, std::string(reinterpret_cast<const char*>(value.data()), value.size()));
            });
        }
        appended = true;
        break;
    }
    case kNgSimplePacket: {
        if (ng_interfaces_.empty()) {
            fail(start, "A pcapng simple packet block comes before any interface description");
            return false;
        }
        const std::uint32_t origlen = b.u32();
        const NgInterface& ni = ng_interfaces_[0];
        std::uint32_t caplen = static_cast<std::uint32_t>(std::min<std::size_t>(origlen, b.r.remaining()));
        if (ni.snap_len != 0 && caplen > ni.snap_len) caplen = ni.snap_len;
        PacketRecord rec;
        rec.offset = start + 12;
        rec.cap_len = caplen;
        rec.wire_len = origlen;
        rec.interface = ni.store_index;
        store.append_mapped(rec);
        appended = true;
        break;
    }
    default:
        break;  // name resolution, statistics, custom and unknown blocks: skipped
    }
    pos_ = start + total;
    return true;
}

}  // namespace seqscope
