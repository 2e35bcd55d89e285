// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperError.h"

#include <QTest>

using namespace cis;
using Kind = CardskipperError::Kind;

class TestCardskipperError : public QObject
{
    Q_OBJECT

private slots:
    void transience_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("transient");
        QTest::newRow("credentials") << int(Kind::WrongCredentials) << false;
        QTest::newRow("not granted") << int(Kind::CallNotGranted) << false;
        QTest::newRow("organisation") << int(Kind::UnknownOrganisation) << false;
        QTest::newRow("bad request") << int(Kind::BadRequest) << false;
        QTest::newRow("tls") << int(Kind::Tls) << false;
        QTest::newRow("unexpected") << int(Kind::UnexpectedResponse) << false;
        QTest::newRow("server") << int(Kind::ServerError) << true;
        QTest::newRow("rate") << int(Kind::RateLimited) << true;
        QTest::newRow("timeout") << int(Kind::Timeout) << true;
        QTest::newRow("unreachable") << int(Kind::HostUnreachable) << true;
        QTest::newRow("network") << int(Kind::Network) << true;
        QTest::newRow("malformed") << int(Kind::MalformedResponse) << true;
    }

    void transience()
    {
        QFETCH(int, kind);
        QFETCH(bool, transient);
        CardskipperError error;
        error.kind = Kind(kind);
        QCOMPARE(error.isTransient(), transient);
    }

    void everyMessageNamesTheHost()
    {
        for (int kind = int(Kind::WrongCredentials); kind <= int(Kind::UnexpectedResponse);
             ++kind) {
            CardskipperError error;
            error.kind = Kind(kind);
            error.host = QStringLiteral("api.cardskipper.se");
            error.call = QStringLiteral("POST /Member/Export");
            error.httpStatus = 500;
            error.detail = QStringLiteral("detail");
            const QString message = error.message();
            QVERIFY2(message.contains(error.host), qPrintable(message));
            QVERIFY2(!message.contains(QStringLiteral("%")), qPrintable(message));
        }
    }

    void malformedNamesLineAndColumn()
    {
        CardskipperError error;
        error.kind = Kind::MalformedResponse;
        error.host = QStringLiteral("h");
        error.call = QStringLiteral("POST /Member/Export");
        error.line = 12;
        error.column = 34;
        error.detail = QStringLiteral("Premature end of document.");
        QVERIFY(error.message().contains(QStringLiteral("line 12, column 34")));
    }

    void rateLimitSaysHowLongToWait()
    {
        CardskipperError error;
        error.kind = Kind::RateLimited;
        error.host = QStringLiteral("h");
        error.httpStatus = 429;
        error.retryAfterSeconds = 30;
        QVERIFY(error.message().contains(QStringLiteral("30 seconds")));
    }
};

QTEST_GUILESS_MAIN(TestCardskipperError)
#include "tst_cardskippererror.moc"
