// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CliApplication.h"

#include "CardskipperClient.h"
#include "CardskipperSimulator.h"
#include "CliLogging.h"
#include "Clock.h"
#include "DemoData.h"
#include "DeviceDemoData.h"
#include "DeviceProfiles.h"
#include "HikvisionClient.h"
#include "IsapiSimulator.h"
#include "MemberOutput.h"
#include "PersonOutput.h"
#include "RunOutput.h"
#include "SignalWatcher.h"
#include "SyncSession.h"
#include "Validity.h"
#include "Version.h"
#include "WaitFor.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QLoggingCategory>
#include <QMap>
#include <QTemporaryDir>
#include <cstdio>
#include <optional>

// The translation context of this file's messages, the same for lupdate and at run time.
struct CliApplicationTexts
{
    Q_DECLARE_TR_FUNCTIONS(CliApplicationTexts)
};

namespace cis {

namespace {

const QString kPasswordVariable = QStringLiteral("CARDSKIPPER_PASSWORD");
const QString kDevicePasswordVariable = QStringLiteral("IVMS_PASSWORD");

struct Command
{
    QString name;
    QString summary;
};

QList<Command> commands()
{
    return {
        {QStringLiteral("test-connection"),
         CliApplicationTexts::tr(
             "Check the Cardskipper account and every door terminal in the configuration.")},
        {QStringLiteral("plan"),
         CliApplicationTexts::tr("Show what a sync would change, and why; writes nothing.")},
        {QStringLiteral("sync"),
         CliApplicationTexts::tr(
             "Sync now (--full re-reads the terminals and repairs drift; --force releases a "
             "held plan).")},
        {QStringLiteral("run"),
         CliApplicationTexts::tr("Keep syncing on the configured interval until stopped.")},
        {QStringLiteral("status"),
         CliApplicationTexts::tr("Show the last runs, the terminals' snapshots and links.")},
        {QStringLiteral("events"),
         CliApplicationTexts::tr(
             "Read the doors' new events, then show who came in and who was refused.")},
        {QStringLiteral("visits"),
         CliApplicationTexts::tr(
             "Visits per member and day in a date range (days with an entry), as CSV for Excel.")},
        {QStringLiteral("link"),
         CliApplicationTexts::tr("Link a terminal person to a member (manual match).")},
        {QStringLiteral("unlink"), CliApplicationTexts::tr("Remove a manual or suggested link.")},
        {QStringLiteral("card"),
         CliApplicationTexts::tr(
             "Give a member a card (read at the door or typed), take it back, list the cards.")},
        {QStringLiteral("face"),
         CliApplicationTexts::tr(
             "Give a member a face (from a photo file or a door's camera), or remove it.")},
        {QStringLiteral("credentials"),
         CliApplicationTexts::tr(
             "Show each member's cards and faces on the doors; --missing: who cannot get in.")},
        {QStringLiteral("members"),
         CliApplicationTexts::tr("List the members of a Cardskipper organisation.")},
        {QStringLiteral("device"),
         CliApplicationTexts::tr(
             "Show a door terminal: model, firmware, serial, capacity and its persons.")},
        {QStringLiteral("simulate"),
         CliApplicationTexts::tr(
             "Run the built-in Cardskipper and door-terminal simulators until stopped, to try "
             "the product.")},
        {QStringLiteral("demo"),
         CliApplicationTexts::tr(
             "Start the simulator with demo data and list its members through the real client.")},
    };
}

int exitCodeFor(const HikvisionError &error)
{
    switch (error.kind) {
    case HikvisionError::Kind::WrongCredentials:
    case HikvisionError::Kind::LockedOut:
    case HikvisionError::Kind::AuthenticationUnsupported:
    case HikvisionError::Kind::UntrustedCertificate:
    case HikvisionError::Kind::Tls:
    case HikvisionError::Kind::Timeout:
    case HikvisionError::Kind::HostUnreachable:
    case HikvisionError::Kind::Network:
    case HikvisionError::Kind::NotActivated:
    case HikvisionError::Kind::AccessDenied:
        return CliApplication::CannotConnect;
    default:
        return CliApplication::SomeFailed;
    }
}

int exitCodeFor(const CardskipperError &error)
{
    switch (error.kind) {
    case CardskipperError::Kind::WrongCredentials:
    case CardskipperError::Kind::CallNotGranted:
    case CardskipperError::Kind::HostUnreachable:
    case CardskipperError::Kind::Tls:
    case CardskipperError::Kind::Timeout:
        return CliApplication::CannotConnect;
    case CardskipperError::Kind::UnknownOrganisation:
        return CliApplication::UsageError;
    default:
        return CliApplication::SomeFailed;
    }
}

// A 403 or an empty list may mean the organisation id is wrong. The account's own organisation
// list tells, and lets us name the ones it can read.
std::optional<CardskipperError> diagnoseOrganisation(CardskipperClient &client,
                                                     qint64 organisationId)
{
    const auto organisations = waitFor<CardskipperClient::OrganisationsResult>(
        [&](auto done) { client.fetchOrganisations(std::move(done)); });
    if (!organisations)
        return std::nullopt; // cannot tell; keep the original answer
    QStringList visible;
    for (const OrganisationInfo &organisation : organisations.value()) {
        if (organisation.id == organisationId)
            return std::nullopt;
        bool childMatches = false;
        for (const OrganisationInfo &child : organisation.children)
            childMatches = childMatches || child.id == organisationId;
        if (childMatches)
            return std::nullopt;
        visible.append(QStringLiteral("%1 (%2)").arg(organisation.id).arg(organisation.name));
    }
    CardskipperError error;
    error.kind = CardskipperError::Kind::UnknownOrganisation;
    error.call = QStringLiteral("GET /Organisation/Info");
    error.host = client.config().baseUrl.host();
    error.detail =
        visible.isEmpty()
            ? CliApplicationTexts::tr(
                  "organisation %1 is unknown, and the account sees no organisation "
                  "at all.")
                  .arg(organisationId)
            : CliApplicationTexts::tr("organisation %1 is unknown; the account can read: %2.")
                  .arg(organisationId)
                  .arg(visible.join(QStringLiteral(", ")));
    return error;
}

} // namespace

CliApplication::CliApplication(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : &Clock::system())
    , m_out(stdout)
    , m_err(stderr)
{}

int CliApplication::usageError(const QString &message)
{
    m_err << message << Qt::endl;
    return UsageError;
}

int CliApplication::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliApplicationTexts::tr(
            "Keeps Hikvision door terminals in step with Cardskipper memberships.") +
        QStringLiteral("\n\n") + CliApplicationTexts::tr("Commands:") + QLatin1Char('\n') + [] {
            QString list;
            for (const Command &command : commands())
                list += QStringLiteral("  %1  %2\n")
                            .arg(command.name.leftJustified(16), command.summary);
            return list;
        }());
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), CliApplicationTexts::tr("Log every request and its timing."));
    parser.addOption(verboseOption);
    parser.addOption(configOption());
    parser.addPositionalArgument(QStringLiteral("command"),
                                 CliApplicationTexts::tr("The command to run (see above)."),
                                 QStringLiteral("<command> [options]"));

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(versionOption)) {
        m_out << QCoreApplication::applicationName() << QLatin1Char(' ') << kVersion << Qt::endl;
        return Done;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty()) {
        m_out << parser.helpText();
        return positional.isEmpty() && !parser.isSet(helpOption) ? UsageError : Done;
    }
    if (parser.isSet(QStringLiteral("config")))
        m_configPath = parser.value(QStringLiteral("config"));
    m_verbose = parser.isSet(verboseOption);
    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("cis.*.debug=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("cis.*.info=false"));

    const QString command = positional.first();
    // The command's own options: everything after the command name, under the program name.
    QStringList commandArguments{arguments.value(0)};
    commandArguments += positional.mid(1);

    QCommandLineParser commandParser;
    commandParser.addHelpOption();
    if (command == QLatin1String("members"))
        return runMembers(commandParser, commandArguments);
    if (command == QLatin1String("test-connection"))
        return runTestConnection(commandParser, commandArguments);
    if (command == QLatin1String("plan"))
        return runPlan(commandParser, commandArguments);
    if (command == QLatin1String("sync"))
        return runSync(commandParser, commandArguments);
    if (command == QLatin1String("run"))
        return runRun(commandParser, commandArguments);
    if (command == QLatin1String("status"))
        return runStatus(commandParser, commandArguments);
    if (command == QLatin1String("events"))
        return runEvents(commandParser, commandArguments);
    if (command == QLatin1String("visits"))
        return runVisits(commandParser, commandArguments);
    if (command == QLatin1String("link"))
        return runLink(commandParser, commandArguments, true);
    if (command == QLatin1String("unlink"))
        return runLink(commandParser, commandArguments, false);
    if (command == QLatin1String("card"))
        return runCard(commandParser, commandArguments);
    if (command == QLatin1String("face"))
        return runFace(commandParser, commandArguments);
    if (command == QLatin1String("credentials"))
        return runCredentials(commandParser, commandArguments);
    if (command == QLatin1String("device"))
        return runDevice(commandParser, commandArguments);
    if (command == QLatin1String("simulate"))
        return runSimulate(commandParser, commandArguments);
    if (command == QLatin1String("demo"))
        return runDemo(commandParser, commandArguments);
    return usageError(
        CliApplicationTexts::tr("Unknown command \"%1\". Run with --help to see the commands.")
            .arg(command));
}

