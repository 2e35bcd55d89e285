// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

namespace cis::sim {

struct IntRange
{
    int min = 0;
    int max = 0;

    bool contains(qint64 value) const { return min <= value && value <= max; }
};

// What a terminal enforces on persons, read from its UserInfo capability document the way a
// client has to read it (hikvision-isapi.md §2.3), so that editing the document changes the
// behaviour and the two can never disagree.
struct DeviceLimits
{
    int maxResults = 30;
    int searchEmployeeNoListMaxSize = 30;
    int deleteEmployeeNoListMaxSize = 30;
    IntRange employeeNo{1, 32};
    IntRange name{0, 128};
    // Only on profiles that take the name in two parts.
    IntRange givenName{0, 64};
    IntRange familyName{0, 64};
    IntRange fuzzySearch{0, 32};
    QStringList userTypes;
    // Device-local times; the time spec is UTC only so that no daylight-saving rule applies.
    QDateTime timeRangeBegin;
    QDateTime timeRangeEnd;
    QStringList timeTypes;
    int maxRecordNum = 1500;
    IntRange password{1, 8};
    int maxBelongGroup = 4;
    IntRange doorRight{1, 1};
    int rightPlanMaxSize = 1;
    IntRange doorNo{1, 1};
    IntRange planTemplateNo{1, 255};
    IntRange maxOpenDoorTime{0, 255};
    IntRange roomNumber{0, 99};
    IntRange floorNumber{0, 99};
    QStringList genders;
    QStringList userVerifyModes;

    // Absent entries keep the defaults above; an absent timeRangeBegin means 1970-01-01, as
    // the official schema says (S1 §6.1.60).
    static DeviceLimits fromCapabilities(const QJsonObject &capabilities);
};

// One kind of door terminal, as data: what it says about itself and what it accepts. The
// simulator serves these documents verbatim and validates against them.
struct DeviceProfile
{
    QString name;    // the key to select it by
    QString summary; // one line for --help and the banner
    QString realm;   // the Digest realm; the model name, as test mocks elsewhere use it [U]
    // GET /ISAPI/System/deviceInfo, element by element in device order.
    QList<std::pair<QString, QString>> deviceInfo;
    // GET /ISAPI/AccessControl/capabilities, the whole XML document.
    QByteArray accessControlCapabilities;
    // GET /ISAPI/AccessControl/UserInfo/capabilities?format=json, root "UserInfo" included.
    QJsonObject userInfoCapabilities;
    // GET /ISAPI/AccessControl/CardInfo/capabilities?format=json. Invented: no capture exists.
    QJsonObject cardInfoCapabilities;
    // GET /ISAPI/AccessControl/UserInfoDetail/Delete/capabilities?format=json (S1 §6.1.61).
    QJsonObject userInfoDetailDeleteCapabilities;

    // Record (and SetUp of a new person) answers MessageParametersLack naming the field
    // without these; peers report such models (peers.md A.3).
    bool recordRequiresRightPlan = false;
    bool recordRequiresDoorRight = false;
    // Newer firmware that wants the name as givenName and familyName (peers.md A.3): both are
    // required on Record, name becomes "givenName familyName", and search returns all three.
    bool splitNames = false;
    // Fields a search returns with every person beyond the official ones (groupId ... on the
    // DS-K1A340FWX, S2).
    QJsonObject extraPersonFields;
    // UserInfo/Count adds bindFaceUserNumber & co (the S3 time clock).
    bool countsBoundUsers = false;
    // A person with a face carries faceURL in search results (the S3 time clock).
    bool faceUrls = false;
    // Credentials (isapi-events-credentials.md §2, §3). captureCardInfo: CaptureCardInfo and
    // isSupportCaptureCardInfo. captureFace: CaptureFaceData and isSupportCaptureFace.
    // faceLibrary: the /ISAPI/Intelligent/FDLib resources and isSupportFDLib; without it every
    // FDLib path answers 404, as on the DS-K1A340FWX (S2).
    bool captureCardInfo = false;
    bool captureFace = false;
    bool faceLibrary = false;
    // S5's device: cardNo at most 20 characters, letters, digits and hyphen only.
    bool strictCardNo = false;
    int cardNoMaxLength = 32;
    int cardMaxResults = 30;
    int maxCardNum = 3000;

    QString model() const;
    // Rebuilds accessControlCapabilities from the flags above, after changing them.
    void refreshAccessControlCapabilities();
    QString deviceInfoValue(const QString &element) const;
    DeviceLimits limits() const { return DeviceLimits::fromCapabilities(userInfoCapabilities); }
    // A value inside userInfoCapabilities by path below the root, e.g.
    // {"UserInfoSearchCond", "maxResults", "@max"}. Setting creates missing objects.
    QJsonValue capability(const QStringList &path) const;
    void setCapability(const QStringList &path, const QJsonValue &value);
};

// The built-in profiles:
//   DS-K1T341AM   (default) deviceInfo from a real unit (S14, firmware V3.2.30 build 220210);
//                 serial number and MAC invented. Its capabilities are NOT a capture: they take
//                 the DS-K1A340FWX document's shape with values plausible for a face and card
//                 terminal (userType normal/visitor/blackList, no fingerprint verify modes,
//                 numOfFace/numOfCard supported).
//   DS-K1A340FWX  exactly the S2 capture: deviceInfo, capabilities (userType "normal" only,
//                 maxRecordNum 1500, isSupportCardInfo false although cards work), and the
//                 extra search fields groupId and localAtndPlanTemplateId.
//   S3-timeclock  the unnamed time clock of S3: fuzzySearch 0..128, userType
//                 normal/visitor/blackList, timeType local only, password 0..8, maxRecordNum
//                 3000, hasFace/hasCard/hasFingerprint filters, PersonInfoExtends, bound-user
//                 counts and faceURL. Its deviceInfo is invented (the model was not stated).
//   DS-K1T341AM-strict  the DS-K1T341AM with the strict behaviours peers report for some
//                 models and newer firmware, none of them captured: Record needs RightPlan
//                 and doorRight, the name comes as givenName/familyName, and cardNo is S5's
//                 20 characters of letters, digits and hyphens.
// Credentials: the DS-K1T341AM, its strict variant and the S3 time clock are face terminals
// with a face library (FDLib, as on the MinMoe builds, S37), CaptureFaceData and
// CaptureCardInfo. The DS-K1A340FWX has no face library over ISAPI (every FDLib path 404, S2)
// and no isSupportCaptureCardInfo, but answers CaptureFaceData (S2 saw methodNotAllowed and
// badXmlContent there).
class DeviceProfiles
{
public:
    static QString defaultName() { return QStringLiteral("DS-K1T341AM"); }
    static QStringList names();
    static std::optional<DeviceProfile> byName(const QString &name);
    static DeviceProfile defaultProfile();
};

} // namespace cis::sim
