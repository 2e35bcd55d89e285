// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The main table: one row per planned action, the Cardskipper member on the left and the
// person on the door terminal on the right. Every display string is computed once in setPlan()
// so that a 10,000-row plan scrolls and sorts without recomputing anything.

#include "AccessEvent.h"
#include "SyncTypes.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
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
        Credentials, // what the door holds for the person: card, face, both, none
        EmployeeNo,
        PersonName,
        MembershipEnds,
        PersonValidUntil,
        LastVisit,
        RecentVisits,
        ColumnCount
    };
    Q_ENUM(Column)

    enum StatusGroup
    {
        InSync,
        WillCreate,
        WillExtend,
        WillShorten,
        WillRename,
        WillRevoke,
        Held,
        Conflict,
        Suggested,
        NoAccess,
        OnDoorOnly, // unlinked persons: on the door, not in Cardskipper
        Staff,      // the door's administrators and persons the desk marked as never ours
        GroupCount
    };
    // Not a status: the filter button for members with an allow-until or a block.
    static constexpr int OverridesFilter = 100;
    // Nor this: members who may enter but whose person holds no card and no face.
    static constexpr int NoCredentialFilter = 101;
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
        RowKeyRole,       // QString "m:<member no.>" or "p:<employee no.>": stable across plans
        HasOverrideRole,  // bool
        NoCredentialRole, // bool: may enter, but the door holds no card and no face for them
        SuggestedEmployeeNoRole, // QString: the door person shown beside a suggested member
    };

    // What the model needs besides the plan: the day (for "Membership ends"), the desk's
    // overrides, and which unlinked persons are staff.
    struct Context
    {
        QDate today;
        QHash<MemberKey, MemberOverride> overrides;
        QSet<QString> staffEmployeeNos; // on this door
        // By member number: the last entry at any door, and the days with one lately.
        QHash<qint64, MemberVisits> visits;
    };
    static constexpr int RecentVisitDays = 30;
    Q_ENUM(Role)

    explicit PairModel(QObject *parent = nullptr);

    void setPlan(const Plan &plan, const QList<Member> &members, const Context &context = {});
    // The door's state for the rows that say "in sync": problem empty means it answers, and
    // asOf is the last time it did; a problem ("door unreachable since 14:05") turns them red.
    void setDoorState(const QString &problem, const QDateTime &asOf);
    // New door events: the visit columns change, nothing else.
    void setVisits(const QHash<qint64, MemberVisits> &visits);
    QString doorProblem() const { return m_doorProblem; }
    const Plan &plan() const { return m_plan; }
    const QList<Member> &members() const { return m_members; }

    const PlannedAction *actionAt(int row) const;
    // The suggestion a row shows side by side (member with the door person), if any.
    const Suggestion *suggestionAt(int row) const;
    // The door person beside a suggested member.
    const Person *suggestedPersonAt(int row) const;
    const MemberOverride *overrideAt(int row) const;
    static QString rowKey(const PlannedAction &action);
    int countOf(StatusGroup group) const;
    int countWithOverride() const;
    int countWithoutCredential() const;
    // "14:05" on today (the caller's clock), else "2026-12-01 14:05".
    static QString shortTime(const QDateTime &time, QDate today);
    static QString overrideToolTip(const MemberOverride &memberOverride);
    // "Card", "Face", "Card and face", "None", or "Not reported" when the terminal did not say.
    static QString credentialsText(const Person &person);
    // The status dot of a member who may enter but holds no card and no face.
    static QColor noCredentialColor();
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
        int recentVisits = -1;      // -1: no member
        int actionIndex = -1;       // in m_plan.actions
        int suggestionIndex = -1;   // in m_plan.suggestions, for side-by-side rows
        int personActionIndex = -1; // the suggested person's own action
        QString key;
        bool hasOverride = false;
        bool noCredential = false; // may enter, but holds neither card nor face
    };

    Row makeRow(const PlannedAction &action) const;
    void applyVisits(Row &row) const;
    QString statusText(const Row &row) const;
    QColor statusColor(const Row &row) const;

    Plan m_plan;
    QList<Member> m_members;
    QHash<MemberKey, int> m_memberIndex;
    QList<Row> m_rows;
    Context m_context;
    int m_counts[GroupCount] = {};
    QString m_doorProblem;
    QDateTime m_doorAsOf;
};

} // namespace cis::gui
