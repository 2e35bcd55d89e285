// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The History tab against a real database on the sync worker: runs and their changes in
// people's words, quiet runs hidden, the selection kept, a run exported for Excel.
#include "Clock.h"
#include "HistoryPanel.h"
#include "Store.h"
#include "SyncService.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;
using namespace cis::gui;

namespace {

constexpr qint64 kOrg = 4711;
const QString kDoor = QStringLiteral("door-1");

QDateTime at(int hour, int minute, int second = 0)
{
    return QDateTime(QDate(2026, 11, 29), QTime(hour, minute, second));
}

Person person(const QString &employeeNo, const QString &name, QDate begin, QDate end)
{
    Person result;
    result.employeeNo = employeeNo;
    result.name = name;
    result.validity.enabled = true;
    result.validity.begin = begin.startOfDay();
    result.validity.end = QDateTime(end, QTime(23, 59, 59));
    return result;
}

Member member(qint64 id, const QString &first, const QString &last)
{
    Member result;
    result.key = {kOrg, id};
    result.firstName = first;
    result.lastName = last;
    return result;
}

OperationRecord operation(qint64 runId, ActionKind action, const QString &employeeNo,
                          std::optional<qint64> memberId, std::optional<Person> before,
                          std::optional<Person> after)
{
    OperationRecord record;
    record.runId = runId;
    record.deviceId = kDoor;
    record.employeeNo = employeeNo;
    if (memberId)
        record.member = MemberKey{kOrg, *memberId};
    record.action = action;
    record.before = std::move(before);
    record.after = std::move(after);
    return record;
}

RunRecord finished(qint64 id, RunStatus status)
{
    RunRecord run;
    run.id = id;
    run.status = status;
    return run;
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT

private:
    ManualClock m_clock{at(9, 0)};
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SyncService> m_service;
    // Oldest first: run 1 wrote, 2 and 4 were quiet, 3 failed, 5 was held.
    qint64 m_wrote = 0;
    qint64 m_quiet = 0;
    qint64 m_failed = 0;
    qint64 m_held = 0;

    static QString doorName(const QString &deviceId)
    {
        return deviceId == kDoor ? QStringLiteral("Front door") : QString();
    }

    std::unique_ptr<HistoryPanel> makePanel()
    {
        auto panel = std::make_unique<HistoryPanel>(*m_service, &TestHistoryPanel::doorName);
        QSignalSpy runs(panel.get(), &HistoryPanel::runsShown);
        QSignalSpy operations(panel.get(), &HistoryPanel::operationsShown);
        if (!runs.wait(10000) || (operations.isEmpty() && !operations.wait(10000)))
            qFatal("the history was not shown");
        return panel;
    }

    static void select(HistoryPanel &panel, qint64 runId)
    {
        QSignalSpy shown(&panel, &HistoryPanel::operationsShown);
        QVERIFY(panel.selectRun(runId));
        // An answer for a run selected before may be under way; only this run's counts.
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(0).toLongLong() == runId,
                                 10000);
    }

