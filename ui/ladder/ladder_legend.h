// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder's legend panel: arrow kinds, the annotations (+1, equation chip,
// piggybacked) and the state colours, drawn with the ladder's own pieces.
#pragma once

#include <QWidget>

namespace seqscope::ui {

class LadderLegend : public QWidget {
    Q_OBJECT
public:
    explicit LadderLegend(QWidget* parent = nullptr);
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

}  // namespace seqscope::ui
