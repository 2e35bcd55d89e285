// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Face pictures for the doors: any JPEG or PNG in, upright by its EXIF orientation, and out a
// square baseline 4:2:0 JPEG without metadata under the size limit; the marker walker that
// checks it, on whole, odd and broken files. Runs under a QCoreApplication, as the command line
// does.
#include "FacePhoto.h"
#include "JpegInfo.h"

#include <QBuffer>
#include <QColorSpace>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace cis;

namespace {

// Something a camera could have taken: a lit background, hair, a face with eyes and a mouth,
// and a little sensor noise, so that JPEG sizes behave as they do for photos.
QImage facePicture(int width, int height, quint32 seed = 1)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient wall(0, 0, width, height);
    wall.setColorAt(0, QColor(200, 210, 225));
    wall.setColorAt(1, QColor(120, 130, 150));
    painter.fillRect(image.rect(), wall);

    const qreal unit = qMin(width, height) / 10.0;
    const QPointF centre(width / 2.0, height * 0.42);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(60, 40, 30));
    painter.drawEllipse(centre + QPointF(0, -unit * 0.8), unit * 2.4, unit * 2.6);
    painter.setBrush(QColor(70, 90, 140));
    painter.drawEllipse(QPointF(centre.x(), centre.y() + unit * 5.5), unit * 4, unit * 2.5);
    QRadialGradient skin(centre, unit * 3);
    skin.setColorAt(0, QColor(240, 200, 170));
    skin.setColorAt(1, QColor(170, 120, 95));
    painter.setBrush(skin);
    painter.drawEllipse(centre, unit * 2, unit * 2.6);
    painter.setBrush(Qt::white);
    painter.drawEllipse(centre + QPointF(-unit * 0.8, -unit * 0.5), unit * 0.45, unit * 0.25);
    painter.drawEllipse(centre + QPointF(unit * 0.8, -unit * 0.5), unit * 0.45, unit * 0.25);
    painter.setBrush(QColor(50, 80, 60));
    painter.drawEllipse(centre + QPointF(-unit * 0.8, -unit * 0.5), unit * 0.18, unit * 0.18);
    painter.drawEllipse(centre + QPointF(unit * 0.8, -unit * 0.5), unit * 0.18, unit * 0.18);
    painter.setBrush(QColor(160, 60, 60));
    painter.drawEllipse(centre + QPointF(0, unit * 1.4), unit * 0.7, unit * 0.22);
    painter.end();

    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int grain = random.bounded(-6, 7);
            const QRgb pixel = line[x];
            line[x] =
                qRgb(qBound(0, qRed(pixel) + grain, 255), qBound(0, qGreen(pixel) + grain, 255),
                     qBound(0, qBlue(pixel) + grain, 255));
        }
    }
    return image;
}

// Every pixel random: what JPEG compresses worst.
QImage noisePicture(int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < side; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < side; ++x)
            line[x] = 0xFF000000u | (random.generate() & 0xFFFFFFu);
    }
    return image;
}

// A dim room shot at a high ISO: heavy grain over a gradient. At 640 px it needs about
// 220 KB at quality 90 and 170 KB at 80, so the encoder has to step down, but not far.
QImage grainyPicture(int side)
{
    QImage image(side, side, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < side; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < side; ++x) {
            const int grain = random.bounded(-50, 51);
            line[x] = qRgb(qBound(0, 150 + x / 8 + grain, 255), qBound(0, 120 + grain, 255),
                           qBound(0, 100 + y / 8 + grain, 255));
        }
    }
    return image;
}

