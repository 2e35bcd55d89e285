// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiParsers.h"

#include "IsapiRequests.h"
#include "IsapiStatus.h"
#include "JsonNumbers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QXmlStreamReader>
#include <vector>

// The translation context of this file's messages, the same for lupdate and at run time.
struct IsapiParsersTexts
{
    Q_DECLARE_TR_FUNCTIONS(IsapiParsersTexts)
};

namespace cis {

UserCapabilities::UserCapabilities()
    : validTimeRangeBegin(QDate(1970, 1, 1), QTime(0, 0, 0))
    , validTimeRangeEnd(QDate(2037, 12, 31), QTime(23, 59, 59))
{}

namespace isapi {

namespace {

using Kind = HikvisionError::Kind;

HikvisionError failure(Kind kind, const QString &detail, const QByteArray &body = {})
{
    HikvisionError error;
    error.kind = kind;
    error.detail = detail;
    error.bodyExcerpt = QString::fromUtf8(body.left(300)).simplified();
    return error;
}

// The JSON root the call needs, or the reason there is none.
Expected<QJsonObject, HikvisionError> jsonRoot(const QByteArray &body, const char *rootName)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return failure(
            Kind::MalformedResponse,
            IsapiParsersTexts::tr("empty body where %1 was expected").arg(QLatin1String(rootName)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return failure(
            Kind::MalformedResponse,
            IsapiParsersTexts::tr("not a JSON object (%1 at offset %2) where %3 was expected")
                .arg(parseError.errorString())
                .arg(parseError.offset)
                .arg(QLatin1String(rootName)),
            body);
    const QJsonValue root = document.object().value(QLatin1String(rootName));
    if (!root.isObject()) {
        const IsapiStatus status = parseIsapiStatus(trimmed);
        const QString what = status.isOk() ? IsapiParsersTexts::tr("a bare OK status without %1")
                                           : IsapiParsersTexts::tr("no %1 in the answer");
        return failure(Kind::UnexpectedResponse, what.arg(QLatin1String(rootName)), body);
    }
    return root.toObject();
}

// Terminals write numbers as numbers, but some firmware quotes them; bools come as true/false,
// "true"/"false" or 0/1. A number out of range is as unreadable as a string that is no number.
int intOf(const QJsonValue &value, int fallback)
{
    if (value.isDouble())
        return integerOf<int>(value.toDouble()).value_or(fallback);
    if (value.isString()) {
        bool ok = false;
        const int parsed = value.toString().trimmed().toInt(&ok);
        return ok ? parsed : fallback;
    }
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    return fallback;
}

// Serial numbers reach 3,000,000,000: beyond an int. Quoted by some firmware.
qint64 int64Of(const QJsonValue &value, qint64 fallback)
{
    if (value.isDouble())
        return integerOf<qint64>(value.toDouble()).value_or(fallback);
    if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        return ok ? parsed : fallback;
    }
    return fallback;
}

bool boolOf(const QJsonValue &value, bool fallback)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble() != 0.0;
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
            text == QLatin1String("1"))
            return true;
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 ||
            text == QLatin1String("0"))
            return false;
    }
    return fallback;
}

// A number no qint64 can hold is no usable text (an employeeNo, a cardNo): empty.
QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const std::optional<qint64> number = integerOf<qint64>(value.toDouble());
        return number ? QString::number(*number) : QString();
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// {"@min": 1, "@max": 30}; keeps the fallback for each bound that is missing or nonsensical.
LengthRange rangeOf(const QJsonValue &value, LengthRange fallback)
{
    if (!value.isObject())
        return fallback;
    const QJsonObject object = value.toObject();
    LengthRange range = fallback;
    range.min = intOf(object.value(QLatin1String("@min")), fallback.min);
    range.max = intOf(object.value(QLatin1String("@max")), fallback.max);
    if (range.min < 0 || range.max < range.min)
        return fallback;
    return range;
}

// {"@opt": "a,b"} or {"@opt": ["a","b"]} or the bare string "a,b".
QStringList optionsOf(const QJsonValue &value)
{
    QJsonValue options = value;
    if (value.isObject())
        options = value.toObject().value(QLatin1String("@opt"));
    QStringList result;
    if (options.isArray()) {
        for (const QJsonValue &entry : options.toArray())
            result << textOf(entry).trimmed();
    } else if (options.isString()) {
        for (const QString &entry : options.toString().split(QLatin1Char(',')))
            result << entry.trimmed();
    }
    result.removeAll(QString());
    return result;
}

// A positive limit from the terminal, else the fallback: a zero page size would never end.
int positiveOr(int value, int fallback)
{
    return value > 0 ? value : fallback;
}

QVariantMap remainingFields(QJsonObject object, std::initializer_list<const char *> modelled)
{
    for (const char *key : modelled)
        object.remove(QLatin1String(key));
    return object.toVariantMap();
}

// The array under key; a lone object counts as an array of one, a missing key as empty.
QJsonArray arrayOf(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isArray())
        return value.toArray();
    if (value.isObject())
        return QJsonArray{value};
    return {};
}

