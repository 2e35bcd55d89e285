// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperError.h"

#include <QCoreApplication>

// The translation context of this file's messages, the same for lupdate and at run time.
struct CardskipperErrorTexts
{
    Q_DECLARE_TR_FUNCTIONS(CardskipperErrorTexts)
};

namespace cis {

bool CardskipperError::isTransient() const
{
    switch (kind) {
    case Kind::ServerError:
    case Kind::RateLimited:
    case Kind::Timeout:
    case Kind::HostUnreachable:
    case Kind::Network:
    case Kind::MalformedResponse: // a truncated body is the usual cause
        return true;
    case Kind::WrongCredentials:
    case Kind::CallNotGranted:
    case Kind::UnknownOrganisation:
    case Kind::BadRequest:
    case Kind::Tls:
    case Kind::UnexpectedResponse:
        return false;
    }
    return false;
}

QString CardskipperError::message() const
{
    QString text;
    switch (kind) {
    case Kind::WrongCredentials:
        text = CardskipperErrorTexts::tr(
                   "Cardskipper at %1 rejected the username or password (HTTP %2). Check the "
                   "Cardskipper account in the settings.")
                   .arg(host)
                   .arg(httpStatus);
        break;
    case Kind::CallNotGranted:
        text =
            CardskipperErrorTexts::tr(
                "Cardskipper at %1 refused %2 (HTTP %3): the account has not been granted the API "
                "right for this call, or may not read this organisation. Each call needs its own "
                "right; ask support@cardskipper.se to grant it.")
                .arg(host, call)
                .arg(httpStatus);
        break;
    case Kind::UnknownOrganisation:
        text = CardskipperErrorTexts::tr(
                   "Cardskipper at %1 does not let this account read the organisation: %2")
                   .arg(host, detail);
        break;
    case Kind::BadRequest:
        text = CardskipperErrorTexts::tr(
                   "Cardskipper at %1 rejected the request %2 as invalid (HTTP %3).")
                   .arg(host, call)
                   .arg(httpStatus);
        break;
    case Kind::ServerError:
        text = CardskipperErrorTexts::tr(
                   "Cardskipper at %1 had an internal error answering %2 (HTTP %3). It will be "
                   "tried again later.")
                   .arg(host, call)
                   .arg(httpStatus);
        break;
    case Kind::RateLimited:
        text = retryAfterSeconds >= 0
                   ? CardskipperErrorTexts::tr(
                         "Cardskipper at %1 is busy (HTTP %2) and asked us to wait %3 seconds.")
                         .arg(host)
                         .arg(httpStatus)
                         .arg(retryAfterSeconds)
                   : CardskipperErrorTexts::tr(
                         "Cardskipper at %1 is busy (HTTP %2). It will be tried again later.")
                         .arg(host)
                         .arg(httpStatus);
        break;
    case Kind::Timeout:
        text = CardskipperErrorTexts::tr("Cardskipper at %1 did not answer %2 in time.")
                   .arg(host, call);
        break;
    case Kind::Tls:
        text = CardskipperErrorTexts::tr(
                   "The secure connection to Cardskipper at %1 could not be trusted: %2")
                   .arg(host, detail);
        break;
    case Kind::HostUnreachable:
        text = CardskipperErrorTexts::tr(
                   "Cannot reach Cardskipper at %1: %2. Check the address and the network.")
                   .arg(host, detail);
        break;
    case Kind::Network:
        text = CardskipperErrorTexts::tr("The connection to Cardskipper at %1 failed during %2: %3")
                   .arg(host, call, detail);
        break;
    case Kind::MalformedResponse:
        text = CardskipperErrorTexts::tr(
                   "Cardskipper at %1 sent a damaged answer to %2 (line %3, column %4: %5). "
                   "Nothing was changed.")
                   .arg(host, call)
                   .arg(line)
                   .arg(column)
                   .arg(detail);
        break;
    case Kind::UnexpectedResponse:
        text = CardskipperErrorTexts::tr(
                   "Cardskipper at %1 answered %2 with something that is not a member list: %3. "
                   "Nothing was changed.")
                   .arg(host, call, detail);
        break;
    }
    return text;
}

} // namespace cis
