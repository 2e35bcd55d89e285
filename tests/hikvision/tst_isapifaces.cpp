// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Faces on the wire (isapi-events-credentials.md §3): the exact bytes of the multipart upload,
// the FDSearch, FDSearch/Delete and CaptureFaceData requests, the readers of their answers,
// and the plain words for face errors.
#include "HikvisionError.h"
#include "IsapiParsers.h"
#include "IsapiRequests.h"
#include "IsapiStatus.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QTest>

using namespace cis;
using namespace cis::isapi;
using Kind = HikvisionError::Kind;

namespace {

QByteArray smallJpeg()
{
    QImage image(48, 64, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, 48, 64);
    gradient.setColorAt(0, QColor(30, 40, 60));
    gradient.setColorAt(1, QColor(230, 200, 170));
    painter.fillRect(image.rect(), gradient);
    painter.setBrush(QColor(240, 210, 180));
    painter.drawEllipse(QRect(10, 10, 28, 36));
    painter.end();
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    if (!writer.write(image))
        qFatal("no JPEG writer");
    return jpeg;
}

// APP1 carrying an embedded thumbnail's own SOI..EOI, as EXIF does: the end of the picture is
// the EOI after the scan, not this one.
QByteArray withThumbnailSegment(const QByteArray &jpeg)
{
    const QByteArray payload = QByteArray("Exif\0\0", 6) + QByteArray("\xFF\xD8\xFF\xD9", 4);
    QByteArray segment("\xFF\xE1", 2);
    const int length = int(payload.size()) + 2;
    segment.append(char(length >> 8));
    segment.append(char(length & 0xFF));
    segment += payload;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

QJsonObject jsonOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

HikvisionError faceError(const char *subStatusCode, const char *errorMsg = "")
{
    HikvisionError error;
    error.kind = kindForSubStatus(QLatin1String(subStatusCode)).value_or(Kind::InvalidContent);
    error.host = QStringLiteral("10.0.0.5");
    error.call = QStringLiteral("PUT /ISAPI/Intelligent/FDLib/FDSetUp");
    error.employeeNo = QStringLiteral("1042");
    error.statusCode = 6;
    error.subStatusCode = QLatin1String(subStatusCode);
    error.errorMsg = QLatin1String(errorMsg);
    error.httpStatus = 400;
    return error;
}

} // namespace

class TestIsapiFaces : public QObject
{
    Q_OBJECT

private slots:
    // Requests ---------------------------------------------------------------------------------

    void multipartBodyHasTheExactBytes()
    {
        const QByteArray jpeg = smallJpeg();
        const auto built = faceMultipartBody(QStringLiteral("1042"), jpeg,
                                             QStringLiteral("FaceImage"), {}, "XyZ123boundary");
        QVERIFY(built);
        QCOMPARE(built.value().contentType,
                 QByteArray("multipart/form-data; boundary=XyZ123boundary"));
        const QByteArray expected =
            "--XyZ123boundary\r\n"
            "Content-Disposition: form-data; name=\"FaceDataRecord\"\r\n"
            "Content-Type: application/json\r\n"
            "\r\n"
            "{\"FDID\":\"1\",\"FPID\":\"1042\",\"faceLibType\":\"blackFD\"}\r\n"
            "--XyZ123boundary\r\n"
            "Content-Disposition: form-data; name=\"FaceImage\"; filename=\"1042.jpg\"\r\n"
            "Content-Type: image/jpeg\r\n"
            "\r\n" +
            jpeg +
            "\r\n"
            "--XyZ123boundary--\r\n";
        QCOMPARE(built.value().body, expected);
    }

