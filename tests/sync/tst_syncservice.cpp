// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The worker thread behind the window: the database and the engine live there, callers get
// their answers back on their own thread, in the order they asked.
#include "Clock.h"
#include "Store.h"
#include "SyncService.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cis;

class TestSyncService : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
    QTemporaryDir m_dir;

    QString databasePath() const { return m_dir.filePath(QStringLiteral("sync.sqlite")); }

    static AppSettings settings()
    {
        AppSettings settings;
        settings.cardskipper.organisationId = 4711;
        return settings;
    }

private slots:
    void theStoreAndEngineLiveOnTheWorkerAndAnswersComeBackHere()
    {
        SyncService service(m_clock);
        QVERIFY(!service.open(databasePath(), settings(), {}));
        QVERIFY(service.workerThread() != QThread::currentThread());
        QCOMPARE(service.engine()->thread(), service.workerThread());
        QCOMPARE(service.scheduler()->thread(), service.workerThread());

        const QThread *workThread = nullptr;
        const QThread *doneThread = nullptr;
        QObject context;
        service.query(
            &context,
            [&](SyncService::Parts parts) {
                workThread = QThread::currentThread();
                return parts.engine.settings().cardskipper.organisationId;
            },
            [&](qint64 organisation) {
                doneThread = QThread::currentThread();
                QCOMPARE(organisation, 4711);
            });
        QTRY_VERIFY(doneThread);
        QCOMPARE(workThread, service.workerThread());
        QCOMPARE(doneThread, QThread::currentThread());
    }

    void aQueryAfterAWriteSeesTheWrite()
    {
        SyncService service(m_clock);
        QVERIFY(!service.open(databasePath(), settings(), {}));
        Link link;
        link.deviceId = QStringLiteral("door");
        link.employeeNo = QStringLiteral("1002");
        link.member = {4711, 1002};
        link.createdAt = m_clock.now();
        service.post([link](SyncService::Parts parts) { parts.store.addLink(link); });
        std::optional<std::optional<Link>> answer;
        QObject context;
        service.query(
            &context,
            [](SyncService::Parts parts) {
                return parts.store.linkFor(QStringLiteral("door"), QStringLiteral("1002"));
            },
            [&](const std::optional<Link> &found) { answer = found; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->has_value());
        QCOMPARE((*answer)->member.organisationMemberId, 1002);
    }

    void aDestroyedContextGetsNoAnswer()
    {
        SyncService service(m_clock);
        QVERIFY(!service.open(databasePath(), settings(), {}));
        bool called = false;
        bool later = false;
        auto context = std::make_unique<QObject>();
        service.query(
            context.get(), [](SyncService::Parts) { return 1; }, [&](int) { called = true; });
        context.reset();
        QObject alive;
        service.query(
            &alive, [](SyncService::Parts) { return 2; }, [&](int) { later = true; });
        QTRY_VERIFY(later); // answers arrive in order: the first one would have come before
        QVERIFY(!called);
    }

    void aDatabaseThatCannotBeOpenedIsReportedAndLeftAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("not-a-database.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray garbage(4096, 'x');
        file.write(garbage);
        file.close();
        SyncService service(m_clock);
        const auto error = service.open(path, settings(), {});
        QVERIFY(error);
        QVERIFY2(error->message.contains(QStringLiteral("not-a-database.sqlite")),
                 qPrintable(error->message));
        QVERIFY(!service.engine());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }

    void closingReleasesTheDatabaseForTheNextStart()
    {
        {
            SyncService service(m_clock);
            QVERIFY(!service.open(databasePath(), settings(), {}));
        }
        // A second open after the first service is gone works and sees the same file.
        SyncService again(m_clock);
        QVERIFY(!again.open(databasePath(), settings(), {}));
    }
};

QTEST_GUILESS_MAIN(TestSyncService)
#include "tst_syncservice.moc"
