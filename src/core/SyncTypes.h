// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The vocabulary shared by the Planner (pure), the Store (SQLite) and the SyncEngine: links
// between members and device persons, the administrator's overrides, the policy settings that
// shape a plan, the plan itself, and the run/operation records that form the audit trail.

#include "Member.h"
#include "Person.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cis {

// ---- Matching ----------------------------------------------------------------------------

enum class LinkOrigin
{
    Created,   // we created the person on the device
    Manual,    // the administrator picked the member for an existing device person
    Suggested, // the administrator accepted an auto-match suggestion
};

QString linkOriginToString(LinkOrigin origin); // "created", "manual", "suggested"
std::optional<LinkOrigin> linkOriginFromString(const QString &text); // inverse; nullopt if unknown

// A member and a device person are the same human when a link says so. Devices store no email,
// so this table is the only place the mapping lives.
struct Link
{
    QString deviceId;
    QString employeeNo;
    MemberKey member;
    LinkOrigin origin = LinkOrigin::Manual;
    QDateTime createdAt;
    QString createdBy; // "sync" for Created links, else the administrator's user name

    friend bool operator==(const Link &a, const Link &b)
    {
        return a.deviceId == b.deviceId && a.employeeNo == b.employeeNo && a.member == b.member &&
               a.origin == b.origin && a.createdAt == b.createdAt && a.createdBy == b.createdBy;
    }
};

// An auto-match the administrator turned down: never suggested again.
struct RejectedSuggestion
{
    QString deviceId;
    QString employeeNo;
    MemberKey member;

    friend bool operator==(const RejectedSuggestion &a, const RejectedSuggestion &b)
    {
        return a.deviceId == b.deviceId && a.employeeNo == b.employeeNo && a.member == b.member;
    }
};

// Set by the administrator, per member, for every device.
struct MemberOverride
{
    MemberKey member;
    QDate allowUntil;     // null: no allow-until; else access at least until the end of that day
    bool blocked = false; // access ends now, whatever Cardskipper says; wins over allowUntil
    QString note;
    QDateTime changedAt;
    QString changedBy;

    bool isEmpty() const { return allowUntil.isNull() && !blocked && note.isEmpty(); }
    friend bool operator==(const MemberOverride &a, const MemberOverride &b)
    {
        return a.member == b.member && a.allowUntil == b.allowUntil && a.blocked == b.blocked &&
               a.note == b.note && a.changedAt == b.changedAt && a.changedBy == b.changedBy;
    }
};

// What we last read from one device (or wrote to it since).
struct DeviceSnapshot
{
    QString deviceId;
    QList<Person> persons;
    QDateTime readAt; // null: never read
};

// ---- Policy and device limits ------------------------------------------------------------

struct SyncPolicy
{
    QList<qint64> grantingRoleIds; // roles that open the door; empty means every role
    int graceDays = 0;             // added after a period's end day
    bool renameEnabled = false;    // write Cardskipper's name over a renamed linked person
    int deleteRetentionDays = -1;  // delete persons we created this long after their access
                                   // ended; negative: never delete, only revoke
    QString employeeNoPrefix;      // employeeNo = prefix + OrganisationMemberId

    // Guard: hold the whole plan when it looks like an accident.
    bool guardEnabled = true;
    double guardMinMemberRatio = 0.5; // fewer members than this share of last time: hold
    int guardMinRevokes = 5;          // revokes+deletes above max(this, share*managed): hold
    double guardRevokeShare = 0.10;
};

// What the device accepts, from its capabilities (defaults are the common terminal's).
struct DeviceLimits
{
    int employeeNoMaxLength = 32;
    int nameMaxBytes = 32; // UTF-8 bytes
    QDateTime validBegin = QDateTime(QDate(2000, 1, 1), QTime(0, 0, 0));
    QDateTime validEnd = QDateTime(QDate(2037, 12, 31), QTime(23, 59, 59));
};

// ---- The plan ------------------------------------------------------------------------------

enum class ActionKind
{
    Unchanged,      // linked, device already right
    Create,         // eligible member without a person: create one (and a Created link)
    UpdateValidity, // linked person's window differs from the desired one
    Rename,   // linked person's name differs (only when renameEnabled); validity may change too
    Revoke,   // access must end now (window still open on the device)
    Delete,   // a person we created, access ended longer ago than the retention
    Conflict, // cannot act safely; reason says why
    AwaitingMatch, // member has an open suggestion on this device: not created until decided
    NoAccess,      // member without access and without a person: nothing to do
    NotManaged,    // device person we did not create and nobody linked: never touched
    // Credentials, written by the desk rather than planned; journaled like the others, with
    // OperationRecord::detail naming the card.
    CardAdd,
    CardRemove,
    FaceSet,  // detail: empty, or "camera" for a photo taken at the door
    FaceCopy, // detail: the door the face was copied from
    FaceRemove,
};

