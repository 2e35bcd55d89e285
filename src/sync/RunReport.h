// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "SyncTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace cis {

// What happened to one device in one run.
struct DeviceOutcome
{
    enum class Status
    {
        Synced,       // every planned write done (or none needed)
        Previewed,    // planned only
        Held,         // the guard held the plan back
        PartlyFailed, // some writes failed
        Failed,       // could not read or write the device
        AuthFailed,   // wrong password or locked: not contacted again until settings change
        Skipped,      // disabled, or the run stopped before it
    };

    QString deviceId;
    QString deviceName;
    Status status = Status::Skipped;
    QString message; // one sentence naming the device when something went wrong
    Plan plan;
    int written = 0;
    int failed = 0;
    int requests = 0;
    // When this door's work started and ended: on the engine's clock, and in milliseconds
    // since the run started (doors are worked at the same time). Not started: invalid, -1.
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 startMs = -1;
    qint64 endMs = -1;
};

QString deviceStatusToString(DeviceOutcome::Status status);

// A member whose membership is valid who was refused at a door since the previous run's
// report: the door and Cardskipper disagree. Each refusal is reported by one run only.
struct RefusedAtDoor
{
    QString deviceId;
    QString deviceName;
    MemberKey member;
    QString memberName;
    QDateTime at;
    QString reason;
    // This run wrote the member's person on that door: the next try should let them in.
    bool writtenThisRun = false;
};

// The structured result of a run, for the log panel, the CLI's summary and --report FILE.
struct RunReport
{
    RunRecord run;
    QString cardskipperError; // non-empty: members could not be fetched, no device touched
    bool membersHeld = false; // the member list looked like an accident (guard)
    QStringList guardReasons;
    QList<DeviceOutcome> devices;
    QList<OperationRecord> operations;
    QMap<QString, int> requestsByEndpoint;         // "POST /Member/Export" -> 1
    QList<RefusedAtDoor> refusedDespiteMembership; // newest first, one per member and door
    qint64 fetchMs = 0;
    qint64 planMs = 0;
    qint64 applyMs = 0;
    qint64 databaseMs = 0;

    // 0 done, 1 some operations failed, 3 cannot connect or authenticate, 4 the guard held.
    int exitCode() const;
    int totalRequests() const;
    int deviceRequests() const;
    QJsonObject toJson() const;
};

QJsonObject personToJson(const Person &person);

// What the desk knows about a door right now: whether its software answers, and if not, since
// when and why. Learnt from every run's requests; a quiet quick sync still asks the door once
// every kLivenessSeconds (see SyncEngine), so a door that died overnight shows in the morning.
struct DoorHealth
{
    enum class State
    {
        Unknown,            // not contacted since the program started or its settings changed
        Online,             // answered the last request
        Unreachable,        // no answer: host down, refused, timed out, network or TLS failure
        PasswordRejected,   // the terminal's verdict on the credentials; not asked again
        Locked,             // too many failed logins; lockedUntil says until when
        CertificateChanged, // HTTPS certificate is not the trusted (pinned) one
        Failing,            // answers, but refuses or fails our requests
    };

    QString deviceId;
    State state = State::Unknown;
    QDateTime lastContact; // the last time the door's own software answered anything
    QDateTime since;       // when the current state began
    QDateTime lockedUntil; // Locked only, when the terminal said
    int attemptsLeft = -1; // PasswordRejected: logins left before a lock, when reported
    QString detail;        // the technical message (call, status), for the log and tooltips

    bool isProblem() const { return state != State::Unknown && state != State::Online; }
    friend bool operator==(const DoorHealth &a, const DoorHealth &b)
    {
        return a.deviceId == b.deviceId && a.state == b.state && a.lastContact == b.lastContact &&
               a.since == b.since && a.lockedUntil == b.lockedUntil &&
               a.attemptsLeft == b.attemptsLeft && a.detail == b.detail;
    }
    friend bool operator!=(const DoorHealth &a, const DoorHealth &b) { return !(a == b); }
};

QString doorHealthStateToString(DoorHealth::State state); // "online", "unreachable", ...

} // namespace cis

Q_DECLARE_METATYPE(cis::RunReport)
Q_DECLARE_METATYPE(cis::DoorHealth)