int CliApplication::runMembers(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setApplicationDescription(
        CliApplicationTexts::tr(
            "List the members of a Cardskipper organisation. The password is read from the "
            "environment variable %1.")
            .arg(kPasswordVariable));
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        CliApplicationTexts::tr("Cardskipper API address (default %1).")
            .arg(QStringLiteral("https://api.cardskipper.se")),
        CliApplicationTexts::tr("url"), QStringLiteral("https://api.cardskipper.se"));
    const QCommandLineOption userOption(QStringLiteral("username"),
                                        CliApplicationTexts::tr("API account name."),
                                        CliApplicationTexts::tr("name"));
    const QCommandLineOption organisationOption(QStringLiteral("organisation-id"),
                                                CliApplicationTexts::tr("Organisation to export."),
                                                CliApplicationTexts::tr("id"));
    const QCommandLineOption onlyActiveOption(
        QStringLiteral("only-active"),
        CliApplicationTexts::tr("Only members Cardskipper counts as active."));
    const QCommandLineOption changedOption(
        QStringLiteral("changed-since"),
        CliApplicationTexts::tr(
            "Only members changed after this time (ISO 8601, e.g. 2026-11-01T00:00:00)."),
        CliApplicationTexts::tr("time"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        CliApplicationTexts::tr("Print JSON instead of a table."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        CliApplicationTexts::tr("Give up after this many seconds without data."),
        CliApplicationTexts::tr("seconds"), QStringLiteral("60"));
    parser.addOptions({urlOption, userOption, organisationOption, onlyActiveOption, changedOption,
                       jsonOption, timeoutOption});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return Done;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(CliApplicationTexts::tr("Unexpected argument \"%1\".")
                              .arg(parser.positionalArguments().first()));

    CardskipperConfig config;
    config.baseUrl = QUrl(parser.value(urlOption), QUrl::StrictMode);
    if (!config.baseUrl.isValid() || config.baseUrl.host().isEmpty() ||
        (config.baseUrl.scheme() != QLatin1String("https") &&
         config.baseUrl.scheme() != QLatin1String("http")))
        return usageError(CliApplicationTexts::tr("--url \"%1\" is not an http or https address.")
                              .arg(parser.value(urlOption)));
    config.username = parser.value(userOption);
    if (config.username.isEmpty())
        return usageError(CliApplicationTexts::tr("--username is required."));
    bool ok = false;
    const qint64 organisationId = parser.value(organisationOption).toLongLong(&ok);
    if (!ok || organisationId <= 0)
        return usageError(
            CliApplicationTexts::tr("--organisation-id must be a positive number, not \"%1\".")
                .arg(parser.value(organisationOption)));
    const int timeoutSeconds = parser.value(timeoutOption).toInt(&ok);
    if (!ok || timeoutSeconds <= 0)
        return usageError(
            CliApplicationTexts::tr("--timeout must be a positive number of seconds."));
    config.timeoutMs = timeoutSeconds * 1000;
    if (!qEnvironmentVariableIsSet(qPrintable(kPasswordVariable)))
        return usageError(
            CliApplicationTexts::tr("Set the Cardskipper password in the environment variable %1.")
                .arg(kPasswordVariable));
    config.password = qEnvironmentVariable(qPrintable(kPasswordVariable));

    ExportCriteria criteria;
    criteria.organisationId = organisationId;
    if (parser.isSet(onlyActiveOption))
        criteria.onlyActive = true;
    if (parser.isSet(changedOption)) {
        const QDateTime since = QDateTime::fromString(parser.value(changedOption), Qt::ISODate);
        if (!since.isValid())
            return usageError(
                CliApplicationTexts::tr("--changed-since \"%1\" is not a date and time like "
                                        "2026-11-01T00:00:00.")
                    .arg(parser.value(changedOption)));
        criteria.changedAt = since;
    }

    CardskipperClient client(config);
    auto result = waitFor<CardskipperClient::MembersResult>(
        [&](auto done) { client.exportMembers(criteria, std::move(done)); });
    const bool suspicious =
        (!result && result.error().kind == CardskipperError::Kind::CallNotGranted) ||
        (result && result.value().isEmpty() && !criteria.changedAt);
    if (suspicious) {
        if (auto unknown = diagnoseOrganisation(client, organisationId)) {
            m_err << unknown->message() << Qt::endl;
            return exitCodeFor(*unknown);
        }
    }
    if (!result) {
        m_err << result.error().message() << Qt::endl;
        return exitCodeFor(result.error());
    }

    const QDate today = m_clock->today();
    if (parser.isSet(jsonOption))
        m_out << QString::fromUtf8(MemberOutput::json(result.value(), organisationId, today));
    else
        m_out << MemberOutput::table(result.value(), organisationId, today);
    m_out.flush();
    return Done;
}

int CliApplication::runDevice(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setApplicationDescription(
        CliApplicationTexts::tr(
            "Show a Hikvision door terminal over ISAPI. \"info\" prints model, firmware, serial "
            "number, capacity and the number of persons; \"persons\" lists every person with "
            "their validity; \"count\" prints the number of persons. The password is read from "
            "the environment variable %1.")
            .arg(kDevicePasswordVariable));
    const QCommandLineOption urlOption(
        QStringLiteral("url"),
        CliApplicationTexts::tr("Terminal address, e.g. http://192.168.1.64."),
        CliApplicationTexts::tr("url"));
    const QCommandLineOption userOption(
        QStringLiteral("username"),
        CliApplicationTexts::tr("Terminal account name (default admin)."),
        CliApplicationTexts::tr("name"), QStringLiteral("admin"));
    const QCommandLineOption fingerprintOption(
        QStringLiteral("certificate-sha256"),
        CliApplicationTexts::tr(
            "Trust the terminal's self-signed HTTPS certificate with this SHA-256 fingerprint."),
        CliApplicationTexts::tr("fingerprint"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        CliApplicationTexts::tr("Print JSON instead of text."));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"),
        CliApplicationTexts::tr("Give up after this many seconds without an answer."),
        CliApplicationTexts::tr("seconds"), QStringLiteral("30"));
    parser.addOptions({urlOption, userOption, fingerprintOption, jsonOption, timeoutOption});
    parser.addPositionalArgument(QStringLiteral("what"),
                                 CliApplicationTexts::tr("info, persons or count."),
                                 QStringLiteral("info|persons|count"));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return Done;
    }
    const QStringList positional = parser.positionalArguments();
    const QString what = positional.value(0, QStringLiteral("info"));
    if (positional.size() > 1)
        return usageError(
            CliApplicationTexts::tr("Unexpected argument \"%1\".").arg(positional.at(1)));
    if (what != QLatin1String("info") && what != QLatin1String("persons") &&
        what != QLatin1String("count"))
        return usageError(
            CliApplicationTexts::tr("Unknown device command \"%1\"; use info, persons or count.")
                .arg(what));

    HikvisionConfig config;
    config.baseUrl = QUrl(parser.value(urlOption), QUrl::StrictMode);
    if (!parser.isSet(urlOption))
        return usageError(
            CliApplicationTexts::tr("--url is required, e.g. --url http://192.168.1.64."));
    if (!config.baseUrl.isValid() || config.baseUrl.host().isEmpty() ||
        (config.baseUrl.scheme() != QLatin1String("https") &&
         config.baseUrl.scheme() != QLatin1String("http")))
        return usageError(CliApplicationTexts::tr("--url \"%1\" is not an http or https address.")
                              .arg(parser.value(urlOption)));
    config.username = parser.value(userOption);
    if (config.username.isEmpty())
        return usageError(CliApplicationTexts::tr("--username must not be empty."));
    if (parser.isSet(fingerprintOption)) {
        config.pinnedCertificateSha256 = fingerprintFromText(parser.value(fingerprintOption));
        if (config.pinnedCertificateSha256.size() != 32)
            return usageError(
                CliApplicationTexts::tr("--certificate-sha256 \"%1\" is not a SHA-256 fingerprint "
                                        "(64 hexadecimal digits, colons allowed).")
                    .arg(parser.value(fingerprintOption)));
    }
    bool ok = false;
    const int timeoutSeconds = parser.value(timeoutOption).toInt(&ok);
    if (!ok || timeoutSeconds <= 0)
        return usageError(
            CliApplicationTexts::tr("--timeout must be a positive number of seconds."));
    config.timeoutMs = timeoutSeconds * 1000;
    if (!qEnvironmentVariableIsSet(qPrintable(kDevicePasswordVariable)))
        return usageError(
            CliApplicationTexts::tr("Set the terminal's password in the environment variable %1.")
                .arg(kDevicePasswordVariable));
    config.password = qEnvironmentVariable(qPrintable(kDevicePasswordVariable));

    HikvisionClient client(config, m_clock);
    const bool json = parser.isSet(jsonOption);
    // The probe goes first in every case: it proves the credentials with one request and
    // gives the page size and list limits the person search must honour.
    auto probe = waitFor<HikvisionClient::Result<HikvisionClient::Probe>>(
        [&](auto done) { client.probe(std::move(done)); });
    if (!probe) {
        m_err << probe.error().message() << Qt::endl;
        return exitCodeFor(probe.error());
    }
    if (what == QLatin1String("persons")) {
        auto persons = waitFor<HikvisionClient::Result<PersonSearchResult>>(
            [&](auto done) { client.searchAllPersons(std::move(done)); });
        if (!persons) {
            m_err << persons.error().message() << Qt::endl;
            return exitCodeFor(persons.error());
        }
        for (const QString &warning : persons.value().warnings)
            m_err << warning << Qt::endl;
        if (json)
            m_out << QString::fromUtf8(PersonOutput::personJson(persons.value().persons));
        else
            m_out << PersonOutput::personTable(persons.value().persons);
        m_out.flush();
        return Done;
    }
    auto count = waitFor<HikvisionClient::Result<PersonCount>>(
        [&](auto done) { client.countPersons(std::move(done)); });
    if (what == QLatin1String("count")) {
        if (!count) {
            m_err << count.error().message() << Qt::endl;
            return exitCodeFor(count.error());
        }
        m_out << (json ? QString::fromUtf8(PersonOutput::countJson(count.value()))
                       : PersonOutput::countText(count.value()));
        m_out.flush();
        return Done;
    }
    // Info still shows what it has when the count is refused (some firmware lacks it).
    std::optional<PersonCount> known;
    if (count)
        known = count.value();
    else
        m_err << count.error().message() << Qt::endl;
    m_out << (json ? QString::fromUtf8(PersonOutput::deviceJson(probe.value(), known))
                   : PersonOutput::deviceTable(probe.value(), known));
    m_out.flush();
    return Done;
}

