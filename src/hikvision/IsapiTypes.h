// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "AccessEvent.h"
#include "Person.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <optional>

namespace cis {

// GET /ISAPI/System/deviceInfo.
struct DeviceInfo
{
    QString deviceName;
    QString deviceId;
    QString model;
    QString serialNumber;
    QString macAddress;
    QString firmwareVersion;      // e.g. "V1.2.7"
    QString firmwareReleasedDate; // e.g. "build 240102"
    QString deviceType;           // "ACS" on access terminals
    QString hardwareVersion;
    QString manufacturer;
    // Every element as reported, by local name, for diagnostics.
    QMap<QString, QString> fields;
};

struct LengthRange
{
    int min = 0;
    int max = 0;
};

// GET /ISAPI/AccessControl/UserInfo/capabilities. The defaults are what the client assumes
// when the terminal leaves a node out: the official defaults where the guide gives one, else
// the smallest value seen on a real terminal or in the guide.
struct UserCapabilities
{
    bool reportedByDevice = false;  // false: these are the defaults
    QStringList supportedFunctions; // post, delete, put, get, setUp; empty when not reported

    int searchMaxResults = 30;            // UserInfoSearchCond.maxResults @max: page size
    int searchEmployeeNoListMaxSize = 30; // UserInfoSearchCond.EmployeeNoList.maxSize
    int deleteEmployeeNoListMaxSize = 30; // UserInfoDelCond.EmployeeNoList.maxSize
    LengthRange employeeNoLength{1, 32};
    LengthRange nameLength{0, 32}; // the guide's example says 1..32; terminals report 0..128

    // The window a validity may span; the guide's defaults when the terminal does not say.
    QDateTime validTimeRangeBegin;
    QDateTime validTimeRangeEnd;
    QStringList timeTypeOptions; // e.g. "local", "UTC"; empty when not reported
    QStringList userTypeOptions; // e.g. "normal", "visitor", "blackList"; empty when not reported

    int maxRecordNum = -1; // person capacity; -1 when not reported
    bool reportsNumOfCard = false;
    bool reportsNumOfFace = false;
    bool reportsNumOfFP = false;
    int doorRightMax = -1;     // doorRight @max; -1 when not reported
    int rightPlanMaxSize = -1; // RightPlan.maxSize; -1 when not reported
    bool hasGivenName = false; // firmware that stores the name in two parts
    bool hasFamilyName = false;
    LengthRange givenNameLength{0, 32};
    LengthRange familyNameLength{0, 32};

    UserCapabilities();
    bool supportsFunction(const QString &function) const
    {
        return supportedFunctions.isEmpty() ||
               supportedFunctions.contains(function, Qt::CaseInsensitive);
    }
};

// GET /ISAPI/AccessControl/UserInfo/Count.
struct PersonCount
{
    int persons = 0;
    // -1 when the terminal did not report them (only some firmware does).
    int withFace = -1;
    int withFingerprint = -1;
    int withCard = -1;
};

struct Card
{
    QString employeeNo;
    QString cardNo;
    QString cardType; // "normalCard" when empty on write
    QVariantMap otherFields;
};

// One page of a UserInfo/Search, CardInfo/Search or AcsEvent answer.
struct SearchPage
{
    QString searchId;
    QString responseStatus; // "OK", "MORE", "NO MATCH"
    int numOfMatches = 0;
    int totalMatches = -1;
    int itemCount = 0; // entries in the array, usable or not
    QList<Person> persons;
    QList<Card> cards;
    QList<AccessEvent> events;
    QStringList warnings; // entries that could not be used

    bool hasMore() const { return responseStatus.compare(QLatin1String("MORE")) == 0; }
};

struct PersonSearchResult
{
    QList<Person> persons;
    QStringList warnings;
};

// The events a search found, in the order the terminal listed them.
struct EventSearchResult
{
    QList<AccessEvent> events;
    QStringList warnings;
    int pages = 0;
};

// GET /ISAPI/AccessControl/capabilities (XML): what the terminal says it can enrol. Only a
// flag the terminal sent is taken as an answer; a missing one is "not said".
struct AccessControlCapabilities
{
    bool reported = false;
    std::optional<bool> captureCardInfo; // isSupportCaptureCardInfo
    std::optional<bool> captureFace;     // isSupportCaptureFace
    std::optional<bool> faceLibrary;     // isSupportFDLib (some terminals with one omit it)
    QMap<QString, QString> flags;        // every isSupport* element as sent
};

// GET /ISAPI/AccessControl/CaptureCardInfo: the number the terminal's own reader produced.
struct CapturedCard
{
    QString cardNo;
    QString cardType; // the technology: TypeA_M1, TypeA_CPU, TypeB, ID_125K, ...
};

// GET /ISAPI/Intelligent/FDLib/capabilities (JSON_FPLibCap, isapi-events-credentials.md §3.1).
// A terminal without a face library over ISAPI (the DS-K1A340FWX answers 404 on every FDLib
// path) is a value with available false, not an error.
struct FaceLibraryCapabilities
{
    bool available = false;
    QStringList functions;     // supportFDFunction: post, delete, put, get, setUp; empty: not said
    QStringList faceLibTypes;  // e.g. blackFD, staticFD, infraredFD; empty when not reported
    int maxRecords = -1;       // FDRecordDataMaxNum; -1 when not reported
    int faceUrlMaxLength = -1; // faceURLLen; -1 when not reported

    // A library that does not list its functions is taken to have them all, as UserInfo's
    // capabilities are: FDSetUp is the write every client found uses (§3.3).
    bool supportsSetUp() const { return supports(QStringLiteral("setUp")); }
    bool supportsPost() const { return supports(QStringLiteral("post")); }
    bool supports(const QString &function) const
    {
        return available &&
               (functions.isEmpty() || functions.contains(function, Qt::CaseInsensitive));
    }
};

// One face in the blackFD library (FDSearch MatchList item, §3.6).
struct FaceRecord
{
    QString employeeNo; // FPID, which terminals and clients keep equal to the employeeNo
    QString faceUrl;    // where the terminal serves the picture (its own idea of its address)
    QString inLibrary;  // isInLibrary: "yes" (modelled), "no", "unknown"; empty when not sent
};

// One FDSearch answer.
struct FaceSearchPage
{
    QString responseStatus; // "OK", "MORE", "NO MATCHES"
    int numOfMatches = 0;
    int totalMatches = -1;
    QList<FaceRecord> faces;
};

// One CaptureFaceData answer (§3.7).
struct FaceCaptureProgress
{
    int progress = 0;    // captureProgress 0..100
    QString faceDataUrl; // only meaningful at 100
    QByteArray jpeg;     // the FaceData part of a multipart (binary) answer, trimmed to SOI..EOI
};

// A face the terminal's own camera took: the device-local URL FDSetUp accepts as faceURL, and
// the picture itself when the terminal sent it or it could be fetched.
struct CapturedFace
{
    QString faceDataUrl;
    QByteArray jpeg;
};

struct CardSearchResult
{
    QList<Card> cards;
    QStringList warnings;
};

// A write the terminal accepted, and what the client had to change to make it acceptable
// (a shortened name, a clamped validity), for the caller to show.
struct WriteResult
{
    QString employeeNo;
    QStringList warnings;
};

struct DeleteResult
{
    QStringList deleted; // employee or card numbers in batches the terminal accepted
    int batches = 0;
};

} // namespace cis
