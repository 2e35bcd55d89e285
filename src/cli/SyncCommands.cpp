// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The commands that run the sync engine: test-connection, plan, sync, run, status, link, unlink.
#include "CardskipperClient.h"
#include "CliApplication.h"
#include "Clock.h"
#include "HikvisionClient.h"
#include "PersonOutput.h"
#include "RunOutput.h"
#include "Scheduler.h"
#include "SignalWatcher.h"
#include "SyncSession.h"
#include "WaitFor.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace cis {

QCommandLineOption CliApplication::configOption()
{
    return QCommandLineOption(
        QStringLiteral("config"),
        tr("Configuration file (INI; default %1).").arg(SyncSession::defaultConfigPath()),
        tr("file"));
}

int CliApplication::parseCommand(QCommandLineParser &parser, const QStringList &arguments,
                                 const QString &description,
                                 const QList<QCommandLineOption> &options)
{
    parser.setApplicationDescription(description);
    parser.addOption(configOption());
    parser.addOptions(options);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return Done;
    }
    if (parser.isSet(QStringLiteral("config")))
        m_configPath = parser.value(QStringLiteral("config"));
    return -1;
}

std::unique_ptr<SyncSession> CliApplication::openSession(bool needPasswords, int *exitCode)
{
    auto session = std::make_unique<SyncSession>(*m_clock);
    const QString path = m_configPath.isEmpty() ? SyncSession::defaultConfigPath() : m_configPath;
    const QString error = session->load(path, needPasswords);
    for (const QString &problem : session->problems())
        m_err << problem << Qt::endl;
    if (!error.isEmpty()) {
        m_err << error << Qt::endl;
        *exitCode = UsageError;
        return nullptr;
    }
    QObject::connect(
        &session->engine(), &SyncEngine::logMessage, this,
        [this](const QString &level, const QString &, const QString &, const QString &text) {
            if (level != QLatin1String("info") || m_verbose)
                m_err << text << Qt::endl;
        });
    return session;
}

void CliApplication::printDoorsAsTheyFinish(SyncEngine &engine)
{
    // The doors are synced at the same time; each is reported the moment it is done, so a
    // slow or failing door does not hide the others' results.
    QObject::connect(&engine, &SyncEngine::deviceFinished, this,
                     [this](const DeviceOutcome &device) {
                         m_out << RunOutput::deviceFinishedLine(device);
                         m_out.flush();
                     });
}

int CliApplication::writeReport(const QString &path, const RunReport &report)
{
    if (path.isEmpty())
        return Done;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented)) < 0 ||
        !file.commit()) {
        m_err << tr("Cannot write the report to %1: %2").arg(path, file.errorString()) << Qt::endl;
        return SomeFailed;
    }
    return Done;
}

int CliApplication::runPlan(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the plan as JSON."));
    const QCommandLineOption fullOption(QStringLiteral("full"),
                                        tr("Read every door terminal again first."));
    const QCommandLineOption allOption(QStringLiteral("all"),
                                       tr("Also list members and persons that are in sync."));
    const int parsed = parseCommand(
        parser, arguments,
        tr("Show what a sync would change on each door terminal, and why, without writing "
           "anything."),
        {jsonOption, fullOption, allOption});
    if (parsed >= 0)
        return parsed;
    int exitCode = Done;
    auto session = openSession(true, &exitCode);
    if (!session)
        return exitCode;
    SyncEngine::RunOptions options;
    options.kind = RunKind::Preview;
    // A preview reads the device when asked to, like a full reconcile would.
    if (parser.isSet(fullOption)) {
        for (const DeviceSettings &device : session->settings().devices)
            session->store().replaceDevicePersons(device.id, {}, QDateTime());
    }
    const RunReport report = session->run(options);
    if (parser.isSet(jsonOption))
        m_out << QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    else
        m_out << RunOutput::planText(report, parser.isSet(allOption));
    m_out.flush();
    if (!report.cardskipperError.isEmpty()) {
        m_err << report.cardskipperError << Qt::endl;
        return CannotConnect;
    }
    const int code = report.exitCode();
    return code == GuardHeld ? Done : code;
}