QByteArray encoded(const QImage &image, const char *format, int quality = -1,
                   bool progressive = false)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    writer.setProgressiveScanWrite(progressive);
    if (!writer.write(image))
        qFatal("cannot write %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

// Offset of the first segment with this marker (at its 0xFF), walking the segments of a file
// Qt wrote; -1 when there is none before the first scan.
qsizetype segmentOffset(const QByteArray &jpeg, quint8 marker)
{
    qsizetype pos = 2;
    while (pos + 4 <= jpeg.size() && quint8(jpeg.at(pos)) == 0xFF) {
        const quint8 found = quint8(jpeg.at(pos + 1));
        if (found == marker)
            return pos;
        if (found == 0xDA)
            break;
        pos += 2 + ((quint8(jpeg.at(pos + 2)) << 8) | quint8(jpeg.at(pos + 3)));
    }
    return -1;
}

// An APP1 segment with a big-endian TIFF header and one IFD entry, Orientation (0x0112),
// right after SOI: what a phone writes for a picture it took held sideways.
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff("MM\x00\x2A\x00\x00\x00\x08", 8);
    tiff += QByteArray("\x00\x01", 2);                         // one entry
    tiff += QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01", 8); // SHORT, count 1
    tiff += char(orientation >> 8) + QByteArray(1, char(orientation & 0xFF)) +
            QByteArray(2, '\0'); // value, padded
    tiff += QByteArray(4, '\0'); // no next IFD
    const QByteArray body = QByteArray("Exif\x00\x00", 6) + tiff;
    const int length = int(body.size()) + 2;
    QByteArray segment("\xFF\xE1", 2);
    segment += char(length >> 8);
    segment += char(length & 0xFF);
    segment += body;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

bool isRed(QRgb pixel)
{
    return qRed(pixel) > 200 && qGreen(pixel) < 60 && qBlue(pixel) < 60;
}

} // namespace

class TestFacePhoto : public QObject
{
    Q_OBJECT

private slots:
    void runsWithoutAGui()
    {
        // The command line encodes with a QCoreApplication; so does this test.
        QVERIFY(!QCoreApplication::instance()->inherits("QGuiApplication"));
        QVERIFY(QImageWriter::supportedImageFormats().contains("jpeg"));
        QVERIFY(QImageReader::supportedImageFormats().contains("png"));
    }

    void jpegInfoReadsQtsOutput()
    {
        const QByteArray jpeg = encoded(facePicture(640, 480), "jpeg", 75);
        const JpegInfo info = JpegInfo::parse(jpeg);
        QVERIFY(info.valid);
        QCOMPARE(info.trailingBytes, 0);
        QCOMPARE(info.coding, JpegInfo::Coding::Baseline);
        QVERIFY(info.isBaseline());
        QCOMPARE(info.width, 640);
        QCOMPARE(info.height, 480);
        QCOMPARE(info.components.size(), 3);
        QCOMPARE(info.components.at(0).horizontalSampling, 2);
        QCOMPARE(info.components.at(0).verticalSampling, 2);
        QCOMPARE(info.components.at(1).horizontalSampling, 1);
        QCOMPARE(info.components.at(2).verticalSampling, 1);
        QVERIFY(info.isChroma420());
        QVERIFY(!info.hasExif());
        QCOMPARE(info.metadataSegments, 0);
    }

    // The finding the encoder relies on, kept as a test so that a Qt update that changes it
    // is noticed: Qt 6.4's writer (libjpeg's defaults) samples chroma 4:2:0 at every quality
    // and has no option to choose.
    void qtWritesChroma420AtEveryQuality_data()
    {
        QTest::addColumn<int>("quality");
        for (int quality : {1, 50, 75, 85, 90, 91, 95, 100})
            QTest::addRow("q%d", quality) << quality;
    }
    void qtWritesChroma420AtEveryQuality()
    {
        QFETCH(int, quality);
        const JpegInfo info = JpegInfo::parse(encoded(facePicture(400, 400), "jpeg", quality));
        QVERIFY(info.valid);
        QVERIFY(info.isBaseline());
        QVERIFY(info.isChroma420());
    }

    void jpegInfoTellsChroma444()
    {
        QByteArray jpeg = encoded(facePicture(480, 480), "jpeg", 80);
        const qsizetype sof = segmentOffset(jpeg, 0xC0);
        QVERIFY(sof > 0);
        // SOF0: marker(2) length(2) precision(1) height(2) width(2) count(1), then per
        // component id, sampling, table: Y's sampling byte is at +11.
        QCOMPARE(quint8(jpeg.at(sof + 11)), quint8(0x22));
        jpeg[sof + 11] = char(0x11);
        const JpegInfo info = JpegInfo::parse(jpeg);
        QVERIFY(info.valid);
        QCOMPARE(info.components.size(), 3);
        for (const JpegInfo::Component &component : info.components) {
            QCOMPARE(component.horizontalSampling, 1);
            QCOMPARE(component.verticalSampling, 1);
        }
        QVERIFY(!info.isChroma420());

        jpeg[sof + 11] = char(0x21); // 4:2:2
        QVERIFY(!JpegInfo::parse(jpeg).isChroma420());
    }

