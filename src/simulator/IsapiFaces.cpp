// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiFaces.h"

#include "IsapiMedia.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace cis::sim::isapi {

namespace {

using Check = std::optional<IsapiStatus>;

const QString kBlackFd = QStringLiteral("blackFD");
const QString kInfraredFd = QStringLiteral("infraredFD");

IsapiStatus statusOf(int code, const char *text, const char *sub, qint64 errorCode,
                     const char *errorMsg)
{
    IsapiStatus status;
    status.statusCode = code;
    status.statusString = QLatin1String(text);
    status.subStatusCode = QLatin1String(sub);
    status.errorCode = errorCode;
    status.errorMsg = QLatin1String(errorMsg);
    return status;
}

// A ResponseStatus OK with data beside it, the way FDLib answers (JSON_FPLibCap & co).
QJsonObject okWith(QJsonObject data)
{
    const QJsonObject ok = IsapiStatus::ok().toJson();
    for (auto it = ok.begin(); it != ok.end(); ++it)
        data.insert(it.key(), it.value());
    return data;
}

// A required string field: MessageParametersLack when absent, badJsonContent when not a string.
Check requiredString(const QJsonObject &object, const char *name, QString &out)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull())
        return IsapiStatus::messageParametersLack(QLatin1String(name));
    if (!value.isString())
        return IsapiStatus::badJsonContent(QLatin1String(name));
    out = value.toString();
    return {};
}

Check requiredInt(const QJsonObject &object, const char *name, qint64 &out)
{
    const QJsonValue value = object.value(QLatin1String(name));
    if (value.isUndefined() || value.isNull())
        return IsapiStatus::messageParametersLack(QLatin1String(name));
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number)
        return IsapiStatus::badJsonContent(QLatin1String(name));
    out = qint64(number);
    return {};
}

// faceLibType and FDID must name the blackFD library.
Check checkLibrary(const QString &faceLibType, const QString &fdid)
{
    if (faceLibType != kBlackFd)
        return IsapiStatus::badParameters(QStringLiteral("faceLibType"));
    if (fdid != QLatin1String("1"))
        return IsapiStatus::badParameters(QStringLiteral("FDID"));
    return {};
}

struct FaceRequest
{
    QJsonObject fields;
    std::optional<QByteArray> picture;
};

Check readFaceRequest(const QByteArray &contentType, const QByteArray &body, FaceRequest &out)
{
    QByteArray json = body;
    if (contentType.trimmed().startsWith("multipart/")) {
        const std::optional<QList<MultipartPart>> parts = parseMultipart(contentType, body);
        // S1 and S32: the first part is the JSON and its name "must be set" to FaceDataRecord.
        if (!parts || parts->isEmpty() || parts->first().name != QLatin1String("FaceDataRecord"))
            return IsapiStatus::messageParametersLack(QStringLiteral("FaceDataRecord"));
        json = parts->first().body;
        for (qsizetype i = 1; i < parts->size(); ++i) {
            const MultipartPart &part = parts->at(i);
            // S32 names the picture img, S1 and S33 FaceImage.
            if (part.name == QLatin1String("img") || part.name == QLatin1String("FaceImage")) {
                out.picture = part.body;
                break;
            }
        }
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return IsapiStatus::badJsonFormat();
    out.fields = document.object();
    return {};
}

QJsonObject matchJson(const DevicePerson *person, const QString &fpid, const DeviceFace &face,
                      const IsapiRules &rules)
{
    return QJsonObject{
        {QStringLiteral("FPID"), fpid},
        {QStringLiteral("faceURL"), QString(rules.deviceUrl + enrolledFacePath(face))},
        {QStringLiteral("name"), person ? person->name : QString()},
        {QStringLiteral("isInLibrary"), QStringLiteral("yes")}};
}

QJsonObject libraryCount(const char *fdid, const QString &type, int count)
{
    return QJsonObject{{QStringLiteral("FDID"), QLatin1String(fdid)},
                       {QStringLiteral("faceLibType"), type},
                       {QStringLiteral("name"), QString()},
                       {QStringLiteral("recordDataNumber"), count}};
}

} // namespace