// "NO MATCH" is the guide's; "NO MATCHES", "NO_MATCHES" and "NO MORE MATCHES" are spellings
// other firmware and readers use. Any of them ends the search like the guide's.
QString normalisedStatus(const QString &status)
{
    const QString upper = status.trimmed().toUpper().replace(QLatin1Char('_'), QLatin1Char(' '));
    if (upper.startsWith(QLatin1String("NO ")))
        return QStringLiteral("NO MATCH");
    return upper;
}

Expected<UnreadSearchPage, HikvisionError>
parseSearchPageHead(const QByteArray &body, const char *root, const char *itemKey, SearchItems kind)
{
    const auto object = jsonRoot(body, root);
    if (!object)
        return object.error();
    const QJsonObject search = object.value();
    UnreadSearchPage unread;
    unread.kind = kind;
    unread.root = QLatin1String(root);
    SearchPage &page = unread.page;
    page.searchId = textOf(search.value(QLatin1String("searchID")));
    page.responseStatus =
        normalisedStatus(textOf(search.value(QLatin1String("responseStatusStrg"))));
    page.totalMatches = intOf(search.value(QLatin1String("totalMatches")), -1);
    unread.items = arrayOf(search, itemKey);
    page.itemCount = static_cast<int>(unread.items.size());
    page.numOfMatches = intOf(search.value(QLatin1String("numOfMatches")), page.itemCount);

    if (page.responseStatus.isEmpty())
        return failure(
            Kind::UnexpectedResponse,
            IsapiParsersTexts::tr("%1 without responseStatusStrg").arg(QLatin1String(root)), body);
    if (page.numOfMatches > 0 && page.itemCount == 0)
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("%1 reports %2 matches but lists none")
                           .arg(QLatin1String(root))
                           .arg(page.numOfMatches),
                       body);
    return unread;
}

Expected<SearchPage, HikvisionError> parseSearchPage(const QByteArray &body, const char *root,
                                                     const char *itemKey, SearchItems kind)
{
    auto unread = parseSearchPageHead(body, root, itemKey, kind);
    if (!unread)
        return unread.error();
    return readSearchPageItems(std::move(unread.value()));
}

} // namespace

SearchPage readSearchPageItems(UnreadSearchPage unread)
{
    SearchPage page = std::move(unread.page);
    const QString &root = unread.root;
    const SearchItems kind = unread.kind;
    // The fields most persons have alike (userType, doorRight, the door plans and everything
    // not modelled) are shared with an equal earlier person's: a snapshot of 10,000 persons
    // then holds a few hundred copies instead of 10,000, and frees as few.
    constexpr std::size_t kKinds = 4;
    std::vector<qsizetype> distinct; // indexes in page.persons
    const auto shareAlike = [&page, &distinct](Person &person) {
        for (const qsizetype index : distinct) {
            const Person &earlier = page.persons.at(index);
            if (person.otherFields == earlier.otherFields) {
                person.otherFields = earlier.otherFields;
                if (person.userType == earlier.userType)
                    person.userType = earlier.userType;
                if (person.doorRight == earlier.doorRight)
                    person.doorRight = earlier.doorRight;
                if (person.rightPlans == earlier.rightPlans)
                    person.rightPlans = earlier.rightPlans;
                return true;
            }
        }
        return false;
    };
    for (const QJsonValue &item : std::as_const(unread.items)) {
        if (!item.isObject()) {
            page.warnings << IsapiParsersTexts::tr("an entry in %1 is not an object").arg(root);
            continue;
        }
        if (kind == SearchItems::Events) {
            AccessEvent event = accessEventFromJson(item.toObject());
            if (event.serialNo <= 0) {
                page.warnings << IsapiParsersTexts::tr(
                                     "an event without serialNo was skipped (minor %1, time %2)")
                                     .arg(event.minor)
                                     .arg(item.toObject().value(QLatin1String("time")).toString());
                continue;
            }
            page.events.append(event);
        } else if (kind == SearchItems::Persons) {
            Person person = personFromJson(item.toObject());
            if (person.employeeNo.isEmpty()) {
                page.warnings << IsapiParsersTexts::tr(
                                     "a person without employeeNo was skipped (name \"%1\")")
                                     .arg(person.name);
                continue;
            }
            if (!shareAlike(person) && distinct.size() < kKinds)
                distinct.push_back(page.persons.size());
            page.persons.append(std::move(person));
        } else {
            Card card = cardFromJson(item.toObject());
            if (card.cardNo.isEmpty()) {
                page.warnings << IsapiParsersTexts::tr(
                                     "a card without cardNo was skipped (employeeNo \"%1\")")
                                     .arg(card.employeeNo);
                continue;
            }
            page.cards.append(card);
        }
    }
    return page;
}

QDateTime parseDeviceTime(const QString &text)
{
    const QString trimmed = text.trimmed();
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODate);
    if (!time.isValid())
        return {};
    if (time.timeSpec() != Qt::LocalTime)
        time = time.toLocalTime();
    return time;
}