    void multipartJsonPartIsTheMinimalTripleWithoutFilename()
    {
        const auto built = faceMultipartBody(QStringLiteral("7"), smallJpeg(),
                                             QStringLiteral("img"), {}, "b0undary");
        QVERIFY(built);
        const QByteArray body = built.value().body;
        const qsizetype jsonStart = body.indexOf("\r\n\r\n") + 4;
        const QByteArray json = body.mid(jsonStart, body.indexOf("\r\n--b0undary") - jsonStart);
        const QJsonObject record = jsonOf(json);
        QCOMPARE(record.size(), 3);
        QCOMPARE(record.value(QLatin1String("faceLibType")).toString(), QStringLiteral("blackFD"));
        QCOMPARE(record.value(QLatin1String("FDID")).toString(), QStringLiteral("1"));
        QCOMPARE(record.value(QLatin1String("FPID")).toString(), QStringLiteral("7"));
        const QByteArray firstHeader = body.left(body.indexOf("\r\n\r\n"));
        QVERIFY(!firstHeader.contains("filename"));
        // The JSON comes first, then the picture, under the name asked for.
        QVERIFY(body.indexOf("name=\"FaceDataRecord\"") <
                body.indexOf("name=\"img\"; filename=\"7.jpg\""));
        QVERIFY(!body.contains("FaceImage"));
        // Every line break in the framing is CRLF.
        const QByteArray framing = body.left(body.indexOf("\xFF\xD8"));
        QCOMPARE(framing.count('\n'), framing.count("\r\n"));
        QVERIFY(body.endsWith("\r\n--b0undary--\r\n"));
    }

    void multipartTrimsBytesOutsideTheJpeg()
    {
        const QByteArray jpeg = smallJpeg();
        const QByteArray framed = "--MIME\r\nContent-Type: image/jpeg\r\n\r\n" + jpeg +
                                  "\r\n--MIME--\r\n" + QByteArray(16, '\0');
        const auto built =
            faceMultipartBody(QStringLiteral("1"), framed, QStringLiteral("FaceImage"), {}, "bnd");
        QVERIFY(built);
        const QByteArray body = built.value().body;
        const QByteArray partHead = "Content-Type: image/jpeg\r\n\r\n";
        const qsizetype start = body.indexOf(partHead) + partHead.size();
        QCOMPARE(body.mid(start, jpeg.size()), jpeg);
        QCOMPARE(body.mid(start + jpeg.size()), QByteArray("\r\n--bnd--\r\n"));
        QVERIFY(!body.contains("MIME"));
    }

    void trimmedJpegFindsTheEndAfterTheScan()
    {
        const QByteArray jpeg = withThumbnailSegment(smallJpeg());
        const auto trimmed = trimmedJpeg(QByteArray("junk") + jpeg + "\xFF\xD9trailer");
        QVERIFY(trimmed);
        QCOMPARE(trimmed.value(), jpeg);
        QCOMPARE(trimmedJpeg(jpeg).value(), jpeg);
    }

    void nonJpegIsRefusedBeforeSending_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("hello, not a picture");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QTest::newRow("truncated") << smallJpeg().chopped(2);
        QTest::newRow("soi only") << QByteArray("\xFF\xD8\xFF\xD9", 4);
    }

    void nonJpegIsRefusedBeforeSending()
    {
        QFETCH(QByteArray, data);
        const auto built = faceMultipartBody(QStringLiteral("1042"), data);
        QVERIFY(!built);
        QCOMPARE(built.error().kind, Kind::RefusedRequest);
        QVERIFY(!built.error().detail.isEmpty());
    }

    void unframableEmployeeNoIsRefused_data()
    {
        QTest::addColumn<QString>("employeeNo");
        QTest::newRow("empty") << QString();
        QTest::newRow("quote") << QStringLiteral("10\"42");
        QTest::newRow("newline") << QStringLiteral("10\r\n42");
        QTest::newRow("spaces") << QStringLiteral(" 1042");
    }

    void unframableEmployeeNoIsRefused()
    {
        QFETCH(QString, employeeNo);
        const auto built = faceMultipartBody(employeeNo, smallJpeg());
        QVERIFY(!built);
        QCOMPARE(built.error().kind, Kind::RefusedRequest);
    }

