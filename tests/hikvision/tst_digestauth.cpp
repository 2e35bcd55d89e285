// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "DigestAuth.h"

#include <QTest>

using namespace cis;

class TestDigestAuth : public QObject
{
    Q_OBJECT

private slots:
    void rfc2617Example()
    {
        // RFC 2617 §3.5.
        QCOMPARE(DigestSession::response(
                     {}, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
                     "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth"),
                 QByteArray("6629fae49393a05397450978507c4ef1"));
    }

    void rfc7616Examples()
    {
        // RFC 7616 §3.9.1, MD5 and SHA-256.
        const QByteArray nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        const QByteArray cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        QCOMPARE(DigestSession::response("MD5", "Mufasa", "http-auth@example.org", "Circle of Life",
                                         "GET", "/dir/index.html", nonce, "00000001", cnonce,
                                         "auth"),
                 QByteArray("8ca523f5e9506fed4657c9700eebdbec"));
        QCOMPARE(DigestSession::response("SHA-256", "Mufasa", "http-auth@example.org",
                                         "Circle of Life", "GET", "/dir/index.html", nonce,
                                         "00000001", cnonce, "auth"),
                 QByteArray("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"));
    }

    void parsesTerminalAndNvrChallenges()
    {
        const auto camera = parseAuthenticateHeader(
            "Digest qop=\"auth\", realm=\"IP Camera(C5654)\", "
            "nonce=\"4d3249794e324d305a6d4d364e7a4d784f5459795a47493d\", stale=\"FALSE\"");
        QCOMPARE(camera.size(), 1);
        QCOMPARE(camera.at(0).scheme, QByteArray("Digest"));
        QCOMPARE(camera.at(0).params.value("realm"), QByteArray("IP Camera(C5654)"));
        QCOMPARE(camera.at(0).params.value("stale"), QByteArray("FALSE"));

        const auto nvr = parseAuthenticateHeader(
            "Digest realm=\"fe12f37bdXXXXXbccbbd35f1\", domain=\"::\", qop=\"auth\", "
            "nonce=\"300b7e88f3d69ebfXXXXXf3e2f04218a:1685XXXXX4756\", opaque=\"\", "
            "algorithm=\"MD5\", stale=\"FALSE\"");
        QCOMPARE(nvr.size(), 1);
        QCOMPARE(nvr.at(0).params.value("domain"), QByteArray("::"));
        QCOMPARE(nvr.at(0).params.value("nonce"),
                 QByteArray("300b7e88f3d69ebfXXXXXf3e2f04218a:1685XXXXX4756"));
        QCOMPARE(nvr.at(0).params.value("algorithm"), QByteArray("MD5"));
        QVERIFY(nvr.at(0).params.contains("opaque"));
    }

    void readsTheNextNonceOfAuthenticationInfo()
    {
        QCOMPARE(
            nextNonceOf(R"(nextnonce="abc123", qop=auth, rspauth="d1", cnonce="x", nc=00000001)"),
            QByteArray("abc123"));
        QCOMPARE(nextNonceOf(R"(qop=auth, nextnonce=plain)"), QByteArray("plain"));
        QCOMPARE(nextNonceOf(R"(qop=auth, rspauth="d1")"), QByteArray());
        QCOMPARE(nextNonceOf(QByteArray()), QByteArray());

        DigestSession session;
        session.setCredentials(QStringLiteral("admin"), QStringLiteral("pw"));
        session.setNextNonce("ignored"); // no challenge yet
        QVERIFY(!session.hasChallenge());
        DigestChallenge challenge;
        challenge.realm = "DS-K1T341AM";
        challenge.nonce = "first";
        challenge.qopOptions = {"auth"};
        challenge.opaque = "op";
        session.setChallenge(challenge);
        session.authorization("GET", "/a");
        QCOMPARE(session.nonceCount(), 1u);
        session.setNextNonce("second");
        QCOMPARE(session.challenge()->nonce, QByteArray("second"));
        QCOMPARE(session.challenge()->realm, QByteArray("DS-K1T341AM"));
        QCOMPARE(session.challenge()->opaque, QByteArray("op"));
        QCOMPARE(session.nonceCount(), 0u);
        QVERIFY(session.authorization("GET", "/a").contains("nonce=\"second\", "));
        QVERIFY(session.authorization("GET", "/a").contains("nc=00000002"));
    }

    void parsesSeveralChallenges()
    {
        const auto both =
            parseAuthenticateHeader("Basic realm=\"x, y\", Digest realm=\"DS-K1T341AM\", "
                                    "qop=\"auth,auth-int\", nonce=abc, stale=TRUE");
        QCOMPARE(both.size(), 2);
        QCOMPARE(both.at(0).scheme, QByteArray("Basic"));
        QCOMPARE(both.at(0).params.value("realm"), QByteArray("x, y"));
        QCOMPARE(both.at(1).params.value("nonce"), QByteArray("abc"));
        const auto digest = chooseDigestChallenge(both, nullptr);
        QVERIFY(digest);
        QVERIFY(digest->stale);
        QCOMPARE(digest->qopOptions, (QList<QByteArray>{"auth", "auth-int"}));
    }

    void escapedQuotes()
    {
        const auto parsed =
            parseAuthenticateHeader("Digest realm=\"a \\\"quoted\\\" realm\", nonce=\"n\"");
        QCOMPARE(parsed.at(0).params.value("realm"), QByteArray("a \"quoted\" realm"));
    }

