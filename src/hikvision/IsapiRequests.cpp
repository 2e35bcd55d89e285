// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiRequests.h"

#include "HikvisionLogging.h"
#include "IsapiParsers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTextBoundaryFinder>

// The translation context of this file's messages, the same for lupdate and at run time.
struct IsapiRequestsTexts
{
    Q_DECLARE_TR_FUNCTIONS(IsapiRequestsTexts)
};

namespace cis {
namespace isapi {

namespace {

using Kind = HikvisionError::Kind;

HikvisionError refused(const QString &detail, const Person *person = nullptr)
{
    HikvisionError error;
    error.kind = Kind::RefusedRequest;
    error.detail = detail;
    if (person) {
        error.employeeNo = person->employeeNo;
        error.personName = person->name;
    }
    return error;
}

QString memberPhrase(const Person &person)
{
    if (person.name.isEmpty())
        return IsapiRequestsTexts::tr("member %1").arg(person.employeeNo);
    return IsapiRequestsTexts::tr("member %1 (%2)").arg(person.name, person.employeeNo);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonArray idList(const IdBatch &batch)
{
    const QString key = batch.kind() == IdBatch::Kind::EmployeeNo ? QStringLiteral("employeeNo")
                                                                  : QStringLiteral("cardNo");
    QJsonArray list;
    for (const QString &id : batch.ids())
        list.append(QJsonObject{{key, id}});
    return list;
}

QString listKey(const IdBatch &batch)
{
    return batch.kind() == IdBatch::Kind::EmployeeNo ? QStringLiteral("EmployeeNoList")
                                                     : QStringLiteral("CardNoList");
}

// Delete conditions must never go out without ids: the terminal reads that as "all".
QByteArray deleteBody(const char *root, const IdBatch &batch)
{
    Q_ASSERT_X(!batch.ids().isEmpty(), "isapi::deleteBody",
               "an empty delete list would wipe the terminal");
    if (batch.ids().isEmpty())
        return {}; // the client refuses to send an empty body
    return compact(
        QJsonObject{{QLatin1String(root), QJsonObject{{listKey(batch), idList(batch)}}}});
}

QByteArray searchBody(const char *root, const QString &searchId, int position, int maxResults,
                      const std::optional<IdBatch> &filter)
{
    QJsonObject condition{{QStringLiteral("searchID"), searchId},
                          {QStringLiteral("searchResultPosition"), position},
                          {QStringLiteral("maxResults"), maxResults}};
    if (filter) {
        Q_ASSERT(!filter->ids().isEmpty());
        condition.insert(listKey(*filter), idList(*filter));
    }
    return compact(QJsonObject{{QLatin1String(root), condition}});
}

qsizetype utf8Size(QStringView text)
{
    return text.toUtf8().size();
}

std::optional<HikvisionError> checkEmployeeNo(const Person &person,
                                              const UserCapabilities &capabilities)
{
    const qsizetype bytes = utf8Size(person.employeeNo);
    if (person.employeeNo.trimmed().isEmpty())
        return refused(IsapiRequestsTexts::tr("the employee number is empty"), &person);
    if (person.employeeNo.trimmed() != person.employeeNo)
        return refused(
            IsapiRequestsTexts::tr("the employee number \"%1\" has leading or trailing spaces")
                .arg(person.employeeNo),
            &person);
    if (bytes < capabilities.employeeNoLength.min || bytes > capabilities.employeeNoLength.max)
        return refused(IsapiRequestsTexts::tr(
                           "the employee number \"%1\" is %2 bytes long; the terminal takes %3 to "
                           "%4")
                           .arg(person.employeeNo)
                           .arg(bytes)
                           .arg(capabilities.employeeNoLength.min)
                           .arg(capabilities.employeeNoLength.max),
                       &person);
    return std::nullopt;
}

QJsonObject validObject(const ClampedValidity &validity, const DeviceProfile &profile)
{
    const bool withOffset = profile.usesUtcTimes();
    QJsonObject valid{{QStringLiteral("enable"), validity.enabled},
                      {QStringLiteral("beginTime"), formatDeviceTime(validity.begin, withOffset)},
                      {QStringLiteral("endTime"), formatDeviceTime(validity.end, withOffset)}};
    if (profile.sendTimeType)
        valid.insert(QStringLiteral("timeType"), profile.timeType);
    return valid;
}

// Fits one name field into its byte limit and says so when it had to shorten it.
QString fittedName(const QString &raw, int maxBytes, const Person &person, const QString &field,
                   const QString &host, QStringList *warnings)
{
    const TruncatedText fitted = truncateUtf8(raw.simplified(), maxBytes);
    if (fitted.truncated) {
        const QString warning =
            IsapiRequestsTexts::tr(
                "The %1 of %2 was shortened to \"%3\" to fit the %4-byte limit of the door "
                "terminal at %5.")
                .arg(field, memberPhrase(person), fitted.text)
                .arg(maxBytes)
                .arg(host);
        qCInfo(lcHikvision).noquote() << warning;
        warnings->append(warning);
    }
    return fitted.text;
}

quint16 bigEndian16(const QByteArray &data, qsizetype at)
{
    return quint16((quint8(data.at(at)) << 8) | quint8(data.at(at + 1)));
}

bool isRestartOrStuffing(quint8 marker)
{
    return marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7);
}

// Where the JPEG that starts with the SOI at `start` ends (just after its EOI), walking the
// segments by their lengths, so that an EXIF thumbnail's own SOI..EOI inside APP1 is skipped
// and the EOI found is the one after the last scan.
std::optional<qsizetype> jpegEnd(const QByteArray &data, qsizetype start)
{
    const qsizetype size = data.size();
    qsizetype at = start + 2;
    bool scanSeen = false;
    for (;;) {
        if (at + 1 >= size || quint8(data.at(at)) != 0xFF)
            return std::nullopt;
        while (at + 1 < size && quint8(data.at(at + 1)) == 0xFF)
            ++at; // fill bytes
        if (at + 1 >= size)
            return std::nullopt;
        const quint8 marker = quint8(data.at(at + 1));
        at += 2;
        if (marker == 0xD9)
            return scanSeen ? std::optional<qsizetype>(at) : std::nullopt;
        if (marker == 0xD8)
            return std::nullopt;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue;
        if (at + 2 > size)
            return std::nullopt;
        const quint16 length = bigEndian16(data, at);
        if (length < 2 || at + length > size)
            return std::nullopt;
        at += length;
        if (marker != 0xDA)
            continue;
        // Entropy-coded data: it ends at the first 0xFF that is neither stuffing, a restart
        // marker nor fill.
        scanSeen = true;
        while (at + 1 < size) {
            if (quint8(data.at(at)) == 0xFF) {
                const quint8 next = quint8(data.at(at + 1));
                if (next == 0xFF) {
                    ++at;
                    continue;
                }
                if (!isRestartOrStuffing(next))
                    break;
                at += 2;
                continue;
            }
            ++at;
        }
    }
}

// Whether text can go into a quoted Content-Disposition parameter as it is.
bool framable(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c == QLatin1Char('"') || c == QLatin1Char('\\') ||
            c.unicode() == 0x7F)
            return false;
    }
    return true;
}

} // namespace

