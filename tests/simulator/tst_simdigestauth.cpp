// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The door-terminal simulator's Digest authentication and lock, without sockets.
#include "Clock.h"
#include "DigestAuthenticator.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTest>
#include <memory>

using namespace cis;
using namespace cis::sim;
using Outcome = DigestAuthenticator::Outcome;

namespace {

const QDateTime kStart(QDate(2026, 3, 15), QTime(12, 0));
const QByteArray kUri = "/ISAPI/AccessControl/UserInfo/Count?format=json";

// Written from RFC 2617 §3.2.2 here rather than taken from the code under test.
QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

struct Credentials
{
    QByteArray user = "admin";
    QByteArray password = "demo12345";
    QByteArray realm = "DS-K1T341AM";
    QByteArray method = "GET";
    QByteArray uri = kUri;
    QByteArray cnonce = "0a4f113b";
    QByteArray algorithm; // empty: none named, which means MD5
};

QByteArray authorization(const Credentials &c, const QByteArray &nonce, int nc)
{
    const QByteArray count = QByteArray::number(nc, 16).rightJustified(8, '0');
    QByteArray response;
    if (c.algorithm == "SHA-256") {
        const QByteArray ha1 = sha256Hex(c.user + ':' + c.realm + ':' + c.password);
        const QByteArray ha2 = sha256Hex(c.method + ':' + c.uri);
        response = sha256Hex(ha1 + ':' + nonce + ':' + count + ':' + c.cnonce + ":auth:" + ha2);
    } else {
        QByteArray ha1 = md5Hex(c.user + ':' + c.realm + ':' + c.password);
        if (c.algorithm == "MD5-sess")
            ha1 = md5Hex(ha1 + ':' + nonce + ':' + c.cnonce);
        const QByteArray ha2 = md5Hex(c.method + ':' + c.uri);
        response = md5Hex(ha1 + ':' + nonce + ':' + count + ':' + c.cnonce + ":auth:" + ha2);
    }
    QByteArray header = "Digest username=\"" + c.user + "\", realm=\"" + c.realm + "\", nonce=\"" +
                        nonce + "\", uri=\"" + c.uri + "\", response=\"" + response +
                        "\", qop=auth, nc=" + count + ", cnonce=\"" + c.cnonce + '"';
    if (!c.algorithm.isEmpty())
        header += ", algorithm=" + c.algorithm;
    return header;
}

QByteArray nonceOf(const QByteArray &challenge)
{
    static const QRegularExpression pattern(QStringLiteral("nonce=\"([^\"]+)\""));
    return pattern.match(QString::fromLatin1(challenge)).captured(1).toLatin1();
}

} // namespace

class TestSimDigestAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<DigestAuthenticator> m_auth;

    DigestAuthenticator::Result check(const QByteArray &header, const QByteArray &uri = kUri,
                                      const QHostAddress &peer = QHostAddress::LocalHost)
    {
        return m_auth->check("GET", uri, header, peer);
    }

    QByteArray freshNonce() { return nonceOf(check({}).challenge); }

