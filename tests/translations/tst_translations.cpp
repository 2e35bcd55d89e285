// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The catalogs are complete and current, and the window really speaks Swedish: a .ts file
// with an unfinished or obsolete entry, a placeholder lost in translation, or a source string
// that lupdate has not collected yet fails here.
#include "Clock.h"
#include "DemoEnvironment.h"
#include "MainWindow.h"
#include "SyncService.h"
#include "Translations.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QXmlStreamReader>

using namespace cis;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the plural forms
    QString type;             // "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;
};

QList<Message> readCatalog(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message")) {
                current = Message{};
                current.context = context;
                current.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source"))
                current.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!current.numerus)
                    current.translations.append(xml.readElementText());
            } else if (xml.name() == QLatin1String("numerusform"))
                current.translations.append(xml.readElementText());
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The window saves its geometry on close: into Qt's test folders, not the user's.
        QStandardPaths::setTestModeEnabled(true);
    }

    void catalogsAreCompleteAndConsistent_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : QStringLiteral(CIS_TS_FILES).split(QLatin1Char('|')))
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    void catalogsAreCompleteAndConsistent()
    {
        QFETCH(QString, path);
        QString error;
        const QList<Message> messages = readCatalog(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        QStringList problems;
        for (const Message &message : messages) {
            const QString where = message.context + QStringLiteral(": ") + message.source.left(70);
            if (!message.type.isEmpty())
                problems.append(message.type + QStringLiteral(" – ") + where);
            for (const QString &translation : message.translations) {
                if (translation.isEmpty()) {
                    problems.append(QStringLiteral("empty – ") + where);
                    continue;
                }
                QStringList expected = placeholders(message.source);
                QStringList got = placeholders(translation);
                if (message.numerus) { // a singular may say "one" instead of %n
                    expected.removeAll(QStringLiteral("%n"));
                    got.removeAll(QStringLiteral("%n"));
                }
                if (got != expected)
                    problems.append(QStringLiteral("placeholders %1 instead of %2 – %3")
                                        .arg(got.join(QLatin1Char(' ')),
                                             expected.join(QLatin1Char(' ')), where));
            }
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problem(s):\n").arg(problems.size()) +
                            problems.join(QLatin1Char('\n'))));
    }

    void catalogsHoldEverySourceString()
    {
#ifdef CIS_CROSS_BUILT
        QSKIP("The catalogs against the sources is a check of the sources, not of the "
              "platform: the Linux suite makes it with the build's lupdate, a Linux program "
              "that a cross-built test cannot start.");
#endif
        // lupdate over today's sources into copies: anything it would add or drop means the
        // committed catalogs are behind (run: cmake --build <dir> --target update_translations).
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("check_sv.ts"));
        const QString original = QStringLiteral(CIS_TS_FILES).split(QLatin1Char('|')).first();
        QVERIFY(QFile::copy(original, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.start(QStringLiteral(CIS_LUPDATE),
                      {QStringLiteral("@" CIS_SOURCES_LIST), QStringLiteral("-no-obsolete"),
                       QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"),
                       copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QString error;
        const QList<Message> before = readCatalog(original, &error);
        const QList<Message> after = readCatalog(copy, &error);
        QStringList added;
        QSet<QString> known;
        for (const Message &message : before)
            known.insert(message.context + QLatin1Char('\n') + message.source);
        for (const Message &message : after) {
            if (!known.contains(message.context + QLatin1Char('\n') + message.source))
                added.append(message.context + QStringLiteral(": ") + message.source.left(70));
        }
        QVERIFY2(added.isEmpty(), qPrintable(QStringLiteral("not in the catalog yet:\n") +
                                             added.join(QLatin1Char('\n'))));
        QCOMPARE(after.size(), before.size()); // nothing obsolete either
    }

    void theWindowSpeaksSwedish()
    {
        const QStringList loaded =
            installTranslations(*QCoreApplication::instance(), QStringLiteral("sv"));
        QVERIFY2(loaded.size() == 2, qPrintable(loaded.join(QLatin1Char(' ')))); // ours and Qt's
        QVERIFY(availableLanguages().contains(QStringLiteral("sv")));

        ManualClock clock{QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0))};
        gui::DemoEnvironment demo(clock);
        QVERIFY(demo.start());
        SyncService service(clock);
        QVERIFY(!service.open(demo.databasePath(), demo.settings(), demo.credentials()));
        gui::MainWindow window(service, demo.settings(), clock, &demo);
        QSignalSpy shown(&window, &gui::MainWindow::runShown);
        window.preview();
        QVERIFY(shown.wait(60000));

        auto *syncNow = window.findChild<QAction *>(QStringLiteral("actionSyncNow"));
        QVERIFY(syncNow);
        QVERIFY(syncNow->text() != QStringLiteral("&Sync now"));
        QCOMPARE(syncNow->text(), QCoreApplication::translate("MainWindow", "&Sync now"));
        QCOMPARE(syncNow->iconText(), QStringLiteral("Synka nu"));
        // Qt's own texts too (standard buttons).
        QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") !=
                QStringLiteral("Cancel"));
        const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            window.resize(1024, 700);
            window.show();
            QCoreApplication::processEvents();
            window.grab().save(QDir(QString::fromLocal8Bit(folder))
                                   .filePath(QStringLiteral("main-window-sv.png")));
        }
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
