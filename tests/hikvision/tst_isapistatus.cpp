// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiStatus.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cis;
using Kind = HikvisionError::Kind;
using Shape = IsapiStatus::Shape;

namespace {

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(CIS_FIXTURES_DIR "/hikvision/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

// One body of the error table, as the terminal would send it.
QByteArray tableBody(const char *name)
{
    const QJsonObject bodies =
        QJsonDocument::fromJson(fixture(QStringLiteral("response-status-table.json")))
            .object()
            .value(QStringLiteral("bodies"))
            .toObject();
    const QJsonValue body = bodies.value(QLatin1String(name));
    if (!body.isObject())
        qFatal("no table row %s", name);
    return QJsonDocument(body.toObject()).toJson();
}

} // namespace

class TestIsapiStatus : public QObject
{
    Q_OBJECT

private slots:
    void errorTable_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<int>("http");
        QTest::addColumn<int>("kind"); // -1: success

        struct Row
        {
            const char *name;
            int http;
            int kind;
        };
        const Row rows[] = {
            {"ok", 200, -1},
            {"deviceBusy", 200, int(Kind::DeviceBusy)},
            {"noMemory", 200, int(Kind::DeviceFull)},
            {"deviceError", 200, int(Kind::DeviceError)},
            {"notSupport", 200, int(Kind::NotSupported)},
            {"lowPrivilege", 200, int(Kind::AccessDenied)},
            {"badAuthorization", 200, int(Kind::WrongCredentials)},
            {"methodNotAllowed", 200, int(Kind::NotSupported)},
            {"invalidOperation", 200, int(Kind::InvalidContent)},
            {"invalidOperation", 400, int(Kind::InvalidContent)},
            {"notActivated", 200, int(Kind::NotActivated)},
            {"invalidID", 400, int(Kind::NotSupported)},
            {"badXmlFormat", 400, int(Kind::InvalidContent)},
            {"badJsonFormat", 400, int(Kind::InvalidContent)},
            {"badParameters", 400, int(Kind::InvalidContent)},
            {"badXmlContent", 400, int(Kind::InvalidContent)},
            {"MessageParametersLack", 200, int(Kind::InvalidContent)},
            {"MessageParametersLackDelete", 400, int(Kind::InvalidContent)},
            {"badJsonContent", 400, int(Kind::InvalidContent)},
            {"employeeNoAlreadyExist", 400, int(Kind::AlreadyExists)},
            {"employeeNoAlreadyExist", 200, int(Kind::AlreadyExists)},
            {"deviceUserAlreadyExist", 200, int(Kind::AlreadyExists)},
            {"deviceUserNotExist", 200, int(Kind::DoesNotExist)},
            {"eventNotSupport", 200, int(Kind::NotSupported)},
            {"rebootRequired", 200, int(Kind::RebootRequired)},
            {"employeeNoNotExist", 400, int(Kind::DoesNotExist)},
            {"userNotExist", 400, int(Kind::DoesNotExist)},
            {"cardNoAlreadyExist", 400, int(Kind::AlreadyExists)},
            {"duplicateCardNo", 400, int(Kind::AlreadyExists)},
            {"reachMaxUser", 400, int(Kind::DeviceFull)},
            {"deviceUserFull", 400, int(Kind::DeviceFull)},
            {"userExceedLimit", 400, int(Kind::DeviceFull)},
            {"illegalEmployeeNo", 400, int(Kind::InvalidContent)},
            {"employeeNoInvalid", 400, int(Kind::InvalidContent)},
            {"unknownClass6", 400, int(Kind::InvalidContent)},
            {"unknownClass6", 500, int(Kind::DeviceError)},
            {"ok", 400, int(Kind::UnexpectedResponse)},
        };
        for (const Row &row : rows)
            QTest::addRow("%s/%d", row.name, row.http)
                << tableBody(row.name) << row.http << row.kind;
    }

    void errorTable()
    {
        QFETCH(QByteArray, row);
        QFETCH(int, http);
        QFETCH(int, kind);
        const IsapiStatus status = parseIsapiStatus(row);
        QCOMPARE(status.shape, Shape::ResponseStatus);
        const std::optional<HikvisionError> error = errorForResponse(http, status);
        if (kind < 0) {
            QVERIFY(!error);
            QVERIFY(status.isOk());
            return;
        }
        QVERIFY(error);
        QCOMPARE(int(error->kind), kind);
        QCOMPARE(error->httpStatus, http);
        QCOMPARE(error->subStatusCode, status.subStatusCode);
    }

