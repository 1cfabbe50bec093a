// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/selection_hub.h"

namespace seqscope::ui {

SelectionHub::SelectionHub(QObject* parent) : QObject(parent) {}

void SelectionHub::setCurrentPacket(std::optional<std::size_t> index) {
    if (packet_ == index) return;
    packet_ = index;
    Q_EMIT currentPacketChanged();
}

void SelectionHub::setCurrentStream(StreamRef stream) {
    if (stream_ == stream) return;
    stream_ = stream;
    Q_EMIT currentStreamChanged();
}

void SelectionHub::selectPacket(std::size_t index, StreamRef stream) {
    // Stream first: a view showing the stream is ready when the packet arrives.
    setCurrentStream(stream);
    setCurrentPacket(index);
}

void SelectionHub::setTimeRange(std::optional<TimeRange> range) {
    if (range_ == range) return;
    range_ = range;
    Q_EMIT timeRangeChanged();
}

void SelectionHub::setCursorTime(std::optional<std::int64_t> time_ns) {
    if (cursor_ == time_ns) return;
    cursor_ = time_ns;
    Q_EMIT cursorTimeChanged();
}

void SelectionHub::clear() {
    setCurrentPacket(std::nullopt);
    setCurrentStream({});
    setTimeRange(std::nullopt);
    setCursorTime(std::nullopt);
}

}  // namespace seqscope::ui
