// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace cis::sim {

struct RightPlanEntry
{
    int doorNo = 1;
    QString planTemplateNo = QStringLiteral("1");

    friend bool operator==(const RightPlanEntry &a, const RightPlanEntry &b)
    {
        return a.doorNo == b.doorNo && a.planTemplateNo == b.planTemplateNo;
    }
};

// One person on the terminal: the fields of JSON_UserInfo (hikvision-isapi.md §3.2) the
// simulator keeps. Times are device-local wall-clock times; their time spec is UTC only so that
// no daylight-saving rule can shift or invalidate them.
struct DevicePerson
{
    QString employeeNo;
    QString name;
    QString givenName;  // only filled on profiles that split the name
    QString familyName; // likewise
    QString userType = QStringLiteral("normal");
    bool closeDelayEnabled = false;
    // Permanent validity with the placeholder window real terminals show (S3).
    bool validEnabled = false;
    QDateTime beginTime{QDate(2000, 1, 1), QTime(0, 0), Qt::UTC};
    QDateTime endTime{QDate(2037, 12, 31), QTime(23, 59, 59), Qt::UTC};
    QString belongGroup;
    QString password;
    QString doorRight = QStringLiteral("1");
    QList<RightPlanEntry> rightPlan{RightPlanEntry{}};
    int maxOpenDoorTime = 0;
    int openDoorTime = 0;
    int roomNumber = 0;
    int floorNumber = 0;
    bool localUIRight = false;
    QString userVerifyMode; // empty: not set, and not returned
    QString gender = QStringLiteral("unknown");
    // Faces and fingerprints are not modelled beyond their number.
    int numOfFace = 0;
    int numOfFP = 0;

    // A device-local time from "yyyy-MM-ddTHH:mm:ss"; invalid when the text is not one.
    static QDateTime localTime(const QString &text);
    static QString timeText(const QDateTime &time);

    friend bool operator==(const DevicePerson &a, const DevicePerson &b);
};

struct DeviceCard
{
    QString cardNo;
    QString employeeNo;
    QString cardType = QStringLiteral("normalCard");
    QString leaderCard;

    friend bool operator==(const DeviceCard &a, const DeviceCard &b)
    {
        return a.cardNo == b.cardNo && a.employeeNo == b.employeeNo && a.cardType == b.cardType &&
               a.leaderCard == b.leaderCard;
    }
};

// The terminal's person and card store. Persons keep the order they were added in, which is the
// order searches return them in; editing a person keeps its place, deleting and adding it again
// moves it to the end. Cards are independent of persons, as on the device: deleting a person
// leaves its cards (S1 §4.1), and they count for the person again if it comes back.
class IsapiDeviceModel
{
public:
    const QList<DevicePerson> &persons() const { return m_persons; }
    int personCount() const { return int(m_persons.size()); }
    bool contains(const QString &employeeNo) const { return m_index.contains(employeeNo); }
    std::optional<DevicePerson> person(const QString &employeeNo) const;
    // Replaces a person in place, or appends it.
    void upsertPerson(const DevicePerson &person);
    bool removePerson(const QString &employeeNo);
    void removeAllPersons();

    const QList<DeviceCard> &cards() const { return m_cards; }
    std::optional<DeviceCard> card(const QString &cardNo) const;
    QList<DeviceCard> cardsOf(const QString &employeeNo) const;
    int cardCountOf(const QString &employeeNo) const;
    void upsertCard(const DeviceCard &card);
    bool removeCard(const QString &cardNo);
    int removeCardsOf(const QString &employeeNo);
    void removeAllCards();

    void clear();

private:
    void reindexPersons();

    QList<DevicePerson> m_persons;
    QHash<QString, qsizetype> m_index;
    QList<DeviceCard> m_cards;
};

} // namespace cis::sim
