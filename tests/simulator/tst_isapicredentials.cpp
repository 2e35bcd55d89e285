// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The door-terminal simulator's cards and faces (isapi-events-credentials.md §2, §3, §5.2,
// §5.3), driven over loopback HTTP with a hand-made Digest header, as a client would: card
// capture at the reader, cardNo rules, the face library with its picture checks, the camera's
// CaptureFaceData and the pictures the terminal serves.
#include "Clock.h"
#include "DeviceDemoData.h"
#include "IsapiMedia.h"
#include "IsapiSimulator.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QRadialGradient>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>
#include <memory>

using namespace cis;
using namespace cis::sim;

namespace {

const QDateTime kStart(QDate(2026, 3, 15), QTime(12, 0));

const QString kAcsCapabilities = QStringLiteral("/ISAPI/AccessControl/capabilities");
const QString kDeviceInfo = QStringLiteral("/ISAPI/System/deviceInfo");
const QString kUserSearch = QStringLiteral("/ISAPI/AccessControl/UserInfo/Search?format=json");
const QString kUserCount = QStringLiteral("/ISAPI/AccessControl/UserInfo/Count?format=json");
const QString kUserDelete = QStringLiteral("/ISAPI/AccessControl/UserInfo/Delete?format=json");
const QString kDetailDelete =
    QStringLiteral("/ISAPI/AccessControl/UserInfoDetail/Delete?format=json");
const QString kCardCount = QStringLiteral("/ISAPI/AccessControl/CardInfo/Count?format=json");
const QString kCardRecord = QStringLiteral("/ISAPI/AccessControl/CardInfo/Record?format=json");
const QString kCardModify = QStringLiteral("/ISAPI/AccessControl/CardInfo/Modify?format=json");
const QString kCardSetUp = QStringLiteral("/ISAPI/AccessControl/CardInfo/SetUp?format=json");
const QString kCardDelete = QStringLiteral("/ISAPI/AccessControl/CardInfo/Delete?format=json");
const QString kCapture = QStringLiteral("/ISAPI/AccessControl/CaptureCardInfo?format=json");
const QString kCaptureCapabilities =
    QStringLiteral("/ISAPI/AccessControl/CaptureCardInfo/capabilities?format=json");
const QString kFaceCapture = QStringLiteral("/ISAPI/AccessControl/CaptureFaceData");
const QString kFaceProgress = QStringLiteral("/ISAPI/AccessControl/CaptureFaceData/Progress");
const QString kFaceCaptureCapabilities =
    QStringLiteral("/ISAPI/AccessControl/CaptureFaceData/capabilities");
const QString kFdLibCapabilities =
    QStringLiteral("/ISAPI/Intelligent/FDLib/capabilities?format=json");
const QString kFdLib = QStringLiteral("/ISAPI/Intelligent/FDLib?format=json");
const QString kFaceRecord = QStringLiteral("/ISAPI/Intelligent/FDLib/FaceDataRecord?format=json");
const QString kFaceRecordCapabilities =
    QStringLiteral("/ISAPI/Intelligent/FDLib/FaceDataRecord/capabilities?format=json");
const QString kFdSetUp = QStringLiteral("/ISAPI/Intelligent/FDLib/FDSetUp?format=json");
const QString kFdSearch = QStringLiteral("/ISAPI/Intelligent/FDLib/FDSearch?format=json");
const QString kFdCount = QStringLiteral("/ISAPI/Intelligent/FDLib/Count?format=json");
const QString kFdDelete = QStringLiteral(
    "/ISAPI/Intelligent/FDLib/FDSearch/Delete?format=json&FDID=1&faceLibType=blackFD");

const QByteArray kBoundary = "----cisTestBoundary7MA4YWxk";

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QByteArray contentType;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString sub() const { return json().value(QLatin1String("subStatusCode")).toString(); }
};

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray nonceOf(const QByteArray &challenge)
{
    static const QRegularExpression pattern(QStringLiteral("nonce=\"([^\"]+)\""));
    return pattern.match(QString::fromLatin1(challenge)).captured(1).toLatin1();
}

QString xmlText(const QByteArray &document, const QString &name)
{
    QXmlStreamReader xml(document);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == name)
            return xml.readElementText();
    }
    return QStringLiteral("<missing>");
}

QJsonObject status(int code, const char *text, const char *sub, qint64 errorCode,
                   const char *errorMsg)
{
    return QJsonObject{{QStringLiteral("statusCode"), code},
                       {QStringLiteral("statusString"), QLatin1String(text)},
                       {QStringLiteral("subStatusCode"), QLatin1String(sub)},
                       {QStringLiteral("errorCode"), errorCode},
                       {QStringLiteral("errorMsg"), QLatin1String(errorMsg)}};
}

const QJsonObject kOk{{QStringLiteral("statusCode"), 1},
                      {QStringLiteral("statusString"), QStringLiteral("OK")},
                      {QStringLiteral("subStatusCode"), QStringLiteral("ok")}};

const QJsonObject kModelingError =
    status(6, "Invalid Content", "SubpicAnalysisModelingError", 1610612791, "saveFacePic");

QJsonObject okWithFpid(const QString &fpid)
{
    QJsonObject answer = kOk;
    answer.insert(QStringLiteral("FPID"), fpid);
    return answer;
}

QJsonObject wrap(const char *root, const QJsonObject &content)
{
    return QJsonObject{{QLatin1String(root), content}};
}

QJsonObject cardInfo(QAnyStringView employeeNo, const QString &cardNo)
{
    return wrap("CardInfo",
                QJsonObject{{QStringLiteral("employeeNo"), employeeNo.toString()},
                            {QStringLiteral("cardNo"), cardNo},
                            {QStringLiteral("cardType"), QStringLiteral("normalCard")}});
}

DevicePerson plainPerson(const QString &employeeNo)
{
    DevicePerson person;
    person.employeeNo = employeeNo;
    person.name = QStringLiteral("Person ") + employeeNo;
    return person;
}

// A face-like picture: a gradient background, shoulders, an oval face with a radial gradient,
// eyes and a mouth. shade varies it, so two pictures differ.
QImage facePicture(QSize size, int shade = 0)
{
    QImage image(size, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal w = size.width();
    const qreal h = size.height();
    QLinearGradient background(0, 0, w, h);
    background.setColorAt(0, QColor(30 + shade, 60, 110));
    background.setColorAt(1, QColor(200, 210, 220 - shade));
    painter.fillRect(image.rect(), background);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(30, 40, 90));
    painter.drawEllipse(QRectF(0.1 * w, 0.8 * h, 0.8 * w, 0.5 * h));
    QRadialGradient skin(QPointF(0.48 * w, 0.42 * h), 0.35 * w);
    skin.setColorAt(0, QColor(250, 215, 185));
    skin.setColorAt(1, QColor(190, 140, 110 + shade / 2));
    painter.setBrush(skin);
    painter.drawEllipse(QRectF(0.28 * w, 0.15 * h, 0.44 * w, 0.58 * h));
    painter.setBrush(QColor(40, 30, 20));
    painter.drawEllipse(QRectF(0.38 * w, 0.38 * h, 0.07 * w, 0.04 * h));
    painter.drawEllipse(QRectF(0.55 * w, 0.38 * h, 0.07 * w, 0.04 * h));
    painter.setBrush(QColor(170, 60, 60));
    painter.drawEllipse(QRectF(0.42 * w, 0.58 * h, 0.16 * w, 0.04 * h));
    painter.end();
    return image;
}

