// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Promise 6, secrets: after a full sync with every log category at debug level, neither
// password nor any Authorization header is in the settings file, the database, the logs, the
// reports or the output of a killed run.
#include "CardskipperSimulator.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "ProcessWait.h"
#include "ReliabilityRig.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::IsapiSimulator;

namespace {

const QString kCardskipperPassword = QStringLiteral("Hemligt-Lösen-4711");
const QString kDevicePassword = QStringLiteral("Dörr-Kod-93!");

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CardskipperSimulator m_cardskipper;
    IsapiSimulator m_door;
    QString m_config;
    QByteArray m_output; // everything every run printed

    void runCli(const QStringList &arguments, int killAfterWrites = -1)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CARDSKIPPER_PASSWORD"), kCardskipperPassword);
        environment.insert(QStringLiteral("IVMS_PASSWORD"), kDevicePassword);
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        // Qt's own network tracing too, where a careless program would leak headers.
        environment.insert(QStringLiteral("QT_LOGGING_TO_CONSOLE"), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        QMetaObject::Connection kill;
        if (killAfterWrites > 0) {
            kill = connect(&m_door, &IsapiSimulator::requestReceived, this, [&] {
                if (m_door.totalWriteCount() >= killAfterWrites &&
                    process.state() == QProcess::Running)
                    process.kill();
            });
        }
        process.start(QStringLiteral(CIS_CLI_PATH),
                      QStringList{QStringLiteral("--config"), m_config} + arguments);
        QVERIFY(process.waitForStarted());
        QVERIFY(test::waitForExit(process, 120000));
        disconnect(kill);
        m_output += process.readAll();
    }

    static QStringList leaksIn(const QByteArray &data)
    {
        QStringList found;
        const QList<std::pair<QString, QByteArray>> needles{
            {QStringLiteral("the Cardskipper password"), kCardskipperPassword.toUtf8()},
            {QStringLiteral("the door password"), kDevicePassword.toUtf8()},
            {QStringLiteral("the Cardskipper password in Basic auth"),
             QByteArray("demo:" + kCardskipperPassword.toUtf8()).toBase64()},
            {QStringLiteral("an Authorization header"), QByteArrayLiteral("Authorization")},
            {QStringLiteral("a Digest response"), QByteArrayLiteral("response=\"")},
        };
        for (const auto &[what, needle] : needles) {
            if (data.contains(needle) || data.toLower().contains(needle.toLower()))
                found.append(what);
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        m_cardskipper.loadDemoData(60, 8);
        sim::SimAccount account = *m_cardskipper.account(QStringLiteral("demo"));
        account.password = kCardskipperPassword;
        m_cardskipper.setAccount(account);
        QVERIFY(m_cardskipper.listen());
        m_door.setCredentials(IsapiSimulator::defaultUser(), kDevicePassword);
        m_door.loadDemoPersons(3);
        QVERIFY(m_door.listen());
        m_config = reliability::writeClubIni(m_dir.path(), m_cardskipper, m_door);
    }

    void noSecretIsWrittenAnywhere()
    {
        const QString report = m_dir.filePath(QStringLiteral("report.json"));
        runCli({QStringLiteral("test-connection")});
        runCli({QStringLiteral("plan"), QStringLiteral("--json")});
        runCli({QStringLiteral("sync"), QStringLiteral("--report"), report}, 10); // killed
        runCli(
            {QStringLiteral("sync"), QStringLiteral("--full"), QStringLiteral("--report"), report});
        runCli({QStringLiteral("status"), QStringLiteral("--json")});
        // A wrong password's error path, too.
        m_door.setCredentials(IsapiSimulator::defaultUser(), QStringLiteral("changed-on-door"));
        runCli({QStringLiteral("sync"), QStringLiteral("--full")});
        QVERIFY(m_door.persons().size() > 20);    // the sync really ran
        QVERIFY(m_output.contains("Front door")); // and really printed

        // The secrets did travel where they must: to the servers.
        bool sentToCardskipper = false;
        for (const auto &request : m_cardskipper.receivedRequests())
            sentToCardskipper = sentToCardskipper || !request.header("Authorization").isEmpty();
        QVERIFY(sentToCardskipper);

        QStringList findings;
        const QStringList printed = leaksIn(m_output);
        for (const QString &what : printed)
            findings.append(QStringLiteral("program output: %1").arg(what));
        int files = 0;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            ++files;
            for (const QString &what : leaksIn(file.readAll()))
                findings.append(QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), what));
        }
        QVERIFY(files >= 3); // settings, database (and its WAL), report
        QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));
        qInfo().noquote() << QStringLiteral("secrets: %1 bytes of output and %2 files searched, "
                                            "no password or Authorization header found")
                                 .arg(m_output.size())
                                 .arg(files);
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
