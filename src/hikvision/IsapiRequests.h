// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "DeviceProfile.h"
#include "Expected.h"
#include "HikvisionError.h"
#include "IsapiTypes.h"
#include "Person.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cis {
namespace isapi {

inline constexpr char kDeviceInfoPath[] = "/ISAPI/System/deviceInfo";
inline constexpr char kUserCapabilitiesPath[] = "/ISAPI/AccessControl/UserInfo/capabilities";
inline constexpr char kUserCountPath[] = "/ISAPI/AccessControl/UserInfo/Count";
inline constexpr char kUserSearchPath[] = "/ISAPI/AccessControl/UserInfo/Search";
inline constexpr char kUserRecordPath[] = "/ISAPI/AccessControl/UserInfo/Record";
inline constexpr char kUserModifyPath[] = "/ISAPI/AccessControl/UserInfo/Modify";
inline constexpr char kUserSetUpPath[] = "/ISAPI/AccessControl/UserInfo/SetUp";
inline constexpr char kUserDeletePath[] = "/ISAPI/AccessControl/UserInfo/Delete";
inline constexpr char kCardRecordPath[] = "/ISAPI/AccessControl/CardInfo/Record";
inline constexpr char kCardSearchPath[] = "/ISAPI/AccessControl/CardInfo/Search";
inline constexpr char kCardDeletePath[] = "/ISAPI/AccessControl/CardInfo/Delete";
inline constexpr char kAccessControlCapabilitiesPath[] = "/ISAPI/AccessControl/capabilities";
inline constexpr char kCaptureCardInfoPath[] = "/ISAPI/AccessControl/CaptureCardInfo";
inline constexpr char kAcsEventPath[] = "/ISAPI/AccessControl/AcsEvent";
inline constexpr char kAcsEventTotalNumPath[] = "/ISAPI/AccessControl/AcsEventTotalNum";
inline constexpr char kSystemTimePath[] = "/ISAPI/System/time";

// The event log's page cap on every terminal seen (isapi-events-credentials.md §1.4): asking
// for more is answered with 30 and MORE, without an error.
inline constexpr int kAcsEventPageSize = 30;
// Sent with every beginSerialNo: the DS-K1T344 refuses a begin without an end, and accepts
// this one (larger ones are refused by some firmware).
inline constexpr qint64 kAcsEventEndSerialNo = 999999999;

// Card numbers: the card capability in the guide allows 1..32.
inline constexpr int kMaxCardNoBytes = 32;

// A list of employee or card numbers for one request: never empty, no blanks, no duplicates,
// at most the terminal's maximum. A UserInfoDelCond or CardInfoDelCond whose list is missing
// or empty deletes EVERY person or card on the terminal, so the delete bodies take only an
// IdBatch, and the only way to get one is splitIntoBatches, which refuses an empty list.
class IdBatch
{
public:
    enum class Kind
    {
        EmployeeNo,
        CardNo
    };

    Kind kind() const { return m_kind; }
    const QStringList &ids() const { return m_ids; }

private:
    IdBatch(Kind kind, QStringList ids)
        : m_kind(kind)
        , m_ids(std::move(ids))
    {}

    friend Expected<QList<IdBatch>, HikvisionError>
    splitIntoBatches(const QStringList &ids, IdBatch::Kind kind, int maxSize);

    Kind m_kind;
    QStringList m_ids;
};

// RefusedRequest for an empty list or a blank entry; duplicates are dropped, order is kept.
Expected<QList<IdBatch>, HikvisionError> splitIntoBatches(const QStringList &ids,
                                                          IdBatch::Kind kind, int maxSize);

// {"UserInfoDelCond":{"EmployeeNoList":[{"employeeNo":"..."}, ...]}}
QByteArray userInfoDeleteBody(const IdBatch &employeeNos);
// {"CardInfoDelCond":{"EmployeeNoList":[...]}} or {"CardInfoDelCond":{"CardNoList":[...]}}
QByteArray cardInfoDeleteBody(const IdBatch &batch);

// {"UserInfoSearchCond":{"searchID":..,"searchResultPosition":..,"maxResults":..}} plus an
// EmployeeNoList when filtered. Without a filter the terminal returns everybody.
QByteArray userInfoSearchBody(const QString &searchId, int position, int maxResults,
                              const std::optional<IdBatch> &filter);
QByteArray cardInfoSearchBody(const QString &searchId, int position, int maxResults,
                              const std::optional<IdBatch> &filter);

// AcsEventCond for every kind of event (major and minor 0, both required by terminals), page
// `position` of one scan. With a beginSerialNo only events from it on (inclusive on the
// firmware seen), up to kAcsEventEndSerialNo.
QByteArray acsEventSearchBody(const QString &searchId, int position,
                              std::optional<qint64> beginSerialNo = std::nullopt,
                              int maxResults = kAcsEventPageSize);
QByteArray acsEventTotalNumBody();

struct TruncatedText
{
    QString text;
    bool truncated = false;
};

// Shortens text to at most maxBytes of UTF-8, cutting only between grapheme clusters, so that
// neither a UTF-8 sequence, a surrogate pair nor a letter with its accent is split. The guide
// does not say whether the terminal's name limit counts bytes or characters; counting bytes is
// the reading that can never overflow. The text is NFC-normalised first so that "å" counts as
// the two bytes it usually is, not three.
TruncatedText truncateUtf8(const QString &text, int maxBytes);

struct ClampedValidity
{
    bool enabled = true;
    QDateTime begin;
    QDateTime end;
    QStringList adjustments; // what was changed, for the log
    bool reordered = false;  // begin had to be moved to keep begin < end
};

// Puts a validity into the terminal's range with begin strictly before end, in whole seconds.
// Both ends are clamped into [timeRangeBegin, timeRangeEnd]. If begin is then not before end,
// begin moves to one second before end (or, at the bottom of the range, end moves to one
// second after begin): the window keeps ending when the member's access should end, and what
// remains is one second at that end, which grants nothing in practice. This is how a lapsed
// member is written (the terminal answers invalidOperation to an inverted window). An enabled
// validity without both times is refused; a disabled one gets the whole range.
Expected<ClampedValidity, HikvisionError> clampValidity(const PersonValidity &validity,
                                                        const UserCapabilities &capabilities);

struct PersonWrite
{
    QByteArray body;
    QStringList warnings;
};

// The UserInfo for Record and SetUp: employeeNo, name, userType, Valid, doorRight, RightPlan
// and, where the profile says so, givenName/familyName. Fields the person leaves empty get the
// profile's values. Refused when the employeeNo does not fit the terminal. host names the
// terminal in warnings.
Expected<PersonWrite, HikvisionError> userInfoBody(const Person &person,
                                                   const UserCapabilities &capabilities,
                                                   const DeviceProfile &profile,
                                                   const QString &host);

// The partial UserInfo for Modify: employeeNo and Valid only, so that nothing else the terminal
// holds for the person (name edits, door rights, credentials) is touched.
Expected<PersonWrite, HikvisionError> userInfoValidityBody(const Person &person,
                                                           const UserCapabilities &capabilities,
                                                           const DeviceProfile &profile,
                                                           const QString &host);

// {"CardInfo":{"employeeNo":..,"cardNo":..,"cardType":"normalCard"}}
Expected<QByteArray, HikvisionError> cardInfoRecordBody(const Card &card,
                                                        const UserCapabilities &capabilities);

} // namespace isapi
} // namespace cis
