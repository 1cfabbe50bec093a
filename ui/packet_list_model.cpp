// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/packet_list_model.h"

#include "session/capture_session.h"
#include "ui/roles.h"

#include <limits>

namespace seqscope::ui {

PacketListModel::PacketListModel(QObject* parent) : QAbstractTableModel(parent) {}
PacketListModel::~PacketListModel() = default;

void PacketListModel::setSession(std::shared_ptr<const CaptureSession> session) {
    beginResetModel();
    session_ = std::move(session);
    rows_ = 0;
    cache_.clear();
    ++generation_;
    endResetModel();
}

void PacketListModel::setPacketCount(std::size_t count) {
    if (!session_) return;
    // A view works in ints: beyond INT_MAX rows the list stops growing, the
    // engine keeps the rest.
    const int target = static_cast<int>(std::min<std::size_t>(count, std::numeric_limits<int>::max()));
    if (target <= rows_) return;
    beginInsertRows({}, rows_, target - 1);
    rows_ = target;
    endInsertRows();
}

void PacketListModel::invalidate() {
    cache_.clear();
    ++generation_;
    if (rows_ > 0) Q_EMIT dataChanged(index(0, 0), index(rows_ - 1, ColumnCount - 1));
}

int PacketListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_; }

int PacketListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const PacketRow& PacketListModel::row(std::size_t index) const {
    if (const PacketRow* r = cache_.find(index)) return *r;
    return cache_.insert(index, packet_row(*session_, index));
}

QVariant PacketListModel::data(const QModelIndex& index, int role) const {
    if (!session_ || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto i = static_cast<std::size_t>(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        if (index.column() == NumberColumn) return static_cast<qint64>(i + 1);
        const PacketRow& r = row(i);
        switch (index.column()) {
        case TimeColumn: return QString::fromStdString(r.time);
        case SourceColumn: return QString::fromStdString(r.columns.src);
        case DestinationColumn: return QString::fromStdString(r.columns.dst);
        case ProtocolColumn: return QString::fromStdString(r.columns.protocol);
        case LengthColumn: return static_cast<qint64>(r.length);
        case InfoColumn: return QString::fromStdString(r.columns.info);
        default: return {};
        }
    }
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == TimeColumn || index.column() == LengthColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case PacketIndexRole: return static_cast<qint64>(i);
    case FrameNumberRole: return static_cast<qint64>(i + 1);
    case TimestampNsRole: return static_cast<qint64>(session_->store().record(i).ts_ns);
    case TcpStreamRole: {
        const PacketRow& r = row(i);
        return r.tcp_stream ? QVariant(static_cast<qint64>(r.tcp_stream->value)) : QVariant();
    }
    case UdpStreamRole: {
        const PacketRow& r = row(i);
        return r.udp_stream ? QVariant(static_cast<qint64>(r.udp_stream->value)) : QVariant();
    }
    case PacketStatusRole: return static_cast<int>(row(i).status);
    default: return {};
    }
}

QVariant PacketListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::TextAlignmentRole && (section == NumberColumn || section == TimeColumn || section == LengthColumn))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case NumberColumn: return QStringLiteral("No.");
    case TimeColumn: return QStringLiteral("Time");
    case SourceColumn: return QStringLiteral("Source");
    case DestinationColumn: return QStringLiteral("Destination");
    case ProtocolColumn: return QStringLiteral("Protocol");
    case LengthColumn: return QStringLiteral("Length");
    case InfoColumn: return QStringLiteral("Info");
    default: return {};
    }
}

}  // namespace seqscope::ui
