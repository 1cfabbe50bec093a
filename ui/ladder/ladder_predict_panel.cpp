// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ladder/ladder_predict_panel.h"

#include "ui/ladder/ladder_why.h"

#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace seqscope::ui {

LadderPredictPanel::LadderPredictPanel(QWidget* parent)
    : QWidget(parent),
      question_(new QLabel),
      answer_(new QLineEdit),
      check_(new QPushButton(tr("Check"))),
      next_(new QPushButton(tr("Next \u25b6"))),
      verdict_(new QLabel) {
    question_->setWordWrap(true);
    question_->setTextFormat(Qt::RichText);
    verdict_->setWordWrap(true);
    verdict_->setTextFormat(Qt::RichText);
    answer_->setPlaceholderText(tr("Ack"));
    answer_->setMaximumWidth(110);
    answer_->setAccessibleName(tr("Predicted Ack number"));
    auto* row = new QHBoxLayout;
    row->addWidget(answer_);
    row->addWidget(check_);
    row->addWidget(next_);
    row->addStretch(1);
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(question_);
    box->addLayout(row);
    box->addWidget(verdict_);
    connect(check_, &QPushButton::clicked, this, [this] { check(); });
    connect(answer_, &QLineEdit::returnPressed, this, [this] { check(); });
    connect(next_, &QPushButton::clicked, this, [this] {
        if (arrow_) Q_EMIT nextRequested(*arrow_);
    });
    ask(nullptr, std::nullopt);
}

void LadderPredictPanel::ask(const Ladder* ladder, std::optional<std::size_t> arrow) {
    ladder_ = ladder;
    arrow_ = ladder ? arrow : std::nullopt;
    revealed_ = false;
    answer_->clear();
    verdict_->clear();
    const bool has = arrow_.has_value();
    answer_->setEnabled(has);
    check_->setEnabled(has);
    next_->setEnabled(false);
    question_->setText(has ? quizQuestion(*ladder_, *arrow_)
                           : tr("No Ack left to predict after the selected arrow: select an earlier one."));
}

bool LadderPredictPanel::submit(const QString& answer) {
    answer_->setText(answer);
    check();
    return revealed_ && verdict_->property("right").toBool();
}

QString LadderPredictPanel::verdictText() const { return verdict_->text(); }

void LadderPredictPanel::check() {
    if (!arrow_ || ladder_ == nullptr) return;
    const QuizVerdict v = checkQuizAnswer(*ladder_, *arrow_, answer_->text());
    verdict_->setProperty("right", v.right);
    // A non-number is a hint, not an answer: the Ack stays hidden.
    bool number = false;
    answer_->text().trimmed().toULongLong(&number);
    const QString colour = v.right ? QStringLiteral("#2e8b57") : QStringLiteral("#b03a2e");
    verdict_->setText(QStringLiteral("<span style=\"color:") + colour + QStringLiteral("\">") + v.text +
                      QStringLiteral("</span>"));
    if (!number) return;
    revealed_ = true;
    next_->setEnabled(true);
    Q_EMIT answered(*arrow_, v.right);
}

}  // namespace seqscope::ui
