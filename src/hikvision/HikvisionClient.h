// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "DeviceProfile.h"
#include "DigestAuth.h"
#include "Expected.h"
#include "HikvisionError.h"
#include "IsapiTypes.h"
#include "Person.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

namespace cis {

class Clock;
class HttpExchange;

struct HikvisionConfig
{
    // http://192.168.1.64 or https://door.example:8443; a path prefix is kept.
    QUrl baseUrl;
    QString username;
    QString password;
    // SHA-256 of the terminal's own (usually self-signed) certificate, as pinned by the
    // administrator; empty means ordinary certificate verification.
    QByteArray pinnedCertificateSha256;
    // Terminals are small and answer deviceBusy to parallel writes.
    int maxConcurrentRequests = 1;
    int timeoutMs = 30000;
    // The guide suggests 60 s for deleting persons and cards.
    int deleteTimeoutMs = 60000;
    // A read (search, count, capabilities) that meets deviceBusy or a 5xx is tried again this
    // often, after readRetryBackoffMs, then twice that. Writes are never repeated here.
    int maxReadRetries = 2;
    int readRetryBackoffMs = 1000;

    // A digest of what decides how a client behaves towards the terminal (address, account,
    // pinned certificate, parallelism, timeout). A client kept for an unchanged identity keeps
    // its memory of a rejected password or a lock; another identity deserves a new client.
    QByteArray identity() const;
};

// Talks ISAPI to one Hikvision access terminal. Asynchronous: each call returns at once and
// invokes its continuation exactly once, on this object's thread, unless the client is
// destroyed first. Calls are queued; at most maxConcurrentRequests are in flight, and only one
// until the terminal has accepted the credentials once.
//
// Login safety: the terminal locks the account after 5 failed logins for 30 minutes. The
// client sends credentials on its own Digest handshake (see DigestAuth.h) and
//  - takes only the terminal's own verdict on the password as a refusal: a 401 without
//    stale=TRUE to a nonce on its first sending, or a 401 body saying no attempt is left;
//  - treats a nonce as fresh only until it has been sent once: a try that failed at the
//    transport or with a 5xx may have spent it, and so may Qt's own resend;
//  - answers stale=TRUE, and a 401 to a spent nonce, with a new handshake, at most three in a
//    row per request; after that the request fails as transient (NonceKeptExpiring), which
//    neither refuses further calls nor costs a failed login;
//  - after a wrong-password answer refuses every call with that error, without touching the
//    network, until setCredentials();
//  - after a lockout refuses every call until the unlock time has passed on the Clock.
// Every call ends in its continuation, refused calls included; abandon() is the one exception.
class HikvisionClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Result = Expected<T, HikvisionError>;

    struct Probe
    {
        DeviceInfo deviceInfo;
        UserCapabilities capabilities;
        DeviceProfile profile;
    };

    // The clock may be shared and must outlive the client; without one it uses the system
    // clock. Requests go out on this thread, each on its own connection (HttpExchange).
    explicit HikvisionClient(HikvisionConfig config, const Clock *clock = nullptr,
                             QObject *parent = nullptr);
    ~HikvisionClient() override;

    const HikvisionConfig &config() const { return m_config; }
    QString host() const;

    // New credentials end a wrong-password refusal (not a lockout: the terminal keeps that).
    void setCredentials(const QString &username, const QString &password);
    void setPinnedCertificateSha256(const QByteArray &sha256);
    void setMaxConcurrentRequests(int maximum);
    void setReadRetryBackoffMs(int milliseconds);

    // Drops every call in flight or queued without calling its continuation: for a caller that
    // has given up waiting (the engine's watchdog). Refusals and the nonce are kept.
    void abandon();

    // Why calls are being refused right now, if they are.
    std::optional<HikvisionError> refusal() const;

