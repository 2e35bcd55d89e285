// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "PersonOutput.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

// The translation context of this file's messages, the same for lupdate and at run time.
struct PersonOutputTexts
{
    Q_DECLARE_TR_FUNCTIONS(PersonOutputTexts)
};

namespace cis::PersonOutput {

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString countOrDash(int value)
{
    return value < 0 ? QStringLiteral("-") : QString::number(value);
}

QJsonValue countOrNull(int value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

// Member numbers are the usual employeeNos: order "9" before "10".
bool employeeNoLess(const Person &a, const Person &b)
{
    bool aNumeric = false;
    bool bNumeric = false;
    const qulonglong aNumber = a.employeeNo.toULongLong(&aNumeric);
    const qulonglong bNumber = b.employeeNo.toULongLong(&bNumeric);
    if (aNumeric && bNumeric)
        return aNumber != bNumber ? aNumber < bNumber : a.employeeNo < b.employeeNo;
    if (aNumeric != bNumeric)
        return aNumeric;
    return a.employeeNo < b.employeeNo;
}

QString line(const QString &label, const QString &value)
{
    return QStringLiteral("%1 %2\n").arg(QString(label + QLatin1Char(':')).leftJustified(20),
                                         value);
}

} // namespace

QString validityTime(const QDateTime &time)
{
    return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QString deviceTable(const HikvisionClient::Probe &probe, const std::optional<PersonCount> &count)
{
    const DeviceInfo &info = probe.deviceInfo;
    const UserCapabilities &caps = probe.capabilities;
    QString text;
    text += line(PersonOutputTexts::tr("Device name"), orDash(info.deviceName));
    text += line(PersonOutputTexts::tr("Model"), orDash(info.model));
    text += line(PersonOutputTexts::tr("Firmware"),
                 orDash(QStringLiteral("%1 %2")
                            .arg(info.firmwareVersion, info.firmwareReleasedDate)
                            .trimmed()));
    text += line(PersonOutputTexts::tr("Serial number"), orDash(info.serialNumber));
    text += line(PersonOutputTexts::tr("MAC address"), orDash(info.macAddress));
    text +=
        line(PersonOutputTexts::tr("Capacity"),
             caps.maxRecordNum < 0 ? PersonOutputTexts::tr("not reported")
                                   : PersonOutputTexts::tr("%1 persons").arg(caps.maxRecordNum));
    if (count)
        text += line(PersonOutputTexts::tr("Persons"), QString::number(count->persons));
    text += line(PersonOutputTexts::tr("Page size"), QString::number(caps.searchMaxResults));
    text += line(PersonOutputTexts::tr("Name length"),
                 PersonOutputTexts::tr("%1 bytes").arg(caps.nameLength.max));
    text += line(PersonOutputTexts::tr("Valid time range"),
                 QStringLiteral("%1 – %2").arg(validityTime(caps.validTimeRangeBegin),
                                               validityTime(caps.validTimeRangeEnd)));
    text += line(PersonOutputTexts::tr("Profile"),
                 QStringLiteral("%1 (%2)").arg(probe.profile.id, probe.profile.description));
    if (!caps.reportedByDevice)
        text += PersonOutputTexts::tr(
                    "The device does not report its person capabilities; defaults are used.") +
                QLatin1Char('\n');
    return text;
}

QByteArray deviceJson(const HikvisionClient::Probe &probe, const std::optional<PersonCount> &count)
{
    const DeviceInfo &info = probe.deviceInfo;
    const UserCapabilities &caps = probe.capabilities;
    QJsonObject object{
        {QStringLiteral("deviceName"), info.deviceName},
        {QStringLiteral("model"), info.model},
        {QStringLiteral("firmwareVersion"), info.firmwareVersion},
        {QStringLiteral("firmwareReleasedDate"), info.firmwareReleasedDate},
        {QStringLiteral("serialNumber"), info.serialNumber},
        {QStringLiteral("macAddress"), info.macAddress},
        {QStringLiteral("capacity"), countOrNull(caps.maxRecordNum)},
        {QStringLiteral("pageSize"), caps.searchMaxResults},
        {QStringLiteral("nameMaxLength"), caps.nameLength.max},
        {QStringLiteral("employeeNoMaxLength"), caps.employeeNoLength.max},
        {QStringLiteral("validTimeRangeBegin"), validityTime(caps.validTimeRangeBegin)},
        {QStringLiteral("validTimeRangeEnd"), validityTime(caps.validTimeRangeEnd)},
        {QStringLiteral("capabilitiesReported"), caps.reportedByDevice},
        {QStringLiteral("profile"), probe.profile.id},
    };
    if (count)
        object.insert(QStringLiteral("persons"), count->persons);
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QString personTable(const QList<Person> &persons)
{
    QList<Person> sorted = persons;
    std::sort(sorted.begin(), sorted.end(), employeeNoLess);
    const QStringList headers{
        PersonOutputTexts::tr("Employee no."), PersonOutputTexts::tr("Name"),
        PersonOutputTexts::tr("Valid from"),   PersonOutputTexts::tr("Valid until"),
        PersonOutputTexts::tr("Valid"),        PersonOutputTexts::tr("Cards"),
        PersonOutputTexts::tr("Faces")};
    QList<QStringList> rows;
    for (const Person &person : sorted) {
        rows.append(
            {person.employeeNo, person.name, validityTime(person.validity.begin),
             validityTime(person.validity.end),
             person.validity.enabled ? PersonOutputTexts::tr("yes") : PersonOutputTexts::tr("no"),
             countOrDash(person.numOfCard), countOrDash(person.numOfFace)});
    }
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    auto format = [&](const QStringList &cells) -> QString {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            text += i + 1 == cells.size() ? cells[i] : cells[i].leftJustified(widths[i] + 2);
        }
        return text + QLatin1Char('\n');
    };
    QString text = format(headers);
    for (const QStringList &row : rows)
        text += format(row);
    text += PersonOutputTexts::tr("Total: %1").arg(sorted.size()) + QLatin1Char('\n');
    return text;
}

QByteArray personJson(const QList<Person> &persons)
{
    QList<Person> sorted = persons;
    std::sort(sorted.begin(), sorted.end(), employeeNoLess);
    QJsonArray array;
    for (const Person &person : sorted) {
        array.append(QJsonObject{
            {QStringLiteral("employeeNo"), person.employeeNo},
            {QStringLiteral("name"), person.name},
            {QStringLiteral("userType"), person.userType},
            {QStringLiteral("valid"),
             QJsonObject{{QStringLiteral("enable"), person.validity.enabled},
                         {QStringLiteral("beginTime"), validityTime(person.validity.begin)},
                         {QStringLiteral("endTime"), validityTime(person.validity.end)}}},
            {QStringLiteral("numOfCard"), countOrNull(person.numOfCard)},
            {QStringLiteral("numOfFace"), countOrNull(person.numOfFace)},
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QString countText(const PersonCount &count)
{
    return PersonOutputTexts::tr("Persons: %1").arg(count.persons) + QLatin1Char('\n');
}

QByteArray countJson(const PersonCount &count)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("persons"), count.persons},
                                     {QStringLiteral("withCard"), countOrNull(count.withCard)},
                                     {QStringLiteral("withFace"), countOrNull(count.withFace)}})
        .toJson(QJsonDocument::Indented);
}

} // namespace cis::PersonOutput
