// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "DeviceEventLog.h"
#include "DeviceProfiles.h"
#include "IsapiDeviceModel.h"
#include "IsapiProtocol.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <optional>

namespace cis::sim {

// [U] whether the terminal's name limit counts UTF-8 bytes or characters.
enum class NameLengthUnit
{
    Utf8Bytes,
    Characters,
};

// [U] The answer to Modify (without addUser), card Record/Modify or Delete naming a person the
// terminal does not hold; the document lists these candidates (§3.6).
enum class MissingPersonError
{
    EmployeeNoNotExist, // statusCode 6, errorCode invented (0x6000F002)
    DeviceUserNotExist, // statusCode 6, 0x60007001 from a test fixture
    UserNotExist,       // statusCode 6, errorCode invented (0x6000F003)
    BadJsonContent,     // badJsonContent naming employeeNo
};

// Everything the request handlers validate against besides the store itself.
struct IsapiRules
{
    DeviceProfile profile;
    DeviceLimits limits;
    NameLengthUnit nameLengthUnit = NameLengthUnit::Utf8Bytes;
    MissingPersonError missingPersonError = MissingPersonError::EmployeeNoNotExist;
    bool deleteOfMissingPersonFails = false;
    // Where times given with timeType "UTC" and an offset end up; the terminal stores and
    // returns local times.
    QTimeZone deviceTimeZone = QTimeZone::systemTimeZone();
    // "http://host:port", for faceURL on profiles that return it.
    QString deviceUrl;
    // The event search (isapi-events-credentials.md §1.2, §1.4, §5.1): the silent page cap;
    // a beginSerialNo without endSerialNo refused (the DS-K1T344, S11); startTime/endTime
    // refused with badJsonContent (the DS-K1T341AM, S26); every field written zero-filled
    // (the DS-K1A340FWX, S2) instead of only those present (S5, S27, S28).
    int eventPageCap = 30;
    bool eventsNeedEndSerialNo = true;
    bool eventsRejectTimeRange = false;
    bool eventsZeroFilled = false;
    // [U] beginSerialNo left out of the answer, as some firmware may do (§6).
    bool eventsBeginExclusive = false;
    // cardNo (isapi-events-credentials.md §2.2): 1..profile.cardNoMaxLength characters by
    // default (S1's capture capability, 1..32); strict is S5's device, "case sensitive, only
    // allow alpha-numeric characters and hyphen, max 20 chars".
    bool strictCardNo = false;
    // [U] Whether UserInfo/Delete and UserInfo/SetUp deleteUser also delete the person's face:
    // S1 says no, S32 (a live K1T342MFWX-E1) says yes. Default S1's.
    bool userDeleteRemovesFace = false;
    // Face pictures (isapi-events-credentials.md §3.4); see IsapiSimulator::Options.
    int facePictureMaxBytes = 200 * 1024;
    bool oversizeIsBadJsonFormat = true;
    bool rejectProgressiveJpeg = true;
    bool requireChroma420 = true;
    int faceMinShortSide = 80;
    int faceMinLongSide = 400;
    double faceMinLuminanceSpread = 12.0;
    bool faceWriteReturnsFpid = true;
};

// What a JSON call answers: a data document, or (when document is empty) the ResponseStatus.
struct IsapiReply
{
    IsapiStatus status;
    QJsonObject document;

    static IsapiReply of(IsapiStatus status) { return {std::move(status), {}}; }
    static IsapiReply data(QJsonObject document)
    {
        return {IsapiStatus::ok(), std::move(document)};
    }
};

// The body of each JSON endpoint, written from hikvision-isapi.md §3, §4 and §8. A rejected
// request changes nothing. Field-level rules the document leaves open, decided here:
// - Unknown fields are ignored, and so are read-only ones (numOfFace, openDoorTime ...).
// - A missing field is MessageParametersLack naming it; a field of the wrong JSON type, a time
//   that is not "yyyy-MM-ddTHH:mm:ss" (a date alone included) or an offset with timeType local
//   is badJsonContent naming it; a value outside the capability's range or options is
//   badParameters naming it.
// - Record without doorRight or RightPlan stores none: the person may open no door (S6 says
//   an empty doorRight means no permission).
// - Search returns password as "" and timeType "local" whatever was written.
namespace isapi {

IsapiReply searchPersons(const IsapiDeviceModel &model, const QJsonObject &body,
                         const IsapiRules &rules);
IsapiReply recordPerson(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules);
IsapiReply modifyPerson(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules);
IsapiReply setUpPerson(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules);
IsapiReply deletePersons(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules);
// Checks a UserInfoDetail/Delete body and, when it is acceptable, carries the deletion out
// (persons and their cards).
IsapiReply deletePersonDetails(IsapiDeviceModel &model, const QJsonObject &body,
                               const IsapiRules &rules);
IsapiReply countPersons(const IsapiDeviceModel &model, const IsapiRules &rules);

IsapiReply searchCards(const IsapiDeviceModel &model, const QJsonObject &body,
                       const IsapiRules &rules);
IsapiReply recordCard(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules);
IsapiReply modifyCard(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules);
IsapiReply setUpCard(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules);
IsapiReply deleteCards(IsapiDeviceModel &model, const QJsonObject &body, const IsapiRules &rules);
// employeeNo empty: all cards.
IsapiReply countCards(const IsapiDeviceModel &model, const QString &employeeNo);

IsapiReply searchEvents(const DeviceEventLog &log, const QJsonObject &body,
                        const IsapiRules &rules);
IsapiReply countEvents(const DeviceEventLog &log, const QJsonObject &body);

// A person as a search returns it.
QJsonObject personJson(const DevicePerson &person, const IsapiDeviceModel &model,
                       const IsapiRules &rules);
IsapiStatus missingPerson(MissingPersonError style);
IsapiStatus deviceUserFull();
IsapiStatus cardNoAlreadyExist();
IsapiStatus cardNoNotExist();
// The longest cardNo the rules accept, and whether this one is acceptable.
int cardNoMaxLength(const IsapiRules &rules);
bool isValidCardNo(const QString &cardNo, const IsapiRules &rules);
// Where the terminal serves an enrolled face's picture, below its base URL:
// "/LOCALS/pic/enrlFace/0/0000000001.jpg@WEB000000000010" as S3 captured it; the 12-digit suffix
// counts the picture's replacements from 10 [U].
QString enrolledFacePath(const DeviceFace &face);

} // namespace isapi

} // namespace cis::sim