QString formatDeviceTime(const QDateTime &time, bool withOffset)
{
    const QString wallClock = time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (!withOffset)
        return wallClock;
    // Written out as +hh:mm like the guide's example; Qt would write "Z" for UTC itself.
    const int offset = time.offsetFromUtc();
    const int minutes = qAbs(offset) / 60;
    return wallClock + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1:%2")
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QDateTime parseEventTime(const QString &text, bool *hadOffset)
{
    const QString trimmed = text.trimmed();
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODate);
    if (!time.isValid())
        time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    const bool offset = time.isValid() && time.timeSpec() != Qt::LocalTime;
    if (hadOffset)
        *hadOffset = offset;
    return time;
}

AccessEvent accessEventFromJson(const QJsonObject &object)
{
    AccessEvent event;
    event.serialNo = qMax<qint64>(0, int64Of(object.value(QLatin1String("serialNo")), 0));
    event.major = intOf(object.value(QLatin1String("major")), 0);
    event.minor = intOf(object.value(QLatin1String("minor")), 0);
    const QDateTime time =
        parseEventTime(textOf(object.value(QLatin1String("time"))), &event.timeHadOffset);
    event.utcOffsetSeconds = event.timeHadOffset ? time.offsetFromUtc() : 0;
    event.time = time.toUTC();
    event.employeeNo = textOf(object.value(QLatin1String("employeeNoString"))).trimmed();
    if (event.employeeNo.isEmpty()) // older firmware: employeeNo, a number
        event.employeeNo = textOf(object.value(QLatin1String("employeeNo"))).trimmed();
    event.name = textOf(object.value(QLatin1String("name")));
    event.cardNo = textOf(object.value(QLatin1String("cardNo"))).trimmed();
    event.userType = textOf(object.value(QLatin1String("userType")));
    event.verifyMode = textOf(object.value(QLatin1String("currentVerifyMode")));
    event.doorNo = intOf(object.value(QLatin1String("doorNo")), 0);
    event.cardReaderNo = intOf(object.value(QLatin1String("cardReaderNo")), 0);
    event.pictureUrl = textOf(object.value(QLatin1String("pictureURL")));
    event.mask = textOf(object.value(QLatin1String("mask")));
    return event;
}

Person personFromJson(const QJsonObject &object)
{
    Person person;
    person.employeeNo = textOf(object.value(QLatin1String("employeeNo")));
    person.name = textOf(object.value(QLatin1String("name")));
    person.givenName = textOf(object.value(QLatin1String("givenName")));
    person.familyName = textOf(object.value(QLatin1String("familyName")));
    person.userType = textOf(object.value(QLatin1String("userType")));
    const QJsonObject valid = object.value(QLatin1String("Valid")).toObject();
    person.validity.enabled = boolOf(valid.value(QLatin1String("enable")), false);
    person.validity.begin = parseDeviceTime(textOf(valid.value(QLatin1String("beginTime"))));
    person.validity.end = parseDeviceTime(textOf(valid.value(QLatin1String("endTime"))));
    person.doorRight = textOf(object.value(QLatin1String("doorRight")));
    for (const QJsonValue &entry : arrayOf(object, "RightPlan")) {
        const QJsonObject plan = entry.toObject();
        person.rightPlans.append(DoorPlan{intOf(plan.value(QLatin1String("doorNo")), 1),
                                          textOf(plan.value(QLatin1String("planTemplateNo")))});
    }
    person.numOfCard = intOf(object.value(QLatin1String("numOfCard")), -1);
    person.numOfFace = intOf(object.value(QLatin1String("numOfFace")), -1);
    person.numOfFP = intOf(object.value(QLatin1String("numOfFP")), -1);
    person.otherFields = remainingFields(object, {"employeeNo", "name", "givenName", "familyName",
                                                  "userType", "Valid", "doorRight", "RightPlan",
                                                  "numOfCard", "numOfFace", "numOfFP"});
    // The window's timeType is all of Valid we do not model; keep it so nothing read is lost.
    const QJsonValue timeType = valid.value(QLatin1String("timeType"));
    if (!timeType.isUndefined())
        person.otherFields.insert(QStringLiteral("Valid.timeType"), timeType.toVariant());
    return person;
}

Card cardFromJson(const QJsonObject &object)
{
    Card card;
    card.employeeNo = textOf(object.value(QLatin1String("employeeNo")));
    card.cardNo = textOf(object.value(QLatin1String("cardNo")));
    card.cardType = textOf(object.value(QLatin1String("cardType")));
    card.otherFields = remainingFields(object, {"employeeNo", "cardNo", "cardType"});
    return card;
}