Expected<QList<IdBatch>, HikvisionError> splitIntoBatches(const QStringList &ids,
                                                          IdBatch::Kind kind, int maxSize)
{
    if (ids.isEmpty())
        return refused(kind == IdBatch::Kind::EmployeeNo
                           ? IsapiRequestsTexts::tr(
                                 "the list of employee numbers is empty; the terminal would take "
                                 "an empty list as \"every person\"")
                           : IsapiRequestsTexts::tr(
                                 "the list of card numbers is empty; the terminal would take an "
                                 "empty list as \"every card\""));
    QStringList unique;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (id.trimmed().isEmpty())
            return refused(IsapiRequestsTexts::tr("the list holds an empty number"));
        if (!seen.contains(id)) {
            seen.insert(id);
            unique.append(id);
        }
    }
    const int size = qMax(1, maxSize);
    QList<IdBatch> batches;
    for (qsizetype start = 0; start < unique.size(); start += size)
        batches.append(IdBatch(kind, unique.mid(start, size)));
    return batches;
}

QByteArray userInfoDeleteBody(const IdBatch &employeeNos)
{
    Q_ASSERT(employeeNos.kind() == IdBatch::Kind::EmployeeNo);
    return deleteBody("UserInfoDelCond", employeeNos);
}

QByteArray cardInfoDeleteBody(const IdBatch &batch)
{
    return deleteBody("CardInfoDelCond", batch);
}