    void choosesUsableChallenge()
    {
        QString why;
        QVERIFY(!chooseDigestChallenge(parseAuthenticateHeader("Basic realm=\"x\""), &why));
        QVERIFY(why.contains(QStringLiteral("Basic")));
        QVERIFY(!chooseDigestChallenge(
            parseAuthenticateHeader("Digest realm=\"x\", nonce=\"n\", qop=\"auth-int\""), &why));
        QVERIFY(!chooseDigestChallenge(
            parseAuthenticateHeader("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256"),
            &why));
        QVERIFY(!chooseDigestChallenge({}, &why));

        const auto preferred = chooseDigestChallenge(
            parseAuthenticateHeader(
                "Digest realm=\"x\", nonce=\"a\", algorithm=SHA-256, qop=\"auth\", Digest "
                "realm=\"x\", nonce=\"b\", algorithm=MD5, qop=\"auth\""),
            nullptr);
        QVERIFY(preferred);
        QCOMPARE(preferred->nonce, QByteArray("b"));
    }

    void authorizationHeader()
    {
        DigestSession session;
        session.setCredentials(QStringLiteral("admin"), QStringLiteral("pässword"));
        session.setCnonceGenerator([] { return QByteArray("0a4f113b"); });
        const auto challenge = chooseDigestChallenge(
            parseAuthenticateHeader("Digest qop=\"auth\", realm=\"DS-K1T341AM\", nonce=\"abc123\", "
                                    "opaque=\"op\", stale=\"FALSE\""),
            nullptr);
        session.setChallenge(*challenge);
        const QByteArray uri = "/ISAPI/AccessControl/UserInfo/Count?format=json";
        const QByteArray first = session.authorization("GET", uri);
        QVERIFY(first.startsWith("Digest "));
        QVERIFY(first.contains("username=\"admin\""));
        QVERIFY(first.contains("realm=\"DS-K1T341AM\""));
        QVERIFY(first.contains("nonce=\"abc123\""));
        QVERIFY(first.contains(QByteArray("uri=\"" + uri + '"')));
        QVERIFY(first.contains("qop=auth"));
        QVERIFY(first.contains("nc=00000001"));
        QVERIFY(first.contains("cnonce=\"0a4f113b\""));
        QVERIFY(first.contains("opaque=\"op\""));
        QVERIFY(!first.contains("algorithm")); // not offered, so not echoed
        const QByteArray expected =
            DigestSession::response({}, "admin", "DS-K1T341AM", QStringLiteral("pässword").toUtf8(),
                                    "GET", uri, "abc123", "00000001", "0a4f113b", "auth");
        QVERIFY(first.contains(QByteArray("response=\"" + expected + '"')));

        const QByteArray second = session.authorization("PUT", uri);
        QVERIFY(second.contains("nc=00000002"));
        QCOMPARE(session.nonceCount(), 2u);

        session.setChallenge(*challenge);
        QVERIFY(session.authorization("GET", uri).contains("nc=00000001"));
    }

    void withoutQopIsRfc2069()
    {
        DigestSession session;
        session.setCredentials(QStringLiteral("Mufasa"), QStringLiteral("Circle Of Life"));
        session.setChallenge(*chooseDigestChallenge(
            parseAuthenticateHeader("Digest realm=\"r\", nonce=\"n\""), nullptr));
        const QByteArray header = session.authorization("GET", "/");
        QVERIFY(!header.contains("nc="));
        QVERIFY(!header.contains("cnonce="));
        QVERIFY(
            header.contains(QByteArray("response=\"" +
                                       DigestSession::response({}, "Mufasa", "r", "Circle Of Life",
                                                               "GET", "/", "n", {}, {}, {}) +
                                       '"')));
    }

    void quotesAreEscaped()
    {
        DigestSession session;
        session.setCredentials(QStringLiteral("odd\"name"), QStringLiteral("x"));
        session.setChallenge(*chooseDigestChallenge(
            parseAuthenticateHeader("Digest realm=\"r\", nonce=\"n\", qop=\"auth\""), nullptr));
        QVERIFY(session.authorization("GET", "/").contains("username=\"odd\\\"name\""));
    }

    void newCredentialsDropTheNonce()
    {
        DigestSession session;
        session.setChallenge(*chooseDigestChallenge(
            parseAuthenticateHeader("Digest realm=\"r\", nonce=\"n\", qop=\"auth\""), nullptr));
        QVERIFY(session.hasChallenge());
        session.setCredentials(QStringLiteral("a"), QStringLiteral("b"));
        QVERIFY(!session.hasChallenge());
    }

    void randomClientNonces()
    {
        DigestSession session;
        session.setCredentials(QStringLiteral("a"), QStringLiteral("b"));
        session.setChallenge(*chooseDigestChallenge(
            parseAuthenticateHeader("Digest realm=\"r\", nonce=\"n\", qop=\"auth\""), nullptr));
        const QByteArray one = session.authorization("GET", "/");
        const QByteArray two = session.authorization("GET", "/");
        const auto cnonce = [](const QByteArray &header) {
            const qsizetype start = header.indexOf("cnonce=\"") + 8;
            return header.mid(start, header.indexOf('"', start) - start);
        };
        QCOMPARE(cnonce(one).size(), 32);
        QVERIFY(cnonce(one) != cnonce(two));
    }
};

QTEST_GUILESS_MAIN(TestDigestAuth)
#include "tst_digestauth.moc"
