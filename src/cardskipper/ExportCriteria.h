// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace cis {

// The search criteria of POST /Member/Export/. Unset criteria are not sent at all; the guide
// forbids empty values.
struct ExportCriteria
{
    qint64 organisationId = 0; // required
    std::optional<qint64> memberId;
    std::optional<qint64> roleId;
    std::optional<qint64> userId;
    std::optional<qint64> organisationMemberId;
    std::optional<QDate> birthdate;
    QString firstname;
    QString lastname;
    QString cellphone;
    QString tagContains;
    QString organisationUnit;
    std::optional<bool> hasUserDevice;
    std::optional<bool> onlyActive;
    std::optional<QDateTime> changedAt;

    // The <Cardskipper><SearchCriteriaMember> document, UTF-8, criteria in the guide's order,
    // each as an empty element with a value attribute.
    QByteArray toXml() const;

    // ChangedAt for an incremental fetch: the start of the last successful fetch minus an
    // overlap, because the server's clock, time zone and change semantics are unknown.
    static QDateTime changedAtWithOverlap(const QDateTime &lastFetchStartedAt,
                                          qint64 overlapSeconds = kDefaultOverlapSeconds);
    static constexpr qint64 kDefaultOverlapSeconds = 15 * 60;
};

} // namespace cis
