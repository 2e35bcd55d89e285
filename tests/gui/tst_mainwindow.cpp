// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The window driven like an administrator would, against the simulators of demo mode.
#include "ActivityPanel.h"
#include "Autostart.h"
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "CredentialsDialog.h"
#include "DemoEnvironment.h"
#include "EventPhotoDialog.h"
#include "FacePhoto.h"
#include "HistoryPanel.h"
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

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>

using namespace cis;
using namespace cis::gui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QList<QUrl> m_openedUrls;
    static inline const QDateTime kStart{QDate(2026, 11, 29), QTime(10, 0, 0)};
    ManualClock m_clock{kStart};
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

    template<typename T> T *child(const char *name)
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }

    QString doorName() const { return m_demo->settings().devices.first().name; }

    // The model's row with this PairModel::RowKeyRole ("m:1001", "p:42"); -1 when none.
    int sourceRowOf(const QString &key)
    {
        const PairModel &model = m_window->pairModel();
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(PairModel::RowKeyRole).toString() == key)
                return row;
        }
        return -1;
    }

    QVariant cell(const QString &key, int column, int role = Qt::DisplayRole)
    {
        const int row = sourceRowOf(key);
        return row < 0 ? QVariant() : m_window->pairModel().index(row, column).data(role);
    }

    QStringList keysIn(PairModel::StatusGroup group)
    {
        QStringList keys;
        const PairModel &model = m_window->pairModel();
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            if (index.data(PairModel::StatusGroupRole).toInt() == int(group))
                keys.append(index.data(PairModel::RowKeyRole).toString());
        }
        return keys;
    }

    // Whether the table (through the filter) shows the row.
    bool shown(const QString &key)
    {
        const PairFilterModel &filter = m_window->pairFilter();
        for (int row = 0; row < filter.rowCount(); ++row) {
            if (filter.index(row, 0).data(PairModel::RowKeyRole).toString() == key)
                return true;
        }
        return false;
    }

    // The filter bar's button for a PairModel::StatusGroup (or OverridesFilter).
    QToolButton *filterButton(int group)
    {
        // The bar is rebuilt with every plan; the old buttons go with deleteLater().
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        auto *bar = child<QWidget>("filterBar");
        if (!bar)
            return nullptr;
        for (QToolButton *button : bar->findChildren<QToolButton *>()) {
            const QVariant value = button->property("group");
            if (value.isValid() && value.toInt() == group)
                return button;
        }
        return nullptr;
    }

    // The window's questions (accept a suggestion, apply a held plan) go to m_questions and
    // get this answer.
    void answerQuestions(bool answer)
    {
        m_questions.clear();
        m_window->confirm = [this, answer](const QString &question) {
            m_questions.append(question);
            return answer;
        };
    }
    QStringList m_questions;

    void showWindow()
    {
        m_window->resize(1000, 650);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void screenshotOf(QWidget *widget, const QString &name)
    {
        const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
        if (folder.isEmpty() || !widget)
            return;
        QCoreApplication::processEvents();
        widget->grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(name));
    }

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

public slots:
    // QDesktopServices' handler for https during the tests: no browser is started.
    void recordOpenedUrl(const QUrl &url) { m_openedUrls.append(url); }