private slots:
    void init()
    {
        m_clock = std::make_unique<ManualClock>(kStart);
        m_auth = std::make_unique<DigestAuthenticator>(m_clock.get());
        m_auth->setUser(QStringLiteral("admin"), QStringLiteral("demo12345"));
    }

    void rfc2617ExampleComputes()
    {
        // The worked example of RFC 2617 §3.5.
        QCOMPARE(DigestAuthenticator::digestResponse("MD5", "Mufasa", "testrealm@host.com",
                                                     "Circle Of Life", "GET", "/dir/index.html",
                                                     "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                                                     "00000001", "0a4f113b", "auth"),
                 QByteArray("6629fae49393a05397450978507c4ef1"));
    }

    void digestFieldsParseWithQuotedCommas()
    {
        const auto fields = DigestAuthenticator::parseDigestFields(
            "username=\"a,b\", realm=\"R\", nc=00000001, qop=auth, response=\"x\"");
        QCOMPARE(fields.value("username"), QByteArray("a,b"));
        QCOMPARE(fields.value("realm"), QByteArray("R"));
        QCOMPARE(fields.value("nc"), QByteArray("00000001"));
        QCOMPARE(fields.value("qop"), QByteArray("auth"));
    }

    void noCredentialsGetAChallengeAndCountNoFailure()
    {
        const auto result = check({});
        QCOMPARE(result.outcome, Outcome::NoCredentials);
        QVERIFY(QRegularExpression(QStringLiteral("^Digest qop=\"auth\", realm=\"DS-K1T341AM\", "
                                                  "nonce=\"[0-9a-f]{32,}\", stale=\"FALSE\"$"))
                    .match(QString::fromLatin1(result.challenge))
                    .hasMatch());
        QCOMPARE(m_auth->failedAttempts(), 0);
        QCOMPARE(m_auth->challengesIssued(), 1);
        QCOMPARE(check("Bearer abc").outcome, Outcome::NoCredentials);
        QCOMPARE(m_auth->failedAttempts(), 0);
    }

    void rightDigestIsAccepted()
    {
        const QByteArray nonce = freshNonce();
        const auto result = check(authorization({}, nonce, 1));
        QCOMPARE(result.outcome, Outcome::Accepted);
        QCOMPARE(result.user, QStringLiteral("admin"));
        QVERIFY(result.challenge.isEmpty());
        QCOMPARE(m_auth->acceptedCount(), 1);
    }

    void md5SessAndSha256AreUnderstood()
    {
        Credentials sess;
        sess.algorithm = "MD5-sess";
        QCOMPARE(check(authorization(sess, freshNonce(), 1)).outcome, Outcome::Accepted);
        m_auth->settings().algorithm = DigestAlgorithm::Sha256;
        const QByteArray challenge = check({}).challenge;
        QVERIFY(challenge.contains("algorithm=SHA-256"));
        Credentials sha;
        sha.algorithm = "SHA-256";
        QCOMPARE(check(authorization(sha, nonceOf(challenge), 1)).outcome, Outcome::Accepted);
    }

    void algorithmIsAdvertisedOnlyWhenAsked()
    {
        QVERIFY(!check({}).challenge.contains("algorithm"));
        m_auth->settings().advertiseAlgorithm = true;
        QVERIFY(check({}).challenge.contains("algorithm=\"MD5\""));
    }

    void nonceIsSpentAfterEightUses()
    {
        const QByteArray nonce = freshNonce();
        for (int nc = 1; nc <= 8; ++nc)
            QCOMPARE(check(authorization({}, nonce, nc)).outcome, Outcome::Accepted);
        const auto stale = check(authorization({}, nonce, 9));
        QCOMPARE(stale.outcome, Outcome::StaleNonce);
        QVERIFY(stale.challenge.endsWith("stale=\"TRUE\""));
        QVERIFY(nonceOf(stale.challenge) != nonce);
        QCOMPARE(m_auth->staleChallenges(), 1);
        QCOMPARE(m_auth->failedAttempts(), 0);
        // The spent nonce stays spent; the new one works.
        QCOMPARE(check(authorization({}, nonce, 10)).outcome, Outcome::StaleNonce);
        QCOMPARE(check(authorization({}, nonceOf(stale.challenge), 1)).outcome, Outcome::Accepted);
    }

    void nonceUsesAndLifetimeAreSettings()
    {
        m_auth->settings().nonceMaxUses = 0;
        const QByteArray nonce = freshNonce();
        for (int nc = 1; nc <= 50; ++nc)
            QCOMPARE(check(authorization({}, nonce, nc)).outcome, Outcome::Accepted);

        m_auth->settings().nonceLifetimeSeconds = 60;
        const QByteArray timed = freshNonce();
        m_clock->advanceSeconds(59);
        QCOMPARE(check(authorization({}, timed, 1)).outcome, Outcome::Accepted);
        m_clock->advanceSeconds(1);
        QCOMPARE(check(authorization({}, timed, 2)).outcome, Outcome::StaleNonce);
    }

    void unknownNonceWithRightCredentialsIsStale()
    {
        QCOMPARE(check(authorization({}, "00112233445566778899aabbccddeeff", 1)).outcome,
                 Outcome::StaleNonce);
        QCOMPARE(m_auth->failedAttempts(), 0);
    }

    void wrongPasswordCountsOneFailure()
    {
        Credentials wrong;
        wrong.password = "wrong";
        const auto result = check(authorization(wrong, freshNonce(), 1));
        QCOMPARE(result.outcome, Outcome::WrongCredentials);
        QCOMPARE(result.remainingAttempts, 4);
        QVERIFY(!result.locked);
        QVERIFY(result.challenge.endsWith("stale=\"FALSE\""));
        QCOMPARE(m_auth->failedAttempts(), 1);
        QCOMPARE(m_auth->lockState(QStringLiteral("admin")).failures, 1);
        QCOMPARE(m_auth->lockState(QStringLiteral("admin")).remainingAttempts, 4);

        Credentials unknownUser;
        unknownUser.user = "nobody";
        QCOMPARE(check(authorization(unknownUser, freshNonce(), 1)).outcome,
                 Outcome::WrongCredentials);
        Credentials wrongRealm;
        wrongRealm.realm = "IP Camera";
        QCOMPARE(check(authorization(wrongRealm, freshNonce(), 1)).outcome,
                 Outcome::WrongCredentials);
        QCOMPARE(m_auth->failedAttempts(), 3);
    }

    void successClearsTheFailures()
    {
        Credentials wrong;
        wrong.password = "wrong";
        check(authorization(wrong, freshNonce(), 1));
        check(authorization(wrong, freshNonce(), 1));
        QCOMPARE(check(authorization({}, freshNonce(), 1)).outcome, Outcome::Accepted);
        QCOMPARE(m_auth->lockState(QStringLiteral("admin")).failures, 0);
        QCOMPARE(m_auth->lockState(QStringLiteral("admin")).remainingAttempts, 5);
    }

    void fiveFailuresLockForHalfAnHour()
    {
        Credentials wrong;
        wrong.password = "wrong";
        for (int attempt = 1; attempt <= 4; ++attempt) {
            const auto result = check(authorization(wrong, freshNonce(), 1));
            QCOMPARE(result.remainingAttempts, 5 - attempt);
            QVERIFY(!result.locked);
        }
        const auto fifth = check(authorization(wrong, freshNonce(), 1));
        QCOMPARE(fifth.outcome, Outcome::WrongCredentials);
        QVERIFY(fifth.locked);
        QCOMPARE(fifth.unlockSeconds, qint64(1800));
        QCOMPARE(fifth.remainingAttempts, 0);

        // The right password is refused too while the lock holds.
        const auto refused = check(authorization({}, freshNonce(), 1));
        QCOMPARE(refused.outcome, Outcome::Locked);
        QCOMPARE(refused.unlockSeconds, qint64(1800));
        QVERIFY(!refused.challenge.isEmpty());
        QCOMPARE(m_auth->failedAttempts(), 5);

        m_clock->advanceSeconds(1000);
        const auto later = check(authorization(wrong, freshNonce(), 1));
        QCOMPARE(later.outcome, Outcome::Locked);
        QCOMPARE(later.unlockSeconds, qint64(800));
        QCOMPARE(m_auth->failedAttempts(), 6); // it carried wrong credentials
        QVERIFY(m_auth->lockState(QStringLiteral("admin")).locked);
        QCOMPARE(m_auth->lockState(QStringLiteral("admin")).unlockSeconds, qint64(800));

        m_clock->advanceSeconds(799);
        QCOMPARE(check(authorization({}, freshNonce(), 1)).outcome, Outcome::Locked);
        m_clock->advanceSeconds(1);
        QCOMPARE(check(authorization({}, freshNonce(), 1)).outcome, Outcome::Accepted);
        QVERIFY(!m_auth->lockState(QStringLiteral("admin")).locked);
    }

    void lockIsPerUserOrPerAddress()
    {
        m_auth->setUser(QStringLiteral("operator"), QStringLiteral("op123456"));
        Credentials wrong;
        wrong.password = "wrong";
        for (int attempt = 0; attempt < 5; ++attempt)
            check(authorization(wrong, freshNonce(), 1));
        Credentials other;
        other.user = "operator";
        other.password = "op123456";
        QCOMPARE(check(authorization(other, freshNonce(), 1)).outcome, Outcome::Accepted);

        m_auth->resetLocks();
        m_auth->settings().lockPerSourceAddress = true;
        for (int attempt = 0; attempt < 5; ++attempt)
            check(authorization(wrong, freshNonce(), 1));
        QCOMPARE(check(authorization(other, freshNonce(), 1)).outcome, Outcome::Locked);
        QCOMPARE(check(authorization(other, freshNonce(), 1), kUri,
                       QHostAddress(QStringLiteral("127.0.0.2")))
                     .outcome,
                 Outcome::Accepted);
        QVERIFY(m_auth->lockState(QStringLiteral("127.0.0.1")).locked);
    }

    void lockoutCanBeSwitchedOff()
    {
        m_auth->settings().lockoutEnabled = false;
        Credentials wrong;
        wrong.password = "wrong";
        for (int attempt = 0; attempt < 8; ++attempt)
            QCOMPARE(check(authorization(wrong, freshNonce(), 1)).outcome,
                     Outcome::WrongCredentials);
        QCOMPARE(check(authorization({}, freshNonce(), 1)).outcome, Outcome::Accepted);
    }

    void basicIsOffByDefault()
    {
        const QByteArray basic = "Basic " + QByteArray("admin:demo12345").toBase64();
        QCOMPARE(check(basic).outcome, Outcome::NoCredentials);
        QCOMPARE(m_auth->failedAttempts(), 0);
        m_auth->settings().allowBasic = true;
        QCOMPARE(check(basic).outcome, Outcome::Accepted);
        QCOMPARE(check("Basic " + QByteArray("admin:nope").toBase64()).outcome,
                 Outcome::WrongCredentials);
        QCOMPARE(m_auth->failedAttempts(), 1);
    }

    void malformedHeadersAreNeitherAcceptedNorCounted_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("no response") << QByteArray(
            "Digest username=\"admin\", realm=\"DS-K1T341AM\", nonce=\"abc\", uri=\"" + kUri +
            "\", qop=auth, nc=00000001, cnonce=\"x\"");
        QTest::newRow("qop without nc")
            << QByteArray("Digest username=\"admin\", realm=\"DS-K1T341AM\", nonce=\"abc\", "
                          "uri=\"" +
                          kUri + "\", response=\"00\", qop=auth");
        QTest::newRow("auth-int") << QByteArray(
            "Digest username=\"admin\", realm=\"DS-K1T341AM\", nonce=\"abc\", uri=\"" + kUri +
            "\", response=\"00\", qop=auth-int, nc=00000001, cnonce=\"x\"");
    }

    void malformedHeadersAreNeitherAcceptedNorCounted()
    {
        QFETCH(QByteArray, header);
        const auto result = check(header);
        QCOMPARE(result.outcome, Outcome::Malformed);
        QVERIFY(result.challenge.isEmpty());
        QCOMPARE(m_auth->failedAttempts(), 0);
    }

    void digestForAnotherUriIsMalformed()
    {
        Credentials other;
        other.uri = "/ISAPI/System/deviceInfo";
        QCOMPARE(check(authorization(other, freshNonce(), 1)).outcome, Outcome::Malformed);
        QCOMPARE(check(authorization(other, freshNonce(), 1), other.uri).outcome,
                 Outcome::Accepted);
    }

    void expiredSessionIsInvalidatedNotStale()
    {
        const QByteArray old = freshNonce();
        QCOMPARE(check(authorization({}, old, 1)).outcome, Outcome::Accepted);
        m_auth->expireAllNonces();
        const auto result = check(authorization({}, old, 2));
        QCOMPARE(result.outcome, Outcome::InvalidatedNonce);
        QVERIFY(result.challenge.endsWith("stale=\"FALSE\""));
        QCOMPARE(m_auth->staleChallenges(), 0);
        QCOMPARE(m_auth->failedAttempts(), 0);
        // Replaying it keeps failing the same way, as S4's client saw.
        QCOMPARE(check(authorization({}, old, 3)).outcome, Outcome::InvalidatedNonce);
        QCOMPARE(check(authorization({}, nonceOf(result.challenge), 1)).outcome, Outcome::Accepted);
    }
};

QTEST_GUILESS_MAIN(TestSimDigestAuth)
#include "tst_simdigestauth.moc"
