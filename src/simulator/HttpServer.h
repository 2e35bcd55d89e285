// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <map>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace cis::sim {

// Header names keep the sender's spelling; lookups ignore case, as HTTP requires.
using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;
    QByteArray target; // exactly as on the request line, query included
    QString path;      // percent-decoded, without the query
    QUrlQuery query;
    QByteArray version;
    HttpHeaders headers;
    QByteArray body;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    // Lets tests tell whether two requests shared a keep-alive connection.
    quint64 connectionId = 0;

    // The first value of the header, or an empty array when it is absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // True when the client asked for the connection to end after this exchange.
    bool wantsClose() const;
};

struct HttpResponse
{
    int status = 200;
    HttpHeaders headers;
    QByteArray body;

    static HttpResponse withBody(int status, QByteArray body, const QByteArray &contentType);
    // Replaces every header of that name. Content-Length and Connection are the server's.
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

// What a handler decided about one request. The server carries the decision out after the
// delay, so that faults look to the client exactly like a misbehaving peer.
class HttpResponder
{
public:
    enum class Delivery
    {
        Pending,        // the handler has not decided; the server answers 500
        Normal,         // the response as given
        NeverAnswer,    // keep the connection open and silent, for client timeouts
        DropConnection, // reset the connection without a byte of answer
        TruncatedBody,  // full Content-Length, half the body, then close
        MalformedBody,  // a body that parses as neither XML nor JSON, consistent length
        // The handler answers later through HttpServer::answerDeferred(), with the request's
        // connectionId as the ticket. The serial slot is given up meanwhile, so that a request
        // the device keeps waiting (a card capture) does not hold every other one up [U].
        Deferred,
    };

    void respond(HttpResponse response) { set(Delivery::Normal, std::move(response)); }
    void respondTruncated(HttpResponse response)
    {
        set(Delivery::TruncatedBody, std::move(response));
    }
    void respondMalformed(HttpResponse response)
    {
        set(Delivery::MalformedBody, std::move(response));
    }
    void neverAnswer() { set(Delivery::NeverAnswer, {}); }
    void dropConnection() { set(Delivery::DropConnection, {}); }
    void defer() { set(Delivery::Deferred, {}); }
    void addDelay(int ms) { m_delayMs += ms; }
    void closeConnectionAfterResponse() { m_close = true; }
    // Runs when the answer's time has come and it was written (or dropped, or left unsent as
    // asked): a device that is busy until its answer leaves ends that state here, at the very
    // moment, not on a timer of its own that could fire after the client's next request.
    void whenDelivered(std::function<void()> hook) { m_delivered = std::move(hook); }
    const std::function<void()> &delivered() const { return m_delivered; }

    Delivery delivery() const { return m_delivery; }
    const HttpResponse &response() const { return m_response; }
    int delayMs() const { return m_delayMs; }
    bool closesConnection() const { return m_close; }

private:
    void set(Delivery delivery, HttpResponse response)
    {
        m_delivery = delivery;
        m_response = std::move(response);
    }

    Delivery m_delivery = Delivery::Pending;
    HttpResponse m_response;
    int m_delayMs = 0;
    bool m_close = false;
    std::function<void()> m_delivered;
};

enum class HttpParseStatus
{
    Incomplete,   // need more bytes before the headers end
    AwaitingBody, // headers complete (request filled in), body still arriving
    Complete,     // request filled in and removed from the buffer
    Malformed,
    BodyTooLarge,
    Unsupported, // chunked request bodies: no client of ours sends them
};

// Takes one request off the front of buffer. Exposed so that every split point of a request can
// be tested without sockets.
HttpParseStatus parseHttpRequest(QByteArray &buffer, qint64 maxBodySize, HttpRequest &request);

// A small HTTP/1.1 server on 127.0.0.1 for the loopback simulators. It answers one request per
// connection at a time (responses stay in order) and, when serialised, one request at a time
// across all connections, the way a door terminal's tiny web server does.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder &)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }

    bool listen(quint16 port = 0);
    void close();
    bool isListening() const;
    quint16 port() const;
    QUrl baseUrl() const;

    // Added to every answer, before the handler's own delay.
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    int latencyMs() const { return m_latencyMs; }
    void setSerialized(bool serialized);
    bool isSerialized() const { return m_serialized; }
    void setMaxBodySize(qint64 bytes) { m_maxBodySize = bytes; }
    qint64 maxBodySize() const { return m_maxBodySize; }
    // When off, every response carries Connection: close.
    void setKeepAliveEnabled(bool enabled) { m_keepAlive = enabled; }
    int openConnectionCount() const { return int(m_connections.size()); }
    // Answers a request whose handler deferred it (HttpResponder::defer()). False when the
    // client has gone or the request was not waiting.
    bool answerDeferred(quint64 connectionId, HttpResponse response);
    bool isDeferred(quint64 connectionId) const;
    // Time from taking each request up to writing its answer, summed: the share of a client's
    // wall time that is the server's (benchmarks subtract it to see the client's own).
    qint64 answeringNs() const { return m_answeringNs; }

signals:
    void requestStarted(const QString &method, const QString &path);
    void responseWritten(int status);
    void connectionClosed(quint64 connectionId);

private:
    struct Connection
    {
        QTcpSocket *socket = nullptr;
        QByteArray buffer;
        bool busy = false;    // a request is being answered; later ones wait in the buffer
        bool closing = false; // no further requests are read
        bool continueSent = false;
        bool deferred = false;      // waiting for answerDeferred()
        bool deferredClose = false; // what the deferred answer does to the connection
    };

    void acceptConnections();
    void readFrom(quint64 id);
    void processBuffer(quint64 id);
    void dispatch(const HttpRequest &request);
    void deliver(quint64 id, const HttpResponder &responder, bool close);
    void rejectAndClose(quint64 id, int status);
    void forget(quint64 id);
    void pumpQueue();

    QTcpServer *m_server = nullptr;
    Handler m_handler;
    std::map<quint64, Connection> m_connections;
    quint64 m_nextConnectionId = 0;
    int m_latencyMs = 0;
    QElapsedTimer m_uptime;
    qint64 m_answeringNs = 0;
    bool m_serialized = false;
    bool m_keepAlive = true;
    qint64 m_maxBodySize = 16 * 1024 * 1024;
    QList<HttpRequest> m_queue;
    bool m_serialSlotTaken = false;
};

} // namespace cis::sim