QByteArray encodeJpeg(const QImage &image, int quality = 85, bool progressive = false)
{
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setProgressiveScanWrite(progressive);
    if (!writer.write(image))
        qFatal("cannot write JPEG: %s", qPrintable(writer.errorString()));
    return jpeg;
}

QByteArray faceJpeg(int shade = 0)
{
    return encodeJpeg(facePicture(QSize(480, 560), shade));
}

// The offset of the first SOF0 segment's marker, or -1.
qsizetype sof0Offset(const QByteArray &jpeg)
{
    qsizetype at = 2;
    while (at + 4 <= jpeg.size() && quint8(jpeg.at(at)) == 0xFF) {
        const quint8 marker = quint8(jpeg.at(at + 1));
        if (marker == 0xC0)
            return at;
        if (marker == 0xDA)
            return -1;
        at += 2 + ((quint8(jpeg.at(at + 2)) << 8) | quint8(jpeg.at(at + 3)));
    }
    return -1;
}

// The same JPEG with its luma sampled like its chroma (1x1): what a 4:4:4 encoder writes in
// SOF0. Only the markers change, which is all the terminal's first check reads.
QByteArray asChroma444(QByteArray jpeg)
{
    const qsizetype sof = sof0Offset(jpeg);
    if (sof < 0)
        qFatal("no SOF0");
    // marker(2) length(2) precision(1) height(2) width(2) count(1), then id, factors, table.
    jpeg[sof + 11] = char(0x11);
    return jpeg;
}

// Comment segments of 60,000 bytes each after SOI: a valid JPEG of any size.
QByteArray padded(const QByteArray &jpeg, int segments)
{
    QByteArray comments;
    for (int i = 0; i < segments; ++i) {
        const int length = 60000 + 2;
        comments += "\xFF\xFE";
        comments += char(length >> 8);
        comments += char(length & 0xFF);
        comments += QByteArray(60000, 'c');
    }
    return jpeg.left(2) + comments + jpeg.mid(2);
}

struct Part
{
    QByteArray name;
    QByteArray fileName;
    QByteArray type;
    QByteArray content;
};

// Framed like curl -F.
QByteArray multipart(const QList<Part> &parts)
{
    QByteArray body;
    for (const Part &part : parts) {
        body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + '"';
        if (!part.fileName.isEmpty())
            body += "; filename=\"" + part.fileName + '"';
        body += "\r\n";
        if (!part.type.isEmpty())
            body += "Content-Type: " + part.type + "\r\n";
        body += "\r\n" + part.content + "\r\n";
    }
    return body + "--" + kBoundary + "--\r\n";
}

QByteArray faceJson(QAnyStringView fpid, const QJsonObject &extra = {})
{
    QJsonObject json{{QStringLiteral("faceLibType"), QStringLiteral("blackFD")},
                     {QStringLiteral("FDID"), QStringLiteral("1")},
                     {QStringLiteral("FPID"), fpid.toString()}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        json.insert(it.key(), it.value());
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

// S32's shape: the JSON part without a filename, then img with one.
QByteArray faceUpload(const QString &fpid, const QByteArray &jpeg,
                      const QByteArray &imageName = "img")
{
    return multipart({{"FaceDataRecord", {}, "application/json", faceJson(fpid)},
                      {imageName, QByteArray(fpid.toUtf8() + ".jpg"), "image/jpeg", jpeg}});
}

const QByteArray kMultipartType = "multipart/form-data; boundary=" + kBoundary;

} // namespace

class TestIsapiCredentials : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<IsapiSimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QByteArray m_nonce;
    int m_nc = 0;

    QByteArray target(const QString &path) const
    {
        return m_sim->baseUrl()
            .resolved(QUrl(path))
            .toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    }

    QByteArray digest(const QByteArray &method, const QString &path)
    {
        if (m_nonce.isEmpty()) {
            finish(start("GET", kDeviceInfo, {}, {}, {}));
            m_nonce = nonceOf(m_lastChallenge);
            m_nc = 0;
        }
        const QByteArray realm = m_sim->auth().settings().realm.toUtf8();
        const QByteArray count = QByteArray::number(++m_nc, 16).rightJustified(8, '0');
        const QByteArray ha1 = md5Hex("admin:" + realm + ":demo12345");
        const QByteArray ha2 = md5Hex(method + ':' + target(path));
        const QByteArray response =
            md5Hex(ha1 + ':' + m_nonce + ':' + count + ":c0ffee42:auth:" + ha2);
        return "Digest username=\"admin\", realm=\"" + realm + "\", nonce=\"" + m_nonce +
               "\", uri=\"" + target(path) + "\", response=\"" + response +
               "\", qop=auth, nc=" + count + ", cnonce=\"c0ffee42\"";
    }

    QByteArray m_lastChallenge;

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QByteArray &contentType, const QByteArray &authorization)
    {
        QNetworkRequest request(m_sim->baseUrl().resolved(QUrl(path)));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (method == "GET" && body.isEmpty())
            return m_network->get(request);
        return m_network->sendCustomRequest(request, method, body);
    }

    Reply finish(QNetworkReply *reply, int timeoutMs = 20000)
    {
        if (!reply->isFinished()) {
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Reply result;
        if (!reply->isFinished()) {
            result.error = QNetworkReply::TimeoutError;
            reply->abort();
        } else {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.error = reply->error();
            result.body = reply->isOpen() ? reply->readAll() : QByteArray();
            result.contentType = reply->rawHeader("Content-Type");
            if (result.status == 401)
                m_lastChallenge = reply->rawHeader("WWW-Authenticate");
        }
        reply->deleteLater();
        return result;
    }

    QNetworkReply *startAuthenticated(const QByteArray &method, const QString &path,
                                      const QByteArray &body = {},
                                      const QByteArray &contentType = {})
    {
        return start(method, path, body, contentType, digest(method, path));
    }

    // An authenticated request; a spent nonce is renewed once, as a client does.
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QByteArray &contentType = {})
    {
        Reply reply = finish(startAuthenticated(method, path, body, contentType));
        if (reply.status == 401) {
            m_nonce = nonceOf(m_lastChallenge);
            m_nc = 0;
            reply = finish(startAuthenticated(method, path, body, contentType));
        }
        return reply;
    }

    Reply sendJson(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    "application/json");
    }

    Reply upload(const QString &path, const QByteArray &body,
                 const QByteArray &contentType = kMultipartType)
    {
        return send(path == kFaceRecord ? "POST" : "PUT", path, body, contentType);
    }

    QJsonObject userInfoOf(const QString &employeeNo)
    {
        const QJsonObject condition{
            {QStringLiteral("searchID"), QStringLiteral("s")},
            {QStringLiteral("searchResultPosition"), 0},
            {QStringLiteral("maxResults"), 30},
            {QStringLiteral("EmployeeNoList"),
             QJsonArray{QJsonObject{{QStringLiteral("employeeNo"), employeeNo}}}}};
        return sendJson("POST", kUserSearch, wrap("UserInfoSearchCond", condition))
            .json()[QLatin1String("UserInfoSearch")][QLatin1String("UserInfo")]
            .toArray()
            .at(0)
            .toObject();
    }

    QJsonObject fdSearch(int position, int maxResults, const QString &fpid = QString())
    {
        QJsonObject body{{QStringLiteral("searchResultPosition"), position},
                         {QStringLiteral("maxResults"), maxResults},
                         {QStringLiteral("faceLibType"), QStringLiteral("blackFD")},
                         {QStringLiteral("FDID"), QStringLiteral("1")}};
        if (!fpid.isEmpty())
            body.insert(QStringLiteral("FPID"), fpid);
        return sendJson("POST", kFdSearch, body).json();
    }

    QByteArray captureCondition(const char *dataType)
    {
        return QByteArray("<CaptureFaceDataCond version=\"2.0\" "
                          "xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
                          "<captureInfrared>false</captureInfrared><dataType>") +
               dataType + "</dataType></CaptureFaceDataCond>";
    }

    // A CaptureCardInfo request that is waiting at the reader.
    QNetworkReply *startCardCapture()
    {
        QSignalSpy started(m_sim.get(), &IsapiSimulator::cardCaptureStarted);
        QNetworkReply *reply = startAuthenticated("GET", kCapture);
        if (!started.wait(5000))
            qWarning("the capture did not start");
        return reply;
    }

