// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiStatus.h"

#include "JsonNumbers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>
#include <cstring>
#include <limits>

namespace cis {

namespace {

using Kind = HikvisionError::Kind;

struct SubStatusKind
{
    const char *subStatusCode;
    Kind kind;
};

// Codes from the ISAPI guide's Appendix A.3, real captures, and the person/card codes that
// newer firmware uses (several known only from client code, see docs/hikvision-isapi.md §5).
constexpr SubStatusKind kSubStatusKinds[] = {
    {"deviceBusy", Kind::DeviceBusy},
    {"deviceError", Kind::DeviceError},
    {"rebootRequired", Kind::RebootRequired},
    {"notActivated", Kind::NotActivated},
    {"lowPrivilege", Kind::AccessDenied},
    {"badAuthorization", Kind::WrongCredentials},
    {"notSupport", Kind::NotSupported},
    {"methodNotAllowed", Kind::NotSupported},
    {"eventNotSupport", Kind::NotSupported},
    {"invalidID", Kind::NotSupported}, // seen on a path the terminal does not have
    {"employeeNoAlreadyExist", Kind::AlreadyExists},
    {"deviceUserAlreadyExist", Kind::AlreadyExists},
    {"cardNoAlreadyExist", Kind::AlreadyExists},
    {"duplicateCardNo", Kind::AlreadyExists},
    {"employeeNoNotExist", Kind::DoesNotExist},
    {"deviceUserNotExist", Kind::DoesNotExist},
    {"userNotExist", Kind::DoesNotExist},
    {"cardNoNotExist", Kind::DoesNotExist},
    {"reachMaxUser", Kind::DeviceFull},
    {"deviceUserFull", Kind::DeviceFull},
    {"userExceedLimit", Kind::DeviceFull},
    {"noMemory", Kind::DeviceFull},
    // Outside a 401 this is the answer to an inverted validity window, i.e. our content.
    {"invalidOperation", Kind::InvalidContent},
    {"badParameters", Kind::InvalidContent},
    {"badXmlFormat", Kind::InvalidContent},
    {"badJsonFormat", Kind::InvalidContent},
    {"badXmlContent", Kind::InvalidContent},
    {"badJsonContent", Kind::InvalidContent},
    {"MessageParametersLack", Kind::InvalidContent},
    {"illegalEmployeeNo", Kind::InvalidContent},
    {"employeeNoInvalid", Kind::InvalidContent},
    // Faces (isapi-events-credentials.md §3.5): the picture is what the terminal refused.
    {"deviceUserAlreadyExistFace", Kind::AlreadyExists},
    {"SubpicAnalysisModelingError", Kind::InvalidContent},
    {"PicFeaturePoints", Kind::InvalidContent},
    // S38 names these for a camera's face import [F-weak]; the same firmware family's words.
    {"PicAnalysisNoTargetError", Kind::InvalidContent},
    {"multipleFaceObjectError", Kind::InvalidContent},
    {"picResolutionInvalidError", Kind::InvalidContent},
    {"picSizeExceedError", Kind::InvalidContent},
    {"picFormatError", Kind::InvalidContent},
    {"faceDataAnalysisError", Kind::InvalidContent},
    // The terminal could not fetch the faceURL it was given: that address is our content.
    {"urlDownloadFail", Kind::InvalidContent},
};

int toInt(const QString &text, int fallback)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    return ok ? value : fallback;
}

qint64 toInt64(const QString &text, qint64 fallback)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    qint64 value = trimmed.toLongLong(&ok);
    if (!ok && trimmed.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        value = trimmed.mid(2).toLongLong(&ok, 16);
    return ok ? value : fallback;
}

// JSON numbers may come as strings on some firmware; accept both. Out of range is unreadable,
// as it is in the XML form.
qint64 jsonInt(const QJsonValue &value, qint64 fallback)
{
    if (value.isDouble())
        return isapi::integerOf<qint64>(value.toDouble()).value_or(fallback);
    if (value.isString())
        return toInt64(value.toString(), fallback);
    return fallback;
}

// As jsonInt, for the fields that are an int: cutting 4294967297 to int would make it 1, "OK".
int jsonInt32(const QJsonValue &value, int fallback)
{
    const qint64 number = jsonInt(value, fallback);
    return number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max()
               ? int(number)
               : fallback;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const std::optional<qint64> number = isapi::integerOf<qint64>(value.toDouble());
        return number ? QString::number(*number) : QString();
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

IsapiStatus fromJson(const QJsonObject &object)
{
    IsapiStatus status;
    status.shape = IsapiStatus::Shape::ResponseStatus;
    status.statusCode = jsonInt32(object.value(QLatin1String("statusCode")), 0);
    status.statusString = jsonText(object.value(QLatin1String("statusString")));
    status.subStatusCode = jsonText(object.value(QLatin1String("subStatusCode")));
    status.errorCode = jsonInt(object.value(QLatin1String("errorCode")), 0);
    status.errorMsg = jsonText(object.value(QLatin1String("errorMsg")));
    status.requestUrl = jsonText(object.value(QLatin1String("requestURL")));
    status.lockStatus = jsonText(object.value(QLatin1String("lockStatus")));
    status.attemptsLeft = jsonInt32(object.value(QLatin1String("retryTimes")), -1);
    if (status.attemptsLeft < 0)
        status.attemptsLeft = jsonInt32(object.value(QLatin1String("retryLoginTime")), -1);
    status.lockSecondsLeft = jsonInt(object.value(QLatin1String("resLockTime")), -1);
    if (status.lockSecondsLeft < 0)
        status.lockSecondsLeft = jsonInt(object.value(QLatin1String("unlockTime")), -1);
    return status;
}

IsapiStatus parseJson(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return {};
    // One firmware answers with subStatusCode and errorMsg only, without statusCode.
    auto isVerdict = [](const QJsonObject &object) {
        return object.contains(QLatin1String("statusCode")) ||
               object.contains(QLatin1String("subStatusCode"));
    };
    const QJsonObject root = document.object();
    if (isVerdict(root))
        return fromJson(root);
    const QJsonValue wrapped = root.value(QLatin1String("ResponseStatus"));
    if (wrapped.isObject() && isVerdict(wrapped.toObject()))
        return fromJson(wrapped.toObject());
    return {};
}

// Element names are matched without their namespace: terminals use both
// http://www.isapi.org/ver20/XMLSchema and http://www.std-cgi.org/ver20/XMLSchema.
IsapiStatus parseXml(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    if (!xml.readNextStartElement())
        return {};
    IsapiStatus status;
    const QStringView root = xml.name();
    if (root == QLatin1String("ResponseStatus"))
        status.shape = IsapiStatus::Shape::ResponseStatus;
    else if (root.compare(QLatin1String("userCheck"), Qt::CaseInsensitive) == 0)
        status.shape = IsapiStatus::Shape::UserCheck;
    else
        return {};

    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        const QString text = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
        if (name == QLatin1String("statusCode"))
            status.statusCode = toInt(text, 0);
        else if (name == QLatin1String("statusValue"))
            status.statusValue = toInt(text, 0);
        else if (name == QLatin1String("statusString"))
            status.statusString = text;
        else if (name == QLatin1String("subStatusCode"))
            status.subStatusCode = text;
        else if (name == QLatin1String("errorCode"))
            status.errorCode = toInt64(text, 0);
        else if (name == QLatin1String("errorMsg"))
            status.errorMsg = text;
        else if (name == QLatin1String("requestURL"))
            status.requestUrl = text;
        else if (name == QLatin1String("lockStatus"))
            status.lockStatus = text;
        else if (name == QLatin1String("retryLoginTime") || name == QLatin1String("retryTimes"))
            status.attemptsLeft = toInt(text, -1);
        else if (name == QLatin1String("unlockTime") || name == QLatin1String("resLockTime"))
            status.lockSecondsLeft = toInt64(text, -1);
    }
    // A truncated document still tells what it got so far; that beats guessing.
    return status;
}

} // namespace

