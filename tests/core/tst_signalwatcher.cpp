// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// SIGTERM and SIGINT reach the event loop as a Qt signal and end it the way the desktop app
// wires them, whether they arrive during exec() or before it; the handlers that were there
// before come back afterwards.
#include "SignalWatcher.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <csignal>

using namespace cis;

namespace {
using Handler = void (*)(int);

Handler currentHandler(int signalNumber)
{
    struct sigaction action = {};
    ::sigaction(signalNumber, nullptr, &action);
    return action.sa_handler;
}

void setHandler(int signalNumber, Handler handler)
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    ::sigaction(signalNumber, &action, nullptr);
}
} // namespace

class TestSignalWatcher : public QObject
{
    Q_OBJECT

private slots:
    void signalBecomesTerminationRequested_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
    }

    void signalBecomesTerminationRequested()
    {
        QFETCH(int, signalNumber);
        SignalWatcher watcher;
        QVERIFY(watcher.isWatching());
        QSignalSpy requested(&watcher, &SignalWatcher::terminationRequested);
        QCOMPARE(::raise(signalNumber), 0);
        QTRY_COMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toInt(), signalNumber);
    }

    void eventLoopQuits_data()
    {
        QTest::addColumn<bool>("beforeExec");
        QTest::newRow("signal during exec()") << false;
        // The app's start-up (the demo's simulators, opening the database) runs before exec().
        QTest::newRow("signal before exec()") << true;
    }

    void eventLoopQuits()
    {
        QFETCH(bool, beforeExec);
        SignalWatcher watcher;
        connect(&watcher, &SignalWatcher::terminationRequested, qApp,
                [] { QCoreApplication::exit(0); });
        QSignalSpy aboutToQuit(qApp, &QCoreApplication::aboutToQuit);
        QTimer giveUp;
        giveUp.setSingleShot(true);
        connect(&giveUp, &QTimer::timeout, qApp, [] { QCoreApplication::exit(1); });
        giveUp.start(10000);
        if (beforeExec)
            QCOMPARE(::raise(SIGTERM), 0);
        else
            QTimer::singleShot(0, qApp, [] { ::raise(SIGTERM); });
        QCOMPARE(QCoreApplication::exec(), 0);
        QCOMPARE(aboutToQuit.count(), 1);
    }

    void previousHandlersComeBack()
    {
        setHandler(SIGTERM, SIG_IGN);
        setHandler(SIGINT, SIG_IGN);
        {
            SignalWatcher watcher;
            QVERIFY(currentHandler(SIGTERM) != SIG_IGN);
            QVERIFY(currentHandler(SIGINT) != SIG_IGN);
        }
        QVERIFY(currentHandler(SIGTERM) == SIG_IGN);
        QVERIFY(currentHandler(SIGINT) == SIG_IGN);
        setHandler(SIGTERM, SIG_DFL);
        setHandler(SIGINT, SIG_DFL);
    }

    void signalLeftUnreadIsNotTheNextWatchersOwn()
    {
        {
            SignalWatcher earlier;
            QCOMPARE(::raise(SIGTERM), 0);
        }
        SignalWatcher watcher;
        QSignalSpy requested(&watcher, &SignalWatcher::terminationRequested);
        QTest::qWait(200);
        QCOMPARE(requested.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSignalWatcher)
#include "tst_signalwatcher.moc"
