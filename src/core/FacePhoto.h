// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QImage>
#include <QRect>
#include <QString>

// Turns whatever photo the desk has of a member into a face picture an access terminal will
// model. The terminals' rules are only known from the field (docs
// isapi-events-credentials.md §3.4, §3.5): a picture they dislike comes back as
// SubpicAnalysisModelingError or a misleading badJsonFormat, so everything is checked here,
// before the upload. A face picture is biometric data: these functions keep it in memory,
// never write it to disk and never log its bytes.
//
// Only QtGui's image classes are used, which work under a QCoreApplication: the command line
// calls this without a GUI.

namespace cis {

struct FacePhotoLimits
{
    // §3.4: four independent sources put the upload limit at 200 KB, and one device answers a
    // larger picture with a misleading badJsonFormat. Whether a firmware means 200 000 or
    // 204 800 bytes is unknown, so stay under both with a margin, as the client in S33 does
    // with its 185 KB ceiling.
    qint64 maxBytes = 180 * 1024;
    // §3.4 (S33): pictures under about 400 px fail face modelling (PicFeaturePoints,
    // SubpicAnalysisModelingError) although the documented minimum is 80 px. Counted in
    // source pixels of the square crop, because scaling a smaller crop up adds no detail.
    int minSide = 400;
    // The square picture sent to the door. Enough detail to model a face framed from
    // forehead to chin, and small enough that a quality near 90 fits in maxBytes for an
    // ordinary photo (S33 sends at most 900 px, S35 suggests 320 px). A smaller crop is
    // sent as it is, never scaled up.
    int outputSide = 640;
};

// JPEG or PNG, recognised by content whatever the file is called, turned upright by its EXIF
// orientation and converted to opaque RGB32 in sRGB. Fails, with a message naming the file for
// the desk, when the file cannot be read, is neither format, is damaged or cut short, or is
// smaller than limits.minSide on its shorter side.
Expected<QImage, QString> loadFacePhoto(const QString &path, const FacePhotoLimits &limits = {});
// The same for bytes already in memory; displayName names them in messages.
Expected<QImage, QString> loadFacePhotoFromData(const QByteArray &bytes, const QString &displayName,
                                                const FacePhotoLimits &limits = {});

// The largest square that fits, centred, and in a portrait photo moved up a little, where the
// face of a head-and-shoulders picture usually is. Empty for an empty image.
QRect suggestedFaceCrop(const QImage &image);

// The crop, clamped to the image and made square (the largest square centred in it), scaled
// down to limits.outputSide, as a baseline JPEG with 4:2:0 chroma and no metadata, at the
// highest quality from 90 down to 50 that fits in limits.maxBytes. Fails with a message for
// the desk when the crop is smaller than limits.minSide or the picture cannot be made to fit.
Expected<QByteArray, QString> encodeFacePhoto(const QImage &image, const QRect &crop,
                                              const FacePhotoLimits &limits = {});

} // namespace cis
