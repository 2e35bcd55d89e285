// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "OverrideDialog.h"

#include "ui_OverrideDialog.h"

namespace cis::gui {

OverrideDialog::OverrideDialog(const QString &memberName, const MemberOverride &current,
                               QDate today, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::OverrideDialog>())
    , m_current(current)
{
    m_ui->setupUi(this);
    m_ui->memberLabel->setText(tr("Override for <b>%1</b>").arg(memberName.toHtmlEscaped()));
    m_ui->allowCheck->setChecked(current.allowUntil.isValid());
    m_ui->allowDate->setMinimumDate(today);
    m_ui->allowDate->setMaximumDate(QDate(2037, 12, 31));
    m_ui->allowDate->setDate(current.allowUntil.isValid() ? current.allowUntil
                                                          : today.addMonths(1));
    m_ui->allowDate->setEnabled(m_ui->allowCheck->isChecked());
    m_ui->blockCheck->setChecked(current.blocked);
    m_ui->noteEdit->setText(current.note);
    connect(m_ui->allowCheck, &QCheckBox::toggled, m_ui->allowDate, &QWidget::setEnabled);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

OverrideDialog::~OverrideDialog() = default;

MemberOverride OverrideDialog::result() const
{
    MemberOverride edited;
    edited.member = m_current.member;
    edited.allowUntil = m_ui->allowCheck->isChecked() ? m_ui->allowDate->date() : QDate();
    edited.blocked = m_ui->blockCheck->isChecked();
    edited.note = m_ui->noteEdit->text().trimmed();
    if (!edited.allowUntil.isValid() && !edited.blocked)
        edited.note.clear(); // a note alone is no override
    return edited;
}

} // namespace cis::gui
