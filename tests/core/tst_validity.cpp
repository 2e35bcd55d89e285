// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Validity.h"

#include <QTest>

using namespace cis;

namespace {
RolePeriod role(QDate start, QDate end, qint64 organisationId = 4711)
{
    return RolePeriod{organisationId, 3126, start, end, {}, {}};
}
const QDate kToday(2026, 11, 28);
} // namespace

class TestValidity : public QObject
{
    Q_OBJECT

private slots:
    void noRolesHaveNoPeriod() { QVERIFY(!effectivePeriod({}, kToday)); }

    void theCurrentPeriodWins()
    {
        const auto period = effectivePeriod({role(QDate(2025, 1, 1), QDate(2025, 11, 30)),
                                             role(QDate(2026, 1, 1), QDate(2026, 12, 31)),
                                             role(QDate(2027, 6, 1), QDate(2027, 12, 31))},
                                            kToday);
        QVERIFY(period);
        QCOMPARE(*period, (DatePeriod{QDate(2026, 1, 1), QDate(2026, 12, 31)}));
    }

    void touchingAndOverlappingPeriodsMerge()
    {
        // 2025 touches 2026 (Dec 31 -> Jan 1); the 2026-2027 role overlaps; the 2028 one has a gap.
        const auto period = effectivePeriod({role(QDate(2028, 2, 1), QDate(2028, 12, 31)),
                                             role(QDate(2026, 1, 1), QDate(2026, 12, 31)),
                                             role(QDate(2025, 1, 1), QDate(2025, 12, 31)),
                                             role(QDate(2026, 6, 1), QDate(2027, 3, 31))},
                                            kToday);
        QVERIFY(period);
        QCOMPARE(*period, (DatePeriod{QDate(2025, 1, 1), QDate(2027, 3, 31)}));
    }

    void inAGapTheNextPeriodApplies()
    {
        const auto period = effectivePeriod({role(QDate(2026, 1, 1), QDate(2026, 10, 31)),
                                             role(QDate(2026, 12, 1), QDate(2027, 11, 30))},
                                            kToday);
        QVERIFY(period);
        QCOMPARE(*period, (DatePeriod{QDate(2026, 12, 1), QDate(2027, 11, 30)}));
    }

    void whenAllHaveEndedTheLatestApplies()
    {
        const auto period = effectivePeriod({role(QDate(2024, 1, 1), QDate(2024, 11, 30)),
                                             role(QDate(2025, 1, 1), QDate(2025, 6, 30))},
                                            kToday);
        QVERIFY(period);
        QCOMPARE(*period, (DatePeriod{QDate(2025, 1, 1), QDate(2025, 6, 30)}));
    }

    void endDayIsInclusive()
    {
        const auto period = effectivePeriod({role(QDate(2026, 1, 1), kToday)}, kToday);
        QVERIFY(period);
        QVERIFY(period->contains(kToday));
    }

    void reversedAndInvalidPeriodsAreIgnored()
    {
        QVERIFY(!effectivePeriod({role(QDate(2026, 12, 31), QDate(2026, 1, 1))}, kToday));
        QVERIFY(!effectivePeriod({role(QDate(), QDate(2026, 12, 31))}, kToday));
    }

    void states_data()
    {
        QTest::addColumn<QList<RolePeriod>>("roles");
        QTest::addColumn<bool>("inactive");
        QTest::addColumn<int>("state");
        QTest::newRow("active") << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 12, 31))}
                                << false << int(MembershipState::Active);
        QTest::newRow("upcoming") << QList<RolePeriod>{role(QDate(2026, 12, 1),
                                                            QDate(2027, 11, 30))}
                                  << false << int(MembershipState::Upcoming);
        QTest::newRow("expired") << QList<RolePeriod>{role(QDate(2025, 1, 1), QDate(2025, 12, 31))}
                                 << false << int(MembershipState::Expired);
        QTest::newRow("inactive beats active")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 12, 31))} << true
            << int(MembershipState::Inactive);
        QTest::newRow("none") << QList<RolePeriod>{} << false << int(MembershipState::None);
        QTest::newRow("other organisation only")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 12, 31), 9999)} << false
            << int(MembershipState::None);
    }

    void states()
    {
        QFETCH(QList<RolePeriod>, roles);
        QFETCH(bool, inactive);
        QFETCH(int, state);
        Member member;
        member.key = {4711, 1};
        member.roles = roles;
        member.inactive = inactive;
        QCOMPARE(int(membershipState(member, 4711, kToday)), state);
    }
};

QTEST_GUILESS_MAIN(TestValidity)
#include "tst_validity.moc"
