// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "CardskipperError.h"
#include "Expected.h"
#include "Member.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

namespace cis {

// Parsers for the Cardskipper response documents. They stream with QXmlStreamReader, match
// local names (namespaces ignored), read attributes first and fall back to same-named child
// elements, skip unknown elements, and never expand entity declarations.
//
// contentType is the answer's Content-Type header, empty when it had none. The body's encoding
// is decided as RFC 7303 says: a byte-order mark, else the header's charset, else the XML
// declaration, else UTF-8. UTF-16 or UTF-32 named for bytes that cannot be either is overruled
// (.NET declares utf-16 for text it serialised to a string and then sent as UTF-8). Bytes that
// are not valid in the encoding decided make a MalformedResponse.
namespace MemberXmlParser {

// Body of POST /Member/Export/. organisationId is the organisation the export was made for; it
// becomes part of every member's key.
Expected<QList<Member>, CardskipperError>
parseMembers(const QByteArray &body, qint64 organisationId, QByteArrayView contentType = {});
// As above; members or roles that cannot be used are left out with a warning naming them.
Expected<QList<Member>, CardskipperError> parseMembers(const QByteArray &body,
                                                       qint64 organisationId, QStringList *warnings,
                                                       QByteArrayView contentType = {});

// Body of GET /Organisation/Info/.
Expected<QList<OrganisationInfo>, CardskipperError>
parseOrganisations(const QByteArray &body, QByteArrayView contentType = {});
// As above; organisations and roles without a usable Id are left out with a warning naming
// them. The overloads without warnings log them to cis.cardskipper instead.
Expected<QList<OrganisationInfo>, CardskipperError>
parseOrganisations(const QByteArray &body, QStringList *warnings, QByteArrayView contentType = {});

// Accepts YYYY-MM-DD, YYYY-MM-DDThh:mm:ss, with fractional seconds, and with Z or ±hh:mm.
// The calendar date as written is returned (Cardskipper dates are Swedish local dates).
QDate parseDate(QStringView text);

} // namespace MemberXmlParser
} // namespace cis
