// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "IsapiHandlers.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace cis::sim::isapi {

// The face library (/ISAPI/Intelligent/FDLib, isapi-events-credentials.md §3), written from the
// document. Choices it leaves open, made here [U]:
// - Only the blackFD library (FDID "1") takes faces; every client found uses it. Another
//   faceLibType or FDID is badParameters naming the field.
// - A multipart body whose framing is not CRLF, or whose first part is not named
//   FaceDataRecord, is MessageParametersLack "FaceDataRecord"; a JSON part that does not parse
//   is badJsonFormat. Without faceURL and without an image part (named img or FaceImage) it is
//   MessageParametersLack "FaceImage". FDSetUp and FaceDataRecord also take the JSON alone as
//   the body (application/json), for faceURL and deleteFP.
// - Checks run in this order: fields, deleteFP, the person (FPID = employeeNo), an existing
//   face (FaceDataRecord only), then the picture. A rejected picture leaves the library as it
//   was, so FDSetUp keeps the old face (S32).
// - Success is {"statusCode":1,...,"FPID":"<FPID>"} (S1 §6.1.8), or without FPID when
//   faceWriteReturnsFpid is off; no real success body was found.
// - Count with FDID and faceLibType answers the same list with that one library; clients read
//   FDRecordDataInfo[0] either way.

// Fetches a device-local picture URL (faceURL mode); nullopt when the device holds none there.
using LocalPictureFetch = std::function<std::optional<QByteArray>(const QString &url)>;

IsapiReply faceLibraryCapabilities(const IsapiRules &rules);
IsapiReply faceLibraries();
// POST FaceDataRecord (setUp false) or PUT FDSetUp (setUp true). fpid is set to the FPID the
// request named, for the write audit.
IsapiReply writeFace(IsapiDeviceModel &model, const QByteArray &contentType, const QByteArray &body,
                     bool setUp, const IsapiRules &rules, const LocalPictureFetch &fetch,
                     QString &fpid);
IsapiReply searchFaces(const IsapiDeviceModel &model, const QJsonObject &body,
                       const IsapiRules &rules);
// FDID and faceLibType from the query; both empty: every library.
IsapiReply countFaces(const IsapiDeviceModel &model, const QString &fdid,
                      const QString &faceLibType);
IsapiReply deleteFaces(IsapiDeviceModel &model, const QString &fdid, const QString &faceLibType,
                       const QJsonObject &body, QStringList &fpids);

// The picture checks of §3.4: ok, or what the terminal answers.
IsapiStatus checkFacePicture(const QByteArray &jpeg, const IsapiRules &rules);

// HTTP 400, statusCode 6, errorCode 1610612791, errorMsg "saveFacePic" (S35, S32).
IsapiStatus subpicAnalysisModelingError();
// S32, live: the person already has a face. errorCode invented.
IsapiStatus deviceUserAlreadyExistFace();
// S36: the device could not fetch faceURL. errorCode invented.
IsapiStatus urlDownloadFail();

} // namespace cis::sim::isapi
