// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DeviceDemoData.h"

#include <QRandomGenerator>
#include <QSet>

namespace cis::sim {

namespace {

const QStringList &givenNames()
{
    static const QStringList names = {
        QStringLiteral("Anna"),   QStringLiteral("Erik"),     QStringLiteral("Lars"),
        QStringLiteral("Karin"),  QStringLiteral("Sofia"),    QStringLiteral("Örjan"),
        QStringLiteral("Åke"),    QStringLiteral("Håkan"),    QStringLiteral("Kerstin"),
        QStringLiteral("Linnéa"), QStringLiteral("Mårten"),   QStringLiteral("Ulla"),
        QStringLiteral("Stig"),   QStringLiteral("Elsa"),     QStringLiteral("Hugo"),
        QStringLiteral("Ebba"),   QStringLiteral("Alva"),     QStringLiteral("Maja"),
        QStringLiteral("Nils"),   QStringLiteral("Saga"),     QStringLiteral("Måns"),
        QStringLiteral("Signe"),  QStringLiteral("Jöns"),     QStringLiteral("Ann-Sofie"),
        QStringLiteral("Gösta"),  QStringLiteral("Birgitta"), QStringLiteral("Yusuf"),
        QStringLiteral("Leila"),
    };
    return names;
}

const QStringList &familyNames()
{
    static const QStringList names = {
        QStringLiteral("Öberg"),    QStringLiteral("Ängström"),  QStringLiteral("Åkesson"),
        QStringLiteral("Sjögren"),  QStringLiteral("Nyström"),   QStringLiteral("Håkansson"),
        QStringLiteral("Ekström"),  QStringLiteral("Öhman"),     QStringLiteral("Bergström"),
        QStringLiteral("Karlsson"), QStringLiteral("Johansson"), QStringLiteral("Andersson"),
        QStringLiteral("Nilsson"),  QStringLiteral("Eriksson"),  QStringLiteral("Söderberg"),
        QStringLiteral("Löfgren"),  QStringLiteral("Strömberg"), QStringLiteral("Hägg"),
        QStringLiteral("Björk"),    QStringLiteral("Sundén"),    QStringLiteral("Wästberg"),
        QStringLiteral("Lindholm"),
    };
    return names;
}

QDateTime dayStart(QDate day)
{
    return QDateTime(day, QTime(0, 0), Qt::UTC);
}

QDateTime dayEnd(QDate day)
{
    return QDateTime(day, QTime(23, 59, 59), Qt::UTC);
}

const QDateTime kForever(QDate(2037, 12, 31), QTime(23, 59, 59), Qt::UTC);

DevicePerson person(const char *employeeNo, const QString &name)
{
    DevicePerson result;
    result.employeeNo = QLatin1String(employeeNo);
    result.name = name;
    return result;
}

void window(DevicePerson &person, QDateTime begin, QDateTime end)
{
    person.validEnabled = true;
    person.beginTime = std::move(begin);
    person.endTime = std::move(end);
}

DeviceCard card(const QString &employeeNo, const QString &cardNo)
{
    DeviceCard result;
    result.employeeNo = employeeNo;
    result.cardNo = cardNo;
    return result;
}

DevicePopulation fixedPersons(QDate today)
{
    DevicePopulation population;
    DevicePerson admin = person("1", QStringLiteral("admin"));
    window(admin, dayStart(today.addDays(-400)), kForever);
    admin.localUIRight = true;
    admin.numOfFace = 1;
    population.persons.append(admin);

    population.persons.append(person("2", QStringLiteral("Städ Birgitta Holm")));
    population.cards.append(card(QStringLiteral("2"), QStringLiteral("3000000002")));
    population.persons.append(person("3", QStringLiteral("Städ Ahmed Karimi")));
    population.cards.append(card(QStringLiteral("3"), QStringLiteral("3000000003")));

    DevicePerson asa = person("101", QStringLiteral("Åsa Öberg"));
    window(asa, dayStart(today.addDays(-30)), dayEnd(today.addDays(335)));
    asa.numOfFace = 1;
    population.persons.append(asa);
    population.cards.append(card(QStringLiteral("101"), QStringLiteral("3000000101")));

    DevicePerson per = person("102", QStringLiteral("Per Lindqvist"));
    window(per, dayStart(today.addDays(-385)), dayEnd(today.addDays(-20)));
    population.persons.append(per);

    DevicePerson osten = person("1007", QStringLiteral("Östen Nyström"));
    window(osten, dayStart(today.addDays(-400)), dayEnd(today.addDays(-35)));
    population.persons.append(osten);

    DevicePerson renee = person("1013", QStringLiteral("Renee Sjostrom"));
    window(renee, dayStart(today.addDays(-100)), dayEnd(today.addDays(265)));
    population.persons.append(renee);

    population.persons.append(person("105", QString()));
    population.persons.append(person("106", QStringLiteral("Göran Åkesson")));
    return population;
}

} // namespace

DevicePopulation DeviceDemoData::population(QDate today, int count, quint32 seed)
{
    DevicePopulation population = fixedPersons(today);
    if (population.persons.size() > count) {
        population.persons.resize(count);
        QSet<QString> kept;
        for (const DevicePerson &each : std::as_const(population.persons))
            kept.insert(each.employeeNo);
        population.cards.removeIf(
            [&](const DeviceCard &each) { return !kept.contains(each.employeeNo); });
    }

    QRandomGenerator random(seed);
    const auto below = [&random](int bound) { return int(random.bounded(quint32(bound))); };
    const auto pick = [&below](const QStringList &list) -> QString {
        return list.at(below(int(list.size())));
    };
    // The random numbers climb past the fixed persons' 1007 and 1013; the employee number is
    // the terminal's key, so those are skipped rather than stored twice.
    QSet<QString> taken;
    for (const DevicePerson &each : std::as_const(population.persons))
        taken.insert(each.employeeNo);
    int number = 200;
    while (population.persons.size() < count) {
        do {
            number += 1 + below(4);
        } while (taken.contains(QString::number(number)));
        DevicePerson each;
        each.employeeNo = QString::number(number);
        each.name = pick(givenNames()) + u' ' + pick(familyNames());
        const int fate = below(100);
        if (fate < 60) {
            const QDate start = today.addDays(-below(330));
            window(each, dayStart(start), dayEnd(start.addDays(364)));
        } else if (fate < 80) {
            const QDate end = today.addDays(-1 - below(400));
            window(each, dayStart(end.addDays(-364)), dayEnd(end));
        }
        if (below(100) < 40)
            each.numOfFace = 1;
        if (below(100) < 30) {
            population.cards.append(card(
                each.employeeNo, QString::number(3000000000LL + qint64(number) * 7 + below(7))));
        }
        population.persons.append(each);
    }
    return population;
}

} // namespace cis::sim
