// SPDX-License-Identifier: GPL-3.0-or-later
// A small least-recently-used cache of packet-list rows. Only rows that were on
// screen recently are here, so its size is bounded by the window, not the capture.
#pragma once

#include <cstddef>
#include <list>
#include <unordered_map>
#include <utility>

namespace seqscope::ui {

template <typename Value>
class RowCache {
public:
    explicit RowCache(std::size_t capacity) : capacity_(capacity) {}

    // The cached value, made fresh (most recently used); nullptr if absent.
    const Value* find(std::size_t key) {
        const auto it = index_.find(key);
        if (it == index_.end()) return nullptr;
        order_.splice(order_.begin(), order_, it->second);
        return &it->second->second;
    }

    const Value& insert(std::size_t key, Value value) {
        if (const auto it = index_.find(key); it != index_.end()) {
            it->second->second = std::move(value);
            order_.splice(order_.begin(), order_, it->second);
            return it->second->second;
        }
        if (order_.size() >= capacity_ && !order_.empty()) {
            index_.erase(order_.back().first);
            order_.pop_back();
        }
        order_.emplace_front(key, std::move(value));
        index_[key] = order_.begin();
        return order_.front().second;
    }

    void clear() {
        order_.clear();
        index_.clear();
    }
    [[nodiscard]] std::size_t size() const { return order_.size(); }
    [[nodiscard]] std::size_t capacity() const { return capacity_; }

private:
    std::size_t capacity_;
    std::list<std::pair<std::size_t, Value>> order_;
    std::unordered_map<std::size_t, typename std::list<std::pair<std::size_t, Value>>::iterator> index_;
};

}  // namespace seqscope::ui