QByteArray userInfoSearchBody(const QString &searchId, int position, int maxResults,
                              const std::optional<IdBatch> &filter)
{
    Q_ASSERT(!filter || filter->kind() == IdBatch::Kind::EmployeeNo);
    return searchBody("UserInfoSearchCond", searchId, position, maxResults, filter);
}

QByteArray cardInfoSearchBody(const QString &searchId, int position, int maxResults,
                              const std::optional<IdBatch> &filter)
{
    return searchBody("CardInfoSearchCond", searchId, position, maxResults, filter);
}

QByteArray acsEventSearchBody(const QString &searchId, int position,
                              std::optional<qint64> beginSerialNo, int maxResults)
{
    QJsonObject condition{{QStringLiteral("searchID"), searchId},
                          {QStringLiteral("searchResultPosition"), position},
                          {QStringLiteral("maxResults"), maxResults},
                          {QStringLiteral("major"), 0},
                          {QStringLiteral("minor"), 0}};
    if (beginSerialNo) {
        condition.insert(QStringLiteral("beginSerialNo"),
                         QJsonValue(qMax<qint64>(1, *beginSerialNo)));
        condition.insert(QStringLiteral("endSerialNo"), QJsonValue(kAcsEventEndSerialNo));
    }
    return compact(QJsonObject{{QStringLiteral("AcsEventCond"), condition}});
}

QByteArray acsEventTotalNumBody()
{
    return compact(
        QJsonObject{{QStringLiteral("AcsEventTotalNumCond"),
                     QJsonObject{{QStringLiteral("major"), 0}, {QStringLiteral("minor"), 0}}}});
}

TruncatedText truncateUtf8(const QString &text, int maxBytes)
{
    const QString normalized = text.normalized(QString::NormalizationForm_C);
    if (utf8Size(normalized) <= maxBytes)
        return {normalized, false};
    if (maxBytes <= 0)
        return {QString(), !normalized.isEmpty()};

    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, normalized);
    qsizetype cut = 0;
    for (qsizetype boundary = graphemes.toNextBoundary(); boundary > 0;
         boundary = graphemes.toNextBoundary()) {
        if (utf8Size(QStringView(normalized).left(boundary)) > maxBytes)
            break;
        cut = boundary;
    }
    QString shortened = normalized.left(cut);
    while (!shortened.isEmpty() && shortened.back().isSpace())
        shortened.chop(1);
    return {shortened, true};
}