bool IsapiStatus::isOk() const
{
    switch (shape) {
    case Shape::ResponseStatus:
        return statusCode == 1;
    case Shape::UserCheck:
        return statusValue == 200;
    case Shape::None:
        return false;
    }
    return false;
}

bool IsapiStatus::isLocked() const
{
    return lockStatus.compare(QLatin1String("locked"), Qt::CaseInsensitive) == 0;
}

bool IsapiStatus::isSubStatus(const char *code) const
{
    return subStatusCode.compare(QLatin1String(code), Qt::CaseInsensitive) == 0;
}

IsapiStatus parseIsapiStatus(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{'))
        return parseJson(trimmed);
    if (trimmed.startsWith('<'))
        return parseXml(trimmed);
    return {};
}

std::optional<HikvisionError::Kind> kindForSubStatus(const QString &subStatusCode)
{
    for (const SubStatusKind &entry : kSubStatusKinds) {
        if (subStatusCode.compare(QLatin1String(entry.subStatusCode), Qt::CaseInsensitive) == 0)
            return entry.kind;
    }
    return std::nullopt;
}

namespace {

std::optional<Kind> kindForHttpStatus(int httpStatus)
{
    if (httpStatus >= 200 && httpStatus < 300)
        return std::nullopt;
    switch (httpStatus) {
    case 400:
        return Kind::InvalidContent;
    case 401:
        return Kind::WrongCredentials;
    case 403:
        return Kind::AccessDenied;
    case 404:
    case 405:
    case 501:
        return Kind::NotSupported;
    case 503:
        return Kind::DeviceBusy;
    default:
        break;
    }
    if (httpStatus >= 500)
        return Kind::DeviceError;
    return Kind::UnexpectedResponse;
}

Kind kindForStatusCode(int statusCode)
{
    switch (statusCode) {
    case 2:
        return Kind::DeviceBusy;
    case 3:
        return Kind::DeviceError;
    case 4: // Invalid Operation
    case 5: // Invalid Message Format
    case 6: // Invalid Message Content
        return Kind::InvalidContent;
    case 7:
        return Kind::RebootRequired;
    default:
        return Kind::UnexpectedResponse;
    }
}

} // namespace

std::optional<HikvisionError> errorForResponse(int httpStatus, const IsapiStatus &status)
{
    HikvisionError error;
    error.httpStatus = httpStatus;
    error.statusCode = status.statusCode;
    error.statusString = status.statusString;
    error.subStatusCode = status.subStatusCode;
    error.errorCode = status.errorCode;
    error.errorMsg = status.errorMsg;
    error.attemptsLeft = status.attemptsLeft;
    const bool httpSuccess = httpStatus >= 200 && httpStatus < 300;

    if (status.isLocked()) {
        error.kind = Kind::LockedOut;
        error.lockSecondsLeft = status.lockSecondsLeft;
        return error;
    }
    if (httpStatus == 401) {
        // Whatever the body says, the request was not carried out for want of a login.
        error.kind = Kind::WrongCredentials;
        return error;
    }
    if (status.shape == IsapiStatus::Shape::UserCheck) {
        if (status.statusValue == 200 && httpSuccess)
            return std::nullopt;
        error.kind = status.statusValue == 401
                         ? Kind::WrongCredentials
                         : kindForHttpStatus(httpStatus).value_or(Kind::UnexpectedResponse);
        return error;
    }
    if (status.shape == IsapiStatus::Shape::ResponseStatus) {
        if (status.statusCode == 1) {
            if (httpSuccess)
                return std::nullopt;
            // "OK" under an error status: believe neither.
            error.kind = Kind::UnexpectedResponse;
            error.detail = QStringLiteral("HTTP %1 with statusCode 1").arg(httpStatus);
            return error;
        }
        if (const std::optional<Kind> known = kindForSubStatus(status.subStatusCode)) {
            error.kind = *known;
            return error;
        }
        // An unknown code: a telling HTTP status beats the coarse statusCode class.
        if (httpStatus == 404 || httpStatus == 405 || httpStatus == 501 || httpStatus >= 500) {
            error.kind = *kindForHttpStatus(httpStatus);
            return error;
        }
        error.kind = kindForStatusCode(status.statusCode);
        return error;
    }
    if (const std::optional<Kind> kind = kindForHttpStatus(httpStatus)) {
        error.kind = *kind;
        return error;
    }
    return std::nullopt;
}

} // namespace cis
