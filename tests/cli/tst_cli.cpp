// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Runs the real command-line program as a person would, against a simulator in this process.
#include "CardskipperSimulator.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "ProcessWait.h"

#include <QAuthenticator>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::IsapiSimulator;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// What the CLI printed, as a reader of the console sees it: on Windows lines end in CR LF.
QString consoleText(const QByteArray &output)
{
    QString text = QString::fromUtf8(output);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CardskipperSimulator> m_simulator;

    // The simulator lives on this thread, so wait with an event loop, not waitForFinished().
    Run run(const QStringList &arguments, const QString &password = QStringLiteral("demo"),
            bool setPassword = true,
            const QString &passwordVariable = QStringLiteral("CARDSKIPPER_PASSWORD"))
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("CARDSKIPPER_PASSWORD"));
        environment.remove(QStringLiteral("IVMS_PASSWORD"));
        if (setPassword)
            environment.insert(passwordVariable, password);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CIS_CLI_PATH), arguments);
        if (!process.waitForStarted())
            qFatal("cannot start the CLI");
        if (!test::waitForExit(process, 60000))
            qFatal("the CLI did not finish");
        return {process.exitCode(), consoleText(process.readAllStandardOutput()),
                consoleText(process.readAllStandardError())};
    }

    QStringList membersArguments(qint64 organisationId = DemoData::kOrganisationId) const
    {
        return {QStringLiteral("members"),
                QStringLiteral("--url"),
                m_simulator->baseUrl().toString(),
                QStringLiteral("--username"),
                QStringLiteral("demo"),
                QStringLiteral("--organisation-id"),
                QString::number(organisationId)};
    }

