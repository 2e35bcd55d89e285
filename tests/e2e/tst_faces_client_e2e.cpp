// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Faces end to end: the real Hikvision client against the door-terminal simulator over
// loopback HTTP with Digest (isapi-events-credentials.md §3). Every case checks what the
// simulator holds or received, not only what the client said.
#include "Clock.h"
#include "HikvisionClient.h"
#include "IsapiSimulator.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QRadialGradient>
#include <QRandomGenerator>
#include <QTest>
#include <QUrlQuery>
#include <memory>
#include <optional>

using namespace cis;
using sim::IsapiSimulator;
using Kind = HikvisionError::Kind;

namespace {

const QDateTime kStart(QDate(2026, 12, 4), QTime(10, 0));
const QString kSetUp = QStringLiteral("/ISAPI/Intelligent/FDLib/FDSetUp");
const QString kRecord = QStringLiteral("/ISAPI/Intelligent/FDLib/FaceDataRecord");
const QString kDelete = QStringLiteral("/ISAPI/Intelligent/FDLib/FDSearch/Delete");
const QString kCapture = QStringLiteral("/ISAPI/AccessControl/CaptureFaceData");

QByteArray encode(const QImage &image, int quality = 85)
{
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("no JPEG writer");
    return jpeg;
}

// A face-like drawing with gradients: far from flat, 480 px high, well under 200 KB. hue makes
// one member's picture differ from another's.
QByteArray facePhoto(int hue)
{
    QImage image(400, 480, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient background(0, 0, 0, 480);
    background.setColorAt(0, QColor::fromHsv(hue, 120, 110));
    background.setColorAt(1, QColor::fromHsv(hue, 40, 220));
    painter.fillRect(image.rect(), background);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(40, 50, 90));
    painter.drawEllipse(QRectF(40, 380, 320, 200));
    painter.setBrush(QColor(50, 35, 25));
    painter.drawEllipse(QRectF(95, 50, 210, 190));
    QRadialGradient skin(QPointF(190, 200), 140);
    skin.setColorAt(0, QColor(245, 210, 180));
    skin.setColorAt(1, QColor(190, 140, 110));
    painter.setBrush(skin);
    painter.drawEllipse(QRectF(110, 90, 180, 230));
    for (const qreal x : {150.0, 215.0}) {
        painter.setBrush(Qt::white);
        painter.drawEllipse(QRectF(x, 170, 36, 20));
        painter.setBrush(QColor(40, 30, 20));
        painter.drawEllipse(QRectF(x + 11, 173, 14, 14));
    }
    painter.setBrush(QColor(160, 60, 60));
    painter.drawEllipse(QRectF(165, 265, 70, 18));
    painter.end();
    return encode(image);
}

// Nothing in it: the simulator's stand-in for "no face found" (luminance spread below 12).
QByteArray flatPhoto()
{
    QImage image(400, 480, QImage::Format_RGB32);
    image.fill(QColor(128, 128, 128));
    return encode(image);
}

// Noise does not compress: far over the 200 KB the terminals take.
QByteArray oversizePhoto()
{
    QImage image(900, 900, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = random.generate() | 0xFF000000u;
    }
    return encode(image, 95);
}

template<typename Result, typename Start> Result waitFor(Start start)
{
    std::optional<Result> result;
    start([&](Result value) { result.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        qFatal("client call did not finish");
    return std::move(*result);
}

template<typename T> QString why(const HikvisionClient::Result<T> &result)
{
    return result ? QString() : result.error().message();
}

} // namespace

#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto &verified = (expression);                                                       \
        QVERIFY2(verified, qPrintable(why(verified)));                                             \
    } while (false)

class TestFacesClientE2e : public QObject
{
    Q_OBJECT

private:
    using WriteOutcome = HikvisionClient::Result<WriteResult>;
    using SearchOutcome = HikvisionClient::Result<std::optional<FaceRecord>>;
    using CaptureOutcome = HikvisionClient::Result<CapturedFace>;

    ManualClock m_clock{kStart};
    std::unique_ptr<IsapiSimulator> m_sim;
    std::unique_ptr<HikvisionClient> m_client;

    HikvisionClient &client()
    {
        if (!m_client) {
            HikvisionConfig config;
            config.baseUrl = m_sim->baseUrl();
            config.username = IsapiSimulator::defaultUser();
            config.password = IsapiSimulator::defaultPassword();
            config.timeoutMs = 10000;
            config.readRetryBackoffMs = 5;
            // Shorter than S36's 2 s so that the capture cases stay quick.
            config.faceCapturePollMs = 200;
            m_client = std::make_unique<HikvisionClient>(config, &m_clock);
        }
        return *m_client;
    }