    static QStringList column(const QAbstractItemModel &model, int column)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, column).data().toString());
        return out;
    }

    static QStringList row(const QAbstractItemModel &model, int row)
    {
        QStringList out;
        for (int column = 0; column < model.columnCount(); ++column)
            out.append(model.index(row, column).data().toString());
        return out;
    }

    // For the README, like tst_mainwindow: CIS_SCREENSHOT_DIR=docs/screenshots.
    static void screenshot(HistoryPanel &panel, const QString &name)
    {
        const QByteArray folder = qgetenv("CIS_SCREENSHOT_DIR");
        if (folder.isEmpty())
            return;
        panel.resize(1280, 320);
        panel.show();
        QCoreApplication::processEvents();
        panel.grab().save(QDir(QString::fromLocal8Bit(folder)).filePath(name));
    }

    void fillDatabase(Store &store)
    {
        QVERIFY(store.replaceMembers(
            kOrg, {member(1002, QStringLiteral("Anna"), QStringLiteral("Öberg")),
                   member(1003, QStringLiteral("Kalle \"KB\""), QStringLiteral("Berg, Åström"))}));
        const QDate jan1(2026, 1, 1);
        const QDate dec31(2026, 12, 31);

        m_clock.setNow(at(9, 0));
        m_wrote = store.beginRun(RunKind::QuickSync, m_clock.now());
        m_clock.setNow(at(9, 0, 2));
        const qint64 created = store.journalOperation(
            operation(m_wrote, ActionKind::Create, QStringLiteral("1002"), 1002, std::nullopt,
                      person(QStringLiteral("1002"), QStringLiteral("Anna Öberg"), jan1, dec31)));
        QVERIFY(store.completeOperation(created, OperationStatus::Done));
        m_clock.setNow(at(9, 0, 3));
        const qint64 shortened = store.journalOperation(operation(
            m_wrote, ActionKind::UpdateValidity, QStringLiteral("1003"), 1003,
            person(QStringLiteral("1003"), QStringLiteral("Kalle Berg"), jan1, QDate(2027, 6, 30)),
            person(QStringLiteral("1003"), QStringLiteral("Kalle Berg"), jan1, dec31)));
        QVERIFY(store.completeOperation(shortened, OperationStatus::Done));
        m_clock.setNow(at(9, 0, 4));
        const qint64 extended = store.journalOperation(
            operation(m_wrote, ActionKind::UpdateValidity, QStringLiteral("1002"), 1002,
                      person(QStringLiteral("1002"), QStringLiteral("Anna Öberg"), jan1, dec31),
                      person(QStringLiteral("1002"), QStringLiteral("Anna Öberg"), jan1,
                             QDate(2027, 12, 31))));
        QVERIFY(store.completeOperation(extended, OperationStatus::Failed,
                                        QStringLiteral("HTTP 500, the door was busy")));
        m_clock.setNow(at(9, 0, 5));
        const qint64 removed = store.journalOperation(
            operation(m_wrote, ActionKind::Delete, QStringLiteral("9001"), std::nullopt,
                      person(QStringLiteral("9001"), QStringLiteral("Städare Sven"),
                             QDate(2025, 1, 1), QDate(2025, 12, 31)),
                      std::nullopt));
        QVERIFY(store.completeOperation(removed, OperationStatus::Skipped,
                                        QStringLiteral("Not sent: the run ended before this "
                                                       "write.")));
        m_clock.setNow(at(9, 0, 6));
        // Member 1004 is no longer in the member list: the name on the door stands in.
        QVERIFY(store.journalOperation(operation(
                    m_wrote, ActionKind::Revoke, QStringLiteral("1004"), 1004,
                    person(QStringLiteral("1004"), QStringLiteral("Lisa Ek"), jan1, dec31),
                    person(QStringLiteral("1004"), QStringLiteral("Lisa Ek"), jan1,
                           QDate(2026, 11, 29)))) > 0);
        RunRecord wrote = finished(m_wrote, RunStatus::PartlyFailed);
        wrote.created = 1;
        wrote.updated = 1;
        wrote.failed = 2;
        QVERIFY(store.finishRun(wrote));

        m_clock.setNow(at(9, 5));
        m_quiet = store.beginRun(RunKind::QuickSync, m_clock.now());
        QVERIFY(store.finishRun(finished(m_quiet, RunStatus::Succeeded)));

        m_clock.setNow(at(9, 10));
        m_failed = store.beginRun(RunKind::FullReconcile, m_clock.now());
        RunRecord failed = finished(m_failed, RunStatus::Failed);
        failed.error = QStringLiteral("Cardskipper did not answer.");
        QVERIFY(store.finishRun(failed));

        m_clock.setNow(at(9, 15));
        QVERIFY(store.finishRun(
            finished(store.beginRun(RunKind::Preview, m_clock.now()), RunStatus::Succeeded)));

        m_clock.setNow(at(9, 20));
        m_held = store.beginRun(RunKind::QuickSync, m_clock.now());
        QVERIFY(store.finishRun(finished(m_held, RunStatus::Held)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // The checkbox is remembered in the user's settings: here, in a folder of the test's.
        QCoreApplication::setOrganizationName(QStringLiteral("cis-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_historypanel"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        const QString path = m_dir->filePath(QStringLiteral("sync.sqlite"));
        {
            auto store = Store::open(path, m_clock);
            QVERIFY(store);
            fillDatabase(*store.value());
            if (QTest::currentTestFailed())
                return;
        }
        AppSettings settings;
        settings.cardskipper.organisationId = kOrg;
        m_service = std::make_unique<SyncService>(m_clock);
        QVERIFY(!m_service->open(path, settings, {}));
    }

    void cleanup()
    {
        m_service.reset();
        m_dir.reset();
    }

    void runsAreShownInPeoplesWordsWithQuietOnesHidden()
    {
        auto panel = makePanel();
        QVERIFY(panel->hideQuietRuns());
        const QStandardItemModel &runs = *panel->runModel();
        // Newest first; the quiet sync and the preview that changed nothing are hidden, the
        // held and the failed run never are.
        QCOMPARE(runs.rowCount(), 3);
        QCOMPARE(panel->hiddenRunCount(), 2);
        QCOMPARE(row(runs, 0),
                 (QStringList{QStringLiteral("2026-11-29 09:20"), QStringLiteral("Sync"),
                              QStringLiteral("Held by the guard"), QStringLiteral("0"),
                              QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0")}));
        QCOMPARE(row(runs, 1),
                 (QStringList{QStringLiteral("2026-11-29 09:10"), QStringLiteral("Full reconcile"),
                              QStringLiteral("Failed"), QStringLiteral("0"), QStringLiteral("0"),
                              QStringLiteral("0"), QStringLiteral("0")}));
        QCOMPARE(runs.index(1, HistoryPanel::RunResult).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Cardskipper did not answer."));
        QCOMPARE(row(runs, 2),
                 (QStringList{QStringLiteral("2026-11-29 09:00"), QStringLiteral("Sync"),
                              QStringLiteral("Some changes failed"), QStringLiteral("1"),
                              QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("2")}));
        QCOMPARE(runs.headerData(HistoryPanel::RunEnded, Qt::Horizontal).toString(),
                 QStringLiteral("Ended"));
        // The newest run is selected at first.
        QCOMPARE(panel->selectedRunId(), m_held);
    }

    void quietRunsCanBeShownAndTheChoiceIsRemembered()
    {
        {
            auto panel = makePanel();
            auto *check = panel->findChild<QCheckBox *>(QStringLiteral("hideQuietRunsCheck"));
            QVERIFY(check);
            QVERIFY(check->isChecked());
            check->click();
            QVERIFY(!panel->hideQuietRuns());
            QCOMPARE(panel->runModel()->rowCount(), 5);
            QCOMPARE(panel->hiddenRunCount(), 0);
            QCOMPARE(column(*panel->runModel(), HistoryPanel::RunKindColumn),
                     (QStringList{QStringLiteral("Sync"), QStringLiteral("Preview"),
                                  QStringLiteral("Full reconcile"), QStringLiteral("Sync"),
                                  QStringLiteral("Sync")}));
            QCOMPARE(QSettings().value(QString::fromLatin1(HistoryPanel::HideQuietRunsKey)),
                     QVariant(false));
        }
        {
            auto panel = makePanel();
            QVERIFY(!panel->hideQuietRuns());
            QCOMPARE(panel->runModel()->rowCount(), 5);
            panel->setHideQuietRuns(true);
            QCOMPARE(panel->runModel()->rowCount(), 3);
        }
        QCOMPARE(QSettings().value(QString::fromLatin1(HistoryPanel::HideQuietRunsKey)),
                 QVariant(true));
    }

    void operationsShowMemberNamesAndPeoplesWords()
    {
        auto panel = makePanel();
        select(*panel, m_wrote);
        const QStandardItemModel &operations = *panel->operationModel();
        QCOMPARE(operations.rowCount(), 5);
        screenshot(*panel, QStringLiteral("history-panel.png"));
        QCOMPARE(row(operations, 0),
                 (QStringList{QStringLiteral("09:00:02"), QStringLiteral("Front door"),
                              QStringLiteral("Anna Öberg (1002)"),
                              QStringLiteral("Created on the door"), QString(),
                              QStringLiteral("2026-01-01 – 2026-12-31"), QStringLiteral("Done")}));
        // The new window ends earlier: shortened, not "update-validity".
        QCOMPARE(row(operations, 1),
                 (QStringList{QStringLiteral("09:00:03"), QStringLiteral("Front door"),
                              QStringLiteral("Kalle \"KB\" Berg, Åström (1003)"),
                              QStringLiteral("Access shortened"),
                              QStringLiteral("2026-01-01 – 2027-06-30"),
                              QStringLiteral("2026-01-01 – 2026-12-31"), QStringLiteral("Done")}));
        QCOMPARE(operations.index(2, HistoryPanel::OperationAction).data().toString(),
                 QStringLiteral("Access extended"));
        QCOMPARE(operations.index(2, HistoryPanel::OperationResult).data().toString(),
                 QStringLiteral("Failed: HTTP 500, the door was busy"));
        // A person without a member: the name on the door.
        QCOMPARE(operations.index(3, HistoryPanel::OperationMember).data().toString(),
                 QStringLiteral("Städare Sven"));
        QCOMPARE(operations.index(3, HistoryPanel::OperationAction).data().toString(),
                 QStringLiteral("Removed from the door"));
        QCOMPARE(operations.index(3, HistoryPanel::OperationResult).data().toString(),
                 QStringLiteral("Not sent: the run ended before this write."));
        QCOMPARE(operations.index(4, HistoryPanel::OperationMember).data().toString(),
                 QStringLiteral("Lisa Ek (1004)"));
        QCOMPARE(operations.index(4, HistoryPanel::OperationAction).data().toString(),
                 QStringLiteral("Access ended"));
        QCOMPARE(operations.index(4, HistoryPanel::OperationResult).data().toString(),
                 QStringLiteral("Waiting for the door's answer"));
        // No machine word anywhere.
        QStringList machineWords;
        for (const ActionKind kind : {ActionKind::Create, ActionKind::UpdateValidity,
                                      ActionKind::Rename, ActionKind::Revoke, ActionKind::Delete})
            machineWords.append(actionKindToString(kind));
        for (const OperationStatus status : {OperationStatus::Pending, OperationStatus::Done,
                                             OperationStatus::Failed, OperationStatus::Skipped})
            machineWords.append(operationStatusToString(status));
        for (int r = 0; r < operations.rowCount(); ++r) {
            for (const QString &text : row(operations, r)) {
                for (const QString &word : std::as_const(machineWords))
                    QVERIFY2(!text.startsWith(word), qPrintable(text));
            }
        }
    }

    void wordsForEveryActionAndResult()
    {
        const QDate jan1(2026, 1, 1);
        OperationRecord record =
            operation(1, ActionKind::UpdateValidity, QStringLiteral("1"), 1,
                      person(QStringLiteral("1"), QStringLiteral("A"), jan1, QDate(2026, 6, 30)),
                      person(QStringLiteral("1"), QStringLiteral("A"), QDate(2026, 2, 1),
                             QDate(2026, 6, 30)));
        QCOMPARE(HistoryPanel::actionText(record), QStringLiteral("Access changed"));
        record.after->validity.enabled = false; // switched off: no end at all
        QCOMPARE(HistoryPanel::actionText(record), QStringLiteral("Access extended"));
        QCOMPARE(HistoryPanel::validityText(record.after), QStringLiteral("always"));
        std::swap(record.before, record.after);
        QCOMPARE(HistoryPanel::actionText(record), QStringLiteral("Access shortened"));
        record.action = ActionKind::Rename;
        QCOMPARE(HistoryPanel::actionText(record), QStringLiteral("Renamed"));
        QCOMPARE(HistoryPanel::validityText(std::nullopt), QString());

        for (const OperationStatus status : {OperationStatus::Pending, OperationStatus::Done,
                                             OperationStatus::Failed, OperationStatus::Skipped}) {
            record.status = status;
            record.error.clear();
            const QString text = HistoryPanel::resultText(record);
            QVERIFY(!text.isEmpty());
            QVERIFY(text != operationStatusToString(status));
        }
        record.status = OperationStatus::Skipped;
        QCOMPARE(HistoryPanel::resultText(record), QStringLiteral("Not sent"));
        record.status = OperationStatus::Failed;
        QCOMPARE(HistoryPanel::resultText(record), QStringLiteral("Failed"));

        QCOMPARE(HistoryPanel::memberText(record, QString()), QStringLiteral("A (1)"));
        record.before.reset();
        record.after.reset();
        QCOMPARE(HistoryPanel::memberText(record, QString()), QStringLiteral("Member 1"));
        record.member.reset();
        QCOMPARE(HistoryPanel::memberText(record, QString()), QStringLiteral("1"));

        for (const RunStatus status :
             {RunStatus::Running, RunStatus::Succeeded, RunStatus::PartlyFailed, RunStatus::Failed,
              RunStatus::Held}) {
            QVERIFY(!HistoryPanel::runStatusText(status).isEmpty());
            QVERIFY(HistoryPanel::runStatusText(status) != runStatusToString(status));
        }
        RunRecord run;
        run.status = RunStatus::Succeeded;
        QVERIFY(HistoryPanel::isQuiet(run));
        run.deleted = 1;
        QVERIFY(!HistoryPanel::isQuiet(run));
        run.deleted = 0;
        run.status = RunStatus::Running;
        QVERIFY(!HistoryPanel::isQuiet(run));
    }

    void theSelectedRunStaysSelectedAcrossRefresh()
    {
        auto panel = makePanel();
        select(*panel, m_failed);
        QCOMPARE(panel->runModel()->index(1, 0).data(HistoryPanel::RunIdRole).toLongLong(),
                 m_failed);
        // A new run with a change arrives at the top.
        m_service->post([](SyncService::Parts parts) {
            RunRecord run =
                finished(parts.store.beginRun(RunKind::QuickSync, at(9, 25)), RunStatus::Succeeded);
            run.finishedAt = at(9, 26);
            run.revoked = 1;
            run.deleted = 2;
            parts.store.finishRun(run);
        });
        QSignalSpy runs(panel.get(), &HistoryPanel::runsShown);
        QSignalSpy operations(panel.get(), &HistoryPanel::operationsShown);
        panel->refresh();
        QVERIFY(runs.wait(10000));
        QCOMPARE(runs.last().at(0).value<QList<RunRecord>>().size(), 6);
        QCOMPARE(panel->runModel()->rowCount(), 4);
        QCOMPARE(panel->runModel()->index(0, HistoryPanel::RunEnded).data().toString(),
                 QStringLiteral("3"));
        QCOMPARE(panel->selectedRunId(), m_failed);
        QCOMPARE(panel->runView()->currentIndex().row(), 2);
        QVERIFY(operations.wait(10000));
        QCOMPARE(operations.last().at(0).toLongLong(), m_failed);

        // Showing the quiet runs keeps the selection too.
        panel->setHideQuietRuns(false);
        QCOMPARE(panel->runModel()->rowCount(), 6);
        QCOMPARE(panel->selectedRunId(), m_failed);
        // A selected quiet run that gets hidden: the newest run is selected instead.
        select(*panel, m_quiet);
        panel->setHideQuietRuns(true);
        QCOMPARE(panel->runView()->currentIndex().row(), 0);
        QVERIFY(panel->selectedRunId() != m_quiet);
        QVERIFY(!panel->selectRun(m_quiet));
    }

    void aRunExportsToCsvForExcel()
    {
        auto panel = makePanel();
        auto *button = panel->findChild<QPushButton *>(QStringLiteral("exportCsvButton"));
        QVERIFY(button);
        QVERIFY(!button->isEnabled()); // the held run wrote nothing
        select(*panel, m_wrote);
        QVERIFY(button->isEnabled());
        const QString path = m_dir->filePath(QStringLiteral("run.csv"));
        QString suggested;
        panel->setSavePathChooser([&](const QString &suggestedPath) {
            suggested = suggestedPath;
            return path;
        });
        QSignalSpy exported(panel.get(), &HistoryPanel::exported);
        button->click();
        QCOMPARE(exported.count(), 1);
        QVERIFY(exported.last().at(1).toBool());
        QVERIFY(suggested.endsWith(QStringLiteral("door-changes-2026-11-29-0900.csv")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray expected =
            QByteArrayLiteral("\xEF\xBB\xBF") +
            QStringLiteral(
                "Time,Door,Member,Action,Before,After,Result,Employee no.\r\n"
                "2026-11-29 09:00:02,Front door,Anna Öberg (1002),Created on the door,,"
                "2026-01-01 – 2026-12-31,Done,1002\r\n"
                "2026-11-29 09:00:03,Front door,\"Kalle \"\"KB\"\" Berg, Åström (1003)\","
                "Access shortened,2026-01-01 – 2027-06-30,2026-01-01 – 2026-12-31,Done,1003\r\n"
                "2026-11-29 09:00:04,Front door,Anna Öberg (1002),Access extended,"
                "2026-01-01 – 2026-12-31,2026-01-01 – 2027-12-31,"
                "\"Failed: HTTP 500, the door was busy\",1002\r\n"
                "2026-11-29 09:00:05,Front door,Städare Sven,Removed from the door,"
                "2025-01-01 – 2025-12-31,,Not sent: the run ended before this write.,9001\r\n"
                "2026-11-29 09:00:06,Front door,Lisa Ek (1004),Access ended,"
                "2026-01-01 – 2026-12-31,2026-01-01 – 2026-11-29,"
                "Waiting for the door's answer,1004\r\n")
                .toUtf8();
        QCOMPARE(file.readAll(), expected);

        // Cancelled: nothing written, nothing said.
        panel->setSavePathChooser([](const QString &) { return QString(); });
        button->click();
        QCOMPARE(exported.count(), 1);
        // A folder that does not exist: false, and the reason.
        QString error;
        QVERIFY(
            !panel->exportCsv(m_dir->filePath(QStringLiteral("no/such/folder/run.csv")), &error));
        QVERIFY(!error.isEmpty());
    }

    void csvQuotesAndDefusesFormulas()
    {
        const QByteArray bytes = HistoryPanel::csv(
            {{QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("å"),
              QStringLiteral("two\nlines"), QString()},
             {QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("-1"), QStringLiteral("plain")}});
        QCOMPARE(bytes, QByteArrayLiteral("\xEF\xBB\xBF") +
                            QStringLiteral("\"a,b\",\"say \"\"hi\"\"\",å,\"two\nlines\",\r\n"
                                           "\"'=HYPERLINK(\"\"x\"\")\",'-1,plain\r\n")
                                .toUtf8());
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