    void jpegInfoTellsProgressiveAndOther()
    {
        // Several scans, each followed by the walker through its entropy-coded data.
        const JpegInfo progressive =
            JpegInfo::parse(encoded(facePicture(480, 360), "jpeg", 80, true));
        QVERIFY(progressive.valid);
        QCOMPARE(progressive.coding, JpegInfo::Coding::Progressive);
        QVERIFY(!progressive.isBaseline());
        QCOMPARE(progressive.width, 480);
        QCOMPARE(progressive.height, 360);

        QByteArray jpeg = encoded(facePicture(480, 360), "jpeg", 80);
        const qsizetype sof = segmentOffset(jpeg, 0xC0);
        QVERIFY(sof > 0);
        jpeg[sof + 1] = char(0xC2);
        QCOMPARE(JpegInfo::parse(jpeg).coding, JpegInfo::Coding::Progressive);
        jpeg[sof + 1] = char(0xC1);
        const JpegInfo extended = JpegInfo::parse(jpeg);
        QVERIFY(extended.valid);
        QCOMPARE(extended.coding, JpegInfo::Coding::Other);
        QVERIFY(!extended.isBaseline());
    }

    void jpegInfoCountsBytesAfterEoi()
    {
        const QByteArray jpeg = encoded(facePicture(400, 400), "jpeg", 80);
        // What a CaptureFaceData multipart answer leaves behind when cut badly (§3.4).
        const QByteArray framed = jpeg + QByteArray("\r\n--boundary--\r\n");
        const JpegInfo info = JpegInfo::parse(framed);
        QVERIFY(info.valid);
        QCOMPARE(info.trailingBytes, 16);
        QCOMPARE(JpegInfo::parse(QByteArray(jpeg + QByteArray(1, '\0'))).trailingBytes, 1);
    }

    void jpegInfoFindsExif()
    {
        const QByteArray jpeg = withExifOrientation(encoded(facePicture(400, 400), "jpeg"), 6);
        const JpegInfo info = JpegInfo::parse(jpeg);
        QVERIFY(info.valid);
        QVERIFY(info.hasExif());
        QCOMPARE(info.metadataSegments, 1);
        QCOMPARE(info.width, 400);
    }

    void jpegInfoRefusesEveryTruncation()
    {
        const QByteArray jpeg = encoded(facePicture(400, 400), "jpeg", 30);
        QVERIFY(JpegInfo::parse(jpeg).valid);
        for (qsizetype length = 0; length < jpeg.size(); ++length) {
            if (JpegInfo::parse(QByteArrayView(jpeg).first(length)).valid)
                QFAIL(qPrintable(QStringLiteral("valid when cut at %1").arg(length)));
        }
    }

