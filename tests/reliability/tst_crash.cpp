// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Promise 2, crash safety: the command-line program is killed with SIGKILL at random points of
// a large first sync, again and again, and restarted; the door ends exactly as Cardskipper
// says, the database passes SQLite's integrity check, and no operation stays pending.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "ProcessWait.h"
#include "ReliabilityRig.h"
#include "Store.h"
#include "Validity.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::DevicePerson;
using sim::IsapiSimulator;

namespace {

const QString kRecord = QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record");

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

class TestCrash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CardskipperSimulator m_cardskipper;
    IsapiSimulator m_door;
    QString m_config;

    void startCli(QProcess &process, const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CARDSKIPPER_PASSWORD"), QStringLiteral("demo"));
        environment.insert(QStringLiteral("IVMS_PASSWORD"), IsapiSimulator::defaultPassword());
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cis.*=false"));
        process.setProcessEnvironment(environment);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(QStringLiteral(CIS_CLI_PATH),
                      QStringList{QStringLiteral("--config"), m_config} + arguments);
        if (!process.waitForStarted())
            qFatal("cannot start the CLI");
    }

    // The simulators live on this thread: wait with an event loop, not waitForFinished().
    static bool waitForExit(QProcess &process) { return test::waitForExit(process, 300000); }

private slots:
    void initTestCase()
    {
        m_cardskipper.loadDemoData(envInt("CIS_CRASH_MEMBERS", 1500), 13);
        QVERIFY(m_cardskipper.listen());
        m_door.loadDemoPersons(3);
        QVERIFY(m_door.listen());
        m_config = reliability::writeClubIni(m_dir.path(), m_cardskipper, m_door);
    }

    void killedAtRandomPointsTheSyncStillConverges()
    {
        const int kills = envInt("CIS_CRASH_KILLS", 20);
        QRandomGenerator random(quint32(envInt("CIS_CRASH_SEED", 4242)));
        int killed = 0;
        int attempts = 0;
        QStringList points;
        while (killed < kills && attempts < kills * 3) {
            ++attempts;
            QProcess process;
            // Most kills land in the middle of the writes (and so of their journal rows), some
            // while the export is read or the door is searched.
            const int writesBefore = m_door.successfulWriteCount(kRecord);
            const bool early = random.bounded(4) == 0;
            const int atWrite = early ? 0 : random.bounded(1, 50);
            const auto killNow = [&] {
                if (process.state() == QProcess::Running) {
                    process.kill(); // SIGKILL: no destructor, no flush, no goodbye
                    ++killed;
                }
            };
            QMetaObject::Connection onDoor = connect(
                &m_door, &IsapiSimulator::requestReceived, this, [&](const QString &method) {
                    if (!early && method == QLatin1String("POST") &&
                        m_door.successfulWriteCount(kRecord) - writesBefore >= atWrite)
                        killNow();
                });
            QMetaObject::Connection onCardskipper =
                connect(&m_cardskipper, &CardskipperSimulator::requestReceived, this, [&] {
                    if (early)
                        killNow();
                });
            startCli(process, {QStringLiteral("sync")});
            QVERIFY(waitForExit(process));
            disconnect(onDoor);
            disconnect(onCardskipper);
            if (process.exitStatus() == QProcess::CrashExit)
                points.append(early ? QStringLiteral("export") : QString::number(atWrite));
        }
        QVERIFY2(killed >= kills, qPrintable(QStringLiteral("only %1 kills").arg(killed)));

        // The restart that is allowed to finish, then a full reconcile that must find nothing.
        QElapsedTimer finishing;
        finishing.start();
        {
            QProcess process;
            startCli(process, {QStringLiteral("sync")});
            QVERIFY(waitForExit(process));
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(process.exitCode(), 0);
        }
        m_door.resetCounters();
        {
            QProcess process;
            startCli(process, {QStringLiteral("sync"), QStringLiteral("--full")});
            QVERIFY(waitForExit(process));
            QCOMPARE(process.exitCode(), 0);
        }
        QCOMPARE(m_door.totalWriteCount(), 0);
        const qint64 finishingMs = finishing.elapsed();

        // Exactly the eligible members, once each, and the staff.
        const QDate today = Clock::system().today();
        QSet<QString> expected;
        for (const auto &simMember : m_cardskipper.members()) {
            const Member member = simMember.toMember(DemoData::kOrganisationId);
            const auto state = membershipState(member, DemoData::kOrganisationId, today);
            if (state == MembershipState::Active || state == MembershipState::Upcoming)
                expected.insert(QString::number(simMember.organisationMemberId));
        }
        QSet<QString> onDoor;
        int staff = 0;
        for (const DevicePerson &person : m_door.persons()) {
            QVERIFY2(!onDoor.contains(person.employeeNo), qPrintable(person.employeeNo));
            onDoor.insert(person.employeeNo);
            if (!expected.contains(person.employeeNo))
                ++staff;
        }
        QCOMPARE(staff, 3);
        for (const QString &employeeNo : expected)
            QVERIFY2(onDoor.contains(employeeNo), qPrintable(employeeNo));

        const QString databasePath = m_dir.filePath(QStringLiteral("club.sqlite"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(databasePath);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        const auto store = Store::open(databasePath, Clock::system());
        QVERIFY(store);
        QCOMPARE(store.value()->pendingOperations().size(), 0);
        int runs = 0;
        int interrupted = 0;
        for (const RunRecord &run : store.value()->runs(1000)) {
            QVERIFY2(run.status != RunStatus::Running, "a killed run still says running");
            interrupted += run.error.startsWith(QStringLiteral("Interrupted")) ? 1 : 0;
            ++runs;
        }
        QCOMPARE(interrupted, killed);
        qInfo().noquote() << QStringLiteral("crash: %1 SIGKILLs in %2 starts (killed at: %3); "
                                            "%4 persons on the door, %5 runs recorded (%6 "
                                            "closed as interrupted), integrity ok, 0 pending; "
                                            "last sync and full reconcile took %7 ms")
                                 .arg(killed)
                                 .arg(attempts)
                                 .arg(points.join(QStringLiteral(", ")))
                                 .arg(onDoor.size())
                                 .arg(runs)
                                 .arg(interrupted)
                                 .arg(finishingMs);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
