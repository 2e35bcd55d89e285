// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "HikvisionClient.h"

#include "AfterWaitingAnswers.h"
#include "Clock.h"
#include "HikvisionLogging.h"
#include "HttpExchange.h"
#include "IsapiParsers.h"
#include "IsapiRequests.h"
#include "IsapiStatus.h"
#include "Version.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <atomic>

namespace cis {

namespace {

using Kind = HikvisionError::Kind;

// The terminal's documented lock time (maxIllegalLoginLockTime 1800 on a DS-K1A340FWX), used
// when a "locked" answer does not say how long.
constexpr qint64 kDefaultLockSeconds = 1800;

// New handshakes one request may need in a row because the terminal called its nonce stale
// (or spent) each time, before it fails as transient. One-time nonces need one per request.
constexpr int kMaxNonceRenewals = 3;

// Delivers an error on the next event-loop turn, so that a continuation never runs inside the
// call that was given it.
template<typename T>
void deliverErrorLater(QObject *context, std::function<void(Expected<T, HikvisionError>)> done,
                       HikvisionError error)
{
    QTimer::singleShot(0, context, [done = std::move(done), error = std::move(error)]() {
        qCInfo(lcHikvision).noquote() << error.message();
        done(error);
    });
}

QList<AuthChallenge> challengesOf(const HttpExchange *http)
{
    QList<AuthChallenge> challenges;
    for (const auto &header : http->headers()) {
        if (header.first.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
            challenges += parseAuthenticateHeader(header.second);
    }
    return challenges;
}

QString excerpt(const QByteArray &body)
{
    return QString::fromUtf8(body.left(300)).simplified();
}

void copyStatus(HikvisionError *error, const IsapiStatus &status)
{
    error->statusCode = status.statusCode;
    error->statusString = status.statusString;
    error->subStatusCode = status.subStatusCode;
    error->errorCode = status.errorCode;
    error->errorMsg = status.errorMsg;
    error->attemptsLeft = status.attemptsLeft;
}

} // namespace

struct HikvisionClient::Exchange
{
    enum class Auth
    {
        None, // no Authorization header
        // A nonce the terminal issued in answer to this very request, on its first sending.
        FreshNonce,
        // A nonce that has been sent before: by an earlier exchange, or by this one on a try
        // that failed (a transport error or a 5xx may come after the terminal spent it).
        SpentNonce,
    };

    Call call;
    std::function<void(Result<Reply>)> done;
    int readRetriesLeft = 0;
    int retriesDone = 0;
    Auth auth = Auth::None;
    // New handshakes this exchange has needed in a row because the nonce ran out.
    int nonceRenewals = 0;
    QElapsedTimer timer;
    HttpExchange *http = nullptr; // the request on the wire, if one is
    bool cancelled = false;
};

struct HikvisionClient::PagedSearch
{
    bool persons = true;
    QList<std::optional<isapi::IdBatch>> filters; // nullopt: everything
    qsizetype filterIndex = 0;
    QString searchId;
    int position = 0;
    int pages = 0;
    int matchesInScan = 0;
    QSet<QString> seen;
    QList<Person> foundPersons;
    QList<Card> foundCards;
    QStringList warnings;
    std::function<void(Result<PersonSearchResult>)> donePersons;
    std::function<void(Result<CardSearchResult>)> doneCards;
    std::function<void(const QList<Person> &)> pageRead;
    qsizetype reportedPersons = 0;
    // Pages whose paging is read and whose entries are not yet, with the filter they answered.
    QList<std::pair<isapi::UnreadSearchPage, qsizetype>> unread;

    // The entries of the pages read so far, in order, once the next request is out.
    void readPages()
    {
        for (auto &[unreadPage, pageFilterIndex] : unread)
            keep(isapi::readSearchPageItems(std::move(unreadPage)), pageFilterIndex);
        unread.clear();
    }
    void keep(const SearchPage &page, qsizetype pageFilterIndex)
    {
        warnings += page.warnings;
        const std::optional<isapi::IdBatch> &pageFilter = filters.at(pageFilterIndex);
        const bool byEmployeeNo =
            pageFilter && pageFilter->kind() == isapi::IdBatch::Kind::EmployeeNo;
        const QStringList wanted = byEmployeeNo ? pageFilter->ids() : QStringList();
        for (const Person &person : page.persons) {
            if (byEmployeeNo && !wanted.contains(person.employeeNo))
                continue; // a terminal that ignored the filter
            if (seen.contains(person.employeeNo))
                continue; // the list shifted between pages
            seen.insert(person.employeeNo);
            foundPersons.append(person);
        }
        for (const Card &card : page.cards) {
            if (byEmployeeNo && !wanted.contains(card.employeeNo))
                continue;
            if (!seen.contains(card.cardNo)) {
                seen.insert(card.cardNo);
                foundCards.append(card);
            }
        }
    }
    // The persons found since the last report, handed over once the next request is out, so
    // that what the caller does with them overlaps the terminal's work on the next page.
    void reportFound()
    {
        readPages();
        if (!pageRead || foundPersons.size() <= reportedPersons)
            return;
        const QList<Person> page = foundPersons.mid(reportedPersons);
        reportedPersons = foundPersons.size();
        pageRead(page);
    }
    void fail(const HikvisionError &error)
    {
        qCInfo(lcHikvision).noquote() << error.message();
        // Nothing more is read or reported: the caller has its answer.
        unread.clear();
        pageRead = nullptr;
        if (persons)
            donePersons(error);
        else
            doneCards(error);
    }
    void succeed()
    {
        reportFound();
        if (persons)
            donePersons(PersonSearchResult{foundPersons, warnings});
        else
            doneCards(CardSearchResult{foundCards, warnings});
    }
    void newScan()
    {
        searchId = QUuid::createUuid().toString(QUuid::Id128);
        position = 0;
        matchesInScan = 0;
    }
};

struct HikvisionClient::EventSearch
{
    std::optional<qint64> beginSerialNo;
    QString searchId = QUuid::createUuid().toString(QUuid::Id128);
    int position = 0;
    int matches = 0;
    QSet<qint64> seen;
    EventSearchResult found;
    qsizetype reported = 0;
    std::function<void(Result<EventSearchResult>)> done;
    std::function<void(const QList<AccessEvent> &)> pageRead;

