// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "HttpServer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QXmlStreamReader>

using namespace cis::sim;

namespace {

struct RawResponse
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// A hand-driven HTTP client, so the tests decide exactly which bytes go out and when.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] {
            const QByteArray bytes = m_socket.readAll();
            m_received += bytes;
            m_raw += bytes;
            parse();
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected()
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    bool waitForResponses(int count)
    {
        return QTest::qWaitFor([&] { return responses.size() >= count; }, 5000);
    }
    bool waitForDisconnect()
    {
        return QTest::qWaitFor(
            [this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
    }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // Everything received, including bytes of an incomplete response.
    QByteArray received() const { return m_received; }

    QList<RawResponse> responses;
    int continues = 0;

private:
    void parse()
    {
        for (;;) {
            const qsizetype end = m_raw.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = m_raw.left(end).split('\n');
            RawResponse response;
            response.status = lines.first().split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
            }
            const qsizetype length = response.header("Content-Length").toLongLong();
            if (m_raw.size() < end + 4 + length)
                return;
            response.body = m_raw.mid(end + 4, length);
            m_raw.remove(0, end + 4 + length);
            if (response.status == 100)
                ++continues;
            else
                responses.append(response);
        }
    }

    QTcpSocket m_socket;
    QByteArray m_raw;
    QByteArray m_received;
};

QByteArray get(const QByteArray &path, const QByteArray &extraHeaders = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
}

QByteArray post(const QByteArray &path, const QByteArray &body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n" +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Answers "<method> <path> <body>" so each test sees what the server parsed.
void echo(const HttpRequest &request, HttpResponder &responder)
{
    responder.respond(HttpResponse::withBody(
        200, request.method + ' ' + request.path.toUtf8() + ' ' + request.body, "text/plain"));
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private slots:
    void parserAcceptsEverySplitPoint()
    {
        const QByteArray whole = "POST /Member/Export/?a=1&b=%C3%A5 HTTP/1.1\r\n"
                                 "Host: x\r\ncontent-LENGTH: 11\r\nX-Test:  spaced value \r\n\r\n"
                                 "hello world";
        for (qsizetype split = 0; split < whole.size(); ++split) {
            QByteArray buffer = whole.left(split);
            HttpRequest request;
            const HttpParseStatus first = parseHttpRequest(buffer, 1024, request);
            QVERIFY2(first == HttpParseStatus::Incomplete || first == HttpParseStatus::AwaitingBody,
                     QByteArray::number(split).constData());
            buffer += whole.mid(split);
            QCOMPARE(parseHttpRequest(buffer, 1024, request), HttpParseStatus::Complete);
            QVERIFY(buffer.isEmpty());
            QCOMPARE(request.method, QByteArray("POST"));
            QCOMPARE(request.path, QStringLiteral("/Member/Export/"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("a")), QStringLiteral("1"));
            QCOMPARE(request.query.queryItemValue(QStringLiteral("b"), QUrl::FullyDecoded),
                     QStringLiteral("å"));
            QCOMPARE(request.header("x-test"), QByteArray("spaced value"));
            QCOMPARE(request.header("Content-Length"), QByteArray("11"));
            QCOMPARE(request.body, QByteArray("hello world"));
        }
    }

    void parserLeavesTheNextRequestInTheBuffer()
    {
        QByteArray buffer = get("/one") + get("/two");
        HttpRequest request;
        QCOMPARE(parseHttpRequest(buffer, 1024, request), HttpParseStatus::Complete);
        QCOMPARE(request.path, QStringLiteral("/one"));
        QCOMPARE(parseHttpRequest(buffer, 1024, request), HttpParseStatus::Complete);
        QCOMPARE(request.path, QStringLiteral("/two"));
        QVERIFY(buffer.isEmpty());
    }

    void parserRejectsBrokenRequests_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<HttpParseStatus>("expected");
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << HttpParseStatus::Malformed;
        QTest::newRow("not http") << QByteArray("GET / SPDY/3\r\n\r\n")
                                  << HttpParseStatus::Malformed;
        QTest::newRow("relative target")
            << QByteArray("GET x HTTP/1.1\r\n\r\n") << HttpParseStatus::Malformed;
        QTest::newRow("header without colon")
            << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << HttpParseStatus::Malformed;
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n")
                                    << HttpParseStatus::Malformed;
        QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
            << HttpParseStatus::Malformed;
        QTest::newRow("too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2000\r\n\r\n")
                                   << HttpParseStatus::BodyTooLarge;
        QTest::newRow("chunked") << QByteArray(
                                        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << HttpParseStatus::Unsupported;
        QTest::newRow("endless headers")
            << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70000, 'a'))
            << HttpParseStatus::Malformed;
    }

