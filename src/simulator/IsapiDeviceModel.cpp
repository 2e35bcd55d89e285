// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiDeviceModel.h"

#include <QRegularExpression>
#include <algorithm>
#include <utility>

namespace cis::sim {

QDateTime DevicePerson::localTime(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const auto number = [&match](int group) { return match.capturedView(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const QTime time(number(4), number(5), number(6));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

QString DevicePerson::timeText(const QDateTime &time)
{
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

bool operator==(const DevicePerson &a, const DevicePerson &b)
{
    return a.employeeNo == b.employeeNo && a.name == b.name && a.givenName == b.givenName &&
           a.familyName == b.familyName && a.userType == b.userType &&
           a.closeDelayEnabled == b.closeDelayEnabled && a.validEnabled == b.validEnabled &&
           a.beginTime == b.beginTime && a.endTime == b.endTime && a.belongGroup == b.belongGroup &&
           a.password == b.password && a.doorRight == b.doorRight && a.rightPlan == b.rightPlan &&
           a.maxOpenDoorTime == b.maxOpenDoorTime && a.openDoorTime == b.openDoorTime &&
           a.roomNumber == b.roomNumber && a.floorNumber == b.floorNumber &&
           a.localUIRight == b.localUIRight && a.userVerifyMode == b.userVerifyMode &&
           a.gender == b.gender && a.numOfFace == b.numOfFace && a.numOfFP == b.numOfFP;
}

std::optional<DevicePerson> IsapiDeviceModel::person(const QString &employeeNo) const
{
    const auto it = m_index.constFind(employeeNo);
    if (it == m_index.cend())
        return std::nullopt;
    return m_persons.at(*it);
}

void IsapiDeviceModel::upsertPerson(const DevicePerson &given)
{
    // A person write never touches the face library: a face already there stays (numOfFace is
    // read-only over ISAPI), and numOfFace set by a hook enrols a face without a picture.
    DevicePerson person = given;
    if (person.numOfFace > 0 && !m_faces.contains(person.employeeNo))
        setFace(person.employeeNo, {});
    if (m_faces.contains(person.employeeNo))
        person.numOfFace = std::max(person.numOfFace, 1);
    const auto it = m_index.constFind(person.employeeNo);
    if (it != m_index.cend()) {
        m_persons[*it] = person;
        return;
    }
    m_index.insert(person.employeeNo, m_persons.size());
    m_persons.append(person);
}

bool IsapiDeviceModel::removePerson(const QString &employeeNo)
{
    const auto it = m_index.constFind(employeeNo);
    if (it == m_index.cend())
        return false;
    m_persons.removeAt(*it);
    reindexPersons();
    return true;
}

void IsapiDeviceModel::removeAllPersons()
{
    m_persons.clear();
    m_index.clear();
}

void IsapiDeviceModel::reindexPersons()
{
    m_index.clear();
    for (qsizetype i = 0; i < m_persons.size(); ++i)
        m_index.insert(m_persons.at(i).employeeNo, i);
}

std::optional<DeviceCard> IsapiDeviceModel::card(const QString &cardNo) const
{
    for (const DeviceCard &each : m_cards) {
        if (each.cardNo == cardNo)
            return each;
    }
    return std::nullopt;
}

QList<DeviceCard> IsapiDeviceModel::cardsOf(const QString &employeeNo) const
{
    QList<DeviceCard> result;
    for (const DeviceCard &each : m_cards) {
        if (each.employeeNo == employeeNo)
            result.append(each);
    }
    return result;
}

int IsapiDeviceModel::cardCountOf(const QString &employeeNo) const
{
    return int(std::count_if(m_cards.cbegin(), m_cards.cend(), [&](const DeviceCard &each) {
        return each.employeeNo == employeeNo;
    }));
}

void IsapiDeviceModel::upsertCard(const DeviceCard &card)
{
    for (DeviceCard &each : m_cards) {
        if (each.cardNo == card.cardNo) {
            each = card;
            return;
        }
    }
    m_cards.append(card);
}

bool IsapiDeviceModel::removeCard(const QString &cardNo)
{
    return m_cards.removeIf([&](const DeviceCard &each) { return each.cardNo == cardNo; }) > 0;
}

int IsapiDeviceModel::removeCardsOf(const QString &employeeNo)
{
    return int(
        m_cards.removeIf([&](const DeviceCard &each) { return each.employeeNo == employeeNo; }));
}

void IsapiDeviceModel::removeAllCards()
{
    m_cards.clear();
}

std::optional<DeviceFace> IsapiDeviceModel::face(const QString &fpid) const
{
    const auto it = m_faces.constFind(fpid);
    if (it == m_faces.cend())
        return std::nullopt;
    return *it;
}

void IsapiDeviceModel::setFace(const QString &fpid, const QByteArray &jpeg)
{
    const auto it = m_faces.find(fpid);
    if (it != m_faces.end()) {
        it->jpeg = jpeg;
        ++it->revision;
    } else {
        DeviceFace face;
        face.jpeg = jpeg;
        face.number = m_nextFaceNumber++;
        m_faces.insert(fpid, face);
        m_faceOrder.append(fpid);
    }
    setNumOfFace(fpid, 1);
}

bool IsapiDeviceModel::removeFace(const QString &fpid)
{
    if (!m_faces.remove(fpid))
        return false;
    m_faceOrder.removeOne(fpid);
    setNumOfFace(fpid, 0);
    return true;
}

void IsapiDeviceModel::removeAllFaces()
{
    const QStringList ids = std::exchange(m_faceOrder, {});
    m_faces.clear();
    for (const QString &fpid : ids)
        setNumOfFace(fpid, 0);
}

std::optional<QString> IsapiDeviceModel::faceIdByNumber(int number) const
{
    for (auto it = m_faces.cbegin(); it != m_faces.cend(); ++it) {
        if (it->number == number)
            return it.key();
    }
    return std::nullopt;
}

void IsapiDeviceModel::setNumOfFace(const QString &employeeNo, int count)
{
    const auto it = m_index.constFind(employeeNo);
    if (it != m_index.cend())
        m_persons[*it].numOfFace = count;
}

void IsapiDeviceModel::clear()
{
    removeAllPersons();
    removeAllCards();
    removeAllFaces();
    m_nextFaceNumber = 1;
}

} // namespace cis::sim