    void reportFound()
    {
        if (!pageRead || found.events.size() <= reported)
            return;
        const QList<AccessEvent> page = found.events.mid(reported);
        reported = found.events.size();
        pageRead(page);
    }
};

struct HikvisionClient::BatchRun
{
    bool persons = true;
    QList<isapi::IdBatch> batches;
    qsizetype index = 0;
    int total = 0;
    DeleteResult result;
    std::function<void(Result<DeleteResult>)> done;
    // The request for one batch, when it is not a person or card delete.
    std::function<Call(const isapi::IdBatch &)> makeCall;
};

struct HikvisionClient::FaceCapture
{
    Call call;
    quint64 tag = 0;
    QElapsedTimer elapsed;
    qint64 waitMs = 0;
    int waitSeconds = 0;
    int lastProgress = -1;
    int lastHttpStatus = 0;
    bool finished = false;
    std::function<void(int)> progress;
    std::function<void(Result<CapturedFace>)> done;
};

QByteArray HikvisionConfig::identity() const
{
    return QCryptographicHash::hash((baseUrl.toString() + QLatin1Char('\n') + username +
                                     QLatin1Char('\n') + password + QLatin1Char('\n') +
                                     QString::fromLatin1(pinnedCertificateSha256.toHex()) +
                                     QLatin1Char('\n') + QString::number(maxConcurrentRequests) +
                                     QLatin1Char('\n') + QString::number(timeoutMs))
                                        .toUtf8(),
                                    QCryptographicHash::Sha256);
}

QString HikvisionClient::Call::description() const
{
    return QString::fromLatin1(verb) + QLatin1Char(' ') + path;
}

HikvisionClient::HikvisionClient(HikvisionConfig config, const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock ? clock : &Clock::system())
    , m_profile(genericDeviceProfile())
    , m_faceImagePartName(QLatin1String(isapi::kFaceImagePartName))
{
    m_digest.setCredentials(m_config.username, m_config.password);
}

HikvisionClient::~HikvisionClient()
{
    abandon();
}

void HikvisionClient::abandon()
{
    const QSet<HttpExchange *> exchanges = m_inFlight;
    m_inFlight.clear();
    for (HttpExchange *http : exchanges) {
        http->disconnect(this);
        http->abort();
        http->deleteLater();
    }
    m_queue.clear();
    m_faceCaptures.clear();
    m_running = 0;
    ++m_generation;
}

QString HikvisionClient::host() const
{
    const int port = m_config.baseUrl.port();
    return port > 0 ? m_config.baseUrl.host() + QLatin1Char(':') + QString::number(port)
                    : m_config.baseUrl.host();
}

void HikvisionClient::setCredentials(const QString &username, const QString &password)
{
    m_config.username = username;
    m_config.password = password;
    m_digest.setCredentials(username, password);
    m_credentialsAccepted = false;
    m_wrongCredentials.reset();
    pump();
}

void HikvisionClient::setPinnedCertificateSha256(const QByteArray &sha256)
{
    m_config.pinnedCertificateSha256 = sha256;
}

void HikvisionClient::setMaxConcurrentRequests(int maximum)
{
    m_config.maxConcurrentRequests = qMax(1, maximum);
    pump();
}

void HikvisionClient::setReadRetryBackoffMs(int milliseconds)
{
    m_config.readRetryBackoffMs = qMax(0, milliseconds);
}

std::optional<HikvisionError> HikvisionClient::refusal() const
{
    if (m_lockout && m_lockedUntil.isValid()) {
        const qint64 left = m_clock->now().secsTo(m_lockedUntil);
        if (left > 0) {
            HikvisionError error = *m_lockout;
            error.lockSecondsLeft = left;
            return error;
        }
    }
    if (m_wrongCredentials)
        return m_wrongCredentials;
    return std::nullopt;
}

void HikvisionClient::setDeviceContext(const UserCapabilities &capabilities,
                                       const DeviceProfile &profile)
{
    m_capabilities = capabilities;
    m_profile = profile;
}

int HikvisionClient::concurrencyLimit() const
{
    // Until the terminal has accepted the credentials, parallel requests could each spend a
    // login attempt on a wrong password.
    return m_credentialsAccepted ? qMax(1, m_config.maxConcurrentRequests) : 1;
}

HikvisionError HikvisionClient::errorFor(const Call &call) const
{
    HikvisionError error;
    error.call = call.description();
    error.host = host();
    error.employeeNo = call.employeeNo;
    error.personName = call.personName;
    return error;
}

void HikvisionClient::deliverLater(std::function<void()> work)
{
    QTimer::singleShot(0, this, std::move(work));
}

void HikvisionClient::submit(Call call, std::function<void(Result<Reply>)> done)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->readRetriesLeft = call.isRead ? qMax(0, m_config.maxReadRetries) : 0;
    exchange->call = std::move(call);
    exchange->done = std::move(done);
    if (exchange->call.cancelTag != 0)
        m_cancellable.append(exchange);
    m_queue.append(exchange);
    // Sent at once, so that what the caller does next overlaps the terminal's latency. A
    // refusal is still never answered inside the caller's stack: pump() delivers it later.
    pump();
}

void HikvisionClient::pump()
{
    while (!m_queue.isEmpty() && m_running < concurrencyLimit()) {
        const std::shared_ptr<Exchange> exchange = m_queue.takeFirst();
        if (const std::optional<HikvisionError> refused = refusal()) {
            HikvisionError error = *refused;
            error.call = exchange->call.description();
            error.employeeNo = exchange->call.employeeNo;
            error.personName = exchange->call.personName;
            qCDebug(lcHikvision).noquote()
                << "refused without contacting the terminal:" << error.call;
            deliverLater([exchange, error]() { exchange->done(error); });
            continue;
        }
        ++m_running;
        start(exchange);
    }
}

void HikvisionClient::start(const std::shared_ptr<Exchange> &exchange)
{
    exchange->timer.start();
    exchange->nonceRenewals = 0;
    if (m_digest.hasChallenge()) {
        exchange->auth = Exchange::Auth::SpentNonce;
        send(exchange, true);
    } else {
        exchange->auth = Exchange::Auth::None;
        send(exchange, false);
    }
}

void HikvisionClient::send(const std::shared_ptr<Exchange> &exchange, bool withAuthorization)
{
    if (exchange->cancelled) {
        HikvisionError error = errorFor(exchange->call);
        error.kind = Kind::RefusedRequest;
        error.detail = tr("cancelled");
        error.cancelled = true;
        return deliverLater([this, exchange, error]() { complete(exchange, error); });
    }
    const Call &call = exchange->call;
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + call.path);
    QUrlQuery query;
    if (call.json)
        query.addQueryItem(QStringLiteral("format"), QStringLiteral("json"));
    for (const auto &item : call.query)
        query.addQueryItem(item.first, item.second);
    if (!query.isEmpty())
        url.setQuery(query);

    HttpExchangeRequest request;
    request.verb = call.verb;
    request.url = url;
    request.body = call.body;
    request.timeoutMs = call.timeoutMs > 0 ? call.timeoutMs : m_config.timeoutMs;
    request.pinnedCertificateSha256 = m_config.pinnedCertificateSha256;
    // One connection per request (HttpExchange always sends "Connection: close"): terminals
    // close keep-alive sockets readily and answer with "Connection: close" anyway, and a
    // handshake after an expired nonce must start on a new connection.
    request.headers.append({"Accept", call.json ? QByteArrayLiteral("application/json, */*;q=0.1")
                                                : QByteArrayLiteral("application/xml, */*;q=0.1")});
    request.headers.append({"User-Agent", QByteArray(kApplicationName) + '/' + kVersion});
    if (!call.body.isEmpty())
        request.headers.append(
            {"Content-Type", !call.contentType.isEmpty() ? call.contentType
                             : call.json
                                 ? QByteArrayLiteral("application/json")
                                 : QByteArrayLiteral("application/xml; charset=\"UTF-8\"")});
    if (withAuthorization)
        request.headers.append(
            {"Authorization", m_digest.authorization(call.verb, HttpExchange::requestTarget(url))});

    auto *http = new HttpExchange(std::move(request), this);
    m_inFlight.insert(http);
    exchange->http = http;
    if (exchange->call.onSent) {
        // Not at once: other doors' answers that came meanwhile get their own next requests
        // out before this one's page is read and saved.
        connect(http, &HttpExchange::requestSent, this, [this, exchange] {
            afterWaitingAnswers(this, [exchange] {
                if (exchange->call.onSent)
                    std::exchange(exchange->call.onSent, nullptr)();
            });
        });
    }
    connect(http, &HttpExchange::finished, this, [this, exchange, http]() {
        m_inFlight.remove(http);
        exchange->http = nullptr;
        http->deleteLater();
        emit exchangeFinished(QString::fromLatin1(http->request().verb) + QLatin1Char(' ') +
                                  http->request().url.path(),
                              http->status() != 0);
        onFinished(exchange, http);
    });
    http->start();
}

