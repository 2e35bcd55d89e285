// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "HttpServer.h"

#include "SimulatorLogging.h"

#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

namespace cis::sim {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

bool sameName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QByteArray findHeader(const HttpHeaders &headers, const QByteArray &name)
{
    for (const auto &[key, value] : headers) {
        if (sameName(key, name))
            return value;
    }
    return {};
}

bool hasToken(const QByteArray &list, const QByteArray &token)
{
    const QList<QByteArray> parts = list.split(',');
    for (const QByteArray &part : parts) {
        if (sameName(part.trimmed(), token))
            return true;
    }
    return false;
}

QByteArray reasonPhrase(int status)
{
    static const std::map<int, const char *> phrases = {
        {100, "Continue"},
        {200, "OK"},
        {201, "Created"},
        {204, "No Content"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {413, "Payload Too Large"},
        {429, "Too Many Requests"},
        {500, "Internal Server Error"},
        {501, "Not Implemented"},
        {503, "Service Unavailable"},
    };
    const auto it = phrases.find(status);
    return it == phrases.end() ? QByteArray("Status") : QByteArray(it->second);
}

QByteArray headBytes(const HttpResponse &response, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers) {
        if (!sameName(name, "Content-Length") && !sameName(name, "Connection"))
            out += name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

// Cut mid-document and add bytes that are invalid UTF-8 and invalid markup in XML and JSON.
QByteArray mangled(const QByteArray &body)
{
    return body.left(body.size() / 2) + QByteArray("\xff\xfe<</ \"{]");
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&](const auto &header) { return sameName(header.first, name); });
}

bool HttpRequest::wantsClose() const
{
    const QByteArray connection = header("Connection");
    if (version == "HTTP/1.0")
        return !hasToken(connection, "keep-alive");
    return hasToken(connection, "close");
}

HttpResponse HttpResponse::withBody(int status, QByteArray body, const QByteArray &contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    if (!contentType.isEmpty())
        response.headers.append({"Content-Type", contentType});
    return response;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&](const auto &header) { return sameName(header.first, name); });
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

HttpParseStatus parseHttpRequest(QByteArray &buffer, qint64 maxBodySize, HttpRequest &request)
{
    // RFC 9112 §2.2: a server should ignore empty lines received before a request line.
    while (buffer.startsWith("\r\n"))
        buffer.remove(0, 2);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return buffer.size() > kMaxHeaderBytes ? HttpParseStatus::Malformed
                                               : HttpParseStatus::Incomplete;

    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine[0].isEmpty() || !requestLine[1].startsWith('/') ||
        !requestLine[2].startsWith("HTTP/1."))
        return HttpParseStatus::Malformed;

    HttpRequest parsed;
    parsed.method = requestLine[0];
    parsed.target = requestLine[1];
    parsed.version = requestLine[2];
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.left(colon).contains(' '))
            return HttpParseStatus::Malformed;
        parsed.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    if (parsed.hasHeader("Transfer-Encoding"))
        return HttpParseStatus::Unsupported;

    qint64 length = 0;
    if (parsed.hasHeader("Content-Length")) {
        bool ok = false;
        length = parsed.header("Content-Length").toLongLong(&ok);
        if (!ok || length < 0)
            return HttpParseStatus::Malformed;
    }
    if (length > maxBodySize)
        return HttpParseStatus::BodyTooLarge;

    const qsizetype queryStart = parsed.target.indexOf('?');
    parsed.path =
        QUrl::fromPercentEncoding(queryStart < 0 ? parsed.target : parsed.target.left(queryStart));
    if (queryStart >= 0)
        parsed.query = QUrlQuery(QString::fromUtf8(parsed.target.mid(queryStart + 1)));

    const qsizetype total = headerEnd + 4 + qsizetype(length);
    if (buffer.size() < total) {
        request = std::move(parsed);
        return HttpParseStatus::AwaitingBody;
    }
    parsed.body = buffer.mid(headerEnd + 4, qsizetype(length));
    buffer.remove(0, total);
    request = std::move(parsed);
    return HttpParseStatus::Complete;
}

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_uptime.start();
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::acceptConnections);
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(quint16 port)
{
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        qCWarning(lcSimulator) << "cannot listen on port" << port << m_server->errorString();
        return false;
    }
    return true;
}