    // What writes and paging go by. Until probe() or setDeviceContext(), the defaults of
    // UserCapabilities and the generic profile.
    void setDeviceContext(const UserCapabilities &capabilities, const DeviceProfile &profile);
    const UserCapabilities &capabilities() const { return m_capabilities; }
    const DeviceProfile &profile() const { return m_profile; }

    // deviceInfo, then the person capabilities, then the profile; keeps the result as the
    // device context. A terminal without the capabilities URL gets the defaults.
    void probe(std::function<void(Result<Probe>)> done);

    void fetchDeviceInfo(std::function<void(Result<DeviceInfo>)> done);
    void fetchUserCapabilities(std::function<void(Result<UserCapabilities>)> done);
    void countPersons(std::function<void(Result<PersonCount>)> done);

    // Every person, page by page (page size: the terminal's maxResults). pageRead, when given,
    // gets each page's persons new to this search once the request for the next page is on
    // the wire (the last page's just before done); done still gets them all.
    void searchAllPersons(std::function<void(Result<PersonSearchResult>)> done,
                          std::function<void(const QList<Person> &)> pageRead = {});
    // Only these persons, in batches of the terminal's EmployeeNoList maximum. An empty list
    // gives an empty result without a request (an empty filter would mean "everybody").
    void searchPersons(const QStringList &employeeNos,
                       std::function<void(Result<PersonSearchResult>)> done);

    // POST UserInfo/Record: a new person.
    void recordPerson(const Person &person, std::function<void(Result<WriteResult>)> done);
    // PUT UserInfo/SetUp: create or overwrite the managed fields.
    void setUpPerson(const Person &person, std::function<void(Result<WriteResult>)> done);
    // PUT UserInfo/Modify with employeeNo and Valid only; the name is used in messages.
    void modifyPersonValidity(const Person &person, std::function<void(Result<WriteResult>)> done);
    // PUT UserInfo/Delete in batches of the terminal's maximum, one after the other; stops at
    // the first failing batch. An empty list is refused.
    void deletePersons(const QStringList &employeeNos,
                       std::function<void(Result<DeleteResult>)> done);

    void recordCard(const Card &card, std::function<void(Result<WriteResult>)> done);
    void searchAllCards(std::function<void(Result<CardSearchResult>)> done);
    void searchCardsOfPersons(const QStringList &employeeNos,
                              std::function<void(Result<CardSearchResult>)> done);
    void deleteCardsOfPersons(const QStringList &employeeNos,
                              std::function<void(Result<DeleteResult>)> done);
    void deleteCards(const QStringList &cardNos, std::function<void(Result<DeleteResult>)> done);
    // Who holds these card numbers (CardInfoSearchCond with CardNoList).
    void searchCardsByNumbers(const QStringList &cardNos,
                              std::function<void(Result<CardSearchResult>)> done);
    // GET /ISAPI/AccessControl/capabilities: what the terminal says it can enrol.
    void
    fetchAccessControlCapabilities(std::function<void(Result<AccessControlCapabilities>)> done);
    // GET /ISAPI/AccessControl/CaptureCardInfo: the terminal waits for a card at its reader and
    // answers with the number its own reader produced. The request is given waitSeconds plus a
    // margin (the guide sets no limit; integrators bound it at 30 s). Never repeated.
    void captureCard(int waitSeconds, quint64 cancelTag,
                     std::function<void(Result<CapturedCard>)> done);
    // Ends the calls made with this tag: queued ones are not sent, one in flight is dropped
    // (its connection closed). Each still ends in its continuation, with a RefusedRequest whose
    // detail says it was cancelled. Only for reads: a write in flight may have been applied.
    void cancelCalls(quint64 tag);
    static quint64 newCancelTag();

