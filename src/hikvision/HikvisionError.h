// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cis {

// Why a call to a Hikvision terminal failed, in a form the sync engine can act on (kind) and an
// administrator can read (message()).
struct HikvisionError
{
    enum class Kind
    {
        // Authentication. Both make the client refuse further calls (see HikvisionClient).
        WrongCredentials, // the terminal rejected the username or password
        LockedOut,        // too many failed logins; lockSecondsLeft tells for how long
                   // The terminal's challenge asks for something the client does not do (Basic
                   // only, auth-int only, an unknown digest algorithm).
        AuthenticationUnsupported,
        // The terminal called the login nonce stale on several fresh handshakes in a row. Not
        // a verdict on the password (stale means the digest itself was right): transient.
        NonceKeptExpiring,

        // Transport.
        UntrustedCertificate, // HTTPS certificate not trusted and not the pinned one
        Tls,                  // other TLS handshake failure
        Timeout,              // no complete answer in time
        HostUnreachable,      // DNS failure, connection refused, no route
        Network,              // connection dropped and other transport failures

        // The terminal's verdict (ResponseStatus, or the HTTP status when the body has none).
        DeviceBusy,         // statusCode 2 deviceBusy, HTTP 503
        DeviceError,        // statusCode 3, HTTP 5xx
        RebootRequired,     // statusCode 7
        NotActivated,       // the terminal has not been activated (no admin password set yet)
        AccessDenied,       // lowPrivilege, HTTP 403: the account may not do this
        NotSupported,       // notSupport, methodNotAllowed, HTTP 404/405
        AlreadyExists,      // employeeNoAlreadyExist, deviceUserAlreadyExist, cardNoAlreadyExist
        DoesNotExist,       // employeeNoNotExist, deviceUserNotExist, userNotExist
        InvalidContent,     // statusCode 4/5/6 on our request; errorMsg names the field
        DeviceFull,         // reachMaxUser, deviceUserFull, userExceedLimit, noMemory
        MalformedResponse,  // body is empty or not JSON/XML where a document was required
        UnexpectedResponse, // well-formed, but not the answer the call expects

        // The client did not send the request: it would have been harmful (an empty delete
        // list wipes the terminal) or the data cannot be represented on this terminal.
        RefusedRequest,
    };

    Kind kind = Kind::Network;
    QString call;       // e.g. "PUT /ISAPI/AccessControl/UserInfo/Delete"
    QString host;       // the terminal, as configured
    int httpStatus = 0; // 0 when no HTTP answer arrived

    // From the terminal's ResponseStatus, when it sent one.
    int statusCode = 0;
    QString statusString;
    QString subStatusCode;
    qint64 errorCode = 0;
    QString errorMsg; // usually the offending field, e.g. "employeeNo" or "UserInfoDelCond"

    // The member the call was about, when it was about one.
    QString employeeNo;
    QString personName;

    int attemptsLeft = -1;                  // logins left before a lockout; -1 when not reported
    qint64 lockSecondsLeft = -1;            // for LockedOut
    QByteArray certificateSha256;           // what the terminal presented, for UntrustedCertificate
    bool pinnedCertificateMismatch = false; // a fingerprint was pinned and this is another one
    QString detail;                         // transport, parser or validation text
    // Ended by cancelCalls (or a call queued behind a cancelled one): nobody is waiting for
    // the answer. Its detail says "cancelled" in the user's language; code asks this instead.
    bool cancelled = false;
    QString bodyExcerpt; // first bytes of an error body, for the log

    // Whether trying again later may succeed without anybody changing anything.
    bool isTransient() const;
    // Whether the client refuses further calls because of this error.
    bool blocksClient() const { return kind == Kind::WrongCredentials || kind == Kind::LockedOut; }
    // Minutes of lockout left, rounded up; -1 when unknown.
    qint64 lockMinutesLeft() const;
    // "AB:CD:..." for the GUI to show and offer to pin.
    QString certificateFingerprint() const;
    // One or two sentences for the administrator, naming the terminal and the member.
    QString message() const;
};

// What a face error means and what to do about it, in plain words, followed by the terminal's
// code in parentheses: "No face could be found in the photo: use a front-facing, well-lit photo
// at least 400 pixels high. (PicAnalysisNoTargetError)". Empty for an error that is not about
// a face picture or its person; message() already uses it for calls to the face library.
QString faceErrorAdvice(const HikvisionError &error);

// "AB:CD:..." from raw digest bytes, and back. fingerprintFromText accepts upper or lower case,
// with or without colons or spaces; it returns an empty array when the text is not 32 bytes of
// hex.
QString fingerprintText(const QByteArray &sha256);
QByteArray fingerprintFromText(const QString &text);

} // namespace cis