QString actionKindToString(ActionKind kind); // "unchanged", "create", "update-validity", ...
std::optional<ActionKind> actionKindFromString(const QString &text);

struct PlannedAction
{
    ActionKind kind = ActionKind::Unchanged;
    QString employeeNo;              // existing person, or the one to create
    std::optional<MemberKey> member; // absent for NotManaged persons
    QString memberName;              // for messages
    std::optional<Person> before;    // the device person now; absent for Create/NoAccess
    std::optional<Person> after;     // the desired person; absent for Delete/NotManaged/NoAccess
    QString reason;                  // why, in one sentence naming member/person
    QStringList warnings;            // e.g. no email, shared email, name truncated

    bool isWrite() const
    {
        return kind == ActionKind::Create || kind == ActionKind::UpdateValidity ||
               kind == ActionKind::Rename || kind == ActionKind::Revoke ||
               kind == ActionKind::Delete;
    }
};

struct Suggestion
{
    QString deviceId;
    QString employeeNo;
    MemberKey member;
    QString reason; // e.g. "same name: Anna Öberg"
};

struct GuardVerdict
{
    bool held = false;
    QStringList reasons; // one sentence each, with the numbers
    int memberCount = 0;
    int previousMemberCount = -1;
    int revokesAndDeletes = 0;
    int managedPersons = 0;
};

struct Plan
{
    QString deviceId;
    QList<PlannedAction> actions; // one per member and per device person, deterministic order
    QList<Suggestion> suggestions;
    GuardVerdict guard;
    QStringList warnings; // plan-wide (e.g. members without email)

    int count(ActionKind kind) const;
    QList<PlannedAction> writes() const;
};

// ---- Runs and the operation journal --------------------------------------------------------

enum class RunKind
{
    QuickSync,
    FullReconcile,
    Preview,
    Desk, // cards and faces given or taken at the desk: recorded when the desk's action ends
};
QString runKindToString(RunKind kind); // "quick", "full", "preview", "desk"
std::optional<RunKind> runKindFromString(const QString &text);

enum class RunStatus
{
    Running,
    Succeeded,
    PartlyFailed, // some operations failed
    Failed,       // could not fetch / authenticate
    Held,         // the guard held the plan
};
QString runStatusToString(RunStatus status); // "running", "succeeded", "partly-failed", ...
std::optional<RunStatus> runStatusFromString(const QString &text);

struct RunRecord
{
    qint64 id = 0;
    RunKind kind = RunKind::QuickSync;
    QDateTime startedAt;
    QDateTime finishedAt;
    RunStatus status = RunStatus::Running;
    int membersFetched = 0;
    int created = 0;
    int updated = 0; // UpdateValidity + Rename
    int revoked = 0;
    int deleted = 0;
    int conflicts = 0;
    int failed = 0;
    QString error;
};

enum class OperationStatus
{
    Pending, // journaled, maybe sent: must be verified against the device before a retry
    Done,
    Failed,
    Skipped,
};
QString operationStatusToString(OperationStatus status); // "pending", "done", "failed", "skipped"
std::optional<OperationStatus> operationStatusFromString(const QString &text);

struct OperationRecord
{
    qint64 id = 0;
    qint64 runId = 0;
    QString deviceId;
    QString employeeNo;
    std::optional<MemberKey> member;
    ActionKind action = ActionKind::Unchanged;
    std::optional<Person> before;
    std::optional<Person> after;
    OperationStatus status = OperationStatus::Pending;
    QString error;
    QDateTime at;   // journaled at; updated when the result is recorded
    QString detail; // what a credential write was about: the card number, the source door
};

// ---- Credentials -----------------------------------------------------------------------------

// A card the desk gave a member: written to every door the member is on. The number is unique
// across members, as on a terminal.
struct MemberCard
{
    MemberKey member;
    QString cardNo;
    QString cardType = QStringLiteral("normalCard");
    QDateTime addedAt;
    QString addedBy;
};

// A card taken from a member that a door may still hold: kept until that door confirms it gone.
struct CardRemoval
{
    QString deviceId;
    QString cardNo;
    MemberKey member;
    QDateTime requestedAt;
};

} // namespace cis