    // The event log, page by page at the terminal's cap of 30, from beginSerialNo on (the whole
    // log without one). pageRead, when given, gets each page's events new to this search once
    // the request for the next page is on the wire; done still gets them all. Requests count
    // as reads: retried on deviceBusy, never more than one at a time.
    void searchEvents(std::optional<qint64> beginSerialNo,
                      std::function<void(Result<EventSearchResult>)> done,
                      std::function<void(const QList<AccessEvent> &)> pageRead = {});
    void countEvents(std::function<void(Result<qint64>)> done);
    // The terminal's clock (GET /ISAPI/System/time).
    void fetchDeviceTime(std::function<void(Result<QDateTime>)> done);
    // A JPEG the terminal names by URL (an event's pictureURL, a person's faceURL), fetched with
    // Digest from the configured address: the URL's host is the terminal's own idea of its IP
    // (isapi-events-credentials.md §1.10). Kept in memory only; the caller must not store it.
    void fetchPicture(const QString &pictureUrl, std::function<void(Result<QByteArray>)> done);

    // One HTTP exchange as the operations see it, after authentication and the verdict in
    // the body have been dealt with.
    struct Call
    {
        QByteArray verb;
        QString path;
        bool json = true; // adds ?format=json and sends a JSON body
        QByteArray body;
        bool isRead = false;
        int timeoutMs = 0; // 0: config.timeoutMs
        QString employeeNo;
        QString personName;
        // Called once, when the request first reaches the network.
        std::function<void()> onSent;
        quint64 cancelTag = 0; // 0: cannot be cancelled

        QString description() const;
    };
    struct Reply
    {
        int httpStatus = 0;
        QByteArray body;
    };

signals:
    // Every request that went on the wire, handshakes and retries included: "POST /ISAPI/…",
    // and whether an HTTP answer came back.
    void exchangeFinished(const QString &endpoint, bool answered);

private:
    struct Exchange;
    struct PagedSearch;
    struct EventSearch;
    struct BatchRun;

    void submit(Call call, std::function<void(Result<Reply>)> done);
    void pump();
    int concurrencyLimit() const;
    void start(const std::shared_ptr<Exchange> &exchange);
    void send(const std::shared_ptr<Exchange> &exchange, bool withAuthorization);
    void onFinished(const std::shared_ptr<Exchange> &exchange, HttpExchange *http);
    void onUnauthorized(const std::shared_ptr<Exchange> &exchange, const HttpExchange *http,
                        const QByteArray &body);
    void complete(const std::shared_ptr<Exchange> &exchange, Result<Reply> result);
    void failOrRetry(const std::shared_ptr<Exchange> &exchange, const HikvisionError &error);
    void deliverLater(std::function<void()> work);
    HikvisionError errorFor(const Call &call) const;
    HikvisionError transportError(const Exchange &exchange, const HttpExchange *http) const;
    void enterLockout(qint64 seconds, HikvisionError error);

    void runPagedSearch(const std::shared_ptr<PagedSearch> &search);
    void runEventSearch(const std::shared_ptr<EventSearch> &search);
    void runBatches(const std::shared_ptr<BatchRun> &run);
    // ids are employeeNos, or card numbers when cardNumbers; persons: the person-delete path.
    void startDeleteBatches(const QStringList &ids, bool cardNumbers, const char *path,
                            bool persons, std::function<void(Result<DeleteResult>)> done);
    void sendWrite(Call call, QStringList warnings, std::function<void(Result<WriteResult>)> done);

    HikvisionConfig m_config;
    const Clock *m_clock = nullptr;
    DigestSession m_digest;
    UserCapabilities m_capabilities;
    DeviceProfile m_profile;

    QList<std::shared_ptr<Exchange>> m_queue;
    QList<std::weak_ptr<Exchange>> m_cancellable;
    QSet<HttpExchange *> m_inFlight;
    int m_running = 0;
    // Moves on at abandon(), so that retries waiting on a timer are dropped too.
    quint64 m_generation = 0;
    // The terminal has answered something other than 401 with the current credentials.
    bool m_credentialsAccepted = false;
    std::optional<HikvisionError> m_wrongCredentials;
    std::optional<HikvisionError> m_lockout;
    QDateTime m_lockedUntil;
};

} // namespace cis
