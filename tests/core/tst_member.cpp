// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Member.h"

#include <QSet>
#include <QTest>

using namespace cis;

class TestMember : public QObject
{
    Q_OBJECT

private slots:
    void displayNameJoinsTrimmedNames()
    {
        Member member;
        member.key = {4711, 1001};
        member.firstName = QStringLiteral(" Åsa ");
        member.lastName = QStringLiteral("Öberg");
        QCOMPARE(member.displayName(), QStringLiteral("Åsa Öberg"));
        member.firstName.clear();
        QCOMPARE(member.displayName(), QStringLiteral("Öberg"));
    }

    void displayNameFallsBackToTheMemberNumber()
    {
        Member member;
        member.key = {4711, 1002};
        QCOMPARE(member.displayName(), QStringLiteral("#1002"));
    }

    void rolesInFiltersByOrganisation()
    {
        Member member;
        member.roles = {{4711, 1, QDate(2026, 1, 1), QDate(2026, 12, 31), {}, {}},
                        {4712, 2, QDate(2026, 1, 1), QDate(2026, 6, 30), {}, {}},
                        {4711, 3, QDate(2025, 1, 1), QDate(2025, 12, 31), {}, {}}};
        const QList<RolePeriod> roles = member.rolesIn(4711);
        QCOMPARE(roles.size(), 2);
        QCOMPARE(roles.at(0).roleId, 1);
        QCOMPARE(roles.at(1).roleId, 3);
        QVERIFY(member.rolesIn(1).isEmpty());
    }

    void keysCompareAndHashByBothParts()
    {
        const MemberKey a{4711, 1};
        const MemberKey b{4711, 2};
        const MemberKey c{4712, 1};
        QVERIFY(a != b);
        QVERIFY(a != c);
        QVERIFY(a < b);
        QVERIFY(b < c);
        QSet<MemberKey> keys{a, b, c, MemberKey{4711, 1}};
        QCOMPARE(keys.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestMember)
#include "tst_member.moc"
