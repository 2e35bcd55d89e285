// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cis::sim {

// The namespace every ISAPI XML document of the door terminal declares (hikvision-isapi.md §1.1).
inline const QString kIsapiXmlNamespace = QStringLiteral("http://www.isapi.org/ver20/XMLSchema");

// The device's verdict on one request: the fields of JSON_ResponseStatus (§5.1). statusCode 1 is
// success; every other code carries an errorCode and an errorMsg.
//
// Codes the document gives are used as given. Where it has none, the simulator invents one in
// the range 0x6000F0xx, which no real code list uses, so an invented code is recognisable in a
// log; clients must key on subStatusCode, never on these numbers.
struct IsapiStatus
{
    int statusCode = 1;
    QString statusString = QStringLiteral("OK");
    QString subStatusCode = QStringLiteral("ok");
    qint64 errorCode = 0;
    QString errorMsg;

    bool isOk() const { return statusCode == 1; }

    static IsapiStatus ok();
    // statusCode 2; 0x20000004.
    static IsapiStatus deviceBusy();
    // statusCode 4; 0x40000001, errorMsg "notSupport" as the DS-K1A340FWX words it (S2).
    static IsapiStatus notSupport();
    // statusCode 4; 0x40000004.
    static IsapiStatus methodNotAllowed();
    // statusCode 4; 0x40000006, the inverted-validity and stale-session answer (S4).
    static IsapiStatus invalidOperation();
    // statusCode 5; 0x50000001 and 0x50000002. statusString "Invalid Format" is a guess.
    static IsapiStatus badXmlFormat();
    static IsapiStatus badJsonFormat();
    // statusCode 6 with the field in errorMsg: a value out of the capability's range or opt
    // list (0x60000001), a value of the wrong type or shape (invented code), a missing object
    // or field (0x60000019, as the DS-K1A340FWX answers a missing root).
    static IsapiStatus badParameters(const QString &field);
    static IsapiStatus badJsonContent(const QString &field);
    static IsapiStatus messageParametersLack(const QString &field);
    // The body S9 and S10 agree on, errorMsg "checkUser".
    static IsapiStatus employeeNoAlreadyExist();
    static IsapiStatus invalidContent(const QString &subStatusCode, qint64 errorCode,
                                      const QString &errorMsg);

    friend bool operator==(const IsapiStatus &a, const IsapiStatus &b)
    {
        return a.statusCode == b.statusCode && a.statusString == b.statusString &&
               a.subStatusCode == b.subStatusCode && a.errorCode == b.errorCode &&
               a.errorMsg == b.errorMsg;
    }

    QJsonObject toJson() const;
    // <ResponseStatus> in the ISAPI namespace, with requestURL, for the XML resources.
    QByteArray toXml(const QString &requestUrl) const;
};

// JSON text as the terminal writes it: the keys of each object in the order real answers show
// them (statusCode before statusString, employeeNo before name ...), unknown keys after those in
// alphabetical order, indented with tabs the way cJSON prints. Order and layout mean nothing to
// a JSON parser; they only make the simulator's answers read like the captures.
QByteArray writeIsapiJson(const QJsonObject &object);

// Text escaped for XML element content.
QString xmlEscaped(const QString &text);

} // namespace cis::sim