    void randomBoundaryMatchesTheHeaderAndIsNotInTheContent()
    {
        const QByteArray jpeg = smallJpeg();
        const auto first = faceMultipartBody(QStringLiteral("1042"), jpeg);
        const auto second = faceMultipartBody(QStringLiteral("1042"), jpeg);
        QVERIFY(first);
        QVERIFY(second);
        QVERIFY(first.value().contentType != second.value().contentType);
        for (const auto *built : {&first.value(), &second.value()}) {
            const QByteArray boundary = built->contentType.mid(
                built->contentType.indexOf("boundary=") + int(qstrlen("boundary=")));
            QVERIFY(boundary.size() >= 16);
            QVERIFY(built->body.startsWith(QByteArray("--" + boundary + "\r\n")));
            QVERIFY(built->body.endsWith(QByteArray("\r\n--" + boundary + "--\r\n")));
            QCOMPARE(built->body.count(QByteArray("--" + boundary)), 3);
        }
        // A boundary that occurs in the content is never used.
        const auto clash = faceMultipartBody(QStringLiteral("1042"), jpeg,
                                             QStringLiteral("FaceImage"), {}, "FPID");
        QVERIFY(clash);
        QVERIFY(clash.value().contentType != "multipart/form-data; boundary=FPID");
        QVERIFY(!clash.value().body.startsWith("--FPID"));
    }

    void faceUrlUploadHasTheJsonPartOnly()
    {
        const QString url =
            QStringLiteral("http://192.168.1.7/LOCALS/pic/web_face_enrollpic.jpg@WEB000000000020");
        const auto built =
            faceMultipartBody(QStringLiteral("1042"), {}, QStringLiteral("FaceImage"), url, "bb");
        QVERIFY(built);
        const QByteArray expected = "--bb\r\n"
                                    "Content-Disposition: form-data; name=\"FaceDataRecord\"\r\n"
                                    "Content-Type: application/json\r\n"
                                    "\r\n" +
                                    faceDataRecordJson(QStringLiteral("1042"), url) +
                                    "\r\n"
                                    "--bb--\r\n";
        QCOMPARE(built.value().body, expected);
        const QJsonObject record = jsonOf(faceDataRecordJson(QStringLiteral("1042"), url));
        QCOMPARE(record.size(), 4);
        QCOMPARE(record.value(QLatin1String("faceURL")).toString(), url);
    }

    void faceSearchBody()
    {
        QCOMPARE(isapi::faceSearchBody(QStringLiteral("1042")),
                 QByteArray("{\"FDID\":\"1\",\"FPID\":\"1042\",\"faceLibType\":\"blackFD\","
                            "\"maxResults\":1,\"searchResultPosition\":0}"));
    }

    void faceDeleteBody()
    {
        const auto batches =
            splitIntoBatches({QStringLiteral("1"), QStringLiteral("22"), QStringLiteral("1")},
                             IdBatch::Kind::EmployeeNo, kFaceDeleteBatchSize);
        QVERIFY(batches);
        QCOMPARE(batches.value().size(), 1);
        QCOMPARE(isapi::faceDeleteBody(batches.value().first()),
                 QByteArray("{\"FPID\":[{\"value\":\"1\"},{\"value\":\"22\"}]}"));

        QStringList many;
        for (int i = 0; i < 61; ++i)
            many << QString::number(1000 + i);
        const auto split = splitIntoBatches(many, IdBatch::Kind::EmployeeNo, kFaceDeleteBatchSize);
        QVERIFY(split);
        QCOMPARE(split.value().size(), 3);
        QCOMPARE(split.value().last().ids(), QStringList{QStringLiteral("1060")});
        QVERIFY(!splitIntoBatches({}, IdBatch::Kind::EmployeeNo, kFaceDeleteBatchSize));
    }

    void captureFaceDataBody()
    {
        QCOMPARE(isapi::captureFaceDataBody(),
                 QByteArray("<CaptureFaceDataCond version=\"2.0\" "
                            "xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
                            "<captureInfrared>false</captureInfrared><dataType>url</dataType>"
                            "</CaptureFaceDataCond>"));
        QVERIFY(isapi::captureFaceDataBody(true).contains("<dataType>binary</dataType>"));
    }

    // Parsers ----------------------------------------------------------------------------------