    void addPerson(const QString &employeeNo)
    {
        sim::DevicePerson person;
        person.employeeNo = employeeNo;
        person.name = QStringLiteral("Member %1").arg(employeeNo);
        m_sim->upsertPerson(person);
    }

    WriteOutcome setUp(const QString &employeeNo, const QByteArray &jpeg)
    {
        return waitFor<WriteOutcome>(
            [&](auto done) { client().setUpFace(employeeNo, jpeg, std::move(done)); });
    }
    WriteOutcome record(const QString &employeeNo, const QByteArray &jpeg)
    {
        return waitFor<WriteOutcome>(
            [&](auto done) { client().recordFace(employeeNo, jpeg, std::move(done)); });
    }
    SearchOutcome search(const QString &employeeNo)
    {
        return waitFor<SearchOutcome>(
            [&](auto done) { client().searchFace(employeeNo, std::move(done)); });
    }
    HikvisionClient::Result<DeleteResult> remove(const QStringList &employeeNos)
    {
        return waitFor<HikvisionClient::Result<DeleteResult>>(
            [&](auto done) { client().deleteFaces(employeeNos, std::move(done)); });
    }

    QList<sim::HttpRequest> received(const QByteArray &method, const QString &path) const
    {
        QList<sim::HttpRequest> found;
        for (const sim::HttpRequest &request : m_sim->receivedRequests()) {
            if (request.method == method && request.path == path &&
                request.hasHeader("Authorization"))
                found.append(request);
        }
        return found;
    }

private slots:
    void init()
    {
        m_clock.setNow(kStart);
        m_sim = std::make_unique<IsapiSimulator>(&m_clock);
        QVERIFY(m_sim->listen());
    }

    void cleanup()
    {
        m_client.reset();
        m_sim.reset();
    }

    void capabilities_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<bool>("available");
        QTest::newRow("DS-K1T341AM") << QStringLiteral("DS-K1T341AM") << true;
        QTest::newRow("DS-K1A340FWX") << QStringLiteral("DS-K1A340FWX") << false;
    }

    void capabilities()
    {
        QFETCH(QString, profile);
        QFETCH(bool, available);
        QVERIFY(m_sim->setProfile(profile));
        const auto caps = waitFor<HikvisionClient::Result<FaceLibraryCapabilities>>(
            [&](auto done) { client().fetchFaceLibraryCapabilities(std::move(done)); });
        VERIFY_OK(caps);
        QCOMPARE(caps.value().available, available);
        QCOMPARE(caps.value().supportsSetUp(), available);
        if (available) {
            QVERIFY(caps.value().supportsPost());
            QVERIFY(caps.value().maxRecords > 0);
            QVERIFY(caps.value().faceUrlMaxLength > 0);
        }
    }

    void setUpCreatesThenReplaces()
    {
        addPerson(QStringLiteral("1042"));
        const QByteArray first = facePhoto(20);
        VERIFY_OK(setUp(QStringLiteral("1042"), first));
        QVERIFY(m_sim->hasFace(QStringLiteral("1042")));
        QCOMPARE(*m_sim->faceOf(QStringLiteral("1042")), first);

        const QByteArray second = facePhoto(200);
        QVERIFY(second != first);
        VERIFY_OK(setUp(QStringLiteral("1042"), second));
        QCOMPARE(*m_sim->faceOf(QStringLiteral("1042")), second);
        QCOMPARE(m_sim->faceCount(), 1);

        const QList<sim::HttpRequest> puts = received("PUT", kSetUp);
        QCOMPARE(puts.size(), 2);
        QCOMPARE(puts.first().query.queryItemValue(QStringLiteral("format")),
                 QStringLiteral("json"));
        QVERIFY(puts.first().header("Content-Type").startsWith("multipart/form-data; boundary="));
        QCOMPARE(client().faceImagePartName(), QStringLiteral("FaceImage"));
    }

    void bytesAroundTheJpegAreNotSent()
    {
        addPerson(QStringLiteral("7"));
        const QByteArray photo = facePhoto(90);
        VERIFY_OK(setUp(QStringLiteral("7"), "\r\n--frame\r\n\r\n" + photo + "\r\n--frame--\r\n"));
        QCOMPARE(*m_sim->faceOf(QStringLiteral("7")), photo);
    }

    void notAJpegIsRefusedWithoutARequest()
    {
        addPerson(QStringLiteral("7"));
        const WriteOutcome written = setUp(QStringLiteral("7"), QByteArray("GIF89a..."));
        QVERIFY(!written);
        QCOMPARE(written.error().kind, Kind::RefusedRequest);
        QVERIFY(!written.error().cancelled); // refused by us, not cancelled: a message to show
        QCOMPARE(m_sim->totalWriteCount(), 0);
        QVERIFY(!m_sim->hasFace(QStringLiteral("7")));
    }

