// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Cardskipper answers (POST /Member/Export, GET /Organisation/Info) are untrusted input: every
// input goes through both parsers.
#include "FuzzSupport.h"
#include "MemberXmlParser.h"

using namespace cis;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::initialise();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    constexpr qint64 organisationId = 4711;

    QStringList warnings;
    const auto members = MemberXmlParser::parseMembers(body, organisationId, &warnings);
    if (members) {
        for (const Member &member : members.value()) {
            fuzz::require(member.key.organisationId == organisationId, "member key organisation");
            fuzz::require(member.key.organisationMemberId > 0, "member number is positive");
            for (const RolePeriod &role : member.roles) {
                fuzz::require(role.organisationId > 0 && role.roleId > 0, "role ids are positive");
                fuzz::require(role.start.isValid() && role.end.isValid(), "role dates are valid");
            }
        }
    } else {
        fuzz::require(warnings.isEmpty(), "no warnings with an error");
        fuzz::require(!members.error().detail.isEmpty(), "an error says what went wrong");
    }

    // The short form logs its warnings (silenced here) instead of returning them.
    const auto organisations = MemberXmlParser::parseOrganisations(body);
    if (organisations) {
        for (const OrganisationInfo &organisation : organisations.value()) {
            fuzz::require(organisation.id > 0, "organisation id is positive");
            for (const OrganisationInfo &child : organisation.children)
                fuzz::require(child.id > 0, "sub-organisation id is positive");
        }
    } else {
        fuzz::require(!organisations.error().detail.isEmpty(), "an error says what went wrong");
    }
    return 0;
}