void HttpServer::close()
{
    m_server->close();
    while (!m_connections.empty())
        forget(m_connections.begin()->first);
    m_queue.clear();
    m_serialSlotTaken = false;
}

bool HttpServer::isListening() const
{
    return m_server->isListening();
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QUrl HttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

void HttpServer::setSerialized(bool serialized)
{
    m_serialized = serialized;
    if (!serialized) {
        const QList<HttpRequest> waiting = std::exchange(m_queue, {});
        for (const HttpRequest &request : waiting)
            dispatch(request);
    }
}

void HttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const quint64 id = ++m_nextConnectionId;
        m_connections[id].socket = socket;
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { readFrom(id); });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { forget(id); });
    }
}

void HttpServer::readFrom(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    Connection &connection = it->second;
    if (connection.closing) {
        // Reading what is still coming keeps the kernel from resetting the connection, which
        // would destroy the answer before the client reads it.
        connection.socket->readAll();
        return;
    }
    connection.buffer += connection.socket->readAll();
    processBuffer(id);
}

void HttpServer::processBuffer(quint64 id)
{
    Connection &connection = m_connections.at(id);
    if (connection.busy || connection.closing)
        return;
    HttpRequest request;
    switch (parseHttpRequest(connection.buffer, m_maxBodySize, request)) {
    case HttpParseStatus::Incomplete:
        return;
    case HttpParseStatus::AwaitingBody:
        // curl holds a large body back until it sees this (or gives up waiting).
        if (sameName(request.header("Expect"), "100-continue") && !connection.continueSent) {
            connection.continueSent = true;
            connection.socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        return;
    case HttpParseStatus::Malformed:
        return rejectAndClose(id, 400);
    case HttpParseStatus::BodyTooLarge:
        return rejectAndClose(id, 413);
    case HttpParseStatus::Unsupported:
        return rejectAndClose(id, 501);
    case HttpParseStatus::Complete:
        break;
    }
    connection.busy = true;
    connection.continueSent = false;
    request.peerAddress = connection.socket->peerAddress();
    request.peerPort = connection.socket->peerPort();
    request.connectionId = id;
    if (m_serialized) {
        m_queue.append(std::move(request));
        pumpQueue();
    } else {
        dispatch(request);
    }
}

void HttpServer::pumpQueue()
{
    while (!m_serialSlotTaken && !m_queue.isEmpty()) {
        const HttpRequest request = m_queue.takeFirst();
        if (m_connections.count(request.connectionId) == 0)
            continue;
        m_serialSlotTaken = true;
        dispatch(request);
    }
}

void HttpServer::dispatch(const HttpRequest &request)
{
    emit requestStarted(QString::fromLatin1(request.method), request.path);
    const qint64 startedNs = m_uptime.nsecsElapsed();
    HttpResponder responder;
    if (m_handler)
        m_handler(request, responder);
    if (responder.delivery() == HttpResponder::Delivery::Pending) {
        responder.respond(HttpResponse::withBody(500, "The handler gave no answer.\n",
                                                 "text/plain; charset=utf-8"));
    }
    const bool close = responder.closesConnection() || request.wantsClose() || !m_keepAlive;
    const quint64 id = request.connectionId;
    if (responder.delivery() == HttpResponder::Delivery::Deferred) {
        if (const auto it = m_connections.find(id); it != m_connections.end()) {
            it->second.deferred = true;
            it->second.deferredClose = close;
        }
    }
    const bool serialized = m_serialSlotTaken;
    // The latency is the device's time from request to answer, so the simulator's own work is
    // part of it rather than added to it. Always through the event loop, so a queue of instant
    // answers cannot recurse.
    const qint64 dueNs = startedNs + (qint64(m_latencyMs) + responder.delayMs()) * 1000000;
    const qint64 leftNs = std::max<qint64>(0, dueNs - m_uptime.nsecsElapsed());
    // Qt's event dispatcher on Linux (glib's) waits whole milliseconds, rounded up, so a timer
    // fires up to a millisecond after its time: one for the time left answered 0.4-0.5 ms late
    // on average. The timer fires at least a millisecond before the answer is due and the rest
    // is slept here, on this device's own thread, which answers one request at a time anyway.
    // Windows' precise timers wake on the millisecond, and a sleep there lasts a scheduler
    // tick: rounded, as before.
#ifdef Q_OS_WIN
    constexpr bool sleepsTheRest = false;
    const qint64 timerMs = (leftNs + 500000) / 1000000;
#else
    constexpr bool sleepsTheRest = true;
    const qint64 timerMs = std::max<qint64>(0, leftNs - 1000000) / 1000000;
#endif
    QTimer::singleShot(int(timerMs), Qt::PreciseTimer, this,
                       [this, id, responder, close, serialized, startedNs, dueNs] {
                           if (const qint64 earlyNs = dueNs - m_uptime.nsecsElapsed();
                               sleepsTheRest && earlyNs > 0)
                               std::this_thread::sleep_for(std::chrono::nanoseconds(earlyNs));
                           deliver(id, responder, close);
                           m_answeringNs += m_uptime.nsecsElapsed() - startedNs;
                           if (serialized) {
                               m_serialSlotTaken = false;
                               pumpQueue();
                           }
                       });
}

void HttpServer::deliver(quint64 id, const HttpResponder &responder, bool close)
{
    const auto delivered = qScopeGuard([&responder] {
        if (responder.delivered())
            responder.delivered()();
    });
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    Connection &connection = it->second;
    HttpResponse response = responder.response();
    switch (responder.delivery()) {
    case HttpResponder::Delivery::Pending:
    case HttpResponder::Delivery::NeverAnswer:
    case HttpResponder::Delivery::Deferred:
        return;
    case HttpResponder::Delivery::DropConnection:
        connection.socket->abort();
        return forget(id);
    case HttpResponder::Delivery::TruncatedBody:
        connection.socket->write(headBytes(response, true) +
                                 response.body.left(response.body.size() / 2));
        connection.closing = true;
        connection.socket->disconnectFromHost();
        return;
    case HttpResponder::Delivery::MalformedBody:
        response.body = mangled(response.body);
        break;
    case HttpResponder::Delivery::Normal:
        break;
    }
    connection.socket->write(headBytes(response, close) + response.body);
    emit responseWritten(response.status);
    if (close) {
        connection.closing = true;
        connection.socket->disconnectFromHost();
        return;
    }
    connection.busy = false;
    processBuffer(id);
}

bool HttpServer::answerDeferred(quint64 connectionId, HttpResponse response)
{
    const auto it = m_connections.find(connectionId);
    if (it == m_connections.end() || !it->second.deferred)
        return false;
    it->second.deferred = false;
    HttpResponder responder;
    responder.respond(std::move(response));
    deliver(connectionId, responder, it->second.deferredClose);
    return true;
}

bool HttpServer::isDeferred(quint64 connectionId) const
{
    const auto it = m_connections.find(connectionId);
    return it != m_connections.end() && it->second.deferred;
}

void HttpServer::rejectAndClose(quint64 id, int status)
{
    Connection &connection = m_connections.at(id);
    connection.closing = true;
    const HttpResponse response =
        HttpResponse::withBody(status, reasonPhrase(status) + '\n', "text/plain; charset=utf-8");
    connection.socket->write(headBytes(response, true) + response.body);
    emit responseWritten(status);
    // A client still sending a refused body needs time to read the refusal before the close.
    QTcpSocket *socket = connection.socket;
    QTimer::singleShot(1000, socket, [socket] { socket->disconnectFromHost(); });
}

void HttpServer::forget(quint64 id)
{
    const auto it = m_connections.find(id);
    if (it == m_connections.end())
        return;
    QTcpSocket *socket = it->second.socket;
    m_connections.erase(it);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    emit connectionClosed(id);
}

} // namespace cis::sim