    void parserRejectsBrokenRequests()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(HttpParseStatus, expected);
        HttpRequest request;
        QCOMPARE(parseHttpRequest(bytes, 1024, request), expected);
    }

    void listensOnLoopbackWithAChosenPort()
    {
        HttpServer server;
        QVERIFY(server.listen());
        QVERIFY(server.isListening());
        QVERIFY(server.port() != 0);
        QCOMPARE(server.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
    }

    void servesAQNetworkAccessManager()
    {
        HttpServer server;
        server.setHandler(echo);
        QVERIFY(server.listen());
        QNetworkAccessManager manager;
        for (int i = 0; i < 2; ++i) {
            QNetworkRequest request(server.baseUrl().resolved(QUrl(QStringLiteral("/x"))));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
            QNetworkReply *reply = manager.post(request, QByteArray("body"));
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(finished.wait());
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            QCOMPARE(reply->readAll(), QByteArray("POST /x body"));
            reply->deleteLater();
        }
        QCOMPARE(server.openConnectionCount(), 1);
    }

    void keepAliveServesSeveralRequestsOnOneConnection()
    {
        HttpServer server;
        QList<quint64> connections;
        server.setHandler([&](const HttpRequest &request, HttpResponder &responder) {
            connections.append(request.connectionId);
            echo(request, responder);
        });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/first"));
        QVERIFY(client.waitForResponses(1));
        client.send(post("/second", "abc"));
        QVERIFY(client.waitForResponses(2));
        // Pipelined: both in one write, answered in order.
        client.send(get("/third") + post("/fourth", "xyz"));
        QVERIFY(client.waitForResponses(4));
        QCOMPARE(client.responses[0].body, QByteArray("GET /first "));
        QCOMPARE(client.responses[1].body, QByteArray("POST /second abc"));
        QCOMPARE(client.responses[2].body, QByteArray("GET /third "));
        QCOMPARE(client.responses[3].body, QByteArray("POST /fourth xyz"));
        QCOMPARE(connections.size(), 4);
        QVERIFY(std::all_of(connections.cbegin(), connections.cend(),
                            [&](quint64 id) { return id == connections.first(); }));
        QVERIFY(client.isConnected());
        QVERIFY(client.responses[0].header("Connection").isEmpty());
    }

    void assemblesARequestArrivingInPieces()
    {
        HttpServer server;
        int handled = 0;
        server.setHandler([&](const HttpRequest &request, HttpResponder &responder) {
            ++handled;
            echo(request, responder);
        });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        const QByteArray whole = post("/pieces", QByteArray(5000, 'p'));
        const QList<qsizetype> cuts = {10, 60, 200, whole.size() - 1};
        qsizetype from = 0;
        for (qsizetype cut : cuts) {
            client.send(whole.mid(from, cut - from));
            from = cut;
            for (int i = 0; i < 5; ++i)
                QCoreApplication::processEvents();
            QCOMPARE(handled, 0);
        }
        client.send(whole.mid(from));
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(handled, 1);
        QCOMPARE(client.responses[0].body, QByteArray("POST /pieces " + QByteArray(5000, 'p')));
    }

    void honoursConnectionClose()
    {
        HttpServer server;
        server.setHandler(echo);
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/bye", "Connection: close\r\n"));
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.responses[0].header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForDisconnect());
    }

    void closesAfterHttp10RequestsAndWhenKeepAliveIsOff()
    {
        HttpServer server;
        server.setHandler(echo);
        QVERIFY(server.listen());
        {
            RawClient client(server.port());
            QVERIFY(client.waitConnected());
            client.send("GET /old HTTP/1.0\r\n\r\n");
            QVERIFY(client.waitForResponses(1));
            QVERIFY(client.waitForDisconnect());
        }
        server.setKeepAliveEnabled(false);
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/new"));
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.responses[0].header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForDisconnect());
    }

    void handlerCanCloseTheConnection()
    {
        HttpServer server;
        server.setHandler([](const HttpRequest &request, HttpResponder &responder) {
            echo(request, responder);
            responder.closeConnectionAfterResponse();
        });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/a") + get("/b"));
        QVERIFY(client.waitForResponses(1));
        QVERIFY(client.waitForDisconnect());
        QCOMPARE(client.responses.size(), 1);
        QTRY_COMPARE(server.openConnectionCount(), 0);
    }

    void latencyDelaysEveryAnswer()
    {
        HttpServer server;
        server.setHandler([](const HttpRequest &request, HttpResponder &responder) {
            echo(request, responder);
            responder.addDelay(50);
        });
        server.setLatencyMs(100);
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        QElapsedTimer timer;
        timer.start();
        client.send(get("/slow"));
        QVERIFY(client.waitForResponses(1));
        QVERIFY2(timer.elapsed() >= 150, QByteArray::number(timer.elapsed()).constData());
    }

    void serialisedServerHandlesOneRequestAtATime()
    {
        HttpServer server;
        server.setSerialized(true);
        server.setLatencyMs(100);
        int written = 0;
        connect(&server, &HttpServer::responseWritten, this, [&] { ++written; });
        QList<int> writtenWhenHandled;
        QElapsedTimer timer;
        QList<qint64> startedAt;
        server.setHandler([&](const HttpRequest &request, HttpResponder &responder) {
            writtenWhenHandled.append(written);
            startedAt.append(timer.elapsed());
            echo(request, responder);
        });
        QVERIFY(server.listen());
        RawClient first(server.port());
        RawClient second(server.port());
        QVERIFY(first.waitConnected());
        QVERIFY(second.waitConnected());
        timer.start();
        first.send(get("/one"));
        second.send(get("/two"));
        QVERIFY(first.waitForResponses(1));
        QVERIFY(second.waitForResponses(1));
        QCOMPARE(writtenWhenHandled, (QList<int>{0, 1}));
        QVERIFY(startedAt[1] - startedAt[0] >= 100);
    }

    void concurrentServerHandlesRequestsTogether()
    {
        HttpServer server;
        server.setLatencyMs(100);
        int written = 0;
        connect(&server, &HttpServer::responseWritten, this, [&] { ++written; });
        QList<int> writtenWhenHandled;
        server.setHandler([&](const HttpRequest &request, HttpResponder &responder) {
            writtenWhenHandled.append(written);
            echo(request, responder);
        });
        QVERIFY(server.listen());
        RawClient first(server.port());
        RawClient second(server.port());
        QVERIFY(first.waitConnected());
        QVERIFY(second.waitConnected());
        first.send(get("/one"));
        second.send(get("/two"));
        QVERIFY(first.waitForResponses(1));
        QVERIFY(second.waitForResponses(1));
        QCOMPARE(writtenWhenHandled, (QList<int>{0, 0}));
    }

    void neverAnswerStaysSilentWhileOthersAreServed()
    {
        HttpServer server;
        server.setSerialized(true);
        server.setHandler([](const HttpRequest &request, HttpResponder &responder) {
            if (request.path == QLatin1String("/hang"))
                responder.neverAnswer();
            else
                echo(request, responder);
        });
        QVERIFY(server.listen());
        RawClient hanging(server.port());
        RawClient other(server.port());
        QVERIFY(hanging.waitConnected());
        QVERIFY(other.waitConnected());
        hanging.send(get("/hang"));
        QTRY_COMPARE(server.openConnectionCount(), 2);
        QCoreApplication::processEvents();
        other.send(get("/fine"));
        // The later request is answered, so an answer to the earlier one would be there too.
        QVERIFY(other.waitForResponses(1));
        QCOMPARE(hanging.received(), QByteArray());
        QVERIFY(hanging.isConnected());
    }

    void dropConnectionClosesWithoutAnswer()
    {
        HttpServer server;
        server.setHandler(
            [](const HttpRequest &, HttpResponder &responder) { responder.dropConnection(); });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/drop"));
        QVERIFY(client.waitForDisconnect());
        QCOMPARE(client.received(), QByteArray());
        QTRY_COMPARE(server.openConnectionCount(), 0);
    }

    void truncatedBodyStopsHalfWay()
    {
        HttpServer server;
        const QByteArray body(1000, 'x');
        server.setHandler([&](const HttpRequest &, HttpResponder &responder) {
            responder.respondTruncated(HttpResponse::withBody(200, body, "text/plain"));
        });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/cut"));
        QVERIFY(client.waitForDisconnect());
        QVERIFY(client.responses.isEmpty());
        const QByteArray received = client.received();
        QVERIFY(received.contains("Content-Length: 1000\r\n"));
        QVERIFY(received.endsWith(QByteArray("\r\n\r\n" + QByteArray(500, 'x'))));
    }

    void malformedBodyDoesNotParse()
    {
        HttpServer server;
        const QByteArray document = "<?xml version=\"1.0\"?><Cardskipper><Members/></Cardskipper>";
        server.setHandler([&](const HttpRequest &, HttpResponder &responder) {
            responder.respondMalformed(HttpResponse::withBody(200, document, "application/xml"));
        });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/bad"));
        QVERIFY(client.waitForResponses(1));
        const RawResponse &response = client.responses[0];
        QCOMPARE(response.status, 200);
        QVERIFY(response.body != document);
        QXmlStreamReader xml(response.body);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY(xml.hasError());
        QVERIFY(client.isConnected());
    }

    void oversizedBodyIsRefusedWith413()
    {
        HttpServer server;
        server.setMaxBodySize(1024);
        int handled = 0;
        server.setHandler([&](const HttpRequest &request, HttpResponder &responder) {
            ++handled;
            echo(request, responder);
        });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(post("/big", QByteArray(2048, 'b')));
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.responses[0].status, 413);
        QCOMPARE(client.responses[0].header("Connection"), QByteArray("close"));
        QCOMPARE(handled, 0);
    }

    void malformedRequestIsRefusedWith400()
    {
        HttpServer server;
        server.setHandler(echo);
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send("NONSENSE\r\n\r\n");
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.responses[0].status, 400);
    }

    void handlerWithoutDecisionGives500()
    {
        HttpServer server;
        server.setHandler([](const HttpRequest &, HttpResponder &) {});
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/nothing"));
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.responses[0].status, 500);
    }

    void sendsContinueWhenAsked()
    {
        HttpServer server;
        server.setHandler(echo);
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send("POST /c HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&] { return client.continues == 1; }, 5000));
        client.send("body");
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.responses[0].body, QByteArray("POST /c body"));
    }

    void responseHeadersArePassedOn()
    {
        HttpServer server;
        server.setHandler([](const HttpRequest &, HttpResponder &responder) {
            HttpResponse response = HttpResponse::withBody(429, "wait", "text/plain");
            response.setHeader("Retry-After", "7");
            response.setHeader("Content-Length", "999"); // the server's own length wins
            responder.respond(response);
        });
        QVERIFY(server.listen());
        RawClient client(server.port());
        QVERIFY(client.waitConnected());
        client.send(get("/h"));
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.responses[0].status, 429);
        QCOMPARE(client.responses[0].header("Retry-After"), QByteArray("7"));
        QCOMPARE(client.responses[0].header("Content-Length"), QByteArray("4"));
        QCOMPARE(client.responses[0].body, QByteArray("wait"));
    }

    void survivesAClientLeavingBeforeTheAnswer()
    {
        HttpServer server;
        server.setSerialized(true);
        server.setLatencyMs(50);
        server.setHandler(echo);
        QVERIFY(server.listen());
        QSignalSpy closed(&server, &HttpServer::connectionClosed);
        {
            RawClient leaving(server.port());
            QVERIFY(leaving.waitConnected());
            leaving.send(get("/gone"));
            QTRY_COMPARE(server.openConnectionCount(), 1);
        }
        QVERIFY(closed.wait());
        RawClient staying(server.port());
        QVERIFY(staying.waitConnected());
        staying.send(get("/here"));
        QVERIFY(staying.waitForResponses(1));
        QCOMPARE(staying.responses[0].body, QByteArray("GET /here "));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
