// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Drives the door-terminal simulator over loopback HTTP the way a client would: raw requests
// with a hand-made Digest header for exact cases, QNetworkAccessManager's own Digest for
// compatibility with a real client.
#include "Clock.h"
#include "DeviceDemoData.h"
#include "DeviceProfiles.h"
#include "IsapiSimulator.h"

#include <QAuthenticator>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QUuid>
#include <QXmlStreamReader>
#include <memory>

using namespace cis;
using namespace cis::sim;

namespace {

const QDateTime kStart(QDate(2026, 3, 15), QTime(12, 0));

const QString kDeviceInfo = QStringLiteral("/ISAPI/System/deviceInfo");
const QString kUserCheck = QStringLiteral("/ISAPI/Security/userCheck");
const QString kAcsCapabilities = QStringLiteral("/ISAPI/AccessControl/capabilities");
const QString kUserCapabilities =
    QStringLiteral("/ISAPI/AccessControl/UserInfo/capabilities?format=json");
const QString kUserCount = QStringLiteral("/ISAPI/AccessControl/UserInfo/Count?format=json");
const QString kUserSearch = QStringLiteral("/ISAPI/AccessControl/UserInfo/Search?format=json");
const QString kUserRecord = QStringLiteral("/ISAPI/AccessControl/UserInfo/Record?format=json");
const QString kUserModify = QStringLiteral("/ISAPI/AccessControl/UserInfo/Modify?format=json");
const QString kUserSetUp = QStringLiteral("/ISAPI/AccessControl/UserInfo/SetUp?format=json");
const QString kUserDelete = QStringLiteral("/ISAPI/AccessControl/UserInfo/Delete?format=json");
const QString kDetailDelete =
    QStringLiteral("/ISAPI/AccessControl/UserInfoDetail/Delete?format=json");
const QString kDetailProcess =
    QStringLiteral("/ISAPI/AccessControl/UserInfoDetail/DeleteProcess?format=json");
const QString kCardCount = QStringLiteral("/ISAPI/AccessControl/CardInfo/Count?format=json");
const QString kCardSearch = QStringLiteral("/ISAPI/AccessControl/CardInfo/Search?format=json");
const QString kCardRecord = QStringLiteral("/ISAPI/AccessControl/CardInfo/Record?format=json");
const QString kCardModify = QStringLiteral("/ISAPI/AccessControl/CardInfo/Modify?format=json");
const QString kCardSetUp = QStringLiteral("/ISAPI/AccessControl/CardInfo/SetUp?format=json");
const QString kCardDelete = QStringLiteral("/ISAPI/AccessControl/CardInfo/Delete?format=json");

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        return std::any_of(headers.cbegin(), headers.cend(), [&](const auto &header) {
            return header.first.compare(name, Qt::CaseInsensitive) == 0;
        });
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray nonceOf(const QByteArray &challenge)
{
    static const QRegularExpression pattern(QStringLiteral("nonce=\"([^\"]+)\""));
    return pattern.match(QString::fromLatin1(challenge)).captured(1).toLatin1();
}

// The text of the first element of that name, wherever it is.
QString xmlText(const QByteArray &document, const QString &name)
{
    QXmlStreamReader xml(document);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == name)
            return xml.readElementText();
    }
    return QStringLiteral("<missing>");
}

QString xmlRootNamespace(const QByteArray &document)
{
    QXmlStreamReader xml(document);
    return xml.readNextStartElement() ? xml.namespaceUri().toString() : QString();
}

QJsonObject status(int code, const char *text, const char *sub, qint64 errorCode,
                   const QString &errorMsg)
{
    return QJsonObject{{QStringLiteral("statusCode"), code},
                       {QStringLiteral("statusString"), QLatin1String(text)},
                       {QStringLiteral("subStatusCode"), QLatin1String(sub)},
                       {QStringLiteral("errorCode"), errorCode},
                       {QStringLiteral("errorMsg"), errorMsg}};
}

const QJsonObject kOk{{QStringLiteral("statusCode"), 1},
                      {QStringLiteral("statusString"), QStringLiteral("OK")},
                      {QStringLiteral("subStatusCode"), QStringLiteral("ok")}};

QJsonObject lack(const char *field)
{
    return status(6, "Invalid Content", "MessageParametersLack", 1610612761, QLatin1String(field));
}

QJsonObject valid(const QString &begin, const QString &end, bool enable = true)
{
    return QJsonObject{{QStringLiteral("enable"), enable},
                       {QStringLiteral("beginTime"), begin},
                       {QStringLiteral("endTime"), end},
                       {QStringLiteral("timeType"), QStringLiteral("local")}};
}

// The Record body production clients send (hikvision-isapi.md §3.6).
QJsonObject userInfo(QAnyStringView employeeNo, QAnyStringView name,
                     QAnyStringView begin = u"2026-01-01T00:00:00",
                     QAnyStringView end = u"2026-12-31T23:59:59")
{
    return QJsonObject{
        {QStringLiteral("employeeNo"), employeeNo.toString()},
        {QStringLiteral("name"), name.toString()},
        {QStringLiteral("userType"), QStringLiteral("normal")},
        {QStringLiteral("Valid"), valid(begin.toString(), end.toString())},
        {QStringLiteral("doorRight"), QStringLiteral("1")},
        {QStringLiteral("RightPlan"),
         QJsonArray{QJsonObject{{QStringLiteral("doorNo"), 1},
                                {QStringLiteral("planTemplateNo"), QStringLiteral("1")}}}},
    };
}

QJsonObject wrap(const char *root, const QJsonObject &content)
{
    return QJsonObject{{QLatin1String(root), content}};
}

QJsonObject searchCondition(int position, int maxResults,
                            const QString &searchId = QStringLiteral("search-1"))
{
    return QJsonObject{{QStringLiteral("searchID"), searchId},
                       {QStringLiteral("searchResultPosition"), position},
                       {QStringLiteral("maxResults"), maxResults}};
}

QJsonArray idList(const char *key, const QStringList &ids)
{
    QJsonArray list;
    for (const QString &id : ids)
        list.append(QJsonObject{{QLatin1String(key), id}});
    return list;
}

DevicePerson plainPerson(const QString &employeeNo, const QString &name = QString())
{
    DevicePerson person;
    person.employeeNo = employeeNo;
    person.name = name.isEmpty() ? QStringLiteral("Person ") + employeeNo : name;
    return person;
}

} // namespace

