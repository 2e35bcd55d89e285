// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperModel.h"

namespace cis::sim {

const SimMembership *SimMember::membership(qint64 organisationId) const
{
    for (const SimMembership &membership : organisations) {
        if (membership.organisationId == organisationId)
            return &membership;
    }
    return nullptr;
}

SimMembership *SimMember::membership(qint64 organisationId)
{
    return const_cast<SimMembership *>(std::as_const(*this).membership(organisationId));
}

Member SimMember::toMember(qint64 organisationId) const
{
    Member member;
    member.key = {organisationId, organisationMemberId};
    member.firstName = firstName;
    member.lastName = lastName;
    member.birthDate = birthDate;
    member.email = email;
    member.cellPhone1 = cellPhone1;
    member.cellPhone2 = cellPhone2;
    member.inactive = inactive;
    if (const SimMembership *own = membership(organisationId)) {
        for (const SimRole &role : own->roles) {
            member.roles.append(RolePeriod{organisationId, role.id, role.start, role.end, role.type,
                                           role.organisationUnit});
        }
        member.tags = own->tags;
    }
    return member;
}

QList<CardskipperRoute> allCardskipperRoutes()
{
    return {CardskipperRoute::BasedataCountry, CardskipperRoute::BasedataGender,
            CardskipperRoute::OrganisationInfo, CardskipperRoute::MemberExport,
            CardskipperRoute::ImportMember};
}

} // namespace cis::sim
