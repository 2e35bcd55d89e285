// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "CardskipperModel.h"
#include "Expected.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cis::sim {

// What the simulator reads from clients: the export's search criteria and the import's
// members. Kept apart from the simulator so that the strict reading of the schema is in one
// place. Problems come back as one sentence for the 400 answer.

// One field per criterion of document §3.2; unset means the request left it out.
struct SearchCriteria
{
    std::optional<qint64> memberId;
    std::optional<qint64> organisationId;
    std::optional<qint64> roleId;
    std::optional<qint64> userId;
    std::optional<qint64> organisationMemberId;
    std::optional<QDate> birthdate;
    std::optional<QString> firstname;
    std::optional<QString> lastname;
    std::optional<QString> cellphone;
    std::optional<QString> tagContains;
    std::optional<QString> organisationUnit;
    std::optional<bool> hasUserDevice;
    std::optional<bool> onlyActive;
    std::optional<QDateTime> changedAt;
};

// Strict: only <Cardskipper><SearchCriteriaMember> with value attributes, non-empty, known,
// in S1's order, OrganisationId present. Lenient: also element text, no root, any case, any
// order; empty and unknown criteria are ignored. Malformed XML and unreadable values fail in
// both.
Expected<SearchCriteria, QString> parseSearchCriteria(const QByteArray &body, bool strict);

// One member of an import document, with note of which optional parts it carried: what it
// leaves out, the import leaves alone.
struct ImportedMember
{
    SimMember member;
    bool hasInactive = false;
    bool hasAddress = false;
    bool hasContactInfo = false;
    QList<qint64> clearTags;
};

// <Cardskipper><Members><Member…> as in document §4.2. Strict requires Firstname, Lastname
// and Birthdate on every member.
Expected<QList<ImportedMember>, QString> parseMemberImport(const QByteArray &body, bool strict);
// Applies an import to a stored member: given parts replace, role ids replace their periods,
// tags are added (after ClearTags removed the old ones).
void mergeImportedMember(SimMember &existing, const ImportedMember &imported);

// Date only, date and time, fractions, Z or an offset: whatever a client may send. Values
// without a zone are local time, like the simulated clock.
std::optional<QDateTime> parseCardskipperDateTime(const QString &text);
// "070 111 22 33", "070-111 22 33" and "+46 70 111 22 33" are one number.
QString normalisedPhone(const QString &text);

} // namespace cis::sim
