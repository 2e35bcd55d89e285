// SPDX-License-Identifier: GPL-3.0-or-later
// The door terminals' HTTP transport against a raw socket server that answers byte for byte what
// each case needs: the shapes real devices send (length, chunked, close-delimited, interim
// answers, bare LF) and the ways they fail.
#include "HttpExchange.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <functional>

using namespace cis;

namespace {

// Answers each connection with `answer` once the request's head (and any body) has come; the
// request is kept for the test to look at.
class RawServer : public QObject
{
public:
    QByteArray answer;
    bool closeAfterAnswer = true;
    bool neverAnswer = false;
    // Written in pieces, with an event-loop turn between them, to exercise partial reads.
    int pieceSize = 0;
    QByteArray lastRequest;

    RawServer()
    {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
            }
        });
    }
    bool listen() { return server.listen(QHostAddress::LocalHost); }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.serverPort()).arg(path));
    }

private:
    void onRead(QTcpSocket *socket)
    {
        QByteArray &buffer = buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        qsizetype length = 0;
        const qsizetype at = buffer.toLower().indexOf("content-length:");
        if (at >= 0)
            length = buffer.mid(at + 15, buffer.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return;
        lastRequest = buffer;
        if (neverAnswer)
            return;
        if (pieceSize <= 0) {
            socket->write(answer);
            if (closeAfterAnswer)
                socket->disconnectFromHost();
            return;
        }
        writePieces(socket, answer);
    }
    void writePieces(QTcpSocket *socket, QByteArray rest)
    {
        socket->write(rest.left(pieceSize));
        socket->flush();
        rest.remove(0, pieceSize);
        if (rest.isEmpty()) {
            if (closeAfterAnswer)
                socket->disconnectFromHost();
            return;
        }
        QTimer::singleShot(1, socket, [this, socket, rest] { writePieces(socket, rest); });
    }

    QTcpServer server;
    QHash<QTcpSocket *, QByteArray> buffers;
};

struct Outcome
{
    HttpExchange::Failure failure = HttpExchange::Failure::None;
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QString error;
};

Outcome run(HttpExchangeRequest request)
{
    HttpExchange exchange(std::move(request));
    QSignalSpy finished(&exchange, &HttpExchange::finished);
    exchange.start();
    if (finished.isEmpty())
        finished.wait(10000);
    Outcome outcome;
    outcome.failure = exchange.failure();
    outcome.status = exchange.status();
    outcome.body = exchange.body();
    outcome.contentType = exchange.header("content-type");
    outcome.error = exchange.errorString();
    return outcome;
}

HttpExchangeRequest get(const QUrl &url)
{
    HttpExchangeRequest request;
    request.verb = "GET";
    request.url = url;
    request.timeoutMs = 5000;
    return request;
}

// A GET to a server that answers with exactly these bytes, pieceSize at a time (0: at once).
Outcome getAnsweredWith(const QByteArray &answer, int pieceSize = 0)
{
    RawServer server;
    if (!server.listen()) {
        Outcome outcome;
        outcome.failure = HttpExchange::Failure::Network;
        outcome.error = QStringLiteral("the test server could not listen");
        return outcome;
    }
    server.answer = answer;
    server.pieceSize = pieceSize;
    return run(get(server.url(QStringLiteral("/ISAPI/x"))));
}

} // namespace

