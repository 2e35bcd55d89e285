// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "OverrideDialog.h"

#include "ui_OverrideDialog.h"

#include <QPushButton>

namespace cis::gui {

OverrideDialog::OverrideDialog(const QString &memberName, const MemberOverride &current,
                               std::optional<QDate> membershipEnd, QDate today, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::OverrideDialog>())
    , m_current(current)
{
    setUp(memberName, today);
    if (!membershipEnd)
        m_ui->membershipLabel->setText(tr("No current membership in Cardskipper."));
    else if (*membershipEnd < today)
        m_ui->membershipLabel->setText(
            tr("Membership in Cardskipper ended %1.").arg(membershipEnd->toString(Qt::ISODate)));
    else
        m_ui->membershipLabel->setText(
            tr("Membership in Cardskipper ends %1.").arg(membershipEnd->toString(Qt::ISODate)));
}

OverrideDialog::OverrideDialog(const QString &memberName, const MemberOverride &current,
                               QDate today, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::OverrideDialog>())
    , m_current(current)
{
    setUp(memberName, today);
    m_ui->membershipLabel->hide();
}

void OverrideDialog::setUp(const QString &memberName, QDate today)
{
    m_ui->setupUi(this);
    m_ui->memberLabel->setText(tr("Override for <b>%1</b>").arg(memberName.toHtmlEscaped()));
    m_ui->allowDate->setMinimumDate(today);
    m_ui->allowDate->setMaximumDate(QDate(2037, 12, 31));
    m_ui->allowDate->setDate(m_current.allowUntil.isValid() ? m_current.allowUntil
                                                            : today.addMonths(1));
    // A block wins over an allow-until (the Planner's rule), so a stored pair reads as a block.
    if (m_current.blocked)
        m_ui->blockRadio->setChecked(true);
    else if (m_current.allowUntil.isValid())
        m_ui->allowRadio->setChecked(true);
    else
        m_ui->noOverrideRadio->setChecked(true);
    m_ui->noteEdit->setText(m_current.note);

    if (QPushButton *save = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        save->setText(tr("&Save"));
    m_applyNowButton = m_ui->buttonBox->addButton(tr("Apply &now"), QDialogButtonBox::AcceptRole);
    m_applyNowButton->setToolTip(
        tr("Save, and write this member to every door now instead of at the next sync"));
    // clicked comes before accepted, so the flag is set when the dialog closes.
    connect(m_ui->buttonBox, &QDialogButtonBox::clicked, this,
            [this](QAbstractButton *button) { m_applyNow = button == m_applyNowButton; });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QRadioButton *radio : {m_ui->noOverrideRadio, m_ui->allowRadio, m_ui->blockRadio})
        connect(radio, &QRadioButton::toggled, this, &OverrideDialog::updateEnabled);
    updateEnabled();
}

OverrideDialog::~OverrideDialog() = default;

void OverrideDialog::updateEnabled()
{
    m_ui->allowDate->setEnabled(m_ui->allowRadio->isChecked());
    // A note alone is no override: it would be dropped.
    m_ui->noteEdit->setEnabled(!m_ui->noOverrideRadio->isChecked());
}

MemberOverride OverrideDialog::result() const
{
    MemberOverride edited;
    edited.member = m_current.member;
    if (m_ui->allowRadio->isChecked())
        edited.allowUntil = m_ui->allowDate->date();
    edited.blocked = m_ui->blockRadio->isChecked();
    if (!m_ui->noOverrideRadio->isChecked())
        edited.note = m_ui->noteEdit->text().trimmed();
    return edited;
}

} // namespace cis::gui
