// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "FakeTerminal.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QRegularExpression>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

namespace {

QByteArray reasonFor(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

// Parameters of an Authorization: Digest header, written separately from the library's parser.
QMap<QByteArray, QByteArray> digestParams(const QByteArray &header)
{
    QMap<QByteArray, QByteArray> params;
    static const QRegularExpression param(
        QStringLiteral("([A-Za-z0-9_-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))"));
    QString text = QString::fromLatin1(header);
    if (!text.startsWith(QLatin1String("Digest "), Qt::CaseInsensitive))
        return params;
    auto it = param.globalMatch(text.mid(7));
    while (it.hasNext()) {
        const auto match = it.next();
        QString value = match.captured(2).isNull() ? match.captured(3) : match.captured(2);
        value.replace(QLatin1String("\\\""), QLatin1String("\""));
        value.replace(QLatin1String("\\\\"), QLatin1String("\\"));
        params.insert(match.captured(1).toLatin1().toLower(), value.toLatin1());
    }
    return params;
}

} // namespace

FakeResponse FakeResponse::json(int status, const QByteArray &body)
{
    FakeResponse response;
    response.status = status;
    response.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    response.body = body;
    return response;
}

FakeResponse FakeResponse::xml(int status, const QByteArray &body)
{
    FakeResponse response;
    response.status = status;
    response.headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/xml; charset=\"UTF-8\"")));
    response.body = body;
    return response;
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(QHostAddress::LocalHost);
}

bool FakeHttpServer::listenTls(const QSslCertificate &certificate, const QSslKey &key)
{
    auto *server = new QSslServer(this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(configuration);
    m_server = server;
    m_tls = true;
    connect(server, &QSslServer::errorOccurred, this,
            [this](QSslSocket *socket, QAbstractSocket::SocketError error) {
                if (error == QAbstractSocket::SslInvalidUserDataError)
                    m_tlsServerError = socket->errorString();
            });
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(QHostAddress::LocalHost);
}

QUrl FakeHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    return url;
}

void FakeHttpServer::accept(QTcpSocket *socket)
{
    const int connection = ++connections;
    auto buffer = std::make_shared<QByteArray>();
    auto answered = std::make_shared<bool>(false);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, answered, connection] {
        *buffer += socket->readAll();
        if (*answered)
            return;
        const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        FakeRequest request;
        request.connection = connection;
        const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        request.path = request.target.left(
            request.target.indexOf('?') < 0 ? request.target.size() : request.target.indexOf('?'));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const int length = request.headers.value("content-length", "0").toInt();
        if (buffer->size() < headerEnd + 4 + length)
            return;
        request.body = buffer->mid(headerEnd + 4, length);
        *answered = true;
        requests.append(request);
        ++inFlight;
        maxInFlight = qMax(maxInFlight, inFlight);

        const FakeResponse response = handler ? handler(request) : FakeResponse::json(404, {});
        QByteArray wire = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                          reasonFor(response.status) + "\r\n";
        for (const auto &header : response.headers)
            wire += header.first + ": " + header.second + "\r\n";
        wire += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        wire += "Connection: close\r\n\r\n" + response.body;
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, wire] {
            --inFlight;
            if (!guard)
                return;
            guard->write(wire);
            guard->disconnectFromHost();
        });
    });
}

FakeTerminal::FakeTerminal(QObject *parent)
    : FakeHttpServer(parent)
{
    handler = [this](const FakeRequest &request) { return handle(request); };
}

FakeResponse FakeTerminal::challenge(int status, const QByteArray &body, bool stale, bool json)
{
    const QByteArray nonce = "nonce" + QByteArray::number(++m_nonceCounter);
    m_validNonces.insert(nonce);
    ++challengesIssued;
    FakeResponse response =
        json ? FakeResponse::json(status, body) : FakeResponse::xml(status, body);
    const QByteArray value = "Digest qop=\"auth\", realm=\"" + realm + "\", nonce=\"" + nonce +
                             "\", stale=\"" + (stale ? "TRUE" : "FALSE") + "\"";
    response.headers.append(qMakePair(QByteArray("WWW-Authenticate"), value));
    return response;
}

QByteArray FakeTerminal::authFailureBody() const
{
    const QByteArray lock = locked ? "locked" : "unlock";
    const QByteArray seconds = QByteArray::number(locked ? lockSeconds : 0);
    if (officialAuthShape)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ResponseStatus version=\"1.0\" "
               "xmlns=\"http://www.std-cgi.org/ver20/XMLSchema\">\n<requestURL>/</requestURL>\n"
               "<statusCode>4</statusCode>\n<statusString>Invalid Operation</statusString>\n"
               "<subStatusCode>badAuthorization</subStatusCode>\n<lockStatus>" +
               lock + "</lockStatus>\n<retryTimes>" + QByteArray::number(attemptsLeft) +
               "</retryTimes>\n<resLockTime>" + seconds + "</resLockTime>\n</ResponseStatus>\n";
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<userCheck version=\"2.0\" "
           "xmlns=\"http://www.isapi.org/ver20/XMLSchema\">\n<statusValue>401</statusValue>\n"
           "<statusString>Unauthorized</statusString>\n<isActivated>true</isActivated>\n"
           "<lockStatus>" +
           lock + "</lockStatus>\n<unlockTime>" + seconds + "</unlockTime>\n<retryLoginTime>" +
           QByteArray::number(attemptsLeft) + "</retryLoginTime>\n</userCheck>\n";
}

FakeResponse FakeTerminal::handle(const FakeRequest &request)
{
    if (locked)
        return challenge(401, authFailureBody(), false);
    const QByteArray authorization = request.authorization();
    if (authorization.isEmpty())
        return challenge(401, authFailureBody(), false);

    ++requestsWithAuthorization;
    const QMap<QByteArray, QByteArray> p = digestParams(authorization);
    const QByteArray ha1 = md5Hex(username + ':' + realm + ':' + password);
    const QByteArray ha2 = md5Hex(request.method + ':' + p.value("uri"));
    const QByteArray expected = md5Hex(ha1 + ':' + p.value("nonce") + ':' + p.value("nc") + ':' +
                                       p.value("cnonce") + ':' + p.value("qop") + ':' + ha2);
    const bool digestRight = p.value("username") == username && p.value("realm") == realm &&
                             p.value("uri") == request.target && p.value("qop") == "auth" &&
                             p.value("response") == expected;
    if (!digestRight) {
        ++requestsWithWrongCredentials;
        if (lockAfterLastAttempt && attemptsLeft <= 0) {
            locked = true;
        } else if (--attemptsLeft <= 0) {
            attemptsLeft = 0;
            locked = !lockAfterLastAttempt;
        }
        return challenge(401, authFailureBody(), false);
    }
    if (!m_validNonces.contains(p.value("nonce")) || staleNext > 0) {
        if (staleNext > 0)
            --staleNext;
        m_validNonces.remove(p.value("nonce"));
        ++staleAnswers;
        return challenge(401, authFailureBody(), true);
    }
    if (invalidOperationNext > 0) {
        --invalidOperationNext;
        ++invalidOperationAnswers;
        m_validNonces.remove(p.value("nonce"));
        return challenge(401,
                         "{\"statusCode\":4,\"statusString\":\"Invalid Operation\","
                         "\"subStatusCode\":\"invalidOperation\",\"errorCode\":1073741830}",
                         false, true);
    }
    attemptsLeft = 5;
    return routes ? routes(request) : FakeResponse::json(404, {});
}
