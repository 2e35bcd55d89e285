// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiProtocol.h"

#include <QHash>
#include <QJsonArray>
#include <QStringList>
#include <algorithm>
#include <climits>
#include <cmath>

namespace cis::sim {

namespace {

IsapiStatus make(int statusCode, const char *statusString, const char *subStatusCode,
                 qint64 errorCode, const QString &errorMsg)
{
    IsapiStatus status;
    status.statusCode = statusCode;
    status.statusString = QLatin1String(statusString);
    status.subStatusCode = QLatin1String(subStatusCode);
    status.errorCode = errorCode;
    status.errorMsg = errorMsg;
    return status;
}

// The order real answers list their keys in. One list serves every object because no two
// objects the device writes order a shared pair of keys differently.
const QHash<QString, int> &keyRanks()
{
    static const QHash<QString, int> ranks = [] {
        const char *const keys[] = {
            // ResponseStatus
            "requestURL", "statusCode", "statusString", "subStatusCode", "errorCode", "errorMsg",
            // search answers and counts
            "searchID", "responseStatusStrg", "numOfMatches", "totalMatches", "userNumber",
            "bindFaceUserNumber", "bindFingerprintUserNumber", "bindCardUserNumber", "cardNumber",
            "status", "percent",
            // capabilities
            "supportFunction", "mode", "UserInfoSearchCond", "CardInfoSearchCond", "maxResults",
            "EmployeeNoList", "CardNoList", "maxSize", "fuzzySearch", "isSupportNumOfFace",
            "isSupportNumOfFP", "isSupportNumOfCard", "hasFace", "hasCard", "hasFingerprint",
            "UserInfoDelCond", "CardInfoDelCond",
            // persons (and their capability entries)
            "employeeNo", "name", "givenName", "familyName", "userType", "closeDelayEnabled",
            "Valid", "enable", "beginTime", "endTime", "timeRangeBegin", "timeRangeEnd", "timeType",
            "maxBelongGroup", "belongGroup", "password", "doorRight", "RightPlan", "doorNo",
            "maxPlanTemplate", "planTemplateNo", "maxOpenDoorTime", "openDoorTime", "roomNumber",
            "floorNumber", "localUIRight", "userVerifyMode", "maxRecordNum", "gender",
            "purePwdVerifyEnable", "PersonInfoExtends", "value", "numOfCard", "numOfFP",
            "numOfFace", "faceURL", "groupId", "localAtndPlanTemplateId",
            // cards
            "cardNo", "leaderCard", "cardType", "maxCardNum",
            // capability ranges
            "@min", "@max", "@opt"};
        QHash<QString, int> result;
        int rank = 0;
        for (const char *key : keys)
            result.insert(QLatin1String(key), rank++);
        return result;
    }();
    return ranks;
}

QStringList orderedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    const QHash<QString, int> &ranks = keyRanks();
    std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
        const int rankA = ranks.value(a, INT_MAX);
        const int rankB = ranks.value(b, INT_MAX);
        return rankA != rankB ? rankA < rankB : a < b;
    });
    return keys;
}

void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        default:
            if (c.unicode() < 0x20)
                out += "\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
            else
                out += QString(c).toUtf8();
        }
    }
    out += '"';
}

void appendValue(QByteArray &out, const QJsonValue &value, int depth);

void appendObject(QByteArray &out, const QJsonObject &object, int depth)
{
    if (object.isEmpty()) {
        out += "{}";
        return;
    }
    out += "{\n";
    const QStringList keys = orderedKeys(object);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        out += QByteArray(depth + 1, '\t');
        appendString(out, keys[i]);
        out += ":\t";
        appendValue(out, object.value(keys[i]), depth + 1);
        out += i + 1 < keys.size() ? ",\n" : "\n";
    }
    out += QByteArray(depth, '\t') + '}';
}

void appendArray(QByteArray &out, const QJsonArray &array, int depth)
{
    if (array.isEmpty()) {
        out += "[]";
        return;
    }
    out += "[";
    for (qsizetype i = 0; i < array.size(); ++i) {
        appendValue(out, array.at(i), depth);
        if (i + 1 < array.size())
            out += ", ";
    }
    out += "]";
}

