// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Planner.h"

#include <QTest>

using namespace cis;

namespace {

const qint64 kOrg = 4711;
const qint64 kRole = 3126;
const qint64 kOtherRole = 9000;
const QString kDevice = QStringLiteral("door-1");
// A fixed "now" (a Saturday in late November, far from any DST change): never the system clock.
const QDateTime kNow(QDate(2026, 11, 28), QTime(12, 0, 0));

QDateTime at(int y, int m, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, mi, s));
}
QDateTime dayStart(int y, int m, int d)
{
    return at(y, m, d);
}
QDateTime dayEnd(int y, int m, int d)
{
    return at(y, m, d, 23, 59, 59);
}

RolePeriod role(QDate start, QDate end, qint64 roleId = kRole)
{
    return RolePeriod{kOrg, roleId, start, end, {}, {}};
}
const RolePeriod kYear2026 = role(QDate(2026, 1, 1), QDate(2026, 12, 31));

Member member(qint64 id, const QString &first, const QString &last, QList<RolePeriod> roles = {},
              const QString &email = {})
{
    Member m;
    m.key = {kOrg, id};
    m.firstName = first;
    m.lastName = last;
    m.email = email.isNull() ? QStringLiteral("m%1@example.org").arg(id) : email;
    m.roles = std::move(roles);
    return m;
}

Person person(const QString &employeeNo, const QString &name, const QDateTime &begin,
              const QDateTime &end, bool enabled = true)
{
    Person p;
    p.employeeNo = employeeNo;
    p.name = name;
    p.userType = QStringLiteral("normal");
    p.validity = {enabled, begin, end};
    p.doorRight = QStringLiteral("1");
    p.rightPlans = {DoorPlan{1, QStringLiteral("1")}};
    return p;
}

Link link(const QString &employeeNo, qint64 memberId, LinkOrigin origin = LinkOrigin::Created,
          const QDateTime &createdAt = at(2026, 1, 1, 10))
{
    return Link{kDevice, employeeNo, {kOrg, memberId}, origin, createdAt, QStringLiteral("sync")};
}

MemberOverride blockOverride(qint64 memberId)
{
    MemberOverride o;
    o.member = {kOrg, memberId};
    o.blocked = true;
    return o;
}

MemberOverride allowOverride(qint64 memberId, QDate until)
{
    MemberOverride o;
    o.member = {kOrg, memberId};
    o.allowUntil = until;
    return o;
}

PlanInput baseInput()
{
    PlanInput in;
    in.deviceId = kDevice;
    in.organisationId = kOrg;
    in.now = kNow;
    return in;
}

// One linked member (#1, employeeNo "1") whose device person carries the given window.
PlanInput linkedInput(const Member &m, const PersonValidity &onDevice,
                      LinkOrigin origin = LinkOrigin::Created)
{
    PlanInput in = baseInput();
    in.members = {m};
    in.devicePersons = {person(QStringLiteral("1"), m.displayName(), onDevice.begin, onDevice.end,
                               onDevice.enabled)};
    in.links = {link(QStringLiteral("1"), m.key.organisationMemberId, origin)};
    return in;
}

