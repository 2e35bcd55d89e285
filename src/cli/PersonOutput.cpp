#include "PersonOutput.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace cis::PersonOutput {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PersonOutput", text);
}

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
    text += line(tr("Device name"), orDash(info.deviceName));
    text += line(tr("Model"), orDash(info.model));
    text += line(tr("Firmware"), orDash(QStringLiteral("%1 %2")
                                            .arg(info.firmwareVersion, info.firmwareReleasedDate)
                                            .trimmed()));
    text += line(tr("Serial number"), orDash(info.serialNumber));
    text += line(tr("MAC address"), orDash(info.macAddress));
    text += line(tr("Capacity"), caps.maxRecordNum < 0 ? tr("not reported")
                                                       : tr("%1 persons").arg(caps.maxRecordNum));
    if (count)
        text += line(tr("Persons"), QString::number(count->persons));
    text += line(tr("Page size"), QString::number(caps.searchMaxResults));
    text += line(tr("Name length"), tr("%1 bytes").arg(caps.nameLength.max));
    text += line(tr("Valid time range"),
                 QStringLiteral("%1 – %2").arg(validityTime(caps.validTimeRangeBegin),
                                               validityTime(caps.validTimeRangeEnd)));
    text += line(tr("Profile"),
                 QStringLiteral("%1 (%2)").arg(probe.profile.id, probe.profile.description));
    if (!caps.reportedByDevice)
        text += tr("The device does not report its person capabilities; defaults are used.") +
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
    const QStringList headers{tr("Employee no."), tr("Name"),  tr("Valid from"), tr("Valid until"),
                              tr("Valid"),        tr("Cards"), tr("Faces")};
    QList<QStringList> rows;
    for (const Person &person : sorted) {
        rows.append({person.employeeNo, person.name, validityTime(person.validity.begin),
                     validityTime(person.validity.end),
                     person.validity.enabled ? tr("yes") : tr("no"), countOrDash(person.numOfCard),
                     countOrDash(person.numOfFace)});
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
    text += tr("Total: %1").arg(sorted.size()) + QLatin1Char('\n');
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
    return tr("Persons: %1").arg(count.persons) + QLatin1Char('\n');
}

QByteArray countJson(const PersonCount &count)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("persons"), count.persons},
                                     {QStringLiteral("withCard"), countOrNull(count.withCard)},
                                     {QStringLiteral("withFace"), countOrNull(count.withFace)}})
        .toJson(QJsonDocument::Indented);
}

} // namespace cis::PersonOutput