IsapiStatus subpicAnalysisModelingError()
{
    return IsapiStatus::invalidContent(QStringLiteral("SubpicAnalysisModelingError"), 1610612791,
                                       QStringLiteral("saveFacePic"));
}

IsapiStatus deviceUserAlreadyExistFace()
{
    return IsapiStatus::invalidContent(QStringLiteral("deviceUserAlreadyExistFace"), 0x6000F010,
                                       QStringLiteral("FPID"));
}

IsapiStatus urlDownloadFail()
{
    return IsapiStatus::invalidContent(QStringLiteral("urlDownloadFail"), 0x6000F011,
                                       QStringLiteral("faceURL"));
}

IsapiStatus checkFacePicture(const QByteArray &jpeg, const IsapiRules &rules)
{
    if (jpeg.size() > rules.facePictureMaxBytes) {
        // S33: "photos >200KB are rejected (misleading badJsonFormat "faceURL" error)".
        if (!rules.oversizeIsBadJsonFormat)
            return subpicAnalysisModelingError();
        return statusOf(5, "Invalid Format", "badJsonFormat", 0x50000002, "faceURL");
    }
    // Markers first: not a JPEG, bytes outside SOI...EOI (S33), progressive, not 4:2:0 (S34).
    const JpegMarkers info = readJpegMarkers(jpeg);
    if (!info.wellFormed)
        return subpicAnalysisModelingError();
    if (rules.rejectProgressiveJpeg && info.progressive)
        return subpicAnalysisModelingError();
    if (rules.requireChroma420 && !info.isChroma420())
        return subpicAnalysisModelingError();
    int width = 0;
    int height = 0;
    const std::optional<double> spread = luminanceSpread(jpeg, &width, &height);
    if (!spread)
        return subpicAnalysisModelingError();
    // S29 and S47: at least 80 px; S33: under ~400 px on the longest side fails modelling.
    if (std::min(width, height) < rules.faceMinShortSide ||
        std::max(width, height) < rules.faceMinLongSide)
        return subpicAnalysisModelingError();
    // "No usable face": a flat or nearly uniform picture (the luminance's standard deviation
    // below the threshold) gives the model nothing to work with. A deterministic stand-in for
    // the terminal's face detector.
    if (*spread < rules.faceMinLuminanceSpread)
        return subpicAnalysisModelingError();
    return IsapiStatus::ok();
}

IsapiReply faceLibraryCapabilities(const IsapiRules &rules)
{
    // JSON_FPLibCap (S1 §6.1.114) with the DS-K1T321MFWX's values (S37); FDRecordDataMaxNum
    // equals maxRecordNum as on the S29 device.
    return IsapiReply::data(okWith(QJsonObject{
        {QStringLiteral("FDNameMaxLen"), 64},
        {QStringLiteral("customInfoMaxLen"), 256},
        {QStringLiteral("FDMaxNum"), 3},
        {QStringLiteral("FDRecordDataMaxNum"), rules.limits.maxRecordNum},
        {QStringLiteral("supportFDFunction"), QStringLiteral("post,delete,put,get,setUp")},
        {QStringLiteral("faceLibType"), QStringLiteral("blackFD,staticFD,infraredFD")},
        {QStringLiteral("isSupportModelData"), false},
        {QStringLiteral("faceURLLen"), 1024},
    }));
}

IsapiReply faceLibraries()
{
    // The two libraries a terminal creates at initialisation (S1 §4.4.4; S32 live).
    QJsonArray libraries;
    libraries.append(QJsonObject{{QStringLiteral("FDID"), QStringLiteral("1")},
                                 {QStringLiteral("faceLibType"), kBlackFd},
                                 {QStringLiteral("name"), QString()},
                                 {QStringLiteral("customInfo"), QString()}});
    libraries.append(QJsonObject{{QStringLiteral("FDID"), QStringLiteral("2")},
                                 {QStringLiteral("faceLibType"), kInfraredFd},
                                 {QStringLiteral("name"), QString()},
                                 {QStringLiteral("customInfo"), QString()}});
    return IsapiReply::data(okWith(QJsonObject{{QStringLiteral("FDLib"), libraries}}));
}

