// SPDX-License-Identifier: GPL-3.0-or-later
// The one shared selection of the window: the current packet, the current TCP or
// UDP stream and the time range in view. Views write to it and listen to it; they
// never call each other (so a ladder, a timeline or a graph can be added without
// touching the packet list). Setters emit only when the value really changes, so
// a view that echoes a selection back does not start a loop.
#pragma once

#include <QObject>

#include <cstdint>
#include <optional>

namespace seqscope::ui {

struct StreamRef {
    enum class Kind : std::uint8_t { None, Tcp, Udp };
    Kind kind = Kind::None;
    std::uint32_t id = 0;

    static StreamRef tcp(std::uint32_t i) { return {Kind::Tcp, i}; }
    static StreamRef udp(std::uint32_t i) { return {Kind::Udp, i}; }
    [[nodiscard]] bool valid() const { return kind != Kind::None; }
    bool operator==(const StreamRef&) const = default;
};

// Absolute nanoseconds since the epoch, [begin, end].
struct TimeRange {
    std::int64_t begin_ns = 0;
    std::int64_t end_ns = 0;
    bool operator==(const TimeRange&) const = default;
};

class SelectionHub : public QObject {
    Q_OBJECT
public:
    explicit SelectionHub(QObject* parent = nullptr);

    // 0-based packet index, or nothing.
    [[nodiscard]] std::optional<std::size_t> currentPacket() const { return packet_; }
    [[nodiscard]] StreamRef currentStream() const { return stream_; }
    [[nodiscard]] std::optional<TimeRange> timeRange() const { return range_; }
    // The time cursor shared by the timeline, the ladder and the graphs: absolute
    // nanoseconds since the epoch, or nothing when no view has placed it.
    [[nodiscard]] std::optional<std::int64_t> cursorTime() const { return cursor_; }

    void setCurrentPacket(std::optional<std::size_t> index);
    void setCurrentStream(StreamRef stream);
    // A packet and the stream it belongs to, in one step (the packet list's click).
    void selectPacket(std::size_t index, StreamRef stream);
    void setTimeRange(std::optional<TimeRange> range);
    void setCursorTime(std::optional<std::int64_t> time_ns);
    // A new capture: everything back to nothing selected.
    void clear();

Q_SIGNALS:
    void currentPacketChanged();
    void currentStreamChanged();
    void timeRangeChanged();
    void cursorTimeChanged();

private:
    std::optional<std::size_t> packet_;
    StreamRef stream_;
    std::optional<TimeRange> range_;
    std::optional<std::int64_t> cursor_;
};

}  // namespace seqscope::ui
