// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperSimulator.h"
#include "Clock.h"
#include "DemoData.h"
#include "Validity.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <algorithm>

using namespace cis;
using namespace cis::sim;

namespace {

const QDate kToday(2026, 3, 15);

SimMember find(const QList<SimMember> &members, qint64 number)
{
    for (const SimMember &member : members) {
        if (member.organisationMemberId == number)
            return member;
    }
    return {};
}

QList<SimRole> clubRoles(const SimMember &member)
{
    const SimMembership *membership = member.membership(DemoData::kOrganisationId);
    return membership ? membership->roles : QList<SimRole>{};
}

MembershipState state(const SimMember &member, QDate today = kToday)
{
    return membershipState(member.toMember(DemoData::kOrganisationId), DemoData::kOrganisationId,
                           today);
}

QByteArray exportOf(const QList<SimMember> &members)
{
    const ManualClock clock(QDateTime(kToday, QTime(9, 0)));
    const CardskipperSimulator simulator(&clock);
    return simulator.exportDocument(members, {DemoData::kOrganisationId});
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedGivesTheSameBytes()
    {
        const QByteArray first = exportOf(DemoData::members(kToday, 120, 7));
        QCOMPARE(exportOf(DemoData::members(kToday, 120, 7)), first);
        QVERIFY(exportOf(DemoData::members(kToday, 120, 8)) != first);
        QVERIFY(exportOf(DemoData::members(kToday.addDays(1), 120, 7)) != first);
        QVERIFY(first.size() > 20000);
    }

    void countIsExactAndNumbersAreUniqueAndOrdered_data()
    {
        QTest::addColumn<int>("count");
        for (int count : {0, 1, 5, 18, 19, 120, 1000})
            QTest::addRow("%d", count) << count;
    }

    void countIsExactAndNumbersAreUniqueAndOrdered()
    {
        QFETCH(int, count);
        const QList<SimMember> members = DemoData::members(kToday, count);
        QCOMPARE(members.size(), count);
        for (qsizetype i = 1; i < members.size(); ++i)
            QVERIFY(members[i - 1].organisationMemberId < members[i].organisationMemberId);
        for (const SimMember &member : members) {
            QCOMPARE(member.memberId, 900000 + member.organisationMemberId);
            QCOMPARE(member.userId, 700000 + member.organisationMemberId);
            QVERIFY(member.membership(DemoData::kOrganisationId));
            QVERIFY(!member.firstName.isEmpty());
            QVERIFY(!member.lastName.isEmpty());
            QVERIFY(member.birthDate.isValid());
            QVERIFY(member.birthNumber.startsWith(
                member.birthDate.toString(QStringLiteral("yyyyMMdd"))));
            QVERIFY(member.lastChanged.date() < kToday);
            QVERIFY(member.lastChanged.date() >= kToday.addDays(-400));
            for (const SimRole &role : clubRoles(member))
                QVERIFY(role.start <= role.end);
        }
    }

    void specialMembersComeFirst()
    {
        const QList<SimMember> members = DemoData::members(kToday);
        const QList<qint64> special = DemoData::specialMemberIds();
        QCOMPARE(special.size(), 18);
        for (qsizetype i = 0; i < special.size(); ++i)
            QCOMPARE(members[i].organisationMemberId, special[i]);
        QCOMPARE(members[special.size()].organisationMemberId, DemoData::kFirstRandomMember);
    }

    void specialMembersHaveTheirProperties()
    {
        const QList<SimMember> members = DemoData::members(kToday);
        const auto member = [&](qint64 number) { return find(members, number); };

        const SimMember asa = member(DemoData::kPlainMember);
        QCOMPARE(asa.firstName, QStringLiteral("Åsa"));
        QCOMPARE(asa.lastName, QStringLiteral("Öberg"));
        QCOMPARE(asa.email, QStringLiteral("asa.oberg@example.se"));
        QCOMPARE(asa.cellPhone1, QStringLiteral("+46 70 111 22 33"));
        QCOMPARE(clubRoles(asa).size(), 2);
        QCOMPARE(state(asa), MembershipState::Active);

        QCOMPARE(member(DemoData::kOtherPhoneNotation).lastName, QStringLiteral("Ängström"));
        QCOMPARE(member(DemoData::kOtherPhoneNotation).email,
                 QStringLiteral("bjorn.angstrom@example.se"));

        const SimMember noEmail = member(DemoData::kNoEmail);
        QVERIFY(noEmail.email.isEmpty());
        QVERIFY(!noEmail.cellPhone1.isEmpty());
        QVERIFY(!member(DemoData::kNoContactInfo).hasContactInfo());

        QCOMPARE(member(DemoData::kFamilyParentA).email, DemoData::kFamilyEmail);
        QCOMPARE(member(DemoData::kFamilyParentB).email, DemoData::kFamilyEmail);

        QCOMPARE(state(member(DemoData::kExpired)), MembershipState::Expired);

        const SimMember gap = member(DemoData::kPastGap);
        QCOMPARE(clubRoles(gap).size(), 2);
        QVERIFY(clubRoles(gap)[0].end.addDays(1) < clubRoles(gap)[1].start);
        QCOMPARE(state(gap), MembershipState::Active);

        QCOMPARE(state(member(DemoData::kInGapToday)), MembershipState::Upcoming);

        const SimMember next = member(DemoData::kStartsNextMonth);
        QCOMPARE(clubRoles(next)[0].start.day(), 1);
        QCOMPARE(clubRoles(next)[0].start, QDate(2026, 4, 1));
        QCOMPARE(state(next), MembershipState::Upcoming);

        QVERIFY(member(DemoData::kInactive).inactive);
        QCOMPARE(state(member(DemoData::kInactive)), MembershipState::Inactive);

        const SimMember ampersand = member(DemoData::kAmpersand);
        QVERIFY(ampersand.lastName.contains(u'&'));
        QVERIFY(ampersand.addressLine1.contains(u'"'));
        QCOMPARE(ampersand.email, QStringLiteral("kalle.strom.dotter@example.se"));

        QCOMPARE(member(DemoData::kAccentedName).firstName, QStringLiteral("Renée"));
        QCOMPARE(member(DemoData::kAccentedName).email,
                 QStringLiteral("renee.sjostrom@example.se"));

        const SimMember both = member(DemoData::kTwoOrganisations);
        QVERIFY(both.membership(DemoData::kOrganisationId));
        QVERIFY(both.membership(DemoData::kChildOrganisationId));
        QCOMPARE(both.toMember(DemoData::kChildOrganisationId).roles.size(), 1);

        QCOMPARE(clubRoles(member(DemoData::kEndsToday))[0].end, kToday);
        QCOMPARE(state(member(DemoData::kEndsToday)), MembershipState::Active);
        QCOMPARE(state(member(DemoData::kEndsToday), kToday.addDays(1)), MembershipState::Expired);
        QCOMPARE(clubRoles(member(DemoData::kStartsToday))[0].start, kToday);
        QCOMPARE(state(member(DemoData::kStartsToday), kToday.addDays(-1)),
                 MembershipState::Upcoming);
        QCOMPARE(clubRoles(member(DemoData::kEndedYesterday))[0].end, kToday.addDays(-1));

        const SimMember youth = member(DemoData::kYouth);
        QCOMPARE(clubRoles(youth)[0].id, DemoData::kRoleYouth);
        QVERIFY(!youth.cellPhone2.isEmpty());
    }

    void randomMembersCoverTheCases()
    {
        const QList<SimMember> members = DemoData::members(kToday, 1000);
        QMap<MembershipState, int> states;
        int withoutEmail = 0;
        int withSwedishLetters = 0;
        int withGym = 0;
        int renewed = 0;
        QMap<QString, int> emails;
        const QRegularExpression plainEmail(QStringLiteral("^[a-z0-9.-]+@example\\.se$"));
        for (const SimMember &member : members) {
            ++states[state(member)];
            if (member.email.isEmpty()) {
                ++withoutEmail;
                // CellPhone1 or EMail is required; only the fixed case 1004 has neither.
                QVERIFY(member.organisationMemberId == DemoData::kNoContactInfo ||
                        !member.cellPhone1.isEmpty());
            } else {
                QVERIFY2(plainEmail.match(member.email).hasMatch(), qPrintable(member.email));
                ++emails[member.email];
            }
            if (QString(member.firstName + member.lastName)
                    .contains(QRegularExpression(QStringLiteral("[åäöÅÄÖ]"))))
                ++withSwedishLetters;
            const QList<SimRole> roles = clubRoles(member);
            withGym += std::any_of(roles.cbegin(), roles.cend(), [](const SimRole &role) {
                return role.id == DemoData::kRoleGym;
            });
            renewed += std::count_if(roles.cbegin(), roles.cend(), [](const SimRole &role) {
                           return role.id != DemoData::kRoleGym;
                       }) > 1;
        }
        QVERIFY(states[MembershipState::Active] > 550);
        QVERIFY(states[MembershipState::Expired] > 60);
        QVERIFY(states[MembershipState::Upcoming] > 20);
        QVERIFY(states[MembershipState::Inactive] > 20);
        QVERIFY(withoutEmail > 80);
        QVERIFY(withSwedishLetters > 300);
        QVERIFY(withGym > 150);
        QVERIFY(renewed > 30);
        // The family is the only shared address.
        for (auto it = emails.cbegin(); it != emails.cend(); ++it)
            QCOMPARE(it.value(), it.key() == DemoData::kFamilyEmail ? 2 : 1);
    }

    void emailLocalPartsFoldTheLetters_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("local");
        QTest::newRow("å ö") << QStringLiteral("Åsa") << QStringLiteral("Öberg")
                             << QStringLiteral("asa.oberg");
        QTest::newRow("ä") << QStringLiteral("Björn") << QStringLiteral("Ängström")
                           << QStringLiteral("bjorn.angstrom");
        QTest::newRow("é") << QStringLiteral("Renée") << QStringLiteral("Sjöström")
                           << QStringLiteral("renee.sjostrom");
        QTest::newRow("hyphen") << QStringLiteral("Ann-Sofie") << QStringLiteral("Hägg")
                                << QStringLiteral("ann-sofie.hagg");
        QTest::newRow("ampersand") << QStringLiteral("Kalle") << QStringLiteral("Ström & Dotter")
                                   << QStringLiteral("kalle.strom.dotter");
    }

