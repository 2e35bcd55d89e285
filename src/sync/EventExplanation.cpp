// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "EventExplanation.h"

#include "Validity.h"

namespace cis {

QList<ExplainedEvent> EventExplanation::explain(const Store &store,
                                                const QList<Store::StoredEvent> &events,
                                                qint64 organisationId)
{
    QList<ExplainedEvent> result;
    result.reserve(events.size());
    for (const Store::StoredEvent &stored : events)
        result.append(explain(store, stored, organisationId));
    return result;
}

ExplainedEvent EventExplanation::explain(const Store &store, const Store::StoredEvent &stored,
                                         qint64 organisationId)
{
    ExplainedEvent explained;
    explained.deviceId = stored.deviceId;
    explained.event = stored.event;
    const AccessEvent &event = stored.event;
    std::optional<Link> link;
    if (!event.employeeNo.isEmpty()) {
        link = store.linkFor(stored.deviceId, event.employeeNo);
        if (link)
            explained.member = store.member(link->member);
    }
    if (event.outcome() != AccessEvent::Outcome::Refused)
        return explained;

    if (event.employeeNo.isEmpty()) {
        switch (event.method()) {
        case AccessEvent::Method::Card:
            explained.reason = event.cardNo.isEmpty() ? tr("unknown card")
                                                      : tr("unknown card %1").arg(event.cardNo);
            break;
        case AccessEvent::Method::Face:
            explained.reason = tr("face not recognised");
            break;
        default:
            explained.reason = tr("not recognised");
            break;
        }
        return explained;
    }
    if (!link) {
        explained.reason = tr("not linked to a member");
        return explained;
    }
    if (!explained.member) {
        explained.reason = tr("linked to member %1, who is not in the member list")
                               .arg(link->member.organisationMemberId);
        return explained;
    }
    const Member &member = *explained.member;
    const QDate day = event.time.toLocalTime().date();
    const std::optional<MemberOverride> override = store.overrideFor(member.key);
    if (override && override->blocked) {
        explained.reason = tr("blocked by the desk");
        return explained;
    }
    if (override && override->allowUntil.isValid() && day <= override->allowUntil) {
        explained.validButRefused = true;
        explained.reason = tr("allowed by the desk until %1, but the door refused: sync this "
                              "member now")
                               .arg(override->allowUntil.toString(Qt::ISODate));
        return explained;
    }
    const QList<RolePeriod> roles = member.rolesIn(organisationId);
    const std::optional<DatePeriod> period = effectivePeriod(roles, day);
    const auto roleOf = [&](const DatePeriod &p) {
        for (const RolePeriod &role : roles) {
            if (role.end == p.end || role.start == p.start)
                return role.type;
        }
        return QString();
    };
    switch (membershipState(member, organisationId, day)) {
    case MembershipState::Active:
        explained.validButRefused = true;
        explained.reason = tr("valid membership, but the door refused: sync this member now");
        break;
    case MembershipState::Upcoming:
        explained.reason = tr("membership starts %1").arg(period->start.toString(Qt::ISODate));
        break;
    case MembershipState::Expired: {
        const QString role = roleOf(*period);
        explained.reason =
            role.isEmpty()
                ? tr("membership ended %1").arg(period->end.toString(Qt::ISODate))
                : tr("membership ended %1 (role %2)").arg(period->end.toString(Qt::ISODate), role);
        break;
    }
    case MembershipState::Inactive:
        explained.reason = tr("inactive in Cardskipper");
        break;
    case MembershipState::None:
        explained.reason = tr("no membership that opens the door");
        break;
    }
    return explained;
}

} // namespace cis
