// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The window driven like an administrator would, against the simulators of demo mode.
#include "Autostart.h"
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoEnvironment.h"
#include "IsapiSimulator.h"
#include "LogModel.h"
#include "MainWindow.h"
#include "PairFilterModel.h"
#include "PairModel.h"
#include "Scheduler.h"
#include "SecretStore.h"
#include "Store.h"
#include "SyncEngine.h"
#include "SyncService.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cis;
using namespace cis::gui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
    std::unique_ptr<DemoEnvironment> m_demo;
    std::unique_ptr<SyncService> m_service;
    std::unique_ptr<MainWindow> m_window;

    void run(void (MainWindow::*start)())
    {
        QSignalSpy shown(m_window.get(), &MainWindow::runShown);
        (m_window.get()->*start)();
        QVERIFY(shown.wait(60000));
    }

    // Asks the worker thread (where the store and engine live) and waits for the answer.
    template<typename Work> auto ask(Work work)
    {
        std::optional<std::invoke_result_t<Work, SyncService::Parts>> answer;
        m_service->query(m_window.get(), work, [&](auto value) { answer = std::move(value); });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
            qFatal("the sync worker did not answer");
        return *answer;
    }

    std::optional<Link> linkFor(const QString &employeeNo)
    {
        return ask([employeeNo](SyncService::Parts parts) {
            return parts.store.linkFor(DemoEnvironment::deviceId(), employeeNo);
        });
    }

    std::optional<MemberOverride> overrideFor(const MemberKey &member)
    {
        return ask([member](SyncService::Parts parts) { return parts.store.overrideFor(member); });
    }

    bool schedulerPaused()
    {
        return ask([](SyncService::Parts parts) { return parts.scheduler.isPaused(); });
    }

    int rowsIn(PairModel::StatusGroup group) { return m_window->pairModel().countOf(group); }

    void screenshot(const QString &name)
    {
        const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
        if (folder.isEmpty())
            return;
        m_window->resize(1280, 800);
        m_window->show();
        QCoreApplication::processEvents();
        m_window->grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(name));
    }