    void jpegInfoRefusesGarbage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("one byte") << QByteArray("\xFF", 1);
        QTest::addRow("SOI only") << QByteArray("\xFF\xD8", 2);
        QTest::addRow("SOI EOI, no frame") << QByteArray("\xFF\xD8\xFF\xD9", 4);
        QTest::addRow("PNG") << encoded(facePicture(100, 100), "png");
        QTest::addRow("text") << QByteArray("<html>not a picture</html>");
        QTest::addRow("length under two") << QByteArray("\xFF\xD8\xFF\xE0\x00\x01\xFF\xD9", 8);
        QTest::addRow("length past the end")
            << QByteArray("\xFF\xD8\xFF\xE0\xFF\xF0JFIF\xFF\xD9", 12);
        QTest::addRow("SOF with too many components")
            << QByteArray("\xFF\xD8\xFF\xC0\x00\x0B\x08\x00\x10\x00\x10\x03\x01\x22\x00"
                          "\xFF\xDA\x00\x02\xFF\xD9",
                          22);
        QTest::addRow("scan before frame")
            << QByteArray("\xFF\xD8\xFF\xDA\x00\x02\x12\x34\xFF\xD9", 10);
        QTest::addRow("nested SOI") << QByteArray("\xFF\xD8\xFF\xD8\xFF\xD9", 6);
        QTest::addRow("bytes between segments") << QByteArray("\xFF\xD8\x00\x00\xFF\xD9", 6);
        QRandomGenerator random(3);
        QByteArray noise(4096, '\0');
        for (char &byte : noise)
            byte = char(random.bounded(256));
        QTest::addRow("random") << noise;
        noise[0] = char(0xFF);
        noise[1] = char(0xD8);
        QTest::addRow("random after SOI") << noise;
    }
    void jpegInfoRefusesGarbage()
    {
        QFETCH(QByteArray, bytes);
        const JpegInfo info = JpegInfo::parse(bytes);
        QVERIFY(!info.valid);
    }

    void jpegInfoSurvivesMangledFiles()
    {
        // Not a fuzzer, but every byte of a real file flipped, one at a time: whatever the
        // walker makes of it, it must not read outside the bytes (ASan in CI) or hang.
        const QByteArray jpeg = encoded(facePicture(64, 64), "jpeg", 50, true);
        for (qsizetype at = 0; at < jpeg.size(); ++at) {
            QByteArray mangled = jpeg;
            mangled[at] = char(~quint8(mangled.at(at)));
            const JpegInfo info = JpegInfo::parse(mangled);
            QVERIFY(!info.valid || info.trailingBytes <= mangled.size());
        }
    }

    void loadingAppliesExifOrientation()
    {
        // Stored landscape with a red block top left; orientation 6 says "turn a quarter
        // clockwise to view", so upright it is portrait with the block top right.
        QImage stored = facePicture(600, 450);
        QPainter(&stored).fillRect(0, 0, 60, 60, Qt::red);
        const QByteArray jpeg = withExifOrientation(encoded(stored, "jpeg", 95), 6);

        const auto loaded = loadFacePhotoFromData(jpeg, QStringLiteral("phone.jpg"));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error()));
        const QImage &image = loaded.value();
        QCOMPARE(image.size(), QSize(450, 600));
        QVERIFY(isRed(image.pixel(image.width() - 20, 20)));
        QVERIFY(!isRed(image.pixel(20, 20)));
        QCOMPARE(image.format(), QImage::Format_RGB32);
        QVERIFY(image.textKeys().isEmpty());

        // Without the segment the same picture stays as stored.
        const auto plain = loadFacePhotoFromData(encoded(stored, "jpeg", 95), QStringLiteral("x"));
        QVERIFY(plain);
        QCOMPARE(plain.value().size(), QSize(600, 450));
        QVERIFY(isRed(plain.value().pixel(20, 20)));
    }

    void loadingReadsPng()
    {
        QImage picture = facePicture(500, 700).convertToFormat(QImage::Format_ARGB32);
        // A cut-out portrait: transparent corners must become white, not black.
        for (int y = 0; y < 30; ++y) {
            for (int x = 0; x < 30; ++x)
                picture.setPixel(x, y, qRgba(0, 0, 0, 0));
        }
        const auto loaded = loadFacePhotoFromData(encoded(picture, "png"), QStringLiteral("a.png"));
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error()));
        QCOMPARE(loaded.value().size(), QSize(500, 700));
        QCOMPARE(loaded.value().format(), QImage::Format_RGB32);
        QCOMPARE(loaded.value().pixel(5, 5), qRgb(255, 255, 255));
    }

    void loadingDetectsByContentNotName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A PNG that calls itself .jpg, and a JPEG without an extension.
        const QString png = dir.filePath(QStringLiteral("member.jpg"));
        const QString jpeg = dir.filePath(QStringLiteral("member"));
        const QString text = dir.filePath(QStringLiteral("notes.png"));
        for (const auto &[path, bytes] : {std::pair{png, encoded(facePicture(400, 500), "png")},
                                          std::pair{jpeg, encoded(facePicture(400, 500), "jpeg")},
                                          std::pair{text, QByteArray("member photo to follow")}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        const auto fromPng = loadFacePhoto(png);
        QVERIFY2(fromPng, qPrintable(fromPng ? QString() : fromPng.error()));
        QCOMPARE(fromPng.value().size(), QSize(400, 500));
        QVERIFY(loadFacePhoto(jpeg));

        const auto fromText = loadFacePhoto(text);
        QVERIFY(!fromText);
        QVERIFY2(fromText.error().contains(QStringLiteral("“notes.png”")),
                 qPrintable(fromText.error()));
        QVERIFY(fromText.error().contains(QStringLiteral("not a JPEG or PNG")));

        const auto missing = loadFacePhoto(dir.filePath(QStringLiteral("gone.jpg")));
        QVERIFY(!missing);
        QVERIFY2(missing.error().contains(QStringLiteral("“gone.jpg” cannot be opened")),
                 qPrintable(missing.error()));
    }

    void loadingRefusesSmallPhotos()
    {
        const auto small = loadFacePhotoFromData(encoded(facePicture(300, 200), "jpeg"),
                                                 QStringLiteral("small.jpg"));
        QVERIFY(!small);
        QVERIFY2(small.error().contains(QStringLiteral("“small.jpg” is 300 × 200 pixels")),
                 qPrintable(small.error()));
        QVERIFY(small.error().contains(QStringLiteral("at least 400 pixels")));

        // The shorter side decides, after the EXIF turn.
        QVERIFY(
            !loadFacePhotoFromData(encoded(facePicture(1200, 399), "png"), QStringLiteral("x")));
        QVERIFY(loadFacePhotoFromData(encoded(facePicture(1200, 400), "png"), QStringLiteral("x")));
        FacePhotoLimits relaxed;
        relaxed.minSide = 100;
        QVERIFY(loadFacePhotoFromData(encoded(facePicture(300, 200), "jpeg"), QStringLiteral("x"),
                                      relaxed));
    }

    void loadingRefusesDamagedFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const QByteArray jpeg = encoded(facePicture(500, 500), "jpeg");
        const QByteArray png = encoded(facePicture(500, 500), "png");
        QTest::addRow("garbage") << QByteArray("\x00\x01\x02garbage", 10)
                                 << QStringLiteral("not a JPEG or PNG");
        QTest::addRow("empty") << QByteArray() << QStringLiteral("not a JPEG or PNG");
        QTest::addRow("GIF") << QByteArray("GIF89a\x01\x00\x01\x00", 10)
                             << QStringLiteral("not a JPEG or PNG");
        QTest::addRow("JPEG cut in half")
            << jpeg.left(jpeg.size() / 2) << QStringLiteral("damaged or incomplete");
        QTest::addRow("JPEG header only")
            << jpeg.left(3) << QStringLiteral("damaged or incomplete");
        QTest::addRow("PNG cut in half")
            << png.left(png.size() / 2) << QStringLiteral("damaged or incomplete");
        QTest::addRow("PNG signature only")
            << png.left(8) << QStringLiteral("damaged or incomplete");
    }
    void loadingRefusesDamagedFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const auto loaded = loadFacePhotoFromData(bytes, QStringLiteral("upload.jpg"));
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().contains(QStringLiteral("“upload.jpg”")),
                 qPrintable(loaded.error()));
        QVERIFY2(loaded.error().contains(expected), qPrintable(loaded.error()));
    }

    void suggestedCropIsTheLargestSquare()
    {
        QCOMPARE(suggestedFaceCrop(QImage(1200, 800, QImage::Format_RGB32)),
                 QRect(200, 0, 800, 800));
        QCOMPARE(suggestedFaceCrop(QImage(500, 500, QImage::Format_RGB32)), QRect(0, 0, 500, 500));
        // Portrait: higher than centred, but not at the very top.
        const QRect portrait = suggestedFaceCrop(QImage(600, 900, QImage::Format_RGB32));
        QCOMPARE(portrait.size(), QSize(600, 600));
        QCOMPARE(portrait.x(), 0);
        QVERIFY(portrait.y() > 0);
        QVERIFY(portrait.y() < (900 - 600) / 2);
        QVERIFY(suggestedFaceCrop(QImage()).isEmpty());
    }

    void encodesALargePhotoForTheDoor()
    {
        const QImage photo = facePicture(4000, 3000);
        const FacePhotoLimits limits;
        const auto jpeg = encodeFacePhoto(photo, suggestedFaceCrop(photo), limits);
        QVERIFY2(jpeg, qPrintable(jpeg ? QString() : jpeg.error()));
        QVERIFY(jpeg.value().size() <= limits.maxBytes);
        QVERIFY(jpeg.value().size() < 200 * 1000);

        const JpegInfo info = JpegInfo::parse(jpeg.value());
        QVERIFY(info.valid);
        QCOMPARE(info.trailingBytes, 0);
        QVERIFY(info.isBaseline());
        QVERIFY(info.isChroma420());
        QVERIFY(!info.hasExif());
        QCOMPARE(info.metadataSegments, 0);
        QCOMPARE(info.width, limits.outputSide);
        QCOMPARE(info.height, limits.outputSide);

        // The face survives: the middle of the square is skin, not wall.
        QImage decoded;
        QVERIFY(decoded.loadFromData(jpeg.value(), "JPEG"));
        const QRgb middle = decoded.pixel(320, 250);
        QVERIFY2(qRed(middle) > qBlue(middle) + 40, qPrintable(QString::number(middle, 16)));
    }

    void stepsQualityDownForANoisyPicture()
    {
        const QImage grainy = grainyPicture(640);
        const FacePhotoLimits limits;
        // Proof that stepping is needed: the best quality does not fit.
        QVERIFY(encoded(grainy, "jpeg", 90).size() > limits.maxBytes);

        const auto jpeg = encodeFacePhoto(grainy, grainy.rect(), limits);
        QVERIFY2(jpeg, qPrintable(jpeg ? QString() : jpeg.error()));
        QVERIFY(jpeg.value().size() <= limits.maxBytes);
        // The highest quality that fits, not the lowest.
        QVERIFY(jpeg.value().size() > encoded(grainy, "jpeg", 60).size());
        const JpegInfo info = JpegInfo::parse(jpeg.value());
        QVERIFY(info.valid);
        QVERIFY(info.isChroma420());
    }

    void refusesWhatCannotFit()
    {
        FacePhotoLimits tight;
        tight.maxBytes = 20 * 1024;
        const QImage noise = noisePicture(640);
        const auto jpeg = encodeFacePhoto(noise, noise.rect(), tight);
        QVERIFY(!jpeg);
        QVERIFY2(jpeg.error().contains(QStringLiteral("smaller than 20 KB")),
                 qPrintable(jpeg.error()));
    }

    void clampsAndSquaresTheCrop()
    {
        const QImage photo = facePicture(1000, 800);
        // Reaching past the top left: clamped to 800 × 600 of the photo, then the centred
        // 600 square, kept at 600 because a crop is never scaled up.
        const auto jpeg = encodeFacePhoto(photo, QRect(-100, -100, 900, 700));
        QVERIFY2(jpeg, qPrintable(jpeg ? QString() : jpeg.error()));
        const JpegInfo info = JpegInfo::parse(jpeg.value());
        QCOMPARE(info.width, 600);
        QCOMPARE(info.height, 600);

        // A frame given corner to corner backwards is the same frame.
        const auto backwards = encodeFacePhoto(photo, QRect(QPoint(900, 700), QPoint(200, 0)));
        QVERIFY(backwards);
        QCOMPARE(JpegInfo::parse(backwards.value()).width, 640);

        const auto outside = encodeFacePhoto(photo, QRect(2000, 2000, 500, 500));
        QVERIFY(!outside);
        QVERIFY(!encodeFacePhoto(QImage(), QRect(0, 0, 500, 500)));
    }

    void refusesASmallCrop()
    {
        const QImage photo = facePicture(1000, 800);
        const auto jpeg = encodeFacePhoto(photo, QRect(100, 100, 300, 300));
        QVERIFY(!jpeg);
        QVERIFY2(jpeg.error().contains(QStringLiteral("300 × 300")), qPrintable(jpeg.error()));
        QVERIFY(jpeg.error().contains(QStringLiteral("400 × 400")));
    }

    void writesNoMetadata()
    {
        QImage photo = facePicture(800, 800);
        photo.setText(QStringLiteral("Description"), QStringLiteral("Anna Andersson, member 4711"));
        photo.setColorSpace(QColorSpace(QColorSpace::SRgb));
        QVERIFY(encoded(photo, "jpeg").contains("Anna Andersson")); // Qt would write it

        const auto jpeg = encodeFacePhoto(photo, photo.rect());
        QVERIFY(jpeg);
        QVERIFY(!jpeg.value().contains("Anna Andersson"));
        QCOMPARE(JpegInfo::parse(jpeg.value()).metadataSegments, 0);
    }

    void grayscaleBecomesColourJpeg()
    {
        const QImage gray = facePicture(500, 500).convertToFormat(QImage::Format_Grayscale8);
        const auto loaded = loadFacePhotoFromData(encoded(gray, "jpeg"), QStringLiteral("g"));
        QVERIFY(loaded);
        const auto jpeg = encodeFacePhoto(loaded.value(), loaded.value().rect());
        QVERIFY(jpeg);
        QVERIFY(JpegInfo::parse(jpeg.value()).isChroma420());
    }
};

QTEST_GUILESS_MAIN(TestFacePhoto)
#include "tst_facephoto.moc"