class TestHttpExchange : public QObject
{
    Q_OBJECT

private slots:
    void requestIsWrittenStrictly()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}";
        HttpExchangeRequest request;
        request.verb = "PUT";
        request.url = server.url(QStringLiteral("/ISAPI/AccessControl/UserInfo/Modify"));
        request.url.setQuery(QStringLiteral("format=json"));
        request.headers.append({QByteArray("Authorization"), QByteArray("Digest x")});
        request.body = R"({"UserInfo":{"name":"Åsa Öberg"}})";
        const Outcome outcome = run(request);
        QCOMPARE(outcome.failure, HttpExchange::Failure::None);
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.body, QByteArray("{}"));
        const QByteArray sent = server.lastRequest;
        QVERIFY2(
            sent.startsWith("PUT /ISAPI/AccessControl/UserInfo/Modify?format=json HTTP/1.1\r\n"),
            sent.constData());
        QVERIFY(sent.contains(
            QByteArray("\r\nHost: 127.0.0.1:" + QByteArray::number(request.url.port()) + "\r\n")));
        QVERIFY(sent.contains("\r\nAuthorization: Digest x\r\n"));
        QVERIFY(sent.contains("\r\nConnection: close\r\n"));
        QVERIFY(sent.contains(
            QByteArray("\r\nContent-Length: " + QByteArray::number(request.body.size()) + "\r\n")));
        QVERIFY(sent.endsWith(QByteArray("\r\n\r\n" + request.body)));
    }

    void answerShapes_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("pieceSize");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");

        const QByteArray json = R"({"UserInfoCount":{"userNumber":2}})";
        const QByteArray length = QByteArray::number(json.size());
        QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: "
                                                      "application/json\r\nContent-Length: " +
                                                      length + "\r\n\r\n" + json)
                                        << 0 << 200 << json;
        QTest::newRow("content-length, a byte at a time")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n" + json) << 1
            << 200 << json;
        QTest::newRow("chunked, with an extension and a trailer")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5;name=x\r\n{\"Use\r\n" +
                          QByteArray::number(json.size() - 5, 16) + "\r\n" + json.mid(5) +
                          "\r\n0\r\nX-Trailer: 1\r\n\r\n")
            << 0 << 200 << json;
        QTest::newRow("chunked, in pieces")
            << QByteArray("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n" +
                          QByteArray::number(json.size(), 16) + "\r\n" + json + "\r\n0\r\n\r\n")
            << 3 << 200 << json;
        QTest::newRow("no length: the body ends with the connection")
            << QByteArray("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + json) << 0
            << 200 << json;
        QTest::newRow("interim 100 Continue first")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 401 Unauthorized\r\n"
                          "WWW-Authenticate: Digest realm=\"x\",\r\n nonce=\"n\"\r\n"
                          "Content-Length: 0\r\n\r\n")
            << 0 << 401 << QByteArray();
        QTest::newRow("bare LF line ends")
            << QByteArray("HTTP/1.1 200 OK\nContent-Length: " + length + "\n\n" + json) << 0 << 200
            << json;
        QTest::newRow("same length twice")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: " + length + ", " + length +
                          "\r\n\r\n" + json)
            << 0 << 200 << json;
        QTest::newRow("204 has no body")
            << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << 0 << 204 << QByteArray();
    }

    void answerShapes()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, pieceSize);
        const Outcome outcome = getAnsweredWith(answer, pieceSize);
        QCOMPARE(outcome.failure, HttpExchange::Failure::None);
        QTEST(outcome.status, "status");
        QTEST(outcome.body, "body");
    }

    void foldedHeaderIsJoined()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.answer = "HTTP/1.1 401 Unauthorized\r\nwww-authenticate: Digest realm=\"r\",\r\n"
                        "\tnonce=\"n\"\r\nContent-Length: 0\r\n\r\n";
        HttpExchange exchange(get(server.url(QStringLiteral("/"))));
        QSignalSpy finished(&exchange, &HttpExchange::finished);
        exchange.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(exchange.status(), 401);
        QCOMPARE(exchange.header("WWW-Authenticate"),
                 QByteArray("Digest realm=\"r\", nonce=\"n\""));
    }

    void brokenAnswers_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("failure");

        using F = HttpExchange::Failure;
        QTest::newRow("closed before answering") << QByteArray() << int(F::ClosedEarly);
        QTest::newRow("closed in the body")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"half\":")
            << int(F::ClosedEarly);
        QTest::newRow("closed in the headers")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << int(F::ClosedEarly);
        QTest::newRow("closed between chunks")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n")
            << int(F::ClosedEarly);
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n")
                                  << int(F::MalformedResponse);
        QTest::newRow("lengths disagree")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\n{}")
            << int(F::MalformedResponse);
        QTest::newRow("negative length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")
            << int(F::MalformedResponse);
        QTest::newRow("bad chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
            << int(F::MalformedResponse);
        QTest::newRow("endless headers")
            << QByteArray(
                   "HTTP/1.1 200 OK\r\n" +
                   QByteArray("X-Filler: ").append(QByteArray(HttpExchange::kMaxHeaderBytes, 'a')))
            << int(F::ResponseTooLarge);
        QTest::newRow("body too large")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: " +
                          QByteArray::number(HttpExchange::kMaxBodyBytes + 1) + "\r\n\r\n")
            << int(F::ResponseTooLarge);
    }

    void brokenAnswers()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, failure);
        const Outcome outcome = getAnsweredWith(answer);
        QCOMPARE(int(outcome.failure), failure);
        QCOMPARE(outcome.status, 0);
        QVERIFY(!outcome.error.isEmpty());
    }

    void silentServerTimesOut()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.neverAnswer = true;
        HttpExchangeRequest request = get(server.url(QStringLiteral("/ISAPI/x")));
        request.timeoutMs = 200;
        const Outcome outcome = run(request);
        QCOMPARE(outcome.failure, HttpExchange::Failure::Timeout);
    }

    void refusedConnection()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const Outcome outcome =
            run(get(QUrl(QStringLiteral("http://127.0.0.1:%1/ISAPI/x").arg(port))));
        QCOMPARE(outcome.failure, HttpExchange::Failure::ConnectionRefused);
    }

    void abortedExchangeSaysNothing()
    {
        RawServer server;
        QVERIFY(server.listen());
        server.neverAnswer = true;
        HttpExchange exchange(get(server.url(QStringLiteral("/ISAPI/x"))));
        QSignalSpy finished(&exchange, &HttpExchange::finished);
        QSignalSpy sent(&exchange, &HttpExchange::requestSent);
        exchange.start();
        QVERIFY(sent.wait(10000));
        exchange.abort();
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 0);
        QVERIFY(exchange.isFinished());
    }

    void requestTargetKeepsTheQuery()
    {
        QCOMPARE(HttpExchange::requestTarget(QUrl(QStringLiteral("http://h/a/../b?format=json"))),
                 QByteArray("/b?format=json"));
        QCOMPARE(HttpExchange::requestTarget(QUrl(QStringLiteral("http://h"))), QByteArray("/"));
    }
};

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "tst_httpexchange.moc"