private slots:
    void init()
    {
        m_simulator = std::make_unique<CardskipperSimulator>();
        m_simulator->loadDemoData();
        QVERIFY(m_simulator->listen());
    }

    void cleanup() { m_simulator.reset(); }

    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral("cardskipper-ivms-sync-cli 0.")));
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("members")));
        QVERIFY(help.out.contains(QStringLiteral("simulate")));
        const Run membersHelp = run({QStringLiteral("members"), QStringLiteral("--help")});
        QCOMPARE(membersHelp.exitCode, 0);
        QVERIFY(membersHelp.out.contains(QStringLiteral("--organisation-id")));
        QVERIFY(membersHelp.out.contains(QStringLiteral("CARDSKIPPER_PASSWORD")));
    }

    // The messages follow the user's language: LANG and LC_ALL here, the user's locale on
    // Windows (which Wine takes from the same variables).
    void messagesFollowTheUsersLanguage()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("LANGUAGE"));
        environment.insert(QStringLiteral("LANG"), QStringLiteral("sv_SE.UTF-8"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("sv_SE.UTF-8"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CIS_CLI_PATH), {QStringLiteral("--help")});
        QVERIFY(process.waitForStarted());
        QVERIFY(test::waitForExit(process, 60000));
        QCOMPARE(process.exitCode(), 0);
        const QString out = consoleText(process.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral(
                     "Håller Hikvisions dörrterminaler i synk med medlemskapen i Cardskipper.")),
                 qPrintable(out.left(400)));
    }

    void usageErrorsExitWithTwo()
    {
        QCOMPARE(run({}).exitCode, 2);
        const Run unknown = run({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("frobnicate")));
        const Run noOrganisation =
            run({QStringLiteral("members"), QStringLiteral("--username"), QStringLiteral("demo")});
        QCOMPARE(noOrganisation.exitCode, 2);
        QVERIFY(noOrganisation.err.contains(QStringLiteral("--organisation-id")));
        const Run noPassword = run(membersArguments(), {}, false);
        QCOMPARE(noPassword.exitCode, 2);
        QVERIFY(noPassword.err.contains(QStringLiteral("CARDSKIPPER_PASSWORD")));
        QVERIFY(m_simulator->receivedRequests().isEmpty());
        const Run badNonce = run({QStringLiteral("simulate"), QStringLiteral("--device-nonce-uses"),
                                  QStringLiteral("-1")});
        QCOMPARE(badNonce.exitCode, 2);
        QVERIFY(badNonce.err.contains(QStringLiteral("--device-nonce-uses")));
        const Run badEncoding =
            run({QStringLiteral("simulate"), QStringLiteral("--cardskipper-encoding"),
                 QStringLiteral("ebcdic")});
        QCOMPARE(badEncoding.exitCode, 2);
        QVERIFY(badEncoding.err.contains(QStringLiteral("ebcdic")));
    }

    void membersPrintsATable()
    {
        const Run result = run(membersArguments());
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("Åsa Öberg")));
        QVERIFY(result.out.contains(QStringLiteral("asa.oberg")));
        QVERIFY(result.out.contains(QStringLiteral("Total: 120")));
        QVERIFY(result.err.isEmpty());
    }

    void membersPrintsJson()
    {
        QStringList arguments = membersArguments();
        arguments << QStringLiteral("--json") << QStringLiteral("--only-active");
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray members = document.array();
        QVERIFY(!members.isEmpty());
        QVERIFY(members.size() < DemoData::kDefaultMemberCount);
        for (const QJsonValue &member : members)
            QCOMPARE(member[QStringLiteral("state")].toString(), QStringLiteral("active"));
        const auto asa = std::find_if(members.begin(), members.end(), [](const QJsonValue &m) {
            return m[QStringLiteral("memberNumber")].toInteger() == DemoData::kPlainMember;
        });
        QVERIFY(asa != members.end());
        QCOMPARE((*asa)[QStringLiteral("firstName")].toString(), QStringLiteral("Åsa"));
    }

    void wrongPasswordSaysSoAndExitsWithThree()
    {
        const Run result = run(membersArguments(), QStringLiteral("not-the-password"));
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains(QStringLiteral("username or password")));
        QVERIFY(!result.err.contains(QStringLiteral("not-the-password")));
        QVERIFY(!result.out.contains(QStringLiteral("not-the-password")));
        QCOMPARE(m_simulator->failedAuthCount(), 1);
    }

    void unreachableHostIsNamed()
    {
        QTcpServer placeholder;
        QVERIFY(placeholder.listen(QHostAddress::LocalHost));
        const quint16 port = placeholder.serverPort();
        placeholder.close();
        QStringList arguments = membersArguments();
        arguments[2] = QStringLiteral("http://127.0.0.1:%1").arg(port);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains(QStringLiteral("Cannot reach Cardskipper at 127.0.0.1")));
    }

    void unknownOrganisationListsTheReadableOnes()
    {
        const Run result = run(membersArguments(DemoData::kForeignOrganisationId));
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QString::number(DemoData::kForeignOrganisationId)));
        QVERIFY(result.err.contains(QStringLiteral("4711 (Exempelklubben IF)")));
    }

    void simulateServesUntilTerminated()
    {
        QProcess process;
        process.start(
            QStringLiteral(CIS_CLI_PATH),
            {QStringLiteral("simulate"), QStringLiteral("--members"), QStringLiteral("10")});
        QVERIFY(process.waitForStarted());
        QString banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += consoleText(process.readAllStandardOutput()))
                                     .contains(QStringLiteral("Press Ctrl+C")),
                                 20000);
        const QString url =
            banner.section(QStringLiteral("listening on "), 1).section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(banner));

        QProcess client;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CARDSKIPPER_PASSWORD"), QStringLiteral("demo"));
        client.setProcessEnvironment(environment);
        client.start(QStringLiteral(CIS_CLI_PATH),
                     {QStringLiteral("members"), QStringLiteral("--url"), url,
                      QStringLiteral("--username"), QStringLiteral("demo"),
                      QStringLiteral("--organisation-id"), QStringLiteral("4711")});
        QVERIFY(client.waitForFinished(30000));
        QCOMPARE(client.exitCode(), 0);
        QVERIFY(consoleText(client.readAllStandardOutput()).contains(QStringLiteral("Total: 10")));

        process.terminate(); // SIGTERM: a clean stop
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(consoleText(process.readAllStandardOutput())
                    .contains(QStringLiteral("POST /Member/Export")));
    }

    void simulateRunsADoorTerminalBesideCardskipper()
    {
        QProcess process;
        process.start(
            QStringLiteral(CIS_CLI_PATH),
            {QStringLiteral("simulate"), QStringLiteral("--members"), QStringLiteral("10"),
             QStringLiteral("--device-port"), QStringLiteral("0"), QStringLiteral("--persons"),
             QStringLiteral("1600"), QStringLiteral("--device-capacity"), QStringLiteral("2000"),
             QStringLiteral("--device-nonce-uses"), QStringLiteral("1"),
             QStringLiteral("--cardskipper-encoding"), QStringLiteral("utf-8-declared-utf-16"),
             QStringLiteral("--device-password"), QStringLiteral("s3cret-door")});
        QVERIFY(process.waitForStarted());
        QString banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += consoleText(process.readAllStandardOutput()))
                                     .contains(QStringLiteral("Press Ctrl+C")),
                                 20000);
        const QString deviceLine =
            banner.section(QStringLiteral("Door terminal simulator"), 1).section(u'\n', 0, 0);
        QVERIFY2(deviceLine.startsWith(QStringLiteral(" (DS-K1T341AM) listening on ")),
                 qPrintable(banner));
        const QUrl url(deviceLine.section(QStringLiteral("listening on "), 1).trimmed());
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(banner.contains(QStringLiteral("Digest user admin, password s3cret-door")));

        // A raw Digest exchange, QNetworkAccessManager answering the challenge.
        QNetworkAccessManager network;
        int asked = 0;
        connect(&network, &QNetworkAccessManager::authenticationRequired, this,
                [&asked](QNetworkReply *, QAuthenticator *authenticator) {
                    ++asked;
                    authenticator->setUser(QStringLiteral("admin"));
                    authenticator->setPassword(QStringLiteral("s3cret-door"));
                });
        const auto get = [&](const QString &path) {
            QNetworkReply *reply = network.get(QNetworkRequest(url.resolved(QUrl(path))));
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(20000, &loop, &QEventLoop::quit);
            if (!reply->isFinished())
                loop.exec();
            const QByteArray body = reply->readAll();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->deleteLater();
            return std::make_pair(status, body);
        };
        const auto [infoStatus, info] = get(QStringLiteral("/ISAPI/System/deviceInfo"));
        QCOMPARE(infoStatus, 200);
        QXmlStreamReader xml(info);
        QString model;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement &&
                xml.name() == QLatin1String("model"))
                model = xml.readElementText();
        }
        QCOMPARE(model, QStringLiteral("DS-K1T341AM"));
        const auto [countStatus, count] =
            get(QStringLiteral("/ISAPI/AccessControl/UserInfo/Count?format=json"));
        QCOMPARE(countStatus, 200);
        QCOMPARE(QJsonDocument::fromJson(
                     count)[QLatin1String("UserInfoCount")][QLatin1String("userNumber")]
                     .toInt(),
                 1600); // more than the model's 1,500: --device-capacity raised it
        // One-time nonces: the second request met a stale nonce, which QNAM answered itself.
        QCOMPARE(asked, 1);

        // Cardskipper answers in the .NET shape: UTF-8 bytes under a utf-16 declaration.
        const QUrl cardskipper(
            banner.section(QStringLiteral("Cardskipper simulator listening on "), 1)
                .section(u'\n', 0, 0)
                .trimmed());
        QNetworkRequest infoRequest(
            cardskipper.resolved(QUrl(QStringLiteral("/Organisation/Info"))));
        infoRequest.setRawHeader("Authorization", "Basic " + QByteArray("demo:demo").toBase64());
        QNetworkReply *infoReply = network.get(infoRequest);
        QTRY_VERIFY_WITH_TIMEOUT(infoReply->isFinished(), 20000);
        const QByteArray organisations = infoReply->readAll();
        infoReply->deleteLater();
        QVERIFY2(organisations.startsWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>"),
                 organisations.left(80).constData());
        QVERIFY(!organisations.contains('\0'));

        process.terminate();
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(consoleText(process.readAllStandardOutput())
                    .contains(QStringLiteral("[door] GET /ISAPI/System/deviceInfo")));
    }

    Run runDevice(IsapiSimulator &device, const QStringList &arguments,
                  const QString &password = IsapiSimulator::defaultPassword())
    {
        return run(QStringList{QStringLiteral("device"), QStringLiteral("--url"),
                               device.baseUrl().toString(), QStringLiteral("--username"),
                               IsapiSimulator::defaultUser()} +
                       arguments,
                   password, true, QStringLiteral("IVMS_PASSWORD"));
    }

    void deviceInfoShowsModelFirmwareSerialAndCapacity()
    {
        IsapiSimulator device;
        QVERIFY(device.setProfile(QStringLiteral("DS-K1A340FWX")));
        device.loadDemoPersons(12);
        QVERIFY(device.listen());
        const Run result = runDevice(device, {QStringLiteral("info")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("DS-K1A340FWX")), qPrintable(result.out));
        QVERIFY(result.out.contains(
            device.profile().deviceInfoValue(QStringLiteral("firmwareVersion"))));
        QVERIFY(
            result.out.contains(device.profile().deviceInfoValue(QStringLiteral("serialNumber"))));
        const int capacity = device.profile().limits().maxRecordNum;
        QVERIFY(result.out.contains(QStringLiteral("%1 persons").arg(capacity)));
        QVERIFY(result.out.contains(QRegularExpression(QStringLiteral("Persons:\\s+12\\n"))));

        const Run json = runDevice(device, {QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject object = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(object.value(QStringLiteral("model")).toString(), QStringLiteral("DS-K1A340FWX"));
        QCOMPARE(object.value(QStringLiteral("persons")).toInt(), 12);
        QCOMPARE(object.value(QStringLiteral("capacity")).toInt(), capacity);
    }

    void devicePersonsListsEveryPersonWithValidity()
    {
        IsapiSimulator device;
        device.loadDemoPersons(75); // three pages of 30
        QVERIFY(device.listen());
        const Run json = runDevice(device, {QStringLiteral("persons"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray persons = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(persons.size(), 75);
        QSet<QString> seen;
        for (const auto &value : persons) {
            const QJsonObject person = value.toObject();
            seen.insert(person.value(QStringLiteral("employeeNo")).toString());
            const QJsonObject valid = person.value(QStringLiteral("valid")).toObject();
            QVERIFY(!valid.value(QStringLiteral("beginTime")).toString().isEmpty());
            QVERIFY(!valid.value(QStringLiteral("endTime")).toString().isEmpty());
        }
        QCOMPARE(seen.size(), 75);
        for (const auto &person : device.persons())
            QVERIFY2(seen.contains(person.employeeNo), qPrintable(person.employeeNo));

        const Run table = runDevice(device, {QStringLiteral("persons")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains(QStringLiteral("Total: 75")));
        QVERIFY(table.out.contains(device.persons().first().name));

        const Run count = runDevice(device, {QStringLiteral("count")});
        QCOMPARE(count.exitCode, 0);
        QCOMPARE(count.out.trimmed(), QStringLiteral("Persons: 75"));
    }

    void deviceWrongPasswordCostsOneAttemptAndExitsWithThree()
    {
        IsapiSimulator device;
        QVERIFY(device.listen());
        const Run result =
            runDevice(device, {QStringLiteral("persons")}, QStringLiteral("not-the-password"));
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(device.failedAuthAttempts(), 1);
        QVERIFY2(result.err.contains(QStringLiteral("username or password")),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(QStringLiteral("4 attempt")));
        QCOMPARE(result.err.count(QStringLiteral("rejected")), 1); // said once, not logged twice
    }

    void deviceUsageErrors()
    {
        IsapiSimulator device;
        QVERIFY(device.listen());
        QCOMPARE(runDevice(device, {QStringLiteral("everything")}).exitCode, 2);
        const Run noPassword =
            run({QStringLiteral("device"), QStringLiteral("--url"), device.baseUrl().toString()},
                {}, false);
        QCOMPARE(noPassword.exitCode, 2);
        QVERIFY(noPassword.err.contains(QStringLiteral("IVMS_PASSWORD")));
        QCOMPARE(run({QStringLiteral("device"), QStringLiteral("info")}, QStringLiteral("x"), true,
                     QStringLiteral("IVMS_PASSWORD"))
                     .exitCode,
                 2);
        QCOMPARE(device.receivedRequests().size(), 0);
    }

    // A club configuration pointing at the Cardskipper simulator and one door simulator, in a
    // folder whose name has spaces and å/ä/ö (the configuration, the database beside it and
    // the command line's arguments all go through it, on Windows too).
    QString writeConfig(const QTemporaryDir &dir, const IsapiSimulator &door)
    {
        const QString folder = dir.filePath(QStringLiteral("Föreningen Åsa/ä ö"));
        if (!QDir().mkpath(folder))
            qFatal("cannot make the configuration folder");
        const QString path = QDir(folder).filePath(QStringLiteral("club.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write club.ini");
        file.write(QStringLiteral("[cardskipper]\nurl=%1\nusername=demo\norganisation_id=%2\n"
                                  "[devices]\nsize=1\n1\\id=front\n1\\name=Front door\n"
                                  "1\\url=%3\n1\\username=admin\n"
                                  "[sync]\ndatabase=club.sqlite\nretry_backoff_ms=0\n")
                       .arg(m_simulator->baseUrl().toString())
                       .arg(DemoData::kOrganisationId)
                       .arg(door.baseUrl().toString())
                       .toUtf8());
        return path;
    }

    Run runWithBoth(const QStringList &arguments,
                    const QString &devicePassword = IsapiSimulator::defaultPassword())
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CARDSKIPPER_PASSWORD"), QStringLiteral("demo"));
        environment.insert(QStringLiteral("IVMS_PASSWORD"), devicePassword);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CIS_CLI_PATH), arguments);
        if (!process.waitForStarted())
            qFatal("cannot start the CLI");
        if (!test::waitForExit(process, 120000))
            qFatal("the CLI did not finish");
        return {process.exitCode(), consoleText(process.readAllStandardOutput()),
                consoleText(process.readAllStandardError())};
    }

    void syncWithAConfigurationFileKeepsTheDoorInStep()
    {
        QTemporaryDir dir;
        IsapiSimulator door;
        door.loadDemoPersons(9);
        QVERIFY(door.listen());
        const QString config = writeConfig(dir, door);

        const Run plan = runWithBoth(
            {QStringLiteral("--config"), config, QStringLiteral("plan"), QStringLiteral("--json")});
        QCOMPARE(plan.exitCode, 0);
        const QJsonObject preview = QJsonDocument::fromJson(plan.out.toUtf8()).object();
        const QJsonObject counts = preview.value(QStringLiteral("devices"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("actionCounts"))
                                       .toObject();
        const int creates = counts.value(QStringLiteral("create")).toInt();
        QVERIFY2(creates > 50, qPrintable(plan.out.left(2000)));
        QCOMPARE(door.totalWriteCount(), 0); // a preview writes nothing

        const QString reportPath = dir.filePath(QStringLiteral("run.json"));
        const Run first = runWithBoth({QStringLiteral("--config"), config, QStringLiteral("sync"),
                                       QStringLiteral("--report"), reportPath});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err + first.out.right(2000)));
        QVERIFY(QFileInfo::exists(QFileInfo(config).dir().filePath(QStringLiteral("club.sqlite"))));
        QCOMPARE(
            door.successfulWriteCount(QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record")),
            creates);
        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
        QCOMPARE(report.value(QStringLiteral("counts"))
                     .toObject()
                     .value(QStringLiteral("created"))
                     .toInt(),
                 creates);
        QCOMPARE(report.value(QStringLiteral("operations")).toArray().size(), creates);
        QVERIFY(report.value(QStringLiteral("requestsByEndpoint"))
                    .toObject()
                    .contains(QStringLiteral("POST /Member/Export")));

        door.resetCounters();
        door.clearReceivedRequests();
        const Run second =
            runWithBoth({QStringLiteral("--config"), config, QStringLiteral("sync")});
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(door.receivedRequests().size(), 0);
        QVERIFY(second.out.contains(QStringLiteral("created 0, updated 0, revoked 0")));

        const Run status = runWithBoth({QStringLiteral("--config"), config,
                                        QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 0);
        const QJsonObject state = QJsonDocument::fromJson(status.out.toUtf8()).object();
        QCOMPARE(state.value(QStringLiteral("runs")).toArray().size(), 3);
        QCOMPARE(state.value(QStringLiteral("pendingOperations")).toInt(), 0);

        // Person 101 "Åsa Öberg" was added by hand; the administrator links it to member 1001.
        const Run link = runWithBoth({QStringLiteral("--config"), config, QStringLiteral("link"),
                                      QStringLiteral("--device"), QStringLiteral("front"),
                                      QStringLiteral("--employee-no"), QStringLiteral("101"),
                                      QStringLiteral("--member"), QStringLiteral("1001")});
        QVERIFY2(link.exitCode == 0, qPrintable(link.err));
        door.resetCounters();
        const Run afterLink =
            runWithBoth({QStringLiteral("--config"), config, QStringLiteral("sync")});
        QCOMPARE(afterLink.exitCode, 0);
        QCOMPARE(door.writeCount(QStringLiteral("PUT /ISAPI/AccessControl/UserInfo/Modify")), 1);
    }

    // Issue 18: the events command reads what is new, then prints, filters and exports it.
    void eventsReadsTheDoorAndPrintsFiltersAndExports()
    {
        QTemporaryDir dir;
        IsapiSimulator door;
        QVERIFY(door.listen());
        sim::DevicePerson person;
        person.employeeNo = QStringLiteral("101");
        person.name = QStringLiteral("Åsa Öberg");
        person.numOfFace = 1;
        door.upsertPerson(person);
        door.personAtDoor(QStringLiteral("101"), IsapiSimulator::Presented::Face);
        door.strangerAtDoor();
        door.unknownCardAtDoor(QStringLiteral("0012345678"));
        const QString config = writeConfig(dir, door);

        const Run all = runWithBoth({QStringLiteral("--config"), config, QStringLiteral("events")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QVERIFY2(all.err.contains(QStringLiteral("3 new events")), qPrintable(all.err));
        QCOMPARE(all.out.count(QLatin1Char('\n')), 3);
        QVERIFY(all.out.contains(QStringLiteral("Åsa Öberg (101)")));
        QVERIFY(all.out.contains(QStringLiteral("card 0012345678")));

        // Nothing new the second time; the refused ones only; as JSON.
        const Run refused =
            runWithBoth({QStringLiteral("--config"), config, QStringLiteral("events"),
                         QStringLiteral("--refused"), QStringLiteral("--json")});
        QCOMPARE(refused.exitCode, 0);
        QVERIFY(!refused.err.contains(QStringLiteral("new event")));
        const QJsonArray events = QJsonDocument::fromJson(refused.out.toUtf8()).array();
        QCOMPARE(events.size(), 2);
        for (const QJsonValue &event : events)
            QCOMPARE(event.toObject().value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("refused"));

        const QString csv = dir.filePath(QStringLiteral("händelser.csv"));
        const Run exported =
            runWithBoth({QStringLiteral("--config"), config, QStringLiteral("events"),
                         QStringLiteral("--no-read"), QStringLiteral("--csv"), csv});
        QCOMPARE(exported.exitCode, 0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel reads UTF-8 only with its BOM
        QCOMPARE(bytes.count("\r\n"), 4);
        QVERIFY(QString::fromUtf8(bytes).contains(QStringLiteral("Åsa Öberg (101)")));

        const Run badDate =
            runWithBoth({QStringLiteral("--config"), config, QStringLiteral("events"),
                         QStringLiteral("--since"), QStringLiteral("4/12")});
        QCOMPARE(badDate.exitCode, 2);
        QVERIFY(badDate.err.contains(QStringLiteral("--since")));
        const Run today = runWithBoth({QStringLiteral("--config"), config, QStringLiteral("events"),
                                       QStringLiteral("--no-read"), QStringLiteral("--since"),
                                       QDate::currentDate().addDays(1).toString(Qt::ISODate)});
        QCOMPARE(today.exitCode, 0);
        QVERIFY(today.out.contains(QStringLiteral("No events.")));
    }

    // Issue 18: visits per member and day, from the granted entries of linked persons.
    void visitsCountsTheDaysEachMemberCameIn()
    {
        QTemporaryDir dir;
        IsapiSimulator door;
        QVERIFY(door.listen());
        const QString config = writeConfig(dir, door);
        const Run sync = runWithBoth({QStringLiteral("--config"), config, QStringLiteral("sync")});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        QVERIFY(!door.persons().isEmpty());
        sim::DevicePerson person = door.persons().first();
        person.numOfFace = 1;
        door.upsertPerson(person);
        door.personAtDoor(person.employeeNo, IsapiSimulator::Presented::Face);
        door.personAtDoor(person.employeeNo, IsapiSimulator::Presented::Face);
        door.strangerAtDoor();
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const QString csv = dir.filePath(QStringLiteral("besök.csv"));
        const Run visits = runWithBoth(
            {QStringLiteral("--config"), config, QStringLiteral("visits"), QStringLiteral("--from"),
             today, QStringLiteral("--to"), today, QStringLiteral("--csv"), csv});
        QVERIFY2(visits.exitCode == 0, qPrintable(visits.err));
        QVERIFY2(visits.out.contains(QStringLiteral("(%1): 1 day").arg(person.employeeNo)),
                 qPrintable(visits.out));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines =
            QString::fromUtf8(bytes).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).contains(QStringLiteral(",%1,%2,2,").arg(person.employeeNo, today)),
                 qPrintable(lines.at(1)));
        const Run backwards = runWithBoth(
            {QStringLiteral("--config"), config, QStringLiteral("visits"), QStringLiteral("--from"),
             today, QStringLiteral("--to"), QStringLiteral("2020-01-01")});
        QCOMPARE(backwards.exitCode, 2);
    }

    // Issue 16: two doors are synced at the same time; each gets its line the moment it is
    // done, and the report has each door's start, end and requests.
    void syncOfTwoDoorsReportsEachDoorAsItFinishes()
    {
        QTemporaryDir dir;
        IsapiSimulator front;
        QVERIFY(front.listen());
        IsapiSimulator gym;
        gym.setLatencyMs(10); // the slower one
        QVERIFY(gym.listen());
        const QString config = dir.filePath(QStringLiteral("club.ini"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("[cardskipper]\nurl=%1\nusername=demo\norganisation_id=%2\n"
                                  "[devices]\nsize=2\n1\\id=front\n1\\name=Entrance\n"
                                  "1\\url=%3\n1\\username=admin\n2\\id=gym\n2\\name=Gym\n"
                                  "2\\url=%4\n2\\username=admin\n"
                                  "[sync]\ndatabase=club.sqlite\nretry_backoff_ms=0\n")
                       .arg(m_simulator->baseUrl().toString())
                       .arg(DemoData::kOrganisationId)
                       .arg(front.baseUrl().toString(), gym.baseUrl().toString())
                       .toUtf8());
        file.close();
        const QString reportPath = dir.filePath(QStringLiteral("run.json"));
        const Run result = runWithBoth({QStringLiteral("--config"), config, QStringLiteral("sync"),
                                        QStringLiteral("--report"), reportPath});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out.right(2000)));
        const qsizetype entranceDone =
            result.out.indexOf(QStringLiteral("Door terminal \"Entrance\" done: synced"));
        const qsizetype gymDone =
            result.out.indexOf(QStringLiteral("Door terminal \"Gym\" done: synced"));
        const qsizetype plan = result.out.indexOf(QStringLiteral("Door terminal \"Entrance\": "));
        QVERIFY2(entranceDone >= 0 && gymDone > entranceDone && plan > gymDone,
                 qPrintable(result.out.left(3000)));
        QCOMPARE(front.persons().size(), gym.persons().size());
        QVERIFY(gym.persons().size() > 50);

        QFile reportFile(reportPath);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonArray devices = QJsonDocument::fromJson(reportFile.readAll())
                                       .object()
                                       .value(QStringLiteral("devices"))
                                       .toArray();
        QCOMPARE(devices.size(), 2);
        for (const QJsonValue &value : devices) {
            const QJsonObject device = value.toObject();
            QVERIFY(QDateTime::fromString(device.value(QStringLiteral("startedAt")).toString(),
                                          Qt::ISODateWithMs)
                        .isValid());
            QVERIFY(QDateTime::fromString(device.value(QStringLiteral("finishedAt")).toString(),
                                          Qt::ISODateWithMs)
                        .isValid());
            QVERIFY(device.value(QStringLiteral("endMs")).toInteger() >=
                    device.value(QStringLiteral("startMs")).toInteger());
            QVERIFY(device.value(QStringLiteral("requests")).toInt() > gym.persons().size());
        }
        // Both started before either was done.
        const QJsonObject first = devices.at(0).toObject();
        const QJsonObject second = devices.at(1).toObject();
        QVERIFY(second.value(QStringLiteral("startMs")).toInteger() <=
                first.value(QStringLiteral("endMs")).toInteger());
    }

    void syncWithAWrongDevicePasswordExitsWithThreeAfterOneAttempt()
    {
        QTemporaryDir dir;
        IsapiSimulator door;
        QVERIFY(door.listen());
        const QString config = writeConfig(dir, door);
        const Run result = runWithBoth({QStringLiteral("--config"), config, QStringLiteral("sync")},
                                       QStringLiteral("wrong"));
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(door.failedAuthAttempts(), 1);
        QVERIFY2(result.err.contains(QStringLiteral("username or password")),
                 qPrintable(result.err));
    }

    void runSyncsUntilTerminated()
    {
        QTemporaryDir dir;
        IsapiSimulator door;
        QVERIFY(door.listen());
        const QString config = writeConfig(dir, door);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CARDSKIPPER_PASSWORD"), QStringLiteral("demo"));
        environment.insert(QStringLiteral("IVMS_PASSWORD"), IsapiSimulator::defaultPassword());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CIS_CLI_PATH),
                      {QStringLiteral("--config"), config, QStringLiteral("run")});
        QVERIFY(process.waitForStarted());
        QString out;
        // The full reconcile at start runs and reports, then the scheduler waits.
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += consoleText(process.readAllStandardOutput());
                return out.contains(QStringLiteral("(full): succeeded"));
            },
            60000));
        QVERIFY(door.persons().size() > 50);
        process.terminate();
        QVERIFY(test::waitForExit(process, 20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void syncWithoutConfigurationIsAUsageError()
    {
        const Run missing = run({QStringLiteral("--config"),
                                 QStringLiteral("/nonexistent/club.ini"), QStringLiteral("sync")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("/nonexistent/club.ini")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("half.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[cardskipper]\nusername=demo\n");
        file.close();
        const Run half = run({QStringLiteral("--config"), path, QStringLiteral("sync")});
        QCOMPARE(half.exitCode, 2);
        QVERIFY(half.err.contains(QStringLiteral("organisation_id")));
    }

    void demoWalksThroughTheOriginalStory()
    {
        const Run demo = run({QStringLiteral("demo")});
        QVERIFY2(demo.exitCode == 0, qPrintable(demo.err + demo.out));
        QVERIFY(demo.out.contains(QStringLiteral("First sync")));
        QVERIFY(demo.out.contains(QStringLiteral("renews")));
        QVERIFY(
            demo.out.contains(QStringLiteral("Writes sent to the terminal: 1 (only the renewal)")));
        QVERIFY(demo.out.contains(QStringLiteral("Writes sent to the terminal: 0.")));
    }

    void simulateRefusesAnUnknownDeviceProfile()
    {
        const Run result = run({QStringLiteral("simulate"), QStringLiteral("--device-profile"),
                                QStringLiteral("DS-K9999")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("DS-K1A340FWX")));
        const Run tooMany =
            run({QStringLiteral("simulate"), QStringLiteral("--persons"), QStringLiteral("1501")});
        QCOMPARE(tooMany.exitCode, 2);
        QVERIFY(tooMany.err.contains(QStringLiteral("--persons")));
        const Run noRoom = run(
            {QStringLiteral("simulate"), QStringLiteral("--device-capacity"), QStringLiteral("0")});
        QCOMPARE(noRoom.exitCode, 2);
        QVERIFY(noRoom.err.contains(QStringLiteral("--device-capacity")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