private slots:
    void init()
    {
        m_clock = std::make_unique<ManualClock>(kStart);
        m_sim = std::make_unique<IsapiSimulator>(m_clock.get());
        QVERIFY(m_sim->listen());
        m_sim->auth().settings().nonceMaxUses = 0;
        m_network = std::make_unique<QNetworkAccessManager>();
        m_nonce.clear();
        m_nc = 0;
        for (const char *employeeNo : {"1", "2", "3"})
            m_sim->upsertPerson(plainPerson(QLatin1String(employeeNo)));
    }

    void cleanup()
    {
        m_network.reset();
        m_sim.reset();
        m_clock.reset();
    }

    // --- the test pictures themselves ---

    void testPicturesHaveTheIntendedMarkers()
    {
        const JpegMarkers good = readJpegMarkers(faceJpeg());
        QVERIFY(good.wellFormed);
        QVERIFY(!good.progressive);
        // Qt 6.4's writer always samples 4:2:0, at any quality; 4:4:4 is made by patching SOF0.
        QVERIFY2(good.isChroma420(), "Qt's JPEG writer no longer writes 4:2:0 at quality 85");
        QVERIFY(!readJpegMarkers(asChroma444(faceJpeg())).isChroma420());
        QVERIFY(readJpegMarkers(encodeJpeg(facePicture(QSize(480, 560)), 85, true)).progressive);
        QVERIFY(!readJpegMarkers(faceJpeg() + "\r\n").wellFormed);
        QVERIFY(readJpegMarkers(padded(faceJpeg(), 4)).wellFormed);
        QVERIFY(padded(faceJpeg(), 4).size() > 200 * 1024);
        QVERIFY(readJpegMarkers(demoFaceJpeg()).isChroma420());
        QCOMPARE(cardNoFromUid(QByteArray::fromHex("C5361CF0")), QStringLiteral("3308657904"));
        QCOMPARE(cardNoFromUid(QByteArray::fromHex("F01C36C5"), true),
                 QStringLiteral("3308657904"));
        QCOMPARE(cardNoFromUid(QByteArray::fromHex("0000FFFF")), QStringLiteral("0000065535"));
    }

    // --- card capture (§2.3) ---

    void cardCaptureIsAdvertised()
    {
        QCOMPARE(
            xmlText(send("GET", kAcsCapabilities).body, QStringLiteral("isSupportCaptureCardInfo")),
            QStringLiteral("true"));
        const Reply capabilities = send("GET", kCaptureCapabilities);
        QCOMPARE(capabilities.status, 200);
        QCOMPARE(capabilities.json(),
                 QJsonDocument::fromJson(R"({"CardInfoCap":{"cardNo":{"@min":1,"@max":32},
                     "cardType":["TypeA_M1","TypeA_CPU","TypeB","ID_125K"]}})")
                     .object());
    }

    void cardCaptureWaitsForACard()
    {
        QVERIFY(!m_sim->cardCaptureWaiting());
        QVERIFY(!m_sim->presentCardAtReader(QStringLiteral("1234")));
        QNetworkReply *capture = startCardCapture();
        QVERIFY(m_sim->cardCaptureWaiting());
        // The terminal serves other requests meanwhile.
        QCOMPARE(send("GET", kCardCount).status, 200);
        QVERIFY(!capture->isFinished());
        QVERIFY(m_sim->presentCardAtReader(QStringLiteral("3308812528")));
        QVERIFY(!m_sim->cardCaptureWaiting());
        const Reply reply = finish(capture);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(), QJsonDocument::fromJson(
                                   R"({"CardInfo":{"cardNo":"3308812528","cardType":"TypeA_M1"}})")
                                   .object());
        QVERIFY(!m_sim->presentCardAtReader(QStringLiteral("3308812527")));

        capture = startCardCapture();
        QVERIFY(m_sim->presentCardAtReader(QStringLiteral("00058561930892349"),
                                           QStringLiteral("TypeA_CPU")));
        QCOMPARE(
            finish(capture).json()[QLatin1String("CardInfo")][QLatin1String("cardType")].toString(),
            QStringLiteral("TypeA_CPU"));
    }

    void cardCaptureTimesOut()
    {
        m_sim->options().captureCardTimeoutMs = 50;
        QNetworkReply *capture = startCardCapture();
        const Reply reply = finish(capture);
        // Invented, but the document's default: HTTP 200 even in the Http400 mode.
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(), status(4, "Invalid Operation", "timeout", 0x4000F001, "timeout"));
        QVERIFY(!m_sim->cardCaptureWaiting());

        m_sim->options().captureCardTimeoutAnswer =
            IsapiSimulator::CaptureTimeoutAnswer::DeviceError;
        const Reply error = finish(startCardCapture());
        QCOMPARE(error.status, 500);
        QCOMPARE(error.json(), status(3, "Device Error", "deviceError", 0x30000001, "deviceError"));

        m_sim->options().captureCardTimeoutAnswer =
            IsapiSimulator::CaptureTimeoutAnswer::NeverAnswer;
        capture = startCardCapture();
        QTRY_VERIFY_WITH_TIMEOUT(!m_sim->cardCaptureWaiting(), 5000);
        QVERIFY(!capture->isFinished());
        QVERIFY(!m_sim->presentCardAtReader(QStringLiteral("5")));
        capture->abort();
        capture->deleteLater();
    }

    void secondCaptureIsBusy()
    {
        QNetworkReply *capture = startCardCapture();
        const Reply second = send("GET", kCapture);
        QCOMPARE(second.status, 503);
        QCOMPARE(second.sub(), QStringLiteral("deviceBusy"));
        QVERIFY(m_sim->presentCardAtReader(QStringLiteral("77")));
        QCOMPARE(finish(capture).status, 200);
    }

    void captureSurvivesTheClientLeaving()
    {
        QNetworkReply *capture = startCardCapture();
        capture->abort();
        capture->deleteLater();
        QTRY_VERIFY_WITH_TIMEOUT(!m_sim->cardCaptureWaiting(), 5000);
        QVERIFY(!m_sim->presentCardAtReader(QStringLiteral("1")));
        // A new capture works after it.
        capture = startCardCapture();
        QVERIFY(m_sim->presentCardAtReader(QStringLiteral("2")));
        QCOMPARE(finish(capture).status, 200);
    }

    void captureSurvivesTheSimulatorGoing()
    {
        m_sim->options().captureCardTimeoutMs = 100;
        m_sim->options().demoCardDelayMs = 100;
        QNetworkReply *capture = startCardCapture();
        m_sim.reset();
        // The client sees the connection close; the timers went with the simulator.
        const Reply reply = finish(capture, 5000);
        QVERIFY(reply.error != QNetworkReply::NoError);
        QVERIFY(reply.error != QNetworkReply::TimeoutError);
    }

    void demoModeHoldsACardToTheReader()
    {
        m_sim->options().demoCardDelayMs = 0;
        const Reply reply = send("GET", kCapture);
        QCOMPARE(reply.status, 200);
        const QString cardNo =
            reply.json()[QLatin1String("CardInfo")][QLatin1String("cardNo")].toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{10}$")).match(cardNo).hasMatch(),
                 qPrintable(cardNo));
        // The next demo card is another one.
        const Reply next = send("GET", kCapture);
        QVERIFY(next.json()[QLatin1String("CardInfo")][QLatin1String("cardNo")].toString() !=
                cardNo);
    }

    void captureIsAbsentWithoutTheCapability()
    {
        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1A340FWX")));
        QCOMPARE(
            xmlText(send("GET", kAcsCapabilities).body, QStringLiteral("isSupportCaptureCardInfo")),
            QStringLiteral("false"));
        QCOMPARE(send("GET", kCapture).status, 404);
        QCOMPARE(send("GET", kCaptureCapabilities).status, 404);
    }

    // --- cardNo rules and CardInfo (§2.1, §2.2) ---

    void cardNumbersFollowTheRules()
    {
        QCOMPARE(sendJson("POST", kCardRecord, cardInfo("1", QString(32, u'9'))).json(), kOk);
        QCOMPARE(sendJson("POST", kCardRecord, cardInfo("1", QString(33, u'9'))).json(),
                 status(6, "Invalid Content", "badParameters", 0x60000001, "cardNo"));
        // Case-sensitive: two cards.
        QCOMPARE(sendJson("POST", kCardRecord, cardInfo("1", QStringLiteral("garten-ab"))).json(),
                 kOk);
        QCOMPARE(sendJson("POST", kCardRecord, cardInfo("1", QStringLiteral("garten-AB"))).json(),
                 kOk);
        QCOMPARE(send("GET", kCardCount + QStringLiteral("&employeeNo=1"))
                     .json()[QLatin1String("CardInfoCount")][QLatin1String("cardNumber")]
                     .toInt(),
                 3);
        QCOMPARE(sendJson("POST", kCardRecord, cardInfo("2", QStringLiteral("a_b"))).json(), kOk);

        // S5's device: 20 characters, letters, digits and hyphen.
        m_sim->options().strictCardNo = true;
        QCOMPARE(sendJson("POST", kCardRecord, cardInfo("2", QStringLiteral("c_d"))).sub(),
                 QStringLiteral("badParameters"));
        QCOMPARE(sendJson("POST", kCardRecord, cardInfo("2", QString(21, u'7'))).sub(),
                 QStringLiteral("badParameters"));
        QCOMPARE(
            sendJson("POST", kCardRecord, cardInfo("2", QStringLiteral("garten-zho0k6WjKtxJm")))
                .json(),
            kOk);
        QCOMPARE(send("GET", kCaptureCapabilities)
                     .json()[QLatin1String("CardInfoCap")][QLatin1String("cardNo")]
                            [QLatin1String("@max")]
                     .toInt(),
                 20);
        m_sim->options().strictCardNo = false;
        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1T341AM-strict")));
        QCOMPARE(sendJson("POST", kCardRecord, cardInfo("2", QStringLiteral("e_f"))).sub(),
                 QStringLiteral("badParameters"));
    }

    void aCardHeldByAnotherPersonIsRefused_data()
    {
        QTest::addColumn<IsapiSimulator::HttpStatusMode>("mode");
        QTest::addColumn<int>("httpStatus");
        QTest::newRow("400") << IsapiSimulator::HttpStatusMode::Http400 << 400;
        QTest::newRow("200") << IsapiSimulator::HttpStatusMode::Http200 << 200;
    }

    void aCardHeldByAnotherPersonIsRefused()
    {
        QFETCH(IsapiSimulator::HttpStatusMode, mode);
        QFETCH(int, httpStatus);
        m_sim->options().httpStatusMode = mode;
        QVERIFY(m_sim->addCard(QStringLiteral("1"), QStringLiteral("3000000001")));
        const QJsonObject taken =
            status(6, "Invalid Content", "cardNoAlreadyExist", 0x6000F004, "cardNo");
        for (const auto &[method, path] : QList<std::pair<QByteArray, QString>>{
                 {"POST", kCardRecord}, {"PUT", kCardModify}, {"PUT", kCardSetUp}}) {
            const Reply reply =
                sendJson(method, path, cardInfo(QStringLiteral("2"), QStringLiteral("3000000001")));
            QCOMPARE(reply.status, httpStatus);
            QCOMPARE(reply.json(), taken);
        }
        QJsonObject unchecked =
            cardInfo(QStringLiteral("2"), QStringLiteral("3000000001"))[QLatin1String("CardInfo")]
                .toObject();
        unchecked.insert(QStringLiteral("checkCardNo"), false);
        QCOMPARE(sendJson("POST", kCardRecord, wrap("CardInfo", unchecked)).json(), taken);
        QCOMPARE(m_sim->cards().size(), 1);
        QCOMPARE(m_sim->cards().first().employeeNo, QStringLiteral("1"));
    }

    void setUpDeleteCardAndEmptyBodies()
    {
        QVERIFY(m_sim->addCard(QStringLiteral("1"), QStringLiteral("A1")));
        QVERIFY(m_sim->addCard(QStringLiteral("1"), QStringLiteral("A2")));
        QVERIFY(m_sim->addCard(QStringLiteral("1"), QStringLiteral("A3")));
        QVERIFY(m_sim->addCard(QStringLiteral("2"), QStringLiteral("B1")));
        const auto remove = [](const char *employeeNo, const char *cardNo) {
            QJsonObject card{{QStringLiteral("employeeNo"), QLatin1String(employeeNo)},
                             {QStringLiteral("deleteCard"), true}};
            if (cardNo)
                card.insert(QStringLiteral("cardNo"), QLatin1String(cardNo));
            return wrap("CardInfo", card);
        };
        QCOMPARE(sendJson("PUT", kCardSetUp, remove("1", "A2")).json(), kOk);
        QCOMPARE(m_sim->cards().size(), 3);
        // Always OK: a card that does not exist, or one of another person, stays as it was.
        QCOMPARE(sendJson("PUT", kCardSetUp, remove("1", "nope")).json(), kOk);
        QCOMPARE(sendJson("PUT", kCardSetUp, remove("1", "B1")).json(), kOk);
        QCOMPARE(m_sim->cards().size(), 3);
        QCOMPARE(sendJson("PUT", kCardSetUp, remove("1", nullptr)).json(), kOk);
        QCOMPARE(m_sim->cards().size(), 1);
        QCOMPARE(send("GET", kCardCount + QStringLiteral("&employeeNo=1")).json(),
                 QJsonDocument::fromJson(R"({"CardInfoCount":{"cardNumber":0}})").object());
        QCOMPARE(send("GET", kCardCount + QStringLiteral("&employeeNo=2")).json(),
                 QJsonDocument::fromJson(R"({"CardInfoCount":{"cardNumber":1}})").object());
        // S2: the empty bodies name the missing root.
        QCOMPARE(sendJson("POST", kCardRecord, QJsonObject()).json(),
                 status(6, "Invalid Content", "MessageParametersLack", 1610612761, "CardInfo"));
        QCOMPARE(
            sendJson("PUT", kCardDelete, QJsonObject()).json(),
            status(6, "Invalid Content", "MessageParametersLack", 1610612761, "CardInfoDelCond"));
    }

    // --- the face library (§3.1) ---

    void faceLibraryIsDescribed()
    {
        QCOMPARE(xmlText(send("GET", kAcsCapabilities).body, QStringLiteral("isSupportFDLib")),
                 QStringLiteral("true"));
        QCOMPARE(
            xmlText(send("GET", kAcsCapabilities).body, QStringLiteral("isSupportCaptureFace")),
            QStringLiteral("true"));
        const QJsonObject capabilities = send("GET", kFdLibCapabilities).json();
        QCOMPARE(capabilities[QLatin1String("supportFDFunction")].toString(),
                 QStringLiteral("post,delete,put,get,setUp"));
        QCOMPARE(capabilities[QLatin1String("FDRecordDataMaxNum")].toInt(), 1500);
        QCOMPARE(capabilities[QLatin1String("faceURLLen")].toInt(), 1024);
        const QJsonArray libraries = send("GET", kFdLib).json()[QLatin1String("FDLib")].toArray();
        QCOMPARE(libraries.size(), 2);
        QCOMPARE(libraries.at(0)[QLatin1String("FDID")].toString(), QStringLiteral("1"));
        QCOMPARE(libraries.at(0)[QLatin1String("faceLibType")].toString(),
                 QStringLiteral("blackFD"));
        QCOMPARE(libraries.at(1)[QLatin1String("FDID")].toString(), QStringLiteral("2"));
        QCOMPARE(libraries.at(1)[QLatin1String("faceLibType")].toString(),
                 QStringLiteral("infraredFD"));
        // MinMoe builds (S37).
        QCOMPARE(send("GET", kFaceRecordCapabilities).status, 404);
    }

    void withoutAFaceLibraryEveryFdLibPathIs404()
    {
        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1A340FWX")));
        QVERIFY(!send("GET", kAcsCapabilities).body.contains("isSupportFDLib"));
        const QList<std::pair<QByteArray, QString>> paths = {
            {"GET", kFdLibCapabilities},
            {"GET", kFdLib},
            {"POST", kFaceRecord},
            {"PUT", kFdSetUp},
            {"POST", kFdSearch},
            {"GET", kFdCount},
            {"PUT", kFdDelete},
            {"GET", kFaceRecordCapabilities},
            {"GET", QStringLiteral("/ISAPI/Intelligent/FDLib/FDDelete?format=json")}};
        for (const auto &[method, path] : paths) {
            QCOMPARE(send(method, path, faceUpload(QStringLiteral("1"), faceJpeg()),
                          method == "GET" ? QByteArray() : kMultipartType)
                         .status,
                     404);
        }
        QCOMPARE(m_sim->faceCount(), 0);
    }

    // --- face uploads (§3.2, §3.3) ---

    void faceDataRecordUploadsAFace()
    {
        const QByteArray jpeg = faceJpeg();
        const Reply reply = upload(kFaceRecord, faceUpload(QStringLiteral("1"), jpeg));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(), okWithFpid(QStringLiteral("1")));
        QVERIFY(m_sim->hasFace(QStringLiteral("1")));
        QCOMPARE(m_sim->faceOf(QStringLiteral("1")), std::optional<QByteArray>(jpeg));
        QCOMPARE(m_sim->faceCount(), 1);
        QCOMPARE(m_sim->person(QStringLiteral("1"))->numOfFace, 1);
        QCOMPARE(m_sim->writeCount(QStringLiteral("POST /ISAPI/Intelligent/FDLib/FaceDataRecord")),
                 1);
        QCOMPARE(m_sim->appliedWrites().last().employeeNos, QStringList{QStringLiteral("1")});

        // A second face for the same person (S32, live).
        const Reply again = upload(kFaceRecord, faceUpload(QStringLiteral("1"), faceJpeg(40)));
        QCOMPARE(again.status, 400);
        QCOMPARE(again.json(),
                 status(6, "Invalid Content", "deviceUserAlreadyExistFace", 0x6000F010, "FPID"));
        QCOMPARE(m_sim->faceOf(QStringLiteral("1")), std::optional<QByteArray>(jpeg));

        // FaceImage, as S1 and S33 name the part; without FPID in the answer when told.
        m_sim->options().faceWriteReturnsFpid = false;
        QCOMPARE(upload(kFaceRecord, faceUpload(QStringLiteral("2"), jpeg, "FaceImage")).json(),
                 kOk);
        QVERIFY(m_sim->hasFace(QStringLiteral("2")));
    }

    void faceUploadsAreChecked()
    {
        // A person that does not exist.
        QCOMPARE(upload(kFaceRecord, faceUpload(QStringLiteral("99"), faceJpeg())).json(),
                 status(6, "Invalid Content", "employeeNoNotExist", 0x6000F002, "employeeNo"));
        // The JSON part must come first and be named FaceDataRecord.
        const QByteArray imageFirst =
            multipart({{"img", "1.jpg", "image/jpeg", faceJpeg()},
                       {"FaceDataRecord", {}, "application/json", faceJson("1")}});
        QCOMPARE(
            upload(kFaceRecord, imageFirst).json(),
            status(6, "Invalid Content", "MessageParametersLack", 1610612761, "FaceDataRecord"));
        // Strict CRLF: the same body framed with bare LF is not understood.
        QByteArray lfOnly = faceUpload(QStringLiteral("1"), "x");
        lfOnly.replace("\r\n", "\n");
        QCOMPARE(upload(kFaceRecord, lfOnly).json()[QLatin1String("errorMsg")].toString(),
                 QStringLiteral("FaceDataRecord"));
        // No picture.
        QCOMPARE(upload(kFaceRecord,
                        multipart({{"FaceDataRecord", {}, "application/json", faceJson("1")}}))
                     .json()[QLatin1String("errorMsg")]
                     .toString(),
                 QStringLiteral("FaceImage"));
        // Another library.
        QCOMPARE(upload(kFaceRecord,
                        multipart({{"FaceDataRecord",
                                    {},
                                    "application/json",
                                    faceJson("1", {{QStringLiteral("FDID"), QStringLiteral("7")}})},
                                   {"img", "1.jpg", "image/jpeg", faceJpeg()}}))
                     .json()[QLatin1String("errorMsg")]
                     .toString(),
                 QStringLiteral("FDID"));
        QCOMPARE(m_sim->faceCount(), 0);
    }

    void badPicturesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("jpeg");
        QTest::addColumn<QJsonObject>("answer");
        const QByteArray good = faceJpeg();
        QTest::newRow("over 200 KB")
            << padded(good, 4)
            << status(5, "Invalid Format", "badJsonFormat", 0x50000002, "faceURL");
        QTest::newRow("4:4:4") << asChroma444(good) << kModelingError;
        QTest::newRow("progressive")
            << encodeJpeg(facePicture(QSize(480, 560)), 85, true) << kModelingError;
        QTest::newRow("longest side under 400")
            << encodeJpeg(facePicture(QSize(300, 380))) << kModelingError;
        QTest::newRow("shorter side under 80")
            << encodeJpeg(facePicture(QSize(70, 600))) << kModelingError;
        QImage flat(480, 560, QImage::Format_RGB32);
        flat.fill(QColor(128, 120, 110));
        QTest::newRow("flat, no face") << encodeJpeg(flat) << kModelingError;
        QTest::newRow("bytes after EOI") << QByteArray(good + "\r\n--junk") << kModelingError;
        QTest::newRow("bytes before SOI") << QByteArray("\r\n" + good) << kModelingError;
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        facePicture(QSize(480, 560)).save(&buffer, "PNG");
        QTest::newRow("PNG") << png << kModelingError;
        QTest::newRow("empty") << QByteArray() << kModelingError;
    }

    void badPicturesAreRefused()
    {
        QFETCH(QByteArray, jpeg);
        QFETCH(QJsonObject, answer);
        for (const QString &path : {kFaceRecord, kFdSetUp}) {
            const Reply reply = upload(path, faceUpload(QStringLiteral("1"), jpeg));
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.json(), answer);
        }
        QVERIFY(!m_sim->hasFace(QStringLiteral("1")));
        QCOMPARE(m_sim->person(QStringLiteral("1"))->numOfFace, 0);
    }

    void pictureRulesAreKnobs()
    {
        m_sim->options().oversizeIsBadJsonFormat = false;
        QCOMPARE(upload(kFaceRecord, faceUpload(QStringLiteral("1"), padded(faceJpeg(), 4))).json(),
                 kModelingError);
        m_sim->options().facePictureMaxBytes = 1024 * 1024;
        m_sim->options().requireChroma420 = false;
        m_sim->options().rejectProgressiveJpeg = false;
        m_sim->options().faceMinLongSide = 0;
        QCOMPARE(upload(kFdSetUp, faceUpload(QStringLiteral("1"), padded(faceJpeg(), 4))).status,
                 200);
        // (A 4:4:4 picture is not tried here: Qt writes only 4:2:0, and the patched markers of
        // asChroma444() do not decode cleanly.)
        QCOMPARE(upload(kFdSetUp, faceUpload(QStringLiteral("1"),
                                             encodeJpeg(facePicture(QSize(480, 560)), 85, true)))
                     .status,
                 200);
        QCOMPARE(upload(kFdSetUp,
                        faceUpload(QStringLiteral("1"), encodeJpeg(facePicture(QSize(200, 200)))))
                     .status,
                 200);
    }

    void fdSetUpCreatesReplacesAndKeepsTheOldFaceOnFailure()
    {
        const QByteArray first = faceJpeg();
        const QByteArray second = faceJpeg(60);
        QVERIFY(first != second);
        QCOMPARE(upload(kFdSetUp, faceUpload(QStringLiteral("1"), first, "FaceImage")).json(),
                 okWithFpid(QStringLiteral("1")));
        QCOMPARE(m_sim->faceOf(QStringLiteral("1")), std::optional<QByteArray>(first));
        QCOMPARE(upload(kFdSetUp, faceUpload(QStringLiteral("1"), second)).json(),
                 okWithFpid(QStringLiteral("1")));
        QCOMPARE(m_sim->faceOf(QStringLiteral("1")), std::optional<QByteArray>(second));
        QCOMPARE(m_sim->faceCount(), 1);
        // A picture the terminal cannot model is refused and the old face stays (S32).
        QImage flat(480, 560, QImage::Format_RGB32);
        flat.fill(Qt::gray);
        const Reply refused = upload(kFdSetUp, faceUpload(QStringLiteral("1"), encodeJpeg(flat)));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json(), kModelingError);
        QCOMPARE(m_sim->faceOf(QStringLiteral("1")), std::optional<QByteArray>(second));

        // deleteFP, always OK; as plain JSON or as the JSON part alone.
        const QByteArray remove = faceJson("1", {{QStringLiteral("deleteFP"), true}});
        QCOMPARE(upload(kFdSetUp, remove, "application/json").json(), kOk);
        QVERIFY(!m_sim->hasFace(QStringLiteral("1")));
        QCOMPARE(upload(kFdSetUp, multipart({{"FaceDataRecord", {}, "application/json", remove}}))
                     .json(),
                 kOk);
        QCOMPARE(upload(kFdSetUp, faceJson("99", {{QStringLiteral("deleteFP"), true}}),
                        "application/json")
                     .json(),
                 kOk);
    }

    // --- the pictures the terminal serves, and faceURL (§3.2, §3.6, §3.7) ---

    void userInfoFollowsTheFaceLibrary()
    {
        QVERIFY(m_sim->setProfile(QStringLiteral("S3-timeclock")));
        QCOMPARE(userInfoOf(QStringLiteral("2"))[QLatin1String("numOfFace")].toInt(), 0);
        QVERIFY(!userInfoOf(QStringLiteral("2")).contains(QLatin1String("faceURL")));
        const QByteArray jpeg = faceJpeg(20);
        QCOMPARE(upload(kFaceRecord, faceUpload(QStringLiteral("2"), jpeg)).status, 200);
        QJsonObject person = userInfoOf(QStringLiteral("2"));
        QCOMPARE(person[QLatin1String("numOfFace")].toInt(), 1);
        const QString faceUrl = person[QLatin1String("faceURL")].toString();
        QVERIFY2(
            QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+/LOCALS/pic/enrlFace/0/"
                                              "\\d{10}\\.jpg@WEB\\d{12}$"))
                .match(faceUrl)
                .hasMatch(),
            qPrintable(faceUrl));
        QCOMPARE(send("GET", kUserCount)
                     .json()[QLatin1String("UserInfoCount")][QLatin1String("bindFaceUserNumber")]
                     .toInt(),
                 1);

        // The picture, with Digest like everything else (S32).
        const QString path = QUrl(faceUrl).path();
        const Reply picture = send("GET", path);
        QCOMPARE(picture.status, 200);
        QCOMPARE(picture.contentType, QByteArray("image/jpeg"));
        QCOMPARE(picture.body, jpeg);
        QCOMPARE(finish(start("GET", path, {}, {}, {})).status, 401);

        // A replaced picture gets a new address; the old face's number stays.
        QCOMPARE(upload(kFdSetUp, faceUpload(QStringLiteral("2"), faceJpeg(70))).status, 200);
        const QString replacedUrl =
            userInfoOf(QStringLiteral("2"))[QLatin1String("faceURL")].toString();
        QVERIFY(replacedUrl != faceUrl);
        QCOMPARE(send("GET", QUrl(replacedUrl).path()).body, faceJpeg(70));

        // S1: UserInfo/Delete leaves the face; it comes back with the person.
        const QJsonObject deleteTwo = wrap(
            "UserInfoDelCond",
            QJsonObject{
                {QStringLiteral("EmployeeNoList"),
                 QJsonArray{QJsonObject{{QStringLiteral("employeeNo"), QStringLiteral("2")}}}}});
        QCOMPARE(sendJson("PUT", kUserDelete, deleteTwo).json(), kOk);
        QVERIFY(m_sim->hasFace(QStringLiteral("2")));
        m_sim->upsertPerson(plainPerson(QStringLiteral("2")));
        QCOMPARE(userInfoOf(QStringLiteral("2"))[QLatin1String("numOfFace")].toInt(), 1);
        // S32's firmware: the face goes with the person.
        m_sim->options().userDeleteRemovesFace = true;
        QCOMPARE(sendJson("PUT", kUserDelete, deleteTwo).json(), kOk);
        QVERIFY(!m_sim->hasFace(QStringLiteral("2")));
        QCOMPARE(send("GET", path).status, 404);
    }

    void detailDeleteRemovesCardsAndFace()
    {
        QCOMPARE(upload(kFaceRecord, faceUpload(QStringLiteral("3"), faceJpeg())).status, 200);
        QVERIFY(m_sim->addCard(QStringLiteral("3"), QStringLiteral("C3")));
        const QJsonObject detail = wrap(
            "UserInfoDetail",
            QJsonObject{
                {QStringLiteral("mode"), QStringLiteral("byEmployeeNo")},
                {QStringLiteral("EmployeeNoList"),
                 QJsonArray{QJsonObject{{QStringLiteral("employeeNo"), QStringLiteral("3")}}}}});
        QCOMPARE(sendJson("PUT", kDetailDelete, detail).json(), kOk);
        QVERIFY(!m_sim->hasFace(QStringLiteral("3")));
        QVERIFY(m_sim->cards().isEmpty());
        QCOMPARE(m_sim->faceCount(), 0);
    }

    void captureFaceDataThenFdSetUpByUrl()
    {
        QVERIFY(send("GET", kFaceCaptureCapabilities).body.contains("opt=\"url,binary\""));
        // S2: GET is methodNotAllowed, "{}" badXmlContent.
        const Reply get = send("GET", kFaceCapture);
        QCOMPARE(xmlText(get.body, QStringLiteral("subStatusCode")),
                 QStringLiteral("methodNotAllowed"));
        const Reply empty = send("POST", kFaceCapture, "{}", "application/json");
        QCOMPARE(empty.status, 400);
        QCOMPARE(xmlText(empty.body, QStringLiteral("subStatusCode")),
                 QStringLiteral("badXmlContent"));

        QSignalSpy started(m_sim.get(), &IsapiSimulator::faceCaptureStarted);
        Reply progress = send("POST", kFaceCapture, captureCondition("url"), "application/xml");
        QCOMPARE(progress.status, 200);
        QCOMPARE(xmlText(progress.body, QStringLiteral("captureProgress")), QStringLiteral("0"));
        QCOMPARE(started.size(), 1);
        QVERIFY(m_sim->faceCaptureWaiting());
        QCOMPARE(xmlText(send("GET", kFaceProgress).body, QStringLiteral("captureProgress")),
                 QStringLiteral("0"));
        QCOMPARE(
            xmlText(send("POST", kFaceCapture, captureCondition("url"), "application/xml").body,
                    QStringLiteral("captureProgress")),
            QStringLiteral("0"));
        QCOMPARE(started.size(), 1);

        m_sim->presentFaceAtCamera();
        QVERIFY(!m_sim->faceCaptureWaiting());
        progress = send("POST", kFaceCapture, captureCondition("url"), "application/xml");
        QCOMPARE(xmlText(progress.body, QStringLiteral("captureProgress")), QStringLiteral("100"));
        const QString url = xmlText(progress.body, QStringLiteral("faceDataUrl"));
        QVERIFY2(url.endsWith(QStringLiteral("/LOCALS/pic/web_face_enrollpic.jpg@WEB000000000020")),
                 qPrintable(url));
        const Reply picture = send("GET", QUrl(url).path());
        QCOMPARE(picture.status, 200);
        QCOMPARE(picture.body, demoFaceJpeg());

        // S36: that URL fed to FDSetUp, as the JSON part alone.
        const QByteArray byUrl = multipart({{"FaceDataRecord",
                                             {},
                                             "application/json",
                                             faceJson("3", {{QStringLiteral("faceURL"), url}})}});
        QCOMPARE(upload(kFdSetUp, byUrl).json(), okWithFpid(QStringLiteral("3")));
        QCOMPARE(m_sim->faceOf(QStringLiteral("3")), std::optional<QByteArray>(demoFaceJpeg()));
        // A picture elsewhere cannot be fetched (S36).
        const QByteArray external = faceJson(
            "2", {{QStringLiteral("faceURL"),
                   QStringLiteral("http://example.com/LOCALS/pic/web_face_enrollpic.jpg")}});
        QCOMPARE(upload(kFaceRecord, external, "application/json").json(),
                 status(6, "Invalid Content", "urlDownloadFail", 0x6000F011, "faceURL"));
        QVERIFY(!m_sim->hasFace(QStringLiteral("2")));

        // The next capture starts again at 0; binary mode hands the picture over itself.
        QCOMPARE(
            xmlText(send("POST", kFaceCapture, captureCondition("binary"), "application/xml").body,
                    QStringLiteral("captureProgress")),
            QStringLiteral("0"));
        const QByteArray other = faceJpeg(90);
        m_sim->presentFaceAtCamera(other);
        const Reply binary =
            send("POST", kFaceCapture, captureCondition("binary"), "application/xml");
        QCOMPARE(binary.status, 200);
        QVERIFY(binary.contentType.startsWith("multipart/form-data; boundary="));
        const std::optional<QList<MultipartPart>> parts =
            parseMultipart(binary.contentType, binary.body);
        QVERIFY(parts);
        QCOMPARE(parts->size(), 2);
        QCOMPARE(xmlText(parts->at(0).body, QStringLiteral("captureProgress")),
                 QStringLiteral("100"));
        QCOMPARE(parts->at(1).name, QStringLiteral("FaceData"));
        QCOMPARE(parts->at(1).fileName, QStringLiteral("FaceData.jpg"));
        QCOMPARE(parts->at(1).body, other);
        // Its picture uploads as it is (no framing carried over).
        QCOMPARE(upload(kFaceRecord, faceUpload(QStringLiteral("2"), parts->at(1).body)).status,
                 200);
    }

    void demoModeShowsAFaceToTheCamera()
    {
        m_sim->options().demoFaceDelayMs = 0;
        QCOMPARE(
            xmlText(send("POST", kFaceCapture, captureCondition("url"), "application/xml").body,
                    QStringLiteral("captureProgress")),
            QStringLiteral("0"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_sim->faceCaptureWaiting(), 5000);
        QCOMPARE(xmlText(send("GET", kFaceProgress).body, QStringLiteral("captureProgress")),
                 QStringLiteral("100"));
    }

    void captureFaceIsGatedByTheProfile()
    {
        DeviceProfile profile = m_sim->profile();
        profile.captureFace = false;
        profile.refreshAccessControlCapabilities();
        m_sim->setProfile(profile);
        QCOMPARE(
            xmlText(send("GET", kAcsCapabilities).body, QStringLiteral("isSupportCaptureFace")),
            QStringLiteral("false"));
        QCOMPARE(send("POST", kFaceCapture, captureCondition("url"), "application/xml").status,
                 404);
    }

    // --- search, count and delete (§3.6) ---

    void fdSearchCountAndDelete()
    {
        QCOMPARE(fdSearch(0, 30)[QLatin1String("responseStatusStrg")].toString(),
                 QStringLiteral("NO MATCHES"));
        for (const char *employeeNo : {"1", "2", "3"}) {
            QCOMPARE(upload(kFaceRecord, faceUpload(QLatin1String(employeeNo), faceJpeg())).status,
                     200);
        }
        QJsonObject page = fdSearch(0, 2);
        QCOMPARE(page[QLatin1String("statusCode")].toInt(), 1);
        QCOMPARE(page[QLatin1String("responseStatusStrg")].toString(), QStringLiteral("MORE"));
        QCOMPARE(page[QLatin1String("numOfMatches")].toInt(), 2);
        QCOMPARE(page[QLatin1String("totalMatches")].toInt(), 3);
        const QJsonObject match = page[QLatin1String("MatchList")].toArray().at(0).toObject();
        QCOMPARE(match[QLatin1String("FPID")].toString(), QStringLiteral("1"));
        QCOMPARE(match[QLatin1String("isInLibrary")].toString(), QStringLiteral("yes"));
        QVERIFY(match[QLatin1String("faceURL")].toString().contains(
            QStringLiteral("/LOCALS/pic/enrlFace/0/")));
        page = fdSearch(2, 2);
        QCOMPARE(page[QLatin1String("responseStatusStrg")].toString(), QStringLiteral("OK"));
        QCOMPARE(page[QLatin1String("numOfMatches")].toInt(), 1);
        page = fdSearch(0, 1, QStringLiteral("2"));
        QCOMPARE(page[QLatin1String("totalMatches")].toInt(), 1);
        QCOMPARE(page[QLatin1String("MatchList")].toArray().at(0)[QLatin1String("FPID")].toString(),
                 QStringLiteral("2"));
        QCOMPARE(
            fdSearch(0, 1, QStringLiteral("9"))[QLatin1String("responseStatusStrg")].toString(),
            QStringLiteral("NO MATCHES"));
        QCOMPARE(sendJson("POST", kFdSearch, QJsonObject{{QStringLiteral("maxResults"), 1}})
                     .json()[QLatin1String("subStatusCode")]
                     .toString(),
                 QStringLiteral("MessageParametersLack"));

        QJsonArray counts =
            send("GET", kFdCount).json()[QLatin1String("FDRecordDataInfo")].toArray();
        QCOMPARE(counts.size(), 2);
        QCOMPARE(counts.at(0)[QLatin1String("recordDataNumber")].toInt(), 3);
        QCOMPARE(counts.at(1)[QLatin1String("faceLibType")].toString(),
                 QStringLiteral("infraredFD"));
        counts = send("GET", kFdCount + QStringLiteral("&FDID=1&faceLibType=blackFD"))
                     .json()[QLatin1String("FDRecordDataInfo")]
                     .toArray();
        QCOMPARE(counts.size(), 1);
        QCOMPARE(counts.at(0)[QLatin1String("FDID")].toString(), QStringLiteral("1"));
        QCOMPARE(counts.at(0)[QLatin1String("recordDataNumber")].toInt(), 3);

        // A batch, one of them without a face.
        const QJsonObject batch{
            {QStringLiteral("FPID"),
             QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("1")}},
                        QJsonObject{{QStringLiteral("value"), QStringLiteral("3")}},
                        QJsonObject{{QStringLiteral("value"), QStringLiteral("8")}}}}};
        QCOMPARE(sendJson("PUT", kFdDelete, batch).json(), kOk);
        QCOMPARE(m_sim->faceCount(), 1);
        QVERIFY(m_sim->hasFace(QStringLiteral("2")));
        QCOMPARE(m_sim->appliedWrites().last().employeeNos,
                 (QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("8")}));
        QCOMPARE(
            sendJson("PUT", kFdDelete, QJsonObject()).json()[QLatin1String("errorMsg")].toString(),
            QStringLiteral("FPID"));
        QCOMPARE(
            send("GET", kFdCount + QStringLiteral("&FDID=1&faceLibType=blackFD"))
                .json()[QLatin1String("FDRecordDataInfo")][0][QLatin1String("recordDataNumber")]
                .toInt(),
            1);
        QCOMPARE(userInfoOf(QStringLiteral("1"))[QLatin1String("numOfFace")].toInt(), 0);
        QCOMPARE(userInfoOf(QStringLiteral("2"))[QLatin1String("numOfFace")].toInt(), 1);
    }

    // --- faces at the door, hooks and demo data ---

    void faceEventsNeedAFace()
    {
        const qint64 stranger =
            m_sim->personAtDoor(QStringLiteral("1"), IsapiSimulator::Presented::Face);
        QCOMPARE(m_sim->events().events().back().serialNo, stranger);
        QCOMPARE(m_sim->events().events().back().minor, 76);
        QVERIFY(m_sim->setFace(QStringLiteral("1"), faceJpeg()));
        m_sim->personAtDoor(QStringLiteral("1"), IsapiSimulator::Presented::Face);
        QCOMPARE(m_sim->events().events().back().minor, 75);
        QCOMPARE(m_sim->events().events().back().employeeNo, QStringLiteral("1"));
        // A face set the old way, by numOfFace alone, still counts; its picture is the demo face.
        DevicePerson legacy = plainPerson(QStringLiteral("2"));
        legacy.numOfFace = 1;
        m_sim->upsertPerson(legacy);
        QVERIFY(m_sim->hasFace(QStringLiteral("2")));
        QCOMPARE(m_sim->faceOf(QStringLiteral("2")), std::optional<QByteArray>(demoFaceJpeg()));
        m_sim->personAtDoor(QStringLiteral("2"), IsapiSimulator::Presented::Face);
        QCOMPARE(m_sim->events().events().back().minor, 75);
        QVERIFY(m_sim->removeFace(QStringLiteral("2")));
        QCOMPARE(m_sim->person(QStringLiteral("2"))->numOfFace, 0);
        QVERIFY(!m_sim->setFace(QStringLiteral("404")));
    }

    void demoDataHasEveryKindOfPerson()
    {
        m_sim->loadDemoPersons(DeviceDemoData::kDefaultPersonCount);
        int cardsOnly = 0;
        int facesOnly = 0;
        int neither = 0;
        for (const DevicePerson &person : m_sim->persons()) {
            const bool card = std::any_of(
                m_sim->cards().cbegin(), m_sim->cards().cend(),
                [&](const DeviceCard &each) { return each.employeeNo == person.employeeNo; });
            const bool face = m_sim->hasFace(person.employeeNo);
            QCOMPARE(person.numOfFace, face ? 1 : 0);
            cardsOnly += card && !face ? 1 : 0;
            facesOnly += face && !card ? 1 : 0;
            neither += !card && !face ? 1 : 0;
        }
        QVERIFY(cardsOnly > 0);
        QVERIFY(facesOnly > 0);
        QVERIFY(neither > 0);
        // Their pictures are served like uploaded ones.
        QVERIFY(m_sim->faceOf(QStringLiteral("1")));
        QCOMPARE(upload(kFdSetUp, faceUpload(QStringLiteral("1"), faceJpeg())).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestIsapiCredentials)
#include "tst_isapicredentials.moc"