HikvisionError HikvisionClient::transportError(const Exchange &exchange,
                                               const HttpExchange *http) const
{
    HikvisionError error = errorFor(exchange.call);
    error.detail = http->errorString();
    switch (http->failure()) {
    case HttpExchange::Failure::HostNotFound:
    case HttpExchange::Failure::ConnectionRefused:
        error.kind = Kind::HostUnreachable;
        break;
    case HttpExchange::Failure::Timeout:
        error.kind = Kind::Timeout;
        break;
    case HttpExchange::Failure::Tls:
        if (!http->certificateSha256().isEmpty() && !http->sslErrorText().isEmpty()) {
            error.kind = Kind::UntrustedCertificate;
            error.certificateSha256 = http->certificateSha256();
            error.pinnedCertificateMismatch = http->pinnedCertificateMismatch();
            error.detail = http->sslErrorText();
        } else {
            error.kind = Kind::Tls;
        }
        break;
    case HttpExchange::Failure::None:
    case HttpExchange::Failure::ClosedEarly:
    case HttpExchange::Failure::MalformedResponse:
    case HttpExchange::Failure::ResponseTooLarge:
    case HttpExchange::Failure::Network:
        error.kind = Kind::Network;
        break;
    }
    return error;
}

void HikvisionClient::onFinished(const std::shared_ptr<Exchange> &exchange, HttpExchange *http)
{
    const QByteArray body = http->body();
    const int status = http->status();
    qCDebug(lcHikvision).nospace().noquote()
        << exchange->call.description() << " -> "
        << (status ? QString::number(status) : http->errorString()) << " (" << body.size()
        << " bytes, " << exchange->timer.elapsed() << " ms)";

    if (status == 0) {
        failOrRetry(exchange, transportError(*exchange, http));
        return;
    }
    if (status == 401) {
        onUnauthorized(exchange, http, body);
        return;
    }

    m_credentialsAccepted = true;
    if (exchange->auth != Exchange::Auth::None) {
        // A terminal that hands out one-time nonces may name the next one here, which saves
        // the next request its stale round trip.
        const QByteArray next = nextNonceOf(http->header("Authentication-Info"));
        if (!next.isEmpty())
            m_digest.setNextNonce(next);
    }
    const IsapiStatus verdict = parseIsapiStatus(body);
    if (std::optional<HikvisionError> problem = errorForResponse(status, verdict)) {
        HikvisionError error = errorFor(exchange->call);
        error.kind = problem->kind;
        error.httpStatus = status;
        copyStatus(&error, verdict);
        error.bodyExcerpt = excerpt(body);
        if (error.kind == Kind::LockedOut) {
            enterLockout(verdict.lockSecondsLeft, error);
            complete(exchange, *refusal());
            return;
        }
        if (error.kind == Kind::WrongCredentials) {
            m_wrongCredentials = error;
            m_credentialsAccepted = false;
            m_digest.clearChallenge();
        }
        failOrRetry(exchange, error);
        return;
    }
    qCInfo(lcHikvision).nospace().noquote()
        << exchange->call.description() << " -> " << status << " at " << host() << " ("
        << exchange->timer.elapsed() << " ms)";
    complete(exchange, Reply{status, body, http->header("Content-Type")});
}

void HikvisionClient::onUnauthorized(const std::shared_ptr<Exchange> &exchange,
                                     const HttpExchange *http, const QByteArray &body)
{
    const IsapiStatus verdict = parseIsapiStatus(body);
    HikvisionError error = errorFor(exchange->call);
    error.httpStatus = 401;
    copyStatus(&error, verdict);
    error.bodyExcerpt = excerpt(body);

    // Checked before anything else so that no credentials go to a locked terminal.
    if (verdict.isLocked()) {
        enterLockout(verdict.lockSecondsLeft, error);
        complete(exchange, *refusal());
        return;
    }

    QString whyNot;
    const std::optional<DigestChallenge> challenge =
        chooseDigestChallenge(challengesOf(http), &whyNot);

    if (exchange->auth == Exchange::Auth::None) {
        if (!challenge) {
            error.kind = Kind::AuthenticationUnsupported;
            error.detail = whyNot;
            complete(exchange, error);
            return;
        }
        m_digest.setChallenge(*challenge);
        exchange->auth = Exchange::Auth::FreshNonce;
        send(exchange, true);
        return;
    }

    // The request carried credentials. Only the terminal's own verdict on the password ends in
    // a refusal: a 401 that is not stale to a nonce sent for the first time. stale=TRUE says
    // the digest was right and only the nonce had run out, whatever the nonce's history; a 401
    // to a nonce sent before (by an earlier request or by our retry after a dropped
    // connection) proves nothing either, since a terminal may spend a nonce on a
    // request whose answer never arrived. A body saying no attempt is left ends it all the
    // same: the next failure would lock the account.
    const bool staleNonce = challenge && challenge->stale;
    const bool invalidOperation = verdict.isSubStatus("invalidOperation");
    const bool lastAttempt = verdict.attemptsLeft == 0;
    const bool spentNonce = exchange->auth == Exchange::Auth::SpentNonce;
    if (!lastAttempt && (staleNonce || spentNonce)) {
        if (exchange->nonceRenewals >= kMaxNonceRenewals) {
            // Each handshake was answered "stale" again: a terminal in trouble, or one whose
            // nonces live shorter than a round trip. Transient, and no login was refused.
            m_digest.clearChallenge();
            error.kind = Kind::NonceKeptExpiring;
            failOrRetry(exchange, error);
            return;
        }
        ++exchange->nonceRenewals;
        qCInfo(lcHikvision).noquote()
            << "nonce at" << host() << "no longer accepted"
            << (staleNonce         ? "(stale)"
                : invalidOperation ? "(invalidOperation)"
                                   : "(spent)")
            << "- new handshake" << exchange->nonceRenewals << "of" << kMaxNonceRenewals;
        // The new nonce of the 401 itself saves a round trip. After S4's invalidOperation the
        // session is dropped and the handshake starts afresh, as the field report did.
        if (challenge && !invalidOperation) {
            m_digest.setChallenge(*challenge);
            exchange->auth = Exchange::Auth::FreshNonce;
            send(exchange, true);
        } else {
            m_digest.clearChallenge();
            exchange->auth = Exchange::Auth::None;
            send(exchange, false);
        }
        return;
    }

    error.kind = Kind::WrongCredentials;
    if (invalidOperation)
        error.detail = tr("the terminal answered invalidOperation to a fresh login");
    m_digest.clearChallenge();
    m_credentialsAccepted = false;
    m_wrongCredentials = error;
    qCInfo(lcHikvision).noquote() << error.message();
    complete(exchange, error);
}

void HikvisionClient::enterLockout(qint64 seconds, HikvisionError error)
{
    if (seconds <= 0)
        seconds = kDefaultLockSeconds;
    error.kind = Kind::LockedOut;
    error.lockSecondsLeft = seconds;
    m_lockedUntil = m_clock->now().addSecs(seconds);
    m_lockout = error;
    m_digest.clearChallenge();
    qCInfo(lcHikvision).noquote() << error.message();
}

void HikvisionClient::failOrRetry(const std::shared_ptr<Exchange> &exchange,
                                  const HikvisionError &error)
{
    const bool retryable = error.kind == Kind::DeviceBusy || error.kind == Kind::DeviceError ||
                           error.kind == Kind::NonceKeptExpiring;
    if (!retryable || !exchange->call.isRead || exchange->readRetriesLeft <= 0) {
        qCInfo(lcHikvision).noquote() << error.message();
        if (!error.bodyExcerpt.isEmpty())
            qCDebug(lcHikvision).noquote() << "error body:" << error.bodyExcerpt;
        complete(exchange, error);
        return;
    }
    --exchange->readRetriesLeft;
    ++exchange->retriesDone;
    const int delay = m_config.readRetryBackoffMs * (1 << (exchange->retriesDone - 1));
    qCInfo(lcHikvision).noquote() << exchange->call.description() << "at" << host() << "got"
                                  << (error.subStatusCode.isEmpty()
                                          ? QStringLiteral("HTTP %1").arg(error.httpStatus)
                                          : error.subStatusCode)
                                  << "- retry" << exchange->retriesDone << "in" << delay << "ms";
    --m_running; // the slot is free while we wait
    QTimer::singleShot(delay, this, [this, exchange, generation = m_generation]() {
        if (generation != m_generation)
            return; // abandoned meanwhile
        m_queue.prepend(exchange);
        pump();
    });
    pump();
}