int CliApplication::runSimulate(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setApplicationDescription(CliApplicationTexts::tr(
        "Run the Cardskipper simulator and a simulated Hikvision door terminal (ISAPI with "
        "Digest authentication) on 127.0.0.1 until Ctrl+C, with seeded demo data, so the "
        "product can be tried without an account or a device. Cardskipper account demo, "
        "password demo."));
    const QCommandLineOption portOption(
        QStringLiteral("cardskipper-port"),
        CliApplicationTexts::tr("Port to listen on (0 picks a free one)."),
        CliApplicationTexts::tr("port"), QStringLiteral("0"));
    const QCommandLineOption membersOption(QStringLiteral("members"),
                                           CliApplicationTexts::tr("Number of demo members."),
                                           CliApplicationTexts::tr("count"), QStringLiteral("120"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), CliApplicationTexts::tr("Seed for the demo data and the faults."),
        CliApplicationTexts::tr("number"), QStringLiteral("1"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency-ms"),
        CliApplicationTexts::tr("Delay added to every Cardskipper answer."),
        CliApplicationTexts::tr("ms"), QStringLiteral("0"));
    const QCommandLineOption faultRateOption(
        QStringLiteral("fault-rate"),
        CliApplicationTexts::tr(
            "Share of Cardskipper requests (0 to 1) answered with a fault: HTTP 500/503/429, "
            "timeouts, dropped connections, truncated or malformed bodies."),
        CliApplicationTexts::tr("rate"), QStringLiteral("0"));
    const QCommandLineOption encodingOption(
        QStringLiteral("cardskipper-encoding"),
        CliApplicationTexts::tr(
            "How Cardskipper answers are encoded: utf-8, utf-8-declared-utf-16 (UTF-8 bytes "
            "under an XML declaration that says utf-16, as .NET writes a string) or utf-16 "
            "(with a byte-order mark)."),
        CliApplicationTexts::tr("encoding"), QStringLiteral("utf-8"));
    const QCommandLineOption lenientOption(
        QStringLiteral("lenient"),
        CliApplicationTexts::tr(
            "Accept request documents the strict mode rejects (element text, missing root)."));
    const QCommandLineOption devicePortOption(
        QStringLiteral("device-port"),
        CliApplicationTexts::tr("Port of the door terminal (0 picks a free one)."),
        CliApplicationTexts::tr("port"), QStringLiteral("0"));
    const QCommandLineOption deviceProfileOption(
        QStringLiteral("device-profile"),
        CliApplicationTexts::tr("Terminal model to simulate: %1.")
            .arg(sim::DeviceProfiles::names().join(QStringLiteral(", "))),
        CliApplicationTexts::tr("name"), sim::DeviceProfiles::defaultName());
    const QCommandLineOption personsOption(
        QStringLiteral("persons"),
        CliApplicationTexts::tr("Number of persons already on the terminal."),
        CliApplicationTexts::tr("count"),
        QString::number(sim::DeviceDemoData::kDefaultPersonCount));
    const QCommandLineOption deviceCapacityOption(
        QStringLiteral("device-capacity"),
        CliApplicationTexts::tr("Persons the terminal can hold (default: what the model holds)."),
        CliApplicationTexts::tr("count"));
    const QCommandLineOption deviceLatencyOption(
        QStringLiteral("device-latency-ms"),
        CliApplicationTexts::tr("Delay added to every terminal answer."),
        CliApplicationTexts::tr("ms"), QStringLiteral("0"));
    const QCommandLineOption deviceFaultRateOption(
        QStringLiteral("device-fault-rate"),
        CliApplicationTexts::tr(
            "Share of terminal requests (0 to 1) answered with a fault: HTTP 500/503, "
            "deviceBusy, timeouts, dropped connections, truncated or malformed bodies."),
        CliApplicationTexts::tr("rate"), QStringLiteral("0"));
    const QCommandLineOption deviceNonceUsesOption(
        QStringLiteral("device-nonce-uses"),
        CliApplicationTexts::tr("Requests one Digest nonce of the terminal serves before it is "
                                "called stale (1: one-time nonces; 0: no limit)."),
        CliApplicationTexts::tr("count"), QString::number(sim::DigestAuthSettings().nonceMaxUses));
    const QCommandLineOption deviceNonceSecondsOption(
        QStringLiteral("device-nonce-seconds"),
        CliApplicationTexts::tr(
            "Seconds a Digest nonce of the terminal lives before it is called stale (0: no "
            "limit)."),
        CliApplicationTexts::tr("seconds"),
        QString::number(sim::DigestAuthSettings().nonceLifetimeSeconds));
    const QCommandLineOption deviceUserOption(
        QStringLiteral("device-user"), CliApplicationTexts::tr("Terminal account name."),
        CliApplicationTexts::tr("name"), sim::IsapiSimulator::defaultUser());
    const QCommandLineOption devicePasswordOption(
        QStringLiteral("device-password"), CliApplicationTexts::tr("Terminal account password."),
        CliApplicationTexts::tr("password"), sim::IsapiSimulator::defaultPassword());
    parser.addOptions({portOption, membersOption, seedOption, latencyOption, faultRateOption,
                       encodingOption, lenientOption, devicePortOption, deviceProfileOption,
                       personsOption, deviceCapacityOption, deviceLatencyOption,
                       deviceFaultRateOption, deviceNonceUsesOption, deviceNonceSecondsOption,
                       deviceUserOption, devicePasswordOption});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return Done;
    }
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return usageError(
            CliApplicationTexts::tr("--cardskipper-port must be a port number from 0 to 65535."));
    const int memberCount = parser.value(membersOption).toInt(&ok);
    if (!ok || memberCount < 0 || memberCount > 1000000)
        return usageError(CliApplicationTexts::tr("--members must be a number from 0 to 1000000."));
    const quint32 seed = parser.value(seedOption).toUInt(&ok);
    if (!ok)
        return usageError(CliApplicationTexts::tr("--seed must be a non-negative number."));
    const int latencyMs = parser.value(latencyOption).toInt(&ok);
    if (!ok || latencyMs < 0)
        return usageError(CliApplicationTexts::tr("--latency-ms must be a non-negative number."));
    const double faultRate = parser.value(faultRateOption).toDouble(&ok);
    if (!ok || faultRate < 0.0 || faultRate > 1.0)
        return usageError(CliApplicationTexts::tr("--fault-rate must be a number from 0 to 1."));
    using BodyEncoding = sim::CardskipperSimulator::BodyEncoding;
    const QHash<QString, BodyEncoding> encodings{
        {QStringLiteral("utf-8"), BodyEncoding::Utf8},
        {QStringLiteral("utf-8-declared-utf-16"), BodyEncoding::Utf8DeclaredUtf16},
        {QStringLiteral("utf-16"), BodyEncoding::Utf16WithBom}};
    const QString encodingName = parser.value(encodingOption).toLower();
    if (!encodings.contains(encodingName))
        return usageError(CliApplicationTexts::tr("--cardskipper-encoding must be utf-8, "
                                                  "utf-8-declared-utf-16 or utf-16, not \"%1\".")
                              .arg(parser.value(encodingOption)));
    const uint devicePort = parser.value(devicePortOption).toUInt(&ok);
    if (!ok || devicePort > 65535)
        return usageError(
            CliApplicationTexts::tr("--device-port must be a port number from 0 to 65535."));
    const std::optional<sim::DeviceProfile> profile =
        sim::DeviceProfiles::byName(parser.value(deviceProfileOption));
    if (!profile)
        return usageError(
            CliApplicationTexts::tr("--device-profile \"%1\" is unknown; choose one of %2.")
                .arg(parser.value(deviceProfileOption),
                     sim::DeviceProfiles::names().join(QStringLiteral(", "))));
    int maxPersons = profile->limits().maxRecordNum;
    if (parser.isSet(deviceCapacityOption)) {
        maxPersons = parser.value(deviceCapacityOption).toInt(&ok);
        if (!ok || maxPersons < 1 || maxPersons > 1000000)
            return usageError(
                CliApplicationTexts::tr("--device-capacity must be a number from 1 to 1000000."));
    }
    const int personCount = parser.value(personsOption).toInt(&ok);
    if (!ok || personCount < 0 || personCount > maxPersons)
        return usageError(
            CliApplicationTexts::tr("--persons must be a number from 0 to %1 (what a %2 holds).")
                .arg(maxPersons)
                .arg(profile->name));
    const int deviceLatencyMs = parser.value(deviceLatencyOption).toInt(&ok);
    if (!ok || deviceLatencyMs < 0)
        return usageError(
            CliApplicationTexts::tr("--device-latency-ms must be a non-negative number."));
    const double deviceFaultRate = parser.value(deviceFaultRateOption).toDouble(&ok);
    if (!ok || deviceFaultRate < 0.0 || deviceFaultRate > 1.0)
        return usageError(
            CliApplicationTexts::tr("--device-fault-rate must be a number from 0 to 1."));
    const int nonceUses = parser.value(deviceNonceUsesOption).toInt(&ok);
    if (!ok || nonceUses < 0)
        return usageError(
            CliApplicationTexts::tr("--device-nonce-uses must be a non-negative number."));
    const qint64 nonceSeconds = parser.value(deviceNonceSecondsOption).toLongLong(&ok);
    if (!ok || nonceSeconds < 0)
        return usageError(
            CliApplicationTexts::tr("--device-nonce-seconds must be a non-negative number."));
    const QString deviceUser = parser.value(deviceUserOption);
    const QString devicePassword = parser.value(devicePasswordOption);
    if (deviceUser.isEmpty() || devicePassword.isEmpty())
        return usageError(
            CliApplicationTexts::tr("--device-user and --device-password must not be empty."));

    sim::CardskipperSimulator simulator(m_clock);
    simulator.options().strict = !parser.isSet(lenientOption);
    simulator.options().bodyEncoding = encodings.value(encodingName);
    if (simulator.options().bodyEncoding == BodyEncoding::Utf16WithBom)
        simulator.options().contentType = "application/xml; charset=utf-16";
    simulator.faults().setSeed(seed);
    simulator.faults().setLatencyMs(latencyMs);
    simulator.faults().setFaultRate(faultRate);
    simulator.loadDemoData(memberCount, seed);
    if (!simulator.listen(static_cast<quint16>(port))) {
        m_err << CliApplicationTexts::tr(
                     "Cannot listen on 127.0.0.1 port %1: is it already in use?")
                     .arg(port)
              << Qt::endl;
        return CannotConnect;
    }

    sim::IsapiSimulator device(m_clock);
    device.setProfile(*profile);
    device.profile().setCapability({QStringLiteral("maxRecordNum")}, maxPersons);
    device.setCredentials(deviceUser, devicePassword);
    device.auth().settings().nonceMaxUses = nonceUses;
    device.auth().settings().nonceLifetimeSeconds = nonceSeconds;
    device.faults().setSeed(seed);
    device.faults().setFaultRate(deviceFaultRate);
    device.setLatencyMs(deviceLatencyMs);
    device.loadDemoPersons(personCount, seed);
    if (!device.listen(static_cast<quint16>(devicePort))) {
        m_err << CliApplicationTexts::tr(
                     "Cannot listen on 127.0.0.1 port %1: is it already in use?")
                     .arg(devicePort)
              << Qt::endl;
        return CannotConnect;
    }

    const QString url = simulator.baseUrl().toString();
    m_out << CliApplicationTexts::tr("Cardskipper simulator listening on %1").arg(url) << Qt::endl
          << CliApplicationTexts::tr(
                 "  account demo, password demo; organisation %1 with %2 members (seed %3)")
                 .arg(sim::DemoData::kOrganisationId)
                 .arg(memberCount)
                 .arg(seed)
          << Qt::endl
          << CliApplicationTexts::tr(
                 "Try: CARDSKIPPER_PASSWORD=demo %1 members --url %2 --username demo "
                 "--organisation-id %3")
                 .arg(QCoreApplication::applicationFilePath(), url)
                 .arg(sim::DemoData::kOrganisationId)
          << Qt::endl
          << CliApplicationTexts::tr("Door terminal simulator (%1) listening on %2")
                 .arg(profile->name, device.baseUrl().toString())
          << Qt::endl
          << CliApplicationTexts::tr("  Digest user %1, password %2; %3 persons on the terminal")
                 .arg(deviceUser, devicePassword)
                 .arg(personCount)
          << Qt::endl
          << CliApplicationTexts::tr("Press Ctrl+C to stop.") << Qt::endl;

    const auto logRequest = [this](const QString &system) {
        return [this, system](const QString &method, const QString &path) {
            m_out << m_clock->now().toString(QStringLiteral("HH:mm:ss")) << QLatin1Char(' ')
                  << system << method << QLatin1Char(' ') << path << Qt::endl;
        };
    };
    connect(&simulator, &sim::CardskipperSimulator::requestReceived, this, logRequest(QString()));
    connect(&device, &sim::IsapiSimulator::requestReceived, this,
            logRequest(QStringLiteral("[door] ")));
    SignalWatcher signals_;
    QEventLoop loop;
    connect(&signals_, &SignalWatcher::terminationRequested, &loop, &QEventLoop::quit);
    loop.exec();
    m_out << CliApplicationTexts::tr("Simulators stopped.") << Qt::endl;
    return Done;
}