Expected<DeviceInfo, HikvisionError> parseDeviceInfo(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return failure(Kind::MalformedResponse,
                       IsapiParsersTexts::tr("empty body where DeviceInfo was expected"));

    DeviceInfo info;
    if (trimmed.startsWith('{')) {
        const auto root = jsonRoot(trimmed, "DeviceInfo");
        if (!root)
            return root.error();
        const QJsonObject object = root.value();
        for (auto it = object.begin(); it != object.end(); ++it)
            info.fields.insert(it.key(), textOf(it.value()));
    } else {
        QXmlStreamReader xml(trimmed);
        if (!xml.readNextStartElement())
            return failure(Kind::MalformedResponse,
                           IsapiParsersTexts::tr("not XML (%1) where DeviceInfo was expected")
                               .arg(xml.errorString()),
                           body);
        if (xml.name() != QLatin1String("DeviceInfo"))
            return failure(
                Kind::UnexpectedResponse,
                IsapiParsersTexts::tr("%1 instead of DeviceInfo").arg(xml.name().toString()), body);
        while (xml.readNextStartElement()) {
            const QString name = xml.name().toString();
            info.fields.insert(
                name, xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
        }
        if (xml.hasError())
            return failure(Kind::MalformedResponse,
                           IsapiParsersTexts::tr("damaged DeviceInfo XML at line %1: %2")
                               .arg(xml.lineNumber())
                               .arg(xml.errorString()),
                           body);
    }
    info.deviceName = info.fields.value(QStringLiteral("deviceName"));
    info.deviceId = info.fields.value(QStringLiteral("deviceID"));
    info.model = info.fields.value(QStringLiteral("model"));
    info.serialNumber = info.fields.value(QStringLiteral("serialNumber"));
    info.macAddress = info.fields.value(QStringLiteral("macAddress"));
    info.firmwareVersion = info.fields.value(QStringLiteral("firmwareVersion"));
    info.firmwareReleasedDate = info.fields.value(QStringLiteral("firmwareReleasedDate"));
    info.deviceType = info.fields.value(QStringLiteral("deviceType"));
    info.hardwareVersion = info.fields.value(QStringLiteral("hardwareVersion"));
    info.manufacturer = info.fields.value(QStringLiteral("manufacturer"));
    if (info.model.isEmpty())
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("DeviceInfo without a model"), body);
    return info;
}

Expected<UserCapabilities, HikvisionError> parseUserCapabilities(const QByteArray &body)
{
    const auto root = jsonRoot(body, "UserInfo");
    if (!root)
        return root.error();
    const QJsonObject caps = root.value();
    UserCapabilities result;
    result.reportedByDevice = true;
    result.supportedFunctions = optionsOf(caps.value(QLatin1String("supportFunction")));

    const QJsonObject searchCond = caps.value(QLatin1String("UserInfoSearchCond")).toObject();
    result.searchMaxResults =
        positiveOr(rangeOf(searchCond.value(QLatin1String("maxResults")), {1, 0}).max,
                   result.searchMaxResults);
    const QJsonObject searchList = searchCond.value(QLatin1String("EmployeeNoList")).toObject();
    result.searchEmployeeNoListMaxSize = positiveOr(
        intOf(searchList.value(QLatin1String("maxSize")), 0), result.searchEmployeeNoListMaxSize);
    const QJsonObject deleteList = caps.value(QLatin1String("UserInfoDelCond"))
                                       .toObject()
                                       .value(QLatin1String("EmployeeNoList"))
                                       .toObject();
    // Without its own limit, the delete list gets no more than the search list may carry.
    result.deleteEmployeeNoListMaxSize =
        positiveOr(intOf(deleteList.value(QLatin1String("maxSize")), 0),
                   qMin(result.deleteEmployeeNoListMaxSize, result.searchEmployeeNoListMaxSize));

    result.employeeNoLength =
        rangeOf(caps.value(QLatin1String("employeeNo")), result.employeeNoLength);
    if (result.employeeNoLength.max <= 0)
        result.employeeNoLength = UserCapabilities().employeeNoLength;
    result.nameLength = rangeOf(caps.value(QLatin1String("name")), result.nameLength);
    if (result.nameLength.max <= 0)
        result.nameLength = UserCapabilities().nameLength;
    if (caps.contains(QLatin1String("givenName"))) {
        result.hasGivenName = true;
        result.givenNameLength = rangeOf(caps.value(QLatin1String("givenName")), result.nameLength);
    }
    if (caps.contains(QLatin1String("familyName"))) {
        result.hasFamilyName = true;
        result.familyNameLength =
            rangeOf(caps.value(QLatin1String("familyName")), result.nameLength);
    }
    result.userTypeOptions = optionsOf(caps.value(QLatin1String("userType")));

    const QJsonObject valid = caps.value(QLatin1String("Valid")).toObject();
    const QDateTime begin = parseDeviceTime(textOf(valid.value(QLatin1String("timeRangeBegin"))));
    const QDateTime end = parseDeviceTime(textOf(valid.value(QLatin1String("timeRangeEnd"))));
    if (begin.isValid())
        result.validTimeRangeBegin = begin;
    if (end.isValid())
        result.validTimeRangeEnd = end;
    if (result.validTimeRangeBegin >= result.validTimeRangeEnd) {
        // Nonsense from the terminal; the guide's range is the safer bet.
        result.validTimeRangeBegin = UserCapabilities().validTimeRangeBegin;
        result.validTimeRangeEnd = UserCapabilities().validTimeRangeEnd;
    }
    result.timeTypeOptions = optionsOf(valid.value(QLatin1String("timeType")));

    result.maxRecordNum = intOf(caps.value(QLatin1String("maxRecordNum")), -1);
    result.reportsNumOfCard = boolOf(searchCond.value(QLatin1String("isSupportNumOfCard")), false);
    result.reportsNumOfFace = boolOf(searchCond.value(QLatin1String("isSupportNumOfFace")), false);
    result.reportsNumOfFP = boolOf(searchCond.value(QLatin1String("isSupportNumOfFP")), false);
    if (caps.contains(QLatin1String("doorRight")))
        result.doorRightMax = rangeOf(caps.value(QLatin1String("doorRight")), {0, -1}).max;
    if (caps.contains(QLatin1String("RightPlan")))
        result.rightPlanMaxSize = intOf(
            caps.value(QLatin1String("RightPlan")).toObject().value(QLatin1String("maxSize")), -1);
    return result;
}