    void flatPictureIsExplainedAndKeepsTheOldFace()
    {
        addPerson(QStringLiteral("1042"));
        const QByteArray old = facePhoto(60);
        QVERIFY(m_sim->setFace(QStringLiteral("1042"), old));
        const WriteOutcome written = setUp(QStringLiteral("1042"), flatPhoto());
        QVERIFY(!written);
        const HikvisionError &error = written.error();
        QCOMPARE(error.kind, Kind::InvalidContent);
        QCOMPARE(error.subStatusCode, QStringLiteral("SubpicAnalysisModelingError"));
        const QString advice = faceErrorAdvice(error);
        QVERIFY(advice.contains(QLatin1String("front-facing")));
        QVERIFY2(error.message().contains(advice), qPrintable(error.message()));
        QVERIFY(error.message().contains(QLatin1String("1042")));
        QCOMPARE(*m_sim->faceOf(QStringLiteral("1042")), old);
        // Refused for the picture, not its part name: sent once.
        QCOMPARE(received("PUT", kSetUp).size(), 1);
    }

    void oversizePictureIsExplained()
    {
        addPerson(QStringLiteral("1042"));
        const QByteArray big = oversizePhoto();
        QVERIFY(big.size() > 200 * 1024);
        const WriteOutcome written = setUp(QStringLiteral("1042"), big);
        QVERIFY(!written);
        QCOMPARE(written.error().subStatusCode, QStringLiteral("badJsonFormat"));
        QVERIFY2(faceErrorAdvice(written.error()).contains(QLatin1String("200 KB")),
                 qPrintable(written.error().message()));
        QVERIFY(written.error().message().contains(QLatin1String("200 KB")));
        QVERIFY(!m_sim->hasFace(QStringLiteral("1042")));
        QCOMPARE(received("PUT", kSetUp).size(), 1);
    }

