// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The client's face calls against a scripted terminal (FakeTerminal): the answers the simulator
// does not give, such as a terminal that wants the picture part named img, a multipart
// CaptureFaceData answer, S36's CaptureFaceDataResponse root, or a search that ignores FPID.
#include "Clock.h"
#include "FakeTerminal.h"
#include "HikvisionClient.h"

#include <QTest>
#include <memory>
#include <optional>

using namespace cis;
using Kind = HikvisionError::Kind;

namespace {

// The smallest thing the client takes for a JPEG: SOI, an empty scan header, data, EOI.
const QByteArray kJpeg = QByteArray("\xFF\xD8\xFF\xDA\x00\x02", 6) + "scan data\xFF\xD9";
const QByteArray kOk = R"({"statusCode":1,"statusString":"OK","subStatusCode":"ok"})";

QByteArray lack(const char *field)
{
    return QByteArray(R"({"statusCode":6,"statusString":"Invalid Content",)"
                      R"("subStatusCode":"MessageParametersLack","errorCode":1610612761,)"
                      R"("errorMsg":")") +
           field + "\"}";
}

template<typename Result, typename Start> Result waitFor(Start start)
{
    std::optional<Result> result;
    start([&](Result value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        qFatal("client call did not finish");
    return std::move(*result);
}

struct Rig
{
    FakeTerminal terminal;
    ManualClock clock{QDateTime(QDate(2026, 12, 4), QTime(12, 0))};
    std::unique_ptr<HikvisionClient> client;

    Rig()
    {
        if (!terminal.listen())
            qFatal("cannot listen");
        HikvisionConfig config;
        config.baseUrl = terminal.baseUrl();
        config.username = QStringLiteral("admin");
        config.password = QStringLiteral("secret");
        config.readRetryBackoffMs = 0;
        config.faceCapturePollMs = 50;
        client = std::make_unique<HikvisionClient>(config, &clock);
    }

    // Authenticated requests to path.
    QList<FakeRequest> seen(const QByteArray &path) const
    {
        QList<FakeRequest> found;
        for (const FakeRequest &request : terminal.requests) {
            if (request.path == path && !request.authorization().isEmpty())
                found.append(request);
        }
        return found;
    }

    HikvisionClient::Result<WriteResult> setUp(const QString &employeeNo = QStringLiteral("1042"))
    {
        return waitFor<HikvisionClient::Result<WriteResult>>(
            [&](auto done) { client->setUpFace(employeeNo, kJpeg, std::move(done)); });
    }
};

} // namespace

class TestFacesClient : public QObject
{
    Q_OBJECT

private slots:
    void imagePartNameIsTriedOnceMoreAndRemembered()
    {
        Rig rig;
        rig.terminal.routes = [](const FakeRequest &request) {
            if (request.body.contains("name=\"img\"; filename=\"1042.jpg\""))
                return FakeResponse::json(200, kOk);
            return FakeResponse::json(400, lack("img"));
        };
        const auto first = rig.setUp();
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message()));
        QCOMPARE(rig.seen("/ISAPI/Intelligent/FDLib/FDSetUp").size(), 2);
        QCOMPARE(rig.client->faceImagePartName(), QStringLiteral("img"));

        // The next upload goes with the name that worked, once.
        QVERIFY(rig.setUp());
        const QList<FakeRequest> puts = rig.seen("/ISAPI/Intelligent/FDLib/FDSetUp");
        QCOMPARE(puts.size(), 3);
        QVERIFY(puts.last().body.contains("name=\"img\""));
        QVERIFY(puts.first().body.contains("name=\"FaceImage\""));
    }

    void imagePartNameIsTriedOnlyOnce()
    {
        Rig rig;
        rig.terminal.routes = [](const FakeRequest &) {
            return FakeResponse::json(400, lack("FaceImage"));
        };
        const auto written = rig.setUp();
        QVERIFY(!written);
        QCOMPARE(written.error().kind, Kind::InvalidContent);
        QCOMPARE(rig.seen("/ISAPI/Intelligent/FDLib/FDSetUp").size(), 2);
        QCOMPARE(rig.client->faceImagePartName(), QStringLiteral("FaceImage"));
    }

