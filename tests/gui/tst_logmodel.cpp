// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "LogModel.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace cis::gui;

namespace {

const QDateTime kStart(QDate(2026, 11, 29), QTime(6, 40, 0));

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private:
    static void fill(LogModel &model)
    {
        model.append(kStart, QStringLiteral("info"), QStringLiteral("Front door"), QString(),
                     QStringLiteral("Quick sync started"));
        model.append(kStart.addSecs(1), QStringLiteral("warning"), QStringLiteral("Front door"),
                     QStringLiteral("101"), QStringLiteral("Member has no email"));
        model.append(kStart.addSecs(2), QStringLiteral("error"), QStringLiteral("Gym"),
                     QStringLiteral("102"), QStringLiteral("Device refused\tthe\nupdate"));
        model.append(kStart.addSecs(3), QStringLiteral("info"), QStringLiteral("Gym"), QString(),
                     QStringLiteral("Quick sync finished"));
    }

    static QStringList messages(const QAbstractItemModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, LogModel::Message).data().toString());
        return out;
    }

private slots:
    void passesTheModelTester()
    {
        LogModel model;
        LogFilterModel filter;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaximumLines(3);
        fill(model);
        filter.setMinimumLevel(1);
        filter.setSearchText(QStringLiteral("gym"));
        filter.setMinimumLevel(0);
        filter.setSearchText(QString());
        model.clear();
        QCOMPARE(filter.rowCount(), 0);
    }

    void showsColumns()
    {
        LogModel model;
        fill(model);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(LogModel::ColumnCount));
        QCOMPARE(model.headerData(LogModel::Time, Qt::Horizontal).toString(),
                 QStringLiteral("Time"));
        QCOMPARE(model.headerData(LogModel::Message, Qt::Horizontal).toString(),
                 QStringLiteral("Message"));
        QCOMPARE(model.index(1, LogModel::Time).data().toString(), QStringLiteral("06:40:01"));
        QCOMPARE(model.index(1, LogModel::Level).data().toString(), QStringLiteral("warning"));
        QCOMPARE(model.index(1, LogModel::Device).data().toString(), QStringLiteral("Front door"));
        QCOMPARE(model.index(1, LogModel::Member).data().toString(), QStringLiteral("101"));
        QCOMPARE(model.index(1, LogModel::Message).data().toString(),
                 QStringLiteral("Member has no email"));
        QCOMPARE(model.index(0, 0).data(LogModel::LevelRole).toInt(), 0);
        QCOMPARE(model.index(1, 0).data(LogModel::LevelRole).toInt(), 1);
        QCOMPARE(model.index(2, 0).data(LogModel::LevelRole).toInt(), 2);
    }

    void capsAtTenThousandDroppingTheOldest()
    {
        LogModel model;
        QCOMPARE(model.maximumLines(), 10000);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < 10005; ++i)
            model.append(kStart.addSecs(i), QStringLiteral("info"), QString(), QString(),
                         QString::number(i));
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(removed.count(), 5);
        QCOMPARE(model.index(0, LogModel::Message).data().toString(), QStringLiteral("5"));
        QCOMPARE(model.index(9999, LogModel::Message).data().toString(), QStringLiteral("10004"));
    }

    void smallerCapDropsImmediately()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        model.setMaximumLines(2);
        QCOMPARE(messages(model), (QStringList{QStringLiteral("Device refused\tthe\nupdate"),
                                               QStringLiteral("Quick sync finished")}));
        model.append(kStart.addSecs(9), QStringLiteral("info"), QString(), QString(),
                     QStringLiteral("later"));
        QCOMPARE(messages(model),
                 (QStringList{QStringLiteral("Quick sync finished"), QStringLiteral("later")}));
    }

    void levelFilter()
    {
        LogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        fill(model);
        QCOMPARE(filter.rowCount(), 4);
        filter.setMinimumLevel(1);
        QCOMPARE(messages(filter), (QStringList{QStringLiteral("Member has no email"),
                                                QStringLiteral("Device refused\tthe\nupdate")}));
        filter.setMinimumLevel(2);
        QCOMPARE(messages(filter), QStringList{QStringLiteral("Device refused\tthe\nupdate")});
        // New lines go through the filter too.
        model.append(kStart.addSecs(5), QStringLiteral("info"), QString(), QString(),
                     QStringLiteral("ignored"));
        model.append(kStart.addSecs(6), QStringLiteral("error"), QString(), QString(),
                     QStringLiteral("shown"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setMinimumLevel(0);
        QCOMPARE(filter.rowCount(), 6);
    }

    void searchFilter()
    {
        LogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        fill(model);
        filter.setSearchText(QStringLiteral("QUICK SYNC"));
        QCOMPARE(filter.rowCount(), 2);
        filter.setSearchText(QStringLiteral("gym")); // device
        QCOMPARE(filter.rowCount(), 2);
        filter.setSearchText(QStringLiteral("101")); // member
        QCOMPARE(messages(filter), QStringList{QStringLiteral("Member has no email")});
        filter.setMinimumLevel(2);
        QCOMPARE(filter.rowCount(), 0);
    }

    void toTextIsTabSeparatedWithFullTimes()
    {
        LogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        fill(model);
        // Several columns of the same row and rows out of order: one line each, in order.
        const QModelIndexList rows{model.index(2, 3), model.index(0, 0), model.index(2, 0)};
        QCOMPARE(model.toText(rows),
                 QStringLiteral("2026-11-29 06:40:00\tinfo\tFront door\t\tQuick sync started\n"
                                "2026-11-29 06:40:02\terror\tGym\t102\tDevice refused the "
                                "update\n"));
        // Through the filter, as the main window does.
        filter.setMinimumLevel(1);
        QModelIndexList mapped;
        for (int row = 0; row < filter.rowCount(); ++row)
            mapped.append(filter.mapToSource(filter.index(row, 0)));
        QCOMPARE(model.toText(mapped).count(QLatin1Char('\n')), 2);
        QVERIFY(model.toText(mapped).startsWith(QStringLiteral("2026-11-29 06:40:01\twarning")));
        QCOMPARE(model.toText({}), QString());
    }

    void repeatedLinesAreFoldedWithACount()
    {
        LogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setMinimumLevel(1);
        fill(model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        // The next run says the same warning again: the line moves to the end, time and count
        // updated, instead of a copy.
        model.append(kStart.addSecs(300), QStringLiteral("warning"), QStringLiteral("Front door"),
                     QStringLiteral("101"), QStringLiteral("Member has no email"));
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(messages(model), (QStringList{QStringLiteral("Quick sync started"),
                                               QStringLiteral("Device refused\tthe\nupdate"),
                                               QStringLiteral("Quick sync finished"),
                                               QStringLiteral("Member has no email (×2)")}));
        QCOMPARE(model.index(3, LogModel::Time).data().toString(), QStringLiteral("06:45:00"));
        QCOMPARE(model.index(3, 0).data(LogModel::CountRole).toInt(), 2);
        QCOMPARE(model.index(3, 0).data(LogModel::DateTimeRole).toDateTime(), kStart.addSecs(300));
        QCOMPARE(model.index(3, 0).data(LogModel::FirstDateTimeRole).toDateTime(),
                 kStart.addSecs(1));
        QCOMPARE(model.index(3, LogModel::Time).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2026-11-29 06:40:01 – 2026-11-29 06:45:00"));
        QCOMPARE(model.index(3, LogModel::Message).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Member has no email\n2 times, first at 2026-11-29 06:40:01, "
                                "last at 2026-11-29 06:45:00"));
        // Already the last line: it stays there and only counts up.
        model.append(kStart.addSecs(600), QStringLiteral("warning"), QStringLiteral("Front door"),
                     QStringLiteral("101"), QStringLiteral("Member has no email"));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3, LogModel::Message).data().toString(),
                 QStringLiteral("Member has no email (×3)"));
        QCOMPARE(model.index(3, 0).data(LogModel::CountRole).toInt(), 3);
        QCOMPARE(model.index(0, 0).data(LogModel::CountRole).toInt(), 1);
        // The filter follows the move.
        QCOMPARE(messages(filter), (QStringList{QStringLiteral("Device refused\tthe\nupdate"),
                                                QStringLiteral("Member has no email (×3)")}));
        QCOMPARE(model.toText({model.index(3, 0)}),
                 QStringLiteral("2026-11-29 06:50:00\twarning\tFront door\t101\tMember has no "
                                "email (×3)\n"));
    }

    void distinctLinesAreNotFolded()
    {
        LogModel model;
        fill(model);
        const QString text = QStringLiteral("Member has no email");
        // Another level, door, member or text each make a line of their own.
        model.append(kStart.addSecs(10), QStringLiteral("error"), QStringLiteral("Front door"),
                     QStringLiteral("101"), text);
        model.append(kStart.addSecs(11), QStringLiteral("warning"), QStringLiteral("Gym"),
                     QStringLiteral("101"), text);
        model.append(kStart.addSecs(12), QStringLiteral("warning"), QStringLiteral("Front door"),
                     QStringLiteral("103"), text);
        model.append(kStart.addSecs(13), QStringLiteral("warning"), QStringLiteral("Front door"),
                     QStringLiteral("101"), QStringLiteral("Member has no email."));
        QCOMPARE(model.rowCount(), 8);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, 0).data(LogModel::CountRole).toInt(), 1);
            QVERIFY(!model.index(row, LogModel::Message).data().toString().contains(u'×'));
        }
        // "warn" is the same level as "warning".
        model.append(kStart.addSecs(14), QStringLiteral("warn"), QStringLiteral("Gym"),
                     QStringLiteral("101"), text);
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.index(7, LogModel::Device).data().toString(), QStringLiteral("Gym"));
        QCOMPARE(model.index(7, 0).data(LogModel::CountRole).toInt(), 2);
    }

    void aLineDroppedOrClearedNoLongerFolds()
    {
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaximumLines(2);
        const auto say = [&](int second, const QString &text) {
            model.append(kStart.addSecs(second), QStringLiteral("info"), QString(), QString(),
                         text);
        };
        say(0, QStringLiteral("a"));
        say(1, QStringLiteral("b"));
        say(2, QStringLiteral("a")); // folds: b, a (×2)
        QCOMPARE(messages(model), (QStringList{QStringLiteral("b"), QStringLiteral("a (×2)")}));
        say(3, QStringLiteral("c")); // drops b
        say(4, QStringLiteral("b")); // a new line, dropping a
        QCOMPARE(messages(model), (QStringList{QStringLiteral("c"), QStringLiteral("b")}));
        say(5, QStringLiteral("a"));
        QCOMPARE(messages(model), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
        model.clear();
        say(6, QStringLiteral("a"));
        QCOMPARE(messages(model), QStringList{QStringLiteral("a")});
    }

    void aMessageWithPlaceholdersIsCountedAsWritten()
    {
        LogModel model;
        for (int i = 0; i < 2; ++i)
            model.append(kStart.addSecs(i), QStringLiteral("info"), QString(), QString(),
                         QStringLiteral("100%1 done %2"));
        QCOMPARE(model.index(0, LogModel::Message).data().toString(),
                 QStringLiteral("100%1 done %2 (×2)"));
    }

    void fitColumnsSizesToContentAndStretchesTheMessage()
    {
        LogModel model;
        LogFilterModel filter;
        filter.setSourceModel(&model);
        QTableView view;
        view.setModel(&filter);
        LogModel::fitColumns(&view);
        const QHeaderView *header = view.horizontalHeader();
        for (const int column :
             {LogModel::Time, LogModel::Level, LogModel::Device, LogModel::Member})
            QCOMPARE(header->sectionResizeMode(column), QHeaderView::ResizeToContents);
        QCOMPARE(header->sectionResizeMode(LogModel::Message), QHeaderView::Stretch);
        view.resize(800, 300);
        view.show();
        fill(model);
        model.append(kStart.addSecs(4), QStringLiteral("info"),
                     QStringLiteral("A door with a rather long name"), QString(),
                     QStringLiteral("x"));
        QTRY_VERIFY(
            header->sectionSize(LogModel::Device) >=
            view.fontMetrics().horizontalAdvance(QStringLiteral("A door with a rather long name")));
    }
};

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
