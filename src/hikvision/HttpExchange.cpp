// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpExchange.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>
#include <limits>

namespace cis {

namespace {

bool sameName(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

bool hasNoBody(const QByteArray &verb, int status)
{
    return verb == "HEAD" || status == 204 || status == 304 || (status >= 100 && status < 200);
}

// Content-Length as RFC 9110 has it: digits only; a repeated value must agree.
bool readContentLength(const QByteArray &text, qint64 *length)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return false;
    for (const char c : trimmed) {
        if (c < '0' || c > '9')
            return false;
    }
    bool ok = false;
    const qint64 value = trimmed.toLongLong(&ok);
    if (!ok || value < 0)
        return false;
    *length = value;
    return true;
}

} // namespace

HttpExchange::HttpExchange(HttpExchangeRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        fail(Failure::Timeout,
             tr("No answer within %1 seconds.").arg(QString::number(m_request.timeoutMs / 1000.0)));
    });
}

HttpExchange::~HttpExchange()
{
    abort();
}

QByteArray HttpExchange::requestTarget(const QUrl &url)
{
    QUrl copy = url;
    QUrl::FormattingOptions format(QUrl::RemoveFragment | QUrl::RemoveUserInfo |
                                   QUrl::FullyEncoded | QUrl::RemoveScheme | QUrl::RemoveAuthority);
    if (copy.path().isEmpty())
        copy.setPath(QStringLiteral("/"));
    else
        format |= QUrl::NormalizePathSegments;
    return copy.toEncoded(format);
}

QByteArray HttpExchange::header(const QByteArray &name) const
{
    for (const auto &header : m_headers) {
        if (sameName(header.first, name))
            return header.second;
    }
    return {};
}

void HttpExchange::start()
{
    const QUrl &url = m_request.url;
    const bool tls = url.scheme() == QLatin1String("https");
    const quint16 port = quint16(url.port(tls ? 443 : 80));
    if (tls) {
        if (!QSslSocket::supportsSsl()) {
            fail(Failure::Tls, tr("This computer has no TLS support for HTTPS."));
            return;
        }
        auto *socket = new QSslSocket(this);
        m_socket = socket;
        connect(socket, &QSslSocket::encrypted, this, &HttpExchange::onConnected);
        connect(socket, &QSslSocket::sslErrors, this, &HttpExchange::onSslErrors);
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &HttpExchange::onConnected);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpExchange::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpExchange::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpExchange::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpExchange::onSocketError);
    restartTimeout();
    if (tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(url.host(), port);
    else
        m_socket->connectToHost(url.host(), port);
}

void HttpExchange::abort()
{
    m_done = true;
    m_timeout.stop();
    closeSocket();
}

void HttpExchange::closeSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void HttpExchange::restartTimeout()
{
    if (m_request.timeoutMs > 0)
        m_timeout.start(m_request.timeoutMs);
}

void HttpExchange::onConnected()
{
    if (m_done)
        return;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QUrl &url = m_request.url;
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());

    QByteArray head;
    head.reserve(512);
    head += m_request.verb + ' ' + requestTarget(url) + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto &header : m_request.headers)
        head += header.first + ": " + header.second + "\r\n";
    if (!m_request.body.isEmpty() || m_request.verb == "POST" || m_request.verb == "PUT")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    m_toWrite = head.size() + m_request.body.size();
    m_socket->write(head + m_request.body);
    restartTimeout();
}

void HttpExchange::onBytesWritten(qint64 bytes)
{
    if (m_done)
        return;
    restartTimeout();
    m_toWrite -= bytes;
    if (m_toWrite <= 0 && !m_sentSignalled) {
        m_sentSignalled = true;
        emit requestSent();
    }
}

void HttpExchange::onReadyRead()
{
    if (m_done || !m_socket)
        return;
    restartTimeout();
    m_buffer += m_socket->readAll();
    parse();
}

