// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DigestAuth.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStringList>
#include <cstring>

// The translation context of this file's messages, the same for lupdate and at run time.
struct DigestAuthTexts
{
    Q_DECLARE_TR_FUNCTIONS(DigestAuthTexts)
};

namespace cis {

namespace {

bool isTokenChar(char c)
{
    // RFC 7230 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

class Tokenizer
{
public:
    explicit Tokenizer(const QByteArray &text)
        : m_text(text)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_pos;
    }
    void skipSpaceAndCommas()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ','))
            ++m_pos;
    }
    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }
    // A quoted-string with backslash escapes, or a token (token68 included).
    QByteArray value()
    {
        if (peek() != '"') {
            const qsizetype start = m_pos;
            while (!atEnd() && peek() != ',' && peek() != ' ' && peek() != '\t')
                ++m_pos;
            return m_text.mid(start, m_pos - start);
        }
        ++m_pos;
        QByteArray result;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            result += peek();
            ++m_pos;
        }
        if (!atEnd())
            ++m_pos; // closing quote
        return result;
    }
    bool consume(char c)
    {
        if (peek() != c || atEnd())
            return false;
        ++m_pos;
        return true;
    }
    qsizetype position() const { return m_pos; }
    void rewind(qsizetype position) { m_pos = position; }

private:
    QByteArray m_text;
    qsizetype m_pos = 0;
};

QByteArray hash(const QByteArray &algorithm, const QByteArray &data)
{
    const QByteArray upper = algorithm.toUpper();
    const QCryptographicHash::Algorithm kind =
        upper.startsWith("SHA-256") ? QCryptographicHash::Sha256 : QCryptographicHash::Md5;
    return QCryptographicHash::hash(data, kind).toHex();
}

bool isSupportedAlgorithm(const QByteArray &algorithm)
{
    const QByteArray upper = algorithm.toUpper();
    return upper.isEmpty() || upper == "MD5" || upper == "MD5-SESS" || upper == "SHA-256" ||
           upper == "SHA-256-SESS";
}

QByteArray quoted(const QByteArray &text)
{
    QByteArray escaped = text;
    escaped.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + escaped + '"';
}

} // namespace

QList<AuthChallenge> parseAuthenticateHeader(const QByteArray &value)
{
    QList<AuthChallenge> challenges;
    Tokenizer in(value);
    in.skipSpaceAndCommas();
    while (!in.atEnd()) {
        AuthChallenge challenge;
        challenge.scheme = in.token();
        if (challenge.scheme.isEmpty())
            break; // not a token where a scheme must be: rather stop than guess
        for (;;) {
            in.skipSpaceAndCommas();
            if (in.atEnd())
                break;
            const qsizetype start = in.position();
            const QByteArray name = in.token();
            in.skipSpace();
            if (name.isEmpty() || !in.consume('=')) {
                // A token without "=" is the scheme of the next challenge.
                in.rewind(start);
                break;
            }
            in.skipSpace();
            challenge.params.insert(name.toLower(), in.value());
        }
        challenges.append(challenge);
        in.skipSpaceAndCommas();
    }
    return challenges;
}

QByteArray nextNonceOf(const QByteArray &authenticationInfo)
{
    // The header is a list of auth-params without a scheme; read it as the parameters of one.
    const QList<AuthChallenge> parsed = parseAuthenticateHeader("Digest " + authenticationInfo);
    return parsed.isEmpty() ? QByteArray() : parsed.constFirst().params.value("nextnonce");
}

