// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The main table: one row per planned action, the Cardskipper member on the left and the
// person on the door terminal on the right. Every display string is computed once in setPlan()
// so that a 10,000-row plan scrolls and sorts without recomputing anything.

#include "SyncTypes.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QList>
#include <QString>

namespace cis::gui {

class PairModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        MemberName,
        MemberEmail,
        MemberNumber,
        Status,
        EmployeeNo,
        PersonName,
        PersonValidUntil,
        ColumnCount
    };
    Q_ENUM(Column)

    enum StatusGroup
    {
        InSync,
        WillCreate,
        WillExtend,
        WillRevoke,
        Held,
        Conflict,
        Suggested,
        NoAccess,
        NotManaged
    };
    Q_ENUM(StatusGroup)

    enum Role
    {
        StatusGroupRole = Qt::UserRole + 1, // int (StatusGroup)
        ActionKindRole,                     // int (cis::ActionKind)
        MemberIdRole,                       // qint64 organisationMemberId, invalid without member
        EmployeeNoRole,                     // QString
        SearchTextRole,                     // QString, normalised, for the filter
        ReasonRole,                         // QString: the action's reason
        SortRole,                           // QVariant used by PairFilterModel for sorting
    };
    Q_ENUM(Role)

    explicit PairModel(QObject *parent = nullptr);

    void setPlan(const Plan &plan, const QList<Member> &members);
    const Plan &plan() const { return m_plan; }
    const QList<Member> &members() const { return m_members; }

    const PlannedAction *actionAt(int row) const;
    int countOf(StatusGroup group) const;
    static QString groupName(StatusGroup group);
    static StatusGroup groupOf(const PlannedAction &action, bool guardHeld);
    static QColor groupColor(StatusGroup group);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString text[ColumnCount];
        QString toolTip;
        QString searchText;
        StatusGroup group = InSync;
        qint64 memberNumber = -1;   // -1: no member
        qint64 employeeNumber = -1; // -1: not numeric
    };

    Row makeRow(const PlannedAction &action) const;

    Plan m_plan;
    QList<Member> m_members;
    QHash<MemberKey, int> m_memberIndex;
    QList<Row> m_rows;
    int m_counts[NotManaged + 1] = {};
};

} // namespace cis::gui
