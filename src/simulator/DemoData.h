// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "CardskipperModel.h"

#include <QDate>
#include <QList>

namespace cis::sim {

// A reproducible club for the simulator: the same seed, count and today give the same members,
// byte for byte. Every date is relative to today, so the data never goes stale.
//
// Organisations: 4711 "Exempelklubben IF" (roles 3126 Årskort, 3127 Ungdom, 3128 Gym) with the
// child 4712 "Exempelklubben IF Gym" (role 3130 Gymkort), both readable by the demo account
// demo/demo; 4800 "Grannklubben BK" exists but the demo account may not read it.
//
// The first members (in this order, as far as count reaches) are fixed cases for tests; T is
// today. Unless said otherwise they hold role 3126 in 4711 from T-100 to T+265.
//   1001 Åsa Öberg        the plain case: EMail, CellPhone1 "+46 70 111 22 33", address, a
//                         second role 3128 Gym (OrganisationUnit "Gym"), tag "gym"
//   1002 Björn Ängström   CellPhone1 "070-222 33 44" (another notation of a Swedish number)
//   1003 Märta Sjögren    no EMail: ContactInfo has only CellPhone1
//   1004 Göran Åkesson    no ContactInfo at all
//   1005 Per Lindqvist    shares "familjen.lindqvist@example.se" with 1006 (a family)
//   1006 Karin Lindqvist  shares the email with 1005
//   1007 Östen Nyström    expired: T-400 to T-35
//   1008 Ingrid Håkansson two periods with a gap, active now: T-500..T-200 and T-100..T+265
//   1009 Sven Ärlig       in a gap today: T-200..T-10 and T+20..T+385 (upcoming)
//   1010 Lena Ekström     starts on the first day of next month, for a year
//   1011 Nils Örn         Inactive="true" although the role covers today
//   1012 Kalle Ström & Dotter  '&' in Lastname, '"' in Address Line1 and tag "Fys & Kondition"
//   1013 Renée Sjöström   'é' in Firstname
//   1014 Jonas Ek         also in 4712 with role 3130 (T-100..T+265)
//   1015 Maja Öst         last day is today: T-364..T
//   1016 Oskar Åberg      first day is today: T..T+364
//   1017 Eva Dahlén       ended yesterday: T-365..T-1
//   1018 Ebba Lindqvist   youth role 3127 (T-100..T+265), CellPhone1 and CellPhone2
// The rest, from 1100 up, are random: about 70 % active, the others expired, upcoming, inactive
// or renewed (two touching periods); some lack EMail, some lack ContactInfo phones.
// Every member has a Birthnumber; memberId is 900000 + member number and userId 700000 +
// member number. lastChanged lies between T-400 and T-1.
class DemoData
{
public:
    static constexpr qint64 kOrganisationId = 4711;
    static constexpr qint64 kChildOrganisationId = 4712;
    static constexpr qint64 kForeignOrganisationId = 4800;
    static constexpr qint64 kRoleYearCard = 3126;
    static constexpr qint64 kRoleYouth = 3127;
    static constexpr qint64 kRoleGym = 3128;
    static constexpr qint64 kRoleChildGymCard = 3130;

    static constexpr qint64 kPlainMember = 1001;
    static constexpr qint64 kOtherPhoneNotation = 1002;
    static constexpr qint64 kNoEmail = 1003;
    static constexpr qint64 kNoContactInfo = 1004;
    static constexpr qint64 kFamilyParentA = 1005;
    static constexpr qint64 kFamilyParentB = 1006;
    static constexpr qint64 kExpired = 1007;
    static constexpr qint64 kPastGap = 1008;
    static constexpr qint64 kInGapToday = 1009;
    static constexpr qint64 kStartsNextMonth = 1010;
    static constexpr qint64 kInactive = 1011;
    static constexpr qint64 kAmpersand = 1012;
    static constexpr qint64 kAccentedName = 1013;
    static constexpr qint64 kTwoOrganisations = 1014;
    static constexpr qint64 kEndsToday = 1015;
    static constexpr qint64 kStartsToday = 1016;
    static constexpr qint64 kEndedYesterday = 1017;
    static constexpr qint64 kYouth = 1018;
    static constexpr qint64 kFirstRandomMember = 1100;
    static constexpr int kDefaultMemberCount = 120;
    static constexpr quint32 kDefaultSeed = 1;

    static inline const QString kFamilyEmail = QStringLiteral("familjen.lindqvist@example.se");

    static QList<SimOrganisation> organisations();
    // demo / demo, every grant, organisations 4711 and 4712.
    static SimAccount demoAccount();
    // Exactly count members, ordered by member number.
    static QList<SimMember> members(QDate today, int count = kDefaultMemberCount,
                                    quint32 seed = kDefaultSeed);
    // The fixed members' numbers, in order.
    static QList<qint64> specialMemberIds();
    // Lower case ASCII for an email address: "Åsa Öberg" gives "asa.oberg".
    static QString emailLocalPart(const QString &firstName, const QString &lastName);
};

} // namespace cis::sim
