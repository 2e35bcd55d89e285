// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Promise 4, lockout safety: a wrong door password costs one failed login per configuration
// change however often the scheduler runs, and says "wrong password"; a locked terminal is
// reported with the time left and not contacted until the lock has ended.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "HikvisionClient.h"
#include "IsapiSimulator.h"
#include "ReliabilityRig.h"
#include "Scheduler.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;
using sim::IsapiSimulator;

class TestLockout : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
    QTemporaryDir m_dir;
    std::unique_ptr<CardskipperSimulator> m_cardskipper;
    std::unique_ptr<IsapiSimulator> m_door;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<Scheduler> m_scheduler;
    AppSettings m_settings;

    void configure(const QString &devicePassword)
    {
        m_engine->setConfiguration(m_settings, reliability::demoCredentials(devicePassword));
    }

    // Lets the scheduler run once more: time moves to its next run, the timer fires.
    RunReport nextScheduledRun()
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        if (m_scheduler->nextRunAt().isValid() && m_clock.now() < m_scheduler->nextRunAt())
            m_clock.setNow(m_scheduler->nextRunAt());
        m_scheduler->tick();
        if (!finished.wait(60000))
            qFatal("the scheduled run did not finish");
        return finished.first().first().value<RunReport>();
    }

    static const DeviceOutcome *door(const RunReport &report)
    {
        for (const DeviceOutcome &device : report.devices) {
            if (device.deviceId == QLatin1String("door"))
                return &device;
        }
        return nullptr;
    }

private slots:
    void init()
    {
        m_clock.setNow(QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0)));
        m_cardskipper = std::make_unique<CardskipperSimulator>(&m_clock);
        m_cardskipper->loadDemoData(40, 2);
        QVERIFY(m_cardskipper->listen());
        m_door = std::make_unique<IsapiSimulator>(&m_clock);
        m_door->loadDemoPersons(3);
        QVERIFY(m_door->listen());
        auto store = Store::open(m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                                QStringLiteral(".sqlite")),
                                 m_clock);
        QVERIFY(store);
        m_store = std::move(store.value());
        m_settings = reliability::settingsFor(*m_cardskipper, *m_door);
        m_settings.sync.intervalSeconds = 300;
        m_engine = std::make_unique<SyncEngine>(*m_store, m_clock);
        m_scheduler = std::make_unique<Scheduler>(*m_engine, m_clock);
    }

    void cleanup()
    {
        m_scheduler.reset();
        m_engine.reset();
        m_store.reset();
        m_door.reset();
        m_cardskipper.reset();
    }

    void aWrongPasswordCostsOneAttemptPerConfigurationChange()
    {
        configure(QStringLiteral("wrong"));
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        m_scheduler->start();
        QVERIFY(finished.wait(60000));
        const RunReport first = finished.first().first().value<RunReport>();
        QCOMPARE(m_door->failedAuthAttempts(), 1);
        QVERIFY(door(first));
        QCOMPARE(door(first)->status, DeviceOutcome::Status::AuthFailed);
        QVERIFY2(door(first)->message.contains(QStringLiteral("rejected the username or password")),
                 qPrintable(door(first)->message));
        const qsizetype requestsAfterFirst = m_door->receivedRequests().size();

        // A day of scheduled runs: the terminal is not asked again.
        for (int i = 0; i < 12; ++i) {
            const RunReport report = nextScheduledRun();
            QCOMPARE(door(report)->status, DeviceOutcome::Status::AuthFailed);
        }
        QCOMPARE(m_door->failedAuthAttempts(), 1);
        QCOMPARE(m_door->receivedRequests().size(), requestsAfterFirst);
        QVERIFY(!m_door->lockState(IsapiSimulator::defaultUser()).locked);

        // Another (still wrong) password is one more attempt, then silence again.
        configure(QStringLiteral("still wrong"));
        for (int i = 0; i < 5; ++i)
            nextScheduledRun();
        QCOMPARE(m_door->failedAuthAttempts(), 2);
        QVERIFY(!m_door->lockState(IsapiSimulator::defaultUser()).locked);

        configure(IsapiSimulator::defaultPassword());
        const RunReport fixed = nextScheduledRun();
        QCOMPARE(door(fixed)->status, DeviceOutcome::Status::Synced);
        QCOMPARE(m_door->failedAuthAttempts(), 2);
    }

    void aLockedTerminalIsReportedWithTheTimeLeftAndLeftAlone()
    {
        // Someone else locked the account (five wrong logins from another program).
        m_door->auth().settings().maxFailures = 1;
        {
            HikvisionConfig config;
            config.baseUrl = m_door->baseUrl();
            config.username = IsapiSimulator::defaultUser();
            config.password = QStringLiteral("guess");
            HikvisionClient intruder(config);
            bool done = false;
            intruder.countPersons([&](HikvisionClient::Result<PersonCount>) { done = true; });
            QTRY_VERIFY(done);
        }
        QVERIFY(m_door->lockState(IsapiSimulator::defaultUser()).locked);
        const int failuresBefore = m_door->failedAuthAttempts();

        configure(IsapiSimulator::defaultPassword());
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        m_scheduler->start();
        QVERIFY(finished.wait(60000));
        const RunReport first = finished.first().first().value<RunReport>();
        QCOMPARE(door(first)->status, DeviceOutcome::Status::AuthFailed);
        QVERIFY2(door(first)->message.contains(QStringLiteral("locked the account")) &&
                     door(first)->message.contains(QStringLiteral("30 more minute")),
                 qPrintable(door(first)->message));
        const qsizetype requestsAfterFirst = m_door->receivedRequests().size();

        // Runs during the lock do not touch the terminal (touching it could extend the lock).
        const QDateTime unlock(QDate(2026, 11, 29), QTime(10, 30, 0));
        int lockedRuns = 0;
        for (int i = 0; i < 20; ++i) {
            if (m_scheduler->nextRunAt() >= unlock)
                break;
            const RunReport report = nextScheduledRun();
            QCOMPARE(door(report)->status, DeviceOutcome::Status::AuthFailed);
            QCOMPARE(m_door->receivedRequests().size(), requestsAfterFirst);
            ++lockedRuns;
        }
        QVERIFY(lockedRuns >= 1);
        // Once the lock has ended the right password works at the first try.
        m_clock.setNow(unlock.addSecs(60));
        RunReport after = nextScheduledRun();
        QCOMPARE(door(after)->status, DeviceOutcome::Status::Synced);
        QCOMPARE(m_door->failedAuthAttempts(), failuresBefore); // we never failed a login
        QVERIFY(m_door->persons().size() > 20);
    }
};

QTEST_GUILESS_MAIN(TestLockout)
#include "tst_lockout.moc"
