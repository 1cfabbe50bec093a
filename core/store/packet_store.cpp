// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/packet_store.h"

#include "store/mapped_file.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace seqscope {

PacketStore::PacketStore() : arena_blocks_(std::make_unique<std::unique_ptr<std::uint8_t[]>[]>(kMaxBlocks)) {}
PacketStore::~PacketStore() = default;

Bytes PacketStore::bytes(const PacketRecord& r) const {
    if (r.offset & kArenaBit) {
        const std::uint64_t off = r.offset & ~kArenaBit;
        const std::uint8_t* block = arena_blocks_[off >> kBlockBits].get();
        return {block + (off & ((std::uint64_t{1} << kBlockBits) - 1)), r.cap_len};
    }
    if (!file_) return {};
    const Bytes all = file_->bytes();
    if (r.offset > all.size() || all.size() - r.offset < r.cap_len) return {};
    return all.subspan(r.offset, r.cap_len);
}

InterfaceInfo PacketStore::interface(std::uint16_t index) const {
    std::lock_guard lock(side_mutex_);
    return index < interfaces_.size() ? interfaces_[index] : InterfaceInfo{};
}

std::vector<std::string> PacketStore::comments(std::size_t index) const {
    std::lock_guard lock(side_mutex_);
    auto it = comments_.find(index);
    return it == comments_.end() ? std::vector<std::string>{} : it->second;
}

std::size_t PacketStore::memory_bytes() const {
    std::lock_guard lock(side_mutex_);
    std::size_t total = records_.memory_bytes();
    const std::uint64_t used_blocks = (arena_next_offset_ + (std::uint64_t{1} << kBlockBits) - 1) >> kBlockBits;
    total += static_cast<std::size_t>(used_blocks << kBlockBits);
    for (const auto& [k, list] : comments_)
        for (const auto& c : list) total += c.capacity() + 64;
    return total;
}

void PacketStore::set_backing_file(std::shared_ptr<const MappedFile> file) { file_ = std::move(file); }

std::uint16_t PacketStore::add_interface(InterfaceInfo info) {
    std::lock_guard lock(side_mutex_);
    interfaces_.push_back(std::move(info));
    return static_cast<std::uint16_t>(interfaces_.size() - 1);
}

std::size_t PacketStore::append_mapped(const PacketRecord& r) {
    if (records_.size_unpublished() == 0) first_ts_ns_.store(r.ts_ns, std::memory_order_release);
    records_.push_back(r);
    return records_.size_unpublished() - 1;
}

std::size_t PacketStore::append_copy(PacketRecord r, Bytes data) {
    constexpr std::uint64_t block_size = std::uint64_t{1} << kBlockBits;
    const std::uint64_t n = std::min<std::uint64_t>(data.size(), block_size);
    std::uint64_t pos = arena_next_offset_ & (block_size - 1);
    if (pos + n > block_size) {  // does not fit: start the next block
        arena_next_offset_ += block_size - pos;
        pos = 0;
    }
    const std::uint64_t block_index = arena_next_offset_ >> kBlockBits;
    if (block_index >= kMaxBlocks) throw std::length_error("packet arena full");
    auto& block = arena_blocks_[block_index];
    if (!block) block = std::make_unique<std::uint8_t[]>(block_size);
    if (n) std::memcpy(block.get() + pos, data.data(), n);
    r.offset = arena_next_offset_ | kArenaBit;
    r.cap_len = static_cast<std::uint32_t>(n);
    arena_next_offset_ += n;
    return append_mapped(r);
}

void PacketStore::add_comment(std::size_t index, std::string text) {
    std::lock_guard lock(side_mutex_);
    comments_[index].push_back(std::move(text));
    records_.mut(index).flags |= PacketRecord::kHasComment;
}

}  // namespace seqscope
