// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "VisitReport.h"

#include "EventExplanation.h"
#include "Store.h"

namespace cis {

VisitReport VisitReport::build(const Store &store, qint64 organisationId, QDate from, QDate to,
                               const QString &deviceId)
{
    VisitReport report;
    report.from = from;
    report.to = to;
    Store::EventQuery query;
    query.since = QDateTime(from, QTime(0, 0));
    query.until = QDateTime(to.addDays(1), QTime(0, 0));
    query.deviceId = deviceId;
    for (const ExplainedEvent &explained :
         EventExplanation::explain(store, store.events(query), organisationId)) {
        if (explained.event.outcome() != AccessEvent::Outcome::Granted)
            continue;
        if (!explained.member) {
            ++report.unlinkedEntries;
            continue;
        }
        const QDateTime local = explained.event.time.toLocalTime();
        MemberDays &member = report.members[explained.member->key.organisationMemberId];
        member.name = explained.member->displayName();
        Day &day = member.days[local.date()];
        ++day.entries;
        if (!day.first.isValid() || local.time() < day.first)
            day.first = local.time();
    }
    return report;
}

QList<QStringList> VisitReport::table() const
{
    QList<QStringList> rows{
        {tr("Member"), tr("Member number"), tr("Day"), tr("Entries"), tr("First entry")}};
    for (auto member = members.cbegin(); member != members.cend(); ++member) {
        for (auto day = member->days.cbegin(); day != member->days.cend(); ++day)
            rows.append({member->name, QString::number(member.key()),
                         day.key().toString(Qt::ISODate), QString::number(day->entries),
                         day->first.toString(QStringLiteral("HH:mm"))});
    }
    return rows;
}

} // namespace cis