void HikvisionClient::complete(const std::shared_ptr<Exchange> &exchange, Result<Reply> result)
{
    --m_running;
    auto done = std::move(exchange->done);
    exchange->done = nullptr;
    if (done)
        done(std::move(result));
    pump();
}

// Operations -------------------------------------------------------------------------------

namespace {

template<typename T>
Expected<T, HikvisionError> withContext(Expected<T, HikvisionError> result,
                                        const HikvisionClient::Call &call, const QString &host,
                                        int httpStatus)
{
    if (result)
        return result;
    HikvisionError error = result.error();
    error.call = call.description();
    error.host = host;
    error.httpStatus = httpStatus;
    error.employeeNo = call.employeeNo;
    error.personName = call.personName;
    qCInfo(lcHikvision).noquote() << error.message();
    return error;
}

HikvisionClient::Call readCall(const char *path, bool json = true)
{
    HikvisionClient::Call call;
    call.verb = "GET";
    call.path = QLatin1String(path);
    call.json = json;
    call.isRead = true;
    return call;
}

} // namespace

void HikvisionClient::fetchDeviceInfo(std::function<void(Result<DeviceInfo>)> done)
{
    // Terminals answer deviceInfo in XML even when JSON is asked for, so XML is asked for.
    const Call call = readCall(isapi::kDeviceInfoPath, false);
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        done(withContext(isapi::parseDeviceInfo(reply.value().body), call, host(),
                         reply.value().httpStatus));
    });
}

void HikvisionClient::fetchDeviceTime(std::function<void(Result<QDateTime>)> done)
{
    const Call call = readCall(isapi::kSystemTimePath, false);
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        done(withContext(isapi::parseSystemTime(reply.value().body), call, host(),
                         reply.value().httpStatus));
    });
}

void HikvisionClient::fetchPicture(const QString &pictureUrl,
                                   std::function<void(Result<QByteArray>)> done)
{
    fetchPictureTagged(pictureUrl, 0, std::move(done));
}

void HikvisionClient::fetchPictureTagged(const QString &pictureUrl, quint64 cancelTag,
                                         std::function<void(Result<QByteArray>)> done)
{
    // Face URLs look like /LOCALS/pic/enrlFace/0/0000000002.jpg@WEB000000000010 and
    // /LOCALS/pic/web_face_enrollpic.jpg@WEB000000000020: the "@WEB..." is part of the path.
    const QUrl url(pictureUrl, QUrl::StrictMode);
    Call call;
    call.verb = "GET";
    call.path = url.path();
    call.json = false;
    call.isRead = true;
    call.cancelTag = cancelTag;
    // Only the terminal's picture folders: an event's URL is not a licence to ask for anything.
    if (!url.isValid() || !call.path.startsWith(QLatin1String("/LOCALS/pic/")) ||
        call.path.contains(QLatin1String("/../")) || url.hasQuery()) {
        HikvisionError error = errorFor(call);
        error.kind = Kind::RefusedRequest;
        error.detail = tr("\"%1\" is not a picture address of the terminal").arg(pictureUrl);
        deliverErrorLater<QByteArray>(this, std::move(done), error);
        return;
    }
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        const QByteArray &body = reply.value().body;
        // A JPEG starts with its SOI marker; anything else (an error page, XML) is no picture.
        if (!body.startsWith("\xFF\xD8")) {
            HikvisionError error = errorFor(call);
            error.httpStatus = reply.value().httpStatus;
            error.kind = body.isEmpty() ? Kind::MalformedResponse : Kind::UnexpectedResponse;
            error.detail = tr("the answer is not a JPEG picture");
            return done(error);
        }
        done(body);
    });
}

void HikvisionClient::fetchUserCapabilities(std::function<void(Result<UserCapabilities>)> done)
{
    const Call call = readCall(isapi::kUserCapabilitiesPath);
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        done(withContext(isapi::parseUserCapabilities(reply.value().body), call, host(),
                         reply.value().httpStatus));
    });
}

void HikvisionClient::countPersons(std::function<void(Result<PersonCount>)> done)
{
    const Call call = readCall(isapi::kUserCountPath);
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        done(withContext(isapi::parsePersonCount(reply.value().body), call, host(),
                         reply.value().httpStatus));
    });
}

void HikvisionClient::probe(std::function<void(Result<Probe>)> done)
{
    fetchDeviceInfo([this, done = std::move(done)](Result<DeviceInfo> info) mutable {
        if (!info)
            return done(info.error());
        fetchUserCapabilities([this, info = info.value(),
                               done = std::move(done)](Result<UserCapabilities> capabilities) {
            UserCapabilities usable;
            if (capabilities) {
                usable = capabilities.value();
            } else if (capabilities.error().kind == Kind::NotSupported) {
                qCWarning(lcHikvision).noquote()
                    << host() << "has no person capabilities; using the defaults";
            } else {
                return done(capabilities.error());
            }
            Probe probe{info, usable, selectDeviceProfile(info, usable)};
            setDeviceContext(probe.capabilities, probe.profile);
            qCInfo(lcHikvision).noquote()
                << host() << "is a" << info.model << info.firmwareVersion << "- profile"
                << probe.profile.id << "- page size" << usable.searchMaxResults << "- name limit"
                << usable.nameLength.max << "bytes";
            for (const QString &adjustment : probe.profile.adjustments)
                qCInfo(lcHikvision).noquote() << "profile adjustment:" << adjustment;
            done(probe);
        });
    });
}

void HikvisionClient::runPagedSearch(const std::shared_ptr<PagedSearch> &search)
{
    const std::optional<isapi::IdBatch> &filter = search->filters.at(search->filterIndex);
    const int pageSize = qMax(1, m_capabilities.searchMaxResults);
    Call call;
    call.verb = "POST";
    call.path = QLatin1String(search->persons ? isapi::kUserSearchPath : isapi::kCardSearchPath);
    call.isRead = true;
    call.body =
        search->persons
            ? isapi::userInfoSearchBody(search->searchId, search->position, pageSize, filter)
            : isapi::cardInfoSearchBody(search->searchId, search->position, pageSize, filter);
    call.onSent = [search] { search->reportFound(); };
    submit(call, [this, search, call, pageSize](Result<Reply> reply) {
        if (!reply)
            return search->fail(reply.error());
        // Only the paging is read before the next request goes out; the entries wait for it
        // (PagedSearch::readPages), in the order the pages came.
        auto parsed =
            withContext(search->persons ? isapi::parsePersonSearchPageHead(reply.value().body)
                                        : isapi::parseCardSearchPageHead(reply.value().body),
                        call, host(), reply.value().httpStatus);
        if (!parsed)
            return search->fail(parsed.error());
        const SearchPage page = parsed.value().page;
        search->unread.append({std::move(parsed.value()), search->filterIndex});
        ++search->pages;
        if (page.searchId != search->searchId)
            qCDebug(lcHikvision) << "terminal answered with searchID" << page.searchId;

        // Advance by what actually arrived when the two counts disagree: re-reading a few
        // entries is harmless (duplicates are dropped), skipping some is not.
        const int advance = qMin(page.numOfMatches, page.itemCount);
        search->matchesInScan += advance;
        if (page.hasMore()) {
            if (advance <= 0) {
                // "MORE" with nothing in it would loop forever. Accept it only when the
                // terminal's own total says nothing is missing.
                if (page.totalMatches >= 0 && search->matchesInScan >= page.totalMatches) {
                    qCInfo(lcHikvision)
                        << "terminal said MORE with no matches after" << search->matchesInScan
                        << "of" << page.totalMatches << "; taking the list as complete";
                } else {
                    HikvisionError error = errorFor(call);
                    error.kind = Kind::UnexpectedResponse;
                    error.detail = tr("it said MORE but sent nothing at position %1 of %2")
                                       .arg(search->position)
                                       .arg(page.totalMatches);
                    return search->fail(error);
                }
            } else {
                const int expected = qMax(page.totalMatches, m_capabilities.maxRecordNum);
                const int pageLimit = expected > 0 ? 2 * (expected / pageSize + 2) : 10000;
                if (search->pages > pageLimit) {
                    HikvisionError error = errorFor(call);
                    error.kind = Kind::UnexpectedResponse;
                    error.detail = tr("it kept saying MORE after %1 pages").arg(search->pages);
                    return search->fail(error);
                }
                search->position += advance;
                runPagedSearch(search);
                return;
            }
        }
        if (++search->filterIndex < search->filters.size()) {
            search->newScan();
            runPagedSearch(search);
            return;
        }
        search->succeed();
    });
}

