// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The Store's fast date readers must give exactly what Qt's ISO parser gives, for the shapes
// the Store writes and for everything else (which they hand to Qt).
#include "IsoTime.h"

#include <QTest>

using namespace cis;

class TestIsoTime : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A zone with daylight saving, so the gap and the repeated hour are real.
        qputenv("TZ", "Europe/Stockholm");
    }

    void dateTimeAgreesWithQt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("2026-11-29T10:00:00");
        QTest::newRow("end of day") << QStringLiteral("2027-08-21T23:59:59");
        QTest::newRow("leap day") << QStringLiteral("2028-02-29T00:00:00");
        QTest::newRow("no leap day") << QStringLiteral("2027-02-29T00:00:00");
        QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00");
        QTest::newRow("hour 25") << QStringLiteral("2026-01-01T25:00:00");
        QTest::newRow("24:00") << QStringLiteral("2026-01-01T24:00:00");
        QTest::newRow("spring gap") << QStringLiteral("2026-03-29T02:30:00");
        QTest::newRow("autumn repeat") << QStringLiteral("2026-10-25T02:30:00");
        QTest::newRow("milliseconds") << QStringLiteral("2026-11-29T10:00:00.250");
        QTest::newRow("utc") << QStringLiteral("2026-11-29T10:00:00Z");
        QTest::newRow("offset") << QStringLiteral("2026-11-29T10:00:00+01:00");
        QTest::newRow("space") << QStringLiteral("2026-11-29 10:00:00");
        QTest::newRow("letters") << QStringLiteral("2026-1a-29T10:00:00");
        QTest::newRow("arabic digits") << QStringLiteral("٢٠٢٦-11-29T10:00:00");
        QTest::newRow("sign") << QStringLiteral("+026-11-29T10:00:00");
        QTest::newRow("year 0") << QStringLiteral("0000-01-01T00:00:00");
        QTest::newRow("year 9999") << QStringLiteral("9999-12-31T23:59:59");
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << QStringLiteral("not a time at all..");
    }

    void dateTimeAgreesWithQt()
    {
        QFETCH(QString, text);
        const QDateTime expected = QDateTime::fromString(text, Qt::ISODate);
        const QDateTime actual = parseIsoDateTime(text);
        QCOMPARE(actual.isValid(), expected.isValid());
        QCOMPARE(actual, expected);
        QCOMPARE(actual.timeSpec(), expected.timeSpec());
        QCOMPARE(actual.offsetFromUtc(), expected.offsetFromUtc());
        QCOMPARE(actual.toString(Qt::ISODateWithMs), expected.toString(Qt::ISODateWithMs));
    }

    void dateAgreesWithQt_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("2026-11-29");
        QTest::newRow("leap day") << QStringLiteral("2028-02-29");
        QTest::newRow("no leap day") << QStringLiteral("2027-02-29");
        QTest::newRow("day 32") << QStringLiteral("2026-01-32");
        QTest::newRow("with time") << QStringLiteral("2026-11-29T10:00:00");
        QTest::newRow("short") << QStringLiteral("2026-1-29");
        QTest::newRow("letters") << QStringLiteral("2026-ab-29");
        QTest::newRow("year 0") << QStringLiteral("0000-01-01");
        QTest::newRow("empty") << QString();
    }

    void dateAgreesWithQt()
    {
        QFETCH(QString, text);
        QCOMPARE(parseIsoDate(text), QDate::fromString(text, Qt::ISODate));
    }

    void formatsLikeTheFormatString_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::newRow("morning") << QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5));
        QTest::newRow("end of day") << QDateTime(QDate(2037, 12, 31), QTime(23, 59, 59));
        QTest::newRow("milliseconds dropped") << QDateTime(QDate(2026, 6, 1), QTime(12, 0, 0, 999));
        QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0, 0));
        QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59));
        QTest::newRow("year 10000") << QDateTime(QDate(10000, 1, 1), QTime(0, 0, 0));
        QTest::newRow("year -5") << QDateTime(QDate(-5, 1, 1), QTime(0, 0, 0));
        QTest::newRow("invalid") << QDateTime();
    }

    void formatsLikeTheFormatString()
    {
        QFETCH(QDateTime, time);
        QCOMPARE(formatDateTimeWithSpace(time),
                 time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        if (time.isValid())
            QCOMPARE(formatDateTimeWithSpace(time.date(), time.time()),
                     time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }

    void formatsAWallClockTimeThatLocalTimeSkips()
    {
        // 02:30 on the last Sunday of March does not exist in Stockholm; the planner writes
        // wall-clock times without making a local QDateTime of them.
        QCOMPARE(formatDateTimeWithSpace(QDate(2026, 3, 29), QTime(2, 30, 0)),
                 QStringLiteral("2026-03-29 02:30:00"));
    }
};

QTEST_GUILESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