Expected<ClampedValidity, HikvisionError> clampValidity(const PersonValidity &validity,
                                                        const UserCapabilities &capabilities)
{
    const QDateTime rangeBegin = capabilities.validTimeRangeBegin;
    const QDateTime rangeEnd = capabilities.validTimeRangeEnd;
    ClampedValidity result;
    result.enabled = validity.enabled;

    auto wholeSecondsLocal = [](QDateTime time) {
        if (time.timeSpec() != Qt::LocalTime)
            time = time.toLocalTime();
        return time.addMSecs(-time.time().msec());
    };
    if (validity.begin.isValid() && validity.end.isValid()) {
        result.begin = wholeSecondsLocal(validity.begin);
        result.end = wholeSecondsLocal(validity.end);
    } else if (validity.enabled) {
        return refused(IsapiRequestsTexts::tr("the validity has no begin or no end time"));
    } else {
        // "Always valid" still needs times the terminal accepts.
        result.begin = rangeBegin;
        result.end = rangeEnd;
    }

    if (result.begin < rangeBegin) {
        result.adjustments << IsapiRequestsTexts::tr(
            "begin raised to the terminal's earliest time");
        result.begin = rangeBegin;
    } else if (result.begin > rangeEnd) {
        result.adjustments << IsapiRequestsTexts::tr("begin lowered to the terminal's latest time");
        result.begin = rangeEnd;
    }
    if (result.end > rangeEnd) {
        result.adjustments << IsapiRequestsTexts::tr("end lowered to the terminal's latest time");
        result.end = rangeEnd;
    } else if (result.end < rangeBegin) {
        result.adjustments << IsapiRequestsTexts::tr("end raised to the terminal's earliest time");
        result.end = rangeBegin;
    }

    if (result.begin >= result.end) {
        result.reordered = true;
        const QDateTime oneSecondBeforeEnd = result.end.addSecs(-1);
        if (oneSecondBeforeEnd >= rangeBegin) {
            result.adjustments << IsapiRequestsTexts::tr("begin moved to one second before end");
            result.begin = oneSecondBeforeEnd;
        } else {
            result.adjustments << IsapiRequestsTexts::tr("end moved to one second after begin");
            result.begin = rangeBegin;
            result.end = rangeBegin.addSecs(1);
        }
        if (result.end > rangeEnd || result.begin >= result.end)
            return refused(IsapiRequestsTexts::tr(
                "the terminal's time range is too small for a validity window"));
    }
    return result;
}

Expected<PersonWrite, HikvisionError> userInfoBody(const Person &person,
                                                   const UserCapabilities &capabilities,
                                                   const DeviceProfile &profile,
                                                   const QString &host)
{
    if (const auto problem = checkEmployeeNo(person, capabilities))
        return *problem;
    const auto validity = clampValidity(person.validity, capabilities);
    if (!validity) {
        HikvisionError error = validity.error();
        error.employeeNo = person.employeeNo;
        error.personName = person.name;
        return error;
    }

    PersonWrite write;
    QJsonObject info{{QStringLiteral("employeeNo"), person.employeeNo}};
    const QString name = fittedName(person.name, capabilities.nameLength.max, person,
                                    IsapiRequestsTexts::tr("name"), host, &write.warnings);
    if (name.isEmpty() && capabilities.nameLength.min > 0)
        return refused(IsapiRequestsTexts::tr("the name is empty and the terminal requires one"),
                       &person);
    info.insert(QStringLiteral("name"), name);

    if (profile.sendGivenAndFamilyName) {
        QString given = person.givenName;
        QString family = person.familyName;
        if (given.isEmpty() && family.isEmpty()) {
            // Split "First Middle Last" before the last word; a single word is a given name.
            const QString simplified = person.name.simplified();
            const qsizetype space = simplified.lastIndexOf(QLatin1Char(' '));
            given = space < 0 ? simplified : simplified.left(space);
            family = space < 0 ? QString() : simplified.mid(space + 1);
        }
        info.insert(QStringLiteral("givenName"),
                    fittedName(given, capabilities.givenNameLength.max, person,
                               IsapiRequestsTexts::tr("given name"), host, &write.warnings));
        info.insert(QStringLiteral("familyName"),
                    fittedName(family, capabilities.familyNameLength.max, person,
                               IsapiRequestsTexts::tr("family name"), host, &write.warnings));
    }

    if (profile.sendUserType) {
        const QString userType = person.userType.isEmpty() ? profile.userType : person.userType;
        if (!capabilities.userTypeOptions.isEmpty() &&
            !capabilities.userTypeOptions.contains(userType, Qt::CaseInsensitive))
            return refused(
                IsapiRequestsTexts::tr(
                    "the terminal does not offer the person type \"%1\" (it offers %2)")
                    .arg(userType, capabilities.userTypeOptions.join(QStringLiteral(", "))),
                &person);
        info.insert(QStringLiteral("userType"), userType);
    }

    info.insert(QStringLiteral("Valid"), validObject(validity.value(), profile));
    if (validity.value().reordered) {
        qCInfo(lcHikvision).noquote()
            << "validity of" << person.employeeNo
            << "adjusted:" << validity.value().adjustments.join(QStringLiteral("; "));
    }

    if (profile.sendDoorRight)
        info.insert(QStringLiteral("doorRight"),
                    person.doorRight.isEmpty() ? profile.doorRight : person.doorRight);
    if (profile.sendRightPlan) {
        QList<DoorPlan> plans = person.rightPlans;
        if (plans.isEmpty())
            plans.append(DoorPlan{profile.rightPlanDoorNo, profile.rightPlanTemplateNo});
        if (capabilities.rightPlanMaxSize > 0 && plans.size() > capabilities.rightPlanMaxSize) {
            const QString warning =
                IsapiRequestsTexts::tr(
                    "Only %1 of the %2 door plans of %3 were sent: the door terminal at %4 takes "
                    "no more.")
                    .arg(capabilities.rightPlanMaxSize)
                    .arg(plans.size())
                    .arg(memberPhrase(person), host);
            qCInfo(lcHikvision).noquote() << warning;
            write.warnings.append(warning);
            plans = plans.mid(0, capabilities.rightPlanMaxSize);
        }
        QJsonArray rightPlan;
        for (const DoorPlan &plan : plans)
            rightPlan.append(QJsonObject{{QStringLiteral("doorNo"), plan.doorNo},
                                         {QStringLiteral("planTemplateNo"), plan.planTemplateNo}});
        info.insert(QStringLiteral("RightPlan"), rightPlan);
    }

    write.body = compact(QJsonObject{{QStringLiteral("UserInfo"), info}});
    return write;
}

