// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "LogModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
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
};

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
