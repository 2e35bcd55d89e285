// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Member.h"

#include <QDate>
#include <QList>
#include <optional>

namespace cis {

// A run of days, both ends inclusive.
struct DatePeriod
{
    QDate start;
    QDate end;

    bool contains(QDate day) const { return start <= day && day <= end; }
    friend bool operator==(const DatePeriod &a, const DatePeriod &b)
    {
        return a.start == b.start && a.end == b.end;
    }
};

enum class MembershipState
{
    Active,   // a granting period contains today
    Upcoming, // no period contains today, one starts later
    Expired,  // every period has ended
    Inactive, // Cardskipper marks the member inactive, whatever the periods say
    None,     // no granting role at all
};

// The period that decides door access today, per the architecture: the role period containing
// today merged with every period that overlaps or touches it; else the next upcoming period
// (merged likewise); else the latest past one. Periods with an invalid or reversed range are
// ignored.
std::optional<DatePeriod> effectivePeriod(const QList<RolePeriod> &roles, QDate today);

MembershipState membershipState(const Member &member, qint64 organisationId, QDate today);

} // namespace cis