    void realBodiesKeepTheirFields()
    {
        const IsapiStatus exists = parseIsapiStatus(tableBody("employeeNoAlreadyExist"));
        QCOMPARE(exists.statusCode, 6);
        QCOMPARE(exists.statusString, QStringLiteral("Invalid Content"));
        QCOMPARE(exists.subStatusCode, QStringLiteral("employeeNoAlreadyExist"));
        QCOMPARE(exists.errorCode, Q_INT64_C(1610637344));
        QCOMPARE(exists.errorMsg, QStringLiteral("checkUser"));

        const IsapiStatus lack = parseIsapiStatus(tableBody("MessageParametersLackDelete"));
        QCOMPARE(lack.errorMsg, QStringLiteral("UserInfoDelCond"));
        const auto error = errorForResponse(200, lack);
        QCOMPARE(error->errorMsg, QStringLiteral("UserInfoDelCond"));

        // The DS-K1T344 body as quoted: no statusCode at all.
        const IsapiStatus partial = parseIsapiStatus(tableBody("badJsonContent"));
        QCOMPARE(partial.statusCode, 0);
        QCOMPARE(partial.errorMsg, QStringLiteral("endSerialNo"));
    }

    void userCheckUnlocked()
    {
        const IsapiStatus status =
            parseIsapiStatus(fixture(QStringLiteral("usercheck-401-unlock.xml")));
        QCOMPARE(status.shape, Shape::UserCheck);
        QCOMPARE(status.statusValue, 401);
        QCOMPARE(status.lockStatus, QStringLiteral("unlock"));
        QCOMPARE(status.attemptsLeft, 4);
        QCOMPARE(status.lockSecondsLeft, 0);
        QVERIFY(!status.isLocked());
        const auto error = errorForResponse(401, status);
        QCOMPARE(error->kind, Kind::WrongCredentials);
        QCOMPARE(error->attemptsLeft, 4);
    }

    void userCheckLocked()
    {
        const IsapiStatus status =
            parseIsapiStatus(fixture(QStringLiteral("usercheck-401-locked.xml")));
        QVERIFY(status.isLocked());
        QCOMPARE(status.lockSecondsLeft, 1500);
        QCOMPARE(status.attemptsLeft, 0);
        const auto error = errorForResponse(401, status);
        QCOMPARE(error->kind, Kind::LockedOut);
        QCOMPARE(error->lockSecondsLeft, 1500);
        QCOMPARE(error->lockMinutesLeft(), 25);
    }

    void userCheckFromNvrWithoutNamespace()
    {
        const IsapiStatus status =
            parseIsapiStatus(fixture(QStringLiteral("usercheck-401-nvr.xml")));
        QCOMPARE(status.shape, Shape::UserCheck);
        QCOMPARE(status.statusValue, 401);
        QCOMPARE(status.attemptsLeft, -1);
        QCOMPARE(errorForResponse(401, status)->kind, Kind::WrongCredentials);
    }

    void userCheckOk()
    {
        const IsapiStatus status = parseIsapiStatus(fixture(QStringLiteral("usercheck-200.xml")));
        QVERIFY(status.isOk());
        QVERIFY(!errorForResponse(200, status));
    }

    void officialAuthenticationFailed()
    {
        const IsapiStatus status =
            parseIsapiStatus(fixture(QStringLiteral("responsestatus-authfailed.xml")));
        QCOMPARE(status.shape, Shape::ResponseStatus);
        QCOMPARE(status.statusCode, 4);
        QCOMPARE(status.subStatusCode, QStringLiteral("badAuthorization"));
        QCOMPARE(status.requestUrl, QStringLiteral("/ISAPI/AccessControl/UserInfo/Count"));
        QCOMPARE(status.attemptsLeft, 2);
        QCOMPARE(status.lockSecondsLeft, 0);
        QCOMPARE(errorForResponse(401, status)->kind, Kind::WrongCredentials);

        const IsapiStatus locked =
            parseIsapiStatus(fixture(QStringLiteral("responsestatus-authfailed-locked.xml")));
        QVERIFY(locked.isLocked());
        QCOMPARE(locked.lockSecondsLeft, 1799);
        const auto error = errorForResponse(401, locked);
        QCOMPARE(error->kind, Kind::LockedOut);
        QCOMPARE(error->lockMinutesLeft(), 30);
    }