void HikvisionClient::searchEvents(std::optional<qint64> beginSerialNo,
                                   std::function<void(Result<EventSearchResult>)> done,
                                   std::function<void(const QList<AccessEvent> &)> pageRead)
{
    auto search = std::make_shared<EventSearch>();
    search->beginSerialNo = beginSerialNo;
    search->done = std::move(done);
    search->pageRead = std::move(pageRead);
    runEventSearch(search);
}

void HikvisionClient::runEventSearch(const std::shared_ptr<EventSearch> &search)
{
    Call call;
    call.verb = "POST";
    call.path = QLatin1String(isapi::kAcsEventPath);
    call.isRead = true;
    call.body =
        isapi::acsEventSearchBody(search->searchId, search->position, search->beginSerialNo);
    call.onSent = [search] { search->reportFound(); };
    submit(call, [this, search, call](Result<Reply> reply) {
        const auto fail = [&](const HikvisionError &error) {
            qCInfo(lcHikvision).noquote() << error.message();
            search->done(error);
        };
        if (!reply)
            return fail(reply.error());
        const auto parsed = withContext(isapi::parseAcsEventPage(reply.value().body), call, host(),
                                        reply.value().httpStatus);
        if (!parsed)
            return fail(parsed.error());
        const SearchPage &page = parsed.value();
        ++search->found.pages;
        search->found.warnings += page.warnings;
        for (const AccessEvent &event : page.events) {
            // The log moved between pages (new events, a ring that overwrote its oldest):
            // an event seen twice is kept once.
            if (!search->seen.contains(event.serialNo)) {
                search->seen.insert(event.serialNo);
                search->found.events.append(event);
            }
        }
        const int advance = qMin(page.numOfMatches, page.itemCount);
        search->matches += advance;
        if (page.hasMore()) {
            const auto unexpected = [&](const QString &detail) {
                HikvisionError error = errorFor(call);
                error.kind = Kind::UnexpectedResponse;
                error.detail = detail;
                fail(error);
            };
            if (advance <= 0) {
                if (page.totalMatches < 0 || search->matches < page.totalMatches)
                    return unexpected(tr("it said MORE but sent nothing at position %1 of %2")
                                          .arg(search->position)
                                          .arg(page.totalMatches));
            } else {
                // A terminal keeps at most a few hundred thousand events; one that says MORE
                // for ever is not followed for ever.
                const int expected = qMax(page.totalMatches, search->matches);
                if (search->found.pages > 2 * (expected / isapi::kAcsEventPageSize + 2))
                    return unexpected(
                        tr("it kept saying MORE after %1 pages").arg(search->found.pages));
                search->position += advance;
                return runEventSearch(search);
            }
        }
        search->reportFound();
        search->done(std::move(search->found));
    });
}

void HikvisionClient::countEvents(std::function<void(Result<qint64>)> done)
{
    Call call;
    call.verb = "POST";
    call.path = QLatin1String(isapi::kAcsEventTotalNumPath);
    call.isRead = true;
    call.body = isapi::acsEventTotalNumBody();
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        done(withContext(isapi::parseAcsEventTotalNum(reply.value().body), call, host(),
                         reply.value().httpStatus));
    });
}

void HikvisionClient::searchAllPersons(std::function<void(Result<PersonSearchResult>)> done,
                                       std::function<void(const QList<Person> &)> pageRead)
{
    auto search = std::make_shared<PagedSearch>();
    search->persons = true;
    search->filters = {std::nullopt};
    search->donePersons = std::move(done);
    search->pageRead = std::move(pageRead);
    search->newScan();
    runPagedSearch(search);
}

void HikvisionClient::searchPersons(const QStringList &employeeNos,
                                    std::function<void(Result<PersonSearchResult>)> done)
{
    if (employeeNos.isEmpty()) {
        deliverLater([done = std::move(done)]() { done(PersonSearchResult{}); });
        return;
    }
    const auto batches = isapi::splitIntoBatches(employeeNos, isapi::IdBatch::Kind::EmployeeNo,
                                                 m_capabilities.searchEmployeeNoListMaxSize);
    if (!batches) {
        HikvisionError error = batches.error();
        error.call = QStringLiteral("POST ") + QLatin1String(isapi::kUserSearchPath);
        error.host = host();
        deliverErrorLater<PersonSearchResult>(this, std::move(done), error);
        return;
    }
    auto search = std::make_shared<PagedSearch>();
    search->persons = true;
    for (const isapi::IdBatch &batch : batches.value())
        search->filters.append(batch);
    search->donePersons = std::move(done);
    search->newScan();
    runPagedSearch(search);
}

void HikvisionClient::searchAllCards(std::function<void(Result<CardSearchResult>)> done)
{
    auto search = std::make_shared<PagedSearch>();
    search->persons = false;
    search->filters = {std::nullopt};
    search->doneCards = std::move(done);
    search->newScan();
    runPagedSearch(search);
}

void HikvisionClient::searchCardsOfPersons(const QStringList &employeeNos,
                                           std::function<void(Result<CardSearchResult>)> done)
{
    searchCardsListed(employeeNos, CardsListedBy::EmployeeNo, std::move(done));
}

void HikvisionClient::searchCardsByNumbers(const QStringList &cardNos,
                                           std::function<void(Result<CardSearchResult>)> done)
{
    searchCardsListed(cardNos, CardsListedBy::CardNo, std::move(done));
}

void HikvisionClient::searchCardsListed(const QStringList &ids, CardsListedBy listedBy,
                                        std::function<void(Result<CardSearchResult>)> done)
{
    if (ids.isEmpty()) {
        deliverLater([done = std::move(done)]() { done(CardSearchResult{}); });
        return;
    }
    const auto batches = isapi::splitIntoBatches(ids,
                                                 listedBy == CardsListedBy::CardNo
                                                     ? isapi::IdBatch::Kind::CardNo
                                                     : isapi::IdBatch::Kind::EmployeeNo,
                                                 m_capabilities.searchEmployeeNoListMaxSize);
    if (!batches) {
        HikvisionError error = batches.error();
        error.call = QStringLiteral("POST ") + QLatin1String(isapi::kCardSearchPath);
        error.host = host();
        deliverErrorLater<CardSearchResult>(this, std::move(done), error);
        return;
    }
    auto search = std::make_shared<PagedSearch>();
    search->persons = false;
    for (const isapi::IdBatch &batch : batches.value())
        search->filters.append(batch);
    search->doneCards = std::move(done);
    search->newScan();
    runPagedSearch(search);
}

