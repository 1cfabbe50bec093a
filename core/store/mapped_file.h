// SPDX-License-Identifier: GPL-3.0-or-later
// A read-only memory mapping of a capture file. Packet records point into it, so
// loading a file costs no copy and the kernel pages bytes in on demand.
#pragma once

#include "util/byte_reader.h"

#include <memory>
#include <string>

namespace seqscope {

class MappedFile {
public:
    // Returns nullptr and sets `error` (a sentence) if the file cannot be opened.
    static std::shared_ptr<MappedFile> open(const std::string& path, std::string& error);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    [[nodiscard]] Bytes bytes() const { return {data_, size_}; }
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    MappedFile() = default;
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
    std::string path_;
};

}  // namespace seqscope
