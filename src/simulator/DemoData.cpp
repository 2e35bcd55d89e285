// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DemoData.h"

#include <QRandomGenerator>
#include <QSet>

namespace cis::sim {

namespace {

const QStringList &firstNames()
{
    static const QStringList names = {
        QStringLiteral("Åsa"),       QStringLiteral("Björn"),    QStringLiteral("Märta"),
        QStringLiteral("Göran"),     QStringLiteral("Anna"),     QStringLiteral("Erik"),
        QStringLiteral("Lars"),      QStringLiteral("Karin"),    QStringLiteral("Sofia"),
        QStringLiteral("Oskar"),     QStringLiteral("Örjan"),    QStringLiteral("Åke"),
        QStringLiteral("Håkan"),     QStringLiteral("Kerstin"),  QStringLiteral("Linnéa"),
        QStringLiteral("Mårten"),    QStringLiteral("Ulla"),     QStringLiteral("Stig"),
        QStringLiteral("Elsa"),      QStringLiteral("Hugo"),     QStringLiteral("Ebba"),
        QStringLiteral("Leo"),       QStringLiteral("Alva"),     QStringLiteral("Maja"),
        QStringLiteral("Nils"),      QStringLiteral("Saga"),     QStringLiteral("Tove"),
        QStringLiteral("Måns"),      QStringLiteral("Signe"),    QStringLiteral("Jöns"),
        QStringLiteral("Ann-Sofie"), QStringLiteral("Per-Olof"),
    };
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names = {
        QStringLiteral("Öberg"),     QStringLiteral("Ängström"),  QStringLiteral("Åkesson"),
        QStringLiteral("Sjögren"),   QStringLiteral("Lindqvist"), QStringLiteral("Nyström"),
        QStringLiteral("Håkansson"), QStringLiteral("Ekström"),   QStringLiteral("Öhman"),
        QStringLiteral("Bergström"), QStringLiteral("Karlsson"),  QStringLiteral("Johansson"),
        QStringLiteral("Andersson"), QStringLiteral("Nilsson"),   QStringLiteral("Eriksson"),
        QStringLiteral("Larsson"),   QStringLiteral("Söderberg"), QStringLiteral("Åberg"),
        QStringLiteral("Löfgren"),   QStringLiteral("Strömberg"), QStringLiteral("Hägg"),
        QStringLiteral("Björk"),     QStringLiteral("Sundén"),    QStringLiteral("Wästberg"),
    };
    return names;
}

const QStringList &cities()
{
    static const QStringList names = {
        QStringLiteral("Göteborg"),  QStringLiteral("Malmö"),      QStringLiteral("Västerås"),
        QStringLiteral("Örebro"),    QStringLiteral("Umeå"),       QStringLiteral("Linköping"),
        QStringLiteral("Jönköping"), QStringLiteral("Norrköping"), QStringLiteral("Stockholm"),
    };
    return names;
}

const QStringList &streets()
{
    static const QStringList names = {
        QStringLiteral("Storgatan"),     QStringLiteral("Kungsgatan"),
        QStringLiteral("Ågatan"),        QStringLiteral("Skolvägen"),
        QStringLiteral("Björkvägen"),    QStringLiteral("Östra Långgatan"),
        QStringLiteral("Järnvägsgatan"),
    };
    return names;
}

const QStringList &tagLabels()
{
    static const QStringList labels = {QStringLiteral("styrelse"), QStringLiteral("ledare"),
                                       QStringLiteral("gym"), QStringLiteral("Fys & Kondition")};
    return labels;
}

// Draws made in one fixed order, so a seed fully decides the result.
class Dice
{
public:
    explicit Dice(quint32 seed)
        : m_random(seed)
    {}
    int below(int bound) { return int(m_random.bounded(quint32(bound))); }
    int between(int low, int high) { return low + below(high - low + 1); }
    bool percent(int chance) { return below(100) < chance; }
    const QString &pick(const QStringList &list) { return list.at(below(int(list.size()))); }

private:
    QRandomGenerator m_random;
};

QString digits(Dice &dice, int count)
{
    QString text;
    for (int i = 0; i < count; ++i)
        text += QChar(u'0' + char16_t(dice.below(10)));
    return text;
}

// Three notations a Swedish club's register really holds.
QString phone(Dice &dice)
{
    const QString subscriber = digits(dice, 7);
    const QString prefix = dice.pick(
        {QStringLiteral("70"), QStringLiteral("72"), QStringLiteral("73"), QStringLiteral("76")});
    switch (dice.below(3)) {
    case 0:
        return u'0' + prefix + u'-' + subscriber.left(3) + u' ' + subscriber.mid(3, 2) + u' ' +
               subscriber.mid(5);
    case 1:
        return QStringLiteral("+46 ") + prefix + u' ' + subscriber.left(3) + u' ' +
               subscriber.mid(3, 2) + u' ' + subscriber.mid(5);
    default:
        return u'0' + prefix + subscriber;
    }
}

QString birthNumber(QDate birthDate, Dice &dice)
{
    return birthDate.toString(QStringLiteral("yyyyMMdd")) + u'-' + digits(dice, 4);
}

SimRole role(qint64 id, QDate start, QDate end)
{
    SimRole result;
    result.id = id;
    result.start = start;
    result.end = end;
    if (id == DemoData::kRoleGym || id == DemoData::kRoleChildGymCard)
        result.organisationUnit = QStringLiteral("Gym");
    return result;
}

SimMember person(qint64 number, const QString &firstName, const QString &lastName, QDate birthDate,
                 QDate today, Dice &dice)
{
    SimMember member;
    member.organisationMemberId = number;
    member.memberId = 900000 + number;
    member.userId = 700000 + number;
    member.firstName = firstName;
    member.lastName = lastName;
    member.birthDate = birthDate;
    member.birthNumber = birthNumber(birthDate, dice);
    member.genderCode = dice.percent(50) ? QStringLiteral("M") : QStringLiteral("F");
    member.hasUserDevice = dice.percent(60);
    // Daytime only: a local time inside a daylight-saving gap would be an invalid QDateTime.
    member.lastChanged = QDateTime(today.addDays(-dice.between(1, 400)),
                                   QTime(dice.between(6, 22), dice.below(60), dice.below(60)));
    return member;
}

SimMembership membershipOf(qint64 organisationId, QList<SimRole> roles, QStringList tags = {})
{
    return SimMembership{organisationId, std::move(roles), std::move(tags)};
}

QString exampleEmail(const QString &local)
{
    return local + QStringLiteral("@example.se");
}

QList<SimMember> specialMembers(QDate today, Dice &dice)
{
    const qint64 club = DemoData::kOrganisationId;
    const QDate start = today.addDays(-100);
    const QDate end = today.addDays(265);
    const auto standard = [&](qint64 number, const QString &first, const QString &last,
                              QDate birthDate) {
        SimMember member = person(number, first, last, birthDate, today, dice);
        member.email = exampleEmail(DemoData::emailLocalPart(first, last));
        member.cellPhone1 = phone(dice);
        member.organisations = {membershipOf(club, {role(DemoData::kRoleYearCard, start, end)})};
        return member;
    };

    QList<SimMember> members;
    SimMember asa = standard(DemoData::kPlainMember, QStringLiteral("Åsa"), QStringLiteral("Öberg"),
                             QDate(1990, 4, 21));
    asa.cellPhone1 = QStringLiteral("+46 70 111 22 33");
    asa.addressLine1 = QStringLiteral("Storgatan 1");
    asa.zip = QStringLiteral("11122");
    asa.city = QStringLiteral("Stockholm");
    asa.organisations = {membershipOf(
        club, {role(DemoData::kRoleYearCard, start, end), role(DemoData::kRoleGym, start, end)},
        {QStringLiteral("gym")})};
    members.append(asa);

    SimMember bjorn = standard(DemoData::kOtherPhoneNotation, QStringLiteral("Björn"),
                               QStringLiteral("Ängström"), QDate(1985, 11, 2));
    bjorn.cellPhone1 = QStringLiteral("070-222 33 44");
    members.append(bjorn);

    SimMember marta = standard(DemoData::kNoEmail, QStringLiteral("Märta"),
                               QStringLiteral("Sjögren"), QDate(1952, 7, 30));
    marta.email.clear();
    marta.cellPhone1 = QStringLiteral("070 333 44 55");
    members.append(marta);

    SimMember goran = standard(DemoData::kNoContactInfo, QStringLiteral("Göran"),
                               QStringLiteral("Åkesson"), QDate(1948, 1, 15));
    goran.email.clear();
    goran.cellPhone1.clear();
    members.append(goran);

    SimMember per = standard(DemoData::kFamilyParentA, QStringLiteral("Per"),
                             QStringLiteral("Lindqvist"), QDate(1978, 3, 9));
    per.email = DemoData::kFamilyEmail;
    members.append(per);
    SimMember karin = standard(DemoData::kFamilyParentB, QStringLiteral("Karin"),
                               QStringLiteral("Lindqvist"), QDate(1980, 9, 23));
    karin.email = DemoData::kFamilyEmail;
    members.append(karin);

    SimMember osten = standard(DemoData::kExpired, QStringLiteral("Östen"),
                               QStringLiteral("Nyström"), QDate(1966, 5, 5));
    osten.organisations = {membershipOf(
        club, {role(DemoData::kRoleYearCard, today.addDays(-400), today.addDays(-35))})};
    members.append(osten);

    SimMember ingrid = standard(DemoData::kPastGap, QStringLiteral("Ingrid"),
                                QStringLiteral("Håkansson"), QDate(1971, 12, 24));
    ingrid.organisations = {
        membershipOf(club, {role(DemoData::kRoleYearCard, today.addDays(-500), today.addDays(-200)),
                            role(DemoData::kRoleYearCard, start, end)})};
    members.append(ingrid);

    SimMember sven = standard(DemoData::kInGapToday, QStringLiteral("Sven"),
                              QStringLiteral("Ärlig"), QDate(1993, 2, 28));
    sven.organisations = {
        membershipOf(club, {role(DemoData::kRoleYearCard, today.addDays(-200), today.addDays(-10)),
                            role(DemoData::kRoleYearCard, today.addDays(20), today.addDays(385))})};
    members.append(sven);

    SimMember lena = standard(DemoData::kStartsNextMonth, QStringLiteral("Lena"),
                              QStringLiteral("Ekström"), QDate(2001, 6, 6));
    const QDate nextMonth = QDate(today.year(), today.month(), 1).addMonths(1);
    lena.organisations = {membershipOf(
        club, {role(DemoData::kRoleYearCard, nextMonth, nextMonth.addYears(1).addDays(-1))})};
    members.append(lena);

    SimMember nils = standard(DemoData::kInactive, QStringLiteral("Nils"), QStringLiteral("Örn"),
                              QDate(1959, 10, 10));
    nils.inactive = true;
    members.append(nils);

    SimMember kalle = standard(DemoData::kAmpersand, QStringLiteral("Kalle"),
                               QStringLiteral("Ström & Dotter"), QDate(1988, 8, 8));
    kalle.addressLine1 = QStringLiteral("Villa \"Solbacken\"");
    kalle.zip = QStringLiteral("41301");
    kalle.city = QStringLiteral("Göteborg");
    kalle.organisations.first().tags = {QStringLiteral("Fys & Kondition")};
    members.append(kalle);

    members.append(standard(DemoData::kAccentedName, QStringLiteral("Renée"),
                            QStringLiteral("Sjöström"), QDate(1995, 1, 31)));

    SimMember jonas = standard(DemoData::kTwoOrganisations, QStringLiteral("Jonas"),
                               QStringLiteral("Ek"), QDate(1982, 4, 1));
    jonas.organisations.append(membershipOf(DemoData::kChildOrganisationId,
                                            {role(DemoData::kRoleChildGymCard, start, end)}));
    members.append(jonas);

    SimMember maja = standard(DemoData::kEndsToday, QStringLiteral("Maja"), QStringLiteral("Öst"),
                              QDate(1999, 9, 19));
    maja.organisations = {
        membershipOf(club, {role(DemoData::kRoleYearCard, today.addDays(-364), today)})};
    members.append(maja);

    SimMember oskar = standard(DemoData::kStartsToday, QStringLiteral("Oskar"),
                               QStringLiteral("Åberg"), QDate(2003, 3, 3));
    oskar.organisations = {
        membershipOf(club, {role(DemoData::kRoleYearCard, today, today.addDays(364))})};
    members.append(oskar);

    SimMember eva = standard(DemoData::kEndedYesterday, QStringLiteral("Eva"),
                             QStringLiteral("Dahlén"), QDate(1975, 11, 11));
    eva.organisations = {membershipOf(
        club, {role(DemoData::kRoleYearCard, today.addDays(-365), today.addDays(-1))})};
    members.append(eva);

    SimMember ebba = standard(DemoData::kYouth, QStringLiteral("Ebba"), QStringLiteral("Lindqvist"),
                              today.addYears(-14));
    ebba.cellPhone2 = phone(dice);
    ebba.organisations = {membershipOf(club, {role(DemoData::kRoleYouth, start, end)})};
    members.append(ebba);
    return members;
}

SimMember randomMember(qint64 number, QDate today, Dice &dice, QSet<QString> &emails)
{
    const QString first = dice.pick(firstNames());
    const QString last = dice.pick(lastNames());
    const QDate birthDate = QDate(1940, 1, 1).addDays(dice.below(365 * 72));
    SimMember member = person(number, first, last, birthDate, today, dice);

    if (dice.percent(85)) {
        const QString local = DemoData::emailLocalPart(first, last);
        QString email = exampleEmail(local);
        for (int n = 2; emails.contains(email); ++n)
            email = exampleEmail(local + QString::number(n));
        emails.insert(email);
        member.email = email;
    }
    if (member.email.isEmpty() || dice.percent(90))
        member.cellPhone1 = phone(dice);
    if (dice.percent(70)) {
        member.addressLine1 = dice.pick(streets()) + u' ' + QString::number(dice.between(1, 120));
        member.zip = QString::number(dice.between(10000, 98999));
        member.city = dice.pick(cities());
    }

    const bool young = birthDate.addYears(20) > today;
    const qint64 roleId = young ? DemoData::kRoleYouth : DemoData::kRoleYearCard;
    QList<SimRole> roles;
    const int fate = dice.below(100);
    if (fate < 70) {
        const QDate start = today.addDays(-dice.between(0, 330));
        roles.append(role(roleId, start, start.addDays(364)));
    } else if (fate < 82) {
        const QDate end = today.addDays(-dice.between(1, 400));
        roles.append(role(roleId, end.addDays(-364), end));
    } else if (fate < 88) {
        const QDate start = today.addDays(dice.between(1, 60));
        roles.append(role(roleId, start, start.addDays(364)));
    } else if (fate < 93) {
        const QDate start = today.addDays(-dice.between(0, 330));
        roles.append(role(roleId, start, start.addDays(364)));
        member.inactive = true;
    } else {
        // Renewed: last year's card and this year's touch.
        const QDate start = today.addDays(-dice.between(0, 330));
        roles.append(role(roleId, start.addDays(-365), start.addDays(-1)));
        roles.append(role(roleId, start, start.addDays(364)));
    }
    if (dice.percent(25))
        roles.append(role(DemoData::kRoleGym, roles.last().start, roles.last().end));
    for (SimRole &each : roles) {
        if (dice.percent(30))
            each.type = young ? QStringLiteral("Junior") : QStringLiteral("Senior");
    }
    QStringList tags;
    if (dice.percent(20))
        tags.append(dice.pick(tagLabels()));
    member.organisations = {membershipOf(DemoData::kOrganisationId, roles, tags)};
    return member;
}

} // namespace

QList<SimOrganisation> DemoData::organisations()
{
    SimOrganisation club;
    club.id = kOrganisationId;
    club.name = QStringLiteral("Exempelklubben IF");
    club.roles = {{kRoleYearCard, QStringLiteral("Årskort"), QStringLiteral("Helårsmedlem")},
                  {kRoleYouth, QStringLiteral("Ungdom"), QStringLiteral("Medlem under 20 år")},
                  {kRoleGym, QStringLiteral("Gym"), QStringLiteral("Tillgång till gymmet")}};
    club.informationTypes = {{1, QStringLiteral("Nyheter")}, {2, QStringLiteral("Kallelser")}};
    club.units = {{7, QStringLiteral("Gym")}, {8, QStringLiteral("Fotboll")}};
    club.childIds = {kChildOrganisationId};

    SimOrganisation gym;
    gym.id = kChildOrganisationId;
    gym.name = QStringLiteral("Exempelklubben IF Gym");
    gym.roles = {{kRoleChildGymCard, QStringLiteral("Gymkort"), QString()}};
    gym.informationTypes = {{3, QStringLiteral("Nyheter")}};

    SimOrganisation neighbour;
    neighbour.id = kForeignOrganisationId;
    neighbour.name = QStringLiteral("Grannklubben BK");
    neighbour.roles = {{3200, QStringLiteral("Medlem"), QString()}};
    neighbour.informationTypes = {{4, QStringLiteral("Nyheter")}};
    return {club, gym, neighbour};
}

SimAccount DemoData::demoAccount()
{
    SimAccount account;
    account.username = QStringLiteral("demo");
    account.password = QStringLiteral("demo");
    account.organisationIds = {kOrganisationId, kChildOrganisationId};
    return account;
}

QList<SimMember> DemoData::members(QDate today, int count, quint32 seed)
{
    Dice dice(seed);
    QList<SimMember> members = specialMembers(today, dice);
    if (members.size() > count)
        members.resize(count);
    QSet<QString> emails;
    for (const SimMember &member : std::as_const(members))
        emails.insert(member.email);
    members.reserve(count);
    for (qint64 number = kFirstRandomMember; members.size() < count; ++number)
        members.append(randomMember(number, today, dice, emails));
    return members;
}

QList<qint64> DemoData::specialMemberIds()
{
    QList<qint64> ids;
    for (qint64 id = kPlainMember; id <= kYouth; ++id)
        ids.append(id);
    return ids;
}

QString DemoData::emailLocalPart(const QString &firstName, const QString &lastName)
{
    // Decomposing first turns å into a + ring, so dropping what is not ASCII folds the accents.
    const QString decomposed =
        (firstName + u' ' + lastName).toLower().normalized(QString::NormalizationForm_D);
    QStringList words;
    for (const QString &word : decomposed.split(u' ', Qt::SkipEmptyParts)) {
        QString kept;
        for (const QChar c : word) {
            if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-')
                kept += c;
        }
        if (!kept.isEmpty())
            words.append(kept);
    }
    return words.join(u'.');
}

} // namespace cis::sim
