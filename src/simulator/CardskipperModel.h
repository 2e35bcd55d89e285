// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Member.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace cis::sim {

// The simulator's own record of Cardskipper's data, shaped like the import schema (document
// §4.2), which is what the export most likely returns.

struct SimRole
{
    qint64 id = 0;
    QDate start;
    QDate end;
    QString type;
    QString organisationUnit;

    bool contains(QDate day) const { return start <= day && day <= end; }
};

struct SimMembership
{
    qint64 organisationId = 0;
    QList<SimRole> roles;
    QStringList tags;
};

struct SimMember
{
    qint64 organisationMemberId = 0; // the club's member number, the export's only key
    // Cardskipper's internal ids: searchable (MemberId, UserId criteria) but never exported,
    // because nothing shows the export carries them (document §4.1).
    qint64 memberId = 0;
    qint64 userId = 0;
    QString firstName;
    QString lastName;
    QDate birthDate;
    QString birthNumber; // exported only when the option asks, so clients prove they drop it
    QString genderCode;
    QString addressLine1;
    QString addressLine2;
    QString zip;
    QString city;
    QString cellPhone1;
    QString cellPhone2;
    QString email;
    bool inactive = false;
    bool hasUserDevice = false;
    QList<SimMembership> organisations;
    QDateTime lastChanged;

    bool hasContactInfo() const
    {
        return !cellPhone1.isEmpty() || !cellPhone2.isEmpty() || !email.isEmpty();
    }
    bool hasAddress() const
    {
        return !addressLine1.isEmpty() || !addressLine2.isEmpty() || !zip.isEmpty() ||
               !city.isEmpty();
    }
    const SimMembership *membership(qint64 organisationId) const;
    SimMembership *membership(qint64 organisationId);

    // What a correct client makes of this member in an export for organisationId (roles and
    // tags of that organisation only), for end-to-end tests to compare against.
    Member toMember(qint64 organisationId) const;
};

struct SimRoleInfo
{
    qint64 id = 0;
    QString name;
    QString description;
};

struct SimInformationType
{
    qint64 id = 0;
    QString name;
};

struct SimOrganisationUnit
{
    qint64 id = 0;
    QString value;
};

struct SimOrganisation
{
    qint64 id = 0;
    QString name;
    QList<SimRoleInfo> roles;
    QList<SimInformationType> informationTypes;
    QList<SimOrganisationUnit> units;
    QList<qint64> childIds;
};

// Cardskipper grants API rights call by call (document §2.2).
enum class CardskipperRoute
{
    BasedataCountry,
    BasedataGender,
    OrganisationInfo,
    MemberExport,
    ImportMember,
};

QList<CardskipperRoute> allCardskipperRoutes();

struct SimAccount
{
    QString username;
    QString password;
    QList<qint64> organisationIds; // the organisations this administrator may read
    QList<CardskipperRoute> grants = allCardskipperRoutes();
};

} // namespace cis::sim