    void capabilitiesFlatAsS1()
    {
        // S37's DS-K1T321MFWX values, flat beside the ResponseStatus fields.
        const auto caps = parseFaceLibraryCapabilities(
            R"({"statusCode":1,"statusString":"OK","subStatusCode":"ok","FDNameMaxLen":64,
                "customInfoMaxLen":256,"FDMaxNum":3,"FDRecordDataMaxNum":1500,
                "supportFDFunction":"post,delete,put,get,setUp",
                "faceLibType":"blackFD,staticFD,infraredFD","faceURLLen":1024})");
        QVERIFY(caps);
        QVERIFY(caps.value().available);
        QCOMPARE(
            caps.value().functions,
            QStringList({QStringLiteral("post"), QStringLiteral("delete"), QStringLiteral("put"),
                         QStringLiteral("get"), QStringLiteral("setUp")}));
        QCOMPARE(caps.value().faceLibTypes.size(), 3);
        QCOMPARE(caps.value().maxRecords, 1500);
        QCOMPARE(caps.value().faceUrlMaxLength, 1024);
        QVERIFY(caps.value().supportsSetUp());
        QVERIFY(caps.value().supportsPost());
    }

    void capabilitiesTolerant()
    {
        // Wrapped, numbers quoted, @opt and @max objects, no setUp.
        const auto caps = parseFaceLibraryCapabilities(
            R"({"FPLibCap":{"supportFDFunction":{"@opt":"post,delete,put,get"},
                "FDRecordDataMaxNum":"3000","faceURLLen":{"@min":1,"@max":"256"}}})");
        QVERIFY(caps);
        QVERIFY(caps.value().available);
        QCOMPARE(caps.value().maxRecords, 3000);
        QCOMPARE(caps.value().faceUrlMaxLength, 256);
        QVERIFY(!caps.value().supportsSetUp());
        QVERIFY(caps.value().supportsPost());

        const auto xml = parseFaceLibraryCapabilities(
            "<FDLibCap xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><supportFDFunction>post,"
            "setUp</supportFDFunction><FDRecordDataMaxNum>500</FDRecordDataMaxNum></FDLibCap>");
        QVERIFY(xml);
        QVERIFY(xml.value().supportsSetUp());
        QCOMPARE(xml.value().maxRecords, 500);

        // Functions not listed: all assumed; not available: none.
        FaceLibraryCapabilities unlisted;
        unlisted.available = true;
        QVERIFY(unlisted.supportsSetUp());
        QVERIFY(!FaceLibraryCapabilities().supportsSetUp());
        QVERIFY(!FaceLibraryCapabilities().supportsPost());
    }

    void capabilitiesWithoutDataAreNotAnAnswer()
    {
        const auto bare = parseFaceLibraryCapabilities(R"({"statusCode":1,"statusString":"OK"})");
        QVERIFY(!bare);
        QCOMPARE(bare.error().kind, Kind::UnexpectedResponse);
        QCOMPARE(parseFaceLibraryCapabilities("").error().kind, Kind::MalformedResponse);
        QCOMPARE(parseFaceLibraryCapabilities("{broken").error().kind, Kind::MalformedResponse);
    }

    void faceSearchOk()
    {
        const auto page = parseFaceSearchPage(
            // Not a raw string: moc takes the "//" of a URL in one for a comment.
            "{\"statusCode\":1,\"statusString\":\"OK\",\"subStatusCode\":\"ok\","
            "\"responseStatusStrg\":\"OK\",\"searchResultPosition\":0,\"numOfMatches\":1,"
            "\"totalMatches\":1,\"MatchList\":[{\"FPID\":\"1042\",\"name\":\"Anna\","
            "\"faceURL\":\"http:\\/\\/192.168.1.7:80\\/LOCALS\\/pic\\/enrlFace\\/0\\/"
            "0000000002.jpg@WEB000000000010\",\"isInLibrary\":\"yes\"}]}");
        QVERIFY(page);
        QCOMPARE(page.value().responseStatus, QStringLiteral("OK"));
        QCOMPARE(page.value().totalMatches, 1);
        QCOMPARE(page.value().faces.size(), 1);
        const FaceRecord &face = page.value().faces.first();
        QCOMPARE(face.employeeNo, QStringLiteral("1042"));
        QCOMPARE(face.inLibrary, QStringLiteral("yes"));
        QVERIFY(face.faceUrl.endsWith(QLatin1String("0000000002.jpg@WEB000000000010")));
    }

    void faceSearchNoMatches()
    {
        const auto page = parseFaceSearchPage(
            R"({"statusCode":1,"statusString":"OK","responseStatusStrg":"NO MATCHES",
                "searchResultPosition":0,"numOfMatches":0,"totalMatches":0})");
        QVERIFY(page);
        QVERIFY(page.value().faces.isEmpty());
        QCOMPARE(page.value().numOfMatches, 0);

        // totalMatches 0 ends it even with a stray list.
        const auto zero = parseFaceSearchPage(R"({"totalMatches":"0","MatchList":[{"FPID":"9"}]})");
        QVERIFY(zero);
        QVERIFY(zero.value().faces.isEmpty());
    }

    void faceSearchMoreWithQuotedNumbers()
    {
        const auto page = parseFaceSearchPage(
            R"({"responseStatusStrg":"MORE","numOfMatches":"1","totalMatches":"3",
                "MatchList":{"FPID":1042,"faceURL":"/LOCALS/pic/enrlFace/0/1.jpg"}})");
        QVERIFY(page);
        QCOMPARE(page.value().responseStatus, QStringLiteral("MORE"));
        QCOMPARE(page.value().totalMatches, 3);
        QCOMPARE(page.value().numOfMatches, 1);
        QCOMPARE(page.value().faces.size(), 1);
        QCOMPARE(page.value().faces.first().employeeNo, QStringLiteral("1042"));
        QVERIFY(page.value().faces.first().inLibrary.isEmpty());
    }

    void faceSearchBareOkIsNotNoFace()
    {
        const auto page = parseFaceSearchPage(R"({"statusCode":1,"statusString":"OK"})");
        QVERIFY(!page);
        QCOMPARE(page.error().kind, Kind::UnexpectedResponse);
        QCOMPARE(parseFaceSearchPage("").error().kind, Kind::MalformedResponse);
    }

    void captureFaceDataRoots_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("progress");
        QTest::addColumn<QString>("url");
        const QString url =
            QStringLiteral("https://10.0.0.5/LOCALS/pic/web_face_enrollpic.jpg@WEB000000000020");
        QTest::newRow("S1 root, namespace")
            << QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CaptureFaceData "
                          "version=\"2.0\" xmlns=\"http://www.isapi.org/ver20/XMLSchema\">\n"
                          "<faceDataUrl>" +
                          url.toUtf8() +
                          "</faceDataUrl>\n<captureProgress>100</captureProgress>\n"
                          "<isCurRequestOver>true</isCurRequestOver>\n</CaptureFaceData>\n")
            << 100 << url;
        QTest::newRow("S36 root, no namespace")
            << QByteArray("<CaptureFaceDataResponse><captureProgress>100</captureProgress>"
                          "<faceDataUrl>" +
                          url.toUtf8() + "</faceDataUrl></CaptureFaceDataResponse>")
            << 100 << url;
        QTest::newRow("std-cgi namespace, progress as padded text")
            << QByteArray("<CaptureFaceDataResponse xmlns=\"http://www.std-cgi.org/ver20/"
                          "XMLSchema\"><captureProgress> 40 </captureProgress>"
                          "</CaptureFaceDataResponse>")
            << 40 << QString();
        QTest::newRow("nothing yet")
            << QByteArray("<CaptureFaceData><captureProgress>0</captureProgress>"
                          "<isCurRequestOver>false</isCurRequestOver></CaptureFaceData>")
            << 0 << QString();
        QTest::newRow("JSON, progress as string")
            << QByteArray("{\"CaptureFaceData\":{\"captureProgress\":\"100\",\"faceDataUrl\":\"" +
                          url.toUtf8() + "\"}}")
            << 100 << url;
    }

    void captureFaceDataRoots()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, progress);
        QFETCH(QString, url);
        const auto answer = parseCaptureFaceData(body, "application/xml");
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
        QCOMPARE(answer.value().progress, progress);
        QCOMPARE(answer.value().faceDataUrl, url);
        QVERIFY(answer.value().jpeg.isEmpty());
    }

    void captureFaceDataOtherDocumentsAreErrors()
    {
        QCOMPARE(parseCaptureFaceData("<ResponseStatus><statusCode>1</statusCode>"
                                      "</ResponseStatus>")
                     .error()
                     .kind,
                 Kind::UnexpectedResponse);
        QCOMPARE(parseCaptureFaceData("<CaptureFaceData></CaptureFaceData>").error().kind,
                 Kind::UnexpectedResponse);
        QCOMPARE(parseCaptureFaceData("").error().kind, Kind::MalformedResponse);
        QCOMPARE(parseCaptureFaceData("<CaptureFaceData><captureProgress>").error().kind,
                 Kind::MalformedResponse);
    }

    void captureFaceDataMultipart_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("lineEnd");
        QTest::newRow("boundary in the header") << QByteArray("multipart/form-data; "
                                                              "boundary=MIME_boundary")
                                                << QByteArray("\r\n");
        QTest::newRow("quoted boundary") << QByteArray("multipart/form-data; "
                                                       "boundary=\"MIME_boundary\"")
                                         << QByteArray("\r\n");
        QTest::newRow("no header, bare LF") << QByteArray() << QByteArray("\n");
    }

    void captureFaceDataMultipart()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, lineEnd);
        const QByteArray jpeg = smallJpeg();
        const QByteArray &n = lineEnd;
        const QByteArray body =
            "--MIME_boundary" + n + "Content-Disposition: form-data; name=\"CaptureFaceData\"" + n +
            "Content-Type: application/xml; charset=\"UTF-8\"" + n + n +
            "<CaptureFaceData xmlns=\"http://www.isapi.org/ver20/XMLSchema\"><faceDataUrl>"
            "http://10.0.0.5/LOCALS/pic/web_face_enrollpic.jpg@WEB000000000021</faceDataUrl>"
            "<captureProgress>100</captureProgress></CaptureFaceData>" +
            n + "--MIME_boundary" + n +
            "Content-Disposition: form-data; name=\"FaceData\"; filename=\"FaceData.jpg\"" + n +
            "Content-Type: image/jpeg" + n + "Content-Length: " + QByteArray::number(jpeg.size()) +
            n + n + jpeg + n + "--MIME_boundary--" + n;
        const auto answer = parseCaptureFaceData(body, contentType);
        QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().detail));
        QCOMPARE(answer.value().progress, 100);
        QCOMPARE(answer.value().jpeg, jpeg);
        QVERIFY(answer.value().faceDataUrl.endsWith(QLatin1String("@WEB000000000021")));
    }

    // Errors -----------------------------------------------------------------------------------

    void faceCodesHaveKinds_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("modelling")
            << QStringLiteral("SubpicAnalysisModelingError") << int(Kind::InvalidContent);
        QTest::newRow("feature points")
            << QStringLiteral("PicFeaturePoints") << int(Kind::InvalidContent);
        QTest::newRow("no target")
            << QStringLiteral("PicAnalysisNoTargetError") << int(Kind::InvalidContent);
        QTest::newRow("many faces")
            << QStringLiteral("multipleFaceObjectError") << int(Kind::InvalidContent);
        QTest::newRow("resolution")
            << QStringLiteral("picResolutionInvalidError") << int(Kind::InvalidContent);
        QTest::newRow("size") << QStringLiteral("picSizeExceedError") << int(Kind::InvalidContent);
        QTest::newRow("format") << QStringLiteral("picFormatError") << int(Kind::InvalidContent);
        QTest::newRow("url") << QStringLiteral("urlDownloadFail") << int(Kind::InvalidContent);
        QTest::newRow("face exists")
            << QStringLiteral("deviceUserAlreadyExistFace") << int(Kind::AlreadyExists);
        QTest::newRow("no person")
            << QStringLiteral("employeeNoNotExist") << int(Kind::DoesNotExist);
    }

    void faceCodesHaveKinds()
    {
        QFETCH(QString, code);
        QFETCH(int, kind);
        QCOMPARE(int(kindForSubStatus(code).value_or(Kind::UnexpectedResponse)), kind);
        QCOMPARE(int(kindForSubStatus(code.toUpper()).value_or(Kind::UnexpectedResponse)), kind);
    }

    void faceErrorAdviceSaysWhatToDo_data()
    {
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QByteArray>("errorMsg");
        QTest::addColumn<QString>("words");
        QTest::newRow("SubpicAnalysisModelingError")
            << QByteArray("SubpicAnalysisModelingError") << QByteArray("saveFacePic")
            << QStringLiteral("400 pixels");
        QTest::newRow("PicFeaturePoints")
            << QByteArray("PicFeaturePoints") << QByteArray() << QStringLiteral("facial features");
        QTest::newRow("PicAnalysisNoTargetError")
            << QByteArray("PicAnalysisNoTargetError") << QByteArray()
            << QStringLiteral("No face could be found in the photo");
        QTest::newRow("multipleFaceObjectError") << QByteArray("multipleFaceObjectError")
                                                 << QByteArray() << QStringLiteral("more than one");
        QTest::newRow("picResolutionInvalidError")
            << QByteArray("picResolutionInvalidError") << QByteArray()
            << QStringLiteral("size in pixels");
        QTest::newRow("picSizeExceedError")
            << QByteArray("picSizeExceedError") << QByteArray() << QStringLiteral("200 KB");
        QTest::newRow("picFormatError")
            << QByteArray("picFormatError") << QByteArray() << QStringLiteral("JPEG");
        QTest::newRow("badJsonFormat faceURL")
            << QByteArray("badJsonFormat") << QByteArray("faceURL") << QStringLiteral("200 KB");
        QTest::newRow("urlDownloadFail") << QByteArray("urlDownloadFail") << QByteArray("faceURL")
                                         << QStringLiteral("could not fetch");
        QTest::newRow("deviceUserAlreadyExistFace")
            << QByteArray("deviceUserAlreadyExistFace") << QByteArray("FPID")
            << QStringLiteral("already has a face");
        QTest::newRow("employeeNoNotExist") << QByteArray("employeeNoNotExist") << QByteArray()
                                            << QStringLiteral("sync the member");
    }

    void faceErrorAdviceSaysWhatToDo()
    {
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, errorMsg);
        QFETCH(QString, words);
        const HikvisionError error = faceError(code.constData(), errorMsg.constData());
        const QString advice = faceErrorAdvice(error);
        QVERIFY2(advice.contains(words), qPrintable(advice));
        // A sentence first, the terminal's code only after it, in parentheses.
        QVERIFY(!advice.startsWith(QString::fromLatin1(code)));
        QVERIFY2(advice.endsWith(QStringLiteral("(%1)").arg(QString::fromLatin1(code))),
                 qPrintable(advice));
        QVERIFY(advice.length() > code.length() + 30);
        // message() of a face call carries it, with the terminal and the member.
        const QString message = error.message();
        QVERIFY2(message.contains(advice), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("10.0.0.5")));
        QVERIFY(message.contains(QLatin1String("1042")));
    }

    void faceErrorAdviceOnlyForFaceErrors()
    {
        QVERIFY(faceErrorAdvice(faceError("badJsonFormat", "FPID")).isEmpty());
        QVERIFY(faceErrorAdvice(faceError("deviceBusy")).isEmpty());
        QVERIFY(faceErrorAdvice(HikvisionError()).isEmpty());
        // employeeNoNotExist after a person write is no photo problem.
        HikvisionError personError = faceError("employeeNoNotExist");
        personError.call = QStringLiteral("PUT /ISAPI/AccessControl/UserInfo/Modify");
        QVERIFY(!personError.message().contains(faceErrorAdvice(personError)));
    }

    void captureTimeoutMessageSaysWhatDidNotHappen()
    {
        HikvisionError error;
        error.kind = Kind::Timeout;
        error.host = QStringLiteral("10.0.0.5");
        error.call = QStringLiteral("POST /ISAPI/AccessControl/CaptureFaceData");
        error.httpStatus = 200;
        error.detail = QStringLiteral("no face was captured within 30 seconds");
        QVERIFY(error.message().contains(error.detail));
        // A transport timeout keeps its words.
        error.httpStatus = 0;
        QVERIFY(!error.message().contains(error.detail));
        QVERIFY(error.message().contains(QLatin1String("did not answer")));
    }
};

QTEST_GUILESS_MAIN(TestIsapiFaces)
#include "tst_isapifaces.moc"
