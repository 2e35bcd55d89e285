// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "FacePhoto.h"

#include "JpegInfo.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

// The translation context of this file's messages, the same for lupdate and at run time.
struct FacePhotoTexts
{
    Q_DECLARE_TR_FUNCTIONS(FacePhotoTexts)
};

namespace cis {

namespace {

// Far above any camera's JPEG or a photo's PNG; a larger file is not a photo of a face and
// is not worth reading into memory.
constexpr qint64 kMaxFileBytes = 128 * 1024 * 1024;

constexpr int kBestQuality = 90;
constexpr int kWorstQuality = 50;
constexpr int kQualityStep = 5;

const char kJpeg[] = "jpeg";
const char kPng[] = "png";

const char *formatByContent(const QByteArray &bytes)
{
    if (bytes.startsWith(QByteArrayView("\xFF\xD8\xFF")))
        return kJpeg;
    if (bytes.startsWith(QByteArrayView("\x89PNG\r\n\x1A\n")))
        return kPng;
    return nullptr;
}

QString damaged(const QString &name)
{
    return FacePhotoTexts::tr("“%1” is damaged or incomplete and cannot be read as a photo. "
                              "Copy it from the camera or phone again.")
        .arg(name);
}

// Opaque RGB32 in sRGB with nothing attached: the terminals know nothing of transparency or
// colour profiles, and text keys (comments, EXIF descriptions) must not travel to the door.
QImage plainRgb(const QImage &source)
{
    QImage image = source;
    if (image.colorSpace().isValid() && image.colorSpace() != QColorSpace(QColorSpace::SRgb)) {
        image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        image.convertToColorSpace(QColorSpace(QColorSpace::SRgb));
    }
    if (image.hasAlphaChannel()) {
        // Transparent parts would otherwise turn black; a pale background is what a face
        // photo has.
        QImage flat(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
        painter.end();
        image = flat;
    } else {
        image.convertTo(QImage::Format_RGB32);
    }
    // A view of the same pixels has no text, colour space or other metadata; copy() detaches
    // it from the buffer it views.
    const QImage view(image.constBits(), image.width(), image.height(), image.bytesPerLine(),
                      QImage::Format_RGB32);
    return view.copy();
}

QString verifyForDoor(const JpegInfo &info, int side)
{
    if (!info.valid || info.trailingBytes != 0)
        return FacePhotoTexts::tr("not a complete JPEG");
    if (!info.isBaseline())
        return FacePhotoTexts::tr("not baseline");
    if (!info.isChroma420())
        return FacePhotoTexts::tr("colour not sampled 4:2:0");
    if (info.hasExif() || info.metadataSegments != 0)
        return FacePhotoTexts::tr("carries metadata");
    if (info.width != side || info.height != side)
        return FacePhotoTexts::tr("wrong size");
    return {};
}

} // namespace

Expected<QImage, QString> loadFacePhoto(const QString &path, const FacePhotoLimits &limits)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return FacePhotoTexts::tr("“%1” cannot be opened: %2").arg(name, file.errorString());
    }
    if (file.size() > kMaxFileBytes) {
        return FacePhotoTexts::tr("“%1” is %2 MB, too large for a photo. Use a JPEG or PNG "
                                  "photo straight from a camera or phone.")
            .arg(name)
            .arg(file.size() / (1024 * 1024));
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return FacePhotoTexts::tr("“%1” cannot be read: %2").arg(name, file.errorString());
    return loadFacePhotoFromData(bytes, name, limits);
}

Expected<QImage, QString> loadFacePhotoFromData(const QByteArray &bytes, const QString &displayName,
                                                const FacePhotoLimits &limits)
{
    const char *format = formatByContent(bytes);
    if (!format) {
        return FacePhotoTexts::tr("“%1” is not a JPEG or PNG photo. Save the photo as JPEG or "
                                  "PNG and choose it again.")
            .arg(displayName);
    }
    // A cut-off JPEG still decodes, with the missing part grey; refuse it before decoding.
    if (format == kJpeg && !JpegInfo::parse(bytes).valid)
        return damaged(displayName);

    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, format);
    reader.setAutoDetectImageFormat(false);
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    // QImageReader refuses pictures over its allocation limit with a message of its own; say
    // what the desk can do about it instead.
    if (stored.isValid() && reader.allocationLimit() > 0 &&
        qint64(stored.width()) * stored.height() * 4 >
            qint64(reader.allocationLimit()) * 1024 * 1024) {
        return FacePhotoTexts::tr("“%1” is %2 × %3 pixels, too large to open. Save a smaller "
                                  "copy of it (a few thousand pixels across is plenty).")
            .arg(displayName)
            .arg(stored.width())
            .arg(stored.height());
    }
    const QImage image = reader.read();
    if (image.isNull())
        return damaged(displayName);
    if (qMin(image.width(), image.height()) < limits.minSide) {
        return FacePhotoTexts::tr("“%1” is %2 × %3 pixels, too small for the door to recognise "
                                  "a face. Use a sharp, front-facing, well-lit photo that is at "
                                  "least %4 pixels wide and high.")
            .arg(displayName)
            .arg(image.width())
            .arg(image.height())
            .arg(limits.minSide);
    }
    return plainRgb(image);
}