QString fmt(const QDateTime &dt)
{
    return dt.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QString kindName(ActionKind kind)
{
    return actionKindToString(kind);
}

const PlannedAction *forMember(const Plan &plan, qint64 memberId)
{
    for (const PlannedAction &a : plan.actions) {
        if (a.member && a.member->organisationMemberId == memberId)
            return &a;
    }
    return nullptr;
}

const PlannedAction *forEmployee(const Plan &plan, const QString &employeeNo)
{
    for (const PlannedAction &a : plan.actions) {
        if (a.employeeNo == employeeNo)
            return &a;
    }
    return nullptr;
}

// Applies a plan's writes to the snapshot the way the executor would, creating Created links.
void applyWrites(PlanInput &in, const Plan &plan)
{
    for (const PlannedAction &a : plan.writes()) {
        auto it = std::find_if(in.devicePersons.begin(), in.devicePersons.end(),
                               [&](const Person &p) { return p.employeeNo == a.employeeNo; });
        switch (a.kind) {
        case ActionKind::Create:
            in.devicePersons.append(*a.after);
            if (std::none_of(in.links.begin(), in.links.end(),
                             [&](const Link &l) { return l.employeeNo == a.employeeNo; }))
                in.links.append(Link{kDevice, a.employeeNo, *a.member, LinkOrigin::Created, kNow,
                                     QStringLiteral("sync")});
            break;
        case ActionKind::UpdateValidity:
        case ActionKind::Rename:
        case ActionKind::Revoke:
            QVERIFY(it != in.devicePersons.end());
            *it = *a.after;
            break;
        case ActionKind::Delete:
            QVERIFY(it != in.devicePersons.end());
            in.devicePersons.erase(it);
            break;
        default:
            break;
        }
    }
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT

private slots:
    // ---- helpers ----------------------------------------------------------------------------

    void normaliseEmailFoldsCaseAndSpace()
    {
        QCOMPARE(normaliseEmail(QStringLiteral("  Anna.Oberg@Example.ORG \t")),
                 QStringLiteral("anna.oberg@example.org"));
        QCOMPARE(normaliseEmail(QString()), QString());
    }

    void normaliseName_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("case") << QStringLiteral("ANNA Oberg") << QStringLiteral("anna oberg");
        QTest::newRow("whitespace")
            << QStringLiteral("  Anna \t  Oberg ") << QStringLiteral("anna oberg");
        QTest::newRow("swedish") << QStringLiteral("Åsa Ärlig-Öberg")
                                 << QStringLiteral("asa arlig-oberg");
        QTest::newRow("acute") << QStringLiteral("José Müller") << QStringLiteral("jose muller");
        QTest::newRow("decomposed input")
            << QStringLiteral("A\u030Asa O\u0308berg") << QStringLiteral("asa oberg");
        QTest::newRow("empty") << QString() << QString();
        // Harakat and niqqud are combining marks like the Swedish ring: dropped whole.
        QTest::newRow("Arabic with harakat")
            << QStringLiteral("مُحَمَّد العَلِي") << QStringLiteral("محمد العلي");
        QTest::newRow("Hebrew with niqqud")
            << QStringLiteral("שָׁלוֹם כֹּהֵן") << QStringLiteral("שלום כהן");
        QTest::newRow("right-to-left words keep their order")
            << QStringLiteral("  سارة   Öberg ") << QStringLiteral("سارة oberg");
        // Surrogate pairs, joiners and modifiers stay; the variation selector is a mark.
        QTest::newRow("emoji sequences")
            << QStringLiteral("Anna \U0001F3CA\u200D\u2640\uFE0F \U0001F44D\U0001F3FD")
            << QStringLiteral("anna \U0001F3CA\u200D\u2640 \U0001F44D\U0001F3FD");
        QTest::newRow("case folding outside the BMP")
            << QStringLiteral("\U00010400 Anna") << QStringLiteral("\U00010428 anna");
    }

    void normaliseNameNeverLeavesALoneSurrogate()
    {
        const QString names[] = {
            QStringLiteral("\U0001F468\u200D\U0001F469\u200D\U0001F467 Öberg"),
            QStringLiteral("\U0001F1F8\U0001F1EA \U0001F600\u0301"),
            QStringLiteral("A\U0001D167\U0001D165 \U000E0100x"), // marks outside the BMP
            QStringLiteral("מֹשֶׁה \U0001F600"),
        };
        for (const QString &name : names) {
            const QString normalised = cis::normaliseName(name);
            for (qsizetype i = 0; i < normalised.size(); ++i) {
                const QChar c = normalised.at(i);
                if (c.isHighSurrogate()) {
                    QVERIFY2(i + 1 < normalised.size() && normalised.at(i + 1).isLowSurrogate(),
                             qPrintable(name));
                    ++i;
                } else {
                    QVERIFY2(!c.isLowSurrogate(), qPrintable(name));
                }
            }
            QCOMPARE(cis::normaliseName(normalised), normalised); // settled
        }
    }

    void normaliseName()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(cis::normaliseName(input), expected);
    }

    void employeeNoFor_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<qint64>("memberId");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QString() << qint64(1042) << 32 << QStringLiteral("1042");
        QTest::newRow("prefix") << QStringLiteral("CS-") << qint64(1042) << 32
                                << QStringLiteral("CS-1042");
        QTest::newRow("exactly the limit")
            << QStringLiteral("CS") << qint64(1042) << 6 << QStringLiteral("CS1042");
        QTest::newRow("one over the limit")
            << QStringLiteral("CS-") << qint64(1042) << 6 << QString();
    }

    void employeeNoFor()
    {
        QFETCH(QString, prefix);
        QFETCH(qint64, memberId);
        QFETCH(int, maxLength);
        QFETCH(QString, expected);
        SyncPolicy policy;
        policy.employeeNoPrefix = prefix;
        DeviceLimits limits;
        limits.employeeNoMaxLength = maxLength;
        QCOMPARE(cis::employeeNoFor(member(memberId, {}, {}), policy, limits), expected);
    }

    void truncateUtf8_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("maxBytes");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("fits") << QStringLiteral("Anna Oberg") << 32 << QStringLiteral("Anna Oberg")
                              << false;
        QTest::newRow("exactly fits")
            << QStringLiteral("Anna") << 4 << QStringLiteral("Anna") << false;
        QTest::newRow("ascii cut")
            << QStringLiteral("Anna Oberg") << 7 << QStringLiteral("Anna Ob") << true;
        // "Åsa Öberg": Å and Ö are two bytes each; 6 bytes end inside Ö.
        QTest::newRow("two-byte boundary")
            << QStringLiteral("Åsa Öberg") << 6 << QStringLiteral("Åsa") << true;
        QTest::newRow("two-byte fits")
            << QStringLiteral("Åsa Öberg") << 7 << QStringLiteral("Åsa Ö") << true;
        QTest::newRow("NFC first")
            << QStringLiteral("A\u030Asa") << 4 << QStringLiteral("Åsa") << false;
        // U+1F600 is a surrogate pair (4 bytes): never split.
        QTest::newRow("surrogate pair")
            << QStringLiteral("Ab\U0001F600") << 5 << QStringLiteral("Ab") << true;
        // q + combining tilde has no precomposed form: the pair stays together or goes.
        QTest::newRow("base and combining")
            << QStringLiteral("Aq\u0303") << 3 << QStringLiteral("A") << true;
        // Emoji sequences are one grapheme each (joiners, modifiers, flags, VS16): kept whole
        // or left out whole, never cut after a joiner or between two regional indicators.
        QTest::newRow("family emoji, 18 bytes")
            << QStringLiteral("Ab\U0001F468\u200D\U0001F469\u200D\U0001F467") << 19
            << QStringLiteral("Ab") << true;
        QTest::newRow("family emoji fits")
            << QStringLiteral("Ab\U0001F468\u200D\U0001F469\u200D\U0001F467") << 20
            << QStringLiteral("Ab\U0001F468\u200D\U0001F469\u200D\U0001F467") << false;
        QTest::newRow("flag") << QStringLiteral("Ab\U0001F1F8\U0001F1EA") << 9
                              << QStringLiteral("Ab") << true;
        QTest::newRow("skin tone")
            << QStringLiteral("Ab\U0001F44D\U0001F3FD") << 9 << QStringLiteral("Ab") << true;
        QTest::newRow("variation selector")
            << QStringLiteral("Ab\u2764\uFE0F") << 7 << QStringLiteral("Ab") << true;
        // Right-to-left text is stored in logical order: the cut keeps the first letters read.
        QTest::newRow("Arabic letter and haraka")
            << QStringLiteral("مُحَمَّد") << 5 << QStringLiteral("مُ") << true;
        QTest::newRow("Arabic shadda and fatha")
            << QStringLiteral("مُحَمَّد") << 13 << QStringLiteral("مُحَ") << true;
        QTest::newRow("Hebrew letter and two points")
            << QStringLiteral("שָׁלוֹם") << 7 << QStringLiteral("שָׁ") << true;
        QTest::newRow("Hebrew cluster too long for the limit")
            << QStringLiteral("שָׁלוֹם") << 5 << QString() << true;
        QTest::newRow("Hebrew words, trailing space dropped")
            << QStringLiteral("שלום כהן") << 9 << QStringLiteral("שלום") << true;
        QTest::newRow("right-to-left mark kept with its text")
            << QStringLiteral("\u200Fשרה Öberg") << 9 << QStringLiteral("\u200Fשרה") << true;
        QTest::newRow("trailing space dropped")
            << QStringLiteral("Anna Oberg") << 5 << QStringLiteral("Anna") << true;
        QTest::newRow("no limit") << QStringLiteral("Anna Oberg") << 0
                                  << QStringLiteral("Anna Oberg") << false;
    }

    void truncateUtf8()
    {
        QFETCH(QString, name);
        QFETCH(int, maxBytes);
        QFETCH(QString, expected);
        QFETCH(bool, truncated);
        bool wasTruncated = !truncated;
        const QString result = cis::truncateUtf8(name, maxBytes, &wasTruncated);
        QCOMPARE(result, expected);
        QCOMPARE(wasTruncated, truncated);
        if (maxBytes > 0)
            QVERIFY(result.toUtf8().size() <= maxBytes);
    }

    // ---- desired window ---------------------------------------------------------------------

    void desiredWindow_data()
    {
        QTest::addColumn<QList<RolePeriod>>("roles");
        QTest::addColumn<bool>("inactive");
        QTest::addColumn<QList<qint64>>("granting");
        QTest::addColumn<int>("graceDays");
        QTest::addColumn<QDate>("allowUntil");
        QTest::addColumn<bool>("blocked");
        QTest::addColumn<QDateTime>("begin"); // invalid: no access
        QTest::addColumn<QDateTime>("end");

        const QList<qint64> all;
        QTest::newRow("current year")
            << QList<RolePeriod>{kYear2026} << false << all << 0 << QDate() << false
            << dayStart(2026, 1, 1) << dayEnd(2026, 12, 31);
        QTest::newRow("future start written as is")
            << QList<RolePeriod>{role(QDate(2027, 1, 1), QDate(2027, 12, 31))} << false << all << 0
            << QDate() << false << dayStart(2027, 1, 1) << dayEnd(2027, 12, 31);
        QTest::newRow("gap between roles: current run only")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 12, 31)),
                                 role(QDate(2027, 2, 1), QDate(2027, 12, 31))}
            << false << all << 0 << QDate() << false << dayStart(2026, 1, 1)
            << dayEnd(2026, 12, 31);
        QTest::newRow("touching roles merge")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 12, 31)),
                                 role(QDate(2027, 1, 1), QDate(2027, 12, 31))}
            << false << all << 0 << QDate() << false << dayStart(2026, 1, 1)
            << dayEnd(2027, 12, 31);
        QTest::newRow("grace days") << QList<RolePeriod>{kYear2026} << false << all << 3 << QDate()
                                    << false << dayStart(2026, 1, 1) << dayEnd(2027, 1, 3);
        QTest::newRow("expired: the latest past window")
            << QList<RolePeriod>{role(QDate(2025, 1, 1), QDate(2025, 12, 31))} << false << all << 0
            << QDate() << false << dayStart(2025, 1, 1) << dayEnd(2025, 12, 31);
        QTest::newRow("allowUntil extends the end")
            << QList<RolePeriod>{kYear2026} << false << all << 0 << QDate(2027, 3, 31) << false
            << dayStart(2026, 1, 1) << dayEnd(2027, 3, 31);
        QTest::newRow("allowUntil earlier than the end changes nothing")
            << QList<RolePeriod>{kYear2026} << false << all << 0 << QDate(2026, 12, 1) << false
            << dayStart(2026, 1, 1) << dayEnd(2026, 12, 31);
        QTest::newRow("allowUntil without a period: from today")
            << QList<RolePeriod>{} << false << all << 0 << QDate(2027, 1, 31) << false
            << dayStart(2026, 11, 28) << dayEnd(2027, 1, 31);
        QTest::newRow("allowUntil before an upcoming period: from today")
            << QList<RolePeriod>{role(QDate(2027, 1, 1), QDate(2027, 12, 31))} << false << all << 0
            << QDate(2026, 12, 15) << false << dayStart(2026, 11, 28) << dayEnd(2027, 12, 31);
        QTest::newRow("allowUntil in the past without a period")
            << QList<RolePeriod>{} << false << all << 0 << QDate(2026, 11, 27) << false
            << QDateTime() << QDateTime();
        QTest::newRow("allowUntil grants an inactive member")
            << QList<RolePeriod>{kYear2026} << true << all << 0 << QDate(2026, 12, 31) << false
            << dayStart(2026, 11, 28) << dayEnd(2026, 12, 31);
        QTest::newRow("blocked") << QList<RolePeriod>{kYear2026} << false << all << 0 << QDate()
                                 << true << QDateTime() << QDateTime();
        QTest::newRow("blocked wins over allowUntil")
            << QList<RolePeriod>{kYear2026} << false << all << 0 << QDate(2027, 12, 31) << true
            << QDateTime() << QDateTime();
        QTest::newRow("inactive") << QList<RolePeriod>{kYear2026} << true << all << 0 << QDate()
                                  << false << QDateTime() << QDateTime();
        QTest::newRow("role not granting")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 12, 31), kOtherRole)} << false
            << QList<qint64>{kRole} << 0 << QDate() << false << QDateTime() << QDateTime();
        QTest::newRow("only granting roles count")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2027, 12, 31), kOtherRole),
                                 kYear2026}
            << false << QList<qint64>{kRole} << 0 << QDate() << false << dayStart(2026, 1, 1)
            << dayEnd(2026, 12, 31);
        QTest::newRow("other organisation's role")
            << QList<RolePeriod>{RolePeriod{
                   9999, kRole, QDate(2026, 1, 1), QDate(2026, 12, 31), {}, {}}}
            << false << all << 0 << QDate() << false << QDateTime() << QDateTime();
        QTest::newRow("clamped end (2045 -> 2037)")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2045, 6, 30))} << false << all << 0
            << QDate() << false << dayStart(2026, 1, 1) << dayEnd(2037, 12, 31);
        QTest::newRow("clamped begin (1990 -> 2000)")
            << QList<RolePeriod>{role(QDate(1990, 1, 1), QDate(2026, 12, 31))} << false << all << 0
            << QDate() << false << dayStart(2000, 1, 1) << dayEnd(2026, 12, 31);
        QTest::newRow("wholly after the range: no access")
            << QList<RolePeriod>{role(QDate(2040, 1, 1), QDate(2040, 12, 31))} << false << all << 0
            << QDate() << false << QDateTime() << QDateTime();
        QTest::newRow("wholly before the range: no access")
            << QList<RolePeriod>{role(QDate(1995, 1, 1), QDate(1995, 12, 31))} << false << all << 0
            << QDate() << false << QDateTime() << QDateTime();
    }

    void desiredWindow()
    {
        QFETCH(QList<RolePeriod>, roles);
        QFETCH(bool, inactive);
        QFETCH(QList<qint64>, granting);
        QFETCH(int, graceDays);
        QFETCH(QDate, allowUntil);
        QFETCH(bool, blocked);
        QFETCH(QDateTime, begin);
        QFETCH(QDateTime, end);

        Member m = member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), roles);
        m.inactive = inactive;
        PlanInput in = baseInput();
        in.policy.grantingRoleIds = granting;
        in.policy.graceDays = graceDays;
        if (allowUntil.isValid() || blocked) {
            MemberOverride o = allowOverride(1, allowUntil);
            o.blocked = blocked;
            in.overrides = {o};
        }
        const std::optional<PersonValidity> window = desiredValidity(m, in);
        if (!begin.isValid()) {
            QVERIFY(!window);
            return;
        }
        QVERIFY(window);
        QVERIFY(window->enabled);
        QCOMPARE(fmt(window->begin), fmt(begin));
        QCOMPARE(fmt(window->end), fmt(end));
        QVERIFY(window->begin < window->end);
    }

    void brokenRangeStillGivesBeginBeforeEnd()
    {
        PlanInput in = baseInput();
        in.limits.validBegin = at(2026, 6, 1);
        in.limits.validEnd = at(2026, 6, 1);
        const auto window = desiredValidity(member(1, {}, {}, {kYear2026}), in);
        QVERIFY(window);
        QVERIFY(window->begin < window->end);
    }

    // ---- linked members ---------------------------------------------------------------------

    void linked_data()
    {
        QTest::addColumn<QList<RolePeriod>>("roles");
        QTest::addColumn<bool>("inactive");
        QTest::addColumn<QList<MemberOverride>>("overrides");
        QTest::addColumn<PersonValidity>("onDevice");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QDateTime>("afterBegin");
        QTest::addColumn<QDateTime>("afterEnd");

        const PersonValidity year2026{true, dayStart(2026, 1, 1), dayEnd(2026, 12, 31)};
        const QList<MemberOverride> none;
        const QList<RolePeriod> current{kYear2026};

        QTest::newRow("unchanged") << current << false << none << year2026
                                   << QStringLiteral("unchanged") << year2026.begin << year2026.end;
        QTest::newRow("milliseconds do not count")
            << current << false << none
            << PersonValidity{true, year2026.begin.addMSecs(400), year2026.end.addMSecs(999)}
            << QStringLiteral("unchanged") << year2026.begin.addMSecs(400)
            << year2026.end.addMSecs(999);
        QTest::newRow("renewal extends the end")
            << QList<RolePeriod>{kYear2026, role(QDate(2027, 1, 1), QDate(2027, 12, 31))} << false
            << none << year2026 << QStringLiteral("update-validity") << dayStart(2026, 1, 1)
            << dayEnd(2027, 12, 31);
        QTest::newRow("disabled validity is rewritten")
            << current << false << none << PersonValidity{false, year2026.begin, year2026.end}
            << QStringLiteral("update-validity") << year2026.begin << year2026.end;
        QTest::newRow("early cancellation: end moved to the past is a revoke")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 11, 1))} << false << none
            << year2026 << QStringLiteral("revoke") << dayStart(2026, 1, 1) << kNow;
        QTest::newRow("cancelled today ending yesterday")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 11, 27))} << false << none
            << year2026 << QStringLiteral("revoke") << dayStart(2026, 1, 1) << kNow;
        QTest::newRow("end moved into the future but earlier: update")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 12, 15))} << false << none
            << year2026 << QStringLiteral("update-validity") << dayStart(2026, 1, 1)
            << dayEnd(2026, 12, 15);
        QTest::newRow("expired member already carrying the past window")
            << QList<RolePeriod>{role(QDate(2025, 1, 1), QDate(2025, 12, 31))} << false << none
            << PersonValidity{true, dayStart(2025, 1, 1), dayEnd(2025, 12, 31)}
            << QStringLiteral("unchanged") << dayStart(2025, 1, 1) << dayEnd(2025, 12, 31);
        QTest::newRow("expired member with another closed window: left alone")
            << QList<RolePeriod>{role(QDate(2025, 1, 1), QDate(2025, 12, 31))} << false << none
            << PersonValidity{true, dayStart(2025, 1, 1), at(2026, 3, 1, 9)}
            << QStringLiteral("unchanged") << dayStart(2025, 1, 1) << at(2026, 3, 1, 9);
        QTest::newRow("blocked") << current << false << QList<MemberOverride>{blockOverride(1)}
                                 << year2026 << QStringLiteral("revoke") << dayStart(2026, 1, 1)
                                 << kNow;
        QTest::newRow("blocked wins over allowUntil")
            << current << false << QList<MemberOverride>{[] {
                   MemberOverride o = allowOverride(1, QDate(2027, 12, 31));
                   o.blocked = true;
                   return o;
               }()}
            << year2026 << QStringLiteral("revoke") << dayStart(2026, 1, 1) << kNow;
        QTest::newRow("allowUntil extends")
            << current << false << QList<MemberOverride>{allowOverride(1, QDate(2027, 6, 30))}
            << year2026 << QStringLiteral("update-validity") << dayStart(2026, 1, 1)
            << dayEnd(2027, 6, 30);
        QTest::newRow("allowUntil keeps an earlier begin on the device")
            << QList<RolePeriod>{} << false
            << QList<MemberOverride>{allowOverride(1, QDate(2027, 6, 30))}
            << PersonValidity{true, dayStart(2026, 10, 1), dayEnd(2027, 6, 30)}
            << QStringLiteral("unchanged") << dayStart(2026, 10, 1) << dayEnd(2027, 6, 30);
        QTest::newRow("inactive") << current << true << none << year2026 << QStringLiteral("revoke")
                                  << dayStart(2026, 1, 1) << kNow;
        QTest::newRow("no role any more")
            << QList<RolePeriod>{} << false << none << year2026 << QStringLiteral("revoke")
            << dayStart(2026, 1, 1) << kNow;
        QTest::newRow("revoke of a window that begins later: begin = now - 1 s")
            << QList<RolePeriod>{} << false << none
            << PersonValidity{true, dayStart(2027, 1, 1), dayEnd(2027, 12, 31)}
            << QStringLiteral("revoke") << kNow.addSecs(-1) << kNow;
        QTest::newRow("revoke of an always-valid person")
            << QList<RolePeriod>{} << false << none
            << PersonValidity{false, dayStart(2026, 1, 1), dayEnd(2037, 12, 31)}
            << QStringLiteral("revoke") << dayStart(2026, 1, 1) << kNow;
        QTest::newRow("no access and window already closed")
            << QList<RolePeriod>{} << false << none
            << PersonValidity{true, dayStart(2026, 1, 1), dayEnd(2026, 10, 31)}
            << QStringLiteral("unchanged") << dayStart(2026, 1, 1) << dayEnd(2026, 10, 31);
        QTest::newRow("window ending exactly now is closed")
            << QList<RolePeriod>{} << false << none
            << PersonValidity{true, dayStart(2026, 1, 1), kNow} << QStringLiteral("unchanged")
            << dayStart(2026, 1, 1) << kNow;
        QTest::newRow("upcoming window replaces an open one")
            << QList<RolePeriod>{role(QDate(2027, 1, 1), QDate(2027, 12, 31))} << false << none
            << year2026 << QStringLiteral("update-validity") << dayStart(2027, 1, 1)
            << dayEnd(2027, 12, 31);
    }

    void linked()
    {
        QFETCH(QList<RolePeriod>, roles);
        QFETCH(bool, inactive);
        QFETCH(QList<MemberOverride>, overrides);
        QFETCH(PersonValidity, onDevice);
        QFETCH(QString, kind);
        QFETCH(QDateTime, afterBegin);
        QFETCH(QDateTime, afterEnd);

        Member m = member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), roles);
        m.inactive = inactive;
        PlanInput in = linkedInput(m, onDevice);
        in.devicePersons[0].numOfFace = 1;
        in.devicePersons[0].otherFields.insert(QStringLiteral("gender"), QStringLiteral("female"));
        in.overrides = overrides;
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 1);
        const PlannedAction &action = plan.actions.first();
        QCOMPARE(kindName(action.kind), kind);
        QCOMPARE(action.employeeNo, QStringLiteral("1"));
        QVERIFY(action.member);
        QVERIFY(action.before);
        QCOMPARE(*action.before, in.devicePersons.first());
        QVERIFY(!action.reason.isEmpty());
        QVERIFY(action.after);
        QCOMPARE(fmt(action.after->validity.begin), fmt(afterBegin));
        QCOMPARE(fmt(action.after->validity.end), fmt(afterEnd));
        if (action.isWrite()) {
            QVERIFY(action.after->validity.enabled);
            QVERIFY(action.after->validity.begin < action.after->validity.end);
            // Only the validity changes: every other field is the device's own.
            Person expected = *action.before;
            expected.validity = action.after->validity;
            QCOMPARE(*action.after, expected);
        }
    }

    void memberGoneFromSnapshotIsRevoked()
    {
        PlanInput in =
            linkedInput(member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026}),
                        {true, dayStart(2026, 1, 1), dayEnd(2026, 12, 31)});
        in.members = {member(2, QStringLiteral("Bo"), QStringLiteral("Ek"), {kYear2026})};
        in.links.append(link(QStringLiteral("2"), 2));
        in.devicePersons.append(person(QStringLiteral("2"), QStringLiteral("Bo Ek"),
                                       dayStart(2026, 1, 1), dayEnd(2026, 12, 31)));
        const Plan plan = makePlan(in);
        const PlannedAction *gone = forMember(plan, 1);
        QVERIFY(gone);
        QCOMPARE(kindName(gone->kind), QStringLiteral("revoke"));
        QCOMPARE(fmt(gone->after->validity.end), fmt(kNow));
        QVERIFY(gone->reason.contains(QStringLiteral("no longer in Cardskipper")));
        QCOMPARE(kindName(forMember(plan, 2)->kind), QStringLiteral("unchanged"));
    }

    void personDeletedOnDeviceIsCreatedAgain()
    {
        PlanInput in = baseInput();
        in.policy.employeeNoPrefix = QStringLiteral("CS");
        in.members = {member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026}),
                      member(2, QStringLiteral("Bo"), QStringLiteral("Ek"))};
        in.links = {link(QStringLiteral("legacy-7"), 1), link(QStringLiteral("legacy-8"), 2)};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 2);
        const PlannedAction &again = plan.actions[0];
        QCOMPARE(kindName(again.kind), QStringLiteral("create"));
        QCOMPARE(again.employeeNo, QStringLiteral("legacy-7"));
        QCOMPARE(again.after->employeeNo, QStringLiteral("legacy-7"));
        QVERIFY(!again.before);
        const PlannedAction &noAccess = plan.actions[1];
        QCOMPARE(kindName(noAccess.kind), QStringLiteral("no-access"));
        QCOMPARE(noAccess.employeeNo, QStringLiteral("legacy-8"));
        QVERIFY(!noAccess.after);
    }

    void staleLinkGivesNoAction()
    {
        PlanInput in = baseInput();
        in.members = {member(2, QStringLiteral("Bo"), QStringLiteral("Ek"))};
        in.links = {link(QStringLiteral("1"), 1)};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 1);
        QCOMPARE(plan.actions[0].member->organisationMemberId, qint64(2));
    }

    void linksOfOtherDevicesAreIgnored()
    {
        PlanInput in = baseInput();
        in.members = {member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026})};
        Link other = link(QStringLiteral("1"), 1);
        other.deviceId = QStringLiteral("door-2");
        in.links = {other};
        const Plan plan = makePlan(in);
        QCOMPARE(kindName(plan.actions[0].kind), QStringLiteral("create"));
    }

    void secondLinkOfAMemberIsAConflict()
    {
        const PersonValidity window{true, dayStart(2026, 1, 1), dayEnd(2026, 10, 31)};
        PlanInput in = baseInput();
        in.members = {member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026})};
        in.devicePersons = {
            person(QStringLiteral("1"), QStringLiteral("Anna Oberg"), window.begin, window.end),
            person(QStringLiteral("A-1"), QStringLiteral("Anna O"), window.begin, window.end)};
        in.links = {link(QStringLiteral("A-1"), 1, LinkOrigin::Manual, at(2026, 5, 1)),
                    link(QStringLiteral("1"), 1, LinkOrigin::Created, at(2026, 1, 1))};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 2);
        QCOMPARE(kindName(plan.actions[0].kind), QStringLiteral("update-validity"));
        QCOMPARE(plan.actions[0].employeeNo, QStringLiteral("1"));
        QCOMPARE(kindName(plan.actions[1].kind), QStringLiteral("conflict"));
        QCOMPARE(plan.actions[1].employeeNo, QStringLiteral("A-1"));
        QCOMPARE(plan.actions[1].reason,
                 QStringLiteral("Member 'Anna Oberg' (#1) is linked twice on this device: to "
                                "employeeNo 1 and to employeeNo A-1; A-1 is left alone until one "
                                "link is removed."));
        QCOMPARE(plan.writes().size(), 1);
        QCOMPARE(plan.guard.managedPersons, 2);
    }

    // ---- unlinked members -------------------------------------------------------------------

    void createsAnUnlinkedMember()
    {
        PlanInput in = baseInput();
        in.policy.employeeNoPrefix = QStringLiteral("CS");
        in.members = {member(42, QStringLiteral(" Anna "), QStringLiteral("Öberg"), {kYear2026})};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 1);
        const PlannedAction &a = plan.actions.first();
        QCOMPARE(kindName(a.kind), QStringLiteral("create"));
        QCOMPARE(a.employeeNo, QStringLiteral("CS42"));
        QVERIFY(!a.before);
        QVERIFY(a.after);
        QCOMPARE(a.after->employeeNo, QStringLiteral("CS42"));
        QCOMPARE(a.after->name, QStringLiteral("Anna Öberg"));
        QCOMPARE(a.after->userType, QStringLiteral("normal"));
        QCOMPARE(a.after->doorRight, QStringLiteral("1"));
        QCOMPARE(a.after->rightPlans, (QList<DoorPlan>{DoorPlan{1, QStringLiteral("1")}}));
        QVERIFY(a.after->validity.enabled);
        QCOMPARE(fmt(a.after->validity.begin), fmt(dayStart(2026, 1, 1)));
        QCOMPARE(fmt(a.after->validity.end), fmt(dayEnd(2026, 12, 31)));
        QVERIFY(a.warnings.isEmpty());
        QVERIFY(plan.warnings.isEmpty());
    }

    void percentSignsInNamesSurviveMessages()
    {
        PlanInput in = baseInput();
        in.limits.nameMaxBytes = 8;
        in.members = {member(1, QStringLiteral("100%2"), QStringLiteral("Club %1"), {kYear2026})};
        const Plan plan = makePlan(in);
        QVERIFY(plan.actions[0].reason.startsWith(QStringLiteral("Member '100%2 Club %1' (#1)")));
        QCOMPARE(plan.actions[0].warnings,
                 QStringList{QStringLiteral(
                     "name of member '100%2 Club %1' (#1) shortened to 8 bytes: '100%2 Cl'")});
    }

    void futureStartIsCreatedAsIs()
    {
        PlanInput in = baseInput();
        in.members = {member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"),
                             {role(QDate(2027, 1, 1), QDate(2027, 12, 31))})};
        const Plan plan = makePlan(in);
        const PlannedAction &a = plan.actions.first();
        QCOMPARE(kindName(a.kind), QStringLiteral("create"));
        QCOMPARE(fmt(a.after->validity.begin), fmt(dayStart(2027, 1, 1)));
        QCOMPARE(fmt(a.after->validity.end), fmt(dayEnd(2027, 12, 31)));
    }

    void unlinkedMemberWithoutAccess_data()
    {
        QTest::addColumn<QList<RolePeriod>>("roles");
        QTest::addColumn<bool>("inactive");
        QTest::addColumn<bool>("blocked");
        QTest::newRow("expired") << QList<RolePeriod>{role(QDate(2025, 1, 1), QDate(2025, 12, 31))}
                                 << false << false;
        QTest::newRow("inactive") << QList<RolePeriod>{kYear2026} << true << false;
        QTest::newRow("blocked") << QList<RolePeriod>{kYear2026} << false << true;
        QTest::newRow("not granting")
            << QList<RolePeriod>{role(QDate(2026, 1, 1), QDate(2026, 12, 31), kOtherRole)} << false
            << false;
        QTest::newRow("no roles") << QList<RolePeriod>{} << false << false;
    }

    void unlinkedMemberWithoutAccess()
    {
        QFETCH(QList<RolePeriod>, roles);
        QFETCH(bool, inactive);
        QFETCH(bool, blocked);
        PlanInput in = baseInput();
        in.policy.grantingRoleIds = {kRole};
        Member m = member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), roles);
        m.inactive = inactive;
        in.members = {m};
        if (blocked)
            in.overrides = {blockOverride(1)};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 1);
        QCOMPARE(kindName(plan.actions[0].kind), QStringLiteral("no-access"));
        QVERIFY(!plan.actions[0].after);
        QVERIFY(plan.writes().isEmpty());
    }

    void missingAndSharedEmailsStillCreateWithWarnings()
    {
        PlanInput in = baseInput();
        in.members = {
            member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026}, QString()),
            member(2, QStringLiteral("Bo"), QStringLiteral("Ek"), {kYear2026},
                   QStringLiteral("family@example.org")),
            member(3, QStringLiteral("Cia"), QStringLiteral("Ek"), {kYear2026},
                   QStringLiteral(" Family@Example.org ")),
            member(4, QStringLiteral("Dan"), QStringLiteral("Ek"), {kYear2026},
                   QStringLiteral("FAMILY@example.org")),
            member(5, QStringLiteral("Eva"), QStringLiteral("Lund"), {kYear2026}),
        };
        in.members[0].email = QStringLiteral("  ");
        const Plan plan = makePlan(in);
        QCOMPARE(plan.count(ActionKind::Create), 5);
        QCOMPARE(forMember(plan, 1)->employeeNo, QStringLiteral("1"));
        QCOMPARE(forMember(plan, 1)->warnings,
                 QStringList{QStringLiteral("no email: cannot be matched by email")});
        for (qint64 id : {2, 3, 4}) {
            const PlannedAction *a = forMember(plan, id);
            QCOMPARE(a->warnings, QStringList{QStringLiteral(
                                      "shares email family@example.org with 2 other members")});
        }
        QVERIFY(forMember(plan, 5)->warnings.isEmpty());
        QCOMPARE(plan.warnings.size(), 2);
        QVERIFY(plan.warnings[0].startsWith(QStringLiteral("1 member(s) have no email")));
        QVERIFY(plan.warnings[1].startsWith(QStringLiteral("3 member(s) share 1 email")));
    }

    void sharedEmailWarningAlsoOnLinkedActions()
    {
        Member a = member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026},
                          QStringLiteral("x@example.org"));
        PlanInput in = linkedInput(a, {true, dayStart(2026, 1, 1), dayEnd(2026, 12, 31)});
        in.members.append(member(2, QStringLiteral("Bo"), QStringLiteral("Oberg"), {},
                                 QStringLiteral("x@example.org")));
        const Plan plan = makePlan(in);
        QCOMPARE(kindName(forMember(plan, 1)->kind), QStringLiteral("unchanged"));
        QCOMPARE(forMember(plan, 1)->warnings,
                 QStringList{QStringLiteral("shares email x@example.org with 1 other member")});
    }

    void employeeNoTakenByUnlinkedPersonIsAConflict()
    {
        PlanInput in = baseInput();
        in.members = {member(7, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026})};
        in.devicePersons = {person(QStringLiteral("7"), QStringLiteral("Cleaner Kim"),
                                   dayStart(2020, 1, 1), dayEnd(2037, 12, 31))};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 2);
        const PlannedAction &conflict = plan.actions[0];
        QCOMPARE(kindName(conflict.kind), QStringLiteral("conflict"));
        QCOMPARE(conflict.reason, QStringLiteral("Member 'Anna Oberg' (#7) cannot be created: "
                                                 "employeeNo 7 is taken by an unlinked person "
                                                 "'Cleaner Kim'."));
        QVERIFY(!conflict.after);
        QCOMPARE(kindName(plan.actions[1].kind), QStringLiteral("not-managed"));
        QVERIFY(plan.writes().isEmpty());
    }

    void employeeNoLinkedToAnotherMemberIsAConflict()
    {
        // Member 5's employeeNo "CS5" is already linked to member 9 (a manual link).
        PlanInput in = baseInput();
        in.policy.employeeNoPrefix = QStringLiteral("CS");
        in.members = {member(5, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026}),
                      member(9, QStringLiteral("Bo"), QStringLiteral("Ek"), {kYear2026})};
        in.devicePersons = {person(QStringLiteral("CS5"), QStringLiteral("Bo Ek"),
                                   dayStart(2026, 1, 1), dayEnd(2026, 12, 31))};
        in.links = {link(QStringLiteral("CS5"), 9, LinkOrigin::Manual)};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 2);
        QCOMPARE(kindName(forMember(plan, 5)->kind), QStringLiteral("conflict"));
        QVERIFY(forMember(plan, 5)->reason.contains(QStringLiteral("linked to member #9")));
        QCOMPARE(kindName(forMember(plan, 9)->kind), QStringLiteral("unchanged"));
        QVERIFY(plan.writes().isEmpty());
    }

    void tooLongEmployeeNoIsAConflict()
    {
        PlanInput in = baseInput();
        in.policy.employeeNoPrefix = QStringLiteral("CARDSKIPPER-");
        in.limits.employeeNoMaxLength = 12;
        in.members = {member(123456, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026})};
        const Plan plan = makePlan(in);
        QCOMPARE(kindName(plan.actions[0].kind), QStringLiteral("conflict"));
        QVERIFY(plan.actions[0].reason.contains(QStringLiteral("CARDSKIPPER-123456")));
        QVERIFY(plan.actions[0].reason.contains(QStringLiteral("12 characters")));
        QVERIFY(plan.writes().isEmpty());
    }

    void sameEmployeeNoFromTwoOrganisationsIsCreatedOnce()
    {
        PlanInput in = baseInput();
        Member a = member(3, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026});
        Member b = a;
        b.key.organisationId = 1;
        b.firstName = QStringLiteral("Other");
        b.email = QStringLiteral("o@example.org");
        b.roles = {kYear2026};
        in.members = {a, b};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.count(ActionKind::Create), 1);
        QCOMPARE(plan.count(ActionKind::Conflict), 1);
        QCOMPARE(kindName(plan.actions[0].kind), QStringLiteral("create")); // org 1 sorts first
    }

    // ---- retention --------------------------------------------------------------------------

    void retention_data()
    {
        QTest::addColumn<int>("retentionDays");
        QTest::addColumn<int>("origin");
        QTest::addColumn<QDateTime>("deviceEnd");
        QTest::addColumn<QString>("kind");
        const int created = int(LinkOrigin::Created);
        const int manual = int(LinkOrigin::Manual);
        const int suggested = int(LinkOrigin::Suggested);
        const QDateTime tenDaysAgo = kNow.addDays(-10);
        QTest::newRow("off: never delete")
            << -1 << created << at(2020, 1, 1) << QStringLiteral("unchanged");
        QTest::newRow("on, not yet N days")
            << 30 << created << tenDaysAgo << QStringLiteral("unchanged");
        QTest::newRow("on, exactly N days")
            << 10 << created << tenDaysAgo << QStringLiteral("unchanged");
        QTest::newRow("on, after N days") << 9 << created << tenDaysAgo << QStringLiteral("delete");
        QTest::newRow("zero days: the next run after the end")
            << 0 << created << kNow.addSecs(-1) << QStringLiteral("delete");
        QTest::newRow("manual link never deleted")
            << 0 << manual << at(2020, 1, 1) << QStringLiteral("unchanged");
        QTest::newRow("suggested link never deleted")
            << 0 << suggested << at(2020, 1, 1) << QStringLiteral("unchanged");
        QTest::newRow("still open: revoke first")
            << 0 << created << at(2026, 12, 31) << QStringLiteral("revoke");
    }

    void retention()
    {
        QFETCH(int, retentionDays);
        QFETCH(int, origin);
        QFETCH(QDateTime, deviceEnd);
        QFETCH(QString, kind);
        const Member m = member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"),
                                {role(QDate(2019, 1, 1), QDate(2019, 12, 31))});
        PlanInput in = linkedInput(m, {true, dayStart(2019, 1, 1), deviceEnd},
                                   static_cast<LinkOrigin>(origin));
        in.policy.deleteRetentionDays = retentionDays;
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 1);
        QCOMPARE(kindName(plan.actions[0].kind), kind);
        if (plan.actions[0].kind == ActionKind::Delete) {
            QVERIFY(plan.actions[0].before);
            QVERIFY(!plan.actions[0].after);
        }
    }

    void memberGoneLongAgoIsDeletedWhenCreatedByUs()
    {
        PlanInput in = baseInput();
        in.policy.deleteRetentionDays = 30;
        in.devicePersons = {person(QStringLiteral("1"), QStringLiteral("Anna Oberg"),
                                   dayStart(2025, 1, 1), dayEnd(2025, 12, 31))};
        in.links = {link(QStringLiteral("1"), 1)};
        in.members = {member(2, QStringLiteral("Bo"), QStringLiteral("Ek"))};
        const Plan plan = makePlan(in);
        QCOMPARE(kindName(forMember(plan, 1)->kind), QStringLiteral("delete"));
    }

    // ---- guard ------------------------------------------------------------------------------

    void guard_data()
    {
        QTest::addColumn<int>("members");
        QTest::addColumn<int>("previous");
        QTest::addColumn<int>("managed");
        QTest::addColumn<int>("blocked");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<int>("revokes");
        QTest::addColumn<bool>("held");
        QTest::addColumn<QString>("reason");

        QTest::newRow("quiet") << 20 << 20 << 20 << 0 << true << 0 << false << QString();
        QTest::newRow("no members at all") << 0 << 20 << 3 << 0 << true << 3 << true
                                           << QStringLiteral("Cardskipper returned 0 members.");
        QTest::newRow("fewer than half of last time")
            << 9 << 20 << 0 << 0 << true << 0 << true
            << QStringLiteral("Cardskipper returned 9 members, fewer than 50% of the 20 it "
                              "returned last time.");
        QTest::newRow("exactly half is fine")
            << 10 << 20 << 0 << 0 << true << 0 << false << QString();
        QTest::newRow("previous unknown") << 1 << -1 << 0 << 0 << true << 0 << false << QString();
        QTest::newRow("revokes above the minimum of 5")
            << 20 << 20 << 20 << 6 << true << 6 << true
            << QStringLiteral("The plan would revoke or delete 6 of 20 managed persons, more "
                              "than the limit of 5 (the larger of 5 and 10% of the managed "
                              "persons).");
        QTest::newRow("exactly 5 is not held")
            << 20 << 20 << 20 << 5 << true << 5 << false << QString();
        QTest::newRow("exactly 10% of 100 is not held")
            << 100 << 100 << 100 << 10 << true << 10 << false << QString();
        QTest::newRow("above 10% of 100")
            << 100 << 100 << 100 << 11 << true << 11 << true
            << QStringLiteral("The plan would revoke or delete 11 of 100 managed persons, more "
                              "than the limit of 10 (the larger of 5 and 10% of the managed "
                              "persons).");
        QTest::newRow("disabled") << 0 << 20 << 20 << 0 << false << 20 << false << QString();
    }

    void guard()
    {
        QFETCH(int, members);
        QFETCH(int, previous);
        QFETCH(int, managed);
        QFETCH(int, blocked);
        QFETCH(bool, enabled);
        QFETCH(int, revokes);
        QFETCH(bool, held);
        QFETCH(QString, reason);

        PlanInput in = baseInput();
        in.policy.guardEnabled = enabled;
        in.previousMemberCount = previous;
        for (int i = 1; i <= members; ++i)
            in.members.append(member(i, QStringLiteral("M"), QString::number(i), {kYear2026}));
        for (int i = 1; i <= managed; ++i) {
            const QString employeeNo = QString::number(i);
            in.devicePersons.append(person(employeeNo, QStringLiteral("M %1").arg(i),
                                           dayStart(2026, 1, 1), dayEnd(2026, 12, 31)));
            in.links.append(link(employeeNo, i));
        }
        for (int i = 1; i <= blocked; ++i)
            in.overrides.append(blockOverride(i));
        const Plan plan = makePlan(in);
        QCOMPARE(plan.guard.revokesAndDeletes, revokes);
        QCOMPARE(plan.guard.managedPersons, managed);
        QCOMPARE(plan.guard.memberCount, members);
        QCOMPARE(plan.guard.previousMemberCount, previous);
        QCOMPARE(plan.guard.held, held);
        if (held) {
            QCOMPARE(plan.guard.reasons.size(), 1);
            QCOMPARE(plan.guard.reasons.first(), reason);
        } else {
            QVERIFY(plan.guard.reasons.isEmpty());
        }
        // Holding never changes the actions.
        QCOMPARE(plan.count(ActionKind::Revoke), revokes);
    }

    // ---- suggestions ------------------------------------------------------------------------

    void suggestions_data()
    {
        QTest::addColumn<QString>("personName");
        QTest::addColumn<QString>("givenName");
        QTest::addColumn<QString>("familyName");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<bool>("suggested");
        QTest::newRow("same") << QStringLiteral("Åsa Öberg") << QString() << QString()
                              << QStringLiteral("Åsa") << QStringLiteral("Öberg") << true;
        QTest::newRow("diacritics folded")
            << QStringLiteral("Asa Oberg") << QString() << QString() << QStringLiteral("Åsa")
            << QStringLiteral("Öberg") << true;
        QTest::newRow("ä folded") << QStringLiteral("Marten Akerlund") << QString() << QString()
                                  << QStringLiteral("Mårten") << QStringLiteral("Äkerlund") << true;
        QTest::newRow("case and whitespace")
            << QStringLiteral("  ÅSA   öberg ") << QString() << QString() << QStringLiteral("Åsa")
            << QStringLiteral("Öberg") << true;
        QTest::newRow("decomposed on the device")
            << QStringLiteral("A\u030Asa O\u0308berg") << QString() << QString()
            << QStringLiteral("Åsa") << QStringLiteral("Öberg") << true;
        QTest::newRow("given and family name")
            << QStringLiteral("A. Oberg") << QStringLiteral("Åsa") << QStringLiteral("Öberg")
            << QStringLiteral("Åsa") << QStringLiteral("Öberg") << true;
        QTest::newRow("different name")
            << QStringLiteral("Asa Obergsson") << QString() << QString() << QStringLiteral("Åsa")
            << QStringLiteral("Öberg") << false;
    }

    void suggestions()
    {
        QFETCH(QString, personName);
        QFETCH(QString, givenName);
        QFETCH(QString, familyName);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(bool, suggested);
        PlanInput in = baseInput();
        in.members = {member(3, first, last, {kYear2026})};
        Person p =
            person(QStringLiteral("H-17"), personName, dayStart(2020, 1, 1), dayEnd(2037, 12, 31));
        p.givenName = givenName;
        p.familyName = familyName;
        in.devicePersons = {p};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 2);
        const PlannedAction *m = forMember(plan, 3);
        const PlannedAction *staff = forEmployee(plan, QStringLiteral("H-17"));
        QCOMPARE(kindName(staff->kind), QStringLiteral("not-managed"));
        QVERIFY(!staff->after);
        if (suggested) {
            QCOMPARE(plan.suggestions.size(), 1);
            QCOMPARE(plan.suggestions[0].employeeNo, QStringLiteral("H-17"));
            QCOMPARE(plan.suggestions[0].member, (MemberKey{kOrg, 3}));
            QCOMPARE(plan.suggestions[0].deviceId, kDevice);
            QVERIFY(!plan.suggestions[0].reason.isEmpty());
            QCOMPARE(kindName(m->kind), QStringLiteral("awaiting-match"));
            QVERIFY(!m->after);
            QVERIFY(staff->reason.contains(QStringLiteral("suggest")));
            QVERIFY(plan.writes().isEmpty());
        } else {
            QVERIFY(plan.suggestions.isEmpty());
            QCOMPARE(kindName(m->kind), QStringLiteral("create"));
        }
    }

    void rejectedSuggestionIsNotRepeated()
    {
        PlanInput in = baseInput();
        in.members = {member(3, QStringLiteral("Åsa"), QStringLiteral("Öberg"), {kYear2026})};
        in.devicePersons = {person(QStringLiteral("H-17"), QStringLiteral("Asa Oberg"),
                                   dayStart(2020, 1, 1), dayEnd(2037, 12, 31))};
        in.rejectedSuggestions = {RejectedSuggestion{kDevice, QStringLiteral("H-17"), {kOrg, 3}}};
        const Plan plan = makePlan(in);
        QVERIFY(plan.suggestions.isEmpty());
        QCOMPARE(kindName(forMember(plan, 3)->kind), QStringLiteral("create"));
        QCOMPARE(kindName(forEmployee(plan, QStringLiteral("H-17"))->kind),
                 QStringLiteral("not-managed"));
        QCOMPARE(plan.writes().size(), 1);
        QCOMPARE(plan.writes()[0].employeeNo, QStringLiteral("3"));
    }

    void severalCandidatesAreEachSuggested()
    {
        PlanInput in = baseInput();
        in.members = {member(3, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026}),
                      member(4, QStringLiteral("Anna"), QStringLiteral("Öberg"), {kYear2026})};
        in.devicePersons = {person(QStringLiteral("H-1"), QStringLiteral("anna oberg"),
                                   dayStart(2020, 1, 1), dayEnd(2037, 12, 31)),
                            person(QStringLiteral("H-2"), QStringLiteral("ANNA OBERG"),
                                   dayStart(2020, 1, 1), dayEnd(2037, 12, 31))};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.suggestions.size(), 4);
        QCOMPARE(plan.count(ActionKind::AwaitingMatch), 2);
        QCOMPARE(plan.count(ActionKind::NotManaged), 2);
        QVERIFY(plan.writes().isEmpty());
    }

    void linkedPersonsAndMembersAreNeverSuggested()
    {
        PlanInput in =
            linkedInput(member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026}),
                        {true, dayStart(2026, 1, 1), dayEnd(2026, 12, 31)});
        // A second member with the same name: the linked person "Anna Oberg" is not offered.
        in.members.append(member(2, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026}));
        // An unlinked device person with the linked member's name: not offered either.
        const Plan plan = makePlan(in);
        QVERIFY(plan.suggestions.isEmpty());
        QCOMPARE(kindName(forMember(plan, 2)->kind), QStringLiteral("create"));

        PlanInput second = in;
        second.members.removeLast();
        second.devicePersons.append(person(QStringLiteral("H-9"), QStringLiteral("Anna Oberg"),
                                           dayStart(2020, 1, 1), dayEnd(2037, 12, 31)));
        const Plan other = makePlan(second);
        QVERIFY(other.suggestions.isEmpty());
        QCOMPARE(kindName(forEmployee(other, QStringLiteral("H-9"))->kind),
                 QStringLiteral("not-managed"));
    }

    void suggestionsKnowTheNameTheDeviceWasGiven_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::addColumn<QString>("personName");
        // The sync shortened the name when it made the person; the link was lost since.
        QTest::newRow("shortened to 12 bytes")
            << QStringLiteral("Åsa-Britt") << QStringLiteral("Öberg-Lindqvist")
            << QStringLiteral("Asa-Britt");
        QTest::newRow("no name at all")
            << QString() << QStringLiteral("  ") << QStringLiteral("#3");
    }

    void suggestionsKnowTheNameTheDeviceWasGiven()
    {
        QFETCH(QString, first);
        QFETCH(QString, last);
        QFETCH(QString, personName);
        PlanInput in = baseInput();
        in.limits.nameMaxBytes = 12;
        in.members = {member(3, first, last, {kYear2026})};
        in.devicePersons = {
            person(QStringLiteral("H-17"), personName, dayStart(2020, 1, 1), dayEnd(2037, 12, 31))};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.suggestions.size(), 1);
        QCOMPARE(plan.suggestions[0].employeeNo, QStringLiteral("H-17"));
        QCOMPARE(plan.suggestions[0].member, (MemberKey{kOrg, 3}));
        QCOMPARE(kindName(forMember(plan, 3)->kind), QStringLiteral("awaiting-match"));
    }

    void personsInAnyOrderArePlannedByEmployeeNo()
    {
        PlanInput in = baseInput();
        in.devicePersons = {person(QStringLiteral("C"), QStringLiteral("Cleaner"),
                                   dayStart(2020, 1, 1), dayEnd(2037, 12, 31)),
                            person(QStringLiteral("A"), QStringLiteral("Administrator"),
                                   dayStart(2020, 1, 1), dayEnd(2037, 12, 31)),
                            person(QStringLiteral("B"), QStringLiteral("Bookkeeper"),
                                   dayStart(2020, 1, 1), dayEnd(2037, 12, 31)),
                            person(QStringLiteral("A"), QStringLiteral("Second admin"),
                                   dayStart(2020, 1, 1), dayEnd(2037, 12, 31))};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 3);
        QCOMPARE(plan.actions[0].employeeNo, QStringLiteral("A"));
        QCOMPARE(plan.actions[0].before->name, QStringLiteral("Administrator"));
        QCOMPARE(plan.actions[1].employeeNo, QStringLiteral("B"));
        QCOMPARE(plan.actions[2].employeeNo, QStringLiteral("C"));
        QCOMPARE(plan.warnings.size(), 1);
        QVERIFY(plan.warnings[0].contains(QStringLiteral("employeeNo A twice")));
    }

    void unlinkedStaffIsNeverTouched()
    {
        PlanInput in = baseInput();
        in.policy.deleteRetentionDays = 0;
        in.devicePersons = {person(QStringLiteral("admin"), QStringLiteral("Administrator"),
                                   dayStart(2000, 1, 1), dayEnd(2037, 12, 31), false),
                            person(QStringLiteral("C1"), QStringLiteral("Cleaner"),
                                   dayStart(2020, 1, 1), dayEnd(2021, 1, 1))};
        in.members = {member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"))};
        const Plan plan = makePlan(in);
        QCOMPARE(plan.actions.size(), 3);
        QVERIFY(plan.writes().isEmpty());
        for (const QString &employeeNo : {QStringLiteral("admin"), QStringLiteral("C1")}) {
            const PlannedAction *a = forEmployee(plan, employeeNo);
            QCOMPARE(kindName(a->kind), QStringLiteral("not-managed"));
            QVERIFY(a->before);
            QVERIFY(!a->after);
            QVERIFY(!a->member);
        }
        QCOMPARE(plan.guard.managedPersons, 0);
    }

    // ---- names ------------------------------------------------------------------------------

    void longNameIsTruncatedWithAWarning()
    {
        PlanInput in = baseInput();
        in.limits.nameMaxBytes = 12;
        // "Åsa-Britt Öberg-Lindqvist": 12 bytes end inside "Ö" (bytes 12-13); the space before
        // it is dropped.
        in.members = {
            member(1, QStringLiteral("Åsa-Britt"), QStringLiteral("Öberg-Lindqvist"), {kYear2026})};
        const Plan plan = makePlan(in);
        const PlannedAction &a = plan.actions.first();
        QCOMPARE(kindName(a.kind), QStringLiteral("create"));
        QCOMPARE(a.after->name, QStringLiteral("Åsa-Britt"));
        QVERIFY(a.after->name.toUtf8().size() <= 12);
        QCOMPARE(a.warnings.size(), 1);
        QVERIFY(a.warnings[0].contains(QStringLiteral("Åsa-Britt Öberg-Lindqvist")));
        QVERIFY(a.warnings[0].contains(QStringLiteral("12 bytes")));
        QVERIFY(plan.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("12 bytes")));
    }

    void rename_data()
    {
        QTest::addColumn<bool>("renameEnabled");
        QTest::addColumn<QString>("deviceName");
        QTest::addColumn<QList<RolePeriod>>("roles");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("afterName");
        QTest::addColumn<QDateTime>("afterEnd");
        const QList<RolePeriod> current{kYear2026};
        const QList<RolePeriod> renewed{kYear2026, role(QDate(2027, 1, 1), QDate(2027, 12, 31))};
        QTest::newRow("off: name differs, nothing else")
            << false << QStringLiteral("Anna Svensson") << current << QStringLiteral("unchanged")
            << QStringLiteral("Anna Svensson") << dayEnd(2026, 12, 31);
        QTest::newRow("off: validity only")
            << false << QStringLiteral("Anna Svensson") << renewed
            << QStringLiteral("update-validity") << QStringLiteral("Anna Svensson")
            << dayEnd(2027, 12, 31);
        QTest::newRow("on: rename")
            << true << QStringLiteral("Anna Svensson") << current << QStringLiteral("rename")
            << QStringLiteral("Anna Öberg") << dayEnd(2026, 12, 31);
        QTest::newRow("on: rename and renew")
            << true << QStringLiteral("Anna Svensson") << renewed << QStringLiteral("rename")
            << QStringLiteral("Anna Öberg") << dayEnd(2027, 12, 31);
        QTest::newRow("on: same name in another normal form")
            << true << QStringLiteral("Anna O\u0308berg") << current << QStringLiteral("unchanged")
            << QStringLiteral("Anna O\u0308berg") << dayEnd(2026, 12, 31);
    }

    void rename()
    {
        QFETCH(bool, renameEnabled);
        QFETCH(QString, deviceName);
        QFETCH(QList<RolePeriod>, roles);
        QFETCH(QString, kind);
        QFETCH(QString, afterName);
        QFETCH(QDateTime, afterEnd);
        PlanInput in =
            linkedInput(member(1, QStringLiteral("Anna"), QStringLiteral("Öberg"), roles),
                        {true, dayStart(2026, 1, 1), dayEnd(2026, 12, 31)});
        in.devicePersons[0].name = deviceName;
        in.policy.renameEnabled = renameEnabled;
        const Plan plan = makePlan(in);
        const PlannedAction &a = plan.actions.first();
        QCOMPARE(kindName(a.kind), kind);
        QCOMPARE(a.after->name, afterName);
        QCOMPARE(fmt(a.after->validity.end), fmt(afterEnd));
        QCOMPARE(a.after->employeeNo, QStringLiteral("1"));
    }

    void renameComparesTheTruncatedName()
    {
        PlanInput in = linkedInput(
            member(1, QStringLiteral("Åsa-Britt"), QStringLiteral("Öberg-Lindqvist"), {kYear2026}),
            {true, dayStart(2026, 1, 1), dayEnd(2026, 12, 31)});
        in.limits.nameMaxBytes = 12;
        in.policy.renameEnabled = true;
        in.devicePersons[0].name = QStringLiteral("Åsa-Britt");
        QCOMPARE(kindName(makePlan(in).actions[0].kind), QStringLiteral("unchanged"));
        in.devicePersons[0].name = QStringLiteral("Åsa-Britt Öberg-Lindqvist");
        const Plan plan = makePlan(in);
        QCOMPARE(kindName(plan.actions[0].kind), QStringLiteral("rename"));
        QCOMPARE(plan.actions[0].after->name, QStringLiteral("Åsa-Britt"));
        QCOMPARE(plan.actions[0].warnings.size(), 1);
    }

    // ---- whole plans ------------------------------------------------------------------------

    void orderIsMembersByKeyThenUnlinkedPersons()
    {
        PlanInput in = baseInput();
        in.members = {member(30, QStringLiteral("C"), QStringLiteral("C"), {kYear2026}),
                      member(10, QStringLiteral("A"), QStringLiteral("A"), {kYear2026}),
                      member(20, QStringLiteral("B"), QStringLiteral("B"))};
        in.devicePersons = {
            person(QStringLiteral("zz"), QStringLiteral("Staff Z"), kNow, kNow.addDays(1)),
            person(QStringLiteral("15"), QStringLiteral("Linked"), dayStart(2026, 1, 1),
                   dayEnd(2026, 12, 31)),
            person(QStringLiteral("aa"), QStringLiteral("Staff A"), kNow, kNow.addDays(1))};
        in.links = {link(QStringLiteral("15"), 15)}; // member 15 is gone from Cardskipper
        const Plan plan = makePlan(in);
        QStringList order;
        for (const PlannedAction &a : plan.actions)
            order << a.employeeNo + QLatin1Char(':') + kindName(a.kind);
        QCOMPARE(order,
                 (QStringList{QStringLiteral("10:create"), QStringLiteral("15:revoke"),
                              QStringLiteral(":no-access"), QStringLiteral("30:create"),
                              QStringLiteral("aa:not-managed"), QStringLiteral("zz:not-managed")}));
        QCOMPARE(plan.deviceId, kDevice);
        // Same input, same plan.
        const Plan again = makePlan(in);
        QCOMPARE(again.actions.size(), plan.actions.size());
        for (qsizetype i = 0; i < plan.actions.size(); ++i)
            QCOMPARE(again.actions[i].reason, plan.actions[i].reason);
    }

    void secondPlanAfterApplyingTheFirstIsQuiet()
    {
        PlanInput in = baseInput();
        in.policy.employeeNoPrefix = QStringLiteral("CS");
        in.policy.renameEnabled = true;
        in.policy.graceDays = 2;
        in.limits.nameMaxBytes = 12;
        in.members = {
            member(1, QStringLiteral("Anna"), QStringLiteral("Oberg"), {kYear2026}),
            member(2, QStringLiteral("Bo"), QStringLiteral("Ek"),
                   {role(QDate(2026, 1, 1), QDate(2026, 11, 1))}),
            member(3, QStringLiteral("Cia"), QStringLiteral("Lund"),
                   {role(QDate(2027, 1, 1), QDate(2045, 12, 31))}),
            member(4, QStringLiteral("Dan"), QStringLiteral("Berg"), {kYear2026}),
            member(5, QStringLiteral("Eva"), QStringLiteral("Holm"), {}),
            member(6, QStringLiteral("Fredrika-Louise"), QStringLiteral("Ström"), {kYear2026}),
            member(7, QStringLiteral("Gun"), QStringLiteral("Ås"), {kYear2026},
                   QStringLiteral(" ")),
            member(8, QStringLiteral("Hans"), QStringLiteral("Berg"), {kYear2026}),
        };
        in.overrides = {blockOverride(4), allowOverride(5, QDate(2027, 2, 28))};
        in.devicePersons = {
            person(QStringLiteral("CS1"), QStringLiteral("Anna Oberg"), dayStart(2026, 1, 1),
                   dayEnd(2026, 6, 30)),
            person(QStringLiteral("CS2"), QStringLiteral("Bo Ek"), dayStart(2026, 1, 1),
                   dayEnd(2026, 12, 31)),
            person(QStringLiteral("CS4"), QStringLiteral("Dan"), dayStart(2026, 1, 1),
                   dayEnd(2026, 12, 31)),
            person(QStringLiteral("CS8"), QStringLiteral("Hans Bergström"), dayStart(2026, 1, 1),
                   dayEnd(2026, 12, 31)),
            person(QStringLiteral("admin"), QStringLiteral("Admin"), dayStart(2000, 1, 1),
                   dayEnd(2037, 12, 31), false),
        };
        in.links = {link(QStringLiteral("CS1"), 1), link(QStringLiteral("CS2"), 2),
                    link(QStringLiteral("CS4"), 4, LinkOrigin::Manual),
                    link(QStringLiteral("CS8"), 8)};
        const Plan first = makePlan(in);
        QVERIFY(first.writes().size() >= 7);
        QCOMPARE(kindName(forMember(first, 2)->kind), QStringLiteral("revoke"));
        QCOMPARE(kindName(forMember(first, 4)->kind), QStringLiteral("revoke"));
        QCOMPARE(kindName(forMember(first, 3)->kind), QStringLiteral("create"));
        QCOMPARE(fmt(forMember(first, 3)->after->validity.end), fmt(dayEnd(2037, 12, 31)));
        QCOMPARE(kindName(forMember(first, 8)->kind), QStringLiteral("rename"));
        for (const PlannedAction &a : first.writes()) {
            if (a.after)
                QVERIFY2(a.after->validity.begin < a.after->validity.end, qPrintable(a.reason));
        }

        applyWrites(in, first);
        const Plan second = makePlan(in);
        for (const PlannedAction &a : second.actions) {
            QVERIFY2(a.kind == ActionKind::Unchanged || a.kind == ActionKind::NoAccess ||
                         a.kind == ActionKind::NotManaged,
                     qPrintable(kindName(a.kind) + QLatin1String(": ") + a.reason));
        }
        QVERIFY(second.writes().isEmpty());
        QVERIFY(!second.guard.held);

        // A day later, still quiet (the allow-until window does not move with "today").
        in.now = kNow.addDays(1);
        QVERIFY(makePlan(in).writes().isEmpty());
    }

    void beginIsAlwaysBeforeEnd()
    {
        // A sweep over role shapes, overrides and device windows: every write is well formed.
        const QList<QList<RolePeriod>> shapes{
            {},
            {kYear2026},
            {role(QDate(2026, 11, 28), QDate(2026, 11, 28))},
            {role(QDate(2026, 11, 29), QDate(2026, 11, 29))},
            {role(QDate(2026, 11, 27), QDate(2026, 11, 27))},
            {role(QDate(1999, 12, 31), QDate(2000, 1, 1))},
            {role(QDate(2037, 12, 31), QDate(2038, 1, 1))},
            {role(QDate(2037, 12, 31), QDate(2037, 12, 31))},
        };
        const QList<PersonValidity> deviceWindows{
            {true, kNow, kNow.addSecs(1)},
            {true, kNow.addSecs(-1), kNow.addSecs(1)},
            {true, kNow.addDays(5), kNow.addDays(6)},
            {false, QDateTime(), QDateTime()},
            {true, QDateTime(), QDateTime()},
        };
        const QList<QList<MemberOverride>> overrideSets{
            {}, {blockOverride(1)}, {allowOverride(1, QDate(2026, 11, 28))}};
        int writes = 0;
        for (const auto &roles : shapes) {
            for (const auto &window : deviceWindows) {
                for (const auto &overrides : overrideSets) {
                    const Member m = member(1, QStringLiteral("A"), QStringLiteral("B"), roles);
                    PlanInput in = linkedInput(m, window);
                    in.overrides = overrides;
                    PlanInput fresh = baseInput();
                    fresh.members = {m};
                    fresh.overrides = overrides;
                    for (const Plan &plan : {makePlan(in), makePlan(fresh)}) {
                        for (const PlannedAction &a : plan.writes()) {
                            if (!a.after)
                                continue;
                            ++writes;
                            QVERIFY(a.after->validity.enabled);
                            QVERIFY2(a.after->validity.begin < a.after->validity.end,
                                     qPrintable(a.reason));
                            QVERIFY(a.after->validity.begin >= DeviceLimits().validBegin);
                            QVERIFY(a.after->validity.end <= DeviceLimits().validEnd);
                        }
                    }
                }
            }
        }
        QVERIFY(writes > 50);
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
