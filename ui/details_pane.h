// SPDX-License-Identifier: GPL-3.0-or-later
// The packet details pane: the field tree of the selected packet (pass two with
// labels), one row per visible FieldNode, nested as the tree is. Selecting a field
// reports its byte range so the bytes pane can highlight it. Which protocols the
// user expanded is remembered across packets, as in Wireshark.
#pragma once

#include <QSet>
#include <QString>
#include <QTreeView>

#include <cstddef>
#include <optional>

class QStandardItemModel;

namespace seqscope {
class CaptureSession;
}

namespace seqscope::ui {

class DetailsPane : public QTreeView {
    Q_OBJECT
public:
    explicit DetailsPane(QWidget* parent = nullptr);

    // Shows packet `index` of `session`, or nothing.
    void showPacket(const CaptureSession* session, std::optional<std::size_t> index);
    [[nodiscard]] QStandardItemModel* fieldModel() const { return model_; }
    // Subtrees to open on every packet, by field-name path: "tcp", "tcp/tcp.flags".
    void setExpandedPaths(const QSet<QString>& paths) { expanded_ = paths; }
    [[nodiscard]] QSet<QString> expandedPaths() const { return expanded_; }

Q_SIGNALS:
    // The selected field's bytes in the frame; length 0 when it has none.
    void fieldSelected(int offset, int length);

private:
    void onCurrentChanged(const QModelIndex& current);
    static QString expandKey(const QModelIndex& index);

    QStandardItemModel* model_;
    QSet<QString> expanded_;  // keys of subtrees the user opened
};

}  // namespace seqscope::ui
