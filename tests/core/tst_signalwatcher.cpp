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

#ifdef Q_OS_WIN
#include <qt_windows.h>
#include <thread>
#endif

using namespace cis;

#ifdef Q_OS_UNIX
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
#endif

class TestSignalWatcher : public QObject
{
    Q_OBJECT

private slots:
#ifdef Q_OS_WIN
    // The console calls its handler on a thread of its own; so does this test, since a test
    // run (ctest, Wine) may have no console to send events through.
    void consoleEventsBecomeTerminationRequested_data()
    {
        QTest::addColumn<int>("event");
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("Ctrl+C") << int(CTRL_C_EVENT) << SIGINT;
        QTest::newRow("Ctrl+Break (a service wrapper's stop)") << int(CTRL_BREAK_EVENT) << SIGINT;
    }

    void consoleEventsBecomeTerminationRequested()
    {
        QFETCH(int, event);
        SignalWatcher watcher;
        QVERIFY(watcher.isWatching());
        QSignalSpy requested(&watcher, &SignalWatcher::terminationRequested);
        bool taken = false;
        std::thread console([&] { taken = SignalWatcher::handleConsoleEvent(DWORD(event)); });
        console.join();
        QVERIFY(taken);
        QTRY_COMPARE(requested.count(), 1);
        QTEST(requested.at(0).at(0).toInt(), "signalNumber");
    }

    // What QProcess::terminate() sends a program on Windows.
    void closeMessageToTheMainThreadIsSigterm()
    {
        SignalWatcher watcher;
        QVERIFY(watcher.isWatching());
        QSignalSpy requested(&watcher, &SignalWatcher::terminationRequested);
        QVERIFY(::PostThreadMessageW(::GetCurrentThreadId(), WM_CLOSE, 0, 0));
        QTRY_COMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toInt(), SIGTERM);
    }

    void logoffIsNotAStop()
    {
        SignalWatcher watcher;
        QSignalSpy requested(&watcher, &SignalWatcher::terminationRequested);
        QVERIFY(SignalWatcher::handleConsoleEvent(CTRL_LOGOFF_EVENT));
        QCoreApplication::processEvents();
        QCOMPARE(requested.count(), 0);
    }

    void onlyTheNewestWatcherIsTold()
    {
        SignalWatcher older;
        QSignalSpy olderRequested(&older, &SignalWatcher::terminationRequested);
        {
            SignalWatcher newer;
            QSignalSpy newerRequested(&newer, &SignalWatcher::terminationRequested);
            QVERIFY(SignalWatcher::handleConsoleEvent(CTRL_C_EVENT));
            QTRY_COMPARE(newerRequested.count(), 1);
        }
        QCoreApplication::processEvents();
        QCOMPARE(olderRequested.count(), 0);
        // With the newer one gone, the older one is told again.
        QVERIFY(SignalWatcher::handleConsoleEvent(CTRL_BREAK_EVENT));
        QTRY_COMPARE(olderRequested.count(), 1);
    }

    void withoutAWatcherTheDefaultEndsTheProcess()
    {
        // FALSE hands the event to the next handler, finally the default one (ExitProcess).
        QVERIFY(!SignalWatcher::handleConsoleEvent(CTRL_C_EVENT));
    }
#else
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
        connect(&watcher, &SignalWatcher::terminationRequested, QCoreApplication::instance(),
                [] { QCoreApplication::exit(0); });
        QSignalSpy aboutToQuit(QCoreApplication::instance(), &QCoreApplication::aboutToQuit);
        QTimer giveUp;
        giveUp.setSingleShot(true);
        connect(&giveUp, &QTimer::timeout, QCoreApplication::instance(),
                [] { QCoreApplication::exit(1); });
        giveUp.start(10000);
        if (beforeExec)
            QCOMPARE(::raise(SIGTERM), 0);
        else
            QTimer::singleShot(0, QCoreApplication::instance(), [] { ::raise(SIGTERM); });
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
#endif
};

QTEST_GUILESS_MAIN(TestSignalWatcher)
#include "tst_signalwatcher.moc"