int CliApplication::runDemo(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.setApplicationDescription(CliApplicationTexts::tr(
        "The original project's walkthrough, with simulated systems and no account: a "
        "Cardskipper organisation and a door terminal with persons added by hand; a preview; "
        "the first sync; a member renews; the next sync extends exactly that person."));
    const QCommandLineOption membersOption(QStringLiteral("members"),
                                           CliApplicationTexts::tr("Number of demo members."),
                                           CliApplicationTexts::tr("count"), QStringLiteral("40"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        CliApplicationTexts::tr("Seed for the demo data."),
                                        CliApplicationTexts::tr("number"), QStringLiteral("1"));
    parser.addOptions({membersOption, seedOption});
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return Done;
    }
    bool ok = false;
    const int memberCount = parser.value(membersOption).toInt(&ok);
    if (!ok || memberCount < 18 || memberCount > 100000)
        return usageError(CliApplicationTexts::tr("--members must be a number from 18 to 100000."));
    const quint32 seed = parser.value(seedOption).toUInt(&ok);
    if (!ok)
        return usageError(CliApplicationTexts::tr("--seed must be a non-negative number."));

    sim::CardskipperSimulator cardskipper(m_clock);
    cardskipper.loadDemoData(memberCount, seed);
    sim::IsapiSimulator door(m_clock);
    door.loadDemoPersons(9, seed);
    if (!cardskipper.listen() || !door.listen()) {
        m_err << CliApplicationTexts::tr("Cannot start the simulators on 127.0.0.1.") << Qt::endl;
        return CannotConnect;
    }
    QTemporaryDir folder;
    AppSettings settings;
    settings.cardskipper.url = cardskipper.baseUrl();
    settings.cardskipper.username = QStringLiteral("demo");
    settings.cardskipper.organisationId = sim::DemoData::kOrganisationId;
    DeviceSettings device;
    device.id = QStringLiteral("front-door");
    device.name = CliApplicationTexts::tr("Front door");
    device.url = door.baseUrl();
    device.username = sim::IsapiSimulator::defaultUser();
    settings.devices = {device};
    settings.sync.retryBackoffMs = 200;
    SyncEngine::Credentials credentials;
    credentials.cardskipperPassword = QStringLiteral("demo");
    credentials.devicePasswords.insert(device.id, sim::IsapiSimulator::defaultPassword());
    SyncSession session(*m_clock);
    const QString error =
        session.open(settings, credentials, folder.filePath(QStringLiteral("demo.sqlite")));
    if (!error.isEmpty()) {
        m_err << error << Qt::endl;
        return UsageError;
    }

    const auto heading = [this](const QString &text) {
        m_out << Qt::endl << QStringLiteral("== ") << text << Qt::endl;
    };
    m_out << CliApplicationTexts::tr(
                 "Cardskipper (simulated) at %1: organisation %2 with %3 members.")
                 .arg(cardskipper.baseUrl().toString())
                 .arg(sim::DemoData::kOrganisationId)
                 .arg(memberCount)
          << Qt::endl
          << CliApplicationTexts::tr(
                 "Door terminal (simulated %1) at %2 with %3 persons added by hand in iVMS-4200: "
                 "the admin, cleaning staff, and some members typed in earlier.")
                 .arg(door.profile().name, door.baseUrl().toString())
                 .arg(door.persons().size())
          << Qt::endl;

    heading(
        CliApplicationTexts::tr("1. Preview: what the first sync would do (nothing is written)"));
    SyncEngine::RunOptions preview;
    preview.kind = RunKind::Preview;
    RunReport report = session.run(preview);
    if (!report.cardskipperError.isEmpty()) {
        m_err << report.cardskipperError << Qt::endl;
        return CannotConnect;
    }
    m_out << RunOutput::planText(report, false);

    heading(CliApplicationTexts::tr("2. First sync"));
    SyncEngine::RunOptions sync;
    sync.kind = RunKind::QuickSync;
    report = session.run(sync);
    m_out << RunOutput::summaryText(report);
    m_out << CliApplicationTexts::tr(
                 "The terminal now holds %1 persons; the staff and the persons nobody linked "
                 "were not touched.")
                 .arg(door.persons().size())
          << Qt::endl;

    // Renew someone whose person we just created.
    std::optional<Link> renewed;
    for (const Link &link : session.store().links(device.id)) {
        if (link.origin == LinkOrigin::Created && (!renewed || link.member < renewed->member))
            renewed = link;
    }
    if (!renewed) {
        m_err << CliApplicationTexts::tr("The first sync created nobody; the demo cannot go on.")
              << Qt::endl;
        return SomeFailed;
    }
    QString renewedName;
    for (const Member &member : session.store().members(sim::DemoData::kOrganisationId)) {
        if (member.key == renewed->member)
            renewedName = member.displayName();
    }
    const QDate newEnd = m_clock->today().addYears(1).addMonths(1);
    heading(CliApplicationTexts::tr("3. %1 (member %2) renews in Cardskipper until %3")
                .arg(renewedName)
                .arg(renewed->member.organisationMemberId)
                .arg(newEnd.toString(Qt::ISODate)));
    cardskipper.extendMembership(renewed->member.organisationMemberId, newEnd);
    door.resetCounters();

    heading(CliApplicationTexts::tr("4. Sync again"));
    report = session.run(sync);
    m_out << RunOutput::planText(report, false) << RunOutput::summaryText(report);
    m_out << CliApplicationTexts::tr("Writes sent to the terminal: %1 (only the renewal).")
                 .arg(door.totalWriteCount())
          << Qt::endl;

    heading(CliApplicationTexts::tr("5. And once more, with nothing changed"));
    door.resetCounters();
    report = session.run(sync);
    m_out << RunOutput::summaryText(report);
    m_out << CliApplicationTexts::tr("Writes sent to the terminal: %1.").arg(door.totalWriteCount())
          << Qt::endl;
    m_out << Qt::endl
          << CliApplicationTexts::tr(
                 "Try it yourself: \"%1 simulate\" keeps both simulators running; see the "
                 "README for a configuration file.")
                 .arg(QCoreApplication::applicationName())
          << Qt::endl;
    m_out.flush();
    return report.exitCode();
}

} // namespace cis
