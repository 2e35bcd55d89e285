// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "HikvisionError.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace cis {

// The verdict a terminal puts in a body: a ResponseStatus (JSON or XML) or, on a 401, a
// userCheck document. Terminals send these with HTTP 200, 400 or 401 alike, so the body decides.
struct IsapiStatus
{
    enum class Shape
    {
        None,           // the body holds no verdict (a data document, empty, or unreadable)
        ResponseStatus, // JSON or XML ResponseStatus, including the AuthenticationFailed form
        UserCheck,      // XML userCheck
    };

    Shape shape = Shape::None;
    int statusCode = 0;  // ResponseStatus class: 1 OK ... 7 reboot required; 0 when absent
    int statusValue = 0; // userCheck: an HTTP-like 200 or 401
    QString statusString;
    QString subStatusCode;
    qint64 errorCode = 0;
    QString errorMsg;
    QString requestUrl;

    // Login-lock details, from userCheck (lockStatus, retryLoginTime, unlockTime) or from the
    // official ResponseStatus_AuthenticationFailed (lockStatus, retryTimes, resLockTime).
    QString lockStatus;          // "unlock" or "locked"; empty when absent
    int attemptsLeft = -1;       // -1 when absent
    qint64 lockSecondsLeft = -1; // -1 when absent

    bool isPresent() const { return shape != Shape::None; }
    bool isOk() const;
    bool isLocked() const;
    bool isSubStatus(const char *code) const;
};

// Reads the verdict from a JSON or XML body; Shape::None when there is none.
IsapiStatus parseIsapiStatus(const QByteArray &body);

// The error a response stands for, or nullopt when it reports success. Used for every answer
// whatever its HTTP status: the body's statusCode/subStatusCode decide when present, the HTTP
// status otherwise. A 2xx without a verdict is not an error here; the caller checks that the
// document it needs is there. Fills kind, httpStatus and the status fields; the caller adds
// call, host and member.
std::optional<HikvisionError> errorForResponse(int httpStatus, const IsapiStatus &status);

// The kind a subStatusCode stands for, if it is one the client knows (case-insensitive).
std::optional<HikvisionError::Kind> kindForSubStatus(const QString &subStatusCode);

} // namespace cis
