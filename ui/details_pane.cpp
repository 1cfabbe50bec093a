// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/details_pane.h"

#include "decode/field_tree.h"
#include "session/capture_session.h"
#include "ui/roles.h"

#include <QHeaderView>
#include <QStandardItemModel>

#include <vector>

namespace seqscope::ui {

DetailsPane::DetailsPane(QWidget* parent) : QTreeView(parent), model_(new QStandardItemModel(this)) {
    setModel(model_);
    setHeaderHidden(true);
    setUniformRowHeights(true);
    setEditTriggers(NoEditTriggers);
    setSelectionMode(SingleSelection);
    header()->setStretchLastSection(true);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    connect(this, &QTreeView::expanded, this, [this](const QModelIndex& i) { expanded_.insert(expandKey(i)); });
    connect(this, &QTreeView::collapsed, this, [this](const QModelIndex& i) { expanded_.remove(expandKey(i)); });
}

// A subtree is known by its field name (or its text, for a text-only line) and
// those of its ancestors, so "tcp/tcp.flags" stays open from packet to packet.
QString DetailsPane::expandKey(const QModelIndex& index) {
    QString key;
    for (QModelIndex i = index; i.isValid(); i = i.parent()) {
        QString part = i.data(FieldAbbrevRole).toString();
        if (part.isEmpty()) part = i.data(Qt::DisplayRole).toString().section(QLatin1Char(':'), 0, 0);
        if (key.isEmpty()) key = part;
        else key = part % QLatin1Char('/') % key;
    }
    return key;
}

void DetailsPane::showPacket(const CaptureSession* session, std::optional<std::size_t> index) {
    model_->clear();
    if (session == nullptr || !index || *index >= session->packet_count()) {
        Q_EMIT fieldSelected(0, 0);
        return;
    }
    FieldTree tree(true);
    session->dissect(*index, &tree, nullptr);

    // Nodes come in tree order with parent indices, so each parent's item exists
    // before its children. Hidden nodes (fields only -T fields prints) are skipped
    // with their subtrees.
    const auto& nodes = tree.nodes();
    std::vector<QStandardItem*> items(nodes.size(), nullptr);
    QStandardItem* root = model_->invisibleRootItem();
    for (std::size_t k = 0; k < nodes.size(); ++k) {
        const FieldNode& n = nodes[k];
        QStandardItem* parent = n.parent < 0 ? root : items[static_cast<std::size_t>(n.parent)];
        if (parent == nullptr || n.hidden || n.label.empty()) continue;
        auto* item = new QStandardItem(QString::fromStdString(n.label));
        item->setData(QString::fromLatin1(n.abbrev.data(), static_cast<qsizetype>(n.abbrev.size())), FieldAbbrevRole);
        item->setData(static_cast<int>(n.offset), ByteOffsetRole);
        item->setData(static_cast<int>(n.length), ByteLengthRole);
        item->setEditable(false);
        parent->appendRow(item);
        items[k] = item;
    }
    // Restore what the user had open (blocking the signals that would record it again).
    const QSet<QString> wanted = expanded_;
    std::vector<QModelIndex> stack;
    for (int r = 0; r < model_->rowCount(); ++r) stack.push_back(model_->index(r, 0));
    while (!stack.empty()) {
        const QModelIndex i = stack.back();
        stack.pop_back();
        if (!model_->hasChildren(i) || !wanted.contains(expandKey(i))) continue;
        expand(i);
        for (int r = 0; r < model_->rowCount(i); ++r) stack.push_back(model_->index(r, 0, i));
    }
    expanded_ = wanted;
    Q_EMIT fieldSelected(0, 0);
}

void DetailsPane::onCurrentChanged(const QModelIndex& current) {
    if (!current.isValid()) {
        Q_EMIT fieldSelected(0, 0);
        return;
    }
    Q_EMIT fieldSelected(current.data(ByteOffsetRole).toInt(), current.data(ByteLengthRole).toInt());
}

}  // namespace seqscope::ui