private slots:
    void initTestCase()
    {
        // The autostart entry goes to Qt's test folders, not the developer's session.
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_demo = std::make_unique<DemoEnvironment>(m_clock);
        QVERIFY(m_demo->start());
        AppSettings settings = m_demo->settings();
        settings.sync.retryBackoffMs = 0;
        m_service = std::make_unique<SyncService>(m_clock);
        QVERIFY(!m_service->open(m_demo->databasePath(), settings, m_demo->credentials()));
        m_window = std::make_unique<MainWindow>(*m_service, settings, m_clock, m_demo.get());
        QSignalSpy shown(m_window.get(), &MainWindow::planShown);
        QVERIFY(shown.wait(10000));
    }

    void cleanup()
    {
        m_window.reset();
        m_service.reset();
        m_demo.reset();
    }

    void theDatabaseAndEngineWorkOffTheGuiThread()
    {
        QThread *gui = QThread::currentThread();
        QCOMPARE(m_service->engine()->thread(), m_service->workerThread());
        QCOMPARE(m_service->scheduler()->thread(), m_service->workerThread());
        QVERIFY(m_service->workerThread() != gui);
        const QThread *storeThread = ask([](SyncService::Parts parts) {
            parts.store.members(4711); // a statement on the connection
            return QThread::currentThread();
        });
        QCOMPARE(storeThread, m_service->workerThread());
    }

    void previewShowsEverythingAndWritesNothing()
    {
        run(&MainWindow::preview);
        QVERIFY(rowsIn(PairModel::WillCreate) > 50);
        QVERIFY(rowsIn(PairModel::Staff) > 0);      // the door's administrator
        QVERIFY(rowsIn(PairModel::OnDoorOnly) > 0); // the cleaners, not in Cardskipper
        QVERIFY(rowsIn(PairModel::Suggested) > 0);  // same names typed in by hand earlier
        QCOMPARE(m_demo->door().totalWriteCount(), 0);
        screenshot(QStringLiteral("main-window-preview.png"));
    }

    void syncAppliesAndTheWindowShowsInSync()
    {
        run(&MainWindow::preview);
        const int creates = rowsIn(PairModel::WillCreate);
        run(&MainWindow::syncNow);
        QCOMPARE(m_demo->door().successfulWriteCount(
                     QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record")),
                 creates);
        QCOMPARE(rowsIn(PairModel::WillCreate), 0);
        QCOMPARE(rowsIn(PairModel::InSync), creates);
        QVERIFY(m_window->logModel().rowCount() > 0);
        // The details of a member say where the window comes from and what was written.
        QVERIFY(m_window->selectMember(1002));
        const auto *details = m_window->findChild<QLabel *>(QStringLiteral("detailsLabel"));
        QVERIFY(details);
        QVERIFY2(details->text().contains(QStringLiteral("Cardskipper: member until")),
                 qPrintable(details->text()));
        // The last write comes from the database on the worker thread, a moment later.
        QTRY_VERIFY2(details->text().contains(QStringLiteral("Last write: Created on the door")),
                     qPrintable(details->text()));
        screenshot(QStringLiteral("main-window-synced.png"));
        if (auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("logTabs"))) {
            tabs->setCurrentIndex(1);
            screenshot(QStringLiteral("history.png"));
        }
    }

    void searchFiltersBothSides()
    {
        run(&MainWindow::preview);
        m_window->pairFilter().setSearchText(QStringLiteral("oberg"));
        QVERIFY(m_window->pairFilter().rowCount() >= 2); // member Åsa Öberg and person 101
        for (int row = 0; row < m_window->pairFilter().rowCount(); ++row) {
            const QString text =
                m_window->pairFilter().index(row, 0).data(PairModel::SearchTextRole).toString();
            QVERIFY2(text.contains(QStringLiteral("oberg")), qPrintable(text));
        }
    }

    void acceptingASuggestionLinksAndTheNextSyncSetsTheValidity()
    {
        run(&MainWindow::syncNow);
        QVERIFY(m_window->selectEmployeeNo(QStringLiteral("101"))); // Åsa Öberg, typed by hand
        QStringList asked;
        m_window->confirm = [&asked](const QString &question) {
            asked.append(question);
            return true;
        };
        m_window->acceptSuggestion();
        QTRY_VERIFY(linkFor(QStringLiteral("101")));
        const auto link = linkFor(QStringLiteral("101"));
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(QStringLiteral("Åsa Öberg")), qPrintable(asked.first()));
        QCOMPARE(link->member.organisationMemberId, 1001);
        QCOMPARE(link->origin, LinkOrigin::Suggested);
        m_demo->door().resetCounters();
        run(&MainWindow::syncNow);
        QCOMPARE(
            m_demo->door().writeCount(QStringLiteral("PUT /ISAPI/AccessControl/UserInfo/Modify")),
            1);
    }

    void unlinkLeavesThePersonAlone()
    {
        run(&MainWindow::syncNow);
        QVERIFY(m_window->selectMember(1002));
        m_window->unlinkSelected();
        QVERIFY(!linkFor(QStringLiteral("1002")));
    }

    void blockAndAllowUntilOverridesReachTheDoor()
    {
        run(&MainWindow::syncNow);
        const QString employeeNo = QStringLiteral("1002");
        QVERIFY(m_window->selectMember(1002));
        MemberOverride block;
        block.member = {4711, 1002};
        block.blocked = true;
        block.note = QStringLiteral("card lost");
        QSignalSpy shown(m_window.get(), &MainWindow::planShown);
        m_window->setOverride(block);
        QVERIFY(shown.wait(10000));
        QVERIFY(overrideFor(block.member)->blocked);
        QVERIFY(m_window->selectMember(1002));
        QCOMPARE(m_window->pairModel().countOf(PairModel::WillRevoke), 1);
        run(&MainWindow::syncNow);
        const auto revoked = m_demo->door().person(employeeNo);
        QVERIFY(revoked);
        QCOMPARE(revoked->endTime.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")),
                 m_clock.now().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));

        MemberOverride allow;
        allow.member = block.member;
        allow.allowUntil = QDate(2030, 6, 30);
        m_window->setOverride(allow);
        run(&MainWindow::syncNow);
        QCOMPARE(m_demo->door()
                     .person(employeeNo)
                     ->endTime.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")),
                 QStringLiteral("2030-06-30T23:59:59"));

        m_window->setOverride(MemberOverride{block.member, {}, false, {}, {}, {}});
        QVERIFY(!overrideFor(block.member));
    }

    void syncThisMemberNowWritesOnlyThatMember()
    {
        run(&MainWindow::syncNow);
        const QDate newEnd = m_clock.today().addYears(2);
        QVERIFY(m_demo->cardskipper().extendMembership(1002, newEnd));
        QVERIFY(m_demo->cardskipper().extendMembership(1006, newEnd));
        m_demo->door().resetCounters();
        QSignalSpy shown(m_window.get(), &MainWindow::runShown);
        m_window->syncMember(1002);
        QVERIFY(shown.wait(60000));
        QCOMPARE(m_demo->door().totalWriteCount(), 1);
        QCOMPARE(m_demo->door().person(QStringLiteral("1002"))->endTime.date(), newEnd);
        QCOMPARE(m_demo->door().person(QStringLiteral("1006"))->endTime.date() == newEnd, false);
    }

    void editedSettingsAreSavedAndReachTheEngine()
    {
        MemorySecretStore secrets;
        const auto ignore = [](const QString &) {};
        secrets.write(SecretStore::cardskipperKey(QStringLiteral("demo")), QStringLiteral("demo"),
                      ignore);
        secrets.write(SecretStore::deviceKey(DemoEnvironment::deviceId()),
                      sim::IsapiSimulator::defaultPassword(), ignore);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("club.ini"));
        m_window->enableSettings(secrets, path);
        AppSettings edited = m_window->settings();
        edited.sync.intervalSeconds = 900;
        edited.sync.policy.graceDays = 7;
        edited.general.startWithSession = true;
        m_window->applySettings(edited);
        QTRY_COMPARE(m_window->settings().sync.intervalSeconds, 900);
        const auto configured = ask([](SyncService::Parts parts) {
            return std::make_pair(parts.engine.settings(), parts.engine.credentials());
        });
        QCOMPARE(configured.first.sync.intervalSeconds, 900);
        QCOMPARE(configured.second.devicePasswords.value(DemoEnvironment::deviceId()),
                 sim::IsapiSimulator::defaultPassword());
        QSettings ini(path, QSettings::IniFormat);
        QCOMPARE(AppSettings::load(ini).sync.policy.graceDays, 7);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("grace_days=7"));
        QVERIFY(!saved.contains("demo12345")); // passwords stay in the secret store
        QVERIFY(saved.contains("start_with_session=true"));
        // Starting with the session writes the autostart entry with this configuration...
        Autostart autostart;
        QVERIFY(autostart.isEnabled());
        QFile entry(autostart.entryPath());
        QVERIFY(entry.open(QIODevice::ReadOnly));
        QVERIFY(entry.readAll().contains(QStringLiteral("--config %1").arg(path).toUtf8()));
        entry.close();
        // ...and turning it off removes it.
        edited.general.startWithSession = false;
        m_window->applySettings(edited);
        QTRY_VERIFY(!autostart.isEnabled());
        // The first sync writes the windows with the 7 grace days.
        run(&MainWindow::syncNow);
        const auto person = m_demo->door().person(QStringLiteral("1002"));
        QVERIFY(person);
        QDate roleEnd;
        for (const auto &member : m_demo->cardskipper().members()) {
            if (member.organisationMemberId == 1002)
                roleEnd = member.toMember(4711).roles.last().end;
        }
        QVERIFY(roleEnd.isValid());
        QCOMPARE(person->endTime.date(), roleEnd.addDays(7));
    }

    void heldPlanAsksBeforeApplying()
    {
        run(&MainWindow::syncNow);
        QList<qint64> ids;
        for (const auto &member : m_demo->cardskipper().members())
            ids.append(member.organisationMemberId);
        for (int i = 0; i < ids.size() * 2 / 3; ++i)
            m_demo->cardskipper().removeMember(ids.at(i));
        QStringList questions;
        m_window->confirm = [&](const QString &question) {
            questions.append(question);
            return true;
        };
        QSignalSpy finished(m_window.get(), &MainWindow::runShown);
        m_window->syncNow();
        QVERIFY(finished.wait(60000));                        // held
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000); // forced after the confirmation
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().contains(QStringLiteral("fewer")),
                 qPrintable(questions.first()));
        const RunReport forced = finished.last().first().value<RunReport>();
        QVERIFY(forced.run.revoked > 0);
    }

    void pauseAndResumeShowInTheTrayState()
    {
        QSignalSpy finished(m_window.get(), &MainWindow::runShown);
        m_service->post([](SyncService::Parts parts) { parts.scheduler.start(); });
        QVERIFY(finished.wait(60000));
        m_window->setPaused(true);
        QCOMPARE(m_window->trayState(), QStringLiteral("paused"));
        QVERIFY(schedulerPaused());
        m_window->setPaused(false);
        QVERIFY(!schedulerPaused());
        QVERIFY(finished.wait(60000)); // resuming runs what fell due
        QCOMPARE(m_window->trayState(), QStringLiteral("idle"));
    }

    void puttingTheDemoPasswordBackRetriesAtOnce()
    {
        run(&MainWindow::syncNow);
        const auto action = [this](const QString &text) {
            for (QAction *each : m_window->findChildren<QAction *>()) {
                if (each->text() == text)
                    return each;
            }
            qFatal("no action %s", qPrintable(text));
        };
        action(QStringLiteral("Someone changes the door's password"))->trigger();
        run(&MainWindow::fullReconcile);
        // A password changed on the terminal costs at most two attempts: the 401 to the nonce
        // in use proves nothing (it may have expired), the one to a fresh nonce does.
        QCOMPARE(m_demo->door().failedAuthAttempts(), 2);
        QVERIFY(ask([](SyncService::Parts parts) {
            return parts.engine.deviceRefusal(DemoEnvironment::deviceId()).has_value();
        }));

        const qsizetype requestsBefore = m_demo->door().receivedRequests().size();
        QSignalSpy shown(m_window.get(), &MainWindow::runShown);
        action(QStringLiteral("Put the door's password back and try again"))->trigger();
        QVERIFY(shown.wait(60000)); // a run started by itself and ended
        QVERIFY(!ask([](SyncService::Parts parts) {
            return parts.engine.deviceRefusal(DemoEnvironment::deviceId()).has_value();
        }));
        QCOMPARE(m_demo->door().failedAuthAttempts(), 2);
        // The try reached the door with the right password.
        QVERIFY(m_demo->door().receivedRequests().size() > requestsBefore);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
