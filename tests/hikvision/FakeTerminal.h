// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>
#include <functional>

class QTcpServer;
class QTcpSocket;

// A tiny HTTP/1.1 server for the client tests: one request per connection, answers from a
// handler, records everything it saw. Deliberately independent of the library (its own Digest
// check) so that a client bug cannot be cancelled out by the same bug here.
struct FakeRequest
{
    int connection = 0;
    QByteArray method;
    QByteArray target; // path and query as on the request line
    QByteArray path;
    QMap<QByteArray, QByteArray> headers; // names lower case
    QByteArray body;

    QByteArray authorization() const { return headers.value("authorization"); }
};

struct FakeResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;

    static FakeResponse json(int status, const QByteArray &body);
    static FakeResponse xml(int status, const QByteArray &body);
};

class FakeHttpServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();
    bool listenTls(const QSslCertificate &certificate, const QSslKey &key);
    // Why the TLS side could not serve a connection, if it could not (the platform's TLS
    // backend, not the client under test: Wine's Schannel cannot use the key for a server).
    QString tlsServerError() const { return m_tlsServerError; }
    QUrl baseUrl() const;

    std::function<FakeResponse(const FakeRequest &)> handler;
    QList<FakeRequest> requests;
    int connections = 0;
    int inFlight = 0;
    int maxInFlight = 0;

private:
    void accept(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QString m_tlsServerError;
};

// Emulates a terminal's login: Digest MD5 qop=auth, 5 attempts then a lock, nonces that can be
// made to expire; answers authenticated requests from routes.
class FakeTerminal : public FakeHttpServer
{
    Q_OBJECT

public:
    explicit FakeTerminal(QObject *parent = nullptr);

    QByteArray username = "admin";
    QByteArray password = "secret";
    QByteArray realm = "DS-K1T341AM";
    int attemptsLeft = 5;
    bool locked = false;
    // As S1 words it: at 0 attempts left the account is locked at the next failure, not at once.
    bool lockAfterLastAttempt = false;
    int lockSeconds = 1800;
    bool officialAuthShape = false; // ResponseStatus_AuthenticationFailed instead of userCheck

    // Faults for the next authenticated requests (counted down).
    int staleNext = 0;            // 401 stale="TRUE" with a new nonce
    int invalidOperationNext = 0; // 401 with the JSON invalidOperation body

    std::function<FakeResponse(const FakeRequest &)> routes;

    // What it saw.
    int challengesIssued = 0;
    int requestsWithAuthorization = 0;
    int requestsWithWrongCredentials = 0;
    int staleAnswers = 0;
    int invalidOperationAnswers = 0;

    // Every nonce ever issued stops working.
    void expireNonces() { m_validNonces.clear(); }

private:
    FakeResponse handle(const FakeRequest &request);
    FakeResponse challenge(int status, const QByteArray &body, bool stale, bool json = false);
    QByteArray authFailureBody() const;

    QSet<QByteArray> m_validNonces;
    int m_nonceCounter = 0;
};
