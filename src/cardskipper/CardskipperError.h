// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QString>

namespace cis {

// Why a Cardskipper call failed, in a form the engine can act on (kind) and a person can read
// (message()).
struct CardskipperError
{
    enum class Kind
    {
        WrongCredentials,    // 401: username or password rejected
        CallNotGranted,      // 403: the account lacks the API right for this call
        UnknownOrganisation, // the organisation id is not one the account may read
        BadRequest,          // 400: the server rejected our request document
        ServerError,         // 5xx other than 503
        RateLimited,         // 429 or 503, with retryAfterSeconds when the server said
        Timeout,             // no complete answer within the configured time
        Tls,                 // certificate or handshake failure
        HostUnreachable,     // DNS failure, connection refused, network down
        Network,             // connection dropped mid-way and other transport failures
        MalformedResponse,   // body is not well-formed XML (line and column set)
        UnexpectedResponse,  // well-formed, but not a Cardskipper document of the expected shape
    };

    Kind kind = Kind::Network;
    QString call;       // e.g. "POST /Member/Export/"
    QString host;       // the host we talked to
    int httpStatus = 0; // 0 when no HTTP answer arrived
    int retryAfterSeconds = -1;
    qint64 line = 0;     // for MalformedResponse
    qint64 column = 0;   // for MalformedResponse
    QString detail;      // transport or parser text
    QString bodyExcerpt; // first bytes of an error body, for the log; never credentials

    // Whether trying again later may succeed without anybody changing anything.
    bool isTransient() const;
    // One sentence for the administrator, naming the call and the host.
    QString message() const;
};

} // namespace cis
