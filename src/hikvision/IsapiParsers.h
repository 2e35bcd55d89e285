// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Expected.h"
#include "HikvisionError.h"
#include "IsapiTypes.h"
#include "Person.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace cis {

// Readers for the documents terminals send back. Each returns MalformedResponse when the body is
// empty or not well-formed, and UnexpectedResponse when it is well-formed but lacks the expected
// root: a 200 without the data is never taken for an empty result. Errors carry only the kind
// and detail; the client adds call, host and member.
namespace isapi {

// XML with any namespace (terminals ignore ?format=json here); a JSON DeviceInfo is accepted too.
Expected<DeviceInfo, HikvisionError> parseDeviceInfo(const QByteArray &body);
Expected<UserCapabilities, HikvisionError> parseUserCapabilities(const QByteArray &body);
Expected<PersonCount, HikvisionError> parsePersonCount(const QByteArray &body);
Expected<SearchPage, HikvisionError> parsePersonSearchPage(const QByteArray &body);
Expected<SearchPage, HikvisionError> parseCardSearchPage(const QByteArray &body);

// A search answer read as far as its paging (status, counts, how many entries): enough to ask
// for the next page. Turning its entries into persons or cards costs twice what reading the
// JSON does, and can wait until the next request is out. Entries that cannot be used become
// warnings, never an error, so what the head said stands.
enum class SearchItems
{
    Persons,
    Cards,
    Events,
};
struct UnreadSearchPage
{
    SearchPage page; // everything but the entries
    QJsonArray items;
    SearchItems kind = SearchItems::Persons;
    QString root; // for the warnings
};
Expected<UnreadSearchPage, HikvisionError> parsePersonSearchPageHead(const QByteArray &body);
Expected<UnreadSearchPage, HikvisionError> parseCardSearchPageHead(const QByteArray &body);
SearchPage readSearchPageItems(UnreadSearchPage unread);
// AcsEvent: InfoList items in either style (every field zero-filled, or only those present).
// An item without a serial number cannot be told from another and is skipped with a warning.
Expected<SearchPage, HikvisionError> parseAcsEventPage(const QByteArray &body);
// GET /ISAPI/System/time: <Time><localTime>2026-07-13T19:14:08+03:00</localTime>…; the
// terminal's clock as an instant (its offset kept). XML with any namespace, or JSON.
Expected<QDateTime, HikvisionError> parseSystemTime(const QByteArray &body);
// AcsEventTotalNum.totalNum.
Expected<qint64, HikvisionError> parseAcsEventTotalNum(const QByteArray &body);

// One UserInfo entry; unknown fields end up in otherFields untouched.
Person personFromJson(const QJsonObject &object);
Card cardFromJson(const QJsonObject &object);

// GET /ISAPI/AccessControl/capabilities (XML, flags anywhere in the tree).
Expected<AccessControlCapabilities, HikvisionError>
parseAccessControlCapabilities(const QByteArray &body);
// {"CardInfo":{"cardNo":"..","cardType":".."}} from CaptureCardInfo.
Expected<CapturedCard, HikvisionError> parseCapturedCard(const QByteArray &body);
// GET /ISAPI/Intelligent/FDLib/capabilities: JSON_FPLibCap, flat beside the ResponseStatus
// fields as S1 gives it, or wrapped in one object; values as strings, numbers or {"@opt":..}
// / {"@max":..}; XML with any namespace too. available is true for any such answer.
Expected<FaceLibraryCapabilities, HikvisionError>
parseFaceLibraryCapabilities(const QByteArray &body);
// FDSearch: responseStatusStrg OK / MORE / NO MATCHES, numOfMatches, totalMatches and MatchList,
// numbers possibly quoted. "NO MATCHES" or totalMatches 0 is an empty page; a bare OK status
// without any search field is UnexpectedResponse, never "no face".
Expected<FaceSearchPage, HikvisionError> parseFaceSearchPage(const QByteArray &body);
// CaptureFaceData: XML whose root is CaptureFaceData (S1) or CaptureFaceDataResponse (S36), in
// any namespace, or the same in JSON; captureProgress as text or number. A multipart answer
// (dataType binary) gives its XML part and its FaceData JPEG, located by contentType's boundary
// or, without one, the body's first line.
Expected<FaceCaptureProgress, HikvisionError>
parseCaptureFaceData(const QByteArray &body, const QByteArray &contentType = {});
// Invalid serialNo (0) when the item has none or an unreadable one.
AccessEvent accessEventFromJson(const QJsonObject &object);
// An event time: "2022-02-03T14:51:18+06:00" becomes that instant with its offset kept; a time
// without an offset is taken as the PC's local time (hadOffset false).
QDateTime parseEventTime(const QString &text, bool *hadOffset = nullptr);

// "2026-07-06T00:38:29" (local, the usual form) or with an offset (timeType UTC), converted to
// local time; invalid when unreadable.
QDateTime parseDeviceTime(const QString &text);
// "YYYY-MM-DDThh:mm:ss", with "+hh:mm" only when the terminal wants UTC-style times. Never a
// date alone: terminals are not known to accept that.
QString formatDeviceTime(const QDateTime &time, bool withOffset = false);

} // namespace isapi
} // namespace cis
