// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The desktop app's demo keeps its database in a temporary folder. SIGTERM (a logout, kill,
// systemctl) and SIGINT (Ctrl+C) stop the app the way Quit does, so the folder goes with it,
// and so do the instance lock and socket.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/types.h>

class TestDemoTermination : public QObject
{
    Q_OBJECT

private slots:
    void demoFolderIsRemovedOnSignal_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << SIGTERM;
        QTest::newRow("SIGINT") << SIGINT;
    }

    void demoFolderIsRemovedOnSignal()
    {
        QFETCH(int, signalNumber);
        // The app's own TMPDIR: its demo folder, lock file and instance socket land there, and
        // a demo the developer has open elsewhere does not make this one step aside.
        QTemporaryDir temp;
        QTemporaryDir home;
        QVERIFY(temp.isValid() && home.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TMPDIR"), temp.path());
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"})
            environment.insert(QString::fromLatin1(name), home.filePath(QString::fromLatin1(name)));
        // Without one, Qt makes its runtime directory in TMPDIR and leaves it there.
        const QString runtime = home.filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(runtime));
        QVERIFY(
            QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        QProcess app;
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        app.start(QStringLiteral(CIS_APP_PATH), {QStringLiteral("--demo")});
        QVERIFY(app.waitForStarted());

        // The database is opened after the handler is in place and before the event loop runs.
        const auto demoDatabase = [&temp] {
            QDirIterator it(temp.path(), {QStringLiteral("demo.sqlite")}, QDir::Files,
                            QDirIterator::Subdirectories);
            return it.hasNext() ? it.next() : QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!demoDatabase().isEmpty() || app.state() == QProcess::NotRunning,
                                 60000);
        QCOMPARE(app.state(), QProcess::Running);
        const QString folder = QFileInfo(demoDatabase()).absolutePath();
        QVERIFY(folder != QDir(temp.path()).absolutePath());

        QCOMPARE(::kill(static_cast<pid_t>(app.processId()), signalNumber), 0);
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit); // not killed by the signal
        QCOMPARE(app.exitCode(), 0);
        QVERIFY2(!QFileInfo::exists(folder), qPrintable(folder));
        const QStringList left =
            QDir(temp.path())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QStringLiteral(", "))));
    }
};

QTEST_GUILESS_MAIN(TestDemoTermination)
#include "tst_demotermination.moc"