int CliApplication::runSync(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption fullOption(
        QStringLiteral("full"),
        tr("Re-read every door terminal and repair what was changed there."));
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         tr("Apply a plan the guard held back."));
    const QCommandLineOption reportOption(
        QStringLiteral("report"), tr("Write the run report as JSON to this file."), tr("file"));
    const QCommandLineOption quickOption(
        QStringLiteral("changed-only"),
        tr("Fetch only members changed since the last run (what the timer does)."));
    const int parsed = parseCommand(parser, arguments,
                                    tr("Sync now: fetch the members, plan each door terminal and "
                                       "write what changed."),
                                    {fullOption, forceOption, reportOption, quickOption});
    if (parsed >= 0)
        return parsed;
    int exitCode = Done;
    auto session = openSession(true, &exitCode);
    if (!session)
        return exitCode;
    SyncEngine::RunOptions options;
    options.kind = parser.isSet(fullOption) ? RunKind::FullReconcile : RunKind::QuickSync;
    options.force = parser.isSet(forceOption);
    options.fullMemberExport = !parser.isSet(quickOption);
    printDoorsAsTheyFinish(session->engine());
    const RunReport report = session->run(options);
    m_out << RunOutput::planText(report, false) << RunOutput::summaryText(report);
    m_out.flush();
    if (report.exitCode() == GuardHeld)
        m_err << tr("The guard held the plan back; check it with \"plan\" and run \"sync "
                    "--force\" if it is right.")
              << Qt::endl;
    const int written = writeReport(parser.value(reportOption), report);
    return report.exitCode() != Done ? report.exitCode() : written;
}

int CliApplication::runRun(QCommandLineParser &parser, const QStringList &arguments)
{
    const int parsed = parseCommand(
        parser, arguments,
        tr("Keep syncing until stopped (Ctrl+C or SIGTERM): a full reconcile at start and every "
           "night, quick syncs every sync/interval_seconds in between."),
        {});
    if (parsed >= 0)
        return parsed;
    int exitCode = Done;
    auto session = openSession(true, &exitCode);
    if (!session)
        return exitCode;
    Scheduler scheduler(session->engine(), *m_clock);
    printDoorsAsTheyFinish(session->engine());
    QObject::connect(&session->engine(), &SyncEngine::runFinished, this,
                     [this](const RunReport &report) {
                         m_out << RunOutput::summaryText(report);
                         m_out.flush();
                     });
    QObject::connect(&scheduler, &Scheduler::nextRunChanged, this, [this](const QDateTime &at) {
        if (at.isValid() && m_verbose)
            m_err << tr("Next run at %1.").arg(at.toString(QStringLiteral("HH:mm:ss"))) << Qt::endl;
    });
    QEventLoop loop;
    SignalWatcher watcher;
    bool stopping = false;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &loop, [&] {
        stopping = true;
        scheduler.stop();
        if (session->engine().isRunning())
            session->engine().requestStop();
        else
            loop.quit();
    });
    QObject::connect(&session->engine(), &SyncEngine::runFinished, &loop, [&] {
        if (stopping)
            loop.quit();
    });
    scheduler.start();
    loop.exec();
    return Done;
}

int CliApplication::runStatus(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const int parsed = parseCommand(parser, arguments,
                                    tr("Show the last runs, each door terminal's snapshot and "
                                       "links, and unfinished writes."),
                                    {jsonOption});
    if (parsed >= 0)
        return parsed;
    int exitCode = Done;
    auto session = openSession(false, &exitCode);
    if (!session)
        return exitCode;
    Store &store = session->store();
    const QList<RunRecord> runs = store.runs(10);
    const qint64 organisationId = session->settings().cardskipper.organisationId;
    QJsonArray runArray;
    QString text = tr("Database: %1").arg(session->databasePath()) + QLatin1Char('\n');
    text += tr("Members in the snapshot: %1").arg(store.memberCount(organisationId)) +
            QLatin1Char('\n');
    QJsonArray deviceArray;
    for (const DeviceSettings &device : session->settings().devices) {
        const DeviceSnapshot snapshot = store.deviceSnapshot(device.id);
        const QList<Link> links = store.links(device.id);
        text += tr("Door terminal \"%1\" (%2): %3 persons, %4 linked, last read %5")
                    .arg(device.name, device.url.toString())
                    .arg(snapshot.persons.size())
                    .arg(links.size())
                    .arg(snapshot.readAt.isValid()
                             ? snapshot.readAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                             : tr("never")) +
                QLatin1Char('\n');
        deviceArray.append(
            QJsonObject{{QStringLiteral("id"), device.id},
                        {QStringLiteral("name"), device.name},
                        {QStringLiteral("persons"), int(snapshot.persons.size())},
                        {QStringLiteral("links"), int(links.size())},
                        {QStringLiteral("lastRead"), snapshot.readAt.toString(Qt::ISODate)}});
    }
    const int pending = int(store.pendingOperations().size());
    text += tr("Unfinished writes: %1").arg(pending) + QLatin1Char('\n');
    text += tr("Last runs:") + QLatin1Char('\n');
    for (const RunRecord &run : runs) {
        text += QStringLiteral("  #%1 %2 %3 %4: +%5 ~%6 -%7 !%8 %9\n")
                    .arg(run.id)
                    .arg(run.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                         runKindToString(run.kind).leftJustified(7),
                         runStatusToString(run.status).leftJustified(13))
                    .arg(run.created)
                    .arg(run.updated)
                    .arg(run.revoked + run.deleted)
                    .arg(run.failed)
                    .arg(run.error);
        runArray.append(
            QJsonObject{{QStringLiteral("id"), run.id},
                        {QStringLiteral("kind"), runKindToString(run.kind)},
                        {QStringLiteral("status"), runStatusToString(run.status)},
                        {QStringLiteral("startedAt"), run.startedAt.toString(Qt::ISODate)},
                        {QStringLiteral("created"), run.created},
                        {QStringLiteral("updated"), run.updated},
                        {QStringLiteral("revoked"), run.revoked},
                        {QStringLiteral("failed"), run.failed},
                        {QStringLiteral("error"), run.error}});
    }
    if (parser.isSet(jsonOption))
        m_out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("devices"), deviceArray},
                                      {QStringLiteral("runs"), runArray},
                                      {QStringLiteral("pendingOperations"), pending}})
                .toJson(QJsonDocument::Indented));
    else
        m_out << text;
    m_out.flush();
    return Done;
}

