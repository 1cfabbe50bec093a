// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/dns_name.h"

namespace seqscope {

DnsName read_dns_name(Bytes msg, std::size_t offset) {
    DnsName out;
    std::size_t pos = offset;
    std::size_t processed = 0;  // every byte followed, across pointers (the loop guard)
    bool jumped = false;
    const std::size_t max = msg.size();
    for (;;) {
        if (pos >= msg.size()) {
            out.truncated = true;
            break;
        }
        const std::uint8_t len = msg[pos++];
        ++processed;
        if (!jumped) ++out.wire_len;
        if (len == 0) break;
        switch (len & 0xc0) {
        case 0x00: {
            if (pos + len > msg.size()) {
                out.truncated = true;
                return out;
            }
            if (!out.text.empty()) out.text += '.';
            out.text.append(reinterpret_cast<const char*>(msg.data() + pos), len);
            ++out.labels;
            pos += len;
            processed += len;
            if (!jumped) out.wire_len += len;
            break;
        }
        case 0xc0: {
            if (pos >= msg.size()) {
                out.truncated = true;
                return out;
            }
            const std::size_t target = (static_cast<std::size_t>(len & 0x3f) << 8) | msg[pos];
            ++pos;
            ++processed;
            if (!jumped) ++out.wire_len;
            jumped = true;
            if (processed >= max) {
                out.text = "<Name contains a pointer that loops>";
                out.loop = true;
                return out;
            }
            pos = target;
            break;
        }
        default:
            // 0x40 / 0x80: extended or reserved label types that nobody uses.
            out.text = "<Unknown extended label>";
            return out;
        }
        if (processed > max) {
            out.text = "<Name contains a pointer that loops>";
            out.loop = true;
            return out;
        }
    }
    if (out.text.empty() && !out.truncated) out.text = "<Root>";
    return out;
}

}  // namespace seqscope