void HikvisionClient::fetchAccessControlCapabilities(
    std::function<void(Result<AccessControlCapabilities>)> done)
{
    const Call call = readCall(isapi::kAccessControlCapabilitiesPath, false);
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        done(withContext(isapi::parseAccessControlCapabilities(reply.value().body), call, host(),
                         reply.value().httpStatus));
    });
}

void HikvisionClient::captureCard(int waitSeconds, quint64 cancelTag,
                                  std::function<void(Result<CapturedCard>)> done)
{
    Call call;
    call.verb = "GET";
    call.path = QLatin1String(isapi::kCaptureCardInfoPath);
    call.cancelTag = cancelTag;
    // The terminal holds the answer until a card is read; the margin covers its own timeout
    // answer arriving just after ours would have fired.
    call.timeoutMs = qBound(1, waitSeconds, 120) * 1000 + 5000;
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        done(withContext(isapi::parseCapturedCard(reply.value().body), call, host(),
                         reply.value().httpStatus));
    });
}

quint64 HikvisionClient::newCancelTag()
{
    static std::atomic<quint64> next{1};
    return next++;
}

void HikvisionClient::cancelCalls(quint64 tag)
{
    if (tag == 0)
        return;
    QList<std::weak_ptr<Exchange>> kept;
    for (const std::weak_ptr<Exchange> &weak : std::as_const(m_cancellable)) {
        const std::shared_ptr<Exchange> exchange = weak.lock();
        if (!exchange || !exchange->done)
            continue;
        if (exchange->call.cancelTag != tag) {
            kept.append(weak);
            continue;
        }
        exchange->cancelled = true;
        HikvisionError error = errorFor(exchange->call);
        error.kind = Kind::RefusedRequest;
        error.detail = tr("cancelled");
        error.cancelled = true;
        if (m_queue.removeOne(exchange)) {
            deliverLater([exchange, error]() {
                if (auto done = std::exchange(exchange->done, nullptr))
                    done(error);
            });
        } else if (HttpExchange *http = exchange->http) {
            exchange->http = nullptr;
            m_inFlight.remove(http);
            http->disconnect(this);
            http->abort();
            http->deleteLater();
            deliverLater([this, exchange, error]() { complete(exchange, error); });
        }
        // Otherwise it is between two sendings: send() ends it.
    }
    m_cancellable = kept;

    // A face capture between two polls has no exchange to cancel; one with a poll in flight
    // ends here too, and that poll's answer is ignored.
    QList<std::weak_ptr<FaceCapture>> captures;
    for (const std::weak_ptr<FaceCapture> &weak : std::as_const(m_faceCaptures)) {
        const std::shared_ptr<FaceCapture> capture = weak.lock();
        if (!capture || capture->finished)
            continue;
        if (capture->tag != tag) {
            captures.append(weak);
            continue;
        }
        HikvisionError error = errorFor(capture->call);
        error.kind = Kind::RefusedRequest;
        error.detail = tr("cancelled");
        error.cancelled = true;
        capture->finished = true;
        deliverLater([done = std::exchange(capture->done, nullptr), error]() {
            qCInfo(lcHikvision).noquote() << error.message();
            if (done)
                done(error);
        });
    }
    m_faceCaptures = captures;
}

void HikvisionClient::sendWrite(Call call, QStringList warnings,
                                std::function<void(Result<WriteResult>)> done)
{
    if (call.body.isEmpty()) {
        // Writes without a body are either meaningless or, for deletes, "everything".
        HikvisionError error = errorFor(call);
        error.kind = Kind::RefusedRequest;
        error.detail = tr("the request body is empty");
        deliverErrorLater<WriteResult>(this, std::move(done), error);
        return;
    }
    submit(call, [this, call, warnings, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        const IsapiStatus verdict = parseIsapiStatus(reply.value().body);
        if (!verdict.isOk()) {
            // errorForResponse let it through, so there is no verdict at all: the write may or
            // may not have happened, which is not success.
            HikvisionError error = errorFor(call);
            error.httpStatus = reply.value().httpStatus;
            error.kind = reply.value().body.trimmed().isEmpty() ? Kind::MalformedResponse
                                                                : Kind::UnexpectedResponse;
            error.detail = tr("no ResponseStatus confirming the change");
            error.bodyExcerpt = excerpt(reply.value().body);
            qCInfo(lcHikvision).noquote() << error.message();
            return done(error);
        }
        done(WriteResult{call.employeeNo, warnings});
    });
}

namespace {

HikvisionClient::Call personWriteCall(const char *verb, const char *path, const Person &person)
{
    HikvisionClient::Call call;
    call.verb = verb;
    call.path = QLatin1String(path);
    call.employeeNo = person.employeeNo;
    call.personName = person.name;
    return call;
}

} // namespace

void HikvisionClient::recordPerson(const Person &person,
                                   std::function<void(Result<WriteResult>)> done)
{
    Call call = personWriteCall("POST", isapi::kUserRecordPath, person);
    auto body = isapi::userInfoBody(person, m_capabilities, m_profile, host());
    if (!body) {
        HikvisionError error = body.error();
        error.call = call.description();
        error.host = host();
        return deliverErrorLater<WriteResult>(this, std::move(done), error);
    }
    call.body = body.value().body;
    sendWrite(call, body.value().warnings, std::move(done));
}

void HikvisionClient::setUpPerson(const Person &person,
                                  std::function<void(Result<WriteResult>)> done)
{
    Call call = personWriteCall("PUT", isapi::kUserSetUpPath, person);
    auto body = isapi::userInfoBody(person, m_capabilities, m_profile, host());
    if (!body) {
        HikvisionError error = body.error();
        error.call = call.description();
        error.host = host();
        return deliverErrorLater<WriteResult>(this, std::move(done), error);
    }
    call.body = body.value().body;
    sendWrite(call, body.value().warnings, std::move(done));
}

void HikvisionClient::modifyPersonValidity(const Person &person,
                                           std::function<void(Result<WriteResult>)> done)
{
    Call call = personWriteCall("PUT", isapi::kUserModifyPath, person);
    auto body = isapi::userInfoValidityBody(person, m_capabilities, m_profile, host());
    if (!body) {
        HikvisionError error = body.error();
        error.call = call.description();
        error.host = host();
        return deliverErrorLater<WriteResult>(this, std::move(done), error);
    }
    call.body = body.value().body;
    sendWrite(call, body.value().warnings, std::move(done));
}

void HikvisionClient::recordCard(const Card &card, std::function<void(Result<WriteResult>)> done)
{
    Call call;
    call.verb = "POST";
    call.path = QLatin1String(isapi::kCardRecordPath);
    call.employeeNo = card.employeeNo;
    auto body = isapi::cardInfoRecordBody(card, m_capabilities);
    if (!body) {
        HikvisionError error = body.error();
        error.call = call.description();
        error.host = host();
        return deliverErrorLater<WriteResult>(this, std::move(done), error);
    }
    call.body = body.value();
    sendWrite(call, {}, std::move(done));
}

void HikvisionClient::runBatches(const std::shared_ptr<BatchRun> &run)
{
    const isapi::IdBatch &batch = run->batches.at(run->index);
    Call call;
    if (run->makeCall) {
        call = run->makeCall(batch);
    } else {
        call.verb = "PUT";
        call.path = QLatin1String(run->persons ? isapi::kUserDeletePath : isapi::kCardDeletePath);
        call.timeoutMs = m_config.deleteTimeoutMs;
        call.body =
            run->persons ? isapi::userInfoDeleteBody(batch) : isapi::cardInfoDeleteBody(batch);
    }
    if (batch.ids().size() == 1 && batch.kind() == isapi::IdBatch::Kind::EmployeeNo)
        call.employeeNo = batch.ids().constFirst();
    const QStringList ids = batch.ids();
    sendWrite(call, {}, [this, run, ids](Result<WriteResult> written) {
        if (!written) {
            HikvisionError error = written.error();
            if (!run->result.deleted.isEmpty() && error.detail.isEmpty())
                error.detail = tr("%1 of %2 had been deleted before this batch failed")
                                   .arg(run->result.deleted.size())
                                   .arg(run->total);
            return run->done(error);
        }
        run->result.deleted += ids;
        ++run->result.batches;
        if (++run->index < run->batches.size())
            return runBatches(run);
        run->done(run->result);
    });
}

