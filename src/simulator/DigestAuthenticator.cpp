// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DigestAuthenticator.h"

#include "SimulatorLogging.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <algorithm>

namespace cis::sim {

namespace {

// Enough to cover every nonce a busy client can hold; older ones count as unknown (stale).
constexpr qsizetype kMaxRememberedNonces = 4096;

bool sameText(const QByteArray &a, const char *b)
{
    return a.compare(QByteArray(b), Qt::CaseInsensitive) == 0;
}

QCryptographicHash::Algorithm hashFor(const QByteArray &algorithm)
{
    return algorithm.toUpper().startsWith("SHA-256") ? QCryptographicHash::Sha256
                                                     : QCryptographicHash::Md5;
}

QByteArray hexHash(QCryptographicHash::Algorithm algorithm, const QByteArray &data)
{
    return QCryptographicHash::hash(data, algorithm).toHex();
}

bool isKnownAlgorithm(const QByteArray &algorithm)
{
    return algorithm.isEmpty() || sameText(algorithm, "MD5") || sameText(algorithm, "MD5-sess") ||
           sameText(algorithm, "SHA-256") || sameText(algorithm, "SHA-256-sess");
}

qint64 secondsUntil(const QDateTime &now, const QDateTime &then)
{
    // Rounded up, so a lock never reports 0 seconds while it still holds.
    const qint64 ms = now.msecsTo(then);
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

} // namespace

DigestAuthenticator::DigestAuthenticator(const Clock *clock)
    : m_clock(clock ? clock : &Clock::system())
{}

void DigestAuthenticator::setUser(const QString &name, const QString &password)
{
    m_passwords.insert(name, password);
}

void DigestAuthenticator::removeUser(const QString &name)
{
    m_passwords.remove(name);
}

QByteArray DigestAuthenticator::digestResponse(const QByteArray &algorithm, const QByteArray &user,
                                               const QByteArray &realm, const QByteArray &password,
                                               const QByteArray &method, const QByteArray &uri,
                                               const QByteArray &nonce, const QByteArray &nc,
                                               const QByteArray &cnonce, const QByteArray &qop)
{
    const QCryptographicHash::Algorithm hash = hashFor(algorithm);
    QByteArray ha1 = hexHash(hash, user + ':' + realm + ':' + password);
    if (algorithm.toLower().endsWith("-sess"))
        ha1 = hexHash(hash, ha1 + ':' + nonce + ':' + cnonce);
    const QByteArray ha2 = hexHash(hash, method + ':' + uri);
    if (qop.isEmpty())
        return hexHash(hash, ha1 + ':' + nonce + ':' + ha2);
    return hexHash(hash, ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' + ha2);
}

QMap<QByteArray, QByteArray> DigestAuthenticator::parseDigestFields(const QByteArray &fields)
{
    QMap<QByteArray, QByteArray> result;
    qsizetype i = 0;
    const qsizetype size = fields.size();
    while (i < size) {
        while (i < size && (fields[i] == ' ' || fields[i] == ',' || fields[i] == '\t'))
            ++i;
        const qsizetype nameStart = i;
        while (i < size && fields[i] != '=' && fields[i] != ',')
            ++i;
        const QByteArray name = fields.mid(nameStart, i - nameStart).trimmed().toLower();
        if (i >= size || fields[i] != '=') {
            if (!name.isEmpty())
                result.insert(name, {});
            continue;
        }
        ++i; // '='
        while (i < size && fields[i] == ' ')
            ++i;
        QByteArray value;
        if (i < size && fields[i] == '"') {
            ++i;
            while (i < size && fields[i] != '"') {
                if (fields[i] == '\\' && i + 1 < size)
                    ++i;
                value += fields[i];
                ++i;
            }
            ++i; // closing quote
        } else {
            const qsizetype valueStart = i;
            while (i < size && fields[i] != ',')
                ++i;
            value = fields.mid(valueStart, i - valueStart).trimmed();
        }
        if (!name.isEmpty())
            result.insert(name, value);
    }
    return result;
}

QByteArray DigestAuthenticator::issueNonce()
{
    QByteArray random(24, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / qsizetype(sizeof(quint32)));
    const QByteArray nonce = random.toHex();
    m_nonces.insert(nonce, NonceInfo{0, m_clock->now()});
    m_nonceOrder.append(nonce);
    forgetOldNonces();
    return nonce;
}

QByteArray DigestAuthenticator::newChallenge(bool stale)
{
    const QByteArray nonce = issueNonce();
    ++m_challengesIssued;
    if (stale)
        ++m_staleChallenges;

    QByteArray challenge =
        "Digest qop=\"auth\", realm=\"" + m_settings.realm.toUtf8() + "\", nonce=\"" + nonce + '"';
    if (m_settings.algorithm == DigestAlgorithm::Sha256)
        challenge += ", algorithm=SHA-256";
    else if (m_settings.advertiseAlgorithm)
        challenge += ", algorithm=\"MD5\"";
    challenge += stale ? ", stale=\"TRUE\"" : ", stale=\"FALSE\"";
    return challenge;
}

void DigestAuthenticator::forgetOldNonces()
{
    while (m_nonceOrder.size() > kMaxRememberedNonces)
        m_nonces.remove(m_nonceOrder.takeFirst());
}

void DigestAuthenticator::expireAllNonces()
{
    for (const QByteArray &nonce : std::as_const(m_nonceOrder))
        m_invalidatedNonces.insert(nonce);
    m_nonces.clear();
    m_nonceOrder.clear();
    qCInfo(lcSimulator) << "door simulator: every Digest nonce expired";
}

void DigestAuthenticator::resetLocks()
{
    m_failures.clear();
}

void DigestAuthenticator::expireLock(const QString &key)
{
    const auto it = m_failures.find(key);
    if (it != m_failures.end() && it->lockedUntil.isValid() && m_clock->now() >= it->lockedUntil)
        m_failures.erase(it);
}

bool DigestAuthenticator::isLocked(const QString &key)
{
    if (!m_settings.lockoutEnabled)
        return false;
    expireLock(key);
    const auto it = m_failures.constFind(key);
    return it != m_failures.cend() && it->lockedUntil.isValid();
}

DigestAuthenticator::LockState DigestAuthenticator::lockState(const QString &key) const
{
    LockState state;
    const Failures failures = m_failures.value(key);
    const QDateTime now = m_clock->now();
    const bool locked = failures.lockedUntil.isValid() && now < failures.lockedUntil;
    state.failures = failures.lockedUntil.isValid() && !locked ? 0 : failures.count;
    state.locked = locked;
    state.unlockSeconds = locked ? secondsUntil(now, failures.lockedUntil) : 0;
    state.remainingAttempts = locked ? 0 : std::max(0, m_settings.maxFailures - state.failures);
    return state;
}

DigestAuthenticator::Result DigestAuthenticator::refuse(Outcome outcome, const QString &user)
{
    Result result;
    result.outcome = outcome;
    result.user = user;
    result.challenge = newChallenge(outcome == Outcome::StaleNonce && m_settings.markStaleNonces);
    if (outcome == Outcome::StaleNonce && !m_settings.markStaleNonces)
        ++m_staleChallenges; // still a spent nonce, only not called so
    return result;
}

DigestAuthenticator::Result DigestAuthenticator::lockedResult(const QString &key,
                                                              const QString &user)
{
    Result result = refuse(Outcome::Locked, user);
    const LockState state = lockState(key);
    result.locked = true;
    result.unlockSeconds = state.unlockSeconds;
    return result;
}

DigestAuthenticator::Result DigestAuthenticator::registerFailure(const QString &key,
                                                                 const QString &user)
{
    ++m_failedAttempts;
    Result result = refuse(Outcome::WrongCredentials, user);
    if (!m_settings.lockoutEnabled) {
        result.remainingAttempts = m_settings.maxFailures;
        return result;
    }
    Failures &failures = m_failures[key];
    ++failures.count;
    if (failures.count >= m_settings.maxFailures) {
        // [U] S1 words it "locked at the next attempt"; the lock starts with this answer.
        failures.lockedUntil = m_clock->now().addSecs(m_settings.lockSeconds);
        result.locked = true;
        result.unlockSeconds = m_settings.lockSeconds;
        qCInfo(lcSimulator) << "door simulator: locked" << key << "for" << m_settings.lockSeconds
                            << "s after" << failures.count << "failed logins";
    }
    result.remainingAttempts = std::max(0, m_settings.maxFailures - failures.count);
    return result;
}

DigestAuthenticator::Result DigestAuthenticator::check(const QByteArray &method,
                                                       const QByteArray &target,
                                                       const QByteArray &authorization,
                                                       const QHostAddress &peer)
{
    const QByteArray header = authorization.trimmed();
    const qsizetype space = header.indexOf(' ');
    const QByteArray scheme = space < 0 ? header : header.left(space);
    const QByteArray rest = space < 0 ? QByteArray() : header.mid(space + 1).trimmed();
    const auto keyFor = [&](const QString &user) -> QString {
        return m_settings.lockPerSourceAddress ? peer.toString() : user;
    };

    if (sameText(scheme, "Basic") && m_settings.allowBasic) {
        const auto decoded =
            QByteArray::fromBase64Encoding(rest, QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (!decoded || colon < 0)
            return refuse(Outcome::NoCredentials, {});
        const QString user = QString::fromUtf8(decoded.decoded.left(colon));
        const QString password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
        const QString key = keyFor(user);
        const bool right = m_passwords.contains(user) && m_passwords.value(user) == password;
        if (isLocked(key)) {
            m_failedAttempts += right ? 0 : 1;
            return lockedResult(key, user);
        }
        if (!right)
            return registerFailure(key, user);
        m_failures.remove(key);
        ++m_accepted;
        return Result{Outcome::Accepted, user, 0, false, 0, {}, {}};
    }
    if (!sameText(scheme, "Digest"))
        return refuse(Outcome::NoCredentials, {});

    const QMap<QByteArray, QByteArray> fields = parseDigestFields(rest);
    const QByteArray username = fields.value("username");
    const QByteArray nonce = fields.value("nonce");
    const QByteArray uri = fields.value("uri");
    const QByteArray response = fields.value("response");
    const QByteArray qop = fields.value("qop");
    const QByteArray algorithm = fields.value("algorithm");
    const bool complete =
        fields.contains("username") && !nonce.isEmpty() && !uri.isEmpty() && !response.isEmpty() &&
        isKnownAlgorithm(algorithm) &&
        (qop.isEmpty() || (sameText(qop, "auth") && !fields.value("nc").isEmpty() &&
                           !fields.value("cnonce").isEmpty()));
    if (!complete || uri != target) {
        Result result;
        result.outcome = Outcome::Malformed;
        return result;
    }

    const QString user = QString::fromUtf8(username);
    const QString key = keyFor(user);
    const bool right =
        m_passwords.contains(user) && fields.value("realm") == m_settings.realm.toUtf8() &&
        response.toLower() == digestResponse(algorithm, username, m_settings.realm.toUtf8(),
                                             m_passwords.value(user).toUtf8(), method, uri, nonce,
                                             fields.value("nc"), fields.value("cnonce"), qop);
    if (isLocked(key)) {
        m_failedAttempts += right ? 0 : 1;
        return lockedResult(key, user);
    }
    if (m_invalidatedNonces.contains(nonce))
        return refuse(Outcome::InvalidatedNonce, user);
    if (!right)
        return registerFailure(key, user);

    const auto it = m_nonces.find(nonce);
    const bool spent = it == m_nonces.end() ||
                       (m_settings.nonceMaxUses > 0 && it->uses >= m_settings.nonceMaxUses) ||
                       (m_settings.nonceLifetimeSeconds > 0 &&
                        it->issuedAt.secsTo(m_clock->now()) >= m_settings.nonceLifetimeSeconds);
    if (spent) {
        if (it != m_nonces.end()) {
            m_nonces.erase(it);
            m_nonceOrder.removeOne(nonce);
        }
        return refuse(Outcome::StaleNonce, user);
    }
    ++it->uses;
    m_failures.remove(key);
    ++m_accepted;
    Result accepted{Outcome::Accepted, user, 0, false, 0, {}, {}};
    if (m_settings.sendNextNonce)
        accepted.authenticationInfo = "nextnonce=\"" + issueNonce() + '"';
    return accepted;
}

} // namespace cis::sim
