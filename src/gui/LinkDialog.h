// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Member.h"
#include "Person.h"

#include <QDate>
#include <QDialog>
#include <functional>
#include <memory>
#include <optional>

class QSortFilterProxyModel;
class QStandardItemModel;

namespace Ui {
class LinkDialog;
}

namespace cis::gui {

// "Link to member…": pick the member an unmatched door person is, by email (completed as you
// type) or name, and see what the link will change on the door before confirming. Nothing is
// chosen for the administrator: typing narrows the list, and Link waits for a member to be
// picked in it (or from the email completion). Picking a member without a current membership
// warns that the person loses access.
class LinkDialog : public QDialog
{
    Q_OBJECT

public:
    // Shows a sentence in the dialog; may be called later (the plan is computed elsewhere).
    using EffectCallback = std::function<void(const QString &sentence)>;
    // effectOf works out what linking the person to that member changes and hands the sentence
    // to the callback, now or later; only the answer for the current candidate is shown.
    using EffectOf = std::function<void(const Member &member, EffectCallback show)>;

    // today decides whether a member's membership is current (the window's Clock).
    LinkDialog(const Person &person, const QList<Member> &members, QDate today, EffectOf effectOf,
               QWidget *parent = nullptr);
    // As above, today from the system clock.
    LinkDialog(const Person &person, const QList<Member> &members, EffectOf effectOf,
               QWidget *parent = nullptr);
    ~LinkDialog() override;

    // The member picked, if any.
    std::optional<MemberKey> selectedMember() const;
    // For tests and keyboard users: shows the candidates matching the text and picks the first.
    void setFilterText(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter(const QString &text);
    void chooseEmail(const QString &email);
    const Member *selected() const;
    void updateEffect();
    void updateWarning(const Member *member);

    std::unique_ptr<Ui::LinkDialog> m_ui;
    QList<Member> m_members;
    QString m_personName;
    QDate m_today;
    EffectOf m_effectOf;
    quint64 m_effectRequest = 0;
    std::optional<MemberKey> m_effectMember; // whose effect was asked for last
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace cis::gui
