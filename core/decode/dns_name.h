// SPDX-License-Identifier: GPL-3.0-or-later
// DNS names (RFC 1035 §4.1.4) with compression pointers, read as tshark reads
// them: a loop guard that counts every byte followed, "<Root>" for the empty name.
#pragma once

#include "util/byte_reader.h"

#include <cstdint>
#include <string>

namespace seqscope {

struct DnsName {
    std::string text;          // "www.example.com", "<Root>", or tshark's error text
    std::uint32_t wire_len = 0;  // bytes the name occupies where it starts
    std::uint32_t labels = 0;
    bool truncated = false;    // ran past the captured bytes
    bool loop = false;         // a compression pointer loop
};

// Reads the name at `offset` of `msg` (the whole DNS message).
DnsName read_dns_name(Bytes msg, std::size_t offset);

}  // namespace seqscope
