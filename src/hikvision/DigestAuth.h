// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <functional>
#include <optional>

namespace cis {

// HTTP Digest (RFC 2617, with the RFC 7616 SHA-256 algorithms) done by hand rather than by
// QNetworkAccessManager. Measured with Qt 6.4.2 against a loopback server:
//  - a 401 with stale="TRUE" makes QNAM resend with the new nonce without asking anybody and
//    without limit (thousands of requests per second against a terminal that keeps saying
//    stale), so it cannot give "exactly one fresh handshake";
//  - with the request attribute AuthenticationReuseAttribute=Manual QNAM never answers a
//    challenge itself and leaves our Authorization header alone, which is what the client needs;
//  - QNAM's per-connection authenticators keep old credentials and nonces across requests, so
//    a changed password or an expired nonce would be tried again behind our back.
// Owning the handshake lets the client count exactly which requests carry credentials, which is
// what protects the terminal's five-attempt lockout budget.

// One challenge from a WWW-Authenticate header: the scheme and its parameters (names lower
// case, values unquoted).
struct AuthChallenge
{
    QByteArray scheme;
    QMap<QByteArray, QByteArray> params;
};

// Splits WWW-Authenticate values into challenges; copes with several challenges in one header
// and with Qt joining repeated headers with ", ".
QList<AuthChallenge> parseAuthenticateHeader(const QByteArray &value);

// The nextnonce of an Authentication-Info value (RFC 7616 §3.5); empty when there is none.
QByteArray nextNonceOf(const QByteArray &authenticationInfo);

struct DigestChallenge
{
    QByteArray realm;
    QByteArray nonce;
    QByteArray opaque;
    QByteArray algorithm; // as offered; empty means MD5
    QList<QByteArray> qopOptions;
    bool stale = false;
};

// The Digest challenge to answer among those offered: MD5 first (what terminals use by
// default), then SHA-256; nullopt with a reason when none is usable (Basic only, auth-int only,
// an unknown algorithm).
std::optional<DigestChallenge> chooseDigestChallenge(const QList<AuthChallenge> &challenges,
                                                     QString *whyNot);

// Keeps the credentials and the current nonce for one terminal and writes Authorization
// headers. Not thread-safe; one per client.
class DigestSession
{
public:
    using CnonceGenerator = std::function<QByteArray()>;

    DigestSession();

    void setCredentials(const QString &username, const QString &password);
    void setChallenge(const DigestChallenge &challenge);
    void clearChallenge();
    // RFC 7616 §3.5: the nonce an Authentication-Info header named for the next request; the
    // realm, algorithm and opaque stay. Ignored without a challenge.
    void setNextNonce(const QByteArray &nonce);
    bool hasChallenge() const { return m_challenge.has_value(); }
    const std::optional<DigestChallenge> &challenge() const { return m_challenge; }
    quint32 nonceCount() const { return m_nonceCount; }

    // The Authorization header value for one request; counts the nonce use. Requires a
    // challenge. uri is the request target exactly as sent (path and query).
    QByteArray authorization(const QByteArray &method, const QByteArray &uri);

    // Tests make the client nonce predictable.
    void setCnonceGenerator(CnonceGenerator generator) { m_cnonce = std::move(generator); }

    // The response digest of RFC 2617 §3.2.2 (and RFC 7616 for SHA-256); exposed for tests.
    static QByteArray response(const QByteArray &algorithm, const QByteArray &username,
                               const QByteArray &realm, const QByteArray &password,
                               const QByteArray &method, const QByteArray &uri,
                               const QByteArray &nonce, const QByteArray &nc,
                               const QByteArray &cnonce, const QByteArray &qop);

private:
    QString m_username;
    QString m_password;
    std::optional<DigestChallenge> m_challenge;
    quint32 m_nonceCount = 0;
    CnonceGenerator m_cnonce;
};

} // namespace cis
