// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <utility>

class QTcpSocket;
class QSslError;

namespace cis {

using HttpHeaderList = QList<std::pair<QByteArray, QByteArray>>;

struct HttpExchangeRequest
{
    QByteArray verb;
    QUrl url; // http or https; path and query as they go on the request line
    // Besides Host, Content-Length and Connection, which the exchange writes itself.
    HttpHeaderList headers;
    QByteArray body;
    // The exchange fails when nothing moves for this long, as QNetworkRequest's transfer
    // timeout does.
    int timeoutMs = 30000;
    // SHA-256 of the certificate the administrator trusts for this terminal; its TLS errors
    // (self-signed, wrong name) are accepted for exactly that certificate.
    QByteArray pinnedCertificateSha256;
};

// One HTTP/1.1 request on a connection of its own, closed after the answer.
//
// Door terminals answer one request at a time with "Connection: close", so a connection pool
// buys nothing, while QNetworkAccessManager's thread hop and its byte-at-a-time header reads
// cost a door 1-2 ms of every round trip (docs/performance.md). This runs on the caller's
// thread, reads what the socket has in one go, and is strict in what it sends and tolerant in
// what it reads: Content-Length, chunked or close-delimited bodies, interim 1xx answers, header
// names in any case, bare LF line ends.
class HttpExchange : public QObject
{
    Q_OBJECT

public:
    enum class Failure
    {
        None,
        HostNotFound,
        ConnectionRefused,
        Timeout,
        Tls,               // the handshake failed; see sslErrorText()/certificateSha256()
        ClosedEarly,       // the connection ended before the whole answer had come
        MalformedResponse, // not HTTP, or a length or chunk that cannot be read
        ResponseTooLarge,
        Network, // any other socket error
    };

    explicit HttpExchange(HttpExchangeRequest request, QObject *parent = nullptr);
    ~HttpExchange() override;

    void start();
    // Stops at once; finished() is not emitted afterwards.
    void abort();

    const HttpExchangeRequest &request() const { return m_request; }
    bool isFinished() const { return m_done; }
    Failure failure() const { return m_failure; }
    QString errorString() const { return m_errorString; }
    int status() const { return m_status; }
    const HttpHeaderList &headers() const { return m_headers; }
    // The first value of that header, the name compared without regard to case.
    QByteArray header(const QByteArray &name) const;
    const QByteArray &body() const { return m_body; }
    QByteArray certificateSha256() const { return m_certificateSha256; }
    QString sslErrorText() const { return m_sslErrorText; }
    bool pinnedCertificateMismatch() const { return m_pinMismatch; }
    // The request target as written on the request line: what a digest's uri must repeat.
    static QByteArray requestTarget(const QUrl &url);

    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 64 * 1024 * 1024;

signals:
    // The request's last byte was handed to the network.
    void requestSent();
    void finished();

private:
    enum class Stage
    {
        StatusLine,
        Headers,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        BodyUntilClose,
        Done,
    };

    void onConnected();
    void onReadyRead();
    void onBytesWritten(qint64 bytes);
    void onDisconnected();
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void restartTimeout();
    // False when the answer cannot be read; the exchange has then failed.
    bool parse();
    bool takeLine(QByteArray *line);
    bool beginBody();
    void succeed();
    void fail(Failure failure, const QString &text);
    void closeSocket();

    HttpExchangeRequest m_request;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timeout;
    QByteArray m_buffer;
    qsizetype m_headerBytes = 0;
    qint64 m_toWrite = 0;
    qint64 m_remaining = 0; // of a fixed body or the current chunk
    Stage m_stage = Stage::StatusLine;
    bool m_done = false;
    bool m_sentSignalled = false;
    Failure m_failure = Failure::None;
    QString m_errorString;
    int m_status = 0;
    HttpHeaderList m_headers;
    QByteArray m_body;
    QByteArray m_certificateSha256;
    QString m_sslErrorText;
    bool m_pinMismatch = false;
};

} // namespace cis