IsapiReply writeFace(IsapiDeviceModel &model, const QByteArray &contentType, const QByteArray &body,
                     bool setUp, const IsapiRules &rules, const LocalPictureFetch &fetch,
                     QString &fpid)
{
    FaceRequest request;
    if (Check error = readFaceRequest(contentType, body, request))
        return IsapiReply::of(*error);
    QString faceLibType;
    QString fdid;
    if (Check error = requiredString(request.fields, "faceLibType", faceLibType))
        return IsapiReply::of(*error);
    if (Check error = requiredString(request.fields, "FDID", fdid))
        return IsapiReply::of(*error);
    // "The employee No. is required" (S1 §5.4.8): FPID carries it.
    if (Check error = requiredString(request.fields, "FPID", fpid))
        return IsapiReply::of(*error);
    if (Check error = checkLibrary(faceLibType, fdid))
        return IsapiReply::of(*error);
    const QJsonValue deleteFp = request.fields.value(QLatin1String("deleteFP"));
    if (setUp && !deleteFp.isUndefined() && !deleteFp.isNull() && !deleteFp.isBool())
        return IsapiReply::of(IsapiStatus::badJsonContent(QStringLiteral("deleteFP")));
    if (setUp && deleteFp.toBool()) {
        // "The success response message will be returned no matter whether deleting
        // succeeded or not" (S1 §5.4.8).
        model.removeFace(fpid);
        return IsapiReply::of(IsapiStatus::ok());
    }
    if (!model.contains(fpid))
        return IsapiReply::of(missingPerson(rules.missingPersonError));
    if (!setUp && model.hasFace(fpid))
        return IsapiReply::of(deviceUserAlreadyExistFace());

    QByteArray picture;
    const QJsonValue faceUrl = request.fields.value(QLatin1String("faceURL"));
    if (!faceUrl.isUndefined() && !faceUrl.isNull()) {
        if (!faceUrl.isString())
            return IsapiReply::of(IsapiStatus::badJsonContent(QStringLiteral("faceURL")));
        // S36: only a picture the device itself holds could be fetched.
        const std::optional<QByteArray> fetched = fetch ? fetch(faceUrl.toString()) : std::nullopt;
        if (!fetched)
            return IsapiReply::of(urlDownloadFail());
        picture = *fetched;
    } else if (request.picture) {
        picture = *request.picture;
    } else {
        return IsapiReply::of(IsapiStatus::messageParametersLack(QStringLiteral("FaceImage")));
    }
    const IsapiStatus verdict = checkFacePicture(picture, rules);
    if (!verdict.isOk())
        return IsapiReply::of(verdict);
    model.setFace(fpid, picture);
    if (!rules.faceWriteReturnsFpid)
        return IsapiReply::of(IsapiStatus::ok());
    return IsapiReply::data(okWith(QJsonObject{{QStringLiteral("FPID"), fpid}}));
}

