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
inline constexpr char kFaceLibCapabilitiesPath[] = "/ISAPI/Intelligent/FDLib/capabilities";
inline constexpr char kFaceSetUpPath[] = "/ISAPI/Intelligent/FDLib/FDSetUp";
inline constexpr char kFaceRecordPath[] = "/ISAPI/Intelligent/FDLib/FaceDataRecord";
inline constexpr char kFaceSearchPath[] = "/ISAPI/Intelligent/FDLib/FDSearch";
inline constexpr char kFaceDeletePath[] = "/ISAPI/Intelligent/FDLib/FDSearch/Delete";
inline constexpr char kCaptureFaceDataPath[] = "/ISAPI/AccessControl/CaptureFaceData";

// The library every client found writes to: blackFD with FDID 1, created by the terminal at
// initialisation (isapi-events-credentials.md §3.1).
inline constexpr char kFaceLibType[] = "blackFD";
inline constexpr char kFaceLibraryId[] = "1";
// The picture part's name: S1's example and S33 say FaceImage, S32 (live) says img. [U] which
// a terminal insists on; the client tries the other once when the terminal names the part.
inline constexpr char kFaceImagePartName[] = "FaceImage";
inline constexpr char kFaceImagePartNameAlternative[] = "img";
// [U] The guide gives no maximum for FDSearch/Delete's FPID list; 30 is UserInfo's delete
// maximum on every terminal seen.
inline constexpr int kFaceDeleteBatchSize = 30;

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

// Faces (isapi-events-credentials.md §3) ------------------------------------------------------

// The JPEG inside data, from its SOI to the EOI that ends its last scan: bytes before or after
// (framing carried over from a multipart answer, padding) make terminals fail with
// SubpicAnalysisModelingError (§3.4). RefusedRequest when there is no complete JPEG.
Expected<QByteArray, HikvisionError> trimmedJpeg(const QByteArray &data);

// A body and the Content-Type that names its boundary.
struct MultipartBody
{
    QByteArray contentType; // multipart/form-data; boundary=...
    QByteArray body;
};

// A random multipart boundary: letters and digits only, so it needs no quoting.
QByteArray newMultipartBoundary();

// {"faceLibType":"blackFD","FDID":"1","FPID":"<employeeNo>"}, plus "faceURL" when given: the
// minimal triple that live terminals take (§3.2), without name or bornTime.
QByteArray faceDataRecordJson(const QString &employeeNo, const QString &faceUrl = {});

// FDSetUp or FaceDataRecord as S1's example and S32 frame it, CRLF throughout:
//   --B / Content-Disposition: form-data; name="FaceDataRecord" / Content-Type:
//   application/json / (empty line) / the JSON, then, when jpeg is given,
//   --B / Content-Disposition: form-data; name="<imagePartName>"; filename="<employeeNo>.jpg" /
//   Content-Type: image/jpeg / (empty line) / the JPEG trimmed to SOI..EOI, then --B--.
// The JSON part has no filename (as curl -F sends it). Without a jpeg the JSON must carry a
// faceURL. An empty boundary means a random one; a boundary found inside the content is
// replaced by another random one. Refused (RefusedRequest) for an employee number that cannot
// be framed (empty, quotes, line breaks) and for data that holds no JPEG.
Expected<MultipartBody, HikvisionError>
faceMultipartBody(const QString &employeeNo, const QByteArray &jpeg,
                  const QString &imagePartName = QLatin1String(kFaceImagePartName),
                  const QString &faceUrl = {}, QByteArray boundary = {});

// {"searchResultPosition":0,"maxResults":1,"faceLibType":"blackFD","FDID":"1","FPID":"<no>"}
QByteArray faceSearchBody(const QString &employeeNo, int position = 0, int maxResults = 1);
// {"FPID":[{"value":"<employeeNo>"}, ...]} for FDSearch/Delete; the library goes in the query.
QByteArray faceDeleteBody(const IdBatch &employeeNos);
// CaptureFaceDataCond as S1 §5.2.3 gives it, with dataType url (or binary).
QByteArray captureFaceDataBody(bool binary = false);

} // namespace isapi
} // namespace cis
