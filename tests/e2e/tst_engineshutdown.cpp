// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The engine destroyed while a run waits for an answer, as when the app is quit or gets a
// SIGTERM in the middle of a sync: the aborted requests must not reach a half-destroyed run.
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "Store.h"
#include "SyncEngine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using sim::CardskipperSimulator;
using sim::DemoData;

class TestEngineShutdown : public QObject
{
    Q_OBJECT

private slots:
    void engineDestroyedWhileARequestIsOnTheWire()
    {
        ManualClock clock(QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0)));
        CardskipperSimulator cardskipper(&clock);
        cardskipper.loadDemoData(20, 1);
        cardskipper.faults().setLatencyMs(60000); // the answer never comes in time
        QVERIFY(cardskipper.listen());
        QTemporaryDir dir;
        auto store = Store::open(dir.filePath(QStringLiteral("sync.sqlite")), clock);
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));

        AppSettings settings;
        settings.cardskipper.url = cardskipper.baseUrl();
        settings.cardskipper.username = QStringLiteral("demo");
        settings.cardskipper.organisationId = DemoData::kOrganisationId;
        SyncEngine::Credentials credentials;
        credentials.cardskipperPassword = QStringLiteral("demo");
        auto engine = std::make_unique<SyncEngine>(*store.value(), clock);
        engine->setConfiguration(settings, credentials);
        QSignalSpy asked(&cardskipper, &CardskipperSimulator::requestReceived);
        QVERIFY(engine->start(SyncEngine::RunOptions()));
        QVERIFY(asked.wait(20000));
        QVERIFY(engine->isRunning());
        engine.reset();
    }
};

QTEST_GUILESS_MAIN(TestEngineShutdown)
#include "tst_engineshutdown.moc"
