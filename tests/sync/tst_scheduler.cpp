// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The scheduler decides when the engine runs: full reconcile first and nightly, quick syncs on
// the interval, never two at once, longer pauses after failures. Time is a ManualClock; the
// scheduler's tick() is driven by the test, never by waiting.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "IsapiSimulator.h"
#include "Scheduler.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QTest>

using namespace cis;

class TestScheduler : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 11, 29), QTime(22, 0, 0))};
    std::unique_ptr<sim::CardskipperSimulator> m_cardskipper;
    std::unique_ptr<sim::IsapiSimulator> m_door;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<Scheduler> m_scheduler;
    QList<RunKind> m_kinds;

    RunReport waitForRun()
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        if (!finished.wait(60000))
            qFatal("no run finished");
        return finished.first().first().value<RunReport>();
    }

    void configure(const QUrl &cardskipperUrl)
    {
        AppSettings settings;
        settings.cardskipper.url = cardskipperUrl;
        settings.cardskipper.username = QStringLiteral("demo");
        settings.cardskipper.organisationId = sim::DemoData::kOrganisationId;
        settings.cardskipper.timeoutSeconds = 5;
        DeviceSettings door;
        door.id = QStringLiteral("door");
        door.name = QStringLiteral("Door");
        door.url = m_door->baseUrl();
        settings.devices = {door};
        settings.sync.intervalSeconds = 300;
        settings.sync.nightlyReconcileAt = QTime(3, 0);
        settings.sync.retryBackoffMs = 0;
        SyncEngine::Credentials credentials;
        credentials.cardskipperPassword = QStringLiteral("demo");
        credentials.devicePasswords.insert(door.id, sim::IsapiSimulator::defaultPassword());
        m_engine->setConfiguration(settings, credentials);
    }

private slots:
    void init()
    {
        m_cardskipper = std::make_unique<sim::CardskipperSimulator>(&m_clock);
        m_cardskipper->loadDemoData(30, 3);
        QVERIFY(m_cardskipper->listen());
        m_door = std::make_unique<sim::IsapiSimulator>(&m_clock);
        m_door->loadDemoPersons(3);
        QVERIFY(m_door->listen());
        auto store = Store::open(QStringLiteral(":memory:"), m_clock);
        QVERIFY(store);
        m_store = std::move(store.value());
        m_engine = std::make_unique<SyncEngine>(*m_store, m_clock);
        configure(m_cardskipper->baseUrl());
        m_scheduler = std::make_unique<Scheduler>(*m_engine, m_clock);
        m_kinds.clear();
        connect(m_engine.get(), &SyncEngine::runStarted, this,
                [this](qint64, RunKind kind) { m_kinds.append(kind); });
    }

    void cleanup()
    {
        m_scheduler.reset();
        m_engine.reset();
        m_store.reset();
        m_door.reset();
        m_cardskipper.reset();
    }

    void fullReconcileAtStartThenQuickSyncsOnTheIntervalAndNightly()
    {
        m_scheduler->start();
        waitForRun();
        QCOMPARE(m_kinds, QList<RunKind>{RunKind::FullReconcile});
        QCOMPARE(m_scheduler->nextRunAt(), m_clock.now().addSecs(300));

        // Not due yet: nothing starts.
        m_clock.advanceSeconds(299);
        m_scheduler->tick();
        QVERIFY(!m_engine->isRunning());
        QCOMPARE(m_kinds.size(), 1);

        m_clock.advanceSeconds(1);
        m_scheduler->tick();
        waitForRun();
        QCOMPARE(m_kinds.last(), RunKind::QuickSync);

        // Past 03:00 the next run is the nightly full reconcile.
        m_clock.setNow(QDateTime(QDate(2026, 11, 30), QTime(3, 0, 1)));
        m_scheduler->tick();
        waitForRun();
        QCOMPARE(m_kinds.last(), RunKind::FullReconcile);
        m_clock.advanceSeconds(300);
        m_scheduler->tick();
        waitForRun();
        QCOMPARE(m_kinds.last(), RunKind::QuickSync);
    }

    void neverTwoRunsAtOnce()
    {
        m_door->setLatencyMs(100); // long enough to be caught in the middle of the run
        QSignalSpy finished(m_engine.get(), &SyncEngine::runFinished);
        m_scheduler->start();
        QTRY_VERIFY(m_engine->isRunning());
        QVERIFY(!m_scheduler->runNow(RunKind::QuickSync));
        m_scheduler->tick();
        QVERIFY(finished.wait(60000));
        QCOMPARE(m_kinds.size(), 1);
    }

    void failuresBackOffAndRecover()
    {
        configure(QUrl(QStringLiteral("http://127.0.0.1:1"))); // nothing listens there
        m_scheduler->start();
        RunReport report = waitForRun();
        QCOMPARE(report.run.status, RunStatus::Failed);
        QCOMPARE(m_scheduler->consecutiveFailures(), 1);
        QCOMPARE(m_scheduler->nextRunAt(), m_clock.now().addSecs(600));
        m_clock.advanceSeconds(600);
        m_scheduler->tick();
        waitForRun();
        QCOMPARE(m_scheduler->consecutiveFailures(), 2);
        QCOMPARE(m_scheduler->nextRunAt(), m_clock.now().addSecs(1200));
        // A failed full reconcile is due again.
        QCOMPARE(m_kinds, (QList<RunKind>{RunKind::FullReconcile, RunKind::FullReconcile}));

        configure(m_cardskipper->baseUrl());
        m_clock.advanceSeconds(1200);
        m_scheduler->tick();
        report = waitForRun();
        QCOMPARE(report.run.status, RunStatus::Succeeded);
        QCOMPARE(m_scheduler->consecutiveFailures(), 0);
        QCOMPARE(m_scheduler->nextRunAt(), m_clock.now().addSecs(300));
    }

    void pausedSchedulerStartsNothing()
    {
        m_scheduler->start();
        waitForRun();
        m_scheduler->setPaused(true);
        QVERIFY(!m_scheduler->nextRunAt().isValid());
        m_clock.advanceSeconds(3600);
        m_scheduler->tick();
        QVERIFY(!m_engine->isRunning());
        m_scheduler->setPaused(false);
        m_scheduler->tick();
        waitForRun();
        QCOMPARE(m_kinds.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