int CliApplication::runLink(QCommandLineParser &parser, const QStringList &arguments, bool link)
{
    const QCommandLineOption deviceOption(QStringLiteral("device"), tr("Door terminal id."),
                                          tr("id"));
    const QCommandLineOption employeeOption(QStringLiteral("employee-no"),
                                            tr("The person's employeeNo on the terminal."),
                                            tr("number"));
    const QCommandLineOption memberOption(QStringLiteral("member"),
                                          tr("The member: Cardskipper member number or email."),
                                          tr("member"));
    const QCommandLineOption rejectOption(QStringLiteral("reject"),
                                          tr("Turn the suggestion down instead of accepting it."));
    QList<QCommandLineOption> options{deviceOption, employeeOption};
    if (link)
        options += {memberOption, rejectOption};
    const int parsed = parseCommand(
        parser, arguments,
        link ? tr("Link a person on a door terminal to a Cardskipper member (a manual match), or "
                  "accept or --reject a suggested match.")
             : tr("Remove the link between a person on a door terminal and a member. The person "
                  "is left as it is and is no longer managed."),
        options);
    if (parsed >= 0)
        return parsed;
    int exitCode = Done;
    auto session = openSession(false, &exitCode);
    if (!session)
        return exitCode;
    const QString deviceId = parser.value(deviceOption);
    if (!session->settings().device(deviceId))
        return usageError(tr("--device \"%1\" is not a configured door terminal.").arg(deviceId));
    const QString employeeNo = parser.value(employeeOption);
    if (employeeNo.isEmpty())
        return usageError(tr("--employee-no is required."));
    Store &store = session->store();
    if (!link) {
        if (!store.linkFor(deviceId, employeeNo))
            return usageError(tr("Person %1 on \"%2\" is not linked.").arg(employeeNo, deviceId));
        store.removeLink(deviceId, employeeNo);
        m_out << tr("Person %1 on \"%2\" is no longer linked.").arg(employeeNo, deviceId)
              << Qt::endl;
        return Done;
    }
    const QString wanted = parser.value(memberOption).trimmed();
    const qint64 organisationId = session->settings().cardskipper.organisationId;
    QList<Member> candidates;
    bool numeric = false;
    const qint64 number = wanted.toLongLong(&numeric);
    for (const Member &member : store.members(organisationId)) {
        if (numeric ? member.key.organisationMemberId == number
                    : member.email.trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            candidates.append(member);
    }
    if (candidates.isEmpty())
        return usageError(tr("No member \"%1\" in the last member list; run \"sync\" or \"plan\" "
                             "first if the member is new.")
                              .arg(wanted));
    if (candidates.size() > 1) {
        QStringList names;
        for (const Member &member : candidates)
            names.append(QStringLiteral("%1 (%2)")
                             .arg(member.displayName())
                             .arg(member.key.organisationMemberId));
        return usageError(tr("The email %1 belongs to %2 members: %3. Give the member number "
                             "instead.")
                              .arg(wanted)
                              .arg(candidates.size())
                              .arg(names.join(QStringLiteral(", "))));
    }
    const Member &member = candidates.first();
    if (parser.isSet(rejectOption)) {
        RejectedSuggestion rejected{deviceId, employeeNo, member.key};
        store.addRejectedSuggestion(rejected);
        m_out << tr("Suggestion rejected: person %1 on \"%2\" is not %3.")
                     .arg(employeeNo, deviceId, member.displayName())
              << Qt::endl;
        return Done;
    }
    for (const Link &existing : store.links(deviceId)) {
        if (existing.member == member.key && existing.employeeNo != employeeNo)
            return usageError(tr("%1 is already linked to person %2 on \"%3\"; unlink that "
                                 "first.")
                                  .arg(member.displayName(), existing.employeeNo, deviceId));
    }
    Link newLink;
    newLink.deviceId = deviceId;
    newLink.employeeNo = employeeNo;
    newLink.member = member.key;
    newLink.origin = LinkOrigin::Manual;
    newLink.createdAt = m_clock->now();
    newLink.createdBy = qEnvironmentVariable("USER", QStringLiteral("cli"));
    store.addLink(newLink);
    m_out << tr("Person %1 on \"%2\" is now linked to %3 (%4); the next sync sets their "
                "validity.")
                 .arg(employeeNo, deviceId, member.displayName())
                 .arg(member.key.organisationMemberId)
          << Qt::endl;
    return Done;
}

int CliApplication::runTestConnection(QCommandLineParser &parser, const QStringList &arguments)
{
    const int parsed = parseCommand(
        parser, arguments,
        tr("Check the Cardskipper account and every door terminal: one read each, no writes."), {});
    if (parsed >= 0)
        return parsed;
    int exitCode = Done;
    auto session = openSession(true, &exitCode);
    if (!session)
        return exitCode;
    const AppSettings &settings = session->settings();
    int result = Done;

    CardskipperConfig config;
    config.baseUrl = settings.cardskipper.url;
    config.username = settings.cardskipper.username;
    config.password = session->engine().credentials().cardskipperPassword;
    config.timeoutMs = settings.cardskipper.timeoutSeconds * 1000;
    CardskipperClient cardskipper(config);
    const std::optional<CardskipperClient::OrganisationsResult> organisations =
        waitFor<CardskipperClient::OrganisationsResult>(
            [&](auto done) { cardskipper.fetchOrganisations(std::move(done)); });
    if (*organisations) {
        QStringList names;
        bool found = false;
        for (const OrganisationInfo &organisation : organisations->value()) {
            names.append(QStringLiteral("%1 %2").arg(organisation.id).arg(organisation.name));
            found = found || organisation.id == settings.cardskipper.organisationId;
            for (const OrganisationInfo &child : organisation.children)
                found = found || child.id == settings.cardskipper.organisationId;
        }
        m_out << tr("Cardskipper: OK, the account sees %1.").arg(names.join(QStringLiteral(", ")))
              << Qt::endl;
        if (!found) {
            m_out << tr("Cardskipper: organisation %1 is not among them; check "
                        "cardskipper/organisation_id.")
                         .arg(settings.cardskipper.organisationId)
                  << Qt::endl;
            result = UsageError;
        }
    } else {
        m_out << tr("Cardskipper: %1").arg(organisations->error().message()) << Qt::endl;
        result = CannotConnect;
    }

    for (const DeviceSettings &device : settings.devices) {
        if (!device.enabled)
            continue;
        HikvisionConfig deviceConfig;
        deviceConfig.baseUrl = device.url;
        deviceConfig.username = device.username;
        deviceConfig.password = session->engine().credentials().devicePasswords.value(device.id);
        deviceConfig.pinnedCertificateSha256 = device.pinnedCertificateSha256;
        deviceConfig.timeoutMs = device.timeoutSeconds * 1000;
        HikvisionClient client(deviceConfig, m_clock);
        const std::optional<HikvisionClient::Result<HikvisionClient::Probe>> probe =
            waitFor<HikvisionClient::Result<HikvisionClient::Probe>>(
                [&](auto done) { client.probe(std::move(done)); });
        if (*probe) {
            const DeviceInfo &info = probe->value().deviceInfo;
            m_out << tr("Door terminal \"%1\": OK, %2, firmware %3, serial %4, capacity %5.")
                         .arg(device.name, info.model, info.firmwareVersion, info.serialNumber)
                         .arg(probe->value().capabilities.maxRecordNum)
                  << Qt::endl;
        } else {
            m_out << tr("Door terminal \"%1\": %2").arg(device.name, probe->error().message())
                  << Qt::endl;
            if (!probe->error().certificateSha256.isEmpty())
                m_out << tr("  Its certificate's SHA-256 fingerprint is %1; pin it with "
                            "certificate_sha256 if you trust it.")
                             .arg(probe->error().certificateFingerprint())
                      << Qt::endl;
            result = CannotConnect;
        }
    }
    return result;
}

} // namespace cis
