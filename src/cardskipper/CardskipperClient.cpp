// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperClient.h"

#include "CardskipperLogging.h"
#include "MemberXmlParser.h"
#include "Version.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPromise>
#include <QSslError>
#include <QThreadPool>

namespace cis {

namespace {

constexpr int kBodyExcerptLength = 300;

QString excerpt(const QByteArray &body)
{
    return QString::fromUtf8(body.left(kBodyExcerptLength)).simplified();
}

// Retry-After is either a number of seconds or an HTTP date.
int parseRetryAfter(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok)
        return seconds >= 0 ? seconds : -1;
    const QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return static_cast<int>(qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(utc)));
}

// Errors below ContentAccessDenied mean no complete HTTP answer arrived.
bool isTransportFailure(QNetworkReply::NetworkError code)
{
    return code != QNetworkReply::NoError && code < QNetworkReply::ContentAccessDenied;
}

CardskipperError transportError(const QNetworkReply *reply)
{
    CardskipperError error;
    error.detail = reply->errorString();
    switch (reply->error()) {
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        error.kind = CardskipperError::Kind::HostUnreachable;
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer timeout reports
        error.kind = CardskipperError::Kind::Timeout;
        break;
    case QNetworkReply::SslHandshakeFailedError:
        error.kind = CardskipperError::Kind::Tls;
        break;
    default:
        error.kind = CardskipperError::Kind::Network;
        break;
    }
    return error;
}

// Maps an HTTP answer that is not a success to an error. Returns false for 2xx.
bool httpError(int status, const QNetworkReply *reply, const QByteArray &body,
               CardskipperError *error)
{
    if (status >= 200 && status < 300)
        return false;
    error->httpStatus = status;
    error->bodyExcerpt = excerpt(body);
    if (status == 401) {
        error->kind = CardskipperError::Kind::WrongCredentials;
    } else if (status == 403) {
        error->kind = CardskipperError::Kind::CallNotGranted;
    } else if (status == 400 || status == 413 || status == 415 || status == 422) {
        error->kind = CardskipperError::Kind::BadRequest;
    } else if (status == 429 || status == 503) {
        error->kind = CardskipperError::Kind::RateLimited;
        error->retryAfterSeconds = parseRetryAfter(reply->rawHeader("Retry-After"));
    } else if (status >= 500) {
        error->kind = CardskipperError::Kind::ServerError;
    } else {
        error->kind = CardskipperError::Kind::UnexpectedResponse;
        error->detail = QCoreApplication::translate("CardskipperError",
                                                    "HTTP status %1 (is the address right?)")
                            .arg(status);
    }
    return true;
}

// Parser errors know nothing of the call; give them the call and host the body came from.
template<typename T>
Expected<T, CardskipperError> withContext(Expected<T, CardskipperError> result,
                                          const CardskipperClient::BodyResult &body)
{
    if (result)
        return result;
    CardskipperError error = result.error();
    error.call = body.value().call;
    error.host = body.value().host;
    qCInfo(lcCardskipper).noquote() << error.message();
    return error;
}

} // namespace

CardskipperClient::CardskipperClient(CardskipperConfig config, QNetworkAccessManager *network,
                                     QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(network ? network : new QNetworkAccessManager(this))
{}

CardskipperClient::~CardskipperClient()
{
    // Replies may belong to a shared QNetworkAccessManager; stop them so that none outlives us.
    for (QNetworkReply *reply : m_pending) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QNetworkRequest CardskipperClient::makeRequest(const QString &path) const
{
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);

    QNetworkRequest request(url);
    // Sent up front: the API may answer a missing header without a Basic challenge, and
    // QNetworkAccessManager only offers credentials after a challenge.
    const QByteArray credentials =
        (m_config.username + QLatin1Char(':') + m_config.password).toUtf8();
    request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    request.setRawHeader("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1");
    request.setRawHeader("Accept-Language", m_config.acceptLanguage);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray(QByteArray(kApplicationName) + '/' + QByteArray(kVersion)));
    // Credentials must never follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(m_config.timeoutMs);
    return request;
}

void CardskipperClient::fetchOrganisations(std::function<void(OrganisationsResult)> done)
{
    const QString call = QStringLiteral("GET /Organisation/Info");
    QNetworkReply *reply = m_network->get(makeRequest(QStringLiteral("/Organisation/Info")));
    send(reply, call, [done = std::move(done)](const BodyResult &body) {
        if (!body)
            return done(body.error());
        done(withContext(
            MemberXmlParser::parseOrganisations(body.value().body, body.value().contentType),
            body));
    });
}

void CardskipperClient::exportMembers(const ExportCriteria &criteria,
                                      std::function<void(MembersResult)> done)
{
    const QString call = QStringLiteral("POST /Member/Export");
    QNetworkRequest request = makeRequest(QStringLiteral("/Member/Export"));
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/xml; charset=utf-8"));
    QNetworkReply *reply = m_network->post(request, criteria.toXml());
    const qint64 organisationId = criteria.organisationId;
    send(reply, call, [this, done = std::move(done), organisationId](const BodyResult &body) {
        if (!body)
            return done(body.error());
        // The parse of 10,000 members takes a tenth of a second; on the pool, the caller's
        // thread goes on answering the doors meanwhile. The parser is pure.
        auto promise = std::make_shared<QPromise<MembersResult>>();
        auto *watcher = new QFutureWatcher<MembersResult>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done, body] {
            watcher->deleteLater();
            if (watcher->future().resultCount() > 0)
                done(withContext(watcher->future().result(), body));
        });
        watcher->setFuture(promise->future());
        promise->start();
        QThreadPool::globalInstance()->start([promise, body, organisationId] {
            promise->addResult(MemberXmlParser::parseMembers(body.value().body, organisationId,
                                                             body.value().contentType));
            promise->finish();
        });
    });
}

void CardskipperClient::send(QNetworkReply *reply, const QString &call,
                             std::function<void(const BodyResult &)> done)
{
    m_pending.insert(reply);
    QElapsedTimer timer;
    timer.start();
    qCDebug(lcCardskipper) << "sending" << call << "to" << reply->url().host();

    connect(reply, &QNetworkReply::finished, this,
            [this, reply, call, timer, done = std::move(done)]() {
                m_pending.remove(reply);
                reply->deleteLater();
                // An aborted reply (timeout) is closed; reading it would only warn.
                const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
                const int status =
                    reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

                CardskipperError error;
                error.call = call;
                error.host = reply->url().host();
                bool failed = false;
                if (status == 0 || isTransportFailure(reply->error())) {
                    const CardskipperError transport = transportError(reply);
                    error.kind = transport.kind;
                    error.detail = transport.detail;
                    error.httpStatus = status;
                    failed = true;
                } else {
                    failed = httpError(status, reply, body, &error);
                }
                qCInfo(lcCardskipper).nospace().noquote()
                    << call << " -> " << (status ? QString::number(status) : reply->errorString())
                    << " (" << body.size() << " bytes, " << timer.elapsed() << " ms)";
                if (failed) {
                    qCInfo(lcCardskipper).noquote() << error.message();
                    if (!error.bodyExcerpt.isEmpty())
                        qCDebug(lcCardskipper).noquote() << "error body:" << error.bodyExcerpt;
                    done(error);
                    return;
                }
                const QByteArray contentType = reply->rawHeader("Content-Type");
                done(BodyResult(ReplyBody{body, contentType, call, error.host}));
            });
}

} // namespace cis
