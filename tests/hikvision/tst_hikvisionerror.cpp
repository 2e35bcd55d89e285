// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "HikvisionError.h"

#include <QTest>

using namespace cis;
using Kind = HikvisionError::Kind;

class TestHikvisionError : public QObject
{
    Q_OBJECT

private slots:
    void transience_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("transient");
        QTest::newRow("busy") << int(Kind::DeviceBusy) << true;
        QTest::newRow("device error") << int(Kind::DeviceError) << true;
        QTest::newRow("timeout") << int(Kind::Timeout) << true;
        QTest::newRow("unreachable") << int(Kind::HostUnreachable) << true;
        QTest::newRow("network") << int(Kind::Network) << true;
        QTest::newRow("malformed") << int(Kind::MalformedResponse) << true;
        QTest::newRow("credentials") << int(Kind::WrongCredentials) << false;
        QTest::newRow("locked") << int(Kind::LockedOut) << false;
        QTest::newRow("certificate") << int(Kind::UntrustedCertificate) << false;
        QTest::newRow("not supported") << int(Kind::NotSupported) << false;
        QTest::newRow("exists") << int(Kind::AlreadyExists) << false;
        QTest::newRow("missing") << int(Kind::DoesNotExist) << false;
        QTest::newRow("content") << int(Kind::InvalidContent) << false;
        QTest::newRow("full") << int(Kind::DeviceFull) << false;
        QTest::newRow("refused") << int(Kind::RefusedRequest) << false;
    }

    void transience()
    {
        QFETCH(int, kind);
        QFETCH(bool, transient);
        HikvisionError error;
        error.kind = Kind(kind);
        QCOMPARE(error.isTransient(), transient);
    }

    void onlyAuthenticationBlocks()
    {
        for (int kind = int(Kind::WrongCredentials); kind <= int(Kind::RefusedRequest); ++kind) {
            HikvisionError error;
            error.kind = Kind(kind);
            QCOMPARE(error.blocksClient(),
                     error.kind == Kind::WrongCredentials || error.kind == Kind::LockedOut);
        }
    }

    void everyMessageNamesTheTerminal()
    {
        for (int kind = int(Kind::WrongCredentials); kind <= int(Kind::RefusedRequest); ++kind) {
            for (int attempts : {-1, 0, 3}) {
                HikvisionError error;
                error.kind = Kind(kind);
                error.host = QStringLiteral("192.168.1.64");
                error.call = QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record");
                error.httpStatus = 400;
                error.detail = QStringLiteral("detail");
                error.attemptsLeft = attempts;
                error.lockSecondsLeft = attempts * 100;
                const QString message = error.message();
                QVERIFY2(message.contains(error.host), qPrintable(message));
                QVERIFY2(!message.contains(QStringLiteral("%")), qPrintable(message));
            }
        }
    }

    void attemptsAndMinutes()
    {
        HikvisionError error;
        error.kind = Kind::WrongCredentials;
        error.host = QStringLiteral("door");
        error.attemptsLeft = 3;
        QVERIFY2(error.message().contains(QStringLiteral("3 attempt")),
                 qPrintable(error.message()));

        error.kind = Kind::LockedOut;
        error.lockSecondsLeft = 1500;
        QCOMPARE(error.lockMinutesLeft(), 25);
        QVERIFY2(error.message().contains(QStringLiteral("25 more minute")),
                 qPrintable(error.message()));
        error.lockSecondsLeft = 1799;
        QCOMPARE(error.lockMinutesLeft(), 30);
        error.lockSecondsLeft = 1;
        QCOMPARE(error.lockMinutesLeft(), 1);
        error.lockSecondsLeft = -1;
        QCOMPARE(error.lockMinutesLeft(), -1);
    }

    void memberAndFieldAreNamed()
    {
        HikvisionError error;
        error.host = QStringLiteral("door");
        error.call = QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record");
        error.employeeNo = QStringLiteral("1042");
        error.personName = QStringLiteral("Åsa Öberg");
        error.kind = Kind::InvalidContent;
        error.subStatusCode = QStringLiteral("badJsonContent");
        error.errorMsg = QStringLiteral("beginTime");
        QString message = error.message();
        QVERIFY2(message.contains(QStringLiteral("Åsa Öberg (1042)")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("beginTime")), qPrintable(message));

        error.kind = Kind::AlreadyExists;
        error.subStatusCode = QStringLiteral("employeeNoAlreadyExist");
        error.errorMsg = QStringLiteral("checkUser");
        message = error.message();
        QVERIFY2(message.contains(QStringLiteral("Åsa Öberg (1042)")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("employeeNoAlreadyExist")), qPrintable(message));
    }

    void fingerprints()
    {
        const QByteArray digest =
            QByteArray::fromHex("01bac5a91423cae06418b18e6f775629d33cd1eefd31ed71a7388b32912c0d28");
        const QString text = fingerprintText(digest);
        QCOMPARE(text, QStringLiteral("01:BA:C5:A9:14:23:CA:E0:64:18:B1:8E:6F:77:56:29:D3:3C:D1:"
                                      "EE:FD:31:ED:71:A7:38:8B:32:91:2C:0D:28"));
        QCOMPARE(fingerprintFromText(text), digest);
        QCOMPARE(fingerprintFromText(text.toLower().remove(QLatin1Char(':'))), digest);
        QVERIFY(fingerprintFromText(QStringLiteral("AB:CD")).isEmpty());
        QVERIFY(fingerprintFromText(QString(64, QLatin1Char('G'))).isEmpty());

        HikvisionError error;
        error.kind = Kind::UntrustedCertificate;
        error.host = QStringLiteral("door");
        error.certificateSha256 = digest;
        QVERIFY(error.message().contains(text));
        error.pinnedCertificateMismatch = true;
        QVERIFY(error.message().contains(text));
    }
};

QTEST_GUILESS_MAIN(TestHikvisionError)
#include "tst_hikvisionerror.moc"