Expected<PersonCount, HikvisionError> parsePersonCount(const QByteArray &body)
{
    const auto root = jsonRoot(body, "UserInfoCount");
    if (!root)
        return root.error();
    const QJsonObject count = root.value();
    if (!count.contains(QLatin1String("userNumber")))
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("UserInfoCount without userNumber"), body);
    PersonCount result;
    result.persons = intOf(count.value(QLatin1String("userNumber")), -1);
    if (result.persons < 0)
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("UserInfoCount with an unreadable userNumber"), body);
    result.withFace = intOf(count.value(QLatin1String("bindFaceUserNumber")), -1);
    result.withFingerprint = intOf(count.value(QLatin1String("bindFingerprintUserNumber")), -1);
    result.withCard = intOf(count.value(QLatin1String("bindCardUserNumber")), -1);
    return result;
}

Expected<SearchPage, HikvisionError> parsePersonSearchPage(const QByteArray &body)
{
    return parseSearchPage(body, "UserInfoSearch", "UserInfo", SearchItems::Persons);
}

Expected<UnreadSearchPage, HikvisionError> parsePersonSearchPageHead(const QByteArray &body)
{
    return parseSearchPageHead(body, "UserInfoSearch", "UserInfo", SearchItems::Persons);
}

Expected<SearchPage, HikvisionError> parseCardSearchPage(const QByteArray &body)
{
    return parseSearchPage(body, "CardInfoSearch", "CardInfo", SearchItems::Cards);
}

Expected<UnreadSearchPage, HikvisionError> parseCardSearchPageHead(const QByteArray &body)
{
    return parseSearchPageHead(body, "CardInfoSearch", "CardInfo", SearchItems::Cards);
}

Expected<SearchPage, HikvisionError> parseAcsEventPage(const QByteArray &body)
{
    return parseSearchPage(body, "AcsEvent", "InfoList", SearchItems::Events);
}

Expected<QDateTime, HikvisionError> parseSystemTime(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    QString localTime;
    if (trimmed.startsWith('{')) {
        const auto root = jsonRoot(trimmed, "Time");
        if (!root)
            return root.error();
        localTime = textOf(root.value().value(QLatin1String("localTime")));
    } else {
        QXmlStreamReader xml(trimmed);
        if (!xml.readNextStartElement() || xml.name() != QLatin1String("Time"))
            return failure(Kind::UnexpectedResponse,
                           IsapiParsersTexts::tr("no Time document in the answer"), body);
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("localTime"))
                localTime = xml.readElementText().trimmed();
            else
                xml.skipCurrentElement();
        }
        if (xml.hasError())
            return failure(Kind::MalformedResponse,
                           IsapiParsersTexts::tr("damaged Time XML: %1").arg(xml.errorString()),
                           body);
    }
    bool hadOffset = false;
    const QDateTime time = parseEventTime(localTime, &hadOffset);
    if (!time.isValid())
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("Time without a readable localTime"), body);
    return time;
}

Expected<qint64, HikvisionError> parseAcsEventTotalNum(const QByteArray &body)
{
    const auto object = jsonRoot(body, "AcsEventTotalNum");
    if (!object)
        return object.error();
    const qint64 total = int64Of(object.value().value(QLatin1String("totalNum")), -1);
    if (total < 0)
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("AcsEventTotalNum without a usable totalNum"), body);
    return total;
}