void appendValue(QByteArray &out, const QJsonValue &value, int depth)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::floor(number) == number && std::fabs(number) < 9.0e15)
            out += QByteArray::number(qint64(number));
        else
            out += QByteArray::number(number, 'g', 17);
        return;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array:
        appendArray(out, value.toArray(), depth);
        return;
    case QJsonValue::Object:
        appendObject(out, value.toObject(), depth);
        return;
    }
}

} // namespace

IsapiStatus IsapiStatus::ok()
{
    return IsapiStatus();
}

IsapiStatus IsapiStatus::deviceBusy()
{
    return make(2, "Device Busy", "deviceBusy", 0x20000004, QStringLiteral("deviceBusy"));
}

IsapiStatus IsapiStatus::notSupport()
{
    return make(4, "Invalid Operation", "notSupport", 0x40000001, QStringLiteral("notSupport"));
}

IsapiStatus IsapiStatus::methodNotAllowed()
{
    return make(4, "Invalid Operation", "methodNotAllowed", 0x40000004,
                QStringLiteral("methodNotAllowed"));
}

IsapiStatus IsapiStatus::invalidOperation()
{
    return make(4, "Invalid Operation", "invalidOperation", 0x40000006,
                QStringLiteral("invalidOperation"));
}

IsapiStatus IsapiStatus::badXmlFormat()
{
    return make(5, "Invalid Format", "badXmlFormat", 0x50000001, QStringLiteral("badXmlFormat"));
}

IsapiStatus IsapiStatus::badJsonFormat()
{
    return make(5, "Invalid Format", "badJsonFormat", 0x50000002, QStringLiteral("badJsonFormat"));
}

IsapiStatus IsapiStatus::badParameters(const QString &field)
{
    return make(6, "Invalid Content", "badParameters", 0x60000001, field);
}

IsapiStatus IsapiStatus::badJsonContent(const QString &field)
{
    return make(6, "Invalid Content", "badJsonContent", 0x6000F001, field);
}

IsapiStatus IsapiStatus::messageParametersLack(const QString &field)
{
    return make(6, "Invalid Content", "MessageParametersLack", 0x60000019, field);
}

IsapiStatus IsapiStatus::employeeNoAlreadyExist()
{
    return make(6, "Invalid Content", "employeeNoAlreadyExist", 0x60006020,
                QStringLiteral("checkUser"));
}

IsapiStatus IsapiStatus::invalidContent(const QString &subStatusCode, qint64 errorCode,
                                        const QString &errorMsg)
{
    IsapiStatus status = make(6, "Invalid Content", "", errorCode, errorMsg);
    status.subStatusCode = subStatusCode;
    return status;
}

QJsonObject IsapiStatus::toJson() const
{
    QJsonObject object{{QStringLiteral("statusCode"), statusCode},
                       {QStringLiteral("statusString"), statusString},
                       {QStringLiteral("subStatusCode"), subStatusCode}};
    if (!isOk()) {
        object.insert(QStringLiteral("errorCode"), errorCode);
        object.insert(QStringLiteral("errorMsg"), errorMsg);
    }
    return object;
}

QByteArray IsapiStatus::toXml(const QString &requestUrl) const
{
    QString xml = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<ResponseStatus version=\"2.0\" xmlns=\"") +
                  kIsapiXmlNamespace + QStringLiteral("\">\n<requestURL>") +
                  xmlEscaped(requestUrl) + QStringLiteral("</requestURL>\n<statusCode>") +
                  QString::number(statusCode) + QStringLiteral("</statusCode>\n<statusString>") +
                  xmlEscaped(statusString) + QStringLiteral("</statusString>\n<subStatusCode>") +
                  xmlEscaped(subStatusCode) + QStringLiteral("</subStatusCode>\n");
    if (!isOk()) {
        xml += QStringLiteral("<errorCode>") + QString::number(errorCode) +
               QStringLiteral("</errorCode>\n<errorMsg>") + xmlEscaped(errorMsg) +
               QStringLiteral("</errorMsg>\n");
    }
    xml += QStringLiteral("</ResponseStatus>\n");
    return xml.toUtf8();
}

QByteArray writeIsapiJson(const QJsonObject &object)
{
    QByteArray out;
    appendObject(out, object, 0);
    return out;
}

QString xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace cis::sim
