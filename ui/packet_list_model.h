// SPDX-License-Identifier: GPL-3.0-or-later
// The packet list: a thin table adapter over a CaptureSession. It stores nothing
// per packet: the row count is the published packet count, and a row's text is
// made in data() by pass two (packet_row) for the rows a view asks for, kept in a
// small LRU cache. A generation counter, bumped on every new session or format
// change, tells everyone holding row text that it is stale.
#pragma once

#include "format/packet_row.h"
#include "ui/row_cache.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <memory>

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class PacketListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column : int { NumberColumn, TimeColumn, SourceColumn, DestinationColumn, ProtocolColumn, LengthColumn, InfoColumn, ColumnCount };

    explicit PacketListModel(QObject* parent = nullptr);
    ~PacketListModel() override;

    // A new capture (or none): resets the model to zero rows.
    void setSession(std::shared_ptr<const CaptureSession> session);
    [[nodiscard]] const CaptureSession* session() const { return session_.get(); }
    // Shows the first `count` packets (the published prefix). Appends only; one
    // beginInsertRows/endInsertRows per call however many rows arrive.
    void setPacketCount(std::size_t count);
    [[nodiscard]] std::uint64_t generation() const { return generation_; }
    // Forgets cached text (a display setting changed) without losing rows.
    void invalidate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const PacketRow& row(std::size_t index) const;

    std::shared_ptr<const CaptureSession> session_;
    int rows_ = 0;
    std::uint64_t generation_ = 0;
    mutable RowCache<PacketRow> cache_{1024};
};

}  // namespace seqscope::ui
