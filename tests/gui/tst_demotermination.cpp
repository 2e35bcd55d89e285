// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The desktop app's demo keeps its database in a temporary folder. SIGTERM (a logout, kill,
// systemctl; on Windows the WM_CLOSE that QProcess::terminate and service managers post) and
// SIGINT (Ctrl+C) stop the app the way Quit does, so the folder goes with it, and so do the
// instance lock and socket. A second start while one runs leaves the first one alone.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#ifndef Q_OS_WIN
#include <sys/types.h>
#endif

namespace {

// Every demo database below folder.
QStringList demoDatabases(const QString &folder)
{
    QStringList found;
    QDirIterator it(folder, {QStringLiteral("demo.sqlite")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(it.next());
    return found;
}

} // namespace

class TestDemoTermination : public QObject
{
    Q_OBJECT

private slots:
    void demoFolderIsRemovedOnSignal_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << SIGTERM;
#ifndef Q_OS_WIN // a window program has no console to press Ctrl+C in
        QTest::newRow("SIGINT") << SIGINT;
#endif
    }

    void demoFolderIsRemovedOnSignal()
    {
        QFETCH(int, signalNumber);
        QTemporaryDir temp;
        QTemporaryDir home;
        QVERIFY(temp.isValid() && home.isValid());
        QProcess app;
        startDemo(app, temp, home);
        QTRY_VERIFY_WITH_TIMEOUT(
            !demoDatabases(temp.path()).isEmpty() || app.state() == QProcess::NotRunning, 60000);
        QCOMPARE(app.state(), QProcess::Running);
        const QString folder = QFileInfo(demoDatabases(temp.path()).first()).absolutePath();
        QVERIFY(folder != QDir(temp.path()).absolutePath());

        stop(app, signalNumber);
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit); // not killed by the signal
        QCOMPARE(app.exitCode(), 0);
        QVERIFY2(!QFileInfo::exists(folder), qPrintable(folder));
        const QStringList left =
            QDir(temp.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }

    void aSecondStartLeavesTheFirstRunning()
    {
        QTemporaryDir temp;
        QTemporaryDir home;
        QVERIFY(temp.isValid() && home.isValid());
        QProcess first;
        startDemo(first, temp, home);
        QTRY_VERIFY_WITH_TIMEOUT(
            !demoDatabases(temp.path()).isEmpty() || first.state() == QProcess::NotRunning, 60000);
        QCOMPARE(first.state(), QProcess::Running);

        // The second start asks the first to show its window and ends; it opens no demo of
        // its own.
        QProcess second;
        startDemo(second, temp, home);
        QVERIFY(second.waitForFinished(60000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running);
        QCOMPARE(demoDatabases(temp.path()).size(), 1);

        stop(first, SIGTERM);
        QVERIFY(first.waitForFinished(60000));
        QCOMPARE(first.exitCode(), 0);
    }

private:
    // The app's own temporary folder: its demo folder, lock file and instance socket land
    // there, and a demo the developer has open elsewhere does not make this one step aside.
    static void startDemo(QProcess &app, const QTemporaryDir &temp, const QTemporaryDir &home)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
#ifdef Q_OS_WIN
        Q_UNUSED(home)
        environment.insert(QStringLiteral("TMP"), QDir::toNativeSeparators(temp.path()));
        environment.insert(QStringLiteral("TEMP"), QDir::toNativeSeparators(temp.path()));
#else
        environment.insert(QStringLiteral("TMPDIR"), temp.path());
        for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            environment.insert(QString::fromLatin1(name), home.filePath(QString::fromLatin1(name)));
        // Without one, Qt makes its runtime directory in TMPDIR and leaves it there.
        const QString runtime = home.filePath(QStringLiteral("runtime"));
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
#endif
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(CIS_APP_PATH), {QStringLiteral("--demo")});
        QVERIFY(app.waitForStarted());
    }

    static void stop(QProcess &app, int signalNumber)
    {
#ifdef Q_OS_WIN
        Q_UNUSED(signalNumber)
        app.terminate(); // WM_CLOSE to the main thread and the windows
#else
        QCOMPARE(::kill(static_cast<pid_t>(app.processId()), signalNumber), 0);
#endif
    }
};

QTEST_GUILESS_MAIN(TestDemoTermination)
#include "tst_demotermination.moc"