    void otherRefusalsAreNeverRepeated_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("missing FPID") << lack("FPID");
        QTest::newRow("modelling")
            << QByteArray(R"({"statusCode":6,"statusString":"Invalid Content",)"
                          R"("subStatusCode":"SubpicAnalysisModelingError","errorCode":1610612791,)"
                          R"("errorMsg":"saveFacePic"})");
        QTest::newRow("busy") << QByteArray(
            R"({"statusCode":2,"statusString":"Device Busy","subStatusCode":"deviceBusy"})");
    }

    void otherRefusalsAreNeverRepeated()
    {
        QFETCH(QByteArray, answer);
        Rig rig;
        rig.terminal.routes = [answer](const FakeRequest &) {
            return FakeResponse::json(400, answer);
        };
        QVERIFY(!rig.setUp());
        QCOMPARE(rig.seen("/ISAPI/Intelligent/FDLib/FDSetUp").size(), 1);
    }

    void recordFaceIsAPost()
    {
        Rig rig;
        rig.terminal.routes = [](const FakeRequest &) { return FakeResponse::json(200, kOk); };
        const auto written = waitFor<HikvisionClient::Result<WriteResult>>([&](auto done) {
            rig.client->recordFace(QStringLiteral("9"), kJpeg, std::move(done));
        });
        QVERIFY(written);
        const QList<FakeRequest> posts = rig.seen("/ISAPI/Intelligent/FDLib/FaceDataRecord");
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.first().method, QByteArray("POST"));
        QCOMPARE(posts.first().target,
                 QByteArray("/ISAPI/Intelligent/FDLib/FaceDataRecord?format=json"));
    }

    void capabilitiesNotFoundIsNoLibrary()
    {
        Rig rig;
        rig.terminal.routes = [](const FakeRequest &) {
            FakeResponse response;
            response.status = 404;
            response.body = "<html>Not Found</html>";
            return response;
        };
        const auto caps = waitFor<HikvisionClient::Result<FaceLibraryCapabilities>>(
            [&](auto done) { rig.client->fetchFaceLibraryCapabilities(std::move(done)); });
        QVERIFY(caps);
        QVERIFY(!caps.value().available);
        QVERIFY(!caps.value().supportsSetUp());
    }

    void capabilitiesLoginFailureStaysAnError()
    {
        Rig rig;
        rig.terminal.password = "other";
        const auto caps = waitFor<HikvisionClient::Result<FaceLibraryCapabilities>>(
            [&](auto done) { rig.client->fetchFaceLibraryCapabilities(std::move(done)); });
        QVERIFY(!caps);
        QCOMPARE(caps.error().kind, Kind::WrongCredentials);
    }

    void searchThatIgnoresTheFilterIsNotAnAnswer()
    {
        Rig rig;
        rig.terminal.routes = [](const FakeRequest &) {
            return FakeResponse::json(200, R"({"responseStatusStrg":"MORE","numOfMatches":1,)"
                                           R"("totalMatches":5,"MatchList":[{"FPID":"77"}]})");
        };
        const auto found = waitFor<HikvisionClient::Result<std::optional<FaceRecord>>>(
            [&](auto done) { rig.client->searchFace(QStringLiteral("1042"), std::move(done)); });
        QVERIFY(!found);
        QCOMPARE(found.error().kind, Kind::UnexpectedResponse);
    }

    void deleteCarriesTheLibraryInTheQuery()
    {
        Rig rig;
        rig.terminal.routes = [](const FakeRequest &) { return FakeResponse::json(200, kOk); };
        const auto deleted = waitFor<HikvisionClient::Result<DeleteResult>>([&](auto done) {
            rig.client->deleteFaces({QStringLiteral("1"), QStringLiteral("2")}, std::move(done));
        });
        QVERIFY(deleted);
        const QList<FakeRequest> puts = rig.seen("/ISAPI/Intelligent/FDLib/FDSearch/Delete");
        QCOMPARE(puts.size(), 1);
        QCOMPARE(puts.first().target, QByteArray("/ISAPI/Intelligent/FDLib/FDSearch/"
                                                 "Delete?format=json&FDID=1&faceLibType=blackFD"));
        QCOMPARE(puts.first().body, QByteArray(R"({"FPID":[{"value":"1"},{"value":"2"}]})"));
    }

    void captureMultipartAnswerGivesThePicture()
    {
        Rig rig;
        rig.terminal.routes = [](const FakeRequest &request) {
            if (request.path != "/ISAPI/AccessControl/CaptureFaceData")
                return FakeResponse::json(404, {});
            FakeResponse response;
            response.headers.append(
                {QByteArray("Content-Type"), QByteArray("multipart/form-data; boundary=MIME")});
            response.body = "--MIME\r\nContent-Disposition: form-data; name=\"CaptureFaceData\"\r\n"
                            "Content-Type: application/xml\r\n\r\n"
                            "<CaptureFaceData><captureProgress>100</captureProgress>"
                            "</CaptureFaceData>\r\n--MIME\r\n"
                            "Content-Disposition: form-data; name=\"FaceData\"; "
                            "filename=\"FaceData.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" +
                            kJpeg + "\r\n--MIME--\r\n";
            return response;
        };
        const auto captured = waitFor<HikvisionClient::Result<CapturedFace>>([&](auto done) {
            rig.client->captureFace(10, HikvisionClient::newCancelTag(), {}, std::move(done));
        });
        QVERIFY2(captured, qPrintable(captured ? QString() : captured.error().message()));
        QCOMPARE(captured.value().jpeg, kJpeg);
        QCOMPARE(rig.terminal.requests.last().path, QByteArray("/ISAPI/AccessControl/"
                                                               "CaptureFaceData"));
    }

    void captureResponseRootAndPictureByUrl()
    {
        Rig rig;
        int polls = 0;
        rig.terminal.routes = [&](const FakeRequest &request) {
            if (request.path == "/ISAPI/AccessControl/CaptureFaceData") {
                ++polls;
                const QByteArray progress = polls < 3 ? "0" : "100";
                return FakeResponse::xml(
                    200, "<CaptureFaceDataResponse xmlns=\"http://www.isapi.org/ver20/"
                         "XMLSchema\"><captureProgress>" +
                             progress +
                             "</captureProgress><faceDataUrl>https://192.168.1.64/LOCALS/pic/"
                             "web_face_enrollpic.jpg@WEB000000000020</faceDataUrl>"
                             "</CaptureFaceDataResponse>");
            }
            if (request.path == "/LOCALS/pic/web_face_enrollpic.jpg@WEB000000000020") {
                FakeResponse response;
                response.headers.append({QByteArray("Content-Type"), QByteArray("image/jpeg")});
                response.body = kJpeg;
                return response;
            }
            return FakeResponse::json(404, {});
        };
        QList<int> progress;
        const auto captured = waitFor<HikvisionClient::Result<CapturedFace>>([&](auto done) {
            rig.client->captureFace(
                10, HikvisionClient::newCancelTag(), [&](int value) { progress << value; },
                std::move(done));
        });
        QVERIFY2(captured, qPrintable(captured ? QString() : captured.error().message()));
        QCOMPARE(polls, 3);
        QCOMPARE(progress, (QList<int>{0, 100}));
        QCOMPARE(captured.value().faceDataUrl,
                 QStringLiteral(
                     "https://192.168.1.64/LOCALS/pic/web_face_enrollpic.jpg@WEB000000000020"));
        QCOMPARE(captured.value().jpeg, kJpeg);
        // The capture is XML, without ?format=json.
        const FakeRequest first = rig.seen("/ISAPI/AccessControl/CaptureFaceData").first();
        QCOMPARE(first.target, QByteArray("/ISAPI/AccessControl/CaptureFaceData"));
        QVERIFY(first.headers.value("content-type").startsWith("application/xml"));
    }

    void captureErrorEndsIt()
    {
        Rig rig;
        rig.terminal.routes = [](const FakeRequest &) {
            return FakeResponse::json(200,
                                      R"({"statusCode":4,"statusString":"Invalid Operation",)"
                                      R"("subStatusCode":"notSupport","errorCode":1073741825})");
        };
        const auto captured = waitFor<HikvisionClient::Result<CapturedFace>>([&](auto done) {
            rig.client->captureFace(10, HikvisionClient::newCancelTag(), {}, std::move(done));
        });
        QVERIFY(!captured);
        QCOMPARE(captured.error().kind, Kind::NotSupported);
        QCOMPARE(rig.seen("/ISAPI/AccessControl/CaptureFaceData").size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestFacesClient)
#include "tst_facesclient.moc"
