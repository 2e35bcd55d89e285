// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

// The Planner: a pure function from (members, device snapshot, links, overrides, policy, device
// limits, now) to a Plan for one device. No I/O, no clock of its own: every "now" comes in
// through PlanInput, so the same input always gives the same plan.
//
// Rules the issue left open, decided here (tests in tests/core/tst_planner.cpp pin them):
// - Wall clock: all times are compared as local wall-clock seconds (date + hh:mm:ss), whatever
//   time spec the QDateTimes carry; milliseconds are ignored. A window is "open" when the device
//   does not check it (validity.enabled false) or its end is after now.
// - Access: a member has access when desiredValidity() gives a window whose end is after now.
//   An expired member's desired window is the latest past one; a device person carrying any
//   closed window is left alone (no pointless write of one past window over another).
// - Overrides: block wins over everything. allowUntil grants access even to an inactive member
//   or one without a granting role (it is the administrator's explicit decision). While
//   allowUntil is today or later and access would otherwise start later (no period, or an
//   upcoming one), begin is today 00:00:00; such a begin is "flexible": a device person whose
//   window already began earlier keeps its begin, so the window does not move every day.
// - Clamping: begin and end are clamped to the device's range. If the window lies wholly
//   outside it (ends before validBegin or begins after validEnd) the member has no access (a
//   window before 2000 is long over, one after 2037 cannot be written). Otherwise a clamp that
//   leaves begin >= end sets begin = end - 1 s.
// - Revoke: end = now (whole seconds, clamped to the range); begin = the device's begin when
//   it is valid and before that end (clamped to validBegin), else end - 1 s.
// - Duplicate links: links are taken in order of (createdAt, employeeNo); a link whose member
//   or employeeNo already has an earlier link on this device is a Conflict (never written).
// - A link whose member is gone from the snapshot and whose person is gone from the device
//   yields no action (there is neither a member nor a person to act for).
// - Suggestions are made for every unlinked member with the same normalised name, with or
//   without access (linking an expired member to a hand-made person lets us revoke it). A
//   member with a suggestion is AwaitingMatch even if its employeeNo would collide.
// - Names: the member's name is displayName() (trimmed parts, "#id" when both are empty) in
//   NFC, truncated to nameMaxBytes UTF-8 bytes on a grapheme boundary, trailing spaces dropped.
//   Rename compares it with the device name in NFC. Persons that report givenName/familyName
//   get those rewritten too on a Rename.
// - A member listed twice in the snapshot: the first wins, the plan warns.

#include "SyncTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cis {

struct PlanInput
{
    QString deviceId;
    qint64 organisationId = 0;
    QDateTime now;         // local time; today = now.date()
    QList<Member> members; // the full member snapshot from Cardskipper
    QList<Person> devicePersons;
    QList<Link> links; // links of THIS device (links naming another device are ignored)
    QList<MemberOverride> overrides;
    QList<RejectedSuggestion> rejectedSuggestions;
    SyncPolicy policy;
    DeviceLimits limits;
    int previousMemberCount = -1; // members Cardskipper returned last time (-1: unknown)
};

Plan makePlan(const PlanInput &input);

// Trimmed and case-folded.
QString normaliseEmail(const QString &email);
// Case-folded, whitespace collapsed, diacritics removed (NFD, combining marks dropped).
QString normaliseName(const QString &name);
// The window the member should carry on the device, or nullopt for no access at all. May lie
// wholly in the past (an expired member): callers treat end <= now as no access.
std::optional<PersonValidity> desiredValidity(const Member &member, const PlanInput &input);
// prefix + OrganisationMemberId; empty when it is longer than limits.employeeNoMaxLength.
QString employeeNoFor(const Member &member, const SyncPolicy &policy, const DeviceLimits &limits);
// NFC, then cut to at most maxBytes UTF-8 bytes on a grapheme-cluster boundary (never inside a
// surrogate pair or a base + combining sequence); trailing whitespace of a cut name is dropped.
// maxBytes <= 0 means no limit. *truncated (optional) tells whether anything was cut.
QString truncateUtf8(const QString &name, int maxBytes, bool *truncated = nullptr);
// The name the device person of this member should carry (see the rules above).
QString deviceNameFor(const Member &member, const DeviceLimits &limits, bool *truncated = nullptr);

} // namespace cis
