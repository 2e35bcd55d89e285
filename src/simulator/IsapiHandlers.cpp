// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiHandlers.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <functional>

namespace cis::sim::isapi {

namespace {

// An error, or nothing when the check passed.
using Check = std::optional<IsapiStatus>;

QString key(const char *name)
{
    return QLatin1String(name);
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

Check readString(const QJsonObject &object, const char *name, std::optional<QString> &out)
{
    out.reset();
    const QJsonValue value = object.value(key(name));
    if (isAbsent(value))
        return {};
    if (!value.isString())
        return IsapiStatus::badJsonContent(key(name));
    out = value.toString();
    return {};
}

Check readBool(const QJsonObject &object, const char *name, std::optional<bool> &out)
{
    out.reset();
    const QJsonValue value = object.value(key(name));
    if (isAbsent(value))
        return {};
    if (!value.isBool())
        return IsapiStatus::badJsonContent(key(name));
    out = value.toBool();
    return {};
}

Check readInt(const QJsonObject &object, const char *name, std::optional<qint64> &out)
{
    out.reset();
    const QJsonValue value = object.value(key(name));
    if (isAbsent(value))
        return {};
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number || std::fabs(number) > 9.0e15)
        return IsapiStatus::badJsonContent(key(name));
    out = qint64(number);
    return {};
}

Check require(const QJsonObject &object, const char *name)
{
    if (isAbsent(object.value(key(name))))
        return IsapiStatus::messageParametersLack(key(name));
    return {};
}

// The request's root object, which must be there (S2: "errorMsg" names it).
Check rootObject(const QJsonObject &body, const char *name, QJsonObject &out)
{
    const QJsonValue value = body.value(key(name));
    if (isAbsent(value))
        return IsapiStatus::messageParametersLack(key(name));
    if (!value.isObject())
        return IsapiStatus::badJsonContent(key(name));
    out = value.toObject();
    return {};
}

qsizetype byteLength(const QString &text)
{
    return text.toUtf8().size();
}

qsizetype lengthOf(const QString &text, NameLengthUnit unit)
{
    return unit == NameLengthUnit::Utf8Bytes ? byteLength(text) : text.toUcs4().size();
}

Check checkEmployeeNo(const QString &employeeNo, const IsapiRules &rules)
{
    if (!rules.limits.employeeNo.contains(byteLength(employeeNo)))
        return IsapiStatus::badParameters(QStringLiteral("employeeNo"));
    return {};
}

// The employeeNo of a person or card object: required, a string, within the capability.
Check readEmployeeNo(const QJsonObject &object, const IsapiRules &rules, QString &out)
{
    if (Check missing = require(object, "employeeNo"))
        return missing;
    std::optional<QString> value;
    if (Check wrong = readString(object, "employeeNo", value))
        return wrong;
    out = *value;
    return checkEmployeeNo(out, rules);
}

// An EmployeeNoList or CardNoList: absent, null or empty all give an empty list.
Check readIdList(const QJsonObject &object, const char *listName, const char *idName, int maxSize,
                 QStringList &out)
{
    const QJsonValue value = object.value(key(listName));
    if (isAbsent(value))
        return {};
    if (!value.isArray())
        return IsapiStatus::badJsonContent(key(listName));
    const QJsonArray list = value.toArray();
    // [U] the error for a list longer than the capability allows.
    if (list.size() > maxSize)
        return IsapiStatus::badParameters(key(listName));
    for (const QJsonValue &entry : list) {
        if (!entry.isObject())
            return IsapiStatus::badJsonContent(key(listName));
        if (Check missing = require(entry.toObject(), idName))
            return missing;
        std::optional<QString> id;
        if (Check wrong = readString(entry.toObject(), idName, id))
            return wrong;
        out.append(*id);
    }
    return {};
}

Check readOption(const QJsonObject &object, const char *name, const QStringList &options,
                 std::optional<QString> &out)
{
    if (Check wrong = readString(object, name, out))
        return wrong;
    if (out && !options.isEmpty() && !options.contains(*out))
        return IsapiStatus::badParameters(key(name));
    return {};
}

Check readRangedInt(const QJsonObject &object, const char *name, IntRange range, int &out)
{
    std::optional<qint64> value;
    if (Check wrong = readInt(object, name, value))
        return wrong;
    if (!value)
        return {};
    if (!range.contains(*value))
        return IsapiStatus::badParameters(key(name));
    out = int(*value);
    return {};
}

// A validity time. Local times have no offset; UTC times may carry one (S1 §6.1.143) and are
// stored as the device's local time.
Check parseTime(const QString &text, const QString &timeType, const char *field,
                const QTimeZone &deviceZone, QDateTime &out)
{
    if (timeType != QLatin1String("UTC")) {
        out = DevicePerson::localTime(text);
        return out.isValid() ? Check() : IsapiStatus::badJsonContent(key(field));
    }
    static const QRegularExpression pattern(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(Z|([+-])(\\d{2}):(\\d{2}))?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    const QDateTime wall =
        match.hasMatch() ? DevicePerson::localTime(match.captured(1)) : QDateTime();
    if (!wall.isValid())
        return IsapiStatus::badJsonContent(key(field));
    int offset = 0;
    if (!match.captured(3).isEmpty()) {
        offset = match.capturedView(4).toInt() * 3600 + match.capturedView(5).toInt() * 60;
        if (match.captured(3) == QLatin1String("-"))
            offset = -offset;
    }
    const QDateTime local =
        QDateTime(wall.date(), wall.time(), QTimeZone(offset)).toTimeZone(deviceZone);
    out = QDateTime(local.date(), local.time(), Qt::UTC);
    return {};
}

Check readDoorRight(const QJsonObject &object, const IsapiRules &rules, std::optional<QString> &out)
{
    if (Check wrong = readString(object, "doorRight", out))
        return wrong;
    if (!out || out->isEmpty())
        return {};
    for (const QString &door : out->split(u',')) {
        bool ok = false;
        const int number = door.trimmed().toInt(&ok);
        if (!ok || !rules.limits.doorRight.contains(number))
            return IsapiStatus::badParameters(QStringLiteral("doorRight"));
    }
    return {};
}

Check readRightPlan(const QJsonObject &object, const IsapiRules &rules,
                    std::optional<QList<RightPlanEntry>> &out)
{
    const QJsonValue value = object.value(QLatin1String("RightPlan"));
    if (isAbsent(value))
        return {};
    if (!value.isArray())
        return IsapiStatus::badJsonContent(QStringLiteral("RightPlan"));
    const QJsonArray plans = value.toArray();
    if (plans.size() > rules.limits.rightPlanMaxSize)
        return IsapiStatus::badParameters(QStringLiteral("RightPlan"));
    QList<RightPlanEntry> entries;
    for (const QJsonValue &plan : plans) {
        if (!plan.isObject())
            return IsapiStatus::badJsonContent(QStringLiteral("RightPlan"));
        const QJsonObject entry = plan.toObject();
        RightPlanEntry parsed;
        if (Check missing = require(entry, "doorNo"))
            return missing;
        if (Check wrong = readRangedInt(entry, "doorNo", rules.limits.doorNo, parsed.doorNo))
            return wrong;
        if (Check missing = require(entry, "planTemplateNo"))
            return missing;
        // Devices return a string (S2, S3); a number is accepted too [U].
        const QJsonValue templateValue = entry.value(QLatin1String("planTemplateNo"));
        qint64 templateNo = 0;
        if (templateValue.isString()) {
            bool ok = false;
            templateNo = templateValue.toString().toLongLong(&ok);
            if (!ok)
                return IsapiStatus::badJsonContent(QStringLiteral("planTemplateNo"));
        } else {
            std::optional<qint64> number;
            if (Check wrong = readInt(entry, "planTemplateNo", number))
                return wrong;
            templateNo = *number;
        }
        // 65533..65535 are the built-in templates (S6).
        if (!rules.limits.planTemplateNo.contains(templateNo) &&
            !(templateNo >= 65533 && templateNo <= 65535))
            return IsapiStatus::badParameters(QStringLiteral("planTemplateNo"));
        parsed.planTemplateNo = QString::number(templateNo);
        entries.append(parsed);
    }
    out = entries;
    return {};
}

// Writes the fields given in userInfo over person, which holds the stored values (or the
// defaults of a new person). creating demands what Record demands.
Check applyPersonFields(const QJsonObject &userInfo, DevicePerson &person, bool creating,
                        const IsapiRules &rules)
{
    const DeviceLimits &limits = rules.limits;
    if (creating) {
        for (const char *required : {"userType", "Valid"}) {
            if (Check missing = require(userInfo, required))
                return missing;
        }
        const QJsonObject valid = userInfo.value(QLatin1String("Valid")).toObject();
        if (userInfo.value(QLatin1String("Valid")).isObject()) {
            for (const char *required : {"enable", "beginTime", "endTime"}) {
                if (Check missing = require(valid, required))
                    return missing;
            }
        }
        if (rules.profile.recordRequiresRightPlan) {
            if (Check missing = require(userInfo, "RightPlan"))
                return missing;
        }
        if (rules.profile.recordRequiresDoorRight) {
            if (Check missing = require(userInfo, "doorRight"))
                return missing;
        }
        if (rules.profile.splitNames) {
            for (const char *required : {"givenName", "familyName"}) {
                if (Check missing = require(userInfo, required))
                    return missing;
            }
        }
    }

    DevicePerson result = person;
    std::optional<QString> text;
    if (Check wrong = readString(userInfo, "name", text))
        return wrong;
    if (text) {
        if (!limits.name.contains(lengthOf(*text, rules.nameLengthUnit)))
            return IsapiStatus::badParameters(QStringLiteral("name"));
        result.name = *text;
    }
    if (rules.profile.splitNames) {
        std::optional<QString> given;
        std::optional<QString> family;
        if (Check wrong = readString(userInfo, "givenName", given))
            return wrong;
        if (Check wrong = readString(userInfo, "familyName", family))
            return wrong;
        if (given && !limits.givenName.contains(lengthOf(*given, rules.nameLengthUnit)))
            return IsapiStatus::badParameters(QStringLiteral("givenName"));
        if (family && !limits.familyName.contains(lengthOf(*family, rules.nameLengthUnit)))
            return IsapiStatus::badParameters(QStringLiteral("familyName"));
        result.givenName = given.value_or(result.givenName);
        result.familyName = family.value_or(result.familyName);
        if (!text && (given || family))
            result.name = QString(result.givenName + u' ' + result.familyName).trimmed();
    }
    if (Check wrong = readOption(userInfo, "userType", limits.userTypes, text))
        return wrong;
    result.userType = text.value_or(result.userType);

    std::optional<bool> flag;
    if (Check wrong = readBool(userInfo, "closeDelayEnabled", flag))
        return wrong;
    result.closeDelayEnabled = flag.value_or(result.closeDelayEnabled);
    if (Check wrong = readBool(userInfo, "localUIRight", flag))
        return wrong;
    result.localUIRight = flag.value_or(result.localUIRight);
    for (const char *ignored : {"doubleLockRight", "checkUser", "addUser", "deleteUser"}) {
        if (Check wrong = readBool(userInfo, ignored, flag))
            return wrong;
    }

    const QJsonValue validValue = userInfo.value(QLatin1String("Valid"));
    bool validGiven = false;
    if (!isAbsent(validValue)) {
        if (!validValue.isObject())
            return IsapiStatus::badJsonContent(QStringLiteral("Valid"));
        validGiven = true;
        const QJsonObject valid = validValue.toObject();
        if (Check wrong = readBool(valid, "enable", flag))
            return wrong;
        result.validEnabled = flag.value_or(result.validEnabled);
        std::optional<QString> timeType;
        if (Check wrong = readOption(valid, "timeType", limits.timeTypes, timeType))
            return wrong;
        const QString type = timeType.value_or(QStringLiteral("local"));
        for (const char *field : {"beginTime", "endTime"}) {
            std::optional<QString> value;
            if (Check wrong = readString(valid, field, value))
                return wrong;
            if (!value)
                continue;
            QDateTime time;
            if (Check wrong = parseTime(*value, type, field, rules.deviceTimeZone, time))
                return wrong;
            if (time < limits.timeRangeBegin || time > limits.timeRangeEnd)
                return IsapiStatus::badParameters(key(field));
            (qstrcmp(field, "beginTime") == 0 ? result.beginTime : result.endTime) = time;
        }
    }

    if (Check wrong = readString(userInfo, "belongGroup", text))
        return wrong;
    if (text) {
        if (text->split(u',', Qt::SkipEmptyParts).size() > limits.maxBelongGroup)
            return IsapiStatus::badParameters(QStringLiteral("belongGroup"));
        result.belongGroup = *text;
    }
    if (Check wrong = readString(userInfo, "password", text))
        return wrong;
    if (text) {
        if (!text->isEmpty() && !limits.password.contains(byteLength(*text)))
            return IsapiStatus::badParameters(QStringLiteral("password"));
        result.password = *text;
    }
    std::optional<QString> doorRight;
    if (Check wrong = readDoorRight(userInfo, rules, doorRight))
        return wrong;
    if (doorRight)
        result.doorRight = *doorRight;
    else if (creating)
        result.doorRight.clear();
    std::optional<QList<RightPlanEntry>> rightPlan;
    if (Check wrong = readRightPlan(userInfo, rules, rightPlan))
        return wrong;
    if (rightPlan)
        result.rightPlan = *rightPlan;
    else if (creating)
        result.rightPlan.clear();

    if (Check wrong = readRangedInt(userInfo, "maxOpenDoorTime", limits.maxOpenDoorTime,
                                    result.maxOpenDoorTime))
        return wrong;
    if (Check wrong = readRangedInt(userInfo, "roomNumber", limits.roomNumber, result.roomNumber))
        return wrong;
    if (Check wrong =
            readRangedInt(userInfo, "floorNumber", limits.floorNumber, result.floorNumber))
        return wrong;
    if (Check wrong = readOption(userInfo, "userVerifyMode", limits.userVerifyModes, text))
        return wrong;
    result.userVerifyMode = text.value_or(result.userVerifyMode);
    if (Check wrong = readOption(userInfo, "gender", limits.genders, text))
        return wrong;
    result.gender = text.value_or(result.gender);

    // S6: with enable true, beginTime must be strictly earlier than endTime; S4 saw the
    // inverted window refused with invalidOperation.
    if ((validGiven || creating) && result.validEnabled && !(result.beginTime < result.endTime))
        return IsapiStatus::invalidOperation();

    person = result;
    return {};
}

// Record semantics for a person that is not there yet (Record, Modify with addUser, SetUp).
IsapiReply createPerson(IsapiDeviceModel &model, const QJsonObject &userInfo,
                        const QString &employeeNo, const IsapiRules &rules)
{
    DevicePerson person;
    person.employeeNo = employeeNo;
    if (Check error = applyPersonFields(userInfo, person, true, rules))
        return IsapiReply::of(*error);
    if (!model.contains(employeeNo) && model.personCount() >= rules.limits.maxRecordNum)
        return IsapiReply::of(deviceUserFull());
    model.upsertPerson(person);
    return IsapiReply::of(IsapiStatus::ok());
}

IsapiReply editPerson(IsapiDeviceModel &model, const QJsonObject &userInfo, DevicePerson person,
                      const IsapiRules &rules)
{
    if (Check error = applyPersonFields(userInfo, person, false, rules))
        return IsapiReply::of(*error);
    model.upsertPerson(person);
    return IsapiReply::of(IsapiStatus::ok());
}

// The searchID, searchResultPosition and maxResults every search needs (S1 §6.1.149).
struct Paging
{
    QString searchId;
    qint64 position = 0;
    qint64 maxResults = 0;
};

Check readPaging(const QJsonObject &condition, int pageCap, Paging &out)
{
    for (const char *required : {"searchID", "searchResultPosition", "maxResults"}) {
        if (Check missing = require(condition, required))
            return missing;
    }
    std::optional<QString> searchId;
    if (Check wrong = readString(condition, "searchID", searchId))
        return wrong;
    // The capability allows 1..36 characters (S1 §6.1.60), which fits a bare UUID.
    if (searchId->isEmpty() || byteLength(*searchId) > 36)
        return IsapiStatus::badParameters(QStringLiteral("searchID"));
    std::optional<qint64> position;
    std::optional<qint64> maxResults;
    if (Check wrong = readInt(condition, "searchResultPosition", position))
        return wrong;
    if (Check wrong = readInt(condition, "maxResults", maxResults))
        return wrong;
    if (*position < 0)
        return IsapiStatus::badParameters(QStringLiteral("searchResultPosition"));
    if (*maxResults < 1)
        return IsapiStatus::badParameters(QStringLiteral("maxResults"));
    out.searchId = *searchId;
    out.position = *position;
    // S1: more than the capability allows gives the capability's maximum, without an error.
    out.maxResults = std::min<qint64>(*maxResults, pageCap);
    return {};
}

template<typename T>
QJsonObject searchAnswer(const Paging &paging, const QList<const T *> &matched,
                         const char *listName, const std::function<QJsonObject(const T &)> &toJson)
{
    const qint64 total = matched.size();
    const qint64 start = std::min(paging.position, total);
    const qint64 count = std::min(paging.maxResults, total - start);
    QJsonObject answer{{QStringLiteral("searchID"), paging.searchId},
                       {QStringLiteral("numOfMatches"), count},
                       {QStringLiteral("totalMatches"), total}};
    // "NO MATCH" with a space (S1 §6.1.148; S2 and S5 captures). A position past the end
    // answers the same way [U].
    QString state = QStringLiteral("OK");
    if (count == 0)
        state = QStringLiteral("NO MATCH");
    else if (start + count < total)
        state = QStringLiteral("MORE");
    answer.insert(QStringLiteral("responseStatusStrg"), state);
    if (count > 0) {
        QJsonArray list;
        for (qint64 i = start; i < start + count; ++i)
            list.append(toJson(*matched.at(qsizetype(i))));
        answer.insert(QLatin1String(listName), list);
    }
    return answer;
}

IsapiStatus withCode(const char *subStatusCode, qint64 errorCode, const char *errorMsg)
{
    return IsapiStatus::invalidContent(QLatin1String(subStatusCode), errorCode,
                                       QLatin1String(errorMsg));
}

} // namespace

IsapiStatus missingPerson(MissingPersonError style)
{
    switch (style) {
    case MissingPersonError::EmployeeNoNotExist:
        return withCode("employeeNoNotExist", 0x6000F002, "employeeNo");
    case MissingPersonError::DeviceUserNotExist:
        return withCode("deviceUserNotExist", 0x60007001, "employeeNo");
    case MissingPersonError::UserNotExist:
        return withCode("userNotExist", 0x6000F003, "employeeNo");
    case MissingPersonError::BadJsonContent:
        return IsapiStatus::badJsonContent(QStringLiteral("employeeNo"));
    }
    return IsapiStatus::badJsonContent(QStringLiteral("employeeNo"));
}

IsapiStatus deviceUserFull()
{
    return withCode("deviceUserFull", 0x6000F006, "maxRecordNum");
}

IsapiStatus cardNoAlreadyExist()
{
    return withCode("cardNoAlreadyExist", 0x6000F004, "cardNo");
}

IsapiStatus cardNoNotExist()
{
    return withCode("cardNoNotExist", 0x6000F005, "cardNo");
}

int cardNoMaxLength(const IsapiRules &rules)
{
    return rules.strictCardNo ? std::min(20, rules.profile.cardNoMaxLength)
                              : rules.profile.cardNoMaxLength;
}

bool isValidCardNo(const QString &cardNo, const IsapiRules &rules)
{
    if (cardNo.isEmpty() || byteLength(cardNo) > cardNoMaxLength(rules))
        return false;
    if (!rules.strictCardNo)
        return true;
    return std::all_of(cardNo.cbegin(), cardNo.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
               c == u'-';
    });
}

QString enrolledFacePath(const DeviceFace &face)
{
    return QStringLiteral("/LOCALS/pic/enrlFace/0/") +
           QString::number(face.number).rightJustified(10, u'0') + QStringLiteral(".jpg@WEB") +
           QString::number(9 + face.revision).rightJustified(12, u'0');
}

namespace {

IsapiStatus deviceCardFull()
{
    return withCode("deviceCardFull", 0x6000F007, "maxCardNum");
}

} // namespace

namespace {

constexpr qint64 kMaxSerialNo = 3000000000LL;

QJsonObject eventJson(const DeviceEvent &event, bool zeroFilled)
{
    QJsonObject json{{QStringLiteral("major"), event.major},
                     {QStringLiteral("minor"), event.minor},
                     {QStringLiteral("time"), event.time},
                     {QStringLiteral("serialNo"), event.serialNo},
                     {QStringLiteral("currentVerifyMode"), event.verifyMode}};
    const auto text = [&](const char *key, const QString &value) {
        if (zeroFilled || !value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    const auto number = [&](const char *key, int value) {
        if (zeroFilled || value != 0)
            json.insert(QLatin1String(key), value);
    };
    text("employeeNoString", event.employeeNo);
    text("name", event.name);
    text("cardNo", event.cardNo);
    text("userType", event.userType);
    text("pictureURL", event.pictureUrl);
    text("mask", event.mask);
    number("doorNo", event.doorNo);
    number("cardReaderNo", event.cardReaderNo);
    number("type", 0);
    if (!event.pictureUrl.isEmpty() || zeroFilled)
        json.insert(QStringLiteral("picturesNumber"), event.pictureUrl.isEmpty() ? 0 : 1);
    if (zeroFilled) {
        json.insert(QStringLiteral("cardType"), 0);
        json.insert(QStringLiteral("whiteListNo"), 0);
        json.insert(QStringLiteral("reportChannel"), 0);
        json.insert(QStringLiteral("cardReaderKind"), 0);
        json.insert(QStringLiteral("verifyNo"), 0);
        json.insert(QStringLiteral("MACAddr"), QString());
        json.insert(QStringLiteral("netUser"), QString());
        json.insert(QStringLiteral("remoteHostAddr"), QString());
    }
    return json;
}

// The major/minor pair every condition must carry (0 = any), and whether an event has it.
Check readEventClass(const QJsonObject &condition, qint64 &major, qint64 &minor)
{
    for (const char *required : {"major", "minor"}) {
        if (Check missing = require(condition, required))
            return missing;
    }
    std::optional<qint64> majorValue;
    std::optional<qint64> minorValue;
    if (Check wrong = readInt(condition, "major", majorValue))
        return wrong;
    if (Check wrong = readInt(condition, "minor", minorValue))
        return wrong;
    major = *majorValue;
    minor = *minorValue;
    return {};
}

bool inClass(const DeviceEvent &event, qint64 major, qint64 minor)
{
    return (major == 0 || event.major == major) && (minor == 0 || event.minor == minor);
}

} // namespace

IsapiReply searchEvents(const DeviceEventLog &log, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject condition;
    if (Check error = rootObject(body, "AcsEventCond", condition))
        return IsapiReply::of(*error);
    Paging paging;
    if (Check error = readPaging(condition, rules.eventPageCap, paging))
        return IsapiReply::of(*error);
    qint64 major = 0;
    qint64 minor = 0;
    if (Check error = readEventClass(condition, major, minor))
        return IsapiReply::of(*error);
    std::optional<qint64> beginSerial;
    std::optional<qint64> endSerial;
    if (Check error = readInt(condition, "beginSerialNo", beginSerial))
        return IsapiReply::of(*error);
    if (Check error = readInt(condition, "endSerialNo", endSerial))
        return IsapiReply::of(*error);
    if (beginSerial && !endSerial && rules.eventsNeedEndSerialNo)
        return IsapiReply::of(IsapiStatus::messageParametersLack(QStringLiteral("endSerialNo")));
    if (beginSerial && (*beginSerial < 1 || *beginSerial > kMaxSerialNo))
        return IsapiReply::of(IsapiStatus::badParameters(QStringLiteral("beginSerialNo")));
    if (endSerial && (*endSerial < 1 || *endSerial > kMaxSerialNo))
        return IsapiReply::of(IsapiStatus::badParameters(QStringLiteral("endSerialNo")));
    std::optional<QString> startText;
    std::optional<QString> endText;
    if (Check error = readString(condition, "startTime", startText))
        return IsapiReply::of(*error);
    if (Check error = readString(condition, "endTime", endText))
        return IsapiReply::of(*error);
    QDateTime start;
    QDateTime end;
    for (const auto &[name, value, out] :
         {std::tuple{"startTime", startText, &start}, std::tuple{"endTime", endText, &end}}) {
        if (!value)
            continue;
        if (rules.eventsRejectTimeRange)
            return IsapiReply::of(IsapiStatus::badJsonContent(QLatin1String(name)));
        *out = QDateTime::fromString(*value, Qt::ISODate);
        if (!out->isValid())
            return IsapiReply::of(IsapiStatus::badJsonContent(QLatin1String(name)));
    }
    std::optional<QString> employeeNo;
    std::optional<QString> cardNo;
    std::optional<QString> name;
    std::optional<bool> newestFirst;
    if (Check error = readString(condition, "employeeNoString", employeeNo))
        return IsapiReply::of(*error);
    if (Check error = readString(condition, "cardNo", cardNo))
        return IsapiReply::of(*error);
    if (Check error = readString(condition, "name", name))
        return IsapiReply::of(*error);
    if (Check error = readBool(condition, "timeReverseOrder", newestFirst))
        return IsapiReply::of(*error);

    QList<const DeviceEvent *> matched;
    // The log is in serial order (a factory reset empties it): the range starts where the
    // first serial asked for is.
    const auto &events = log.events();
    auto from = events.cbegin();
    if (beginSerial)
        from = std::lower_bound(
            events.cbegin(), events.cend(), *beginSerial,
            [](const DeviceEvent &event, qint64 serial) { return event.serialNo < serial; });
    const qint64 startMs = start.isValid() ? start.toMSecsSinceEpoch() : 0;
    const qint64 endMs = end.isValid() ? end.toMSecsSinceEpoch() : 0;
    for (auto it = from; it != events.cend(); ++it) {
        const DeviceEvent &event = *it;
        if (endSerial && event.serialNo > *endSerial)
            break;
        if (!inClass(event, major, minor))
            continue;
        if (beginSerial && rules.eventsBeginExclusive && event.serialNo == *beginSerial)
            continue;
        if ((start.isValid() && event.instantMs < startMs) ||
            (end.isValid() && event.instantMs > endMs))
            continue;
        if ((employeeNo && !employeeNo->isEmpty() && event.employeeNo != *employeeNo) ||
            (cardNo && !cardNo->isEmpty() && event.cardNo != *cardNo) ||
            (name && !name->isEmpty() && event.name != *name))
            continue;
        matched.append(&event);
    }
    // In time order, as terminals list them; a clock set back puts later serials first.
    const auto earlier = [](const DeviceEvent *a, const DeviceEvent *b) {
        return a->instantMs < b->instantMs;
    };
    if (!std::is_sorted(matched.cbegin(), matched.cend(), earlier))
        std::stable_sort(matched.begin(), matched.end(), earlier);
    if (newestFirst.value_or(false))
        std::reverse(matched.begin(), matched.end());
    const bool zeroFilled = rules.eventsZeroFilled;
    const std::function<QJsonObject(const DeviceEvent &)> toJson =
        [zeroFilled](const DeviceEvent &event) { return eventJson(event, zeroFilled); };
    return IsapiReply::data(QJsonObject{
        {QStringLiteral("AcsEvent"), searchAnswer(paging, matched, "InfoList", toJson)}});
}

IsapiReply countEvents(const DeviceEventLog &log, const QJsonObject &body)
{
    QJsonObject condition;
    if (Check error = rootObject(body, "AcsEventTotalNumCond", condition))
        return IsapiReply::of(*error);
    qint64 major = 0;
    qint64 minor = 0;
    if (Check error = readEventClass(condition, major, minor))
        return IsapiReply::of(*error);
    qint64 total = 0;
    for (const DeviceEvent &event : log.events())
        total += inClass(event, major, minor) ? 1 : 0;
    return IsapiReply::data(QJsonObject{
        {QStringLiteral("AcsEventTotalNum"), QJsonObject{{QStringLiteral("totalNum"), total}}}});
}

QJsonObject personJson(const DevicePerson &person, const IsapiDeviceModel &model,
                       const IsapiRules &rules)
{
    QJsonArray rightPlan;
    for (const RightPlanEntry &entry : person.rightPlan) {
        rightPlan.append(QJsonObject{{QStringLiteral("doorNo"), entry.doorNo},
                                     {QStringLiteral("planTemplateNo"), entry.planTemplateNo}});
    }
    QJsonObject json{
        {QStringLiteral("employeeNo"), person.employeeNo},
        {QStringLiteral("name"), person.name},
        {QStringLiteral("userType"), person.userType},
        {QStringLiteral("closeDelayEnabled"), person.closeDelayEnabled},
        {QStringLiteral("Valid"),
         QJsonObject{{QStringLiteral("enable"), person.validEnabled},
                     {QStringLiteral("beginTime"), DevicePerson::timeText(person.beginTime)},
                     {QStringLiteral("endTime"), DevicePerson::timeText(person.endTime)},
                     {QStringLiteral("timeType"), QStringLiteral("local")}}},
        {QStringLiteral("belongGroup"), person.belongGroup},
        {QStringLiteral("password"), QString()},
        {QStringLiteral("doorRight"), person.doorRight},
        {QStringLiteral("RightPlan"), rightPlan},
        {QStringLiteral("maxOpenDoorTime"), person.maxOpenDoorTime},
        {QStringLiteral("openDoorTime"), person.openDoorTime},
        {QStringLiteral("roomNumber"), person.roomNumber},
        {QStringLiteral("floorNumber"), person.floorNumber},
        {QStringLiteral("localUIRight"), person.localUIRight},
        {QStringLiteral("gender"), person.gender},
        {QStringLiteral("numOfCard"), model.cardCountOf(person.employeeNo)},
        {QStringLiteral("numOfFP"), person.numOfFP},
        {QStringLiteral("numOfFace"), person.numOfFace},
    };
    if (rules.profile.splitNames) {
        json.insert(QStringLiteral("givenName"), person.givenName);
        json.insert(QStringLiteral("familyName"), person.familyName);
    }
    if (!person.userVerifyMode.isEmpty())
        json.insert(QStringLiteral("userVerifyMode"), person.userVerifyMode);
    if (rules.profile.faceUrls) {
        // The shape of the S3 capture's faceURL; the picture is served there (S32).
        if (const std::optional<DeviceFace> face = model.face(person.employeeNo))
            json.insert(QStringLiteral("faceURL"),
                        QString(rules.deviceUrl + enrolledFacePath(*face)));
    }
    for (auto it = rules.profile.extraPersonFields.begin();
         it != rules.profile.extraPersonFields.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

IsapiReply searchPersons(const IsapiDeviceModel &model, const QJsonObject &body,
                         const IsapiRules &rules)
{
    QJsonObject condition;
    if (Check error = rootObject(body, "UserInfoSearchCond", condition))
        return IsapiReply::of(*error);
    Paging paging;
    if (Check error = readPaging(condition, rules.limits.maxResults, paging))
        return IsapiReply::of(*error);
    QStringList wanted;
    if (Check error = readIdList(condition, "EmployeeNoList", "employeeNo",
                                 rules.limits.searchEmployeeNoListMaxSize, wanted))
        return IsapiReply::of(*error);
    std::optional<QString> fuzzy;
    if (Check error = readString(condition, "fuzzySearch", fuzzy))
        return IsapiReply::of(*error);
    if (fuzzy && !rules.limits.fuzzySearch.contains(byteLength(*fuzzy)))
        return IsapiReply::of(IsapiStatus::badParameters(QStringLiteral("fuzzySearch")));
    std::optional<bool> hasFace;
    std::optional<bool> hasCard;
    std::optional<bool> hasFingerprint;
    if (Check error = readBool(condition, "hasFace", hasFace))
        return IsapiReply::of(*error);
    if (Check error = readBool(condition, "hasCard", hasCard))
        return IsapiReply::of(*error);
    if (Check error = readBool(condition, "hasFingerprint", hasFingerprint))
        return IsapiReply::of(*error);

    const QSet<QString> wantedSet(wanted.cbegin(), wanted.cend());
    // Pointers, not copies: a terminal with 10,000 persons is searched a page at a time.
    QList<const DevicePerson *> matched;
    matched.reserve(model.persons().size());
    for (const DevicePerson &person : model.persons()) {
        if (!wantedSet.isEmpty() && !wantedSet.contains(person.employeeNo))
            continue;
        if (fuzzy && !fuzzy->isEmpty() && !person.name.contains(*fuzzy, Qt::CaseInsensitive) &&
            !person.employeeNo.contains(*fuzzy, Qt::CaseInsensitive))
            continue;
        if (hasFace && (person.numOfFace > 0) != *hasFace)
            continue;
        if (hasFingerprint && (person.numOfFP > 0) != *hasFingerprint)
            continue;
        if (hasCard && (model.cardCountOf(person.employeeNo) > 0) != *hasCard)
            continue;
        matched.append(&person);
    }
    const std::function<QJsonObject(const DevicePerson &)> toJson =
        [&](const DevicePerson &person) { return personJson(person, model, rules); };
    return IsapiReply::data(QJsonObject{
        {QStringLiteral("UserInfoSearch"), searchAnswer(paging, matched, "UserInfo", toJson)}});
}

IsapiReply recordPerson(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject userInfo;
    if (Check error = rootObject(body, "UserInfo", userInfo))
        return IsapiReply::of(*error);
    QString employeeNo;
    if (Check error = readEmployeeNo(userInfo, rules, employeeNo))
        return IsapiReply::of(*error);
    std::optional<bool> checkUser;
    if (Check error = readBool(userInfo, "checkUser", checkUser))
        return IsapiReply::of(*error);
    // checkUser false skips the duplicate check (S1), so the person is written over.
    if (checkUser.value_or(true) && model.contains(employeeNo))
        return IsapiReply::of(IsapiStatus::employeeNoAlreadyExist());
    return createPerson(model, userInfo, employeeNo, rules);
}

IsapiReply modifyPerson(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject userInfo;
    if (Check error = rootObject(body, "UserInfo", userInfo))
        return IsapiReply::of(*error);
    QString employeeNo;
    if (Check error = readEmployeeNo(userInfo, rules, employeeNo))
        return IsapiReply::of(*error);
    std::optional<bool> addUser;
    if (Check error = readBool(userInfo, "addUser", addUser))
        return IsapiReply::of(*error);
    const std::optional<DevicePerson> existing = model.person(employeeNo);
    if (!existing) {
        if (!addUser.value_or(false))
            return IsapiReply::of(missingPerson(rules.missingPersonError));
        return createPerson(model, userInfo, employeeNo, rules);
    }
    return editPerson(model, userInfo, *existing, rules);
}

IsapiReply setUpPerson(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject userInfo;
    if (Check error = rootObject(body, "UserInfo", userInfo))
        return IsapiReply::of(*error);
    QString employeeNo;
    if (Check error = readEmployeeNo(userInfo, rules, employeeNo))
        return IsapiReply::of(*error);
    std::optional<bool> deleteUser;
    if (Check error = readBool(userInfo, "deleteUser", deleteUser))
        return IsapiReply::of(*error);
    if (deleteUser.value_or(false)) {
        // S1 §5.2.33: success whether or not the person exists; linked cards stay, and so
        // does the face unless the knob says otherwise.
        model.removePerson(employeeNo);
        if (rules.userDeleteRemovesFace)
            model.removeFace(employeeNo);
        return IsapiReply::of(IsapiStatus::ok());
    }
    const std::optional<DevicePerson> existing = model.person(employeeNo);
    if (!existing)
        return createPerson(model, userInfo, employeeNo, rules);
    return editPerson(model, userInfo, *existing, rules);
}

IsapiReply deletePersons(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject condition;
    if (Check error = rootObject(body, "UserInfoDelCond", condition))
        return IsapiReply::of(*error);
    QStringList employeeNos;
    if (Check error = readIdList(condition, "EmployeeNoList", "employeeNo",
                                 rules.limits.deleteEmployeeNoListMaxSize, employeeNos))
        return IsapiReply::of(*error);
    // S1 §6.1.145: no list, or an empty one, deletes every person. Faithfully.
    if (employeeNos.isEmpty()) {
        model.removeAllPersons();
        if (rules.userDeleteRemovesFace)
            model.removeAllFaces();
        return IsapiReply::of(IsapiStatus::ok());
    }
    if (rules.deleteOfMissingPersonFails) {
        for (const QString &employeeNo : std::as_const(employeeNos)) {
            if (!model.contains(employeeNo))
                return IsapiReply::of(missingPerson(rules.missingPersonError));
        }
    }
    for (const QString &employeeNo : std::as_const(employeeNos)) {
        model.removePerson(employeeNo);
        if (rules.userDeleteRemovesFace)
            model.removeFace(employeeNo);
    }
    return IsapiReply::of(IsapiStatus::ok());
}

IsapiReply deletePersonDetails(IsapiDeviceModel &model, const QJsonObject &body,
                               const IsapiRules &rules)
{
    QJsonObject condition;
    if (Check error = rootObject(body, "UserInfoDetail", condition))
        return IsapiReply::of(*error);
    if (Check missing = require(condition, "mode"))
        return IsapiReply::of(*missing);
    std::optional<QString> mode;
    if (Check error = readOption(condition, "mode",
                                 {QStringLiteral("all"), QStringLiteral("byEmployeeNo")}, mode))
        return IsapiReply::of(*error);
    if (*mode == QLatin1String("all")) {
        model.clear();
        return IsapiReply::of(IsapiStatus::ok());
    }
    const int maxSize = rules.profile.userInfoDetailDeleteCapabilities.value(u"UserInfoDetail")
                            .toObject()
                            .value(u"EmployeeNoList")
                            .toObject()
                            .value(u"maxSize")
                            .toInt(30);
    QStringList employeeNos;
    if (Check error = readIdList(condition, "EmployeeNoList", "employeeNo", maxSize, employeeNos))
        return IsapiReply::of(*error);
    // [U] byEmployeeNo without a list: refused rather than read as "all".
    if (employeeNos.isEmpty())
        return IsapiReply::of(IsapiStatus::messageParametersLack(QStringLiteral("EmployeeNoList")));
    // The person with every credential: cards and face.
    for (const QString &employeeNo : std::as_const(employeeNos)) {
        model.removePerson(employeeNo);
        model.removeCardsOf(employeeNo);
        model.removeFace(employeeNo);
    }
    return IsapiReply::of(IsapiStatus::ok());
}

IsapiReply countPersons(const IsapiDeviceModel &model, const IsapiRules &rules)
{
    QJsonObject count{{QStringLiteral("userNumber"), model.personCount()}};
    if (rules.profile.countsBoundUsers) {
        int faces = 0;
        int fingerprints = 0;
        int cards = 0;
        for (const DevicePerson &person : model.persons()) {
            faces += person.numOfFace > 0 ? 1 : 0;
            fingerprints += person.numOfFP > 0 ? 1 : 0;
            cards += model.cardCountOf(person.employeeNo) > 0 ? 1 : 0;
        }
        count.insert(QStringLiteral("bindFaceUserNumber"), faces);
        count.insert(QStringLiteral("bindFingerprintUserNumber"), fingerprints);
        count.insert(QStringLiteral("bindCardUserNumber"), cards);
    }
    return IsapiReply::data(QJsonObject{{QStringLiteral("UserInfoCount"), count}});
}

namespace {

QStringList cardTypes()
{
    return {QStringLiteral("normalCard"),     QStringLiteral("patrolCard"),
            QStringLiteral("hijackCard"),     QStringLiteral("superCard"),
            QStringLiteral("dismissingCard"), QStringLiteral("emergencyCard")};
}

struct CardFields
{
    QString employeeNo;
    QString cardNo;
};

Check readCardKey(const QJsonObject &cardInfo, const IsapiRules &rules, CardFields &out)
{
    if (Check error = readEmployeeNo(cardInfo, rules, out.employeeNo))
        return error;
    if (Check missing = require(cardInfo, "cardNo"))
        return missing;
    std::optional<QString> cardNo;
    if (Check wrong = readString(cardInfo, "cardNo", cardNo))
        return wrong;
    if (!isValidCardNo(*cardNo, rules))
        return IsapiStatus::badParameters(QStringLiteral("cardNo"));
    out.cardNo = *cardNo;
    return {};
}

Check applyCardFields(const QJsonObject &cardInfo, DeviceCard &card)
{
    std::optional<QString> text;
    if (Check wrong = readOption(cardInfo, "cardType", cardTypes(), text))
        return wrong;
    card.cardType = text.value_or(card.cardType);
    if (Check wrong = readString(cardInfo, "leaderCard", text))
        return wrong;
    card.leaderCard = text.value_or(card.leaderCard);
    std::optional<bool> flag;
    for (const char *ignored : {"checkCardNo", "checkEmployeeNo", "addCard", "deleteCard"}) {
        if (Check wrong = readBool(cardInfo, ignored, flag))
            return wrong;
    }
    return {};
}

IsapiReply createCard(IsapiDeviceModel &model, const QJsonObject &cardInfo, const CardFields &key,
                      const IsapiRules &rules)
{
    std::optional<bool> checkEmployeeNo;
    if (Check error = readBool(cardInfo, "checkEmployeeNo", checkEmployeeNo))
        return IsapiReply::of(*error);
    // S1 §6.1.70: the device checks that the person exists unless told not to.
    if (checkEmployeeNo.value_or(true) && !model.contains(key.employeeNo))
        return IsapiReply::of(missingPerson(rules.missingPersonError));
    DeviceCard card;
    card.cardNo = key.cardNo;
    card.employeeNo = key.employeeNo;
    if (Check error = applyCardFields(cardInfo, card))
        return IsapiReply::of(*error);
    if (!model.card(key.cardNo) && model.cards().size() >= rules.profile.maxCardNum)
        return IsapiReply::of(deviceCardFull());
    model.upsertCard(card);
    return IsapiReply::of(IsapiStatus::ok());
}

IsapiReply editCard(IsapiDeviceModel &model, const QJsonObject &cardInfo, DeviceCard card,
                    const CardFields &key)
{
    // S1: "The employeeNo and cardNo cannot be edited." Card numbers are unique on the
    // terminal: one held by another person is refused as a duplicate [U: the answer].
    if (card.employeeNo != key.employeeNo)
        return IsapiReply::of(cardNoAlreadyExist());
    if (Check error = applyCardFields(cardInfo, card))
        return IsapiReply::of(*error);
    model.upsertCard(card);
    return IsapiReply::of(IsapiStatus::ok());
}

int cardListMaxSize(const IsapiRules &rules, const char *condition, const char *list)
{
    return rules.profile.cardInfoCapabilities.value(u"CardInfo")
        .toObject()
        .value(QLatin1String(condition))
        .toObject()
        .value(QLatin1String(list))
        .toObject()
        .value(u"maxSize")
        .toInt(30);
}

} // namespace

IsapiReply searchCards(const IsapiDeviceModel &model, const QJsonObject &body,
                       const IsapiRules &rules)
{
    QJsonObject condition;
    if (Check error = rootObject(body, "CardInfoSearchCond", condition))
        return IsapiReply::of(*error);
    Paging paging;
    if (Check error = readPaging(condition, rules.profile.cardMaxResults, paging))
        return IsapiReply::of(*error);
    QStringList employeeNos;
    QStringList cardNos;
    if (Check error =
            readIdList(condition, "EmployeeNoList", "employeeNo",
                       cardListMaxSize(rules, "CardInfoSearchCond", "EmployeeNoList"), employeeNos))
        return IsapiReply::of(*error);
    if (Check error =
            readIdList(condition, "CardNoList", "cardNo",
                       cardListMaxSize(rules, "CardInfoSearchCond", "CardNoList"), cardNos))
        return IsapiReply::of(*error);
    QList<const DeviceCard *> matched;
    for (const DeviceCard &card : model.cards()) {
        if (!employeeNos.isEmpty() && !employeeNos.contains(card.employeeNo))
            continue;
        if (!cardNos.isEmpty() && !cardNos.contains(card.cardNo))
            continue;
        matched.append(&card);
    }
    const std::function<QJsonObject(const DeviceCard &)> toJson = [](const DeviceCard &card) {
        return QJsonObject{{QStringLiteral("employeeNo"), card.employeeNo},
                           {QStringLiteral("cardNo"), card.cardNo},
                           {QStringLiteral("leaderCard"), card.leaderCard},
                           {QStringLiteral("cardType"), card.cardType}};
    };
    return IsapiReply::data(QJsonObject{
        {QStringLiteral("CardInfoSearch"), searchAnswer(paging, matched, "CardInfo", toJson)}});
}

IsapiReply recordCard(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject cardInfo;
    if (Check error = rootObject(body, "CardInfo", cardInfo))
        return IsapiReply::of(*error);
    CardFields key;
    if (Check error = readCardKey(cardInfo, rules, key))
        return IsapiReply::of(*error);
    std::optional<bool> checkCardNo;
    if (Check error = readBool(cardInfo, "checkCardNo", checkCardNo))
        return IsapiReply::of(*error);
    // checkCardNo false skips the duplicate check for the person's own card; a number held by
    // someone else stays refused, since the store cannot hold it twice.
    const std::optional<DeviceCard> existing = model.card(key.cardNo);
    if (existing && (checkCardNo.value_or(true) || existing->employeeNo != key.employeeNo))
        return IsapiReply::of(cardNoAlreadyExist());
    return createCard(model, cardInfo, key, rules);
}

IsapiReply modifyCard(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject cardInfo;
    if (Check error = rootObject(body, "CardInfo", cardInfo))
        return IsapiReply::of(*error);
    CardFields key;
    if (Check error = readCardKey(cardInfo, rules, key))
        return IsapiReply::of(*error);
    std::optional<bool> addCard;
    if (Check error = readBool(cardInfo, "addCard", addCard))
        return IsapiReply::of(*error);
    const std::optional<DeviceCard> existing = model.card(key.cardNo);
    if (!existing) {
        if (!addCard.value_or(false))
            return IsapiReply::of(cardNoNotExist());
        return createCard(model, cardInfo, key, rules);
    }
    return editCard(model, cardInfo, *existing, key);
}

IsapiReply setUpCard(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject cardInfo;
    if (Check error = rootObject(body, "CardInfo", cardInfo))
        return IsapiReply::of(*error);
    std::optional<bool> deleteCard;
    if (Check error = readBool(cardInfo, "deleteCard", deleteCard))
        return IsapiReply::of(*error);
    if (deleteCard.value_or(false)) {
        // S1 §5.2.16: employeeNo and cardNo delete that card, employeeNo alone every card of
        // the person; "the success response message will be returned no matter whether the
        // card exists or not". Only a card of that person is deleted.
        QString employeeNo;
        if (Check error = readEmployeeNo(cardInfo, rules, employeeNo))
            return IsapiReply::of(*error);
        std::optional<QString> cardNo;
        if (Check error = readString(cardInfo, "cardNo", cardNo))
            return IsapiReply::of(*error);
        if (!cardNo || cardNo->isEmpty()) {
            model.removeCardsOf(employeeNo);
        } else if (const std::optional<DeviceCard> held = model.card(*cardNo);
                   held && held->employeeNo == employeeNo) {
            model.removeCard(*cardNo);
        }
        return IsapiReply::of(IsapiStatus::ok());
    }
    CardFields key;
    if (Check error = readCardKey(cardInfo, rules, key))
        return IsapiReply::of(*error);
    const std::optional<DeviceCard> existing = model.card(key.cardNo);
    if (!existing)
        return createCard(model, cardInfo, key, rules);
    return editCard(model, cardInfo, *existing, key);
}

IsapiReply deleteCards(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules)
{
    QJsonObject condition;
    if (Check error = rootObject(body, "CardInfoDelCond", condition))
        return IsapiReply::of(*error);
    QStringList employeeNos;
    QStringList cardNos;
    if (Check error =
            readIdList(condition, "EmployeeNoList", "employeeNo",
                       cardListMaxSize(rules, "CardInfoDelCond", "EmployeeNoList"), employeeNos))
        return IsapiReply::of(*error);
    if (Check error = readIdList(condition, "CardNoList", "cardNo",
                                 cardListMaxSize(rules, "CardInfoDelCond", "CardNoList"), cardNos))
        return IsapiReply::of(*error);
    // S1 §6.1.74: the two lists "cannot exist together" [U: the error].
    if (!employeeNos.isEmpty() && !cardNos.isEmpty())
        return IsapiReply::of(IsapiStatus::badParameters(QStringLiteral("CardInfoDelCond")));
    // No list, or an empty one, deletes every card (S1 §6.1.74).
    if (employeeNos.isEmpty() && cardNos.isEmpty()) {
        model.removeAllCards();
        return IsapiReply::of(IsapiStatus::ok());
    }
    for (const QString &employeeNo : std::as_const(employeeNos))
        model.removeCardsOf(employeeNo);
    for (const QString &cardNo : std::as_const(cardNos))
        model.removeCard(cardNo);
    return IsapiReply::of(IsapiStatus::ok());
}

IsapiReply countCards(const IsapiDeviceModel &model, const QString &employeeNo)
{
    const int count =
        employeeNo.isEmpty() ? int(model.cards().size()) : model.cardCountOf(employeeNo);
    return IsapiReply::data(QJsonObject{
        {QStringLiteral("CardInfoCount"), QJsonObject{{QStringLiteral("cardNumber"), count}}}});
}

} // namespace cis::sim::isapi
