// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/png_reader.h"

#include <array>
#include <cstdlib>

namespace seqscope::test {
namespace {

std::uint32_t be32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    return v;
}

class BitReader {
public:
    BitReader(const std::vector<std::uint8_t>& d, std::size_t start) : d_(d), pos_(start) {}
    bool bits(int n, std::uint32_t& v) {
        v = 0;
        for (int i = 0; i < n; ++i) {
            if (pos_ >= d_.size()) return false;
            v |= static_cast<std::uint32_t>((d_[pos_] >> bit_) & 1u) << i;
            if (++bit_ == 8) bit_ = 0, ++pos_;
        }
        return true;
    }
    void align() {
        if (bit_ != 0) bit_ = 0, ++pos_;
    }
    [[nodiscard]] std::size_t pos() const { return pos_; }
    void skip(std::size_t n) { pos_ += n; }

private:
    const std::vector<std::uint8_t>& d_;
    std::size_t pos_;
    int bit_ = 0;
};

// Canonical Huffman decoding table from code lengths (RFC 1951 §3.2.2).
struct Huffman {
    std::array<int, 16> count{};
    std::vector<int> symbols;
    // symbols is sized in the initialiser: resize() on the empty vector made GCC 12 at
    // -O3 warn of a "potential null pointer dereference" (-Wnull-dereference false positive).
    explicit Huffman(const std::vector<int>& lengths) : symbols(lengths.size()) {
        for (int l : lengths) ++count[static_cast<std::size_t>(l)];
        count[0] = 0;
        std::array<int, 16> offs{};
        for (std::size_t i = 1; i < 16; ++i) offs[i] = offs[i - 1] + count[i - 1];
        for (std::size_t s = 0; s < lengths.size(); ++s)
            if (lengths[s] != 0) symbols[static_cast<std::size_t>(offs[static_cast<std::size_t>(lengths[s])]++)] = static_cast<int>(s);
    }
    int decode(BitReader& br) const {
        int code = 0, first = 0, index = 0;
        for (std::size_t len = 1; len < 16; ++len) {
            std::uint32_t b = 0;
            if (!br.bits(1, b)) return -1;
            code |= static_cast<int>(b);
            const int c = count[len];
            if (code - c < first) return symbols[static_cast<std::size_t>(index + (code - first))];
            index += c, first += c, first <<= 1, code <<= 1;
        }
        return -1;
    }
};

constexpr int kLenBase[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr int kLenExtra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr int kDistBase[] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                             1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr int kDistExtra[] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

bool codes(BitReader& br, const Huffman& lit, const Huffman& dist, std::vector<std::uint8_t>& out, std::string& err) {
    for (;;) {
        const int sym = lit.decode(br);
        if (sym < 0) return err = "bad literal/length code", false;
        if (sym < 256) {
            out.push_back(static_cast<std::uint8_t>(sym));
            continue;
        }
        if (sym == 256) return true;
        const auto li = static_cast<std::size_t>(sym - 257);
        if (li >= 29) return err = "bad length symbol", false;
        std::uint32_t e = 0;
        if (!br.bits(kLenExtra[li], e)) return err = "truncated", false;
        const std::size_t len = static_cast<std::size_t>(kLenBase[li]) + e;
        const int ds = dist.decode(br);
        if (ds < 0 || ds >= 30) return err = "bad distance code", false;
        if (!br.bits(kDistExtra[ds], e)) return err = "truncated", false;
        const std::size_t d = static_cast<std::size_t>(kDistBase[ds]) + e;
        if (d > out.size()) return err = "distance before the start", false;
        for (std::size_t k = 0; k < len; ++k) out.push_back(out[out.size() - d]);
    }
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

}  // namespace

std::uint32_t reference_crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc) {
    crc = ~crc;
    for (std::size_t i = 0; i < n; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

bool zlib_inflate(const std::vector<std::uint8_t>& s, std::vector<std::uint8_t>& out, std::string& err) {
    if (s.size() < 6 || (s[0] & 0x0F) != 8 || ((s[0] << 8) | s[1]) % 31 != 0 || (s[1] & 0x20) != 0)
        return err = "bad zlib header", false;
    BitReader br(s, 2);
    std::uint32_t final = 0, type = 0;
    do {
        if (!br.bits(1, final) || !br.bits(2, type)) return err = "truncated", false;
        if (type == 0) {
            br.align();
            const std::size_t p = br.pos();
            if (p + 4 > s.size()) return err = "truncated stored block", false;
            const unsigned len = s[p] | (s[p + 1] << 8), nlen = s[p + 2] | (s[p + 3] << 8);
            if ((len ^ 0xFFFFu) != nlen) return err = "stored block LEN/NLEN mismatch", false;
            if (p + 4 + len > s.size()) return err = "truncated stored block", false;
            out.insert(out.end(), s.begin() + static_cast<std::ptrdiff_t>(p + 4), s.begin() + static_cast<std::ptrdiff_t>(p + 4 + len));
            br.skip(4 + len);
        } else if (type == 1) {
            std::vector<int> l(288, 8);
            for (std::size_t i = 144; i < 256; ++i) l[i] = 9;
            for (std::size_t i = 256; i < 280; ++i) l[i] = 7;
            if (!codes(br, Huffman(l), Huffman(std::vector<int>(30, 5)), out, err)) return false;
        } else if (type == 2) {
            std::uint32_t hlit = 0, hdist = 0, hclen = 0;
            if (!br.bits(5, hlit) || !br.bits(5, hdist) || !br.bits(4, hclen)) return err = "truncated", false;
            static const int order[] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
            std::vector<int> cl(19, 0);
            for (std::uint32_t i = 0; i < hclen + 4; ++i) {
                std::uint32_t v = 0;
                if (!br.bits(3, v)) return err = "truncated", false;
                cl[static_cast<std::size_t>(order[i])] = static_cast<int>(v);
            }
            const Huffman clh(cl);
            std::vector<int> lens;
            while (lens.size() < hlit + 257 + hdist + 1) {
                const int sym = clh.decode(br);
                std::uint32_t rep = 0;
                if (sym < 0) return err = "bad code length code", false;
                if (sym < 16) lens.push_back(sym);
                else if (sym == 16 && !lens.empty() && br.bits(2, rep)) lens.insert(lens.end(), rep + 3, lens.back());
                else if (sym == 17 && br.bits(3, rep)) lens.insert(lens.end(), rep + 3, 0);
                else if (sym == 18 && br.bits(7, rep)) lens.insert(lens.end(), rep + 11, 0);
                else return err = "bad code lengths", false;
            }
            const std::vector<int> ll(lens.begin(), lens.begin() + hlit + 257), dl(lens.begin() + hlit + 257, lens.end());
            if (!codes(br, Huffman(ll), Huffman(dl), out, err)) return false;
        } else {
            return err = "reserved block type", false;
        }
    } while (final == 0);
    br.align();
    const std::size_t p = br.pos();
    if (p + 4 > s.size()) return err = "missing Adler-32", false;
    std::uint32_t a = 1, b = 0;
    for (std::uint8_t c : out) a = (a + c) % 65521, b = (b + a) % 65521;
    const std::uint32_t want = (static_cast<std::uint32_t>(s[p]) << 24) | (static_cast<std::uint32_t>(s[p + 1]) << 16) |
                               (static_cast<std::uint32_t>(s[p + 2]) << 8) | s[p + 3];
    if (((b << 16) | a) != want) return err = "Adler-32 mismatch", false;
    return true;
}

PngImage::Px PngImage::at(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
    if (x < 0 || y < 0 || x >= width || y >= height || i + 3 >= rgba.size()) return {0, 0, 0, 0};
    return {rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]};
}

PngImage read_png(const std::string& f) {
    PngImage img;
    if (f.size() < 8 || f.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) != 0) return img.error = "no PNG signature", img;
    std::vector<std::uint8_t> idat;
    int depth = 0, interlace = 0;
    for (std::size_t at = 8; at < f.size();) {
        if (at + 12 > f.size()) return img.error = "truncated chunk", img;
        const std::uint32_t len = be32(f, at);
        if (at + 12 + len > f.size()) return img.error = "chunk past the end", img;
        const std::string type = f.substr(at + 4, 4);
        const auto* body = reinterpret_cast<const std::uint8_t*>(f.data() + at + 4);
        if (reference_crc32(body, len + 4) != be32(f, at + 8 + len)) return img.error = "CRC mismatch in " + type, img;
        img.chunks.push_back(type);
        if (type == "IHDR" && len == 13) {
            img.width = static_cast<int>(be32(f, at + 8));
            img.height = static_cast<int>(be32(f, at + 12));
            depth = static_cast<unsigned char>(f[at + 16]);
            img.colour_type = static_cast<unsigned char>(f[at + 17]);
            interlace = static_cast<unsigned char>(f[at + 20]);
        } else if (type == "IDAT") {
            idat.insert(idat.end(), body + 4, body + 4 + len);
        }
        at += 12 + len;
        if (type == "IEND") {
            if (at != f.size()) return img.error = "bytes after IEND", img;
            break;
        }
    }
    if (img.chunks.empty() || img.chunks.front() != "IHDR" || img.chunks.back() != "IEND")
        return img.error = "IHDR must come first and IEND last", img;
    if (depth != 8 || (img.colour_type != 2 && img.colour_type != 6) || interlace != 0)
        return img.error = "only 8-bit RGB/RGBA, not interlaced", img;
    std::vector<std::uint8_t> raw;
    if (!zlib_inflate(idat, raw, img.error)) return img;
    const std::size_t bpp = img.colour_type == 6 ? 4 : 3, w = static_cast<std::size_t>(img.width);
    const std::size_t stride = w * bpp, h = static_cast<std::size_t>(img.height);
    if (raw.size() != h * (stride + 1)) return img.error = "inflated size does not match IHDR", img;
    std::vector<std::uint8_t> prev(stride, 0), cur(stride);
    img.rgba.reserve(w * h * 4);
    for (std::size_t y = 0; y < h; ++y) {
        const std::uint8_t filter = raw[y * (stride + 1)];
        const std::uint8_t* in = &raw[y * (stride + 1) + 1];
        for (std::size_t i = 0; i < stride; ++i) {
            const int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
            int pred = 0;
            switch (filter) {
            case 0: pred = 0; break;
            case 1: pred = a; break;
            case 2: pred = b; break;
            case 3: pred = (a + b) / 2; break;
            case 4: pred = paeth(a, b, c); break;
            default: return img.error = "bad filter type", img;
            }
            cur[i] = static_cast<std::uint8_t>(in[i] + pred);
        }
        for (std::size_t x = 0; x < w; ++x) {
            for (std::size_t k = 0; k < 3; ++k) img.rgba.push_back(cur[x * bpp + k]);
            img.rgba.push_back(bpp == 4 ? cur[x * bpp + 3] : 255);
        }
        prev = cur;
    }
    return img;
}

}  // namespace seqscope::test
