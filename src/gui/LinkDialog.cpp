// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "LinkDialog.h"

#include "RoomyRowDelegate.h"
#include "Validity.h"
#include "ui_LinkDialog.h"

#include <QCompleter>
#include <QKeyEvent>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <algorithm>

namespace cis::gui {

namespace {

constexpr int kMemberIndexRole = Qt::UserRole + 1;

} // namespace

LinkDialog::LinkDialog(const Person &person, const QList<Member> &members, EffectOf effectOf,
                       QWidget *parent)
    : LinkDialog(person, members, QDate::currentDate(), std::move(effectOf), parent)
{}

LinkDialog::LinkDialog(const Person &person, const QList<Member> &members, QDate today,
                       EffectOf effectOf, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::LinkDialog>())
    , m_members(members)
    , m_personName(person.name)
    , m_today(today)
    , m_effectOf(std::move(effectOf))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    m_ui->setupUi(this);
    m_ui->personLabel->setText(
        tr("Person on the door: <b>%1</b> (employee no. %2). Which Cardskipper member is this?")
            .arg(person.name.toHtmlEscaped(), person.employeeNo.toHtmlEscaped()));
    m_ui->warningLabel->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_ui->warningLabel->hide();
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
    m_ui->candidateView->setItemDelegate(new RoomyRowDelegate(m_ui->candidateView));
    emails.removeDuplicates();
    auto *completer = new QCompleter(emails, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_ui->memberEdit->setCompleter(completer);
    m_ui->memberEdit->installEventFilter(this);
    connect(m_ui->memberEdit, &QLineEdit::textChanged, this, &LinkDialog::filter);
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
            &LinkDialog::chooseEmail);
    connect(m_ui->candidateView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LinkDialog::updateEffect);
    connect(m_ui->candidateView, &QAbstractItemView::doubleClicked, this, [this] {
        if (selected())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Link"));
    // The person's name narrows the list to the likely members, but the choice stays the
    // administrator's: a namesake is not the same human.
    m_proxy->setFilterFixedString(person.name.trimmed());
    if (m_proxy->rowCount() == 0) {
        m_proxy->setFilterFixedString(QString());
    } else {
        const QSignalBlocker blocker(m_ui->memberEdit);
        m_ui->memberEdit->setText(person.name);
    }
    updateEffect();
}

LinkDialog::~LinkDialog() = default;

void LinkDialog::filter(const QString &text)
{
    m_proxy->setFilterFixedString(text.trimmed());
    updateEffect();
}

void LinkDialog::setFilterText(const QString &text)
{
    if (m_ui->memberEdit->text() != text) {
        const QSignalBlocker blocker(m_ui->memberEdit);
        m_ui->memberEdit->setText(text);
    }
    filter(text);
    if (m_proxy->rowCount() > 0)
        m_ui->candidateView->setCurrentIndex(m_proxy->index(0, 0));
    updateEffect();
}

void LinkDialog::chooseEmail(const QString &email)
{
    // Picking an email from the completion is a choice, unless the email is shared (a family):
    // then the list shows who has it and the administrator picks one.
    filter(email);
    QModelIndex only;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const Member &member = m_members.at(index.data(kMemberIndexRole).toInt());
        if (member.email.trimmed().compare(email.trimmed(), Qt::CaseInsensitive) != 0)
            continue;
        if (only.isValid())
            return;
        only = index;
    }
    if (only.isValid())
        m_ui->candidateView->setCurrentIndex(only);
}

bool LinkDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the search field walks into the list, picking its first member: the keyboard
    // way to choose.
    if (watched == m_ui->memberEdit && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_proxy->rowCount() > 0 &&
        !(m_ui->memberEdit->completer() && m_ui->memberEdit->completer()->popup() &&
          m_ui->memberEdit->completer()->popup()->isVisible())) {
        m_ui->candidateView->setFocus(Qt::TabFocusReason);
        if (!selected())
            m_ui->candidateView->setCurrentIndex(m_proxy->index(0, 0));
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

const Member *LinkDialog::selected() const
{
    // The selection, not the current index: a list that gets the focus makes its first row
    // current without anyone choosing it.
    const QModelIndexList rows = m_ui->candidateView->selectionModel()->selectedIndexes();
    if (rows.isEmpty())
        return nullptr;
    return &m_members.at(rows.first().data(kMemberIndexRole).toInt());
}

std::optional<MemberKey> LinkDialog::selectedMember() const
{
    const Member *member = selected();
    return member ? std::optional<MemberKey>(member->key) : std::nullopt;
}

void LinkDialog::updateEffect()
{
    const Member *member = selected();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(member != nullptr);
    updateWarning(member);
    if (!member) {
        m_effectMember.reset();
        ++m_effectRequest; // an answer still on its way is for a member no longer chosen
        m_ui->effectLabel->setText(
            m_proxy->rowCount() == 0
                ? tr("No member matches; type part of the email or the name.")
                : tr("Choose the member in the list to see what the link changes."));
        return;
    }
    if (m_effectMember == member->key)
        return; // asked already; the answer is shown or on its way
    m_effectMember = member->key;
    m_ui->effectLabel->setText(tr("Working out what the link changes on the door…"));
    if (!m_effectOf)
        return;
    const quint64 request = ++m_effectRequest;
    QPointer<LinkDialog> self(this);
    m_effectOf(*member, [self, request](const QString &sentence) {
        if (self && request == self->m_effectRequest)
            self->m_ui->effectLabel->setText(sentence);
    });
}

void LinkDialog::updateWarning(const Member *member)
{
    QString warning;
    if (member) {
        const QString name = member->displayName();
        const qint64 organisation = member->key.organisationId;
        switch (membershipState(*member, organisation, m_today)) {
        case MembershipState::Active:
            break;
        case MembershipState::Inactive:
            warning = tr("%1 is marked inactive in Cardskipper: once linked, %2 loses access to "
                         "the door at the next sync.")
                          .arg(name, m_personName);
            break;
        case MembershipState::Upcoming: {
            const std::optional<DatePeriod> next =
                effectivePeriod(member->rolesIn(organisation), m_today);
            warning = tr("%1's membership in Cardskipper starts %2: once linked, %3 loses access "
                         "to the door at the next sync, until then.")
                          .arg(name, next ? next->start.toString(Qt::ISODate) : QStringLiteral("?"),
                               m_personName);
            break;
        }
        case MembershipState::Expired:
        case MembershipState::None:
            warning = tr("%1 has no current membership in Cardskipper: once linked, %2 loses "
                         "access to the door at the next sync.")
                          .arg(name, m_personName);
            break;
        }
    }
    m_ui->warningLabel->setText(warning);
    m_ui->warningLabel->setVisible(!warning.isEmpty());
}

} // namespace cis::gui