Expected<PersonWrite, HikvisionError> userInfoValidityBody(const Person &person,
                                                           const UserCapabilities &capabilities,
                                                           const DeviceProfile &profile,
                                                           const QString &host)
{
    Q_UNUSED(host)
    if (const auto problem = checkEmployeeNo(person, capabilities))
        return *problem;
    const auto validity = clampValidity(person.validity, capabilities);
    if (!validity) {
        HikvisionError error = validity.error();
        error.employeeNo = person.employeeNo;
        error.personName = person.name;
        return error;
    }
    if (validity.value().reordered) {
        qCInfo(lcHikvision).noquote()
            << "validity of" << person.employeeNo
            << "adjusted:" << validity.value().adjustments.join(QStringLiteral("; "));
    }
    PersonWrite write;
    write.body = compact(QJsonObject{
        {QStringLiteral("UserInfo"),
         QJsonObject{{QStringLiteral("employeeNo"), person.employeeNo},
                     {QStringLiteral("Valid"), validObject(validity.value(), profile)}}}});
    return write;
}

Expected<QByteArray, HikvisionError> cardInfoRecordBody(const Card &card,
                                                        const UserCapabilities &capabilities)
{
    Person owner;
    owner.employeeNo = card.employeeNo;
    if (const auto problem = checkEmployeeNo(owner, capabilities))
        return *problem;
    const qsizetype cardBytes = utf8Size(card.cardNo);
    if (card.cardNo.trimmed().isEmpty() || card.cardNo.trimmed() != card.cardNo ||
        cardBytes > kMaxCardNoBytes)
        return refused(IsapiRequestsTexts::tr(
                           "the card number \"%1\" is empty, has spaces around it or is longer "
                           "than %2 bytes")
                           .arg(card.cardNo)
                           .arg(kMaxCardNoBytes),
                       &owner);
    return compact(QJsonObject{
        {QStringLiteral("CardInfo"),
         QJsonObject{{QStringLiteral("employeeNo"), card.employeeNo},
                     {QStringLiteral("cardNo"), card.cardNo},
                     {QStringLiteral("cardType"),
                      card.cardType.isEmpty() ? QStringLiteral("normalCard") : card.cardType}}}});
}

Expected<QByteArray, HikvisionError> trimmedJpeg(const QByteArray &data)
{
    static const QByteArray soi("\xFF\xD8\xFF", 3);
    for (qsizetype start = data.indexOf(soi); start >= 0; start = data.indexOf(soi, start + 1)) {
        if (const std::optional<qsizetype> end = jpegEnd(data, start))
            return data.mid(start, *end - start);
    }
    return refused(IsapiRequestsTexts::tr("the picture is not a complete JPEG file"));
}

