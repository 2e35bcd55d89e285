// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
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
    // Fingerprints are not modelled beyond their number. numOfFace follows the face library
    // (IsapiDeviceModel keeps the two in step); a hook that sets it above 0 on a person without a
    // face enrols one "at the terminal", without a picture of its own.
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

// One enrolled face in the blackFD library (FDID 1), keyed by FPID = employeeNo.
struct DeviceFace
{
    // The JPEG the terminal keeps; empty for a face enrolled at the terminal itself, which is
    // then served as the built-in demo face.
    QByteArray jpeg;
    // The 10-digit number of its picture under /LOCALS/pic/enrlFace/0/, given at enrolment.
    int number = 0;
    // Counts replacements; part of the picture's @WEB suffix, so a new picture has a new URL.
    int revision = 1;
};

// The terminal's person and card store. Persons keep the order they were added in, which is the
// order searches return them in; editing a person keeps its place, deleting and adding it again
// moves it to the end. Cards are independent of persons, as on the device: deleting a person
// leaves its cards (S1 §4.1), and they count for the person again if it comes back. Faces are
// kept by FPID the same way (S1: UserInfo/Delete does not delete linked faces); a person's
// numOfFace is 1 whenever the library holds a face for its employeeNo.
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

    // The face library. Faces keep the order they were enrolled in.
    bool hasFace(const QString &fpid) const { return m_faces.contains(fpid); }
    std::optional<DeviceFace> face(const QString &fpid) const;
    const QStringList &faceIds() const { return m_faceOrder; }
    int faceCount() const { return int(m_faceOrder.size()); }
    // Enrols or replaces the face, and sets the person's numOfFace.
    void setFace(const QString &fpid, const QByteArray &jpeg);
    bool removeFace(const QString &fpid);
    void removeAllFaces();
    // The face whose picture has this number.
    std::optional<QString> faceIdByNumber(int number) const;

    // Persons, cards and faces.
    void clear();

private:
    void reindexPersons();
    void setNumOfFace(const QString &employeeNo, int count);

    QList<DevicePerson> m_persons;
    QHash<QString, qsizetype> m_index;
    QList<DeviceCard> m_cards;
    QHash<QString, DeviceFace> m_faces;
    QStringList m_faceOrder;
    int m_nextFaceNumber = 1;
};

} // namespace cis::sim
