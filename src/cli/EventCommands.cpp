// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The events command: who came in at the doors, and who was refused.
#include "CliApplication.h"
#include "Clock.h"
#include "Csv.h"
#include "EventExplanation.h"
#include "Store.h"
#include "SyncSession.h"
#include "VisitReport.h"
#include "WaitFor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>

namespace cis {

namespace {

struct EventRow
{
    QString time; // local, as the desk reads it
    QString door;
    QString person;
    QString member;
    QString method;
    QString outcome;
    QString detail;
};

QString methodText(AccessEvent::Method method)
{
    switch (method) {
    case AccessEvent::Method::Card:
        return CliApplication::tr("card");
    case AccessEvent::Method::Face:
        return CliApplication::tr("face");
    case AccessEvent::Method::Fingerprint:
        return CliApplication::tr("fingerprint");
    case AccessEvent::Method::Pin:
        return CliApplication::tr("PIN");
    case AccessEvent::Method::Unknown:
        break;
    }
    return QString();
}

QString outcomeText(AccessEvent::Outcome outcome)
{
    switch (outcome) {
    case AccessEvent::Outcome::Granted:
        return CliApplication::tr("granted");
    case AccessEvent::Outcome::Refused:
        return CliApplication::tr("refused");
    case AccessEvent::Outcome::Other:
        break;
    }
    return CliApplication::tr("other");
}

std::optional<QDate> dateOption(const QString &text)
{
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

} // namespace

bool CliApplication::readDoorEvents(SyncSession &session, const QString &deviceId)
{
    const QList<EventReader::Poll> polls = waitFor<QList<EventReader::Poll>>(
        [&](auto done) { session.engine().readEvents(deviceId, std::move(done)); });
    bool ok = true;
    for (const EventReader::Poll &poll : polls) {
        const DeviceSettings *device = session.settings().device(poll.deviceId);
        const QString name = device ? device->name : poll.deviceId;
        if (!poll.error.isEmpty())
            ok = false; // the engine's log line names the door and the reason
        else if (poll.added > 0)
            m_err << tr("%1: %n new event(s)", nullptr, poll.added).arg(name) << Qt::endl;
    }
    return ok;
}

int CliApplication::runEvents(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption sinceOption(
        QStringLiteral("since"), tr("Only events from this day on (YYYY-MM-DD)."), tr("date"));
    const QCommandLineOption untilOption(
        QStringLiteral("until"), tr("Only events up to and including this day."), tr("date"));
    const QCommandLineOption doorOption(QStringLiteral("door"),
                                        tr("Only this door terminal (its id)."), tr("id"));
    const QCommandLineOption refusedOption(QStringLiteral("refused"), tr("Only refused entries."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       tr("Write CSV (UTF-8 with BOM, for Excel) to this file."),
                                       tr("file"));
    const QCommandLineOption offlineOption(
        QStringLiteral("no-read"), tr("Show what is stored without asking the doors first."));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Read what is new in the doors' event logs, then show the events, newest first."),
        {sinceOption, untilOption, doorOption, refusedOption, jsonOption, csvOption,
         offlineOption});
    if (parsed >= 0)
        return parsed;
    if (parser.isSet(jsonOption) && parser.isSet(csvOption))
        return usageError(tr("Choose --json or --csv, not both."));
    Store::EventQuery query;
    for (const auto &[option, bound, nextDay] : {std::tuple{&sinceOption, &query.since, false},
                                                 std::tuple{&untilOption, &query.until, true}}) {
        if (!parser.isSet(*option))
            continue;
        const std::optional<QDate> date = dateOption(parser.value(*option));
        if (!date)
            return usageError(tr("--%1 wants a date as YYYY-MM-DD, not \"%2\".")
                                  .arg(option->names().constFirst(), parser.value(*option)));
        *bound = QDateTime(nextDay ? date->addDays(1) : *date, QTime(0, 0));
    }
    query.deviceId = parser.value(doorOption);
    query.refusedOnly = parser.isSet(refusedOption);

    int exitCode = Done;
    auto session = openSession(!parser.isSet(offlineOption), &exitCode);
    if (!session)
        return exitCode;
    QHash<QString, QString> doorNames;
    for (const DeviceSettings &device : session->settings().devices)
        doorNames.insert(device.id, device.name);
    if (!query.deviceId.isEmpty() && !doorNames.contains(query.deviceId))
        return usageError(tr("No door terminal \"%1\" in the configuration (%2).")
                              .arg(query.deviceId, QStringList(doorNames.keys()).join(u", ")));

    if (!parser.isSet(offlineOption)) {
        const QList<EventReader::Poll> polls = waitFor<QList<EventReader::Poll>>(
            [&](auto done) { session->engine().readEvents(query.deviceId, std::move(done)); });
        for (const EventReader::Poll &poll : polls) {
            if (!poll.error.isEmpty())
                exitCode = SomeFailed;
            else if (poll.added > 0)
                m_err << tr("%1: %n new event(s)", nullptr, poll.added)
                             .arg(doorNames.value(poll.deviceId))
                      << Qt::endl;
        }
    }

    Store &store = session->store();
    QList<EventRow> rows;
    QJsonArray json;
    for (const Store::StoredEvent &stored : store.events(query)) {
        const AccessEvent &event = stored.event;
        EventRow row;
        row.time = event.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        row.door = doorNames.value(stored.deviceId, stored.deviceId);
        row.person = event.name.isEmpty()
                         ? event.employeeNo
                         : QStringLiteral("%1 (%2)").arg(event.name, event.employeeNo);
        std::optional<Member> member;
        if (!event.employeeNo.isEmpty()) {
            if (const std::optional<Link> link = store.linkFor(stored.deviceId, event.employeeNo))
                member = store.member(link->member);
        }
        if (member)
            row.member = QStringLiteral("%1 (%2)")
                             .arg(member->displayName())
                             .arg(member->key.organisationMemberId);
        row.method = methodText(event.method());
        row.outcome = outcomeText(event.outcome());
        if (event.employeeNo.isEmpty() && !event.cardNo.isEmpty() &&
            event.method() == AccessEvent::Method::Card)
            row.detail = tr("card %1").arg(event.cardNo);
        else if (event.outcome() == AccessEvent::Outcome::Other)
            row.detail = tr("event %1/%2").arg(event.major).arg(event.minor);
        rows.append(row);
        QJsonObject object{{QStringLiteral("time"), event.time.toString(Qt::ISODate)},
                           {QStringLiteral("door"), stored.deviceId},
                           {QStringLiteral("serialNo"), event.serialNo},
                           {QStringLiteral("major"), event.major},
                           {QStringLiteral("minor"), event.minor},
                           {QStringLiteral("outcome"), AccessEvent::outcomeName(event.outcome())},
                           {QStringLiteral("employeeNo"), event.employeeNo},
                           {QStringLiteral("name"), event.name},
                           {QStringLiteral("cardNo"), event.cardNo}};
        if (member)
            object.insert(QStringLiteral("memberId"), member->key.organisationMemberId);
        json.append(object);
    }

    if (parser.isSet(csvOption)) {
        QSaveFile file(parser.value(csvOption));
        QList<QStringList> table{{tr("Time"), tr("Door"), tr("Person"), tr("Member"), tr("How"),
                                  tr("Result"), tr("Detail")}};
        for (const EventRow &row : std::as_const(rows))
            table.append(
                {row.time, row.door, row.person, row.member, row.method, row.outcome, row.detail});
        if (!file.open(QIODevice::WriteOnly) || file.write(csvDocument(table)) < 0 ||
            !file.commit()) {
            m_err << tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()) << Qt::endl;
            return SomeFailed;
        }
        m_err << tr("%n event(s) written to %1", nullptr, int(rows.size())).arg(file.fileName())
              << Qt::endl;
    } else if (parser.isSet(jsonOption)) {
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else if (rows.isEmpty()) {
        m_out << tr("No events.") << Qt::endl;
    } else {
        for (const EventRow &row : std::as_const(rows)) {
            QStringList parts{row.time, row.door, row.outcome};
            if (!row.method.isEmpty())
                parts.append(row.method);
            if (!row.person.isEmpty())
                parts.append(row.person);
            if (!row.member.isEmpty())
                parts.append(tr("member %1").arg(row.member));
            if (!row.detail.isEmpty())
                parts.append(row.detail);
            m_out << parts.join(QStringLiteral(" · ")) << Qt::endl;
        }
    }
    m_out.flush();
    return exitCode;
}

int CliApplication::runVisits(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        tr("First day of the report (YYYY-MM-DD)."), tr("date"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      tr("Last day of the report (YYYY-MM-DD)."), tr("date"));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       tr("Write CSV (UTF-8 with BOM, for Excel) to this file."),
                                       tr("file"));
    const QCommandLineOption offlineOption(
        QStringLiteral("no-read"), tr("Show what is stored without asking the doors first."));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Visits per member and day: the days on which a member was let in at any door, from "
           "the doors' event logs."),
        {fromOption, toOption, csvOption, offlineOption});
    if (parsed >= 0)
        return parsed;
    std::optional<QDate> from;
    std::optional<QDate> to;
    for (const auto &[option, out] : {std::pair{&fromOption, &from}, std::pair{&toOption, &to}}) {
        if (!parser.isSet(*option))
            return usageError(tr("--%1 is required.").arg(option->names().constFirst()));
        *out = dateOption(parser.value(*option));
        if (!*out)
            return usageError(tr("--%1 wants a date as YYYY-MM-DD, not \"%2\".")
                                  .arg(option->names().constFirst(), parser.value(*option)));
    }
    if (*to < *from)
        return usageError(tr("--to is before --from."));

    int exitCode = Done;
    auto session = openSession(!parser.isSet(offlineOption), &exitCode);
    if (!session)
        return exitCode;
    if (!parser.isSet(offlineOption) && !readDoorEvents(*session, {}))
        exitCode = SomeFailed;

    const VisitReport report = VisitReport::build(
        session->store(), session->settings().cardskipper.organisationId, *from, *to);
    const auto &visits = report.members;
    const int unlinked = report.unlinkedEntries;

    if (parser.isSet(csvOption)) {
        QSaveFile file(parser.value(csvOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(csvDocument(report.table())) < 0 ||
            !file.commit()) {
            m_err << tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()) << Qt::endl;
            return SomeFailed;
        }
    }
    for (auto member = visits.cbegin(); member != visits.cend(); ++member)
        m_out << tr("%1 (%2): %n day(s)", nullptr, int(member->days.size()))
                     .arg(member->name)
                     .arg(member.key())
              << Qt::endl;
    if (visits.isEmpty())
        m_out << tr("No visits from %1 to %2.")
                     .arg(from->toString(Qt::ISODate), to->toString(Qt::ISODate))
              << Qt::endl;
    if (unlinked > 0)
        m_err << tr("%n entry(s) by persons not linked to a member are not counted.", nullptr,
                    unlinked)
              << Qt::endl;
    m_out.flush();
    return exitCode;
}

} // namespace cis
