// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTime>

namespace cis {

class Store;

// Visits per member and day for a date range: the desk's local days on which a member was let
// in at a door (any door, or one), from the stored events of the persons linked to members.
// The same report for the window's export and the CLI's `visits`.
class VisitReport
{
    Q_DECLARE_TR_FUNCTIONS(VisitReport)

public:
    struct Day
    {
        int entries = 0;
        QTime first;
    };
    struct MemberDays
    {
        QString name;
        QMap<QDate, Day> days;
    };

    static VisitReport build(const Store &store, qint64 organisationId, QDate from, QDate to,
                             const QString &deviceId = {});

    QDate from;
    QDate to;
    QMap<qint64, MemberDays> members; // by member number
    int unlinkedEntries = 0;          // entries of persons not linked to a member: not counted

    // Member, member number, day, entries, first entry: a header row, then a row per day.
    QList<QStringList> table() const;
};

} // namespace cis
