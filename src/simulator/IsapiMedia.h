// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cis::sim {

// One part of a multipart/form-data body.
struct MultipartPart
{
    QString name;     // Content-Disposition's name
    QString fileName; // Content-Disposition's filename, empty when absent
    QByteArray contentType;
    QByteArray body;
};

// Splits a multipart/form-data body strictly the way isapi-events-credentials.md §3.2 says the
// terminal wants it: every line of the framing ends in CRLF and each part's headers end in
// "\r\n\r\n". A body with bare LF framing, a missing boundary or no closing delimiter gives
// nothing, which the face handlers answer as a missing FaceDataRecord part.
std::optional<QList<MultipartPart>> parseMultipart(const QByteArray &contentType,
                                                   const QByteArray &body);
// The boundary parameter of a multipart Content-Type, or empty.
QByteArray multipartBoundary(const QByteArray &contentType);
// A multipart/form-data body of these parts with this boundary, CRLF framed.
QByteArray buildMultipart(const QByteArray &boundary, const QList<MultipartPart> &parts);

// What the markers of a JPEG say, read without decoding it.
struct JpegMarkers
{
    bool wellFormed = false;  // SOI first, EOI last, markers well chained up to the scan
    bool progressive = false; // SOF2 (or another progressive SOF) instead of SOF0/SOF1
    int width = 0;
    int height = 0;
    int components = 0;
    // The sampling factors of the first component (luma) and the largest of the others.
    int lumaH = 0;
    int lumaV = 0;
    int chromaH = 0;
    int chromaV = 0;

    // Luma sampled at twice the chroma both ways: 4:2:0.
    bool isChroma420() const
    {
        return components == 3 && lumaH == 2 * chromaH && lumaV == 2 * chromaV;
    }
};

JpegMarkers readJpegMarkers(const QByteArray &data);

// The standard deviation of the picture's luminance (0..255) on a thumbnail, or nullopt when Qt
// cannot decode it. The simulator's stand-in for "the device found a face": a flat or nearly
// uniform picture has nothing a face model could be built from.
std::optional<double> luminanceSpread(const QByteArray &jpeg, int *width = nullptr,
                                      int *height = nullptr);

// A face-like 480x480 baseline 4:2:0 JPEG (an oval with eyes and a mouth on a gradient),
// drawn once: what the simulated camera "sees" when nobody hands it a picture. Empty when this
// Qt has no JPEG writer.
QByteArray demoFaceJpeg();

// A Mifare UID (the bytes as the reader gets them) as the decimal card number production tools
// write: the bytes read as one big-endian number, or little-endian when reversed, zero-padded
// to ten digits (isapi-events-credentials.md §2.2, S42). Which order a terminal's own reader
// uses is unknown [U].
QString cardNoFromUid(const QByteArray &uid, bool reverseBytes = false);

} // namespace cis::sim
