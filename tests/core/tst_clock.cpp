// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Clock.h"

#include <QTest>

using namespace cis;

class TestClock : public QObject
{
    Q_OBJECT

private slots:
    void manualClockOnlyMovesWhenTold()
    {
        const QDateTime start(QDate(2026, 3, 1), QTime(12, 0));
        ManualClock clock(start);
        QCOMPARE(clock.now(), start);
        QCOMPARE(clock.now(), start);
        clock.advanceSeconds(90);
        QCOMPARE(clock.now(), start.addSecs(90));
        clock.advanceDays(31);
        QCOMPARE(clock.today(), QDate(2026, 4, 1));
        clock.setNow(start);
        QCOMPARE(clock.now(), start);
    }

    void systemClockFollowsTheWallClock()
    {
        const QDateTime before = QDateTime::currentDateTime();
        const QDateTime seen = Clock::system().now();
        const QDateTime after = QDateTime::currentDateTime();
        QVERIFY(before <= seen);
        QVERIFY(seen <= after);
        QCOMPARE(&Clock::system(), &Clock::system());
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