namespace {

QString deleteCall(const char *path)
{
    return QStringLiteral("PUT ") + QLatin1String(path);
}

} // namespace

void HikvisionClient::deletePersons(const QStringList &employeeNos,
                                    std::function<void(Result<DeleteResult>)> done)
{
    startDeleteBatches(employeeNos, false, isapi::kUserDeletePath, true, std::move(done));
}

void HikvisionClient::deleteCardsOfPersons(const QStringList &employeeNos,
                                           std::function<void(Result<DeleteResult>)> done)
{
    startDeleteBatches(employeeNos, false, isapi::kCardDeletePath, false, std::move(done));
}

void HikvisionClient::deleteCards(const QStringList &cardNos,
                                  std::function<void(Result<DeleteResult>)> done)
{
    startDeleteBatches(cardNos, true, isapi::kCardDeletePath, false, std::move(done));
}

void HikvisionClient::startDeleteBatches(const QStringList &ids, bool cardNumbers, const char *path,
                                         bool persons,
                                         std::function<void(Result<DeleteResult>)> done)
{
    // Refuses an empty list here, before anything is sent: terminals read it as "everyone".
    const auto batches = isapi::splitIntoBatches(
        ids, cardNumbers ? isapi::IdBatch::Kind::CardNo : isapi::IdBatch::Kind::EmployeeNo,
        m_capabilities.deleteEmployeeNoListMaxSize);
    if (!batches) {
        HikvisionError error = batches.error();
        error.call = deleteCall(path);
        error.host = host();
        return deliverErrorLater<DeleteResult>(this, std::move(done), error);
    }
    auto run = std::make_shared<BatchRun>();
    run->persons = persons;
    run->batches = batches.value();
    run->total = static_cast<int>(ids.size());
    run->done = std::move(done);
    runBatches(run);
}

// Faces ------------------------------------------------------------------------------------

namespace {

// The terminal refused an upload for want of the picture part, naming it (S2's
// MessageParametersLack carries the missing field's name in errorMsg).
bool namesImagePart(const HikvisionError &error, const QString &sentName)
{
    if (error.subStatusCode.compare(QLatin1String("MessageParametersLack"), Qt::CaseInsensitive) !=
            0 &&
        error.subStatusCode.compare(QLatin1String("badParameters"), Qt::CaseInsensitive) != 0)
        return false;
    const QString field = error.errorMsg.trimmed();
    return field.compare(sentName, Qt::CaseInsensitive) == 0 ||
           field.contains(QLatin1String("image"), Qt::CaseInsensitive) ||
           field.contains(QLatin1String("img"), Qt::CaseInsensitive);
}

} // namespace

void HikvisionClient::fetchFaceLibraryCapabilities(
    std::function<void(Result<FaceLibraryCapabilities>)> done)
{
    const Call call = readCall(isapi::kFaceLibCapabilitiesPath);
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply) {
            // 404 or notSupport: no face library over ISAPI (the DS-K1A340FWX, §3.1). That is
            // an answer about the terminal, not a failure to get one.
            if (reply.error().kind == Kind::NotSupported) {
                qCInfo(lcHikvision).noquote()
                    << host() << "has no face library over ISAPI:" << reply.error().message();
                return done(FaceLibraryCapabilities{});
            }
            return done(reply.error());
        }
        done(withContext(isapi::parseFaceLibraryCapabilities(reply.value().body), call, host(),
                         reply.value().httpStatus));
    });
}

void HikvisionClient::setUpFace(const QString &employeeNo, const QByteArray &jpeg,
                                std::function<void(Result<WriteResult>)> done)
{
    sendFacePicture(true, employeeNo, jpeg, m_faceImagePartName, false, std::move(done));
}

void HikvisionClient::recordFace(const QString &employeeNo, const QByteArray &jpeg,
                                 std::function<void(Result<WriteResult>)> done)
{
    sendFacePicture(false, employeeNo, jpeg, m_faceImagePartName, false, std::move(done));
}

void HikvisionClient::sendFacePicture(bool setUp, const QString &employeeNo, const QByteArray &jpeg,
                                      const QString &partName, bool retried,
                                      std::function<void(Result<WriteResult>)> done)
{
    Call call;
    call.verb = setUp ? "PUT" : "POST";
    call.path = QLatin1String(setUp ? isapi::kFaceSetUpPath : isapi::kFaceRecordPath);
    call.employeeNo = employeeNo;
    // Refused before anything is sent when the data holds no JPEG.
    const auto body = isapi::faceMultipartBody(employeeNo, jpeg, partName);
    if (!body) {
        HikvisionError error = body.error();
        error.call = call.description();
        error.host = host();
        error.employeeNo = employeeNo;
        return deliverErrorLater<WriteResult>(this, std::move(done), error);
    }
    call.body = body.value().body;
    call.contentType = body.value().contentType;
    sendWrite(call, {},
              [this, setUp, employeeNo, jpeg, partName, retried,
               done = std::move(done)](Result<WriteResult> written) mutable {
                  if (written) {
                      m_faceImagePartName = partName;
                      return done(std::move(written));
                  }
                  // The terminal refused the first try outright, so a second with the other
                  // part name cannot write the face twice. [U] which name a terminal wants.
                  if (!retried && namesImagePart(written.error(), partName)) {
                      const QString other =
                          partName == QLatin1String(isapi::kFaceImagePartName)
                              ? QLatin1String(isapi::kFaceImagePartNameAlternative)
                              : QLatin1String(isapi::kFaceImagePartName);
                      qCInfo(lcHikvision).noquote() << host() << "wants no picture part named"
                                                    << partName << "- trying" << other;
                      return sendFacePicture(setUp, employeeNo, jpeg, other, true, std::move(done));
                  }
                  done(std::move(written));
              });
}

void HikvisionClient::setUpFaceFromUrl(const QString &employeeNo, const QString &faceUrl,
                                       std::function<void(Result<WriteResult>)> done)
{
    Call call;
    call.verb = "PUT";
    call.path = QLatin1String(isapi::kFaceSetUpPath);
    call.employeeNo = employeeNo;
    // S36: multipart with the JSON part only; the terminal fetches the URL itself, which
    // works for a picture it holds (CaptureFaceData's) and fails for others (urlDownloadFail).
    const auto body = isapi::faceMultipartBody(employeeNo, {}, m_faceImagePartName, faceUrl);
    if (!body) {
        HikvisionError error = body.error();
        error.call = call.description();
        error.host = host();
        error.employeeNo = employeeNo;
        return deliverErrorLater<WriteResult>(this, std::move(done), error);
    }
    call.body = body.value().body;
    call.contentType = body.value().contentType;
    sendWrite(call, {}, std::move(done));
}

