// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui_test_support.h"

#include "ui/selection_hub.h"

#include <QSignalSpy>

namespace seqscope::ui {
namespace {

TEST(SelectionHub, SignalsOnlyRealChanges) {
    test::app();
    SelectionHub hub;
    QSignalSpy packet(&hub, &SelectionHub::currentPacketChanged);
    QSignalSpy stream(&hub, &SelectionHub::currentStreamChanged);
    QSignalSpy range(&hub, &SelectionHub::timeRangeChanged);
    QSignalSpy cursor(&hub, &SelectionHub::cursorTimeChanged);

    hub.selectPacket(5, StreamRef::tcp(2));
    EXPECT_EQ(packet.count(), 1);
    EXPECT_EQ(stream.count(), 1);
    hub.selectPacket(5, StreamRef::tcp(2));  // a view echoing the selection back
    EXPECT_EQ(packet.count(), 1);
    EXPECT_EQ(stream.count(), 1);
    hub.selectPacket(6, StreamRef::tcp(2));  // same stream, next packet
    EXPECT_EQ(packet.count(), 2);
    EXPECT_EQ(stream.count(), 1);
    hub.selectPacket(7, StreamRef::udp(2));  // udp 2 is not tcp 2
    EXPECT_EQ(stream.count(), 2);
    EXPECT_EQ(hub.currentStream(), StreamRef::udp(2));

    hub.setTimeRange(TimeRange{10, 20});
    hub.setTimeRange(TimeRange{10, 20});
    EXPECT_EQ(range.count(), 1);

    hub.setCursorTime(1'500'000'000);
    hub.setCursorTime(1'500'000'000);  // the timeline echoing the ladder's cursor
    EXPECT_EQ(cursor.count(), 1);
    EXPECT_EQ(hub.cursorTime(), 1'500'000'000);

    hub.clear();
    EXPECT_FALSE(hub.currentPacket().has_value());
    EXPECT_FALSE(hub.currentStream().valid());
    EXPECT_FALSE(hub.timeRange().has_value());
    EXPECT_EQ(packet.count(), 4);
    EXPECT_EQ(range.count(), 2);
    EXPECT_FALSE(hub.cursorTime().has_value());
    EXPECT_EQ(cursor.count(), 2);
}

}  // namespace
}  // namespace seqscope::ui