void HttpExchange::onDisconnected()
{
    if (m_done || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    if (!parse() || m_done)
        return;
    if (m_stage == Stage::BodyUntilClose) {
        succeed();
        return;
    }
    fail(Failure::ClosedEarly, m_stage == Stage::StatusLine && m_buffer.isEmpty()
                                   ? tr("The connection was closed before any answer came.")
                                   : tr("The connection was closed in the middle of the answer."));
}

void HttpExchange::onSocketError()
{
    if (m_done || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString text = m_socket->errorString();
    switch (error) {
    case QAbstractSocket::RemoteHostClosedError:
        onDisconnected();
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(Failure::HostNotFound, text);
        return;
    case QAbstractSocket::ConnectionRefusedError:
        fail(Failure::ConnectionRefused, text);
        return;
    case QAbstractSocket::SocketTimeoutError:
        fail(Failure::Timeout, text);
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        fail(Failure::Tls, m_sslErrorText.isEmpty() ? text : m_sslErrorText);
        return;
    default:
        fail(Failure::Network, text);
        return;
    }
}

void HttpExchange::onSslErrors(const QList<QSslError> &errors)
{
    auto *socket = static_cast<QSslSocket *>(m_socket);
    QSslCertificate certificate = socket->peerCertificate();
    QStringList texts;
    for (const QSslError &error : errors) {
        if (certificate.isNull())
            certificate = error.certificate();
        texts << error.errorString();
    }
    m_sslErrorText = texts.join(QStringLiteral("; "));
    m_certificateSha256 =
        certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
    const QByteArray &pinned = m_request.pinnedCertificateSha256;
    if (pinned.isEmpty())
        return;
    if (!certificate.isNull() && m_certificateSha256 == pinned) {
        // Exactly these errors, for exactly the certificate the administrator pinned;
        // anything else still fails.
        socket->ignoreSslErrors(errors);
        return;
    }
    m_pinMismatch = true;
}

bool HttpExchange::takeLine(QByteArray *line)
{
    const qsizetype end = m_buffer.indexOf('\n');
    if (end < 0)
        return false;
    *line = m_buffer.left(end);
    if (line->endsWith('\r'))
        line->chop(1);
    m_buffer.remove(0, end + 1);
    return true;
}

bool HttpExchange::parse()
{
    QByteArray line;
    while (!m_done) {
        switch (m_stage) {
        case Stage::StatusLine:
        case Stage::Headers:
        case Stage::Trailers: {
            if (!takeLine(&line)) {
                if (m_headerBytes + m_buffer.size() > kMaxHeaderBytes) {
                    fail(Failure::ResponseTooLarge, tr("The answer's headers are too long."));
                    return false;
                }
                return true;
            }
            m_headerBytes += line.size() + 1;
            if (m_headerBytes > kMaxHeaderBytes) {
                fail(Failure::ResponseTooLarge, tr("The answer's headers are too long."));
                return false;
            }
            if (m_stage == Stage::StatusLine) {
                // Some servers put an empty line before the status line; skip it.
                if (line.isEmpty())
                    continue;
                const QList<QByteArray> parts = line.split(' ');
                bool ok = false;
                const int status = parts.size() >= 2 ? parts.at(1).toInt(&ok) : 0;
                if (!line.startsWith("HTTP/1.") || !ok || status < 100 || status > 999) {
                    fail(Failure::MalformedResponse,
                         tr("The answer is not HTTP: %1")
                             .arg(QString::fromLatin1(line.left(60)).simplified()));
                    return false;
                }
                m_status = status;
                m_headers.clear();
                m_stage = Stage::Headers;
                continue;
            }
            if (!line.isEmpty()) {
                if ((line.startsWith(' ') || line.startsWith('\t'))) {
                    // A folded line continues the header before it.
                    if (m_stage == Stage::Headers && !m_headers.isEmpty())
                        m_headers.last().second += ' ' + line.trimmed();
                    continue;
                }
                const qsizetype colon = line.indexOf(':');
                if (colon <= 0) {
                    fail(Failure::MalformedResponse,
                         tr("The answer has a header line that cannot be read."));
                    return false;
                }
                if (m_stage == Stage::Headers)
                    m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
                continue;
            }
            if (m_stage == Stage::Trailers) {
                succeed();
                return true;
            }
            if (m_status >= 100 && m_status < 200) {
                if (m_status == 101) {
                    fail(Failure::MalformedResponse, tr("The terminal switched protocols."));
                    return false;
                }
                // An interim answer (100 Continue, 102 Processing): the real one follows.
                m_stage = Stage::StatusLine;
                continue;
            }
            if (!beginBody())
                return false;
            continue;
        }
        case Stage::FixedBody:
        case Stage::ChunkData: {
            const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
            if (take > 0) {
                m_body += m_buffer.left(take);
                m_buffer.remove(0, take);
                m_remaining -= take;
            }
            if (m_remaining > 0)
                return true;
            if (m_stage == Stage::FixedBody) {
                succeed();
                return true;
            }
            m_stage = Stage::ChunkDataEnd;
            continue;
        }
        case Stage::ChunkDataEnd:
            if (!takeLine(&line))
                return true;
            if (!line.isEmpty()) {
                fail(Failure::MalformedResponse,
                     tr("A chunk of the answer does not end properly."));
                return false;
            }
            m_stage = Stage::ChunkSize;
            continue;
        case Stage::ChunkSize: {
            if (!takeLine(&line)) {
                if (m_buffer.size() > 1024) {
                    fail(Failure::MalformedResponse, tr("A chunk size of the answer is too long."));
                    return false;
                }
                return true;
            }
            const qsizetype extension = line.indexOf(';');
            const QByteArray size = (extension >= 0 ? line.left(extension) : line).trimmed();
            bool ok = false;
            const qint64 length = size.toLongLong(&ok, 16);
            if (!ok || length < 0 || size.size() > 15) {
                fail(Failure::MalformedResponse, tr("A chunk size of the answer cannot be read: %1")
                                                     .arg(QString::fromLatin1(size.left(20))));
                return false;
            }
            if (m_body.size() + length > kMaxBodyBytes) {
                fail(Failure::ResponseTooLarge,
                     tr("The answer is larger than %1 MB.").arg(kMaxBodyBytes / (1024 * 1024)));
                return false;
            }
            if (length == 0) {
                m_stage = Stage::Trailers;
                continue;
            }
            m_remaining = length;
            m_stage = Stage::ChunkData;
            continue;
        }
        case Stage::BodyUntilClose:
            m_body += m_buffer;
            m_buffer.clear();
            if (m_body.size() > kMaxBodyBytes) {
                fail(Failure::ResponseTooLarge,
                     tr("The answer is larger than %1 MB.").arg(kMaxBodyBytes / (1024 * 1024)));
                return false;
            }
            return true;
        case Stage::Done:
            return true;
        }
    }
    return true;
}

bool HttpExchange::beginBody()
{
    if (hasNoBody(m_request.verb, m_status)) {
        succeed();
        return true;
    }
    bool chunked = false;
    bool haveLength = false;
    qint64 length = 0;
    for (const auto &header : std::as_const(m_headers)) {
        if (sameName(header.first, "Transfer-Encoding")) {
            // Chunked must be the last coding; terminals use no other.
            chunked = header.second.trimmed().toLower().endsWith("chunked");
        } else if (sameName(header.first, "Content-Length")) {
            const QList<QByteArray> values = header.second.split(',');
            for (const QByteArray &value : values) {
                qint64 each = 0;
                if (!readContentLength(value, &each) || (haveLength && each != length)) {
                    fail(Failure::MalformedResponse,
                         tr("The answer's length cannot be read: %1")
                             .arg(QString::fromLatin1(header.second.left(40))));
                    return false;
                }
                length = each;
                haveLength = true;
            }
        }
    }
    if (chunked) {
        m_stage = Stage::ChunkSize;
        return true;
    }
    if (haveLength) {
        if (length > kMaxBodyBytes) {
            fail(Failure::ResponseTooLarge,
                 tr("The answer is larger than %1 MB.").arg(kMaxBodyBytes / (1024 * 1024)));
            return false;
        }
        m_body.reserve(length);
        m_remaining = length;
        m_stage = Stage::FixedBody;
        return true;
    }
    m_stage = Stage::BodyUntilClose;
    return true;
}

void HttpExchange::succeed()
{
    if (m_done)
        return;
    m_stage = Stage::Done;
    m_done = true;
    m_timeout.stop();
    closeSocket();
    emit finished();
}

void HttpExchange::fail(Failure failure, const QString &text)
{
    if (m_done)
        return;
    m_done = true;
    m_failure = failure;
    m_errorString = text;
    m_status = 0;
    m_timeout.stop();
    closeSocket();
    emit finished();
}

} // namespace cis
