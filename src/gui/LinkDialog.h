// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Member.h"
#include "Person.h"

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
// type) or name, and see what the link will change on the door before confirming.
class LinkDialog : public QDialog
{
    Q_OBJECT

public:
    // Shows a sentence in the dialog; may be called later (the plan is computed elsewhere).
    using EffectCallback = std::function<void(const QString &sentence)>;
    // effectOf works out what linking the person to that member changes and hands the sentence
    // to the callback, now or later; only the answer for the current candidate is shown.
    using EffectOf = std::function<void(const Member &member, EffectCallback show)>;

    LinkDialog(const Person &person, const QList<Member> &members, EffectOf effectOf,
               QWidget *parent = nullptr);
    ~LinkDialog() override;

    std::optional<MemberKey> selectedMember() const;
    // For tests and keyboard users: pick the first candidate matching the text.
    void setFilterText(const QString &text);

private:
    void updateEffect();

    std::unique_ptr<Ui::LinkDialog> m_ui;
    QList<Member> m_members;
    EffectOf m_effectOf;
    quint64 m_effectRequest = 0;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
};

} // namespace cis::gui
