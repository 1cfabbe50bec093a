// SPDX-License-Identifier: GPL-3.0-or-later
// "Predict next Ack": the quiz box of the ladder. It shows the question for the
// quiz arrow, takes a typed number, and after Check says right or wrong with the
// equation; the canvas hides that arrow's Ack until then. The words come from
// ladder_why.h; this is only the widget.
#pragma once

// moc cannot parse the C++20 standard headers core pulls in; it needs none of them.
#ifndef Q_MOC_RUN
#include "ladder/ladder.h"
#endif

#include <QWidget>

#include <cstddef>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace seqscope::ui {

class LadderPredictPanel : public QWidget {
    Q_OBJECT
public:
    explicit LadderPredictPanel(QWidget* parent = nullptr);

    // A new question (or none: "no Ack left to predict").
    void ask(const Ladder* ladder, std::optional<std::size_t> arrow);
    [[nodiscard]] std::optional<std::size_t> arrow() const { return arrow_; }
    [[nodiscard]] bool revealed() const { return revealed_; }
    // Types `answer` and checks it, as the user would. Returns whether it was right.
    bool submit(const QString& answer);
    [[nodiscard]] QString verdictText() const;
    [[nodiscard]] QLineEdit* answerEdit() const { return answer_; }

Q_SIGNALS:
    // The answer was checked: the canvas shows the Ack again.
    void answered(std::size_t arrow, bool right);
    // "Next": move to the quiz arrow (and from there to the next question).
    void nextRequested(std::size_t arrow);

private:
    void check();

    const Ladder* ladder_ = nullptr;
    std::optional<std::size_t> arrow_;
    bool revealed_ = false;
    QLabel* question_;
    QLineEdit* answer_;
    QPushButton* check_;
    QPushButton* next_;
    QLabel* verdict_;
};

}  // namespace seqscope::ui