void HikvisionClient::searchFace(const QString &employeeNo,
                                 std::function<void(Result<std::optional<FaceRecord>>)> done)
{
    Call call;
    call.verb = "POST";
    call.path = QLatin1String(isapi::kFaceSearchPath);
    call.isRead = true;
    call.employeeNo = employeeNo;
    if (employeeNo.trimmed().isEmpty()) {
        // Without an FPID the search lists every face: not what "this member's face" means.
        HikvisionError error = errorFor(call);
        error.kind = Kind::RefusedRequest;
        error.detail = tr("the employee number is empty");
        return deliverErrorLater<std::optional<FaceRecord>>(this, std::move(done), error);
    }
    call.body = isapi::faceSearchBody(employeeNo);
    submit(call, [this, call, done = std::move(done)](Result<Reply> reply) {
        if (!reply)
            return done(reply.error());
        const auto page = withContext(isapi::parseFaceSearchPage(reply.value().body), call, host(),
                                      reply.value().httpStatus);
        if (!page)
            return done(page.error());
        for (FaceRecord face : page.value().faces) {
            // A match without FPID can only be the one asked for.
            if (face.employeeNo.isEmpty() || face.employeeNo == call.employeeNo) {
                face.employeeNo = call.employeeNo;
                return done(std::optional<FaceRecord>(face));
            }
        }
        if (!page.value().faces.isEmpty()) {
            // A terminal that ignored the FPID filter: its first face proves nothing about ours.
            HikvisionError error = errorFor(call);
            error.kind = Kind::UnexpectedResponse;
            error.httpStatus = reply.value().httpStatus;
            error.detail = tr("it answered with the face of %1 instead")
                               .arg(page.value().faces.constFirst().employeeNo);
            qCInfo(lcHikvision).noquote() << error.message();
            return done(error);
        }
        done(std::optional<FaceRecord>());
    });
}

void HikvisionClient::deleteFaces(const QStringList &employeeNos,
                                  std::function<void(Result<DeleteResult>)> done)
{
    // Refused here when empty: an FPID list that is missing or empty could mean every face.
    const auto batches = isapi::splitIntoBatches(employeeNos, isapi::IdBatch::Kind::EmployeeNo,
                                                 isapi::kFaceDeleteBatchSize);
    if (!batches) {
        HikvisionError error = batches.error();
        error.call = QStringLiteral("PUT ") + QLatin1String(isapi::kFaceDeletePath);
        error.host = host();
        return deliverErrorLater<DeleteResult>(this, std::move(done), error);
    }
    auto run = std::make_shared<BatchRun>();
    run->persons = false;
    run->batches = batches.value();
    run->total = static_cast<int>(employeeNos.size());
    run->done = std::move(done);
    run->makeCall = [this](const isapi::IdBatch &batch) {
        Call call;
        call.verb = "PUT";
        call.path = QLatin1String(isapi::kFaceDeletePath);
        // S1 §5.4.5 puts the library in the query, not the body.
        call.query = {{QStringLiteral("FDID"), QLatin1String(isapi::kFaceLibraryId)},
                      {QStringLiteral("faceLibType"), QLatin1String(isapi::kFaceLibType)}};
        call.timeoutMs = m_config.deleteTimeoutMs;
        call.body = isapi::faceDeleteBody(batch);
        return call;
    };
    runBatches(run);
}

void HikvisionClient::captureFace(int waitSeconds, quint64 cancelTag,
                                  std::function<void(int progress)> progress,
                                  std::function<void(Result<CapturedFace>)> done)
{
    auto capture = std::make_shared<FaceCapture>();
    capture->call.verb = "POST";
    capture->call.path = QLatin1String(isapi::kCaptureFaceDataPath);
    capture->call.json = false; // S1 §5.2.3: XML, no ?format=json
    capture->call.body = isapi::captureFaceDataBody();
    capture->call.cancelTag = cancelTag;
    capture->tag = cancelTag;
    capture->waitSeconds = qBound(1, waitSeconds, 600);
    capture->waitMs = qint64(capture->waitSeconds) * 1000;
    capture->progress = std::move(progress);
    capture->done = std::move(done);
    capture->elapsed.start();
    if (cancelTag != 0)
        m_faceCaptures.append(capture);
    pollFaceCapture(capture);
}

void HikvisionClient::pollFaceCapture(const std::shared_ptr<FaceCapture> &capture)
{
    if (capture->finished)
        return;
    Call call = capture->call;
    // "The blocking time cannot be too long" (S1): one POST gets no more than the time left.
    const qint64 left = qMax<qint64>(0, capture->waitMs - capture->elapsed.elapsed());
    const qint64 ceiling = qMax(1000, m_config.timeoutMs);
    call.timeoutMs = int(qBound(qint64(1000), left + 5000, ceiling));

    const auto pollAgain = [this, capture]() {
        const qint64 remaining = capture->waitMs - capture->elapsed.elapsed();
        if (remaining <= 0) {
            HikvisionError error = errorFor(capture->call);
            error.kind = Kind::Timeout;
            error.httpStatus = capture->lastHttpStatus;
            error.detail =
                tr("no face was captured within %n second(s)", nullptr, capture->waitSeconds);
            return finishFaceCapture(capture, error);
        }
        QTimer::singleShot(int(qMin<qint64>(qMax(1, m_config.faceCapturePollMs), remaining)), this,
                           [this, capture, generation = m_generation]() {
                               if (generation == m_generation)
                                   pollFaceCapture(capture);
                           });
    };

    submit(call, [this, capture, call, pollAgain](Result<Reply> reply) {
        if (capture->finished)
            return; // cancelled meanwhile
        if (!reply) {
            // A terminal busy with something else has simply not looked for a face yet.
            if (reply.error().kind == Kind::DeviceBusy) {
                capture->lastHttpStatus = reply.error().httpStatus;
                return pollAgain();
            }
            return finishFaceCapture(capture, reply.error());
        }
        capture->lastHttpStatus = reply.value().httpStatus;
        const auto parsed =
            withContext(isapi::parseCaptureFaceData(reply.value().body, reply.value().contentType),
                        call, host(), reply.value().httpStatus);
        if (!parsed)
            return finishFaceCapture(capture, parsed.error());
        const FaceCaptureProgress &answer = parsed.value();
        if (answer.progress != capture->lastProgress) {
            capture->lastProgress = answer.progress;
            if (capture->progress)
                capture->progress(answer.progress);
            if (capture->finished)
                return; // the progress callback cancelled it
        }
        if (answer.progress < 100)
            return pollAgain();
        if (answer.faceDataUrl.isEmpty() && answer.jpeg.isEmpty()) {
            HikvisionError error = errorFor(call);
            error.kind = Kind::UnexpectedResponse;
            error.httpStatus = reply.value().httpStatus;
            error.detail = tr("captureProgress 100 without a faceDataUrl");
            error.bodyExcerpt = QString::fromUtf8(reply.value().body.left(300)).simplified();
            return finishFaceCapture(capture, error);
        }
        CapturedFace face{answer.faceDataUrl, answer.jpeg};
        if (!face.jpeg.isEmpty() || face.faceDataUrl.isEmpty())
            return finishFaceCapture(capture, face);
        fetchPictureTagged(face.faceDataUrl, capture->tag,
                           [this, capture, face](Result<QByteArray> picture) mutable {
                               if (capture->finished)
                                   return;
                               if (picture)
                                   face.jpeg = picture.value();
                               else
                                   qCInfo(lcHikvision).noquote()
                                       << "captured face kept without its picture:"
                                       << picture.error().message();
                               finishFaceCapture(capture, face);
                           });
    });
}

void HikvisionClient::finishFaceCapture(const std::shared_ptr<FaceCapture> &capture,
                                        Result<CapturedFace> result)
{
    if (capture->finished)
        return;
    capture->finished = true;
    m_faceCaptures.removeIf([&](const std::weak_ptr<FaceCapture> &weak) {
        const std::shared_ptr<FaceCapture> other = weak.lock();
        return !other || other == capture;
    });
    if (!result)
        qCInfo(lcHikvision).noquote() << result.error().message();
    if (auto done = std::exchange(capture->done, nullptr))
        done(std::move(result));
}

} // namespace cis
