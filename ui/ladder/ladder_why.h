// SPDX-License-Identifier: GPL-3.0-or-later
// The ladder's words: what an arrow means in plain language (the "Why?" panel),
// its hover tooltip, and the predict-next-Ack quiz. All of it is read from the
// arrow's data in core (equation, whys, window_why, next_seq_why, states); no
// protocol reasoning happens here.
#pragma once

#include "ladder/ladder.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace seqscope::ui {

// Rich text for the Why panel: header, plain-words explanation, the equation
// large, and the relative → raw conversion.
QString whyHtml(const Ladder& ladder, std::size_t index);
// Rich text for the hover tooltip (shorter).
QString arrowTooltip(const Ladder& ladder, std::size_t index);

// Predict mode: the next arrow after `after` whose Ack acknowledges new data (it
// has an equation), or the first one when `after` is empty.
std::optional<std::size_t> nextQuizArrow(const Ladder& ladder, std::optional<std::size_t> after);
// The question for quiz arrow `index` ("Frame 6 carries Seq 1 and Len 8 ...").
QString quizQuestion(const Ladder& ladder, std::size_t index);

struct QuizVerdict {
    bool right = false;
    QString text;  // "✓ right: Ack 9 = 1 + 8, sent in frame 7"
};
// Checks a typed answer; empty or non-numeric answers are wrong with a hint.
QuizVerdict checkQuizAnswer(const Ladder& ladder, std::size_t index, const QString& answer);

}  // namespace seqscope::ui