Expected<AccessControlCapabilities, HikvisionError>
parseAccessControlCapabilities(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    QXmlStreamReader xml(trimmed);
    if (trimmed.isEmpty() || !xml.readNextStartElement())
        return failure(Kind::MalformedResponse,
                       IsapiParsersTexts::tr("not XML where AccessControl capabilities were "
                                             "expected"),
                       body);
    if (xml.name() != QLatin1String("AccessControl"))
        return failure(
            Kind::UnexpectedResponse,
            IsapiParsersTexts::tr("%1 instead of AccessControl").arg(xml.name().toString()), body);
    AccessControlCapabilities caps;
    caps.reported = true;
    QString element;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            element = xml.name().toString();
        } else if (token == QXmlStreamReader::Characters && !xml.isWhitespace() &&
                   element.startsWith(QLatin1String("isSupport"))) {
            caps.flags.insert(element, xml.text().toString().trimmed());
        } else if (token == QXmlStreamReader::EndElement) {
            element.clear();
        }
    }
    if (xml.hasError())
        return failure(Kind::MalformedResponse,
                       IsapiParsersTexts::tr("broken XML in AccessControl capabilities (%1)")
                           .arg(xml.errorString()),
                       body);
    auto flag = [&](const char *name) -> std::optional<bool> {
        const auto it = caps.flags.constFind(QLatin1String(name));
        if (it == caps.flags.cend())
            return std::nullopt;
        return it->compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    };
    caps.captureCardInfo = flag("isSupportCaptureCardInfo");
    caps.captureFace = flag("isSupportCaptureFace");
    caps.faceLibrary = flag("isSupportFDLib");
    return caps;
}

Expected<CapturedCard, HikvisionError> parseCapturedCard(const QByteArray &body)
{
    const auto root = jsonRoot(body, "CardInfo");
    if (!root)
        return root.error();
    CapturedCard card;
    card.cardNo = textOf(root.value().value(QLatin1String("cardNo"))).trimmed();
    card.cardType = textOf(root.value().value(QLatin1String("cardType"))).trimmed();
    if (card.cardNo.isEmpty())
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("the terminal read a card but sent no card number"),
                       body);
    return card;
}

namespace {

// The object holding any of keys: the root itself (S1 puts FDLib answers flat beside the
// ResponseStatus fields) or one object one level down (a wrapper some firmware may add [U]).
std::optional<QJsonObject> objectWithAny(const QJsonObject &root,
                                         std::initializer_list<const char *> keys)
{
    const auto hasAny = [&](const QJsonObject &object) {
        for (const char *key : keys) {
            if (object.contains(QLatin1String(key)))
                return true;
        }
        return false;
    };
    if (hasAny(root))
        return root;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (it.value().isObject() && hasAny(it.value().toObject()))
            return it.value().toObject();
    }
    return std::nullopt;
}

Expected<QJsonObject, HikvisionError> jsonObjectOf(const QByteArray &body, const QString &what)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return failure(Kind::MalformedResponse,
                       IsapiParsersTexts::tr("empty body where %1 was expected").arg(what));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return failure(Kind::MalformedResponse,
                       IsapiParsersTexts::tr("not a JSON object (%1 at offset %2) where %3 was "
                                             "expected")
                           .arg(parseError.errorString())
                           .arg(parseError.offset)
                           .arg(what),
                       body);
    return document.object();
}

// A limit given as a number, a quoted number or {"@max": n}.
int limitOf(const QJsonValue &value)
{
    if (value.isObject())
        return intOf(value.toObject().value(QLatin1String("@max")), -1);
    return intOf(value, -1);
}

// Text of every element by local name, first occurrence kept, for small XML documents whose
// nesting does not matter.
std::optional<QMap<QString, QString>> xmlLeaves(const QByteArray &body, QString *root)
{
    QXmlStreamReader xml(body);
    if (!xml.readNextStartElement())
        return std::nullopt;
    *root = xml.name().toString();
    QMap<QString, QString> leaves;
    QString element;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement)
            element = xml.name().toString();
        else if (token == QXmlStreamReader::Characters && !xml.isWhitespace() &&
                 !element.isEmpty() && !leaves.contains(element))
            leaves.insert(element, xml.text().toString().trimmed());
        else if (token == QXmlStreamReader::EndElement)
            element.clear();
    }
    if (xml.hasError())
        return std::nullopt;
    return leaves;
}

QStringList commaList(const QString &text)
{
    QStringList result;
    for (const QString &entry : text.split(QLatin1Char(',')))
        result << entry.trimmed();
    result.removeAll(QString());
    return result;
}

// "100", " 100 ", "100%" or a number; -1 when unreadable.
int progressOf(const QJsonValue &value)
{
    if (value.isString()) {
        QString text = value.toString().trimmed();
        if (text.endsWith(QLatin1Char('%')))
            text.chop(1);
        return intOf(QJsonValue(text), -1);
    }
    return intOf(value, -1);
}

struct Part
{
    QString name;
    QString fileName;
    QByteArray contentType;
    QByteArray body;
};

