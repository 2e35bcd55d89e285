// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiMedia.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <algorithm>
#include <cmath>

namespace cis::sim {

namespace {

QByteArray unquoted(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.mid(1, value.size() - 2);
    return value;
}

// The value of one parameter of a header such as Content-Type or Content-Disposition.
QByteArray headerParameter(const QByteArray &header, const QByteArray &name)
{
    const QList<QByteArray> pieces = header.split(';');
    for (qsizetype i = 1; i < pieces.size(); ++i) {
        const QByteArray piece = pieces.at(i).trimmed();
        const qsizetype equals = piece.indexOf('=');
        if (equals > 0 && piece.left(equals).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return unquoted(piece.mid(equals + 1));
    }
    return {};
}

std::optional<MultipartPart> parsePart(const QByteArray &content)
{
    const qsizetype headerEnd = content.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return std::nullopt;
    MultipartPart part;
    const QByteArray head = content.left(headerEnd);
    // Strict CRLF: a bare LF inside the headers means the sender framed with LF alone.
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if ((i + 1 < lines.size()) != lines.at(i).endsWith('\r'))
            return std::nullopt;
    }
    for (const QByteArray &rawLine : lines) {
        const QByteArray line = rawLine.endsWith('\r') ? rawLine.chopped(1) : rawLine;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Content-Disposition", Qt::CaseInsensitive) == 0) {
            part.name = QString::fromUtf8(headerParameter(value, "name"));
            part.fileName = QString::fromUtf8(headerParameter(value, "filename"));
        } else if (name.compare("Content-Type", Qt::CaseInsensitive) == 0) {
            part.contentType = value;
        }
    }
    part.body = content.mid(headerEnd + 4);
    return part;
}

quint16 bigEndian16(const QByteArray &data, qsizetype at)
{
    return quint16((quint8(data.at(at)) << 8) | quint8(data.at(at + 1)));
}

bool isStartOfFrame(quint8 marker)
{
    // C0..CF except DHT (C4), JPG (C8) and DAC (CC).
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

bool isProgressiveFrame(quint8 marker)
{
    return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
}

QByteArray drawDemoFace()
{
    QImage image(480, 480, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient background(0, 0, 0, 480);
    background.setColorAt(0, QColor(70, 90, 120));
    background.setColorAt(1, QColor(180, 190, 205));
    painter.fillRect(image.rect(), background);
    // Shoulders, neck, hair, face, eyes, nose and mouth: enough contrast and structure that the
    // picture is anything but flat.
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(40, 60, 110));
    painter.drawEllipse(QRectF(60, 380, 360, 220));
    painter.setBrush(QColor(214, 170, 140));
    painter.drawRect(QRectF(205, 300, 70, 100));
    painter.setBrush(QColor(60, 40, 25));
    painter.drawEllipse(QRectF(125, 55, 230, 200));
    QRadialGradient skin(QPointF(225, 200), 150);
    skin.setColorAt(0, QColor(245, 210, 180));
    skin.setColorAt(1, QColor(200, 150, 120));
    painter.setBrush(skin);
    painter.drawEllipse(QRectF(140, 90, 200, 250));
    for (const qreal x : {180.0, 260.0}) {
        painter.setBrush(Qt::white);
        painter.drawEllipse(QRectF(x, 175, 42, 24));
        painter.setBrush(QColor(50, 35, 20));
        painter.drawEllipse(QRectF(x + 13, 179, 16, 16));
    }
    painter.setPen(QPen(QColor(150, 100, 80), 4));
    painter.drawLine(QPointF(240, 205), QPointF(230, 255));
    painter.setPen(QPen(QColor(160, 60, 60), 6));
    QPainterPath mouth;
    mouth.moveTo(200, 285);
    mouth.quadTo(240, 310, 280, 285);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(mouth);
    painter.end();

    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(85);
    if (!writer.write(image))
        return {};
    return jpeg;
}

} // namespace

QByteArray multipartBoundary(const QByteArray &contentType)
{
    if (!contentType.trimmed().startsWith("multipart/form-data"))
        return {};
    return headerParameter(contentType, "boundary");
}

std::optional<QList<MultipartPart>> parseMultipart(const QByteArray &contentType,
                                                   const QByteArray &body)
{
    const QByteArray boundary = multipartBoundary(contentType);
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    const QByteArray separator = "\r\n" + delimiter;
    if (!body.startsWith(QByteArray(delimiter + "\r\n")))
        return std::nullopt;
    QList<MultipartPart> parts;
    qsizetype position = delimiter.size() + 2;
    for (;;) {
        const qsizetype next = body.indexOf(separator, position);
        if (next < 0)
            return std::nullopt;
        std::optional<MultipartPart> part = parsePart(body.mid(position, next - position));
        if (!part)
            return std::nullopt;
        parts.append(std::move(*part));
        position = next + 2 + delimiter.size();
        if (body.mid(position, 2) == "--")
            return parts;
        if (body.mid(position, 2) != "\r\n")
            return std::nullopt;
        position += 2;
    }
}

QByteArray buildMultipart(const QByteArray &boundary, const QList<MultipartPart> &parts)
{
    QByteArray body;
    for (const MultipartPart &part : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" +
                part.name.toUtf8() + '"';
        if (!part.fileName.isEmpty())
            body += "; filename=\"" + part.fileName.toUtf8() + '"';
        body += "\r\n";
        if (!part.contentType.isEmpty())
            body += "Content-Type: " + part.contentType + "\r\n";
        body += "Content-Length: " + QByteArray::number(part.body.size()) + "\r\n\r\n";
        body += part.body + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

JpegMarkers readJpegMarkers(const QByteArray &data)
{
    JpegMarkers info;
    if (data.size() < 4 || quint8(data.at(0)) != 0xFF || quint8(data.at(1)) != 0xD8)
        return info;
    bool frameSeen = false;
    qsizetype at = 2;
    while (at + 1 < data.size()) {
        if (quint8(data.at(at)) != 0xFF)
            return info;
        while (at + 1 < data.size() && quint8(data.at(at + 1)) == 0xFF)
            ++at; // fill bytes
        if (at + 1 >= data.size())
            return info;
        const quint8 marker = quint8(data.at(at + 1));
        at += 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // no length
        if (marker == 0xD8 || marker == 0xD9)
            return info; // a second SOI, or EOI before any scan
        if (at + 2 > data.size())
            return info;
        const quint16 length = bigEndian16(data, at);
        if (length < 2 || at + length > data.size())
            return info;
        if (isStartOfFrame(marker)) {
            if (length < 8)
                return info;
            info.progressive = isProgressiveFrame(marker);
            info.height = bigEndian16(data, at + 3);
            info.width = bigEndian16(data, at + 5);
            info.components = quint8(data.at(at + 7));
            if (length < 8 + 3 * info.components)
                return info;
            for (int c = 0; c < info.components; ++c) {
                const quint8 factors = quint8(data.at(at + 8 + 3 * c + 1));
                const int h = factors >> 4;
                const int v = factors & 0x0F;
                if (c == 0) {
                    info.lumaH = h;
                    info.lumaV = v;
                } else {
                    info.chromaH = std::max(info.chromaH, h);
                    info.chromaV = std::max(info.chromaV, v);
                }
            }
            frameSeen = true;
        }
        if (marker == 0xDA) {
            // The entropy-coded data follows; the file must end right at its EOI. Anything
            // after it (or before the SOI) is what S33's device rejected.
            info.wellFormed = frameSeen && quint8(data.at(data.size() - 2)) == 0xFF &&
                              quint8(data.at(data.size() - 1)) == 0xD9;
            return info;
        }
        at += length;
    }
    return info;
}

std::optional<double> luminanceSpread(const QByteArray &jpeg, int *width, int *height)
{
    QImage image;
    if (!image.loadFromData(jpeg, "JPEG") || image.isNull())
        return std::nullopt;
    if (width)
        *width = image.width();
    if (height)
        *height = image.height();
    const QImage thumbnail = image.scaled(64, 64, Qt::IgnoreAspectRatio, Qt::FastTransformation)
                                 .convertToFormat(QImage::Format_Grayscale8);
    double sum = 0;
    double squares = 0;
    const int count = thumbnail.width() * thumbnail.height();
    for (int y = 0; y < thumbnail.height(); ++y) {
        const uchar *line = thumbnail.constScanLine(y);
        for (int x = 0; x < thumbnail.width(); ++x) {
            sum += line[x];
            squares += double(line[x]) * line[x];
        }
    }
    const double mean = sum / count;
    return std::sqrt(std::max(0.0, squares / count - mean * mean));
}

QByteArray demoFaceJpeg()
{
    static const QByteArray face = drawDemoFace();
    return face;
}

QString cardNoFromUid(const QByteArray &uid, bool reverseBytes)
{
    quint64 value = 0;
    for (qsizetype i = 0; i < std::min<qsizetype>(uid.size(), 8); ++i) {
        const qsizetype at = reverseBytes ? uid.size() - 1 - i : i;
        value = (value << 8) | quint8(uid.at(at));
    }
    return QString::number(value).rightJustified(10, u'0');
}

} // namespace cis::sim