IsapiReply searchFaces(const IsapiDeviceModel &model, const QJsonObject &body,
                       const IsapiRules &rules)
{
    // JSON_FDSearchCond (S1 §6.1.136), a flat object.
    qint64 position = 0;
    qint64 maxResults = 0;
    QString faceLibType;
    QString fdid;
    if (Check error = requiredInt(body, "searchResultPosition", position))
        return IsapiReply::of(*error);
    if (Check error = requiredInt(body, "maxResults", maxResults))
        return IsapiReply::of(*error);
    if (Check error = requiredString(body, "faceLibType", faceLibType))
        return IsapiReply::of(*error);
    if (Check error = requiredString(body, "FDID", fdid))
        return IsapiReply::of(*error);
    if (Check error = checkLibrary(faceLibType, fdid))
        return IsapiReply::of(*error);
    if (position < 0)
        return IsapiReply::of(IsapiStatus::badParameters(QStringLiteral("searchResultPosition")));
    if (maxResults < 1)
        return IsapiReply::of(IsapiStatus::badParameters(QStringLiteral("maxResults")));
    const QJsonValue wanted = body.value(QLatin1String("FPID"));
    if (!wanted.isUndefined() && !wanted.isNull() && !wanted.isString())
        return IsapiReply::of(IsapiStatus::badJsonContent(QStringLiteral("FPID")));

    QStringList matched;
    for (const QString &fpid : model.faceIds()) {
        if (wanted.isString() && !wanted.toString().isEmpty() && wanted.toString() != fpid)
            continue;
        matched.append(fpid);
    }
    const qint64 total = matched.size();
    const qint64 start = std::min(position, total);
    const qint64 count =
        std::min<qint64>(std::min<qint64>(maxResults, rules.limits.maxResults), total - start);
    // S1 §6.1.137 spells the empty answer "NO MATCHES" (UserInfo's is "NO MATCH").
    QString state = QStringLiteral("OK");
    if (count == 0)
        state = QStringLiteral("NO MATCHES");
    else if (start + count < total)
        state = QStringLiteral("MORE");
    QJsonObject answer{{QStringLiteral("responseStatusStrg"), state},
                       {QStringLiteral("searchResultPosition"), start},
                       {QStringLiteral("numOfMatches"), count},
                       {QStringLiteral("totalMatches"), total}};
    if (count > 0) {
        QJsonArray list;
        for (qint64 i = start; i < start + count; ++i) {
            const QString &fpid = matched.at(qsizetype(i));
            const std::optional<DevicePerson> person = model.person(fpid);
            list.append(matchJson(person ? &*person : nullptr, fpid, *model.face(fpid), rules));
        }
        answer.insert(QStringLiteral("MatchList"), list);
    }
    return IsapiReply::data(okWith(answer));
}

IsapiReply countFaces(const IsapiDeviceModel &model, const QString &fdid,
                      const QString &faceLibType)
{
    QJsonArray libraries;
    if ((fdid.isEmpty() || fdid == QLatin1String("1")) &&
        (faceLibType.isEmpty() || faceLibType == kBlackFd))
        libraries.append(libraryCount("1", kBlackFd, model.faceCount()));
    if ((fdid.isEmpty() || fdid == QLatin1String("2")) &&
        (faceLibType.isEmpty() || faceLibType == kInfraredFd))
        libraries.append(libraryCount("2", kInfraredFd, 0));
    if (libraries.isEmpty())
        return IsapiReply::of(IsapiStatus::badParameters(QStringLiteral("FDID")));
    return IsapiReply::data(okWith(QJsonObject{{QStringLiteral("FDRecordDataInfo"), libraries}}));
}

IsapiReply deleteFaces(IsapiDeviceModel &model, const QString &fdid, const QString &faceLibType,
                       const QJsonObject &body, QStringList &fpids)
{
    if (fdid.isEmpty())
        return IsapiReply::of(IsapiStatus::messageParametersLack(QStringLiteral("FDID")));
    if (faceLibType.isEmpty())
        return IsapiReply::of(IsapiStatus::messageParametersLack(QStringLiteral("faceLibType")));
    if (Check error = checkLibrary(faceLibType, fdid))
        return IsapiReply::of(*error);
    // S1 §6.1.88: {"FPID":[{"value":"<employeeNo>"}, ...]}, a batch.
    const QJsonValue list = body.value(QLatin1String("FPID"));
    if (list.isUndefined() || list.isNull())
        return IsapiReply::of(IsapiStatus::messageParametersLack(QStringLiteral("FPID")));
    if (!list.isArray())
        return IsapiReply::of(IsapiStatus::badJsonContent(QStringLiteral("FPID")));
    for (const QJsonValue &item : list.toArray()) {
        const QJsonValue value = item.toObject().value(QLatin1String("value"));
        if (!value.isString())
            return IsapiReply::of(IsapiStatus::badJsonContent(QStringLiteral("value")));
        fpids.append(value.toString());
    }
    for (const QString &fpid : std::as_const(fpids))
        model.removeFace(fpid);
    return IsapiReply::of(IsapiStatus::ok());
}

} // namespace cis::sim::isapi