QByteArray parameterOf(const QByteArray &header, const char *name)
{
    const QList<QByteArray> pieces = header.split(';');
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QByteArray piece = pieces.at(i).trimmed();
        const qsizetype equals = piece.indexOf('=');
        if (equals <= 0 || piece.left(equals).trimmed().compare(name, Qt::CaseInsensitive) != 0)
            continue;
        QByteArray value = piece.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

// Tolerant in what it reads: CRLF or bare LF, a boundary from the Content-Type or, without
// one, from the body's first line.
std::optional<QList<Part>> multipartParts(const QByteArray &contentType, const QByteArray &body)
{
    QByteArray boundary = parameterOf(contentType, "boundary");
    if (boundary.isEmpty()) {
        const QByteArray start = body.left(body.indexOf('\n')).trimmed();
        if (!start.startsWith("--") || start.size() <= 2)
            return std::nullopt;
        boundary = start.mid(2);
    }
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    if (at < 0)
        return std::nullopt;
    QList<Part> parts;
    for (;;) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            return parts;
        const qsizetype next = body.indexOf(delimiter, at);
        if (next < 0)
            return parts.isEmpty() ? std::nullopt : std::optional<QList<Part>>(parts);
        QByteArray content = body.mid(at, next - at);
        if (content.startsWith("\r\n"))
            content.remove(0, 2);
        else if (content.startsWith('\n'))
            content.remove(0, 1);
        if (content.endsWith("\r\n"))
            content.chop(2);
        else if (content.endsWith('\n'))
            content.chop(1);
        qsizetype headEnd = content.indexOf("\r\n\r\n");
        qsizetype separator = 4;
        const qsizetype bareEnd = content.indexOf("\n\n");
        if (bareEnd >= 0 && (headEnd < 0 || bareEnd < headEnd)) {
            headEnd = bareEnd;
            separator = 2;
        }
        Part part;
        if (headEnd >= 0) {
            for (const QByteArray &raw : content.left(headEnd).split('\n')) {
                const QByteArray line = raw.trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name.compare("Content-Disposition", Qt::CaseInsensitive) == 0) {
                    part.name = QString::fromUtf8(parameterOf(value, "name"));
                    part.fileName = QString::fromUtf8(parameterOf(value, "filename"));
                } else if (name.compare("Content-Type", Qt::CaseInsensitive) == 0) {
                    part.contentType = value;
                }
            }
            part.body = content.mid(headEnd + separator);
        } else {
            part.body = content;
        }
        parts.append(part);
        at = next;
    }
}

bool isCaptureRoot(const QString &name)
{
    return name == QLatin1String("CaptureFaceData") ||
           name == QLatin1String("CaptureFaceDataResponse");
}

Expected<FaceCaptureProgress, HikvisionError> parseCaptureDocument(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    int progress = -1;
    QString url;
    if (trimmed.startsWith('{')) {
        const auto root = jsonObjectOf(trimmed, QStringLiteral("CaptureFaceData"));
        if (!root)
            return root.error();
        QJsonObject document = root.value();
        for (const char *name : {"CaptureFaceData", "CaptureFaceDataResponse"}) {
            if (root.value().value(QLatin1String(name)).isObject())
                document = root.value().value(QLatin1String(name)).toObject();
        }
        if (!document.contains(QLatin1String("captureProgress")) &&
            !document.contains(QLatin1String("faceDataUrl")))
            return failure(Kind::UnexpectedResponse,
                           IsapiParsersTexts::tr("no CaptureFaceData in the answer"), body);
        progress = progressOf(document.value(QLatin1String("captureProgress")));
        url = textOf(document.value(QLatin1String("faceDataUrl"))).trimmed();
    } else {
        QString root;
        const std::optional<QMap<QString, QString>> leaves = xmlLeaves(trimmed, &root);
        if (trimmed.isEmpty() || !leaves)
            return failure(Kind::MalformedResponse,
                           IsapiParsersTexts::tr("not XML where CaptureFaceData was expected"),
                           body);
        // [U] S1 names the root CaptureFaceData, S36 CaptureFaceDataResponse.
        if (!isCaptureRoot(root))
            return failure(Kind::UnexpectedResponse,
                           IsapiParsersTexts::tr("%1 instead of CaptureFaceData").arg(root), body);
        progress = progressOf(QJsonValue(leaves->value(QStringLiteral("captureProgress"))));
        url = leaves->value(QStringLiteral("faceDataUrl"));
    }
    FaceCaptureProgress result;
    result.faceDataUrl = url;
    // S1: the URL "can be parsed only when the progress is 100"; an answer with a URL and no
    // progress at all is taken as finished.
    if (progress < 0 && url.isEmpty())
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("CaptureFaceData without captureProgress"), body);
    result.progress = progress < 0 ? 100 : qBound(0, progress, 100);
    return result;
}

} // namespace

