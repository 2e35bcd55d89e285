// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The start-at-log-in entry: written where the desktop looks, with an Exec line the desktop
// can split back into the same arguments, and removed again.
#include "Autostart.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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

    void enablingWritesTheEntryAndDisablingRemovesIt()
    {
        QTemporaryDir dir;
        const Autostart autostart(dir.filePath(QStringLiteral("autostart")));
        QVERIFY(!autostart.isEnabled());
        QCOMPARE(autostart.apply(true, QStringLiteral("/usr/bin/cardskipper-ivms-sync"),
                                 {QStringLiteral("--config"), QStringLiteral("/etc/a b.ini")}),
                 QString());
        QVERIFY(autostart.isEnabled());
        QFile entry(autostart.entryPath());
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(entry.readAll());
        QVERIFY(text.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QVERIFY2(text.contains(QStringLiteral(
                     "\nExec=/usr/bin/cardskipper-ivms-sync --config \"/etc/a b.ini\"\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\nType=Application\n")));
        entry.close();
        QCOMPARE(autostart.apply(false, {}, {}), QString());
        QVERIFY(!autostart.isEnabled());
        QCOMPARE(autostart.apply(false, {}, {}), QString()); // already gone: fine
    }

    void anUnwritableFolderIsReportedByName()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Autostart autostart(blocker + QStringLiteral("/autostart"));
        const QString problem = autostart.apply(true, QStringLiteral("/usr/bin/app"), {});
        QVERIFY2(problem.contains(blocker), qPrintable(problem));
        QVERIFY(!autostart.isEnabled());
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