std::optional<DigestChallenge> chooseDigestChallenge(const QList<AuthChallenge> &challenges,
                                                     QString *whyNot)
{
    std::optional<DigestChallenge> best;
    QStringList offered;
    for (const AuthChallenge &challenge : challenges) {
        const QByteArray algorithm = challenge.params.value("algorithm");
        offered << QString::fromLatin1(challenge.scheme +
                                       (algorithm.isEmpty() ? QByteArray() : " " + algorithm));
        if (challenge.scheme.compare("Digest", Qt::CaseInsensitive) != 0)
            continue;
        if (!isSupportedAlgorithm(algorithm))
            continue;
        DigestChallenge digest;
        digest.realm = challenge.params.value("realm");
        digest.nonce = challenge.params.value("nonce");
        digest.opaque = challenge.params.value("opaque");
        digest.algorithm = algorithm;
        digest.stale = challenge.params.value("stale").compare("true", Qt::CaseInsensitive) == 0;
        const QByteArray qop = challenge.params.value("qop");
        for (const QByteArray &option : qop.split(',')) {
            const QByteArray trimmed = option.trimmed().toLower();
            if (!trimmed.isEmpty())
                digest.qopOptions.append(trimmed);
        }
        // Without "auth" only auth-int would remain, which needs the body hashed; no terminal
        // is known to ask for it.
        if (!digest.qopOptions.isEmpty() && !digest.qopOptions.contains("auth"))
            continue;
        if (digest.nonce.isEmpty())
            continue;
        const bool isMd5 = algorithm.isEmpty() || algorithm.toUpper().startsWith("MD5");
        if (!best ||
            (isMd5 && !(best->algorithm.isEmpty() || best->algorithm.toUpper().startsWith("MD5"))))
            best = digest;
    }
    if (!best && whyNot) {
        *whyNot = offered.isEmpty()
                      ? DigestAuthTexts::tr("no WWW-Authenticate challenge")
                      : DigestAuthTexts::tr(
                            "offered %1; only Digest (MD5 or SHA-256, qop auth) is supported")
                            .arg(offered.join(QStringLiteral(", ")));
    }
    return best;
}

DigestSession::DigestSession()
    : m_cnonce([]() -> QByteArray {
        QRandomGenerator *random = QRandomGenerator::system();
        QByteArray cnonce = QByteArray::number(random->generate64(), 16).rightJustified(16, '0');
        cnonce += QByteArray::number(random->generate64(), 16).rightJustified(16, '0');
        return cnonce;
    })
{}

void DigestSession::setCredentials(const QString &username, const QString &password)
{
    m_username = username;
    m_password = password;
    clearChallenge();
}

void DigestSession::setChallenge(const DigestChallenge &challenge)
{
    m_challenge = challenge;
    m_nonceCount = 0;
}

void DigestSession::setNextNonce(const QByteArray &nonce)
{
    if (!m_challenge || nonce.isEmpty() || nonce == m_challenge->nonce)
        return;
    m_challenge->nonce = nonce;
    m_challenge->stale = false;
    m_nonceCount = 0;
}

void DigestSession::clearChallenge()
{
    m_challenge.reset();
    m_nonceCount = 0;
}

QByteArray DigestSession::response(const QByteArray &algorithm, const QByteArray &username,
                                   const QByteArray &realm, const QByteArray &password,
                                   const QByteArray &method, const QByteArray &uri,
                                   const QByteArray &nonce, const QByteArray &nc,
                                   const QByteArray &cnonce, const QByteArray &qop)
{
    QByteArray ha1 = hash(algorithm, username + ':' + realm + ':' + password);
    if (algorithm.toUpper().endsWith("-SESS"))
        ha1 = hash(algorithm, ha1 + ':' + nonce + ':' + cnonce);
    const QByteArray ha2 = hash(algorithm, method + ':' + uri);
    if (qop.isEmpty()) // RFC 2069 compatibility: a challenge without qop
        return hash(algorithm, ha1 + ':' + nonce + ':' + ha2);
    return hash(algorithm, ha1 + ':' + nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' + ha2);
}

QByteArray DigestSession::authorization(const QByteArray &method, const QByteArray &uri)
{
    Q_ASSERT(m_challenge);
    if (!m_challenge)
        return {};
    const DigestChallenge &c = *m_challenge;
    const QByteArray username = m_username.toUtf8();
    const QByteArray qop = c.qopOptions.isEmpty() ? QByteArray() : QByteArray("auth");
    ++m_nonceCount;
    const QByteArray nc = QByteArray::number(m_nonceCount, 16).rightJustified(8, '0');
    const QByteArray cnonce =
        qop.isEmpty() && !c.algorithm.toUpper().endsWith("-SESS") ? QByteArray() : m_cnonce();
    const QByteArray digest = response(c.algorithm, username, c.realm, m_password.toUtf8(), method,
                                       uri, c.nonce, nc, cnonce, qop);

    QByteArray header = "Digest username=" + quoted(username) + ", realm=" + quoted(c.realm) +
                        ", nonce=" + quoted(c.nonce) + ", uri=" + quoted(uri);
    if (!c.algorithm.isEmpty())
        header += ", algorithm=" + c.algorithm;
    header += ", response=" + quoted(digest);
    if (!c.opaque.isEmpty())
        header += ", opaque=" + quoted(c.opaque);
    if (!qop.isEmpty())
        header += ", qop=" + qop + ", nc=" + nc + ", cnonce=" + quoted(cnonce);
    return header;
}

} // namespace cis