Expected<FaceLibraryCapabilities, HikvisionError>
parseFaceLibraryCapabilities(const QByteArray &body)
{
    FaceLibraryCapabilities caps;
    caps.available = true;
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('<')) {
        QString root;
        const std::optional<QMap<QString, QString>> leaves = xmlLeaves(trimmed, &root);
        if (!leaves)
            return failure(Kind::MalformedResponse,
                           IsapiParsersTexts::tr("broken XML in the face library capabilities"),
                           body);
        if (!leaves->contains(QStringLiteral("supportFDFunction")) &&
            !leaves->contains(QStringLiteral("FDRecordDataMaxNum")) &&
            !leaves->contains(QStringLiteral("faceLibType")))
            return failure(
                Kind::UnexpectedResponse,
                IsapiParsersTexts::tr("%1 instead of face library capabilities").arg(root), body);
        caps.functions = commaList(leaves->value(QStringLiteral("supportFDFunction")));
        caps.faceLibTypes = commaList(leaves->value(QStringLiteral("faceLibType")));
        caps.maxRecords =
            intOf(QJsonValue(leaves->value(QStringLiteral("FDRecordDataMaxNum"))), -1);
        caps.faceUrlMaxLength = intOf(QJsonValue(leaves->value(QStringLiteral("faceURLLen"))), -1);
        return caps;
    }
    const auto root = jsonObjectOf(body, QStringLiteral("face library capabilities"));
    if (!root)
        return root.error();
    const std::optional<QJsonObject> object =
        objectWithAny(root.value(), {"supportFDFunction", "FDRecordDataMaxNum", "faceLibType",
                                     "FDMaxNum", "FDNameMaxLen", "faceURLLen"});
    if (!object)
        return failure(Kind::UnexpectedResponse,
                       parseIsapiStatus(trimmed).isOk()
                           ? IsapiParsersTexts::tr("a bare OK status without face library "
                                                   "capabilities")
                           : IsapiParsersTexts::tr("no face library capabilities in the answer"),
                       body);
    caps.functions = optionsOf(object->value(QLatin1String("supportFDFunction")));
    caps.faceLibTypes = optionsOf(object->value(QLatin1String("faceLibType")));
    caps.maxRecords = limitOf(object->value(QLatin1String("FDRecordDataMaxNum")));
    caps.faceUrlMaxLength = limitOf(object->value(QLatin1String("faceURLLen")));
    return caps;
}

Expected<FaceSearchPage, HikvisionError> parseFaceSearchPage(const QByteArray &body)
{
    const auto root = jsonObjectOf(body, QStringLiteral("FDSearch"));
    if (!root)
        return root.error();
    const std::optional<QJsonObject> object = objectWithAny(
        root.value(), {"responseStatusStrg", "numOfMatches", "totalMatches", "MatchList"});
    if (!object)
        return failure(Kind::UnexpectedResponse,
                       parseIsapiStatus(body).isOk()
                           ? IsapiParsersTexts::tr("a bare OK status without FDSearch results")
                           : IsapiParsersTexts::tr("no FDSearch results in the answer"),
                       body);
    FaceSearchPage page;
    page.responseStatus = textOf(object->value(QLatin1String("responseStatusStrg"))).trimmed();
    page.totalMatches = intOf(object->value(QLatin1String("totalMatches")), -1);
    const bool noMatch = normalisedStatus(page.responseStatus) == QLatin1String("NO MATCH") ||
                         page.totalMatches == 0;
    if (!noMatch) {
        for (const QJsonValue &item : arrayOf(*object, "MatchList")) {
            const QJsonObject match = item.toObject();
            FaceRecord face;
            face.employeeNo = textOf(match.value(QLatin1String("FPID"))).trimmed();
            face.faceUrl = textOf(match.value(QLatin1String("faceURL"))).trimmed();
            face.inLibrary = textOf(match.value(QLatin1String("isInLibrary"))).trimmed();
            page.faces.append(face);
        }
    }
    page.numOfMatches = intOf(object->value(QLatin1String("numOfMatches")), int(page.faces.size()));
    return page;
}

Expected<FaceCaptureProgress, HikvisionError> parseCaptureFaceData(const QByteArray &body,
                                                                   const QByteArray &contentType)
{
    const bool multipart =
        contentType.trimmed().toLower().startsWith("multipart/") || body.trimmed().startsWith("--");
    if (!multipart)
        return parseCaptureDocument(body);
    const std::optional<QList<Part>> parts = multipartParts(contentType, body);
    if (!parts)
        return failure(Kind::MalformedResponse,
                       IsapiParsersTexts::tr("a broken multipart answer to CaptureFaceData"), body);
    std::optional<FaceCaptureProgress> progress;
    QByteArray picture;
    for (const Part &part : *parts) {
        const QByteArray content = part.body.trimmed();
        if (!progress && (content.startsWith('<') || content.startsWith('{'))) {
            const auto document = parseCaptureDocument(content);
            if (document)
                progress = document.value();
        } else if (part.name == QLatin1String("FaceData") ||
                   (picture.isEmpty() && part.name != QLatin1String("InfraredFaceData") &&
                    part.contentType.toLower().startsWith("image/"))) {
            picture = part.body;
        }
    }
    if (!progress && picture.isEmpty())
        return failure(Kind::UnexpectedResponse,
                       IsapiParsersTexts::tr("neither CaptureFaceData nor FaceData in the "
                                             "multipart answer"),
                       body);
    FaceCaptureProgress result = progress.value_or(FaceCaptureProgress{100, QString(), {}});
    if (!picture.isEmpty()) {
        // Framing around the picture is what S33's device refused when it was sent back.
        const auto jpeg = trimmedJpeg(picture);
        if (!jpeg)
            return failure(Kind::UnexpectedResponse,
                           IsapiParsersTexts::tr("the FaceData part is not a JPEG picture"));
        result.jpeg = jpeg.value();
        result.progress = 100;
    }
    return result;
}

} // namespace isapi
} // namespace cis