    void emailLocalPartsFoldTheLetters()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(QString, local);
        QCOMPARE(DemoData::emailLocalPart(first, last), local);
    }

    void organisationsAndAccountMatch()
    {
        const QList<SimOrganisation> organisations = DemoData::organisations();
        QCOMPARE(organisations.size(), 3);
        QCOMPARE(organisations[0].id, DemoData::kOrganisationId);
        QCOMPARE(organisations[0].name, QStringLiteral("Exempelklubben IF"));
        QCOMPARE(organisations[0].roles.size(), 3);
        QCOMPARE(organisations[0].roles[0].name, QStringLiteral("Årskort"));
        QCOMPARE(organisations[0].childIds, QList<qint64>{DemoData::kChildOrganisationId});
        const SimAccount account = DemoData::demoAccount();
        QCOMPARE(account.username, QStringLiteral("demo"));
        QCOMPARE(account.password, QStringLiteral("demo"));
        QCOMPARE(account.organisationIds,
                 (QList<qint64>{DemoData::kOrganisationId, DemoData::kChildOrganisationId}));
        QCOMPARE(account.grants, allCardskipperRoutes());
        // Every role a demo member holds is one its organisation declares.
        for (const SimMember &member : DemoData::members(kToday, 500)) {
            for (const SimMembership &membership : member.organisations) {
                const auto organisation = std::find_if(
                    organisations.cbegin(), organisations.cend(),
                    [&](const SimOrganisation &o) { return o.id == membership.organisationId; });
                QVERIFY(organisation != organisations.cend());
                for (const SimRole &role : membership.roles) {
                    QVERIFY(
                        std::any_of(organisation->roles.cbegin(), organisation->roles.cend(),
                                    [&](const SimRoleInfo &info) { return info.id == role.id; }));
                }
            }
        }
    }

    void fiveThousandMembersAreQuick()
    {
        QElapsedTimer timer;
        timer.start();
        const QList<SimMember> members = DemoData::members(kToday, 5000);
        const QByteArray document = exportOf(members);
        QCOMPARE(members.size(), 5000);
        QCOMPARE(members.last().organisationMemberId, DemoData::kFirstRandomMember + 5000 - 18 - 1);
        QVERIFY(document.size() > 1000000);
        // A sanitizer build runs this several times slower; its test preset says by how much.
        const int slowdown = std::max(1, qEnvironmentVariableIntValue("CIS_TEST_TIME_FACTOR"));
        QVERIFY2(timer.elapsed() < 5000 * slowdown,
                 QByteArray::number(timer.elapsed()).constData());
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