    void recordFaceAddsButNeverReplaces()
    {
        addPerson(QStringLiteral("5"));
        const QByteArray photo = facePhoto(150);
        VERIFY_OK(record(QStringLiteral("5"), photo));
        QCOMPARE(*m_sim->faceOf(QStringLiteral("5")), photo);

        const WriteOutcome again = record(QStringLiteral("5"), facePhoto(30));
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Kind::AlreadyExists);
        QCOMPARE(again.error().subStatusCode, QStringLiteral("deviceUserAlreadyExistFace"));
        QVERIFY(again.error().message().contains(QLatin1String("already has a face")));
        QCOMPARE(*m_sim->faceOf(QStringLiteral("5")), photo);
        QCOMPARE(received("POST", kRecord).size(), 2);
    }

    void faceOfAMissingPerson()
    {
        const WriteOutcome written = setUp(QStringLiteral("404"), facePhoto(10));
        QVERIFY(!written);
        QCOMPARE(written.error().kind, Kind::DoesNotExist);
        QVERIFY(written.error().message().contains(QLatin1String("sync the member")));
        const WriteOutcome recorded = record(QStringLiteral("404"), facePhoto(10));
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().kind, Kind::DoesNotExist);
    }

    void searchAndFetchTheFace()
    {
        addPerson(QStringLiteral("1042"));
        addPerson(QStringLiteral("1043"));
        const QByteArray photo = facePhoto(120);
        VERIFY_OK(setUp(QStringLiteral("1042"), photo));

        const SearchOutcome found = search(QStringLiteral("1042"));
        VERIFY_OK(found);
        QVERIFY(found.value().has_value());
        QCOMPARE(found.value()->employeeNo, QStringLiteral("1042"));
        QVERIFY(found.value()->faceUrl.contains(QLatin1String("/LOCALS/pic/enrlFace/")));

        const SearchOutcome none = search(QStringLiteral("1043"));
        VERIFY_OK(none);
        QVERIFY(!none.value().has_value());

        // The URL's host is the terminal's own idea of its address; the picture comes from the
        // configured one all the same.
        QUrl elsewhere(found.value()->faceUrl);
        elsewhere.setHost(QStringLiteral("192.0.2.1"));
        elsewhere.setPort(80);
        for (const QString &url : {found.value()->faceUrl, elsewhere.toString()}) {
            const auto picture = waitFor<HikvisionClient::Result<QByteArray>>(
                [&](auto done) { client().fetchPicture(url, std::move(done)); });
            VERIFY_OK(picture);
            QCOMPARE(picture.value(), photo);
        }
    }

    void deleteFacesInBatches()
    {
        QStringList ids;
        for (int i = 0; i < 32; ++i) {
            const QString id = QString::number(2000 + i);
            addPerson(id);
            QVERIFY(m_sim->setFace(id, facePhoto(i * 10)));
            ids << id;
        }
        const QString kept = ids.takeLast();
        const auto deleted = remove(ids);
        VERIFY_OK(deleted);
        QCOMPARE(deleted.value().deleted.size(), 31);
        QCOMPARE(deleted.value().batches, 2);
        for (const QString &id : std::as_const(ids))
            QVERIFY(!m_sim->hasFace(id));
        QVERIFY(m_sim->hasFace(kept));
        QVERIFY(m_sim->person(ids.first()).has_value()); // the person stays

        const QList<sim::HttpRequest> puts = received("PUT", kDelete);
        QCOMPARE(puts.size(), 2);
        const QUrlQuery &query = puts.first().query;
        QCOMPARE(query.queryItemValue(QStringLiteral("format")), QStringLiteral("json"));
        QCOMPARE(query.queryItemValue(QStringLiteral("FDID")), QStringLiteral("1"));
        QCOMPARE(query.queryItemValue(QStringLiteral("faceLibType")), QStringLiteral("blackFD"));
    }

    void emptyDeleteIsRefused()
    {
        addPerson(QStringLiteral("1"));
        QVERIFY(m_sim->setFace(QStringLiteral("1"), facePhoto(1)));
        const auto deleted = remove({});
        QVERIFY(!deleted);
        QCOMPARE(deleted.error().kind, Kind::RefusedRequest);
        QCOMPARE(m_sim->receivedRequests().size(), 0);
        QVERIFY(m_sim->hasFace(QStringLiteral("1")));
    }

    void captureAtTheTerminalThenEnrolByUrl()
    {
        addPerson(QStringLiteral("1042"));
        const QByteArray presented = facePhoto(300);
        QList<int> progress;
        std::optional<CaptureOutcome> outcome;
        client().captureFace(
            30, HikvisionClient::newCancelTag(), [&](int value) { progress << value; },
            [&](CaptureOutcome result) { outcome.emplace(std::move(result)); });
        QVERIFY(QTest::qWaitFor([&] { return m_sim->faceCaptureWaiting(); }, 10000));
        m_sim->presentFaceAtCamera(presented);
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
        VERIFY_OK(*outcome);
        const CapturedFace &face = outcome->value();
        QVERIFY2(face.faceDataUrl.contains(QLatin1String("/LOCALS/pic/web_face_enrollpic.jpg@WEB")),
                 qPrintable(face.faceDataUrl));
        QCOMPARE(face.jpeg, presented);
        QCOMPARE(progress.first(), 0);
        QCOMPARE(progress.last(), 100);
        // The capture request is XML without ?format=json.
        const QList<sim::HttpRequest> posts = received("POST", kCapture);
        QVERIFY(posts.size() >= 2);
        QVERIFY(posts.first().query.isEmpty());
        QVERIFY(posts.first().body.startsWith("<CaptureFaceDataCond"));

        const WriteOutcome enrolled = waitFor<WriteOutcome>([&](auto done) {
            client().setUpFaceFromUrl(QStringLiteral("1042"), face.faceDataUrl, std::move(done));
        });
        VERIFY_OK(enrolled);
        QCOMPARE(*m_sim->faceOf(QStringLiteral("1042")), presented);
    }

    void captureWithoutAFaceTimesOut()
    {
        QList<int> progress;
        const CaptureOutcome outcome = waitFor<CaptureOutcome>([&](auto done) {
            client().captureFace(
                1, HikvisionClient::newCancelTag(), [&](int value) { progress << value; },
                std::move(done));
        });
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, Kind::Timeout);
        QVERIFY2(outcome.error().message().contains(QLatin1String("no face was captured")),
                 qPrintable(outcome.error().message()));
        QCOMPARE(progress, QList<int>{0});
        QVERIFY(received("POST", kCapture).size() >= 2);
    }

    void captureCancelled()
    {
        const quint64 tag = HikvisionClient::newCancelTag();
        std::optional<CaptureOutcome> outcome;
        client().captureFace(30, tag, {},
                             [&](CaptureOutcome result) { outcome.emplace(std::move(result)); });
        QVERIFY(QTest::qWaitFor([&] { return m_sim->faceCaptureWaiting(); }, 10000));
        client().cancelCalls(tag);
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
        QVERIFY(!*outcome);
        QCOMPARE(outcome->error().kind, Kind::RefusedRequest);
        QCOMPARE(outcome->error().detail, QStringLiteral("cancelled"));
        QVERIFY(outcome->error().cancelled);
        // No poll after the cancel, and a face presented now is not taken.
        const qsizetype polls = received("POST", kCapture).size();
        m_sim->presentFaceAtCamera();
        QVERIFY(!QTest::qWaitFor([&] { return received("POST", kCapture).size() > polls; }, 600));
    }
};

QTEST_GUILESS_MAIN(TestFacesClientE2e)
#include "tst_faces_client_e2e.moc"