class TestIsapiSimulator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<IsapiSimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QByteArray m_nonce;
    int m_nc = 0;

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QByteArray &authorization, QNetworkAccessManager *network = nullptr,
                         int timeoutMs = 0)
    {
        QNetworkRequest request(m_sim->baseUrl().resolved(QUrl(path)));
        if (timeoutMs > 0)
            request.setTransferTimeout(timeoutMs);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        network = network ? network : m_network.get();
        if (method == "GET" && body.isEmpty())
            return network->get(request);
        return network->sendCustomRequest(request, method, body);
    }

    Reply finish(QNetworkReply *reply, int timeoutMs = 20000)
    {
        // An event loop wakes on the reply's own signal; qWaitFor would poll in 10 ms naps.
        if (!reply->isFinished()) {
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        const bool finished = reply->isFinished();
        Reply result;
        if (!finished) {
            result.error = QNetworkReply::TimeoutError;
            reply->abort();
        } else {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.error = reply->error();
            result.body = reply->isOpen() ? reply->readAll() : QByteArray();
            result.headers = reply->rawHeaderPairs();
        }
        reply->deleteLater();
        return result;
    }

    Reply raw(const QByteArray &method, const QString &path, const QByteArray &body = {},
              const QByteArray &authorization = {})
    {
        return finish(start(method, path, body, authorization));
    }

    QByteArray challenge()
    {
        const Reply reply = raw("GET", kDeviceInfo);
        return reply.header("WWW-Authenticate");
    }

    // RFC 2617 by hand, for a client whose every byte the test decides.
    QByteArray digest(const QByteArray &method, const QString &path, const QByteArray &nonce,
                      int nc, const QByteArray &user = "admin",
                      const QByteArray &password = "demo12345")
    {
        const QByteArray realm = m_sim->auth().settings().realm.toUtf8();
        const QByteArray uri = m_sim->baseUrl()
                                   .resolved(QUrl(path))
                                   .toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        const QByteArray count = QByteArray::number(nc, 16).rightJustified(8, '0');
        const QByteArray cnonce = "c0ffee42";
        const QByteArray ha1 = md5Hex(user + ':' + realm + ':' + password);
        const QByteArray ha2 = md5Hex(method + ':' + uri);
        const QByteArray response =
            md5Hex(ha1 + ':' + nonce + ':' + count + ':' + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce +
               "\", uri=\"" + uri + "\", response=\"" + response + "\", qop=auth, nc=" + count +
               ", cnonce=\"" + cnonce + '"';
    }

    QByteArray nextAuthorization(const QByteArray &method, const QString &path)
    {
        if (m_nonce.isEmpty()) {
            m_nonce = nonceOf(challenge());
            m_nc = 0;
        }
        return digest(method, path, m_nonce, ++m_nc);
    }

    // An authenticated request; a spent nonce is renewed once, as a client does.
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {})
    {
        Reply reply = raw(method, path, body, nextAuthorization(method, path));
        if (reply.status == 401 && reply.header("WWW-Authenticate").contains("stale=\"TRUE\"")) {
            m_nonce = nonceOf(reply.header("WWW-Authenticate"));
            m_nc = 0;
            reply = raw(method, path, body, nextAuthorization(method, path));
        }
        return reply;
    }

    Reply send(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    QJsonObject call(const QByteArray &method, const QString &path, const QJsonObject &body)
    {
        return send(method, path, body).json();
    }

    QJsonObject search(const QJsonObject &condition)
    {
        return call("POST", kUserSearch, wrap("UserInfoSearchCond", condition))
            .value(QLatin1String("UserInfoSearch"))
            .toObject();
    }

    QStringList employeeNos(const QJsonObject &searchAnswer)
    {
        QStringList numbers;
        const QJsonArray list = searchAnswer.value(QLatin1String("UserInfo")).toArray();
        for (const QJsonValue &person : list)
            numbers.append(person[QLatin1String("employeeNo")].toString());
        return numbers;
    }

    void addHookPersons(int count, int first = 1)
    {
        for (int i = first; i < first + count; ++i)
            m_sim->upsertPerson(plainPerson(QString::number(i)));
    }

    void setMode(IsapiSimulator::HttpStatusMode mode) { m_sim->options().httpStatusMode = mode; }
    static int errorStatus(IsapiSimulator::HttpStatusMode mode)
    {
        return mode == IsapiSimulator::HttpStatusMode::Http400 ? 400 : 200;
    }

    static void addModeColumn() { QTest::addColumn<IsapiSimulator::HttpStatusMode>("mode"); }

private slots:
    void init()
    {
        m_clock = std::make_unique<ManualClock>(kStart);
        m_sim = std::make_unique<IsapiSimulator>(m_clock.get());
        QVERIFY(m_sim->listen());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_nonce.clear();
        m_nc = 0;
    }

    void cleanup()
    {
        m_network.reset();
        m_sim.reset();
        m_clock.reset();
    }

    // --- authentication ---

    void realClientDigestWorks()
    {
        QNetworkAccessManager network;
        int asked = 0;
        connect(&network, &QNetworkAccessManager::authenticationRequired, this,
                [&asked](QNetworkReply *, QAuthenticator *authenticator) {
                    ++asked;
                    authenticator->setUser(QStringLiteral("admin"));
                    authenticator->setPassword(QStringLiteral("demo12345"));
                });
        for (int i = 0; i < 20; ++i) {
            const Reply reply = finish(start("GET", kUserCount, {}, {}, &network));
            QCOMPARE(reply.status, 200);
            QCOMPARE(
                reply.json()[QLatin1String("UserInfoCount")][QLatin1String("userNumber")].toInt(),
                0);
        }
        const Reply info = finish(start("GET", kDeviceInfo, {}, {}, &network));
        QCOMPARE(xmlText(info.body, QStringLiteral("model")), QStringLiteral("DS-K1T341AM"));
        QCOMPARE(asked, 1);
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
        // Whether QNetworkAccessManager reuses the nonce decides how many challenges it saw;
        // either way none of them may have been taken for a failure.
        QVERIFY(m_sim->challengesIssued() >= 1);
    }

    void realClientMeetsAnExpiredSession()
    {
        // Records how QNetworkAccessManager copes with S4's "after hours" answer, for the client:
        // it asks for credentials again but hands the 401 to the caller; only the next request
        // goes through. A client must retry once itself, as S4's did.
        QNetworkAccessManager network;
        int asked = 0;
        connect(&network, &QNetworkAccessManager::authenticationRequired, this,
                [&asked](QNetworkReply *, QAuthenticator *authenticator) {
                    ++asked;
                    authenticator->setUser(QStringLiteral("admin"));
                    authenticator->setPassword(QStringLiteral("demo12345"));
                });
        QCOMPARE(finish(start("GET", kUserCount, {}, {}, &network)).status, 200);
        m_sim->expireAllNonces();
        const Reply expired = finish(start("GET", kUserCount, {}, {}, &network));
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.json()[QLatin1String("subStatusCode")].toString(),
                 QStringLiteral("invalidOperation"));
        QCOMPARE(finish(start("GET", kUserCount, {}, {}, &network)).status, 200);
        QCOMPARE(asked, 2);
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
    }

    void requestWithoutCredentialsGetsAChallenge()
    {
        const Reply reply = raw("GET", kUserCount);
        QCOMPARE(reply.status, 401);
        QVERIFY(QRegularExpression(QStringLiteral("^Digest qop=\"auth\", realm=\"DS-K1T341AM\", "
                                                  "nonce=\"[0-9a-f]+\", stale=\"FALSE\"$"))
                    .match(QString::fromLatin1(reply.header("WWW-Authenticate")))
                    .hasMatch());
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/xml; charset=\"UTF-8\""));
        QCOMPARE(xmlText(reply.body, QStringLiteral("statusValue")), QStringLiteral("401"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("statusString")),
                 QStringLiteral("Unauthorized"));
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
        QCOMPARE(m_sim->challengesIssued(), 1);
        // Unknown paths ask for credentials first too.
        QCOMPARE(raw("GET", QStringLiteral("/ISAPI/Nothing/Here")).status, 401);
    }

    void realmIsAnOption()
    {
        m_sim->auth().settings().realm = QStringLiteral("IP Camera(C5654)");
        QVERIFY(challenge().contains("realm=\"IP Camera(C5654)\""));
        QCOMPARE(send("GET", kUserCount).status, 200);
    }

    void nonceIsSpentAfterEightUses()
    {
        const QByteArray nonce = nonceOf(challenge());
        for (int nc = 1; nc <= 8; ++nc)
            QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, nc)).status, 200);
        const Reply stale = raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 9));
        QCOMPARE(stale.status, 401);
        QVERIFY(stale.header("WWW-Authenticate").contains("stale=\"TRUE\""));
        QCOMPARE(m_sim->staleChallenges(), 1);
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
        const QByteArray fresh = nonceOf(stale.header("WWW-Authenticate"));
        QVERIFY(fresh != nonce);
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, fresh, 1)).status, 200);
    }

    void oneTimeNonceIsSpentByARequestThatThenFails()
    {
        m_sim->auth().settings().nonceMaxUses = 1;
        const QByteArray nonce = nonceOf(challenge());
        // The terminal checks the login before anything goes wrong: the nonce is used up
        // although the answer is an error page.
        m_sim->faults().failNext(1, FaultKind::Http500);
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 1)).status, 500);
        const Reply again = raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 2));
        QCOMPARE(again.status, 401);
        QVERIFY(again.header("WWW-Authenticate").contains("stale=\"TRUE\""));
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
        const QByteArray fresh = nonceOf(again.header("WWW-Authenticate"));
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, fresh, 1)).status, 200);
        // One use, then stale.
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, fresh, 2)).status, 401);
    }

    void aSpentNonceMayGetAPlainChallenge()
    {
        m_sim->auth().settings().nonceMaxUses = 1;
        m_sim->auth().settings().markStaleNonces = false;
        const QByteArray nonce = nonceOf(challenge());
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 1)).status, 200);
        const Reply spent = raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 2));
        QCOMPARE(spent.status, 401);
        QVERIFY(spent.header("WWW-Authenticate").contains("stale=\"FALSE\""));
        QCOMPARE(m_sim->failedAuthAttempts(), 0); // the password was right
        const QByteArray fresh = nonceOf(spent.header("WWW-Authenticate"));
        QVERIFY(fresh != nonce);
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, fresh, 1)).status, 200);
    }

    void nonceExpiresByAge()
    {
        m_sim->auth().settings().nonceMaxUses = 0;
        m_sim->auth().settings().nonceLifetimeSeconds = 2;
        const QByteArray nonce = nonceOf(challenge());
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 1)).status, 200);
        m_clock->advanceSeconds(1);
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 2)).status, 200);
        m_clock->advanceSeconds(1);
        const Reply stale = raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 3));
        QCOMPARE(stale.status, 401);
        QVERIFY(stale.header("WWW-Authenticate").contains("stale=\"TRUE\""));
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
    }

    void wrongPasswordCountsOneFailure()
    {
        const QByteArray nonce = nonceOf(challenge());
        const Reply reply =
            raw("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 1, "admin", "wrong"));
        QCOMPARE(reply.status, 401);
        QVERIFY(reply.header("WWW-Authenticate").contains("stale=\"FALSE\""));
        QCOMPARE(xmlRootNamespace(reply.body),
                 QStringLiteral("http://www.isapi.org/ver20/XMLSchema"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("statusValue")), QStringLiteral("401"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("isActivated")), QStringLiteral("true"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("lockStatus")), QStringLiteral("unlock"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("unlockTime")), QStringLiteral("0"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("retryLoginTime")), QStringLiteral("4"));
        QCOMPARE(m_sim->failedAuthAttempts(), 1);
        QCOMPARE(m_sim->lockState(QStringLiteral("admin")).remainingAttempts, 4);
    }

    void fiveFailuresLockTheUserForHalfAnHour()
    {
        for (int attempt = 1; attempt <= 5; ++attempt) {
            const Reply reply =
                raw("GET", kUserCheck, {},
                    digest("GET", kUserCheck, nonceOf(challenge()), 1, "admin", "wrong"));
            QCOMPARE(reply.status, 401);
            QCOMPARE(xmlText(reply.body, QStringLiteral("retryLoginTime")),
                     QString::number(5 - attempt));
        }
        QVERIFY(m_sim->lockState(QStringLiteral("admin")).locked);

        const Reply locked = send("GET", kUserCheck);
        QCOMPARE(locked.status, 401);
        QCOMPARE(xmlText(locked.body, QStringLiteral("lockStatus")), QStringLiteral("locked"));
        QCOMPARE(xmlText(locked.body, QStringLiteral("unlockTime")), QStringLiteral("1800"));
        QCOMPARE(m_sim->failedAuthAttempts(), 5);

        m_clock->advanceSeconds(1200);
        const Reply later = send("GET", kUserCheck);
        QCOMPARE(xmlText(later.body, QStringLiteral("unlockTime")), QStringLiteral("600"));
        m_clock->advanceSeconds(600);
        const Reply open = send("GET", kUserCheck);
        QCOMPARE(open.status, 200);
        QCOMPARE(xmlText(open.body, QStringLiteral("statusValue")), QStringLiteral("200"));
        QCOMPARE(xmlText(open.body, QStringLiteral("isDefaultPassword")), QStringLiteral("false"));
        QVERIFY(!m_sim->lockState(QStringLiteral("admin")).locked);
    }

    void expiredSessionAnswersInvalidOperation()
    {
        QCOMPARE(send("GET", kUserCount).status, 200);
        m_sim->expireAllNonces();
        const Reply reply = raw("GET", kUserCount, {}, digest("GET", kUserCount, m_nonce, 99));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject expected{
            {QStringLiteral("statusCode"), 4},
            {QStringLiteral("statusString"), QStringLiteral("Invalid Operation")},
            {QStringLiteral("subStatusCode"), QStringLiteral("invalidOperation")},
            {QStringLiteral("errorCode"), 1073741830}};
        QCOMPARE(reply.json(), expected);
        const QByteArray header = reply.header("WWW-Authenticate");
        QVERIFY(header.contains("stale=\"FALSE\""));
        QVERIFY(!header.contains("stale=\"TRUE\""));
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
        QCOMPARE(raw("GET", kUserCount, {}, digest("GET", kUserCount, nonceOf(header), 1)).status,
                 200);
    }

    void basicAuthIsOffByDefault()
    {
        const QByteArray basic = "Basic " + QByteArray("admin:demo12345").toBase64();
        const Reply refused = raw("GET", kUserCount, {}, basic);
        QCOMPARE(refused.status, 401);
        QVERIFY(refused.header("WWW-Authenticate").startsWith("Digest "));
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
        m_sim->auth().settings().allowBasic = true;
        QCOMPARE(raw("GET", kUserCount, {}, basic).status, 200);
    }

    void unusableDigestHeaderIsBadRequest()
    {
        const QByteArray nonce = nonceOf(challenge());
        // Computed for another URI than the request's.
        const Reply reply = raw("GET", kUserCount, {}, digest("GET", kDeviceInfo, nonce, 1));
        QCOMPARE(reply.status, 400);
        QCOMPARE(xmlText(reply.body, QStringLiteral("subStatusCode")),
                 QStringLiteral("badAuthorization"));
        QCOMPARE(m_sim->failedAuthAttempts(), 0);
    }

    // --- routing and formats ---

    void deviceInfoIsXmlEvenWhenJsonIsAsked_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("plain") << kDeviceInfo;
        QTest::newRow("format=json") << QString(kDeviceInfo + QStringLiteral("?format=json"));
    }

    void deviceInfoIsXmlEvenWhenJsonIsAsked()
    {
        QFETCH(QString, path);
        const Reply reply = send("GET", path);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/xml; charset=\"UTF-8\""));
        QVERIFY(reply.body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        QCOMPARE(xmlRootNamespace(reply.body),
                 QStringLiteral("http://www.isapi.org/ver20/XMLSchema"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("model")), QStringLiteral("DS-K1T341AM"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("firmwareVersion")), QStringLiteral("V3.2.30"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("deviceType")), QStringLiteral("ACS"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("deviceName")),
                 QStringLiteral("Access Controller"));
    }

    void responsesCarryTheDeviceHeaders()
    {
        const Reply reply = send("GET", kUserCount);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(reply.header("Server"), QByteArray("webs"));
        QCOMPARE(reply.header("Connection"), QByteArray("close"));
        QCOMPARE(reply.header("X-Frame-Options"), QByteArray("SAMEORIGIN"));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(reply.header("Pragma"), QByteArray("no-cache"));
        QCOMPARE(raw("GET", kUserCount).header("Connection"), QByteArray("close"));

        m_sim->options().keepAlive = true;
        const Reply kept = send("GET", kUserCount);
        QVERIFY(!kept.hasHeader("Connection"));
    }

    void pathsAreCaseSensitive()
    {
        QCOMPARE(
            send("GET", QStringLiteral("/ISAPI/AccessControl/userinfo/Count?format=json")).status,
            404);
        QCOMPARE(send("GET", QStringLiteral("/isapi/System/deviceInfo")).status, 404);
        QCOMPARE(send("GET", QStringLiteral("/ISAPI/System/deviceInfo/")).status, 404);
        const Reply unknown = send("GET", QStringLiteral("/ISAPI/AccessControl/Nothing"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(xmlText(unknown.body, QStringLiteral("statusString")),
                 QStringLiteral("Invalid Operation"));
    }

    void searchIsPostOnly()
    {
        QCOMPARE(send("GET", kUserSearch).status, 404);
        QCOMPARE(send("GET", kCardSearch).status, 404);
        QCOMPARE(send("PUT", kUserSearch, wrap("UserInfoSearchCond", searchCondition(0, 1))).status,
                 404);
    }

    void wrongMethodIsMethodNotAllowed_data()
    {
        addModeColumn();
        QTest::newRow("HTTP 400 mode") << IsapiSimulator::HttpStatusMode::Http400;
        QTest::newRow("HTTP 200 mode") << IsapiSimulator::HttpStatusMode::Http200;
    }

    void wrongMethodIsMethodNotAllowed()
    {
        QFETCH(IsapiSimulator::HttpStatusMode, mode);
        setMode(mode);
        const Reply reply = send("POST", kUserModify, wrap("UserInfo", userInfo("1", "A")));
        QCOMPARE(reply.status, errorStatus(mode));
        QCOMPARE(reply.json(), status(4, "Invalid Operation", "methodNotAllowed", 1073741828,
                                      QStringLiteral("methodNotAllowed")));
        QCOMPARE(send("DELETE", kUserDelete).status, errorStatus(mode));
        QCOMPARE(m_sim->persons().size(), 0);
    }

    void jsonResourcesNeedFormatJson()
    {
        const Reply reply = send("GET", QStringLiteral("/ISAPI/AccessControl/UserInfo/Count"));
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.header("Content-Type").startsWith("application/xml"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("subStatusCode")),
                 QStringLiteral("badXmlFormat"));
        QCOMPARE(xmlText(reply.body, QStringLiteral("statusCode")), QStringLiteral("5"));
    }

    void missingRootIsNamed_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("root");
        addModeColumn();
        using Mode = IsapiSimulator::HttpStatusMode;
        for (const Mode mode : {Mode::Http400, Mode::Http200}) {
            const char *tag = mode == Mode::Http400 ? "400" : "200";
            const auto row = [&](const char *name, const char *method, const QString &path,
                                 const char *root) {
                QTest::addRow("%s %s", name, tag)
                    << QByteArray(method) << path << QString::fromLatin1(root) << mode;
            };
            row("Record", "POST", kUserRecord, "UserInfo");
            row("Modify", "PUT", kUserModify, "UserInfo");
            row("SetUp", "PUT", kUserSetUp, "UserInfo");
            row("Delete", "PUT", kUserDelete, "UserInfoDelCond");
            row("Search", "POST", kUserSearch, "UserInfoSearchCond");
            row("Detail delete", "PUT", kDetailDelete, "UserInfoDetail");
            row("Card Record", "POST", kCardRecord, "CardInfo");
            row("Card Modify", "PUT", kCardModify, "CardInfo");
            row("Card SetUp", "PUT", kCardSetUp, "CardInfo");
            row("Card Delete", "PUT", kCardDelete, "CardInfoDelCond");
            row("Card Search", "POST", kCardSearch, "CardInfoSearchCond");
        }
    }

    void missingRootIsNamed()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, root);
        QFETCH(IsapiSimulator::HttpStatusMode, mode);
        setMode(mode);
        m_sim->upsertPerson(plainPerson(QStringLiteral("1")));
        QVERIFY(m_sim->addCard(QStringLiteral("1"), QStringLiteral("C1")));
        const Reply reply = send(method, path, QByteArray("{}"));
        QCOMPARE(reply.status, errorStatus(mode));
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(reply.json(),
                 status(6, "Invalid Content", "MessageParametersLack", 1610612761, root));
        // A wrong root is no root at all.
        QCOMPARE(send(method, path, QJsonObject{{QStringLiteral("Something"), QJsonObject()}})
                     .json()[QLatin1String("errorMsg")]
                     .toString(),
                 root);
        QCOMPARE(m_sim->persons().size(), 1);
        QCOMPARE(m_sim->cards().size(), 1);
    }

    void malformedJsonIsBadJsonFormat_data()
    {
        addModeColumn();
        QTest::newRow("HTTP 400 mode") << IsapiSimulator::HttpStatusMode::Http400;
        QTest::newRow("HTTP 200 mode") << IsapiSimulator::HttpStatusMode::Http200;
    }

    void malformedJsonIsBadJsonFormat()
    {
        QFETCH(IsapiSimulator::HttpStatusMode, mode);
        setMode(mode);
        for (const QByteArray &body :
             {QByteArray("{\"UserInfo\": {"), QByteArray("[1, 2]"), QByteArray("not json")}) {
            const Reply reply = send("POST", kUserRecord, body);
            QCOMPARE(reply.status, errorStatus(mode));
            QCOMPARE(reply.json()[QLatin1String("subStatusCode")].toString(),
                     QStringLiteral("badJsonFormat"));
            QCOMPARE(reply.json()[QLatin1String("statusCode")].toInt(), 5);
        }
    }

    void everyEndpointAnswersInBothStatusModes_data()
    {
        addModeColumn();
        QTest::newRow("HTTP 400 mode") << IsapiSimulator::HttpStatusMode::Http400;
        QTest::newRow("HTTP 200 mode") << IsapiSimulator::HttpStatusMode::Http200;
    }

    void everyEndpointAnswersInBothStatusModes()
    {
        QFETCH(IsapiSimulator::HttpStatusMode, mode);
        setMode(mode);
        const int refused = errorStatus(mode);
        struct Step
        {
            QByteArray method;
            QString path;
            QJsonObject body;
            int httpStatus;
            QString subStatusCode; // empty: a data document
        };
        const QJsonObject person = wrap("UserInfo", userInfo("1", "Anna"));
        const QJsonObject card =
            wrap("CardInfo", QJsonObject{{QStringLiteral("employeeNo"), QStringLiteral("1")},
                                         {QStringLiteral("cardNo"), QStringLiteral("C1")}});
        const QJsonObject strangerCard =
            wrap("CardInfo", QJsonObject{{QStringLiteral("employeeNo"), QStringLiteral("2")},
                                         {QStringLiteral("cardNo"), QStringLiteral("C2")}});
        QJsonObject badCardType = card[QLatin1String("CardInfo")].toObject();
        badCardType.insert(QStringLiteral("cardType"), QStringLiteral("goldCard"));
        QJsonObject inverted = userInfo("1", "Anna");
        inverted.insert(QStringLiteral("Valid"), valid(QStringLiteral("2026-02-01T00:00:00"),
                                                       QStringLiteral("2026-01-01T00:00:00")));
        QStringList many;
        for (int i = 0; i < 31; ++i)
            many.append(QString::number(i));
        const QString ok = QStringLiteral("ok");
        const QList<Step> steps = {
            {"GET", kUserCapabilities, {}, 200, {}},
            {"GET", kUserCount, {}, 200, {}},
            {"POST", kUserRecord, person, 200, ok},
            {"POST", kUserRecord, person, refused, QStringLiteral("employeeNoAlreadyExist")},
            {"PUT", kUserModify, person, 200, ok},
            {"PUT", kUserModify, wrap("UserInfo", userInfo("2", "Bo")), refused,
             QStringLiteral("employeeNoNotExist")},
            {"PUT", kUserSetUp, person, 200, ok},
            {"PUT", kUserSetUp, wrap("UserInfo", inverted), refused,
             QStringLiteral("invalidOperation")},
            {"POST", kUserSearch, wrap("UserInfoSearchCond", searchCondition(0, 30)), 200, {}},
            {"POST", kUserSearch, wrap("UserInfoSearchCond", searchCondition(0, 0)), refused,
             QStringLiteral("badParameters")},
            {"POST", kCardRecord, card, 200, ok},
            {"POST", kCardRecord, strangerCard, refused, QStringLiteral("employeeNoNotExist")},
            {"POST", kCardRecord, card, refused, QStringLiteral("cardNoAlreadyExist")},
            {"PUT", kCardModify, card, 200, ok},
            {"PUT", kCardModify, strangerCard, refused, QStringLiteral("cardNoNotExist")},
            {"PUT", kCardSetUp, card, 200, ok},
            {"PUT", kCardSetUp, wrap("CardInfo", badCardType), refused,
             QStringLiteral("badParameters")},
            {"GET", kCardCount, {}, 200, {}},
            {"POST", kCardSearch, wrap("CardInfoSearchCond", searchCondition(0, 30)), 200, {}},
            {"POST", kCardSearch, wrap("CardInfoSearchCond", QJsonObject()), refused,
             QStringLiteral("MessageParametersLack")},
            {"PUT", kCardDelete,
             wrap("CardInfoDelCond", QJsonObject{{QStringLiteral("CardNoList"),
                                                  idList("cardNo", {QStringLiteral("C1")})},
                                                 {QStringLiteral("EmployeeNoList"),
                                                  idList("employeeNo", {QStringLiteral("1")})}}),
             refused, QStringLiteral("badParameters")},
            {"PUT", kCardDelete, wrap("CardInfoDelCond", QJsonObject()), 200, ok},
            {"PUT", kUserDelete,
             wrap("UserInfoDelCond",
                  QJsonObject{{QStringLiteral("EmployeeNoList"), idList("employeeNo", many)}}),
             refused, QStringLiteral("badParameters")},
            {"PUT", kUserDelete,
             wrap("UserInfoDelCond", QJsonObject{{QStringLiteral("EmployeeNoList"),
                                                  idList("employeeNo", {QStringLiteral("1")})}}),
             200, ok},
            {"PUT", kDetailDelete, wrap("UserInfoDetail", QJsonObject()), refused,
             QStringLiteral("MessageParametersLack")},
            {"PUT", kDetailDelete,
             wrap("UserInfoDetail", QJsonObject{{QStringLiteral("mode"), QStringLiteral("all")}}),
             200, ok},
            {"GET", kDetailProcess, {}, 200, {}},
        };
        for (const Step &step : steps) {
            const QByteArray body = step.method == "GET"
                                        ? QByteArray()
                                        : QJsonDocument(step.body).toJson(QJsonDocument::Compact);
            const Reply reply = send(step.method, step.path, body);
            const QByteArray where = step.method + ' ' + step.path.toUtf8() + ' ' + body;
            QVERIFY2(reply.status == step.httpStatus,
                     qPrintable(QString::number(reply.status) + u' ' + QString::fromUtf8(where)));
            QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
            const QJsonObject json = reply.json();
            if (step.subStatusCode.isEmpty()) {
                QVERIFY2(!json.contains(QLatin1String("statusCode")), where.constData());
            } else {
                QVERIFY2(json[QLatin1String("subStatusCode")].toString() == step.subStatusCode,
                         where.constData());
                const bool success = step.subStatusCode == ok;
                QCOMPARE(json[QLatin1String("statusCode")].toInt() == 1, success);
                QCOMPARE(json.contains(QLatin1String("errorCode")), !success);
                QCOMPARE(json.contains(QLatin1String("errorMsg")), !success);
            }
        }
    }

    // --- persons ---

    void recordCreatesAndSearchReturnsDeviceShapes()
    {
        const Reply created = send("POST", kUserRecord,
                                   wrap("UserInfo", userInfo("10", QStringLiteral("Åsa Öberg"))));
        QCOMPARE(created.status, 200);
        QCOMPARE(created.json(), kOk);
        QVERIFY(m_sim->addCard(QStringLiteral("10"), QStringLiteral("3000000010")));

        const QJsonObject answer = search(searchCondition(0, 30));
        QCOMPARE(answer[QLatin1String("searchID")].toString(), QStringLiteral("search-1"));
        QCOMPARE(answer[QLatin1String("responseStatusStrg")].toString(), QStringLiteral("OK"));
        QCOMPARE(answer[QLatin1String("numOfMatches")].toInt(), 1);
        QCOMPARE(answer[QLatin1String("totalMatches")].toInt(), 1);
        const QJsonObject person = answer[QLatin1String("UserInfo")].toArray().at(0).toObject();
        QCOMPARE(person[QLatin1String("employeeNo")].toString(), QStringLiteral("10"));
        QCOMPARE(person[QLatin1String("name")].toString(), QStringLiteral("Åsa Öberg"));
        QCOMPARE(person[QLatin1String("userType")].toString(), QStringLiteral("normal"));
        const QJsonObject validity = person[QLatin1String("Valid")].toObject();
        QCOMPARE(validity[QLatin1String("enable")].toBool(), true);
        QCOMPARE(validity[QLatin1String("beginTime")].toString(),
                 QStringLiteral("2026-01-01T00:00:00"));
        QCOMPARE(validity[QLatin1String("endTime")].toString(),
                 QStringLiteral("2026-12-31T23:59:59"));
        QCOMPARE(validity[QLatin1String("timeType")].toString(), QStringLiteral("local"));
        QVERIFY(person[QLatin1String("doorRight")].isString());
        QCOMPARE(person[QLatin1String("doorRight")].toString(), QStringLiteral("1"));
        const QJsonObject plan = person[QLatin1String("RightPlan")].toArray().at(0).toObject();
        QVERIFY(plan[QLatin1String("doorNo")].isDouble());
        QCOMPARE(plan[QLatin1String("doorNo")].toInt(), 1);
        QVERIFY(plan[QLatin1String("planTemplateNo")].isString());
        QCOMPARE(plan[QLatin1String("planTemplateNo")].toString(), QStringLiteral("1"));
        QCOMPARE(person[QLatin1String("numOfCard")].toInt(), 1);
        QCOMPARE(person[QLatin1String("numOfFace")].toInt(), 0);
        QCOMPARE(person[QLatin1String("numOfFP")].toInt(), 0);
        QCOMPARE(person[QLatin1String("password")].toString(), QString());
        QVERIFY(!person.contains(QLatin1String("groupId")));

        const std::optional<DevicePerson> stored = m_sim->person(QStringLiteral("10"));
        QVERIFY(stored);
        QCOMPARE(stored->endTime.time(), QTime(23, 59, 59));
        QCOMPARE(m_sim->writeCount(QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record")), 1);
    }

    void jsonIsWrittenTheDeviceWay()
    {
        const Reply reply = send("POST", kUserRecord, QByteArray("{}"));
        QVERIFY(reply.body.startsWith("{\n\t\"statusCode\":\t6,\n\t\"statusString\":"));
    }

    void duplicateRecordGivesTheExactBody_data()
    {
        addModeColumn();
        QTest::newRow("HTTP 400 mode") << IsapiSimulator::HttpStatusMode::Http400;
        QTest::newRow("HTTP 200 mode") << IsapiSimulator::HttpStatusMode::Http200;
    }

    void duplicateRecordGivesTheExactBody()
    {
        QFETCH(IsapiSimulator::HttpStatusMode, mode);
        setMode(mode);
        QCOMPARE(send("POST", kUserRecord, wrap("UserInfo", userInfo("10", "A"))).json(), kOk);
        const Reply duplicate = send("POST", kUserRecord, wrap("UserInfo", userInfo("10", "B")));
        QCOMPARE(duplicate.status, errorStatus(mode));
        QCOMPARE(duplicate.json(), QJsonDocument::fromJson(
                                       "{\"statusCode\": 6, \"statusString\": \"Invalid Content\", "
                                       "\"subStatusCode\": \"employeeNoAlreadyExist\", "
                                       "\"errorCode\": 1610637344, \"errorMsg\": \"checkUser\"}")
                                       .object());
        QCOMPARE(m_sim->person(QStringLiteral("10"))->name, QStringLiteral("A"));
        QCOMPARE(m_sim->successfulWriteCount(
                     QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record")),
                 1);
        QCOMPARE(m_sim->writeCount(QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record")), 2);
    }

    void recordIsValidated_data()
    {
        QTest::addColumn<QJsonObject>("person");
        QTest::addColumn<QJsonObject>("expected");
        const QJsonObject base = userInfo("20", "Per");
        const auto with = [&base](const char *key, const QJsonValue &value) {
            QJsonObject changed = base;
            changed.insert(QLatin1String(key), value);
            return changed;
        };
        const auto without = [&base](const char *key) {
            QJsonObject changed = base;
            changed.remove(QLatin1String(key));
            return changed;
        };
        const auto params = [](const char *field) {
            return status(6, "Invalid Content", "badParameters", 1610612737, QLatin1String(field));
        };
        const QJsonObject invalidOperation = status(4, "Invalid Operation", "invalidOperation",
                                                    1073741830, QStringLiteral("invalidOperation"));
        QTest::newRow("no employeeNo") << without("employeeNo") << lack("employeeNo");
        QTest::newRow("empty employeeNo") << with("employeeNo", QString()) << params("employeeNo");
        QTest::newRow("33-byte employeeNo")
            << with("employeeNo", QString(33, u'7')) << params("employeeNo");
        QTest::newRow("employeeNo as number") << with("employeeNo", 20)
                                              << status(6, "Invalid Content", "badJsonContent",
                                                        0x6000F001, QStringLiteral("employeeNo"));
        QTest::newRow("no userType") << without("userType") << lack("userType");
        QTest::newRow("unknown userType")
            << with("userType", QStringLiteral("guest")) << params("userType");
        QTest::newRow("no Valid") << without("Valid") << lack("Valid");
        QTest::newRow("Valid without enable")
            << with(
                   "Valid",
                   QJsonObject{{QStringLiteral("beginTime"), QStringLiteral("2026-01-01T00:00:00")},
                               {QStringLiteral("endTime"), QStringLiteral("2026-12-31T23:59:59")}})
            << lack("enable");
        QTest::newRow("begin equals end")
            << with("Valid", valid(QStringLiteral("2026-05-01T00:00:00"),
                                   QStringLiteral("2026-05-01T00:00:00")))
            << invalidOperation;
        QTest::newRow("begin after end")
            << with("Valid", valid(QStringLiteral("2026-05-02T00:00:00"),
                                   QStringLiteral("2026-05-01T23:59:59")))
            << invalidOperation;
        QTest::newRow("begin before the range")
            << with("Valid", valid(QStringLiteral("1999-12-31T23:59:59"),
                                   QStringLiteral("2026-05-01T00:00:00")))
            << params("beginTime");
        QTest::newRow("end after the range")
            << with("Valid", valid(QStringLiteral("2026-05-01T00:00:00"),
                                   QStringLiteral("2038-01-01T00:00:00")))
            << params("endTime");
        QTest::newRow("date-only begin")
            << with("Valid",
                    valid(QStringLiteral("2026-05-01"), QStringLiteral("2026-12-31T23:59:59")))
            << status(6, "Invalid Content", "badJsonContent", 0x6000F001,
                      QStringLiteral("beginTime"));
        QTest::newRow("offset with local time")
            << with("Valid", valid(QStringLiteral("2026-05-01T00:00:00+01:00"),
                                   QStringLiteral("2026-12-31T23:59:59")))
            << status(6, "Invalid Content", "badJsonContent", 0x6000F001,
                      QStringLiteral("beginTime"));
        QTest::newRow("impossible date")
            << with("Valid", valid(QStringLiteral("2026-02-30T00:00:00"),
                                   QStringLiteral("2026-12-31T23:59:59")))
            << status(6, "Invalid Content", "badJsonContent", 0x6000F001,
                      QStringLiteral("beginTime"));
        QTest::newRow("name too long") << with("name", QString(129, u'a')) << params("name");
        QTest::newRow("door 2 on a one-door terminal")
            << with("doorRight", QStringLiteral("1,2")) << params("doorRight");
        QTest::newRow("plan template 256")
            << with("RightPlan", QJsonArray{QJsonObject{
                                     {QStringLiteral("doorNo"), 1},
                                     {QStringLiteral("planTemplateNo"), QStringLiteral("256")}}})
            << params("planTemplateNo");
        QTest::newRow("two plans")
            << with(
                   "RightPlan",
                   QJsonArray{QJsonObject{{QStringLiteral("doorNo"), 1},
                                          {QStringLiteral("planTemplateNo"), QStringLiteral("1")}},
                              QJsonObject{{QStringLiteral("doorNo"), 1},
                                          {QStringLiteral("planTemplateNo"), QStringLiteral("2")}}})
            << params("RightPlan");
        QTest::newRow("enable as text")
            << with(
                   "Valid",
                   QJsonObject{{QStringLiteral("enable"), QStringLiteral("true")},
                               {QStringLiteral("beginTime"), QStringLiteral("2026-01-01T00:00:00")},
                               {QStringLiteral("endTime"), QStringLiteral("2026-12-31T23:59:59")}})
            << status(6, "Invalid Content", "badJsonContent", 0x6000F001, QStringLiteral("enable"));
    }

    void recordIsValidated()
    {
        QFETCH(QJsonObject, person);
        QFETCH(QJsonObject, expected);
        const Reply reply = send("POST", kUserRecord, wrap("UserInfo", person));
        QCOMPARE(reply.json(), expected);
        QCOMPARE(reply.status, 400);
        QVERIFY(m_sim->persons().isEmpty());
    }

    void permanentValidityMayHaveAnyOrder()
    {
        QJsonObject person = userInfo("21", "Stig");
        person.insert(QStringLiteral("Valid"), valid(QStringLiteral("2037-12-31T23:59:59"),
                                                     QStringLiteral("2000-01-01T00:00:00"), false));
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person)), kOk);
    }

    void recordWithoutDoorsOpensNoDoor()
    {
        QJsonObject person = userInfo("22", "Ulla");
        person.remove(QStringLiteral("doorRight"));
        person.remove(QStringLiteral("RightPlan"));
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person)), kOk);
        QCOMPARE(m_sim->person(QStringLiteral("22"))->doorRight, QString());
        QVERIFY(m_sim->person(QStringLiteral("22"))->rightPlan.isEmpty());
    }

    void nameLimitCountsBytesOrCharacters()
    {
        m_sim->profile().setCapability({QStringLiteral("name"), QStringLiteral("@max")}, 10);
        // Nine characters, eleven UTF-8 bytes.
        const QJsonObject asa = wrap("UserInfo", userInfo("30", QStringLiteral("Åsa Öberg")));
        QCOMPARE(call("POST", kUserRecord, asa)[QLatin1String("errorMsg")].toString(),
                 QStringLiteral("name"));
        m_sim->options().nameLengthUnit = NameLengthUnit::Characters;
        QCOMPARE(call("POST", kUserRecord, asa), kOk);
        QCOMPARE(
            call("POST", kUserRecord,
                 wrap("UserInfo",
                      userInfo("31", QStringLiteral("Åsa Öbergsson"))))[QLatin1String("errorMsg")]
                .toString(),
            QStringLiteral("name"));
    }

    void utcTimesAreStoredAsDeviceTime()
    {
        m_sim->options().deviceTimeZone = QTimeZone(3600);
        QJsonObject person = userInfo("40", "Leo");
        person.insert(
            QStringLiteral("Valid"),
            QJsonObject{{QStringLiteral("enable"), true},
                        {QStringLiteral("beginTime"), QStringLiteral("2026-01-01T08:00:00+08:00")},
                        {QStringLiteral("endTime"), QStringLiteral("2026-06-30T22:00:00Z")},
                        {QStringLiteral("timeType"), QStringLiteral("UTC")}});
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person)), kOk);
        const DevicePerson stored = *m_sim->person(QStringLiteral("40"));
        QCOMPARE(stored.beginTime, QDateTime(QDate(2026, 1, 1), QTime(1, 0), Qt::UTC));
        QCOMPARE(stored.endTime, QDateTime(QDate(2026, 6, 30), QTime(23, 0), Qt::UTC));

        m_sim->setProfile(QStringLiteral("S3-timeclock"));
        person.insert(QStringLiteral("employeeNo"), QStringLiteral("41"));
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person))[QLatin1String("errorMsg")]
                     .toString(),
                 QStringLiteral("timeType"));
    }

    void storeFullIsRefused()
    {
        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1A340FWX")));
        addHookPersons(1500);
        const Reply full = send("POST", kUserRecord, wrap("UserInfo", userInfo("9999", "Sist")));
        QCOMPARE(full.status, 400);
        QCOMPARE(full.json()[QLatin1String("subStatusCode")].toString(),
                 QStringLiteral("deviceUserFull"));
        QCOMPARE(full.json()[QLatin1String("statusCode")].toInt(), 6);
        QCOMPARE(call("PUT", kUserSetUp,
                      wrap("UserInfo", userInfo("9999", "Sist")))[QLatin1String("subStatusCode")]
                     .toString(),
                 QStringLiteral("deviceUserFull"));
        // Editing someone who is there needs no room.
        QCOMPARE(call("PUT", kUserSetUp, wrap("UserInfo", userInfo("7", "Sjunde"))), kOk);
        QCOMPARE(m_sim->persons().size(), 1500);
    }

    void modifyMergesTheGivenFields()
    {
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", userInfo("50", "Karin"))), kOk);
        // S4's partial Modify: employeeNo and Valid only.
        const QJsonObject partial{
            {QStringLiteral("employeeNo"), QStringLiteral("50")},
            {QStringLiteral("Valid"),
             QJsonObject{{QStringLiteral("enable"), true},
                         {QStringLiteral("beginTime"), QStringLiteral("2025-01-01T00:00:00")},
                         {QStringLiteral("endTime"), QStringLiteral("2025-01-08T23:59:59")}}}};
        QCOMPARE(call("PUT", kUserModify, wrap("UserInfo", partial)), kOk);
        const DevicePerson stored = *m_sim->person(QStringLiteral("50"));
        QCOMPARE(stored.name, QStringLiteral("Karin"));
        QCOMPARE(stored.doorRight, QStringLiteral("1"));
        QCOMPARE(stored.rightPlan.size(), 1);
        QCOMPARE(DevicePerson::timeText(stored.endTime), QStringLiteral("2025-01-08T23:59:59"));

        QCOMPARE(
            call("PUT", kUserModify,
                 wrap("UserInfo",
                      QJsonObject{{QStringLiteral("employeeNo"), QStringLiteral("50")},
                                  {QStringLiteral("name"), QStringLiteral("Karin Lindqvist")}})),
            kOk);
        QCOMPARE(m_sim->person(QStringLiteral("50"))->name, QStringLiteral("Karin Lindqvist"));
        QCOMPARE(DevicePerson::timeText(m_sim->person(QStringLiteral("50"))->endTime),
                 QStringLiteral("2025-01-08T23:59:59"));
    }

    void modifyToAnInvertedWindowIsInvalidOperation()
    {
        QCOMPARE(call("POST", kUserRecord,
                      wrap("UserInfo", userInfo("51", "Eva", QStringLiteral("2026-03-15T00:00:00"),
                                                QStringLiteral("2026-12-31T23:59:59")))),
                 kOk);
        // S4: ending yesterday while keeping a begin of today.
        const QJsonObject deactivate{
            {QStringLiteral("employeeNo"), QStringLiteral("51")},
            {QStringLiteral("Valid"),
             QJsonObject{{QStringLiteral("enable"), true},
                         {QStringLiteral("endTime"), QStringLiteral("2026-03-14T23:59:59")}}}};
        const Reply reply = send("PUT", kUserModify, wrap("UserInfo", deactivate));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json()[QLatin1String("statusCode")].toInt(), 4);
        QCOMPARE(reply.json()[QLatin1String("subStatusCode")].toString(),
                 QStringLiteral("invalidOperation"));
        QCOMPARE(DevicePerson::timeText(m_sim->person(QStringLiteral("51"))->endTime),
                 QStringLiteral("2026-12-31T23:59:59"));
    }

    void modifyOfAMissingPerson_data()
    {
        QTest::addColumn<MissingPersonError>("style");
        QTest::addColumn<QString>("subStatusCode");
        QTest::addColumn<qint64>("errorCode");
        QTest::newRow("employeeNoNotExist")
            << MissingPersonError::EmployeeNoNotExist << QStringLiteral("employeeNoNotExist")
            << qint64(0x6000F002);
        QTest::newRow("deviceUserNotExist")
            << MissingPersonError::DeviceUserNotExist << QStringLiteral("deviceUserNotExist")
            << qint64(0x60007001);
        QTest::newRow("userNotExist") << MissingPersonError::UserNotExist
                                      << QStringLiteral("userNotExist") << qint64(0x6000F003);
        QTest::newRow("badJsonContent") << MissingPersonError::BadJsonContent
                                        << QStringLiteral("badJsonContent") << qint64(0x6000F001);
    }

    void modifyOfAMissingPerson()
    {
        QFETCH(MissingPersonError, style);
        QFETCH(QString, subStatusCode);
        QFETCH(qint64, errorCode);
        m_sim->options().missingPersonError = style;
        const Reply reply = send("PUT", kUserModify, wrap("UserInfo", userInfo("60", "Nils")));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json(), status(6, "Invalid Content", qPrintable(subStatusCode), errorCode,
                                      QStringLiteral("employeeNo")));
        QVERIFY(!m_sim->person(QStringLiteral("60")));

        QJsonObject adding = userInfo("60", "Nils");
        adding.insert(QStringLiteral("addUser"), true);
        QCOMPARE(call("PUT", kUserModify, wrap("UserInfo", adding)), kOk);
        QCOMPARE(m_sim->person(QStringLiteral("60"))->name, QStringLiteral("Nils"));
    }

    void setUpUpsertsAndDeletes()
    {
        QCOMPARE(call("PUT", kUserSetUp, wrap("UserInfo", userInfo("70", "Saga"))), kOk);
        QCOMPARE(m_sim->persons().size(), 1);
        QCOMPARE(call("PUT", kUserSetUp,
                      wrap("UserInfo",
                           QJsonObject{{QStringLiteral("employeeNo"), QStringLiteral("70")},
                                       {QStringLiteral("name"), QStringLiteral("Saga Hägg")}})),
                 kOk);
        QCOMPARE(m_sim->person(QStringLiteral("70"))->name, QStringLiteral("Saga Hägg"));
        // A new person through SetUp needs what Record needs.
        QCOMPARE(call("PUT", kUserSetUp,
                      wrap("UserInfo",
                           QJsonObject{{QStringLiteral("employeeNo"), QStringLiteral("71")}})),
                 lack("userType"));

        QVERIFY(m_sim->addCard(QStringLiteral("70"), QStringLiteral("C70")));
        const QJsonObject remove{{QStringLiteral("employeeNo"), QStringLiteral("70")},
                                 {QStringLiteral("deleteUser"), true}};
        QCOMPARE(call("PUT", kUserSetUp, wrap("UserInfo", remove)), kOk);
        QVERIFY(!m_sim->person(QStringLiteral("70")));
        // Success whether or not the person exists; the card stays (S1 §5.2.33).
        QCOMPARE(call("PUT", kUserSetUp, wrap("UserInfo", remove)), kOk);
        QCOMPARE(m_sim->cards().size(), 1);
    }

    void deleteRemovesTheListedPersonsOnly()
    {
        addHookPersons(5);
        QVERIFY(m_sim->addCard(QStringLiteral("2"), QStringLiteral("C2")));
        const QJsonObject condition{{QStringLiteral("EmployeeNoList"),
                                     idList("employeeNo", {QStringLiteral("2"), QStringLiteral("4"),
                                                           QStringLiteral("404")})}};
        QCOMPARE(call("PUT", kUserDelete, wrap("UserInfoDelCond", condition)), kOk);
        QStringList left;
        for (const DevicePerson &person : m_sim->persons())
            left.append(person.employeeNo);
        QCOMPARE(left,
                 (QStringList{QStringLiteral("1"), QStringLiteral("3"), QStringLiteral("5")}));
        QCOMPARE(m_sim->cards().size(), 1);

        m_sim->options().deleteOfMissingPersonFails = true;
        QCOMPARE(call("PUT", kUserDelete,
                      wrap("UserInfoDelCond", condition))[QLatin1String("subStatusCode")]
                     .toString(),
                 QStringLiteral("employeeNoNotExist"));
    }

    void emptyDeleteConditionWipesEveryone_data()
    {
        QTest::addColumn<QJsonObject>("condition");
        QTest::newRow("no list") << QJsonObject();
        QTest::newRow("empty list")
            << QJsonObject{{QStringLiteral("EmployeeNoList"), QJsonArray()}};
        QTest::newRow("null list")
            << QJsonObject{{QStringLiteral("EmployeeNoList"), QJsonValue(QJsonValue::Null)}};
    }

    void emptyDeleteConditionWipesEveryone()
    {
        QFETCH(QJsonObject, condition);
        addHookPersons(40);
        QVERIFY(m_sim->addCard(QStringLiteral("3"), QStringLiteral("C3")));
        // Faithful to S1 §6.1.145, dangerous as it is.
        QCOMPARE(call("PUT", kUserDelete, wrap("UserInfoDelCond", condition)), kOk);
        QVERIFY(m_sim->persons().isEmpty());
        QCOMPARE(m_sim->cards().size(), 1);
    }

    void deleteListLongerThanTheCapabilityIsRefused()
    {
        addHookPersons(31);
        QStringList ids;
        for (int i = 1; i <= 31; ++i)
            ids.append(QString::number(i));
        const Reply reply =
            send("PUT", kUserDelete,
                 wrap("UserInfoDelCond",
                      QJsonObject{{QStringLiteral("EmployeeNoList"), idList("employeeNo", ids)}}));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json(), status(6, "Invalid Content", "badParameters", 1610612737,
                                      QStringLiteral("EmployeeNoList")));
        QCOMPARE(m_sim->persons().size(), 31);
    }

    void detailDeleteRunsAsynchronously()
    {
        addHookPersons(3);
        QVERIFY(m_sim->addCard(QStringLiteral("2"), QStringLiteral("C2")));
        QVERIFY(m_sim->addCard(QStringLiteral("3"), QStringLiteral("C3")));
        const auto progress = [this] {
            return call("GET", kDetailProcess, QJsonObject())
                .value(QLatin1String("UserInfoDetailDeleteProcess"))
                .toObject()
                .value(QLatin1String("status"))
                .toString();
        };
        QCOMPARE(progress(), QStringLiteral("success"));
        const QJsonObject condition{
            {QStringLiteral("mode"), QStringLiteral("byEmployeeNo")},
            {QStringLiteral("EmployeeNoList"), idList("employeeNo", {QStringLiteral("2")})}};
        QCOMPARE(call("PUT", kDetailDelete, wrap("UserInfoDetail", condition)), kOk);
        QCOMPARE(progress(), QStringLiteral("processing"));
        QCOMPARE(progress(), QStringLiteral("success"));
        QVERIFY(!m_sim->person(QStringLiteral("2")));
        QCOMPARE(m_sim->cards().size(), 1);

        m_sim->options().detailDeleteProcessingPolls = 2;
        m_sim->options().detailDeleteFails = true;
        QCOMPARE(call("PUT", kDetailDelete,
                      wrap("UserInfoDetail",
                           QJsonObject{{QStringLiteral("mode"), QStringLiteral("all")}})),
                 kOk);
        QCOMPARE(progress(), QStringLiteral("processing"));
        QCOMPARE(progress(), QStringLiteral("processing"));
        QCOMPARE(progress(), QStringLiteral("failed"));
        QVERIFY(m_sim->persons().isEmpty());
        QVERIFY(m_sim->cards().isEmpty());

        QCOMPARE(call("PUT", kDetailDelete,
                      wrap("UserInfoDetail",
                           QJsonObject{{QStringLiteral("mode"), QStringLiteral("some")}})),
                 status(6, "Invalid Content", "badParameters", 1610612737, QStringLiteral("mode")));
    }

    void searchPageIsCappedSilently()
    {
        addHookPersons(100);
        const Reply reply =
            send("POST", kUserSearch, wrap("UserInfoSearchCond", searchCondition(0, 100)));
        QCOMPARE(reply.status, 200);
        const QJsonObject answer = reply.json()[QLatin1String("UserInfoSearch")].toObject();
        QCOMPARE(answer[QLatin1String("responseStatusStrg")].toString(), QStringLiteral("MORE"));
        QCOMPARE(answer[QLatin1String("numOfMatches")].toInt(), 30);
        QCOMPARE(answer[QLatin1String("totalMatches")].toInt(), 100);
        QCOMPARE(answer[QLatin1String("UserInfo")].toArray().size(), 30);
    }

    void noMatchLeavesTheListOut()
    {
        addHookPersons(3);
        QJsonObject condition = searchCondition(0, 30);
        condition.insert(QStringLiteral("EmployeeNoList"),
                         idList("employeeNo", {QStringLiteral("404")}));
        const QJsonObject answer = search(condition);
        QCOMPARE(answer[QLatin1String("responseStatusStrg")].toString(),
                 QStringLiteral("NO MATCH"));
        QCOMPARE(answer[QLatin1String("numOfMatches")].toInt(), 0);
        QCOMPARE(answer[QLatin1String("totalMatches")].toInt(), 0);
        QVERIFY(!answer.contains(QLatin1String("UserInfo")));
        m_sim->clearPersons();
        QCOMPARE(search(searchCondition(0, 30))[QLatin1String("responseStatusStrg")].toString(),
                 QStringLiteral("NO MATCH"));
    }

    void pagingWalksFifteenHundredPersons()
    {
        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1A340FWX")));
        // employeeNos with gaps, and in an order that is not numeric.
        for (int i = 1500; i >= 1; --i)
            m_sim->upsertPerson(plainPerson(QString::number(i * 3)));
        QStringList seen;
        int pages = 0;
        QString state;
        do {
            // Another searchID on every page, as S3 did.
            const QJsonObject answer =
                search(searchCondition(int(seen.size()), 30, QStringLiteral("page-%1").arg(pages)));
            state = answer[QLatin1String("responseStatusStrg")].toString();
            QCOMPARE(answer[QLatin1String("totalMatches")].toInt(), 1500);
            QCOMPARE(answer[QLatin1String("searchID")].toString(),
                     QStringLiteral("page-%1").arg(pages));
            const QStringList page = employeeNos(answer);
            QCOMPARE(answer[QLatin1String("numOfMatches")].toInt(), page.size());
            QVERIFY(!page.isEmpty());
            seen += page;
            ++pages;
            QVERIFY(pages <= 60);
        } while (state == QLatin1String("MORE"));
        QCOMPARE(state, QStringLiteral("OK"));
        QCOMPARE(pages, 50);
        QCOMPARE(seen.size(), 1500);
        QCOMPARE(seen.first(), QStringLiteral("4500"));
        QCOMPARE(seen.last(), QStringLiteral("3"));
        const QJsonObject past = search(searchCondition(1500, 30));
        QCOMPARE(past[QLatin1String("responseStatusStrg")].toString(), QStringLiteral("NO MATCH"));
        QCOMPARE(past[QLatin1String("totalMatches")].toInt(), 1500);
    }

    void searchByEmployeeNoKeepsStoreOrder()
    {
        addHookPersons(10);
        QJsonObject condition = searchCondition(0, 30);
        condition.insert(
            QStringLiteral("EmployeeNoList"),
            idList("employeeNo", {QStringLiteral("9"), QStringLiteral("2"), QStringLiteral("5")}));
        QCOMPARE(employeeNos(search(condition)),
                 (QStringList{QStringLiteral("2"), QStringLiteral("5"), QStringLiteral("9")}));

        QStringList tooMany;
        for (int i = 1; i <= 31; ++i)
            tooMany.append(QString::number(i));
        condition.insert(QStringLiteral("EmployeeNoList"), idList("employeeNo", tooMany));
        const Reply refused = send("POST", kUserSearch, wrap("UserInfoSearchCond", condition));
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json()[QLatin1String("errorMsg")].toString(),
                 QStringLiteral("EmployeeNoList"));
    }

    void searchConditionIsValidated()
    {
        QJsonObject condition = searchCondition(0, 30);
        condition.remove(QStringLiteral("searchID"));
        QCOMPARE(call("POST", kUserSearch, wrap("UserInfoSearchCond", condition)),
                 lack("searchID"));
        condition = searchCondition(0, 0);
        QCOMPARE(call("POST", kUserSearch,
                      wrap("UserInfoSearchCond", condition))[QLatin1String("errorMsg")]
                     .toString(),
                 QStringLiteral("maxResults"));
        // A braced UUID is 38 characters, two more than the capability's 36.
        condition = searchCondition(0, 30, QUuid::createUuid().toString());
        QCOMPARE(call("POST", kUserSearch,
                      wrap("UserInfoSearchCond", condition))[QLatin1String("errorMsg")]
                     .toString(),
                 QStringLiteral("searchID"));
        condition = searchCondition(0, 30, QUuid::createUuid().toString(QUuid::WithoutBraces));
        QCOMPARE(search(condition)[QLatin1String("responseStatusStrg")].toString(),
                 QStringLiteral("NO MATCH"));
    }

    void fuzzySearchMatchesNamesAndNumbers()
    {
        m_sim->upsertPerson(plainPerson(QStringLiteral("1"), QStringLiteral("Åsa Öberg")));
        m_sim->upsertPerson(plainPerson(QStringLiteral("2"), QStringLiteral("Per Lindqvist")));
        m_sim->upsertPerson(plainPerson(QStringLiteral("12"), QStringLiteral("Karin Öhman")));
        QJsonObject condition = searchCondition(0, 30);
        condition.insert(QStringLiteral("fuzzySearch"), QStringLiteral("öberg"));
        QCOMPARE(employeeNos(search(condition)), QStringList{QStringLiteral("1")});
        condition.insert(QStringLiteral("fuzzySearch"), QStringLiteral("2"));
        QCOMPARE(employeeNos(search(condition)),
                 (QStringList{QStringLiteral("2"), QStringLiteral("12")}));
    }

    void countsFollowTheStore()
    {
        addHookPersons(4);
        QVERIFY(m_sim->addCard(QStringLiteral("1"), QStringLiteral("C1")));
        QVERIFY(m_sim->addCard(QStringLiteral("1"), QStringLiteral("C1b")));
        QVERIFY(m_sim->addCard(QStringLiteral("3"), QStringLiteral("C3")));
        const QJsonObject users = call("GET", kUserCount, QJsonObject());
        QCOMPARE(users, QJsonDocument::fromJson("{\"UserInfoCount\":{\"userNumber\":4}}").object());
        QCOMPARE(call("GET", kCardCount, QJsonObject()),
                 QJsonDocument::fromJson("{\"CardInfoCount\":{\"cardNumber\":3}}").object());
        QCOMPARE(call("GET", kCardCount + QStringLiteral("&employeeNo=1"), QJsonObject()),
                 QJsonDocument::fromJson("{\"CardInfoCount\":{\"cardNumber\":2}}").object());

        QVERIFY(m_sim->setProfile(QStringLiteral("S3-timeclock")));
        DevicePerson face = plainPerson(QStringLiteral("2"));
        face.numOfFace = 1;
        face.numOfFP = 2;
        m_sim->upsertPerson(face);
        const QJsonObject bound =
            call("GET", kUserCount, QJsonObject()).value(QLatin1String("UserInfoCount")).toObject();
        QCOMPARE(bound[QLatin1String("userNumber")].toInt(), 4);
        QCOMPARE(bound[QLatin1String("bindFaceUserNumber")].toInt(), 1);
        QCOMPARE(bound[QLatin1String("bindFingerprintUserNumber")].toInt(), 1);
        QCOMPARE(bound[QLatin1String("bindCardUserNumber")].toInt(), 2);
    }

    // --- cards ---

    void cardsFollowTheDocument()
    {
        const auto card = [](const char *employeeNo, const char *cardNo) {
            return wrap("CardInfo",
                        QJsonObject{{QStringLiteral("employeeNo"), QLatin1String(employeeNo)},
                                    {QStringLiteral("cardNo"), QLatin1String(cardNo)},
                                    {QStringLiteral("cardType"), QStringLiteral("normalCard")}});
        };
        QCOMPARE(call("POST", kCardRecord,
                      card("100054", "garten-zho0k6WjKtxJm"))[QLatin1String("subStatusCode")]
                     .toString(),
                 QStringLiteral("employeeNoNotExist"));
        m_sim->upsertPerson(plainPerson(QStringLiteral("100054")));
        QCOMPARE(call("POST", kCardRecord, card("100054", "garten-zho0k6WjKtxJm")), kOk);
        const Reply duplicate = send("POST", kCardRecord, card("100054", "garten-zho0k6WjKtxJm"));
        QCOMPARE(duplicate.status, 400);
        QCOMPARE(duplicate.json()[QLatin1String("subStatusCode")].toString(),
                 QStringLiteral("cardNoAlreadyExist"));
        QCOMPARE(call("POST", kCardRecord, card("100054", "tmp001")), kOk);

        QJsonObject condition = searchCondition(0, 2000, QStringLiteral("fab02d83"));
        condition.insert(QStringLiteral("EmployeeNoList"),
                         idList("employeeNo", {QStringLiteral("100054")}));
        const QJsonObject found = call("POST", kCardSearch, wrap("CardInfoSearchCond", condition))
                                      .value(QLatin1String("CardInfoSearch"))
                                      .toObject();
        QCOMPARE(found[QLatin1String("responseStatusStrg")].toString(), QStringLiteral("OK"));
        QCOMPARE(found[QLatin1String("numOfMatches")].toInt(), 2);
        QCOMPARE(found[QLatin1String("CardInfo")].toArray().at(1).toObject(),
                 QJsonDocument::fromJson("{\"employeeNo\":\"100054\",\"cardNo\":\"tmp001\","
                                         "\"leaderCard\":\"\",\"cardType\":\"normalCard\"}")
                     .object());

        QJsonObject modify = card("100054", "tmp001")[QLatin1String("CardInfo")].toObject();
        modify.insert(QStringLiteral("cardType"), QStringLiteral("hijackCard"));
        QCOMPARE(call("PUT", kCardModify, wrap("CardInfo", modify)), kOk);
        QCOMPARE(m_sim->model().card(QStringLiteral("tmp001"))->cardType,
                 QStringLiteral("hijackCard"));
        QCOMPARE(call("PUT", kCardModify, card("100054", "nope"))[QLatin1String("subStatusCode")]
                     .toString(),
                 QStringLiteral("cardNoNotExist"));

        QJsonObject remove = card("100054", "tmp001")[QLatin1String("CardInfo")].toObject();
        remove.insert(QStringLiteral("deleteCard"), true);
        QCOMPARE(call("PUT", kCardSetUp, wrap("CardInfo", remove)), kOk);
        QCOMPARE(call("PUT", kCardSetUp, card("100054", "C-new")), kOk);
        QCOMPARE(m_sim->model().cardCountOf(QStringLiteral("100054")), 2);

        QCOMPARE(
            call("PUT", kCardDelete,
                 wrap("CardInfoDelCond",
                      QJsonObject{
                          {QStringLiteral("CardNoList"),
                           idList("cardNo", {QStringLiteral("C-new")})},
                          {QStringLiteral("EmployeeNoList"),
                           idList("employeeNo",
                                  {QStringLiteral("100054")})}}))[QLatin1String("subStatusCode")]
                .toString(),
            QStringLiteral("badParameters"));
        QCOMPARE(call("PUT", kCardDelete,
                      wrap("CardInfoDelCond",
                           QJsonObject{{QStringLiteral("CardNoList"),
                                        idList("cardNo", {QStringLiteral("C-new")})}})),
                 kOk);
        QCOMPARE(m_sim->cards().size(), 1);
        QCOMPARE(call("PUT", kCardDelete, wrap("CardInfoDelCond", QJsonObject())), kOk);
        QVERIFY(m_sim->cards().isEmpty());
        QCOMPARE(m_sim->persons().size(), 1);

        const QJsonObject none =
            call("POST", kCardSearch, wrap("CardInfoSearchCond", searchCondition(0, 30)))
                .value(QLatin1String("CardInfoSearch"))
                .toObject();
        QCOMPARE(none[QLatin1String("responseStatusStrg")].toString(), QStringLiteral("NO MATCH"));
        QVERIFY(!none.contains(QLatin1String("CardInfo")));
    }

    // --- profiles ---

    void capabilitiesComeFromTheProfile()
    {
        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1A340FWX")));
        const QJsonObject capabilities = call("GET", kUserCapabilities, QJsonObject());
        QCOMPARE(capabilities,
                 DeviceProfiles::byName(QStringLiteral("DS-K1A340FWX"))->userInfoCapabilities);
        const QJsonObject root = capabilities[QLatin1String("UserInfo")].toObject();
        QCOMPARE(root[QLatin1String("maxRecordNum")].toInt(), 1500);
        QCOMPARE(root[QLatin1String("userType")][QLatin1String("@opt")].toString(),
                 QStringLiteral("normal"));
        QCOMPARE(root[QLatin1String("UserInfoSearchCond")][QLatin1String("maxResults")]
                     [QLatin1String("@max")]
                         .toInt(),
                 30);
        const Reply acs = send("GET", kAcsCapabilities);
        QCOMPARE(xmlText(acs.body, QStringLiteral("isSupportCardInfo")), QStringLiteral("false"));
        QCOMPARE(xmlText(acs.body, QStringLiteral("isSupportUserInfo")), QStringLiteral("true"));
        QCOMPARE(xmlText(send("GET", kDeviceInfo).body, QStringLiteral("serialNumber")),
                 QStringLiteral("DS-K1A340FWX20240102V010207ENJ59360966"));
        QVERIFY(challenge().contains("realm=\"DS-K1A340FWX\""));
    }

    void profilesValidateDifferently()
    {
        QJsonObject visitor = userInfo("80", "Besök");
        visitor.insert(QStringLiteral("userType"), QStringLiteral("visitor"));
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", visitor)), kOk);

        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1A340FWX")));
        visitor.insert(QStringLiteral("employeeNo"), QStringLiteral("81"));
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", visitor))[QLatin1String("errorMsg")]
                     .toString(),
                 QStringLiteral("userType"));

        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1T341AM-strict")));
        QJsonObject person = userInfo("82", "Måns Björk");
        person.remove(QStringLiteral("RightPlan"));
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person)), lack("RightPlan"));
        person = userInfo("82", "Måns Björk");
        person.remove(QStringLiteral("doorRight"));
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person)), lack("doorRight"));
        person = userInfo("82", "Måns Björk");
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person)), lack("givenName"));
        person.remove(QStringLiteral("name"));
        person.insert(QStringLiteral("givenName"), QStringLiteral("Måns"));
        person.insert(QStringLiteral("familyName"), QStringLiteral("Björk"));
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person)), kOk);
        const QJsonObject found =
            search(searchCondition(0, 30))[QLatin1String("UserInfo")].toArray().last().toObject();
        QCOMPARE(found[QLatin1String("name")].toString(), QStringLiteral("Måns Björk"));
        QCOMPARE(found[QLatin1String("givenName")].toString(), QStringLiteral("Måns"));
        QCOMPARE(found[QLatin1String("familyName")].toString(), QStringLiteral("Björk"));
    }

    void searchCarriesTheProfilesExtraFields()
    {
        DevicePerson face = plainPerson(QStringLiteral("1"));
        face.numOfFace = 1;
        m_sim->upsertPerson(face);
        QVERIFY(m_sim->setProfile(QStringLiteral("DS-K1A340FWX")));
        QJsonObject person =
            search(searchCondition(0, 30))[QLatin1String("UserInfo")].toArray().at(0).toObject();
        QCOMPARE(person[QLatin1String("groupId")].toInt(), 1);
        QCOMPARE(person[QLatin1String("localAtndPlanTemplateId")].toInt(), 0);
        QVERIFY(!person.contains(QLatin1String("faceURL")));

        QVERIFY(m_sim->setProfile(QStringLiteral("S3-timeclock")));
        person =
            search(searchCondition(0, 30))[QLatin1String("UserInfo")].toArray().at(0).toObject();
        QVERIFY(!person.contains(QLatin1String("groupId")));
        QVERIFY(person[QLatin1String("faceURL")].toString().endsWith(
            QStringLiteral("/LOCALS/pic/enrlFace/0/0000000001.jpg@WEB000000000010")));
    }

    void everyProfileIsComplete()
    {
        QCOMPARE(DeviceProfiles::names().first(), DeviceProfiles::defaultName());
        for (const QString &name : DeviceProfiles::names()) {
            const std::optional<DeviceProfile> profile = DeviceProfiles::byName(name);
            QVERIFY2(profile, qPrintable(name));
            QCOMPARE(profile->name, name);
            QVERIFY(!profile->model().isEmpty());
            QCOMPARE(profile->realm, profile->model());
            QVERIFY(!profile->userInfoCapabilities.isEmpty());
            const DeviceLimits limits = profile->limits();
            QCOMPARE(limits.maxResults, 30);
            QCOMPARE(limits.employeeNo.max, 32);
            QVERIFY(limits.maxRecordNum >= 1500);
            QCOMPARE(DevicePerson::timeText(limits.timeRangeEnd),
                     QStringLiteral("2037-12-31T23:59:59"));
        }
        QVERIFY(!DeviceProfiles::byName(QStringLiteral("DS-K9999")));
        QCOMPARE(DeviceProfiles::byName(QStringLiteral("S3-timeclock"))->limits().fuzzySearch.max,
                 128);
        QCOMPARE(DeviceProfiles::byName(QStringLiteral("S3-timeclock"))->limits().maxRecordNum,
                 3000);
    }

    // --- concurrency, latency, faults ---

    void requestsAreServedOneAtATime()
    {
        QVERIFY(m_sim->server().isSerialized());
        m_sim->auth().settings().nonceMaxUses = 0;
        const QByteArray nonce = nonceOf(challenge());
        m_sim->setLatencyMs(150);
        int inFlight = 0;
        int mostInFlight = 0;
        connect(&m_sim->server(), &HttpServer::requestStarted, this,
                [&] { mostInFlight = std::max(mostInFlight, ++inFlight); });
        connect(&m_sim->server(), &HttpServer::responseWritten, this, [&] { --inFlight; });
        const auto burst = [&] {
            QList<QNetworkReply *> replies;
            for (int i = 1; i <= 4; ++i)
                replies.append(start("GET", kUserCount, {}, digest("GET", kUserCount, nonce, i)));
            for (QNetworkReply *reply : replies)
                QCOMPARE(finish(reply).status, 200);
        };
        QElapsedTimer timer;
        timer.start();
        burst();
        QVERIFY2(timer.elapsed() >= 4 * 150, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(mostInFlight, 1);

        // The same burst against an unserialised server overlaps, so the check above can fail.
        m_sim->server().setSerialized(false);
        mostInFlight = 0;
        burst();
        QVERIFY(mostInFlight > 1);
        m_sim->server().setSerialized(true);
        disconnect(&m_sim->server(), nullptr, this, nullptr);
    }

    void concurrentRequestsMayGetDeviceBusy()
    {
        m_sim->auth().settings().nonceMaxUses = 0;
        const QByteArray nonce = nonceOf(challenge());
        m_sim->setBusyWhenConcurrent(true);
        m_sim->setLatencyMs(400);
        QList<QNetworkReply *> replies;
        for (int i = 1; i <= 3; ++i)
            replies.append(start("GET", kUserCount, {}, digest("GET", kUserCount, nonce, i)));
        QList<int> statuses;
        for (QNetworkReply *reply : replies) {
            const Reply result = finish(reply);
            statuses.append(result.status);
            if (result.status == 503) {
                QCOMPARE(result.json(), status(2, "Device Busy", "deviceBusy", 0x20000004,
                                               QStringLiteral("deviceBusy")));
            }
        }
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, (QList<int>{200, 503, 503}));
        QCOMPARE(m_sim->busyRefusals(), 2);
        // One at a time is fine.
        QCOMPARE(finish(start("GET", kUserCount, {}, digest("GET", kUserCount, nonce, 4))).status,
                 200);
    }

    void refusalFaultsLeaveTheStoreAlone_data()
    {
        QTest::addColumn<FaultKind>("kind");
        QTest::addColumn<int>("httpStatus");
        QTest::newRow("500") << FaultKind::Http500 << 500;
        QTest::newRow("503") << FaultKind::Http503 << 503;
        QTest::newRow("deviceBusy") << FaultKind::DeviceBusy << 503;
    }

    void refusalFaultsLeaveTheStoreAlone()
    {
        QFETCH(FaultKind, kind);
        QFETCH(int, httpStatus);
        send("GET", kUserCount); // settle the handshake first
        m_sim->faults().failNext(1, kind);
        const Reply reply = send("POST", kUserRecord, wrap("UserInfo", userInfo("90", "Hugo")));
        QCOMPARE(reply.status, httpStatus);
        if (kind == FaultKind::DeviceBusy)
            QCOMPARE(reply.json()[QLatin1String("subStatusCode")].toString(),
                     QStringLiteral("deviceBusy"));
        QVERIFY(m_sim->persons().isEmpty());
        QCOMPARE(m_sim->faults().injectedCount(kind), 1);
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", userInfo("90", "Hugo"))), kOk);
    }

    void deviceBusyFaultKeepsTheStatusMode()
    {
        setMode(IsapiSimulator::HttpStatusMode::Http200);
        send("GET", kUserCount);
        m_sim->faults().failNext(1, FaultKind::DeviceBusy);
        const Reply reply = send("GET", kUserCount);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[QLatin1String("statusCode")].toInt(), 2);
        m_sim->faults().failNext(1, FaultKind::DeviceBusy);
        QCOMPARE(xmlText(send("GET", kDeviceInfo).body, QStringLiteral("subStatusCode")),
                 QStringLiteral("deviceBusy"));
    }

    void transportFaultsBreakTheExchange()
    {
        send("GET", kUserCount);
        m_sim->faults().failNext(1, FaultKind::Timeout);
        QElapsedTimer timer;
        timer.start();
        Reply reply = finish(
            start("GET", kUserCount, {}, nextAuthorization("GET", kUserCount), nullptr, 300));
        QCOMPARE(reply.status, 0);
        QVERIFY(reply.error != QNetworkReply::NoError);
        // The transfer timeout is a coarse timer, which may fire 5 % early.
        QVERIFY(timer.elapsed() >= 280);

        m_sim->faults().failNext(1, FaultKind::MalformedBody);
        reply = send("GET", kUserCount);
        QCOMPARE(reply.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(reply.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);

        m_sim->faults().failNext(1, FaultKind::TruncatedBody);
        reply = send("GET", kUserCount);
        QVERIFY(reply.error != QNetworkReply::NoError);

        m_sim->faults().failNext(2, FaultKind::DropConnection);
        reply = send("GET", kUserCount);
        QCOMPARE(reply.status, 0);
        QVERIFY(reply.error != QNetworkReply::NoError);
        m_sim->faults().reset();
        QCOMPARE(send("GET", kUserCount).status, 200);
    }

    void latencyAndSlowAnswersTakeTheirTime()
    {
        send("GET", kUserCount);
        m_sim->setLatencyMs(100);
        m_sim->faults().setSlowDelayMs(200);
        m_sim->faults().failNext(1, FaultKind::Slow);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(send("GET", kUserCount).status, 200);
        QVERIFY(timer.elapsed() >= 300);
    }

    void faultRateIsReproducible()
    {
        send("GET", kUserCount);
        m_sim->auth().settings().nonceMaxUses = 0;
        const auto run = [this] {
            m_sim->faults().setSeed(7);
            m_sim->faults().setFaultRate(0.5);
            m_sim->faults().setEnabledKinds({FaultKind::Http500, FaultKind::DeviceBusy});
            QList<int> statuses;
            for (int i = 0; i < 12; ++i)
                statuses.append(send("GET", kUserCount).status);
            return statuses;
        };
        const QList<int> first = run();
        QCOMPARE(run(), first);
        QVERIFY(first.contains(200));
        QVERIFY(first.contains(500) || first.contains(503));
    }

    // --- inspection and hooks ---

    void requestsAndWritesAreRecorded()
    {
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", userInfo("95", "Alva"))), kOk);
        QCOMPARE(
            call("PUT", kUserModify,
                 wrap("UserInfo", QJsonObject{{QStringLiteral("employeeNo"), QStringLiteral("95")},
                                              {QStringLiteral("name"), QStringLiteral("A")}})),
            kOk);
        search(searchCondition(0, 30));
        const QMap<QString, int> writes = m_sim->writeCounts();
        QCOMPARE(writes.value(QStringLiteral("POST /ISAPI/AccessControl/UserInfo/Record")), 1);
        QCOMPARE(writes.value(QStringLiteral("PUT /ISAPI/AccessControl/UserInfo/Modify")), 1);
        QCOMPARE(m_sim->totalWriteCount(), 2);
        const QList<HttpRequest> requests = m_sim->receivedRequests();
        const auto record = std::find_if(requests.cbegin(), requests.cend(), [](const auto &r) {
            return r.method == "POST" && r.path.endsWith(QLatin1String("/Record"));
        });
        QVERIFY(record != requests.cend());
        QVERIFY(record->body.contains("\"employeeNo\":\"95\""));
        QVERIFY(record->header("Authorization").startsWith("Digest "));
        QCOMPARE(record->target, QByteArray("/ISAPI/AccessControl/UserInfo/Record?format=json"));
        m_sim->resetCounters();
        QCOMPARE(m_sim->totalWriteCount(), 0);
    }

    void hooksEditTheStoreAsIvmsWould()
    {
        QSignalSpy changed(m_sim.get(), &IsapiSimulator::stateChanged);
        m_sim->upsertPerson(plainPerson(QStringLiteral("5"), QStringLiteral("Elsa")));
        QVERIFY(m_sim->setPersonValidity(QStringLiteral("5"), true,
                                         QDateTime(QDate(2026, 1, 1), QTime(0, 0)),
                                         QDateTime(QDate(2026, 2, 1), QTime(23, 59, 59))));
        QVERIFY(m_sim->renamePerson(QStringLiteral("5"), QStringLiteral("Elsa Ek")));
        QVERIFY(!m_sim->setPersonValidity(QStringLiteral("6"), false, {}, {}));
        QVERIFY(m_sim->addCard(QStringLiteral("5"), QStringLiteral("C5")));
        QVERIFY(!m_sim->addCard(QStringLiteral("5"), QStringLiteral("C5")));
        QVERIFY(!m_sim->addCard(QStringLiteral("6"), QStringLiteral("C6")));
        QCOMPARE(changed.size(), 4);
        const QJsonObject person =
            search(searchCondition(0, 30))[QLatin1String("UserInfo")].toArray().at(0).toObject();
        QCOMPARE(person[QLatin1String("name")].toString(), QStringLiteral("Elsa Ek"));
        QCOMPARE(person[QLatin1String("Valid")][QLatin1String("endTime")].toString(),
                 QStringLiteral("2026-02-01T23:59:59"));
        QCOMPARE(person[QLatin1String("numOfCard")].toInt(), 1);
        QVERIFY(m_sim->removeCard(QStringLiteral("C5")));
        QVERIFY(m_sim->removePerson(QStringLiteral("5")));
        QCOMPARE(changed.size(), 6);
        QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", userInfo("7", "G"))), kOk);
        QCOMPARE(changed.size(), 7);
    }

    void demoPersonsAreSeededAndValid()
    {
        m_sim->loadDemoPersons(40, 1);
        QCOMPARE(m_sim->persons().size(), 40);
        QCOMPARE(m_sim->persons().first().name, QStringLiteral("admin"));
        QVERIFY(m_sim->person(QStringLiteral("101")));
        QCOMPARE(m_sim->person(QStringLiteral("101"))->name, QStringLiteral("Åsa Öberg"));
        const DevicePopulation again = DeviceDemoData::population(m_clock->today(), 40, 1);
        QCOMPARE(again.persons, m_sim->persons());
        QCOMPARE(again.cards, m_sim->cards());
        QVERIFY(DeviceDemoData::population(m_clock->today(), 40, 2).persons != again.persons);
        QCOMPARE(DeviceDemoData::population(m_clock->today(), 4, 1).persons.size(), 4);
        QCOMPARE(DeviceDemoData::population(m_clock->today(), 4, 1).cards.size(), 3);

        // Every seeded person passes the terminal's own validation, on every profile, so the
        // demo can write them back unchanged.
        for (const QString &name : DeviceProfiles::names()) {
            if (name.endsWith(QLatin1String("-strict")))
                continue;
            QVERIFY(m_sim->setProfile(name));
            const QJsonObject answer = search(searchCondition(0, 30));
            for (const QJsonValue &each : answer[QLatin1String("UserInfo")].toArray()) {
                QJsonObject person = each.toObject();
                const QString copy =
                    QStringLiteral("x") + person[QLatin1String("employeeNo")].toString();
                person.insert(QStringLiteral("employeeNo"), copy);
                QCOMPARE(call("POST", kUserRecord, wrap("UserInfo", person)), kOk);
            }
            m_sim->loadDemoPersons(40, 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestIsapiSimulator)
#include "tst_isapisimulator.moc"
