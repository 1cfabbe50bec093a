// SPDX-License-Identifier: GPL-3.0-or-later
// Distinct index types, so a frame number can never be passed where a stream index
// is expected. Frame numbers are 1-based like Wireshark's frame.number.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace seqscope {

template <typename Tag, typename T = std::uint32_t>
struct StrongId {
    T value{};
    constexpr StrongId() = default;
    constexpr explicit StrongId(T v) : value(v) {}
    constexpr auto operator<=>(const StrongId&) const = default;
};

using FrameNumber = StrongId<struct FrameTag>;        // 1-based, as frame.number
using TcpStreamId = StrongId<struct TcpStreamTag>;    // as tcp.stream (0-based)
using UdpStreamId = StrongId<struct UdpStreamTag>;    // as udp.stream (0-based)

}  // namespace seqscope

template <typename Tag, typename T>
struct std::hash<seqscope::StrongId<Tag, T>> {
    std::size_t operator()(const seqscope::StrongId<Tag, T>& id) const noexcept { return std::hash<T>{}(id.value); }
};