QByteArray newMultipartBoundary()
{
    quint32 words[4];
    QRandomGenerator::global()->fillRange(words);
    return "CisFaceBoundary" +
           QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

QByteArray faceDataRecordJson(const QString &employeeNo, const QString &faceUrl)
{
    QJsonObject record{{QStringLiteral("faceLibType"), QLatin1String(kFaceLibType)},
                       {QStringLiteral("FDID"), QLatin1String(kFaceLibraryId)},
                       {QStringLiteral("FPID"), employeeNo}};
    if (!faceUrl.isEmpty())
        record.insert(QStringLiteral("faceURL"), faceUrl);
    return compact(record);
}

Expected<MultipartBody, HikvisionError>
faceMultipartBody(const QString &employeeNo, const QByteArray &jpeg, const QString &imagePartName,
                  const QString &faceUrl, QByteArray boundary)
{
    if (!framable(employeeNo) || employeeNo.trimmed() != employeeNo)
        return refused(IsapiRequestsTexts::tr("the employee number \"%1\" cannot be sent with a "
                                              "face picture")
                           .arg(employeeNo));
    if (!framable(imagePartName))
        return refused(IsapiRequestsTexts::tr("no name for the picture part"));
    QByteArray picture;
    if (!jpeg.isEmpty() || faceUrl.isEmpty()) {
        const auto trimmed = trimmedJpeg(jpeg);
        if (!trimmed)
            return trimmed.error();
        picture = trimmed.value();
    }
    const QByteArray json = faceDataRecordJson(employeeNo, faceUrl);
    const auto contains = [&](const QByteArray &candidate) {
        return candidate.isEmpty() || json.contains(candidate) || picture.contains(candidate);
    };
    while (contains(boundary))
        boundary = newMultipartBoundary();

    MultipartBody result;
    result.contentType = "multipart/form-data; boundary=" + boundary;
    QByteArray &body = result.body;
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"FaceDataRecord\"\r\n";
    body += "Content-Type: application/json\r\n\r\n";
    body += json + "\r\n";
    if (!picture.isEmpty()) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + imagePartName.toUtf8() +
                "\"; filename=\"" + employeeNo.toUtf8() + ".jpg\"\r\n";
        body += "Content-Type: image/jpeg\r\n\r\n";
        body += picture + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return result;
}

QByteArray faceSearchBody(const QString &employeeNo, int position, int maxResults)
{
    return compact(QJsonObject{{QStringLiteral("searchResultPosition"), position},
                               {QStringLiteral("maxResults"), maxResults},
                               {QStringLiteral("faceLibType"), QLatin1String(kFaceLibType)},
                               {QStringLiteral("FDID"), QLatin1String(kFaceLibraryId)},
                               {QStringLiteral("FPID"), employeeNo}});
}

QByteArray faceDeleteBody(const IdBatch &employeeNos)
{
    Q_ASSERT(employeeNos.kind() == IdBatch::Kind::EmployeeNo);
    Q_ASSERT_X(!employeeNos.ids().isEmpty(), "isapi::faceDeleteBody",
               "an empty delete list could mean every face");
    if (employeeNos.ids().isEmpty())
        return {};
    QJsonArray list;
    for (const QString &id : employeeNos.ids())
        list.append(QJsonObject{{QStringLiteral("value"), id}});
    return compact(QJsonObject{{QStringLiteral("FPID"), list}});
}

QByteArray captureFaceDataBody(bool binary)
{
    return QByteArrayLiteral("<CaptureFaceDataCond version=\"2.0\" "
                             "xmlns=\"http://www.isapi.org/ver20/XMLSchema\">"
                             "<captureInfrared>false</captureInfrared><dataType>") +
           (binary ? QByteArrayLiteral("binary") : QByteArrayLiteral("url")) +
           QByteArrayLiteral("</dataType></CaptureFaceDataCond>");
}

} // namespace isapi
} // namespace cis