QRect suggestedFaceCrop(const QImage &image)
{
    if (image.isNull())
        return {};
    const int side = qMin(image.width(), image.height());
    const int x = (image.width() - side) / 2;
    // A third of the spare height above the square instead of a half: in a head-and-shoulders
    // portrait the face is above the middle.
    const int y = (image.height() - side) / 3;
    return {x, y, side, side};
}

Expected<QByteArray, QString> encodeFacePhoto(const QImage &image, const QRect &crop,
                                              const FacePhotoLimits &limits)
{
    if (image.isNull())
        return FacePhotoTexts::tr("There is no photo to convert.");
    const QRect area = crop.normalized() & image.rect();
    if (area.isEmpty())
        return FacePhotoTexts::tr("The chosen frame lies outside the photo.");
    const int side = qMin(area.width(), area.height());
    if (side < limits.minSide) {
        return FacePhotoTexts::tr("The framed part of the photo is %1 × %1 pixels; the door "
                                  "needs at least %2 × %2 to recognise a face. Make the frame "
                                  "larger or use a larger photo.")
            .arg(side)
            .arg(limits.minSide);
    }
    const QRect square(area.x() + (area.width() - side) / 2, area.y() + (area.height() - side) / 2,
                       side, side);
    QImage picture = image.copy(square);
    if (side > limits.outputSide) {
        picture = picture.scaled(limits.outputSide, limits.outputSide, Qt::IgnoreAspectRatio,
                                 Qt::SmoothTransformation);
    }
    picture = plainRgb(picture);

    if (!QImageWriter::supportedImageFormats().contains(kJpeg)) {
        return FacePhotoTexts::tr("This computer cannot write JPEG pictures: Qt's JPEG image "
                                  "plug-in is missing. Reinstall the program.");
    }

    QString problem;
    for (int quality = kBestQuality; quality >= kWorstQuality; quality -= kQualityStep) {
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, kJpeg);
        writer.setQuality(quality);
        writer.setOptimizedWrite(true); // smaller Huffman tables, still baseline
        writer.setProgressiveScanWrite(false);
        if (!writer.write(picture)) {
            return FacePhotoTexts::tr("The photo could not be converted to JPEG: %1")
                .arg(writer.errorString());
        }
        if (jpeg.size() > limits.maxBytes)
            continue;
        // Qt 6.4's writer gives 4:2:0 at every quality, but it has no option to ask for it;
        // should a later one switch to 4:4:4 at high qualities, a lower one still qualifies.
        problem = verifyForDoor(JpegInfo::parse(jpeg), picture.width());
        if (problem.isEmpty())
            return jpeg;
    }
    if (!problem.isEmpty()) {
        return FacePhotoTexts::tr("The JPEG made for the door is not one it accepts (%1). "
                                  "Please report this.")
            .arg(problem);
    }
    return FacePhotoTexts::tr("The photo cannot be made smaller than %1 KB without spoiling it. "
                              "Use a sharper photo with a plainer background.")
        .arg(limits.maxBytes / 1024);
}

} // namespace cis
