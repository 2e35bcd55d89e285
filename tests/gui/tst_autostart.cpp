// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The start-at-log-in entry: written where the desktop (or Windows) looks, with a command line
// that splits back into the same arguments, and removed again.
#include "Autostart.h"

#include <QCoreApplication>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_WIN
#include <qt_windows.h>
#include <shellapi.h>
#endif

using namespace cis::gui;

class TestAutostart : public QObject
{
    Q_OBJECT

private slots:
    void execLineQuotesWhatTheSpecificationReserves_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("--config") << QStringLiteral("--config");
        QTest::newRow("space") << QStringLiteral("/home/anna/Mina filer/club.ini")
                               << QStringLiteral("\"/home/anna/Mina filer/club.ini\"");
        QTest::newRow("quote and dollar")
            << QStringLiteral("a\"b$c") << QStringLiteral("\"a\\\"b\\$c\"");
        QTest::newRow("backslash") << QStringLiteral("C:\\x") << QStringLiteral("\"C:\\\\x\"");
        QTest::newRow("percent") << QStringLiteral("100%") << QStringLiteral("100%%");
        QTest::newRow("å ä ö need no quotes") << QStringLiteral("/home/åsa/föreningen.ini")
                                              << QStringLiteral("/home/åsa/föreningen.ini");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
    }

    void execLineQuotesWhatTheSpecificationReserves()
    {
        QFETCH(QString, argument);
        QFETCH(QString, expected);
        QCOMPARE(Autostart::execLine(QStringLiteral("/usr/bin/app"), {argument}),
                 QStringLiteral("/usr/bin/app ") + expected);
    }

    void windowsCommandLineQuotesAsTheRuntimeSplits_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("--config") << QStringLiteral("--config");
        QTest::newRow("space") << QStringLiteral("C:\\Users\\Åsa Öberg\\club.ini")
                               << QStringLiteral("\"C:\\Users\\Åsa Öberg\\club.ini\"");
        QTest::newRow("backslashes alone stay")
            << QStringLiteral("C:\\a\\b") << QStringLiteral("C:\\a\\b");
        QTest::newRow("quote") << QStringLiteral("a\"b") << QStringLiteral("\"a\\\"b\"");
        QTest::newRow("backslash before a quote")
            << QStringLiteral("a\\\"b") << QStringLiteral("\"a\\\\\\\"b\"");
        QTest::newRow("trailing backslash")
            << QStringLiteral("C:\\My dir\\") << QStringLiteral("\"C:\\My dir\\\\\"");
        QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
    }

    void windowsCommandLineQuotesAsTheRuntimeSplits()
    {
        QFETCH(QString, argument);
        QFETCH(QString, expected);
        const QString program = QStringLiteral("C:/Program Files/Cardskipper IVMS Sync/app.exe");
        const QString line =
            Autostart::windowsCommandLine(program, {argument, QStringLiteral("x")});
        QCOMPARE(line, QStringLiteral("\"C:\\Program Files\\Cardskipper IVMS Sync\\app.exe\" ") +
                           expected + QStringLiteral(" x"));
#ifdef Q_OS_WIN
        // Windows itself splits it back into the same three words.
        int count = 0;
        LPWSTR *words = CommandLineToArgvW(reinterpret_cast<LPCWSTR>(line.utf16()), &count);
        QVERIFY(words);
        QStringList split;
        for (int i = 0; i < count; ++i)
            split.append(QString::fromWCharArray(words[i]));
        LocalFree(words);
        QCOMPARE(split, QStringList({QStringLiteral("C:\\Program Files\\Cardskipper IVMS "
                                                    "Sync\\app.exe"),
                                     argument, QStringLiteral("x")}));
#endif
    }

    void enablingWritesTheEntryAndDisablingRemovesIt()
    {
#ifdef Q_OS_WIN
        // A key of the test's own, never the user's Run key.
        const QString location = QStringLiteral("HKEY_CURRENT_USER\\Software\\"
                                                "cardskipper-ivms-sync-tests\\Run%1")
                                     .arg(QCoreApplication::applicationPid());
        const auto removeKey =
            qScopeGuard([&] { QSettings(location, QSettings::NativeFormat).clear(); });
        const QString program = QStringLiteral("C:/Program Files/Cardskipper IVMS Sync/app.exe");
        const QString config = QStringLiteral("C:/Users/Åsa/a b.ini");
#else
        QTemporaryDir dir;
        const QString location = dir.filePath(QStringLiteral("autostart"));
        const QString program = QStringLiteral("/usr/bin/cardskipper-ivms-sync");
        const QString config = QStringLiteral("/etc/å b.ini");
#endif
        const Autostart autostart(location);
        QVERIFY(!autostart.isEnabled());
        QCOMPARE(autostart.command(), QString());
        const QStringList arguments{QStringLiteral("--config"), config};
        QCOMPARE(autostart.apply(true, program, arguments), QString());
        QVERIFY(autostart.isEnabled());
#ifdef Q_OS_WIN
        QCOMPARE(autostart.command(), Autostart::windowsCommandLine(program, arguments));
        QCOMPARE(QSettings(location, QSettings::NativeFormat)
                     .value(QStringLiteral("cardskipper-ivms-sync"))
                     .toString(),
                 QStringLiteral("\"C:\\Program Files\\Cardskipper IVMS Sync\\app.exe\" --config "
                                "\"C:/Users/Åsa/a b.ini\""));
#else
        QCOMPARE(autostart.command(), Autostart::execLine(program, arguments));
        QFile entry(autostart.entryPath());
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(entry.readAll());
        QVERIFY(text.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QVERIFY2(text.contains(QStringLiteral(
                     "\nExec=/usr/bin/cardskipper-ivms-sync --config \"/etc/å b.ini\"\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\nType=Application\n")));
        entry.close();
#endif
        QCOMPARE(autostart.apply(false, {}, {}), QString());
        QVERIFY(!autostart.isEnabled());
        QCOMPARE(autostart.command(), QString());
        QCOMPARE(autostart.apply(false, {}, {}), QString()); // already gone: fine
    }

    void anUnwritableFolderIsReportedByName()
    {
#ifdef Q_OS_WIN
        QSKIP("A registry key the user cannot write exists only on a real Windows PC (Wine "
              "lets every user write every key).");
#else
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Autostart autostart(blocker + QStringLiteral("/autostart"));
        const QString problem = autostart.apply(true, QStringLiteral("/usr/bin/app"), {});
        QVERIFY2(problem.contains(blocker), qPrintable(problem));
        QVERIFY(!autostart.isEnabled());
#endif
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
