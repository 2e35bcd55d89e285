// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace cis {

// One entry of a terminal's access-control event log (ISAPI AcsEvent). Personal data: only
// what the desk needs to see who came in and who was refused is kept, never the picture itself.
struct AccessEvent
{
    enum class Outcome
    {
        Granted,
        Refused,
        Other, // door, device and operation events: no access attempt
    };
    enum class Method
    {
        Unknown,
        Card,
        Face,
        Fingerprint,
        Pin,
    };

    // The terminal's own counter (1 .. 3,000,000,000), in the order it logged; never by time.
    qint64 serialNo = 0;
    int major = 0;
    int minor = 0;
    // An instant (UTC). The terminal writes its local time with its own offset; an event time
    // without an offset is read as the PC's local time and timeHadOffset is false.
    QDateTime time;
    int utcOffsetSeconds = 0;
    bool timeHadOffset = false;
    QString employeeNo; // employeeNoString; empty for strangers and unknown cards
    QString name;
    QString cardNo; // a string: face events carry meaningless 64-bit sentinels
    QString userType;
    QString verifyMode; // currentVerifyMode
    int doorNo = 0;
    int cardReaderNo = 0;
    QString pictureUrl; // where the terminal keeps the photo; fetched only when opened
    QString mask;       // "yes", "no", "unknown"

    Outcome outcome() const { return outcomeOf(major, minor); }
    Method method() const;
    bool isAccessAttempt() const { return outcome() != Outcome::Other; }

    static Outcome outcomeOf(int major, int minor);
    // "granted", "refused", "other": the word the database and the CLI's JSON use.
    static QString outcomeName(Outcome outcome);
};

// What to ask a terminal for next and what it was when last read: kept per door so that a
// factory reset (serials restart) or a swapped terminal (another serial number) is noticed.
struct EventCursor
{
    QString deviceId;
    QString deviceSerialNumber; // the terminal's, from deviceInfo; empty until known
    qint64 lastSerialNo = 0;    // the highest serial stored; 0: none yet
    QDateTime readAt;           // the last successful poll
    bool isValid() const { return !deviceId.isEmpty(); }
};

// A member's entries through any door: the last one, and on how many days of a period.
struct MemberVisits
{
    QDateTime lastVisit; // invalid: never seen at a door
    int days = 0;        // distinct local days with an entry in the period asked for
};

// Minor codes of major 5 (MAJOR_EVENT), decimal as terminals send them.
namespace acsMinor {
inline constexpr int kCardPass = 1;
inline constexpr int kNoRight = 6;
inline constexpr int kInvalidPeriod = 7;
inline constexpr int kCardExpired = 8;
inline constexpr int kUnknownCard = 9;
inline constexpr int kLockOpen = 21;
inline constexpr int kLockClose = 22;
inline constexpr int kFingerprintPass = 38;
inline constexpr int kFingerprintFail = 39;
inline constexpr int kFingerprintUnknown = 49;
inline constexpr int kFacePass = 75;
inline constexpr int kFaceFail = 76;
inline constexpr int kFaceRecognizeFail = 80;
inline constexpr int kLivenessFail = 104;
inline constexpr int kDoorDormant = 117;
inline constexpr int kPasswordMismatch = 151;
inline constexpr int kEmployeeNoUnknown = 152;
inline constexpr int kVerifyModeMismatch = 155;
inline constexpr int kPinPass = 181;
} // namespace acsMinor

inline constexpr int kMajorEvent = 5;

} // namespace cis
