// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Clock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

namespace cis::sim {

enum class DigestAlgorithm
{
    Md5,
    Sha256,
};

// How the simulated terminal authenticates (hikvision-isapi.md §1 and §8.1). The defaults are
// the measured or documented values: nonce spent after 8 uses (S12), 5 failures lock the user
// for 1800 s (S2 illegalLoginLock), Digest only (S2 security capabilities).
struct DigestAuthSettings
{
    QString realm = QStringLiteral("DS-K1T341AM"); // [U] the model name, as mocks elsewhere use
    int nonceMaxUses = 8;                          // 0: unlimited
    qint64 nonceLifetimeSeconds = 0;               // 0: no time limit [U]
    bool lockoutEnabled = true;
    int maxFailures = 5;
    qint64 lockSeconds = 1800;
    // [U] whether a terminal locks the user or the source address (S15 says "an IP address").
    bool lockPerSourceAddress = false;
    bool allowBasic = false;
    // The challenge's algorithm. MD5 challenges leave algorithm out, as the terminal challenges
    // quoted in code do, unless advertiseAlgorithm asks for algorithm="MD5" (the NVR capture).
    DigestAlgorithm algorithm = DigestAlgorithm::Md5;
    bool advertiseAlgorithm = false;
    // RFC 7616 §3.5: an accepted request's answer names the nonce for the next one in
    // Authentication-Info (nextnonce), which spares one-time nonces a 401 per request. [U] No
    // Hikvision capture shows the header, so it is off by default.
    bool sendNextNonce = false;
    // Whether a spent nonce is answered with stale="TRUE" (RFC 7616) or with a plain 401 and a
    // new nonce, stale="FALSE". [U] S12 says only that the old nonce "gets 401".
    bool markStaleNonces = true;
};

// RFC 2617 Digest (qop="auth", MD5 or MD5-sess; SHA-256 per RFC 7616 as an option) with the
// terminal's nonce expiry and brute-force lock. Pure logic with an injected clock, so tests can
// walk through a 30-minute lock without waiting.
class DigestAuthenticator
{
public:
    enum class Outcome
    {
        Accepted,
        // No Authorization, or a scheme not on offer: a challenge, and no failure counted.
        NoCredentials,
        // A Digest header lacking a required field, or one computed for another URI: 400.
        Malformed,
        // Right credentials on a spent or unknown nonce: a challenge with stale="TRUE".
        StaleNonce,
        // A nonce from before expireAllNonces(): the JSON invalidOperation 401 of S4.
        InvalidatedNonce,
        WrongCredentials,
        // The user (or address) is locked; right credentials are refused too.
        Locked,
    };

    struct Result
    {
        Outcome outcome = Outcome::NoCredentials;
        QString user;
        // For WrongCredentials and Locked: attempts left and whether the lock is on, with the
        // seconds it still lasts.
        int remainingAttempts = 0;
        bool locked = false;
        qint64 unlockSeconds = 0;
        // The WWW-Authenticate value to send; empty for Accepted and Malformed.
        QByteArray challenge;
        // For Accepted with sendNextNonce: the Authentication-Info value to send.
        QByteArray authenticationInfo;
    };

    struct LockState
    {
        int failures = 0;
        int remainingAttempts = 0;
        bool locked = false;
        qint64 unlockSeconds = 0;
    };

    // A null clock means the system clock. The clock must outlive the authenticator.
    explicit DigestAuthenticator(const Clock *clock = nullptr);

    DigestAuthSettings &settings() { return m_settings; }
    const DigestAuthSettings &settings() const { return m_settings; }

    // Adds or replaces an account.
    void setUser(const QString &name, const QString &password);
    void removeUser(const QString &name);
    QStringList users() const { return m_passwords.keys(); }

    // One decision per request. target is the request line's target, query included, which a
    // Digest uri must equal.
    Result check(const QByteArray &method, const QByteArray &target,
                 const QByteArray &authorization, const QHostAddress &peer = {});

    // A fresh nonce in a WWW-Authenticate value, counted as a challenge.
    QByteArray newChallenge(bool stale);

    // Every nonce handed out so far turns into one the device no longer knows, the "after hours
    // or days" state of S4: requests carrying them get the JSON invalidOperation 401.
    void expireAllNonces();
    // Clears failures and locks, as a reboot would.
    void resetLocks();

    // Keyed by user name, or by address text when locking per source address.
    LockState lockState(const QString &key) const;

    int failedAttempts() const { return m_failedAttempts; }
    int challengesIssued() const { return m_challengesIssued; }
    int staleChallenges() const { return m_staleChallenges; }
    int acceptedCount() const { return m_accepted; }

    // Lower-case hex of the RFC 2617/7616 response, for the simulator's own tests.
    static QByteArray digestResponse(const QByteArray &algorithm, const QByteArray &user,
                                     const QByteArray &realm, const QByteArray &password,
                                     const QByteArray &method, const QByteArray &uri,
                                     const QByteArray &nonce, const QByteArray &nc,
                                     const QByteArray &cnonce, const QByteArray &qop);
    // The name=value pairs of a Digest header, names in lower case, quotes removed.
    static QMap<QByteArray, QByteArray> parseDigestFields(const QByteArray &fields);

private:
    struct NonceInfo
    {
        int uses = 0;
        QDateTime issuedAt;
    };
    struct Failures
    {
        int count = 0;
        QDateTime lockedUntil;
    };

    Result refuse(Outcome outcome, const QString &user);
    // Lifts a lock that has run out.
    void expireLock(const QString &key);
    Result registerFailure(const QString &key, const QString &user);
    Result lockedResult(const QString &key, const QString &user);
    bool isLocked(const QString &key);
    void forgetOldNonces();
    QByteArray issueNonce();

    const Clock *m_clock;
    DigestAuthSettings m_settings;
    QMap<QString, QString> m_passwords;
    QHash<QByteArray, NonceInfo> m_nonces;
    QList<QByteArray> m_nonceOrder;
    QSet<QByteArray> m_invalidatedNonces;
    QHash<QString, Failures> m_failures;
    int m_failedAttempts = 0;
    int m_challengesIssued = 0;
    int m_staleChallenges = 0;
    int m_accepted = 0;
};

} // namespace cis::sim
