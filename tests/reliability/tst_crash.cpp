// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Promise 2, crash safety: the command-line program is killed with SIGKILL at random points of
// a large first sync, again and again, and restarted; the door ends exactly as Cardskipper
// says, the database passes SQLite's integrity check, and no operation stays pending. The same
// holds when two doors are written at the same time (issue 16).
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
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace cis;

namespace {

// SQLite's own verdict on a database file, "ok" when it is intact, read on a connection of its
// own that is gone again before the caller opens the file.
inline QString integrityOf(const QString &databasePath)
{
    const QString connection = QStringLiteral("integrity-check");
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            verdict = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA integrity_check")) && query.next())
                verdict = query.value(0).toString();
            else
                verdict = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return verdict;
}

} // namespace
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
        startCli(process, m_config, arguments);
    }

    static void startCli(QProcess &process, const QString &config, const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CARDSKIPPER_PASSWORD"), QStringLiteral("demo"));
        environment.insert(QStringLiteral("IVMS_PASSWORD"), IsapiSimulator::defaultPassword());
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cis.*=false"));
        process.setProcessEnvironment(environment);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        process.start(QStringLiteral(CIS_CLI_PATH),
                      QStringList{QStringLiteral("--config"), config} + arguments);
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
        QCOMPARE(integrityOf(databasePath), QStringLiteral("ok"));
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

    // Issue 16: both doors of a two-door club are written at the same time during the first
    // sync, and the CLI is killed while they are (after a random number of writes summed over
    // both), while they are read, or while the member list is on its way. After the restart
    // each door holds exactly the eligible members with their windows, once each, its staff
    // untouched; every write either door carried out is in the journal, and nothing is pending.
    void killedDuringATwoDoorFirstSyncBothDoorsConverge()
    {
        const int kills = envInt("CIS_CRASH_TWO_DOOR_KILLS", 15);
        QRandomGenerator random(quint32(envInt("CIS_CRASH_SEED", 4242)) + 16);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CardskipperSimulator cardskipper;
        cardskipper.loadDemoData(envInt("CIS_CRASH_TWO_DOOR_MEMBERS", 400), 17);
        QVERIFY(cardskipper.listen());
        IsapiSimulator front;
        front.loadDemoPersons(3);
        QVERIFY(front.listen());
        IsapiSimulator gym;
        gym.loadDemoPersons(2); // a different staff
        QVERIFY(gym.listen());
        const QList<IsapiSimulator *> doors{&front, &gym};
        const QStringList deviceIds{QStringLiteral("front"), QStringLiteral("door2")};
        const QString config = reliability::writeClubIni(dir.path(), cardskipper, {&front, &gym});
        QList<QHash<QString, QString>> staff;
        for (const IsapiSimulator *door : doors) {
            QHash<QString, QString> fingerprints;
            for (const DevicePerson &person : door->persons())
                fingerprints.insert(person.employeeNo, reliability::fingerprint(person));
            staff.append(fingerprints);
        }
        // What the first sync creates on each door: the eligible members, with these windows.
        const QDate today = Clock::system().today();
        QHash<QString, DatePeriod> expected;
        for (const auto &simMember : cardskipper.members()) {
            const Member member = simMember.toMember(DemoData::kOrganisationId);
            const auto state = membershipState(member, DemoData::kOrganisationId, today);
            if (state != MembershipState::Active && state != MembershipState::Upcoming)
                continue;
            const auto period = effectivePeriod(member.rolesIn(DemoData::kOrganisationId), today);
            QVERIFY(period);
            expected.insert(QString::number(simMember.organisationMemberId), *period);
        }
        QVERIFY(expected.size() > 100);
        const auto writes = [&] {
            return front.successfulWriteCount(kRecord) + gym.successfulWriteCount(kRecord);
        };

        const int firstSyncWrites = int(doors.size() * expected.size());
        int killed = 0;
        int attempts = 0;
        int whileBothWrote = 0; // kills after both doors had written in that start
        QStringList points;
        while (killed < kills && attempts < kills * 3) {
            ++attempts;
            QProcess process;
            const int frontBefore = front.successfulWriteCount(kRecord);
            const int gymBefore = gym.successfulWriteCount(kRecord);
            const int writesBefore = writes();
            // One start in five dies while the member list is asked for, one in ten while a door
            // is read, the rest after 1 to 80 writes summed over both doors, always before the
            // last one of the first sync; the first start after 20 or more, when both doors are
            // well into their writes.
            const int remaining = firstSyncWrites - writesBefore;
            const int draw = attempts == 1 ? 9 : random.bounded(remaining > 1 ? 10 : 3);
            const QString point = draw < 2 ? QStringLiteral("export")
                                  : draw < 3
                                      ? QStringLiteral("read")
                                      : QString::number(random.bounded(attempts == 1 ? 20 : 1,
                                                                       std::min(81, remaining)));
            const int atWrite = point.toInt();
            QString landed;
            const auto killNow = [&] {
                // Once: the other door's request may arrive before the death is noticed.
                if (!landed.isEmpty() || process.state() != QProcess::Running)
                    return;
                process.kill(); // SIGKILL: no destructor, no flush, no goodbye
                ++killed;
                const int frontWrote = front.successfulWriteCount(kRecord) - frontBefore;
                const int gymWrote = gym.successfulWriteCount(kRecord) - gymBefore;
                whileBothWrote += frontWrote > 0 && gymWrote > 0 ? 1 : 0;
                landed = QStringLiteral("%1 (%2+%3)").arg(point).arg(frontWrote).arg(gymWrote);
            };
            QList<QMetaObject::Connection> connections;
            for (IsapiSimulator *door : doors) {
                connections.append(
                    connect(door, &IsapiSimulator::requestReceived, this,
                            [&](const QString &method, const QString &path) {
                                if (point == QLatin1String("read")
                                        ? path.contains(QLatin1String("/UserInfo/Search"))
                                        : atWrite > 0 && method == QLatin1String("POST") &&
                                              writes() - writesBefore >= atWrite)
                                    killNow();
                            }));
            }
            connections.append(
                connect(&cardskipper, &CardskipperSimulator::requestReceived, this, [&] {
                    if (point == QLatin1String("export"))
                        killNow();
                }));
            startCli(process, config, {QStringLiteral("sync")});
            QVERIFY(waitForExit(process));
            for (const QMetaObject::Connection &connection : std::as_const(connections))
                disconnect(connection);
            if (process.exitStatus() == QProcess::CrashExit)
                points.append(landed);
        }
        QVERIFY2(killed >= kills, qPrintable(QStringLiteral("only %1 kills").arg(killed)));
        // The kills did land while the doors were written at the same time.
        QVERIFY2(whileBothWrote > 0, qPrintable(points.join(QStringLiteral(", "))));

        // The restart that is allowed to finish, then a full reconcile that must find nothing.
        {
            QProcess process;
            startCli(process, config, {QStringLiteral("sync")});
            QVERIFY(waitForExit(process));
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(process.exitCode(), 0);
        }
        const QList<IsapiSimulator::AppliedWrite> frontWrites = front.appliedWrites();
        const QList<IsapiSimulator::AppliedWrite> gymWrites = gym.appliedWrites();
        front.resetCounters();
        gym.resetCounters();
        {
            QProcess process;
            startCli(process, config, {QStringLiteral("sync"), QStringLiteral("--full")});
            QVERIFY(waitForExit(process));
            QCOMPARE(process.exitCode(), 0);
        }
        QCOMPARE(front.totalWriteCount(), 0);
        QCOMPARE(gym.totalWriteCount(), 0);

        // Each door: exactly the eligible members, once each, with their windows, and its staff
        // as it was.
        for (int index = 0; index < doors.size(); ++index) {
            const QString where = deviceIds.at(index) + QStringLiteral(": ");
            QSet<QString> onDoor;
            for (const DevicePerson &person : doors.at(index)->persons()) {
                QVERIFY2(!onDoor.contains(person.employeeNo),
                         qPrintable(where + person.employeeNo + QStringLiteral(" twice")));
                onDoor.insert(person.employeeNo);
                if (staff.at(index).contains(person.employeeNo)) {
                    QCOMPARE(reliability::fingerprint(person),
                             staff.at(index).value(person.employeeNo));
                    continue;
                }
                QVERIFY2(expected.contains(person.employeeNo),
                         qPrintable(where + person.employeeNo + QStringLiteral(" not eligible")));
                const DatePeriod period = expected.value(person.employeeNo);
                QVERIFY2(person.validEnabled, qPrintable(where + person.employeeNo));
                QCOMPARE(reliability::timeText(person.beginTime),
                         reliability::timeText(QDateTime(period.start, QTime(0, 0, 0))));
                QCOMPARE(reliability::timeText(person.endTime),
                         reliability::timeText(QDateTime(period.end, QTime(23, 59, 59))));
            }
            for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                QVERIFY2(onDoor.contains(it.key()),
                         qPrintable(where + it.key() + QStringLiteral(" missing")));
            for (auto it = staff.at(index).cbegin(); it != staff.at(index).cend(); ++it)
                QVERIFY2(onDoor.contains(it.key()), qPrintable(where + QStringLiteral("staff ") +
                                                               it.key() + QStringLiteral(" gone")));
            QCOMPARE(onDoor.size(), qsizetype(expected.size() + staff.at(index).size()));
        }

        // The database: intact, no run left "running", every kill closed as interrupted,
        // nothing pending, and every write a door carried out journaled for that door.
        const QString databasePath = dir.filePath(QStringLiteral("club.sqlite"));
        QCOMPARE(integrityOf(databasePath), QStringLiteral("ok"));
        const auto store = Store::open(databasePath, Clock::system());
        QVERIFY(store);
        QCOMPARE(store.value()->pendingOperations().size(), 0);
        int runs = 0;
        int interrupted = 0;
        QHash<QString, QSet<QString>> journaled; // by device id
        QStringList runLines;
        for (const RunRecord &run : store.value()->runs(1000)) {
            QVERIFY2(run.status != RunStatus::Running, "a killed run still says running");
            interrupted += run.error.startsWith(QStringLiteral("Interrupted")) ? 1 : 0;
            ++runs;
            runLines.prepend(QStringLiteral("run %1 %2 %3")
                                 .arg(run.id)
                                 .arg(runStatusToString(run.status), run.error.left(20)));
            for (const OperationRecord &operation : store.value()->operations(run.id))
                journaled[operation.deviceId].insert(operation.employeeNo);
        }
        QVERIFY2(interrupted == killed,
                 qPrintable(QStringLiteral("%1 kills, %2 interrupted runs; killed at: %3; %4")
                                .arg(killed)
                                .arg(interrupted)
                                .arg(points.join(QStringLiteral(", ")),
                                     runLines.join(QStringLiteral("; ")))));
        int applied = 0;
        for (int index = 0; index < doors.size(); ++index) {
            for (const auto &write : index == 0 ? frontWrites : gymWrites) {
                ++applied;
                for (const QString &employeeNo : write.employeeNos)
                    QVERIFY2(journaled.value(deviceIds.at(index)).contains(employeeNo),
                             qPrintable(QStringLiteral("%1: %2 of %3 has no journal row")
                                            .arg(deviceIds.at(index), write.endpoint, employeeNo)));
            }
        }
        qInfo().noquote() << QStringLiteral("crash, two doors: %1 SIGKILLs in %2 starts, %3 "
                                            "after both doors had written (killed at, with "
                                            "writes front+door2 in that start: %4); %5 members "
                                            "on each door, %6 writes carried out and "
                                            "journaled, %7 runs recorded (%8 interrupted), "
                                            "integrity ok, 0 pending")
                                 .arg(killed)
                                 .arg(attempts)
                                 .arg(whileBothWrote)
                                 .arg(points.join(QStringLiteral(", ")))
                                 .arg(expected.size())
                                 .arg(applied)
                                 .arg(runs)
                                 .arg(interrupted);
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
