// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Validity.h"

#include <algorithm>

namespace cis {

namespace {

// Sorted, merged runs: two periods that overlap or touch (end + 1 day == next start) are one.
QList<DatePeriod> mergedPeriods(const QList<RolePeriod> &roles)
{
    QList<DatePeriod> periods;
    periods.reserve(roles.size());
    for (const RolePeriod &role : roles) {
        if (role.start.isValid() && role.end.isValid() && role.start <= role.end)
            periods.append({role.start, role.end});
    }
    std::sort(periods.begin(), periods.end(),
              [](const DatePeriod &a, const DatePeriod &b) { return a.start < b.start; });
    QList<DatePeriod> merged;
    for (const DatePeriod &period : periods) {
        if (!merged.isEmpty() && period.start <= merged.last().end.addDays(1))
            merged.last().end = std::max(merged.last().end, period.end);
        else
            merged.append(period);
    }
    return merged;
}

} // namespace

std::optional<DatePeriod> effectivePeriod(const QList<RolePeriod> &roles, QDate today)
{
    const QList<DatePeriod> merged = mergedPeriods(roles);
    if (merged.isEmpty())
        return std::nullopt;
    for (const DatePeriod &period : merged) {
        if (period.contains(today) || period.start > today)
            return period; // sorted: the first not yet over is current or next
    }
    return merged.last();
}

MembershipState membershipState(const Member &member, qint64 organisationId, QDate today)
{
    if (member.inactive)
        return MembershipState::Inactive;
    const std::optional<DatePeriod> period = effectivePeriod(member.rolesIn(organisationId), today);
    if (!period)
        return MembershipState::None;
    if (period->contains(today))
        return MembershipState::Active;
    return period->start > today ? MembershipState::Upcoming : MembershipState::Expired;
}

} // namespace cis