    void invalidOperationOn401()
    {
        const IsapiStatus status =
            parseIsapiStatus(fixture(QStringLiteral("invalidoperation-401.json")));
        QVERIFY(status.isSubStatus("invalidOperation"));
        QCOMPARE(status.errorCode, Q_INT64_C(1073741830));
        // On its own a 401 is a failed login; the client's handshake decides about retrying.
        QCOMPARE(errorForResponse(401, status)->kind, Kind::WrongCredentials);
        QCOMPARE(errorForResponse(200, status)->kind, Kind::InvalidContent);
    }

    void testDouble404()
    {
        const IsapiStatus status =
            parseIsapiStatus(fixture(QStringLiteral("responsestatus-404.xml")));
        QCOMPARE(status.shape, Shape::ResponseStatus);
        QCOMPARE(errorForResponse(404, status)->kind, Kind::NotSupported);
    }

    void httpStatusWithoutVerdict_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<int>("kind");
        QTest::newRow("200") << 200 << -1;
        QTest::newRow("204") << 204 << -1;
        QTest::newRow("302") << 302 << int(Kind::UnexpectedResponse);
        QTest::newRow("400") << 400 << int(Kind::InvalidContent);
        QTest::newRow("401") << 401 << int(Kind::WrongCredentials);
        QTest::newRow("403") << 403 << int(Kind::AccessDenied);
        QTest::newRow("404") << 404 << int(Kind::NotSupported);
        QTest::newRow("405") << 405 << int(Kind::NotSupported);
        QTest::newRow("500") << 500 << int(Kind::DeviceError);
        QTest::newRow("502") << 502 << int(Kind::DeviceError);
        QTest::newRow("503") << 503 << int(Kind::DeviceBusy);
    }

    void httpStatusWithoutVerdict()
    {
        QFETCH(int, http);
        QFETCH(int, kind);
        const auto error = errorForResponse(http, IsapiStatus());
        if (kind < 0)
            QVERIFY(!error);
        else
            QCOMPARE(int(error->kind), kind);
    }

    void bodiesWithoutVerdict_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("search") << fixture(QStringLiteral("search-ok.json"));
        QTest::newRow("deviceInfo") << fixture(QStringLiteral("deviceinfo-ds-k1a340fwx.xml"));
        QTest::newRow("html") << QByteArray("<html><body>404</body></html>");
        QTest::newRow("garbage") << QByteArray("\x01\x02garbage");
        QTest::newRow("truncated json") << QByteArray("{\"statusCode\":1,\"sta");
    }

    void bodiesWithoutVerdict()
    {
        QFETCH(QByteArray, body);
        QCOMPARE(parseIsapiStatus(body).shape, Shape::None);
    }

    // Found by fuzzing: JSON numbers out of range were cast (undefined behaviour), and a
    // statusCode of 4294967297 was cut to int as 1, so an error body read as success.
    void numbersOutOfRangeAreUnreadable()
    {
        const IsapiStatus wrapped = parseIsapiStatus(
            R"({"statusCode":4294967297,"subStatusCode":"deviceBusy","errorCode":1e300,
                "retryTimes":4294967299,"resLockTime":-1e300})");
        QCOMPARE(wrapped.shape, Shape::ResponseStatus);
        QCOMPARE(wrapped.statusCode, 0);
        QVERIFY(!wrapped.isOk());
        QCOMPARE(wrapped.errorCode, 0);
        QCOMPARE(wrapped.attemptsLeft, -1);
        QCOMPARE(wrapped.lockSecondsLeft, -1);
        const auto error = errorForResponse(200, wrapped);
        QVERIFY(error);
        QCOMPARE(error->kind, Kind::DeviceBusy);

        const IsapiStatus text =
            parseIsapiStatus(R"({"statusCode":2,"statusString":1e300,"errorMsg":-1e300})");
        QCOMPARE(text.statusCode, 2);
        QVERIFY(text.statusString.isEmpty());
        QVERIFY(text.errorMsg.isEmpty());
    }

    void subStatusLookupIgnoresCase()
    {
        QCOMPARE(kindForSubStatus(QStringLiteral("DEVICEBUSY")), Kind::DeviceBusy);
        QCOMPARE(kindForSubStatus(QStringLiteral("messageparameterslack")), Kind::InvalidContent);
        QVERIFY(!kindForSubStatus(QStringLiteral("ok")));
    }
};

QTEST_GUILESS_MAIN(TestIsapiStatus)
#include "tst_isapistatus.moc"
