// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "HikvisionError.h"

#include <QCoreApplication>
#include <QRegularExpression>

// The translation context of this file's messages, the same for lupdate and at run time.
struct HikvisionErrorTexts
{
    Q_DECLARE_TR_FUNCTIONS(HikvisionErrorTexts)
};

namespace cis {

namespace {

// "member Anna Svensson (1042)", "member 1042", or empty when the call concerned nobody.
QString memberPhrase(const QString &name, const QString &employeeNo)
{
    if (!name.isEmpty() && !employeeNo.isEmpty())
        return HikvisionErrorTexts::tr("member %1 (%2)").arg(name, employeeNo);
    if (!employeeNo.isEmpty())
        return HikvisionErrorTexts::tr("member %1").arg(employeeNo);
    if (!name.isEmpty())
        return HikvisionErrorTexts::tr("member %1").arg(name);
    return {};
}

// The terminal's own words, e.g. "employeeNoAlreadyExist, errorMsg checkUser".
QString statusPhrase(const HikvisionError &e)
{
    QString text = e.subStatusCode.isEmpty() ? e.statusString : e.subStatusCode;
    if (text.isEmpty() && e.httpStatus > 0)
        text = QStringLiteral("HTTP %1").arg(e.httpStatus);
    if (!e.errorMsg.isEmpty() && e.errorMsg != e.subStatusCode)
        text = HikvisionErrorTexts::tr("%1, about \"%2\"").arg(text, e.errorMsg);
    return text;
}

QString subjectSuffix(const HikvisionError &e)
{
    const QString member = memberPhrase(e.personName, e.employeeNo);
    return member.isEmpty() ? QString() : HikvisionErrorTexts::tr(" for %1").arg(member);
}

} // namespace

QString fingerprintText(const QByteArray &sha256)
{
    return QString::fromLatin1(sha256.toHex(':').toUpper());
}

QByteArray fingerprintFromText(const QString &text)
{
    QString hex = text;
    hex.remove(QRegularExpression(QStringLiteral("[\\s:]")));
    static const QRegularExpression hexOnly(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!hexOnly.match(hex).hasMatch())
        return {};
    return QByteArray::fromHex(hex.toLatin1());
}

bool HikvisionError::isTransient() const
{
    switch (kind) {
    case Kind::NonceKeptExpiring:
    case Kind::DeviceBusy:
    case Kind::DeviceError:
    case Kind::Timeout:
    case Kind::HostUnreachable:
    case Kind::Network:
    case Kind::MalformedResponse: // a truncated body is the usual cause
        return true;
    case Kind::WrongCredentials:
    case Kind::LockedOut: // ends by itself, but only after the time in lockSecondsLeft
    case Kind::AuthenticationUnsupported:
    case Kind::UntrustedCertificate:
    case Kind::Tls:
    case Kind::RebootRequired:
    case Kind::NotActivated:
    case Kind::AccessDenied:
    case Kind::NotSupported:
    case Kind::AlreadyExists:
    case Kind::DoesNotExist:
    case Kind::InvalidContent:
    case Kind::DeviceFull:
    case Kind::UnexpectedResponse:
    case Kind::RefusedRequest:
        return false;
    }
    return false;
}

qint64 HikvisionError::lockMinutesLeft() const
{
    if (lockSecondsLeft < 0)
        return -1;
    return (lockSecondsLeft + 59) / 60;
}

QString HikvisionError::certificateFingerprint() const
{
    return fingerprintText(certificateSha256);
}

QString HikvisionError::message() const
{
    const QString subject = subjectSuffix(*this);
    // Only for face calls: employeeNoNotExist after a person write needs no photo advice.
    if (call.contains(QLatin1String("/Intelligent/FDLib/"))) {
        const QString advice = faceErrorAdvice(*this);
        if (!advice.isEmpty())
            return HikvisionErrorTexts::tr("The door terminal at %1 did not take the face%2. %3")
                .arg(host, subject, advice);
    }
    QString text;
    switch (kind) {
    case Kind::WrongCredentials:
        if (!detail.isEmpty())
            text = HikvisionErrorTexts::tr(
                       "The door terminal at %1 kept refusing the login (%2). No further attempt "
                       "is made until the credentials in the settings are changed.")
                       .arg(host, detail);
        else if (attemptsLeft == 0)
            text = HikvisionErrorTexts::tr(
                       "The door terminal at %1 rejected the username or password. It will lock "
                       "the account at the next failed attempt, so no further attempt is made "
                       "until the credentials in the settings are changed.")
                       .arg(host);
        else if (attemptsLeft > 0)
            text = HikvisionErrorTexts::tr(
                       "The door terminal at %1 rejected the username or password; %n attempt(s) "
                       "left before it locks the account. No further attempt is made until the "
                       "credentials in the settings are changed.",
                       nullptr, attemptsLeft)
                       .arg(host);
        else
            text = HikvisionErrorTexts::tr(
                       "The door terminal at %1 rejected the username or password. No further "
                       "attempt is made until the credentials in the settings are changed.")
                       .arg(host);
        break;
    case Kind::LockedOut:
        if (lockSecondsLeft >= 0)
            text = HikvisionErrorTexts::tr(
                       "The door terminal at %1 has locked the account after too many failed "
                       "logins, for %n more minute(s). Nothing is sent to it until then.",
                       nullptr, int(lockMinutesLeft()))
                       .arg(host);
        else
            text = HikvisionErrorTexts::tr(
                       "The door terminal at %1 has locked the account after too many failed "
                       "logins. Nothing is sent to it until the lock ends.")
                       .arg(host);
        break;
    case Kind::AuthenticationUnsupported:
        text = HikvisionErrorTexts::tr(
                   "The door terminal at %1 asks for a login method this program does not "
                   "support: %2")
                   .arg(host, detail);
        break;
    case Kind::NonceKeptExpiring:
        text = HikvisionErrorTexts::tr(
                   "The door terminal at %1 kept asking for a new login during %2%3 (its login "
                   "nonce expired each time); that is not a wrong password. It will be tried "
                   "again later.")
                   .arg(host, call, subject);
        break;
    case Kind::UntrustedCertificate:
        if (pinnedCertificateMismatch)
            text = HikvisionErrorTexts::tr(
                       "The door terminal at %1 presented a different HTTPS certificate "
                       "(SHA-256 %2) from the one pinned in the settings. Nothing was sent. If "
                       "the terminal's certificate was replaced on purpose, pin the new one.")
                       .arg(host, certificateFingerprint());
        else
            text = HikvisionErrorTexts::tr(
                       "The HTTPS certificate of the door terminal at %1 is not trusted (%2). "
                       "If this is the terminal's own certificate, pin its SHA-256 fingerprint "
                       "%3 in the settings.")
                       .arg(host, detail, certificateFingerprint());
        break;
    case Kind::Tls:
        text =
            HikvisionErrorTexts::tr("The secure connection to the door terminal at %1 failed: %2")
                .arg(host, detail);
        break;
    case Kind::Timeout:
        // With an HTTP answer the terminal did answer, only never with the result (a face
        // capture that saw no face): the detail says what did not happen.
        if (httpStatus > 0 && !detail.isEmpty())
            text = HikvisionErrorTexts::tr("The door terminal at %1 did not complete %2 in time: "
                                           "%3.")
                       .arg(host, call, detail);
        else
            text = HikvisionErrorTexts::tr("The door terminal at %1 did not answer %2 in time.")
                       .arg(host, call);
        break;
    case Kind::HostUnreachable:
        text = HikvisionErrorTexts::tr(
                   "Cannot reach the door terminal at %1: %2. Check the address and the network.")
                   .arg(host, detail);
        break;
    case Kind::Network:
        text = HikvisionErrorTexts::tr(
                   "The connection to the door terminal at %1 failed during %2: %3")
                   .arg(host, call, detail);
        break;
    case Kind::DeviceBusy:
        text = HikvisionErrorTexts::tr(
                   "The door terminal at %1 was busy and did not carry out %2%3. It will be tried "
                   "again later.")
                   .arg(host, call, subject);
        break;
    case Kind::DeviceError:
        text = HikvisionErrorTexts::tr(
                   "The door terminal at %1 had an internal error during %2%3 (%4). It will be "
                   "tried again later.")
                   .arg(host, call, subject, statusPhrase(*this));
        break;
    case Kind::RebootRequired:
        text = HikvisionErrorTexts::tr(
                   "The door terminal at %1 must be restarted before it accepts %2.")
                   .arg(host, call);
        break;
    case Kind::NotActivated:
        text = HikvisionErrorTexts::tr(
                   "The door terminal at %1 has not been activated. Activate it (set its admin "
                   "password) with Hikvision's tools first.")
                   .arg(host);
        break;
    case Kind::AccessDenied:
        text = HikvisionErrorTexts::tr(
                   "The account used for the door terminal at %1 may not do %2 (%3). Use an "
                   "administrator account.")
                   .arg(host, call, statusPhrase(*this));
        break;
    case Kind::NotSupported:
        text = HikvisionErrorTexts::tr("The door terminal at %1 does not support %2 (%3).")
                   .arg(host, call, statusPhrase(*this));
        break;
    case Kind::AlreadyExists:
        text = HikvisionErrorTexts::tr("The door terminal at %1 already has %2 (%3).")
                   .arg(host,
                        memberPhrase(personName, employeeNo).isEmpty()
                            ? HikvisionErrorTexts::tr("this record")
                            : memberPhrase(personName, employeeNo),
                        statusPhrase(*this));
        break;
    case Kind::DoesNotExist:
        text = HikvisionErrorTexts::tr("The door terminal at %1 does not have %2 (%3).")
                   .arg(host,
                        memberPhrase(personName, employeeNo).isEmpty()
                            ? HikvisionErrorTexts::tr("this record")
                            : memberPhrase(personName, employeeNo),
                        statusPhrase(*this));
        break;
    case Kind::InvalidContent:
        if (!errorMsg.isEmpty())
            text = HikvisionErrorTexts::tr(
                       "The door terminal at %1 rejected %2%3: the field \"%4\" is missing or "
                       "not acceptable (%5).")
                       .arg(host, call, subject, errorMsg,
                            subStatusCode.isEmpty() ? statusString : subStatusCode);
        else
            text = HikvisionErrorTexts::tr("The door terminal at %1 rejected %2%3 as invalid (%4).")
                       .arg(host, call, subject, statusPhrase(*this));
        break;
    case Kind::DeviceFull:
        text =
            HikvisionErrorTexts::tr("The door terminal at %1 is full and cannot store more%2 (%3).")
                .arg(host, subject, statusPhrase(*this));
        break;
    case Kind::MalformedResponse:
        text =
            HikvisionErrorTexts::tr("The door terminal at %1 sent an unreadable answer to %2: %3.")
                .arg(host, call, detail);
        break;
    case Kind::UnexpectedResponse:
        text = HikvisionErrorTexts::tr(
                   "The door terminal at %1 answered %2 with something unexpected: %3.")
                   .arg(host, call, detail);
        break;
    case Kind::RefusedRequest:
        text = HikvisionErrorTexts::tr("Not sent to the door terminal at %1%2: %3")
                   .arg(host, subject, detail);
        break;
    }
    return text;
}

namespace {

bool isCode(const HikvisionError &error, const char *code)
{
    return error.subStatusCode.compare(QLatin1String(code), Qt::CaseInsensitive) == 0;
}

} // namespace

QString faceErrorAdvice(const HikvisionError &error)
{
    // The limits named here are the sources' (isapi-events-credentials.md §3.4): at most
    // 200 KB, at least ~400 px on the longest side for modelling, baseline JPEG with 4:2:0.
    QString advice;
    if (isCode(error, "SubpicAnalysisModelingError"))
        advice = HikvisionErrorTexts::tr(
            "The terminal could not build a face model from the photo: use a sharp, front-facing, "
            "well-lit photo of one face, at least 400 pixels high, saved as an ordinary "
            "(baseline) JPEG.");
    else if (isCode(error, "PicFeaturePoints"))
        advice = HikvisionErrorTexts::tr(
            "The terminal found too few facial features in the photo: use a larger and sharper "
            "front-facing photo, at least 400 pixels high, saved as an ordinary JPEG.");
    else if (isCode(error, "PicAnalysisNoTargetError"))
        advice = HikvisionErrorTexts::tr(
            "No face could be found in the photo: use a front-facing, well-lit photo at least "
            "400 pixels high.");
    else if (isCode(error, "multipleFaceObjectError"))
        advice = HikvisionErrorTexts::tr(
            "The photo shows more than one face: crop it so that only the member's face is in "
            "it.");
    else if (isCode(error, "picResolutionInvalidError"))
        advice = HikvisionErrorTexts::tr(
            "The photo's size in pixels is not accepted: use a photo at least 400 pixels high and "
            "not much more than 900 pixels on its longest side.");
    else if (isCode(error, "picSizeExceedError") ||
             (isCode(error, "badJsonFormat") &&
              error.errorMsg.compare(QLatin1String("faceURL"), Qt::CaseInsensitive) == 0))
        // S33: over 200 KB the terminal says badJsonFormat about faceURL, which is misleading.
        advice = HikvisionErrorTexts::tr(
            "The photo file is too large: the terminal takes at most 200 KB. Save it smaller or "
            "with stronger JPEG compression.");
    else if (isCode(error, "picFormatError"))
        advice = HikvisionErrorTexts::tr(
            "The photo is not in a format the terminal takes: save it as an ordinary (baseline) "
            "JPEG.");
    else if (isCode(error, "urlDownloadFail"))
        advice = HikvisionErrorTexts::tr(
            "The terminal could not fetch the photo from the address it was given: capture the "
            "face at the terminal again, or upload a photo file instead.");
    else if (isCode(error, "deviceUserAlreadyExistFace"))
        advice = HikvisionErrorTexts::tr(
            "The member already has a face on the terminal: replace it instead of adding "
            "another, or delete the old face first.");
    else if (isCode(error, "employeeNoNotExist") || isCode(error, "deviceUserNotExist") ||
             isCode(error, "userNotExist"))
        advice = HikvisionErrorTexts::tr(
            "The member is not on the terminal yet: sync the member to the terminal first, then "
            "add the face.");
    if (advice.isEmpty())
        return {};
    return HikvisionErrorTexts::tr("%1 (%2)").arg(advice, error.subStatusCode);
}

} // namespace cis
