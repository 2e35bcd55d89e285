// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace cis {

// A member is identified by the organisation it was exported from and the club's own member
// number in that organisation; Cardskipper has no other stable key that the export returns.
struct MemberKey
{
    qint64 organisationId = 0;
    qint64 organisationMemberId = 0;

    friend bool operator==(const MemberKey &a, const MemberKey &b)
    {
        return a.organisationId == b.organisationId &&
               a.organisationMemberId == b.organisationMemberId;
    }
    friend bool operator!=(const MemberKey &a, const MemberKey &b) { return !(a == b); }
    friend bool operator<(const MemberKey &a, const MemberKey &b)
    {
        return a.organisationId != b.organisationId
                   ? a.organisationId < b.organisationId
                   : a.organisationMemberId < b.organisationMemberId;
    }
};

inline size_t qHash(const MemberKey &key, size_t seed = 0) noexcept
{
    return qHashMulti(seed, key.organisationId, key.organisationMemberId);
}

// One membership period: a role the member holds in an organisation, valid from start to end
// (both days inclusive).
struct RolePeriod
{
    qint64 organisationId = 0;
    qint64 roleId = 0;
    QDate start;
    QDate end;
    QString type;
    QString organisationUnit;

    bool contains(QDate day) const { return start <= day && day <= end; }
    friend bool operator==(const RolePeriod &a, const RolePeriod &b)
    {
        return a.organisationId == b.organisationId && a.roleId == b.roleId && a.start == b.start &&
               a.end == b.end && a.type == b.type && a.organisationUnit == b.organisationUnit;
    }
};

// What we keep of a Cardskipper member. The personal identity number (Birthnumber) is
// deliberately absent: the product never needs it and must not store it.
struct Member
{
    MemberKey key;
    QString firstName;
    QString lastName;
    QDate birthDate;
    QString email;
    QString cellPhone1;
    QString cellPhone2;
    bool inactive = false;
    QList<RolePeriod> roles;
    QStringList tags;

    QString displayName() const;
    // Roles held in the given organisation, in document order.
    QList<RolePeriod> rolesIn(qint64 organisationId) const;

    friend bool operator==(const Member &a, const Member &b)
    {
        return a.key == b.key && a.firstName == b.firstName && a.lastName == b.lastName &&
               a.birthDate == b.birthDate && a.email == b.email && a.cellPhone1 == b.cellPhone1 &&
               a.cellPhone2 == b.cellPhone2 && a.inactive == b.inactive && a.roles == b.roles &&
               a.tags == b.tags;
    }
};

struct RoleInfo
{
    qint64 id = 0;
    QString name;
    QString description;
};

struct OrganisationInfo
{
    qint64 id = 0;
    QString name;
    QList<RoleInfo> roles;
    // Sub-organisations the account may also export (Cardskipper calls them children).
    QList<OrganisationInfo> children;
};

} // namespace cis

Q_DECLARE_METATYPE(cis::Member)
