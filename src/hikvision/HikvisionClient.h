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
    // How often a face capture asks the terminal again (S36 polls CaptureFaceData every 2-5 s).
    int faceCapturePollMs = 2000;

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

    // Faces (isapi-events-credentials.md §3). Every face write names the blackFD library,
    // FDID 1, FPID = employeeNo, and is never repeated automatically, except that a picture
    // upload the terminal refused for its part name (MessageParametersLack or badParameters
    // naming FaceImage or img, [U] which name a terminal wants) is sent once more with the
    // other name; the name that worked is kept for this client. Errors about the picture carry
    // plain words (faceErrorAdvice) in message().

    // GET /ISAPI/Intelligent/FDLib/capabilities. A terminal without a face library over ISAPI
    // (404 or notSupport, as the DS-K1A340FWX on every FDLib path) gives available false;
    // transport and login errors stay errors.
    void fetchFaceLibraryCapabilities(std::function<void(Result<FaceLibraryCapabilities>)> done);
    // PUT FDSetUp with the picture: creates the member's face or replaces it; a picture the
    // terminal cannot model is refused and the old face kept (S32). The JPEG is trimmed to its
    // SOI..EOI; data holding no JPEG is refused (RefusedRequest) without a request. The person
    // must exist on the terminal (else DoesNotExist).
    void setUpFace(const QString &employeeNo, const QByteArray &jpeg,
                   std::function<void(Result<WriteResult>)> done);
    // PUT FDSetUp whose JSON carries faceURL and no picture: for the device-local URL a
    // captureFace() returned (S36); the terminal fetches it itself (urlDownloadFail otherwise).
    void setUpFaceFromUrl(const QString &employeeNo, const QString &faceUrl,
                          std::function<void(Result<WriteResult>)> done);
    // POST FaceDataRecord: adds a face, for terminals whose supportFDFunction lacks setUp. A
    // member who has one already gives AlreadyExists (deviceUserAlreadyExistFace).
    void recordFace(const QString &employeeNo, const QByteArray &jpeg,
                    std::function<void(Result<WriteResult>)> done);
    // POST FDSearch for one FPID: the member's face, or nullopt when the library has none.
    // A read: retried on deviceBusy.
    void searchFace(const QString &employeeNo,
                    std::function<void(Result<std::optional<FaceRecord>>)> done);
    // PUT FDSearch/Delete?FDID=1&faceLibType=blackFD in batches of kFaceDeleteBatchSize, one
    // after the other; stops at the first failing batch. An empty list is refused without a
    // request (an empty FPID list could mean every face).
    void deleteFaces(const QStringList &employeeNos,
                     std::function<void(Result<DeleteResult>)> done);
    // POST CaptureFaceData (XML, dataType url) every faceCapturePollMs, reporting each new
    // captureProgress to progress (may be empty), until the terminal reports 100 with a
    // faceDataUrl (or a FaceData picture in a multipart answer). The picture behind the URL is
    // then fetched into CapturedFace::jpeg (left empty if that fails: the URL still serves
    // setUpFaceFromUrl). After waitSeconds without a face: a Timeout error that says no face
    // was captured. cancelCalls(cancelTag) ends it with the same "cancelled" RefusedRequest as
    // captureCard. deviceBusy answers are polled through; other errors end the capture.
    void captureFace(int waitSeconds, quint64 cancelTag, std::function<void(int progress)> progress,
                     std::function<void(Result<CapturedFace>)> done);
    // The picture part name face uploads use now: FaceImage until the terminal asked for img.
    QString faceImagePartName() const { return m_faceImagePartName; }

    // One HTTP exchange as the operations see it, after authentication and the verdict in
    // the body have been dealt with.
    struct Call
    {
        QByteArray verb;
        QString path;
        bool json = true; // adds ?format=json and sends a JSON body
        // Query items after format=json, e.g. FDSearch/Delete's FDID and faceLibType.
        QList<std::pair<QString, QString>> query;
        QByteArray body;
        // Overrides the Content-Type that json implies (multipart face uploads).
        QByteArray contentType;
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
        QByteArray contentType; // the answer's Content-Type header
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
    struct FaceCapture;

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
    // The cards of listed persons or listed numbers, in batches the terminal accepts.
    enum class CardsListedBy
    {
        EmployeeNo,
        CardNo,
    };
    void searchCardsListed(const QStringList &ids, CardsListedBy listedBy,
                           std::function<void(Result<CardSearchResult>)> done);
    void runEventSearch(const std::shared_ptr<EventSearch> &search);
    void runBatches(const std::shared_ptr<BatchRun> &run);
    // ids are employeeNos, or card numbers when cardNumbers; persons: the person-delete path.
    void startDeleteBatches(const QStringList &ids, bool cardNumbers, const char *path,
                            bool persons, std::function<void(Result<DeleteResult>)> done);
    void sendWrite(Call call, QStringList warnings, std::function<void(Result<WriteResult>)> done);
    // FDSetUp (setUp) or FaceDataRecord with the picture; retried names the second try, with
    // the other part name.
    void sendFacePicture(bool setUp, const QString &employeeNo, const QByteArray &jpeg,
                         const QString &partName, bool retried,
                         std::function<void(Result<WriteResult>)> done);
    void pollFaceCapture(const std::shared_ptr<FaceCapture> &capture);
    void finishFaceCapture(const std::shared_ptr<FaceCapture> &capture,
                           Result<CapturedFace> result);
    void fetchPictureTagged(const QString &pictureUrl, quint64 cancelTag,
                            std::function<void(Result<QByteArray>)> done);

    HikvisionConfig m_config;
    const Clock *m_clock = nullptr;
    DigestSession m_digest;
    UserCapabilities m_capabilities;
    DeviceProfile m_profile;

    QList<std::shared_ptr<Exchange>> m_queue;
    QList<std::weak_ptr<Exchange>> m_cancellable;
    QList<std::weak_ptr<FaceCapture>> m_faceCaptures;
    QString m_faceImagePartName;
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
