// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "LinkDialog.h"

#include "ui_LinkDialog.h"

#include <QCompleter>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>

namespace cis::gui {

namespace {
constexpr int kMemberIndexRole = Qt::UserRole + 1;
}

LinkDialog::LinkDialog(const Person &person, const QList<Member> &members, EffectOf effectOf,
                       QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LinkDialog>())
    , m_members(members)
    , m_effectOf(std::move(effectOf))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_ui->personLabel->setText(
        tr("Person on the door: <b>%1</b> (employee no. %2). Which Cardskipper member is this?")
            .arg(person.name.toHtmlEscaped(), person.employeeNo.toHtmlEscaped()));
    QStringList emails;
    for (int i = 0; i < m_members.size(); ++i) {
        const Member &member = m_members.at(i);
        const QString email = member.email.trimmed();
        auto *item = new QStandardItem(email.isEmpty() ? tr("%1 (no. %2, no email)")
                                                             .arg(member.displayName())
                                                             .arg(member.key.organisationMemberId)
                                                       : tr("%1 <%2> (no. %3)")
                                                             .arg(member.displayName(), email)
                                                             .arg(member.key.organisationMemberId));
        item->setData(i, kMemberIndexRole);
        item->setEditable(false);
        m_model->appendRow(item);
        if (!email.isEmpty())
            emails.append(email);
    }
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->sort(0);
    m_ui->candidateView->setModel(m_proxy);
    emails.removeDuplicates();
    auto *completer = new QCompleter(emails, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_ui->memberEdit->setCompleter(completer);
    connect(m_ui->memberEdit, &QLineEdit::textChanged, this, &LinkDialog::setFilterText);
    connect(m_ui->candidateView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LinkDialog::updateEffect);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Link"));
    setFilterText(person.name);
    if (m_proxy->rowCount() == 0)
        setFilterText({});
    updateEffect();
}

LinkDialog::~LinkDialog() = default;

void LinkDialog::setFilterText(const QString &text)
{
    if (m_ui->memberEdit->text() != text) {
        const QSignalBlocker blocker(m_ui->memberEdit);
        m_ui->memberEdit->setText(text);
    }
    m_proxy->setFilterFixedString(text.trimmed());
    if (m_proxy->rowCount() > 0)
        m_ui->candidateView->setCurrentIndex(m_proxy->index(0, 0));
    updateEffect();
}

std::optional<MemberKey> LinkDialog::selectedMember() const
{
    const QModelIndex current = m_ui->candidateView->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_members.at(current.data(kMemberIndexRole).toInt()).key;
}

void LinkDialog::updateEffect()
{
    const QModelIndex current = m_ui->candidateView->currentIndex();
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    if (!current.isValid()) {
        m_ui->effectLabel->setText(tr("No member matches; type part of the email or the name."));
        ok->setEnabled(false);
        return;
    }
    ok->setEnabled(true);
    const Member &member = m_members.at(current.data(kMemberIndexRole).toInt());
    m_ui->effectLabel->setText(tr("Working out what the link changes on the door…"));
    if (!m_effectOf)
        return;
    const quint64 request = ++m_effectRequest;
    QPointer<LinkDialog> self(this);
    m_effectOf(member, [self, request](const QString &sentence) {
        if (self && request == self->m_effectRequest)
            self->m_ui->effectLabel->setText(sentence);
    });
}

} // namespace cis::gui