private slots:
    void openInCardskipperOpensThePortalWithTheNumberCopied()
    {
        m_openedUrls.clear();
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "recordOpenedUrl");
        const auto restore =
            qScopeGuard([] { QDesktopServices::unsetUrlHandler(QStringLiteral("https")); });
        run(&MainWindow::preview);
        const qint64 memberId =
            m_window->pairFilter().index(0, 0).data(PairModel::MemberIdRole).toLongLong();
        QVERIFY(memberId > 0);
        QVERIFY(m_window->selectMember(memberId));
        auto *action = m_window->findChild<QAction *>(QStringLiteral("actionOpenInCardskipper"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        action->trigger();
        QCOMPARE(m_openedUrls, QList<QUrl>{QUrl(QStringLiteral("https://adm.cardskipper.se"))});
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::number(memberId));
    }

    void initTestCase()
    {
        // The autostart entry goes to Qt's test folders, not the developer's session.
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_clock.setNow(kStart); // a test may have moved it on
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

    // Issue 16: the demo's two doors are synced at the same time; while they are, the status
    // bar and the tray's tooltip show each door's progress.
    void bothDoorsProgressSideBySideWhileTheySync()
    {
        QStringList tips;
        connect(m_service->engine(), &SyncEngine::progress, this,
                [&] { tips.append(m_window->trayToolTip()); });
        run(&MainWindow::syncNow);
        const QString front = m_demo->settings().devices.at(0).name;
        const QString gym = m_demo->settings().devices.at(1).name;
        const QRegularExpression both(
            QStringLiteral("%1 \\d+/\\d+ · %2 \\d+/\\d+")
                .arg(QRegularExpression::escape(front), QRegularExpression::escape(gym)));
        bool shownSideBySide = false;
        bool gymStillWriting = false;
        for (const QString &tip : std::as_const(tips)) {
            const QRegularExpressionMatch match = both.match(tip);
            shownSideBySide = shownSideBySide || match.hasMatch();
            // Both doors were being written at once: neither waited for the other to finish.
            const QRegularExpression gymPart(QRegularExpression::escape(gym) +
                                             QStringLiteral(" (\\d+)/(\\d+)"));
            const QRegularExpression frontPart(QRegularExpression::escape(front) +
                                               QStringLiteral(" (\\d+)/(\\d+)"));
            const auto g = gymPart.match(tip);
            const auto f = frontPart.match(tip);
            if (g.hasMatch() && f.hasMatch() && g.captured(1).toInt() > 0 &&
                f.captured(1).toInt() < f.captured(2).toInt())
                gymStillWriting = true;
        }
        QVERIFY2(shownSideBySide, qPrintable(tips.join(QStringLiteral("\n---\n")).left(3000)));
        QVERIFY2(gymStillWriting, qPrintable(tips.join(QStringLiteral("\n---\n")).left(3000)));
        QVERIFY(m_demo->gym().successfulWriteCount(
                    QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record")) > 50);
        // Done: the tooltip no longer shows the progress.
        QVERIFY(!both.match(m_window->trayToolTip()).hasMatch());
    }

    // A door that fails drops out of the progress while the other goes on.
    void aFailedDoorLeavesTheProgressWhileTheOtherGoesOn()
    {
        run(&MainWindow::preview);      // reads both doors: the sync goes straight to writing
        m_demo->changeDevicePassword(); // the front door's: its first write is refused
        const QString front = m_demo->settings().devices.at(0).name;
        const QString gym = m_demo->settings().devices.at(1).name;
        bool frontFinished = false;
        QStringList tipsAfter;
        connect(m_service->engine(), &SyncEngine::deviceFinished, this,
                [&](const DeviceOutcome &outcome) {
                    if (outcome.deviceId == DemoEnvironment::deviceId())
                        frontFinished = true;
                });
        connect(m_service->engine(), &SyncEngine::progress, this, [&] {
            if (frontFinished)
                tipsAfter.append(m_window->trayToolTip());
        });
        run(&MainWindow::syncNow);
        QVERIFY(frontFinished);
        QVERIFY(!tipsAfter.isEmpty()); // the gym was still writing
        for (const QString &tip : std::as_const(tipsAfter)) {
            QVERIFY2(tip.contains(gym + QLatin1Char(' ')), qPrintable(tip));
            QVERIFY2(!tip.contains(QRegularExpression(QRegularExpression::escape(front) +
                                                      QStringLiteral(" \\d+/"))),
                     qPrintable(tip));
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
        const QStringList arguments{QStringLiteral("--config"), QFileInfo(path).absoluteFilePath()};
#ifdef Q_OS_WIN
        const QString command =
            Autostart::windowsCommandLine(QCoreApplication::applicationFilePath(), arguments);
#else
        const QString command =
            Autostart::execLine(QCoreApplication::applicationFilePath(), arguments);
#endif
        QCOMPARE(autostart.command(), command);
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
        // The demo's door actions name the door they act on: the front door.
        const QString frontDoor = m_demo->settings().device(DemoEnvironment::deviceId())->name;
        const auto action = [this, frontDoor](const QString &text) {
            for (QAction *each : m_window->findChildren<QAction *>()) {
                if (each->text() == text.arg(frontDoor))
                    return each;
            }
            qFatal("no action %s", qPrintable(text));
        };
        action(QStringLiteral("Someone changes the password of %1"))->trigger();
        run(&MainWindow::fullReconcile);
        // A password changed on the terminal costs at most two attempts: the 401 to the nonce
        // in use proves nothing (it may have expired), the one to a fresh nonce does.
        QCOMPARE(m_demo->door().failedAuthAttempts(), 2);
        QVERIFY(ask([](SyncService::Parts parts) {
            return parts.engine.deviceRefusal(DemoEnvironment::deviceId()).has_value();
        }));

        const qsizetype requestsBefore = m_demo->door().receivedRequests().size();
        QSignalSpy shown(m_window.get(), &MainWindow::runShown);
        action(QStringLiteral("Put the password of %1 back and try again"))->trigger();
        QVERIFY(shown.wait(60000)); // a run started by itself and ended
        QVERIFY(!ask([](SyncService::Parts parts) {
            return parts.engine.deviceRefusal(DemoEnvironment::deviceId()).has_value();
        }));
        QCOMPARE(m_demo->door().failedAuthAttempts(), 2);
        // The try reached the door with the right password.
        QVERIFY(m_demo->door().receivedRequests().size() > requestsBefore);
    }

    void aFailingDoorTurnsItsRowsAndTheTrayRed()
    {
        const QString door = DemoEnvironment::deviceId();
        run(&MainWindow::syncNow);
        QCOMPARE(doorHealthStateToString(m_window->doorHealth(door).state),
                 doorHealthStateToString(DoorHealth::State::Online));
        const QStringList inSync = keysIn(PairModel::InSync);
        QVERIFY(inSync.size() > 50);
        // Right on the door: green, or amber for a member the door holds no credential for.
        const QColor green =
            cell(inSync.first(), PairModel::Status, PairModel::NoCredentialRole).toBool()
                ? PairModel::noCredentialColor()
                : PairModel::groupColor(PairModel::InSync);
        QCOMPARE(cell(inSync.first(), PairModel::Status, Qt::DecorationRole).value<QColor>(),
                 green);
        QVERIFY2(cell(inSync.first(), PairModel::Status)
                     .toString()
                     .startsWith(QStringLiteral("In sync")),
                 qPrintable(cell(inSync.first(), PairModel::Status).toString()));
        QCOMPARE(m_window->trayState(), QStringLiteral("idle"));
        auto *banner = child<QFrame>("doorProblemFrame");
        auto *bannerText = child<QLabel>("doorProblemLabel");
        QVERIFY(banner && bannerText);
        QVERIFY(!banner->isVisibleTo(m_window.get()));

        // The door answers with server errors; a quiet quick sync asks it once the last
        // contact is older than the liveness interval.
        m_demo->makeDeviceFail();
        m_clock.advanceSeconds(SyncEngine::kLivenessSeconds + 60);
        run(&MainWindow::syncNow);

        const DoorHealth health = m_window->doorHealth(door);
        QVERIFY2(health.isProblem(), qPrintable(doorHealthStateToString(health.state)));
        const QColor red(0xd0, 0x2c, 0x2c);
        for (const QString &key : inSync) {
            const QString status = cell(key, PairModel::Status).toString();
            QVERIFY2(status.startsWith(QStringLiteral("Not confirmed")),
                     qPrintable(key + QStringLiteral(": ") + status));
            QCOMPARE(cell(key, PairModel::Status, Qt::DecorationRole).value<QColor>(), red);
        }
        // The filter bar does not call them "in sync" either.
        QToolButton *inSyncButton = filterButton(PairModel::InSync);
        QVERIFY(inSyncButton);
        QVERIFY2(inSyncButton->text().startsWith(QStringLiteral("Not confirmed")),
                 qPrintable(inSyncButton->text()));

        QCOMPARE(m_window->trayState(), QStringLiteral("error"));
        QVERIFY(banner->isVisibleTo(m_window.get()));
        QVERIFY2(bannerText->text().contains(doorName()), qPrintable(bannerText->text()));
        const QString state = m_window->doorStatusText(door);
        QVERIFY(!state.isEmpty());
        QVERIFY2(!state.startsWith(QStringLiteral("online")), qPrintable(state));
        const QString tip = m_window->trayToolTip();
        QVERIFY2(tip.contains(doorName()) && tip.contains(state), qPrintable(tip));
        // The door bar's button says the same.
        auto *doorButton = m_window->findChild<QToolButton *>(QStringLiteral("door_") + door);
        QVERIFY(doorButton);
        QVERIFY2(doorButton->text().contains(state), qPrintable(doorButton->text()));

        // The door is back: "Retry now" asks it at once and everything turns green again.
        m_demo->door().faults().reset();
        auto *retry = child<QPushButton>("retryDoorButton");
        QVERIFY(retry && retry->isVisibleTo(m_window.get()) && retry->isEnabled());
        QSignalSpy finished(m_window.get(), &MainWindow::runShown);
        retry->click();
        QVERIFY(finished.wait(60000));
        QCOMPARE(doorHealthStateToString(m_window->doorHealth(door).state),
                 doorHealthStateToString(DoorHealth::State::Online));
        for (const QString &key : inSync) {
            QVERIFY2(cell(key, PairModel::Status).toString().startsWith(QStringLiteral("In sync")),
                     qPrintable(cell(key, PairModel::Status).toString()));
            QCOMPARE(cell(key, PairModel::Status, Qt::DecorationRole).value<QColor>(), green);
        }
        QVERIFY(!banner->isVisibleTo(m_window.get()));
        QCOMPARE(m_window->trayState(), QStringLiteral("idle"));
        QVERIFY2(!m_window->trayToolTip().contains(state), qPrintable(m_window->trayToolTip()));
    }

    void aChangedDoorPasswordAsksForTheFixAndIsNotTriedAgain()
    {
        const QString door = DemoEnvironment::deviceId();
        MemorySecretStore secrets;
        m_window->enableSettings(secrets, QString());
        run(&MainWindow::syncNow);
        QCOMPARE(m_demo->door().failedAuthAttempts(), 0);

        m_demo->changeDevicePassword();
        m_clock.advanceSeconds(SyncEngine::kLivenessSeconds + 60);
        run(&MainWindow::syncNow);
        QCOMPARE(doorHealthStateToString(m_window->doorHealth(door).state),
                 doorHealthStateToString(DoorHealth::State::PasswordRejected));
        auto *fix = child<QPushButton>("fixDoorButton");
        QVERIFY(fix);
        QCOMPARE(fix->text(), QStringLiteral("Fix password…"));
        QVERIFY(fix->isVisibleTo(m_window.get()));
        QVERIFY(child<QFrame>("doorProblemFrame")->isVisibleTo(m_window.get()));
        const QString banner = child<QLabel>("doorProblemLabel")->text();
        QVERIFY2(banner.contains(doorName()) && banner.contains(QStringLiteral("password")),
                 qPrintable(banner));
        QCOMPARE(m_window->trayState(), QStringLiteral("error"));
        // The 401 to the nonce in use proves nothing (it may have expired), the one to a fresh
        // nonce does: at most two of the door's five attempts before it locks.
        const int spent = m_demo->door().failedAuthAttempts();
        QVERIFY2(spent >= 1 && spent <= 2, qPrintable(QString::number(spent)));

        // The next sync, the liveness interval later, does not try the refused password again.
        m_clock.advanceSeconds(SyncEngine::kLivenessSeconds + 60);
        run(&MainWindow::syncNow);
        QCOMPARE(m_demo->door().failedAuthAttempts(), spent);
        QCOMPARE(doorHealthStateToString(m_window->doorHealth(door).state),
                 doorHealthStateToString(DoorHealth::State::PasswordRejected));
        QCOMPARE(fix->text(), QStringLiteral("Fix password…"));
    }

    void acceptingAShortenedWindowAsksFirst()
    {
        run(&MainWindow::syncNow);
        // Åsa Öberg's person 101 was given access on the door until later than her membership
        // runs (and Göran Åkesson's 106 for ever): linking shortens it.
        const QString asa = QStringLiteral("m:1001");
        QCOMPARE(cell(asa, 0, PairModel::SuggestedEmployeeNoRole).toString(),
                 QStringLiteral("101"));
        const QDate membershipEnds =
            QDate::fromString(cell(asa, PairModel::MembershipEnds).toString(), Qt::ISODate);
        const QDate doorEnds =
            QDate::fromString(cell(asa, PairModel::PersonValidUntil).toString(), Qt::ISODate);
        QVERIFY(membershipEnds.isValid() && doorEnds.isValid());
        QVERIFY(doorEnds > membershipEnds);

        answerQuestions(false);
        QVERIFY(m_window->selectMember(1001));
        m_window->acceptSuggestion();
        QTRY_COMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.first().contains(QStringLiteral("Åsa Öberg")),
                 qPrintable(m_questions.first()));
        QVERIFY2(m_questions.first().contains(QStringLiteral("shortens")),
                 qPrintable(m_questions.first()));
        QVERIFY(!linkFor(QStringLiteral("101"))); // asked behind anything the answer posted

        answerQuestions(true);
        QSignalSpy planShown(m_window.get(), &MainWindow::planShown);
        m_window->acceptSuggestion();
        QVERIFY(planShown.wait(10000));
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains(QStringLiteral("shortens")));
        const auto link = linkFor(QStringLiteral("101"));
        QVERIFY(link);
        QCOMPARE(link->member.organisationMemberId, 1001);
        QCOMPARE(m_window->selectedRowKey(), asa);
        QCOMPARE(cell(asa, 0, PairModel::StatusGroupRole).toInt(), int(PairModel::WillShorten));

        // "Always" on the door becomes a window: that shortens too.
        QCOMPARE(cell(QStringLiteral("m:1004"), PairModel::PersonValidUntil).toString(),
                 QStringLiteral("always"));
        answerQuestions(false);
        QVERIFY(m_window->selectMember(1004));
        m_window->acceptSuggestion();
        QTRY_COMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.first().contains(QStringLiteral("shortens")),
                 qPrintable(m_questions.first()));
        QVERIFY(!linkFor(QStringLiteral("106")));

        // Per Lindqvist's person 102 ended before his membership does: linking extends it, and
        // the question says what the door gets without the warning.
        const QString per = QStringLiteral("m:1005");
        QVERIFY(QDate::fromString(cell(per, PairModel::PersonValidUntil).toString(), Qt::ISODate) <
                QDate::fromString(cell(per, PairModel::MembershipEnds).toString(), Qt::ISODate));
        answerQuestions(true);
        QVERIFY(m_window->selectMember(1005));
        planShown.clear();
        m_window->acceptSuggestion();
        QVERIFY(planShown.wait(10000));
        QCOMPARE(m_questions.size(), 1);
        QVERIFY2(!m_questions.first().contains(QStringLiteral("shortens")),
                 qPrintable(m_questions.first()));
        QVERIFY2(m_questions.first().contains(QStringLiteral("Per Lindqvist")),
                 qPrintable(m_questions.first()));
        QVERIFY(linkFor(QStringLiteral("102")));
    }

    void theSelectionAndScrollSurviveAnAutomaticSync()
    {
        run(&MainWindow::syncNow);
        showWindow();
        auto *view = child<QTableView>("pairView");
        QVERIFY(view);
        // A member two thirds down the list.
        const PairFilterModel &filter = m_window->pairFilter();
        qint64 memberId = -1;
        for (int row = filter.rowCount() * 2 / 3; row < filter.rowCount() && memberId < 0; ++row) {
            const QVariant id = filter.index(row, 0).data(PairModel::MemberIdRole);
            if (id.isValid())
                memberId = id.toLongLong();
        }
        QVERIFY(memberId > 0);
        QVERIFY(m_window->selectMember(memberId));
        const QString key = QStringLiteral("m:%1").arg(memberId);
        QCOMPARE(m_window->selectedRowKey(), key);
        // Half way down, not at the bottom: there the position is the maximum, which moves with
        // the viewport's height (a column that narrows and takes its scroll bar with it).
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
        QCoreApplication::processEvents();
        const int scroll = view->verticalScrollBar()->value();
        QVERIFY(scroll > 0);

        // Something to write, so the run changes the table around the selection.
        QVERIFY(m_demo->cardskipper().extendMembership(1002, m_clock.today().addYears(2)));
        QSignalSpy finished(m_window.get(), &MainWindow::runShown);
        QSignalSpy reset(&m_window->pairModel(), &QAbstractItemModel::modelReset);
        // As the scheduler's timer does: the window did not ask for this run.
        m_service->post(
            [](SyncService::Parts parts) { parts.scheduler.runNow(RunKind::QuickSync); });
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.first().first().value<RunReport>().run.updated > 0);
        QVERIFY(!reset.isEmpty()); // the table was rebuilt under the selection
        QCOMPARE(m_window->selectedRowKey(), key);
        // The view lays itself out again through posted events (more of them under Windows).
        QTRY_COMPARE(view->verticalScrollBar()->value(), scroll);
    }

    void aRowLeavingTheFilterByTheDesksOwnClickStaysShown()
    {
        run(&MainWindow::syncNow);
        QToolButton *suggested = filterButton(PairModel::Suggested);
        QVERIFY(suggested);
        suggested->setChecked(true);
        const QSet<int> onlySuggested{int(PairModel::Suggested)};
        QCOMPARE(m_window->pairFilter().statusGroups(), onlySuggested);
        const QString per = QStringLiteral("m:1005");
        QVERIFY(shown(per));
        QVERIFY(!shown(QStringLiteral("m:1002"))); // in sync: filtered out

        answerQuestions(true);
        QVERIFY(m_window->selectMember(1005));
        QSignalSpy planShown(m_window.get(), &MainWindow::planShown);
        m_window->acceptSuggestion();
        QVERIFY(planShown.wait(10000));
        QVERIFY(linkFor(QStringLiteral("102")));
        // No longer a suggestion, still under the desk's eyes, with the filter still on.
        QVERIFY(cell(per, 0, PairModel::StatusGroupRole).toInt() != int(PairModel::Suggested));
        QCOMPARE(m_window->pairFilter().statusGroups(), onlySuggested);
        QVERIFY(filterButton(PairModel::Suggested)->isChecked());
        QVERIFY(shown(per));
        QCOMPARE(m_window->selectedRowKey(), per);

        // A sync later it is still there: only the desk changing the filter lets it go.
        run(&MainWindow::syncNow);
        QVERIFY(shown(per));
        suggested = filterButton(PairModel::Suggested);
        QVERIFY(suggested);
        suggested->setChecked(false);
        QVERIFY(shown(QStringLiteral("m:1002")));
        suggested->setChecked(true);
        QCOMPARE(m_window->pairFilter().statusGroups(), onlySuggested);
        QVERIFY(!shown(per));
        QVERIFY(shown(QStringLiteral("m:1001"))); // still a suggestion
    }

    void shortcutsAreDistinctAndTriggerTheirActions()
    {
        const QMap<QString, QKeySequence> expected{
            {QStringLiteral("actionSyncNow"), QKeySequence(QStringLiteral("F5"))},
            {QStringLiteral("actionPreview"), QKeySequence(QStringLiteral("Ctrl+Shift+P"))},
            {QStringLiteral("actionFullReconcile"), QKeySequence(QStringLiteral("Ctrl+F5"))},
            {QStringLiteral("actionQuit"), QKeySequence(QStringLiteral("Ctrl+Q"))},
            {QStringLiteral("actionLink"), QKeySequence(QStringLiteral("Ctrl+L"))},
            {QStringLiteral("actionOverride"), QKeySequence(QStringLiteral("Ctrl+B"))},
            {QStringLiteral("actionCredentials"), QKeySequence(QStringLiteral("Ctrl+K"))},
            {QStringLiteral("actionAcceptSuggestion"), QKeySequence(QStringLiteral("Ctrl+Return"))},
            {QStringLiteral("actionRejectSuggestion"),
             QKeySequence(QStringLiteral("Ctrl+Backspace"))},
            {QStringLiteral("actionSettings"), QKeySequence(QStringLiteral("Ctrl+,"))},
            {QStringLiteral("actionUserGuide"), QKeySequence(QStringLiteral("F1"))},
        };
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            auto *action = m_window->findChild<QAction *>(it.key());
            QVERIFY2(action, qPrintable(it.key()));
            QCOMPARE(action->shortcut(), it.value());
        }
        // No key does two things in the window.
        QHash<QKeySequence, QString> owners;
        const auto claim = [&owners](const QKeySequence &key, const QString &owner) {
            if (key.isEmpty())
                return true;
            const QString previous = owners.value(key);
            owners.insert(key, owner);
            if (previous.isEmpty())
                return true;
            qWarning("%s is the shortcut of both %s and %s",
                     qPrintable(key.toString(QKeySequence::PortableText)), qPrintable(previous),
                     qPrintable(owner));
            return false;
        };
        for (const QAction *action : m_window->findChildren<QAction *>()) {
            for (const QKeySequence &key : action->shortcuts())
                QVERIFY(claim(key, action->objectName() + QLatin1Char('/') + action->text()));
        }
        for (const QShortcut *shortcut : m_window->findChildren<QShortcut *>()) {
            for (const QKeySequence &key : shortcut->keys())
                QVERIFY(claim(key, QStringLiteral("a QShortcut")));
        }
        QVERIFY(owners.contains(QKeySequence(QKeySequence::Find)));

        showWindow();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        auto *view = child<QTableView>("pairView");
        auto *search = child<QLineEdit>("searchEdit");
        QVERIFY(view && search);
        view->setFocus();
        QCOMPARE(QApplication::focusWidget(), view);
        const auto press = [this](const char *actionName, Qt::Key key,
                                  Qt::KeyboardModifiers modifiers, bool runs) {
            auto *action = child<QAction>(actionName);
            QVERIFY(action);
            QVERIFY2(action->isEnabled(), actionName);
            QSignalSpy triggered(action, &QAction::triggered);
            QSignalSpy finished(m_window.get(), &MainWindow::runShown);
            QTest::keyClick(QApplication::focusWidget(), key, modifiers);
            QCOMPARE(triggered.size(), 1);
            if (runs)
                QVERIFY(finished.wait(60000));
        };
        press("actionPreview", Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier, true);
        if (QTest::currentTestFailed())
            return;
        press("actionSyncNow", Qt::Key_F5, Qt::NoModifier, true);
        if (QTest::currentTestFailed())
            return;
        press("actionFullReconcile", Qt::Key_F5, Qt::ControlModifier, true);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_window->selectMember(1002));
        press("actionSyncMember", Qt::Key_F5, Qt::ShiftModifier, true);
        if (QTest::currentTestFailed())
            return;

        answerQuestions(false);
        QVERIFY(m_window->selectMember(1001)); // a suggestion
        press("actionAcceptSuggestion", Qt::Key_Return, Qt::ControlModifier, false);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE(m_questions.size(), 1);
        QVERIFY(m_window->selectMember(1001));
        press("actionRejectSuggestion", Qt::Key_Backspace, Qt::ControlModifier, false);
        if (QTest::currentTestFailed())
            return;
        const bool rejected = ask([](SyncService::Parts parts) {
            for (const RejectedSuggestion &each :
                 parts.store.rejectedSuggestions(DemoEnvironment::deviceId())) {
                if (each.employeeNo == QLatin1String("101"))
                    return true;
            }
            return false;
        });
        QVERIFY(rejected);

        // Ctrl+F goes to the search; Esc there forgets the search.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), search);
        QTest::keyClicks(search, QStringLiteral("oberg"));
        QCOMPARE(m_window->pairFilter().searchText(), QStringLiteral("oberg"));
        QTest::keyClick(search, Qt::Key_Escape);
        QVERIFY(search->text().isEmpty());
        QVERIFY(m_window->pairFilter().searchText().isEmpty());
        QCOMPARE(QApplication::focusWidget(), view);
    }

    void theMenusHoldTheirActions()
    {
        const QMap<QString, QStringList> menus{
            {QStringLiteral("menuFile"),
             {QStringLiteral("actionSettings"), QStringLiteral("actionExportLog"),
              QStringLiteral("actionQuit")}},
            {QStringLiteral("menuSync"),
             {QStringLiteral("actionSyncNow"), QStringLiteral("actionPreview"),
              QStringLiteral("actionFullReconcile"), QStringLiteral("actionPause")}},
            {QStringLiteral("menuMember"),
             {QStringLiteral("actionAcceptSuggestion"), QStringLiteral("actionRejectSuggestion"),
              QStringLiteral("actionLink"), QStringLiteral("actionUnlink"),
              QStringLiteral("actionMarkStaff"), QStringLiteral("actionOverride"),
              QStringLiteral("actionCredentials"), QStringLiteral("actionSyncMember"),
              QStringLiteral("actionOpenInCardskipper")}},
            {QStringLiteral("menuHelp"),
             {QStringLiteral("actionUserGuide"), QStringLiteral("actionOpenDataFolder"),
              QStringLiteral("actionAbout"), QStringLiteral("actionAboutQt")}},
        };
        QStringList inMenuBar;
        for (const QAction *each : m_window->menuBar()->actions()) {
            if (each->menu())
                inMenuBar.append(each->menu()->objectName());
        }
        QCOMPARE(inMenuBar.mid(0, 4),
                 (QStringList{QStringLiteral("menuFile"), QStringLiteral("menuSync"),
                              QStringLiteral("menuMember"), QStringLiteral("menuHelp")}));
        for (auto it = menus.cbegin(); it != menus.cend(); ++it) {
            auto *menu = m_window->findChild<QMenu *>(it.key());
            QVERIFY2(menu, qPrintable(it.key()));
            QStringList names;
            for (const QAction *each : menu->actions()) {
                if (!each->isSeparator())
                    names.append(each->objectName());
            }
            QCOMPARE(names, it.value());
        }

        // Pause says what it does next.
        auto *pause = child<QAction>("actionPause");
        QVERIFY(pause);
        const auto text = [pause] { return QString(pause->text()).remove(QLatin1Char('&')); };
        QVERIFY2(text().contains(QStringLiteral("Pause")), qPrintable(text()));
        pause->trigger(); // as from the menu
        QVERIFY(pause->isChecked());
        QVERIFY2(text().contains(QStringLiteral("Resume")), qPrintable(text()));
        QCOMPARE(pause->iconText(), QStringLiteral("Resume")); // on the toolbar
        QVERIFY(schedulerPaused());
        QCOMPARE(m_window->trayState(), QStringLiteral("paused"));
        m_window->setPaused(false);
        QVERIFY(!pause->isChecked());
        QVERIFY2(text().contains(QStringLiteral("Pause")), qPrintable(text()));
        QCOMPARE(pause->iconText(), QStringLiteral("Pause"));
        QVERIFY(!schedulerPaused());

        // About names the licence.
        QString about;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                about = box->text();
                box->accept();
            }
        });
        closer.start(0);
        child<QAction>("actionAbout")->trigger();
        closer.stop();
        QVERIFY2(about.contains(QStringLiteral("GPL-3.0-or-later")), qPrintable(about));
    }

    void theHistoryNamesMembersInPeoplesWords()
    {
        HistoryPanel &history = m_window->historyPanel();
        run(&MainWindow::syncNow);
        QTRY_VERIFY(history.operationModel()->rowCount() > 50);
        QStringList machineWords;
        for (const auto kind :
             {ActionKind::Unchanged, ActionKind::Create, ActionKind::UpdateValidity,
              ActionKind::Rename, ActionKind::Revoke, ActionKind::Delete, ActionKind::Conflict,
              ActionKind::AwaitingMatch, ActionKind::NoAccess, ActionKind::NotManaged})
            machineWords.append(actionKindToString(kind));
        for (const auto status : {OperationStatus::Pending, OperationStatus::Done,
                                  OperationStatus::Failed, OperationStatus::Skipped})
            machineWords.append(operationStatusToString(status));
        const QRegularExpression raw(
            QStringLiteral("\\b(%1)\\b").arg(machineWords.join(QLatin1Char('|'))));
        QVERIFY(raw.isValid());
        bool bjorn = false;
        const QStandardItemModel *model = history.operationModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString member =
                model->index(row, HistoryPanel::OperationMember).data().toString();
            bjorn = bjorn || member.contains(QStringLiteral("Björn Ängström"));
            for (int column = 0; column < model->columnCount(); ++column) {
                const QString text = model->index(row, column).data().toString();
                QVERIFY2(!raw.match(text).hasMatch(), qPrintable(text));
            }
        }
        QVERIFY(bjorn);
        const QStandardItemModel *runs = history.runModel();
        QVERIFY(runs->rowCount() > 0);
        for (int column = 0; column < runs->columnCount(); ++column) {
            const QString text = runs->index(0, column).data().toString();
            QVERIFY2(!text.isEmpty() && text != runKindToString(RunKind::QuickSync) &&
                         text != runStatusToString(RunStatus::Succeeded),
                     qPrintable(text));
        }
    }

    // Issue 18: the Door activity tab shows who came in and who was refused, and why; a member
    // the door refused while Cardskipper lets them in stands out.
    // A door event's picture: fetched from the door when the desk asks, shown, kept nowhere.
    // The desk gives a member who may enter but cannot (no card, no face) a card read at the
    // door, then takes it away again; the filter and the door follow.
    void aMemberWithoutCredentialGetsACardReadAtTheDoor()
    {
        run(&MainWindow::syncNow);
        run(&MainWindow::syncNow); // the second sync has the new persons' counts
        const int missing = m_window->pairModel().countWithoutCredential();
        QVERIFY(missing > 0);
        QToolButton *filter = filterButton(PairModel::NoCredentialFilter);
        QVERIFY(filter);
        QVERIFY(filter->text().contains(QString::number(missing)));
        filter->click();
        QCOMPARE(m_window->pairFilter().rowCount(), missing);
        const QModelIndex first = m_window->pairFilter().index(0, 0);
        const qint64 memberId = first.data(PairModel::MemberIdRole).toLongLong();
        const QString employeeNo = first.data(PairModel::EmployeeNoRole).toString();
        const QString key = first.data(PairModel::RowKeyRole).toString();
        QCOMPARE(cell(key, PairModel::Credentials).toString(), QStringLiteral("None"));
        QVERIFY(cell(key, PairModel::Status).toString().contains(QStringLiteral("no credential")));
        QVERIFY(m_window->selectMember(memberId));

        QSignalSpy opened(m_window.get(), &MainWindow::credentialsDialogOpened);
        auto *action = child<QAction>("actionCredentials");
        QVERIFY(action && action->isEnabled());
        action->trigger();
        QCOMPARE(opened.size(), 1);
        QPointer<CredentialsDialog> dialog =
            qobject_cast<CredentialsDialog *>(opened.first().first().value<QDialog *>());
        QVERIFY(dialog);
        auto *doors = dialog->findChild<QComboBox *>(QStringLiteral("doorCombo"));
        QTRY_COMPARE(doors->count(), 2); // the front door and the gym
        m_demo->door().options().demoCardDelayMs = 200;
        doors->setCurrentIndex(doors->findData(DemoEnvironment::deviceId()));
        auto *read = dialog->findChild<QPushButton *>(QStringLiteral("readButton"));
        QVERIFY(read->isEnabled());
        read->click();
        QVERIFY(dialog->isBusy());
        QVERIFY(dialog->findChild<QProgressBar *>(QStringLiteral("captureProgress"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("added")),
                 qPrintable(dialog->statusText()));
        QStringList onDoor;
        for (const sim::DeviceCard &card : m_demo->door().cards()) {
            if (card.employeeNo == employeeNo)
                onDoor.append(card.cardNo);
        }
        QCOMPARE(onDoor.size(), 1);
        auto *cards = dialog->findChild<QListWidget *>(QStringLiteral("cardList"));
        QTRY_VERIFY(cards->count() == 1 && cards->item(0)->text().contains(onDoor.first()));
        QTRY_VERIFY(cell(key, PairModel::Credentials).toString() == QStringLiteral("Card"));
        QTRY_COMPARE(m_window->pairModel().countWithoutCredential(), missing - 1);
        screenshotOf(dialog, QStringLiteral("credentials-dialog.png"));

        // A number typed (or scanned) that another person holds is refused with their name.
        const sim::DeviceCard someoneElses = m_demo->door().cards().first();
        QVERIFY(someoneElses.employeeNo != employeeNo);
        auto *number = dialog->findChild<QLineEdit *>(QStringLiteral("numberEdit"));
        QTest::keyClicks(number, someoneElses.cardNo);
        QTest::keyClick(number, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("already held by")),
                 qPrintable(dialog->statusText()));
        QVERIFY(dialog->isVisible()); // Enter in the number field never closes the dialog

        // Taken away again: gone from the door too.
        cards->setCurrentRow(0);
        auto *remove = dialog->findChild<QPushButton *>(QStringLiteral("removeCardButton"));
        QVERIFY(remove->isEnabled());
        remove->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("removed")),
                 qPrintable(dialog->statusText()));
        for (const sim::DeviceCard &card : m_demo->door().cards())
            QVERIFY(card.employeeNo != employeeNo);
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void aMemberGetsAFaceFromAPhotoAndFromTheDoorsCamera()
    {
        run(&MainWindow::syncNow);
        // A member on both doors: the front door has a face library, the gym's model has not.
        const std::optional<Link> onBoth = ask([](SyncService::Parts parts) -> std::optional<Link> {
            for (const Link &link : parts.store.links(DemoEnvironment::deviceId())) {
                if (link.origin == LinkOrigin::Created &&
                    parts.store.linkFor(DemoEnvironment::gymDeviceId(), link.employeeNo))
                    return link;
            }
            return std::nullopt;
        });
        QVERIFY(onBoth);
        const qint64 memberId = onBoth->member.organisationMemberId;
        const QString employeeNo = onBoth->employeeNo;
        QVERIFY(m_window->selectMember(memberId));
        QSignalSpy opened(m_window.get(), &MainWindow::credentialsDialogOpened);
        child<QAction>("actionCredentials")->trigger();
        QPointer<CredentialsDialog> dialog =
            qobject_cast<CredentialsDialog *>(opened.first().first().value<QDialog *>());
        QVERIFY(dialog);
        auto *doors = dialog->findChild<QComboBox *>(QStringLiteral("doorCombo"));
        auto *faceLabel = dialog->findChild<QLabel *>(QStringLiteral("faceLabel"));
        QTRY_COMPARE(doors->count(), 2);
        // The gym's model has no face library over ISAPI: the dialog says so, once asked.
        QTRY_VERIFY(faceLabel->text().contains(QStringLiteral("iVMS-4200")));

        // A photo from a file: framed (here: the suggested square), prepared and written.
        QTemporaryDir folder;
        const QString path = folder.filePath(QStringLiteral("åsa.png"));
        {
            QImage photo(900, 1200, QImage::Format_RGB32);
            QPainter painter(&photo);
            QLinearGradient background(0, 0, 900, 1200);
            background.setColorAt(0, QColor(30, 60, 120));
            background.setColorAt(1, QColor(220, 220, 240));
            painter.fillRect(photo.rect(), background);
            painter.setBrush(QColor(236, 188, 160));
            painter.drawEllipse(QRect(250, 250, 400, 520));
            painter.setBrush(QColor(40, 30, 20));
            painter.drawEllipse(QRect(360, 440, 40, 40));
            painter.drawEllipse(QRect(500, 440, 40, 40));
            painter.end();
            QVERIFY(photo.save(path));
        }
        dialog->choosePhotoFile = [path] { return path; };
        int crops = 0;
        dialog->confirmCrop = [&crops](const QImage &photo) -> std::optional<QRect> {
            ++crops;
            return suggestedFaceCrop(photo);
        };
        auto *setFace = dialog->findChild<QPushButton *>(QStringLiteral("setFaceButton"));
        QVERIFY(setFace->isEnabled());
        setFace->click();
        QCOMPARE(crops, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("Face of")),
                 qPrintable(dialog->statusText()));
        QVERIFY(m_demo->door().hasFace(employeeNo));
        QTRY_VERIFY(faceLabel->text().contains(QStringLiteral("Face on: ") + doorName()));

        // The gym's camera cannot be used from here; the front door's can.
        doors->setCurrentIndex(doors->findData(DemoEnvironment::gymDeviceId()));
        auto *take = dialog->findChild<QPushButton *>(QStringLiteral("takePhotoButton"));
        QVERIFY(!take->isEnabled());
        QVERIFY(take->toolTip().contains(QStringLiteral("iVMS-4200")));
        doors->setCurrentIndex(doors->findData(DemoEnvironment::deviceId()));
        QVERIFY(take->isEnabled());
        m_demo->door().options().demoFaceDelayMs = 200;
        take->click();
        QVERIFY(dialog->findChild<QProgressBar *>(QStringLiteral("faceProgress"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY2(dialog->statusText().contains(QStringLiteral("taken at")),
                 qPrintable(dialog->statusText()));
        screenshotOf(dialog, QStringLiteral("credentials-face.png"));

        auto *remove = dialog->findChild<QPushButton *>(QStringLiteral("removeFaceButton"));
        QTRY_VERIFY(remove->isEnabled());
        remove->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
        QVERIFY(!m_demo->door().hasFace(employeeNo));
        dialog->close();
        QTRY_VERIFY(!dialog);
    }

    void aDeskReaderFormatIsPreviewedAndSaved()
    {
        run(&MainWindow::syncNow);
        QVERIFY(m_window->selectMember(
            m_window->pairFilter().index(0, 0).data(PairModel::MemberIdRole).toLongLong()));
        QSignalSpy opened(m_window.get(), &MainWindow::credentialsDialogOpened);
        child<QAction>("actionCredentials")->trigger();
        auto *dialog = qobject_cast<CredentialsDialog *>(opened.first().first().value<QDialog *>());
        QVERIFY(dialog);
        auto *input = dialog->findChild<QComboBox *>(QStringLiteral("inputCombo"));
        auto *output = dialog->findChild<QComboBox *>(QStringLiteral("outputCombo"));
        auto *pad = dialog->findChild<QSpinBox *>(QStringLiteral("padSpin"));
        auto *preview = dialog->findChild<QLabel *>(QStringLiteral("previewLabel"));
        auto *number = dialog->findChild<QLineEdit *>(QStringLiteral("numberEdit"));
        input->setCurrentIndex(1);  // the reader types hexadecimal
        output->setCurrentIndex(1); // the door expects decimal
        pad->setValue(10);
        QTest::keyClicks(number, QStringLiteral("04A1B2C3"));
        QCOMPARE(preview->text(), QStringLiteral("0077705923"));
        QCOMPARE(dialog->readerTransform().zeroPadWidth, 10);
        QTest::keyClicks(number, QStringLiteral("G"));
        QVERIFY(preview->text().contains(QStringLiteral("not a hexadecimal")));
        dialog->close();
    }

    void theDoorsPhotoOfAnEventIsShownOnRequest()
    {
        ActivityPanel &activity = m_window->activityPanel();
        run(&MainWindow::syncNow);
        bool started = false; // QTRY_VERIFY evaluates its expression once more at the end
        QTRY_VERIFY(started = started || ask([](SyncService::Parts parts) {
                                  return parts.scheduler.pollEvents();
                              }));
        QTRY_COMPARE(activity.model()->rowCount(), 4);
        int stranger = -1;
        int card = -1;
        for (int row = 0; row < activity.view()->model()->rowCount(); ++row) {
            const QModelIndex index = activity.view()->model()->index(row, 0);
            const QString reason =
                index.siblingAtColumn(ActivityPanel::ReasonColumn).data().toString();
            if (reason == QLatin1String("face not recognised"))
                stranger = row;
            if (reason.startsWith(QLatin1String("unknown card")))
                card = row;
        }
        QVERIFY(stranger >= 0 && card >= 0);
        activity.view()->selectRow(card);
        QVERIFY(!activity.showPhotoAction()->isEnabled()); // a card reader takes no picture
        activity.view()->selectRow(stranger);
        QVERIFY(activity.showPhotoAction()->isEnabled());
        QSignalSpy opened(&activity, &ActivityPanel::photoDialogOpened);
        const int writesBefore = m_demo->door().totalWriteCount();
        activity.showPhotoAction()->trigger();
        QCOMPARE(opened.size(), 1);
        QPointer<EventPhotoDialog> dialog =
            qobject_cast<EventPhotoDialog *>(opened.first().first().value<QDialog *>());
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->hasPhoto());
        QCOMPARE(m_demo->door().totalWriteCount(), writesBefore);
        dialog->close(); // deleted on close: the picture goes with it
        QTRY_VERIFY(!dialog);

        // A door whose log no longer holds the event (reset since) has no picture to give.
        m_demo->door().events().factoryReset();
        activity.showPhotoAction()->trigger();
        QCOMPARE(opened.size(), 2);
        dialog = qobject_cast<EventPhotoDialog *>(opened.last().first().value<QDialog *>());
        QVERIFY(dialog);
        const auto *text = dialog->findChild<QLabel *>(QStringLiteral("photoLabel"));
        QTRY_VERIFY(text->text().contains(QStringLiteral("could not be fetched")));
        QVERIFY(!dialog->hasPhoto());
        dialog->close();
    }

    // A refusal of a person with no member: selecting it selects the door person (here beside
    // the member suggested for it), and accepting the suggestion is one click in its menu.
    void anUnlinkedPersonsEventLeadsToTheSuggestion()
    {
        ActivityPanel &activity = m_window->activityPanel();
        run(&MainWindow::preview);
        int suggestionRow = -1;
        for (int row = 0; row < m_window->pairFilter().rowCount() && suggestionRow < 0; ++row) {
            if (!m_window->pairFilter()
                     .index(row, 0)
                     .data(PairModel::SuggestedEmployeeNoRole)
                     .toString()
                     .isEmpty())
                suggestionRow = row;
        }
        QVERIFY(suggestionRow >= 0);
        const QModelIndex suggestion = m_window->pairFilter().index(suggestionRow, 0);
        const QString employeeNo = suggestion.data(PairModel::SuggestedEmployeeNoRole).toString();
        sim::DeviceEvent event;
        event.minor = 6;
        event.employeeNo = employeeNo;
        event.name = QStringLiteral("Hand Typed");
        m_demo->door().logEvent(event);
        bool started = false; // QTRY_VERIFY evaluates its expression once more at the end
        QTRY_VERIFY(started = started || ask([](SyncService::Parts parts) {
                                  return parts.scheduler.pollEvents();
                              }));
        QTRY_COMPARE(activity.model()->rowCount(), 5);
        QCOMPARE(activity.model()->index(0, ActivityPanel::ReasonColumn).data().toString(),
                 QStringLiteral("not linked to a member"));
        activity.view()->selectRow(0);
        QCOMPARE(m_window->selectedRowKey(), suggestion.data(PairModel::RowKeyRole).toString());
        auto *accept = m_window->findChild<QAction *>(QStringLiteral("actionAcceptSuggestion"));
        QVERIFY(activity.view()->actions().contains(accept));
        QTRY_VERIFY(accept->isEnabled());
    }

    void theDoorActivityExplainsEveryRefusal()
    {
        ActivityPanel &activity = m_window->activityPanel();
        run(&MainWindow::syncNow);
        // A new reading of every door, once the one going on (if any) has ended.
        const auto pollDoors = [this] {
            bool started = false; // QTRY_VERIFY evaluates its expression once more at the end
            QTRY_VERIFY(started = started || ask([](SyncService::Parts parts) {
                                      return parts.scheduler.pollEvents();
                                  }));
        };
        pollDoors();
        // The demo's start: two staff members come in, a stranger, an unknown card.
        QTRY_COMPARE(activity.model()->rowCount(), 4);

        // A member the sync put on the door, with a valid membership, whose door entry someone
        // shortened by hand: the door refuses what Cardskipper allows.
        const Link link = ask([](SyncService::Parts parts) {
                              return parts.store.links(DemoEnvironment::deviceId());
                          }).value(0);
        QVERIFY(!link.employeeNo.isEmpty());
        const QDateTime past(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
        QVERIFY(m_demo->door().setPersonValidity(link.employeeNo, true, past, past.addDays(30)));
        m_demo->personComesToTheDoor(link.employeeNo, false);
        pollDoors();
        QTRY_COMPARE(activity.model()->rowCount(), 5);
        const QStandardItemModel *model = activity.model();
        QCOMPARE(model->index(0, ActivityPanel::ResultColumn).data().toString(),
                 ActivityPanel::outcomeText(AccessEvent::Outcome::Refused));
        QVERIFY(model->index(0, 0).data(ActivityPanel::ValidButRefusedRole).toBool());
        QCOMPARE(model->index(0, 0).data(ActivityPanel::MemberIdRole).toLongLong(),
                 link.member.organisationMemberId);
        QVERIFY(!model->index(0, ActivityPanel::MemberColumn).data().toString().isEmpty());
        QStringList reasons;
        for (int row = 0; row < model->rowCount(); ++row)
            reasons.append(model->index(row, ActivityPanel::ReasonColumn).data().toString());
        QVERIFY2(reasons.contains(QStringLiteral("unknown card 0012345678")),
                 qPrintable(reasons.join(u'|')));
        QVERIFY(reasons.contains(QStringLiteral("face not recognised")));

        // A member who comes in: the members table shows the visit.
        const Link visitor = ask([](SyncService::Parts parts) {
                                 return parts.store.links(DemoEnvironment::deviceId());
                             }).value(1);
        const QString visitorKey = QStringLiteral("m:%1").arg(visitor.member.organisationMemberId);
        QCOMPARE(cell(visitorKey, PairModel::RecentVisits).toString(), QStringLiteral("0"));
        QVERIFY(cell(visitorKey, PairModel::LastVisit).toString().isEmpty());
        m_demo->personComesToTheDoor(visitor.employeeNo, true);
        pollDoors();
        QTRY_COMPARE(activity.model()->rowCount(), 6);
        QTRY_COMPARE(cell(visitorKey, PairModel::RecentVisits).toString(), QStringLiteral("1"));
        QCOMPARE(cell(visitorKey, PairModel::LastVisit).toString(),
                 m_clock.now().toString(QStringLiteral("HH:mm")));
        QCOMPARE(model->index(0, ActivityPanel::HowColumn).data().toString(),
                 ActivityPanel::methodText(AccessEvent::Method::Card));
        // The visits report of these days: the visitor's day, for Excel.
        QTemporaryDir reports;
        const QString csvPath = reports.filePath(QStringLiteral("besök.csv"));
        QSignalSpy exported(&activity, &ActivityPanel::visitsExported);
        QVERIFY(activity.visitsButton()->isEnabled());
        activity.exportVisits(csvPath);
        QTRY_COMPARE(exported.size(), 1);
        QVERIFY2(!exported.first().at(1).toBool(), qPrintable(exported.first().at(0).toString()));
        QFile report(csvPath);
        QVERIFY(report.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(report.readAll().mid(3))
                                      .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 2, qPrintable(lines.join(u'|')));
        QVERIFY2(lines.join(u'|').contains(QStringLiteral(",%1,%2,1,")
                                               .arg(visitor.member.organisationMemberId)
                                               .arg(m_clock.today().toString(Qt::ISODate))),
                 qPrintable(lines.join(u'|')));
        activity.exportVisits(reports.filePath(QStringLiteral("no/such/folder/x.csv")));
        QTRY_COMPARE(exported.size(), 2);
        QVERIFY(exported.last().at(1).toBool());
        // Selecting the event selects the member in the members table, and back.
        activity.view()->selectRow(0);
        QTRY_COMPARE(m_window->selectedRowKey(), visitorKey);
        const QString refusedKey = QStringLiteral("m:%1").arg(link.member.organisationMemberId);
        QVERIFY(m_window->selectRowKey(refusedKey));
        QTRY_COMPARE(activity.view()
                         ->selectionModel()
                         ->currentIndex()
                         .data(ActivityPanel::MemberIdRole)
                         .toLongLong(),
                     link.member.organisationMemberId);

        activity.refusedOnlyCheck()->setChecked(true);
        QTRY_COMPARE(activity.model()->rowCount(), 3);
        activity.searchEdit()->setText(QStringLiteral("0012345678"));
        QCOMPARE(activity.view()->model()->rowCount(), 1);
        activity.searchEdit()->clear();
        activity.refusedOnlyCheck()->setChecked(false);
        QTRY_COMPARE(activity.model()->rowCount(), 6);
        // Another day only: nothing.
        activity.fromEdit()->setDate(m_clock.today().addDays(1));
        activity.toEdit()->setDate(m_clock.today().addDays(1));
        QTRY_COMPARE(activity.model()->rowCount(), 0);
        activity.fromEdit()->setDate(m_clock.today());
        QTRY_COMPARE(activity.model()->rowCount(), 0);
        activity.toEdit()->setDate(m_clock.today());
        QTRY_COMPARE(activity.model()->rowCount(), 6);
        if (!qEnvironmentVariableIsEmpty("CIS_SCREENSHOT_DIR")) {
            auto *tabs = child<QTabWidget>("logTabs");
            tabs->setCurrentWidget(child<QWidget>("activityTab"));
            screenshot(QStringLiteral("door-activity.png"));
        }
    }

    void timesOnTheClocksDayAreShort()
    {
        // "14:05" for today, by the clock the window was given, not the computer's calendar.
        run(&MainWindow::syncNow);
        const QString door = DemoEnvironment::deviceId();
        QCOMPARE(m_window->doorStatusText(door), QStringLiteral("online, last contact 10:00"));
        QVERIFY(cell(QStringLiteral("m:1002"), PairModel::Status)
                    .toString()
                    .startsWith(QStringLiteral("In sync as of 10:00")));
    }

    void pausingFromTheCodeSaysSoOnce()
    {
        // setPaused() is a slot the tray and the tests call as well as the menu's toggle.
        const auto lines = [this](const QString &text) {
            int count = 0;
            const LogModel &log = m_window->logModel();
            for (int row = 0; row < log.rowCount(); ++row) {
                const QModelIndex index = log.index(row, LogModel::Message);
                if (index.data().toString().startsWith(text))
                    count += index.data(LogModel::CountRole).toInt();
            }
            return count;
        };
        m_window->setPaused(true);
        QVERIFY(schedulerPaused());
        QCOMPARE(lines(QStringLiteral("Automatic sync paused.")), 1);
        m_window->setPaused(false);
        QVERIFY(!schedulerPaused());
        QCOMPARE(lines(QStringLiteral("Automatic sync resumed.")), 1);
    }

    // Last: it runs the application's event loop, which the window ends.
    void closingWithoutATrayQuits()
    {
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable()); // offscreen
        const bool quitOnLastWindow = QGuiApplication::quitOnLastWindowClosed();
        QGuiApplication::setQuitOnLastWindowClosed(false); // as main() does
        showWindow();
        QVERIFY(m_window->close());
        QVERIFY(m_window->isHidden());
        // The quit the window asks for ends the application's event loop; without it the guard
        // does, with another code.
        QSignalSpy aboutToQuit(qApp, &QCoreApplication::aboutToQuit);
        QTimer guard;
        guard.setSingleShot(true);
        connect(&guard, &QTimer::timeout, qApp, [] { QCoreApplication::exit(2); });
        guard.start(20000);
        const int code = QCoreApplication::exec();
        guard.stop();
        QGuiApplication::setQuitOnLastWindowClosed(quitOnLastWindow);
        QCOMPARE(code, 0);
        QCOMPARE(aboutToQuit.size(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
