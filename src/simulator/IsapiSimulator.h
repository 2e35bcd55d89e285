// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "Clock.h"
#include "DeviceEventLog.h"
#include "DeviceProfiles.h"
#include "DigestAuthenticator.h"
#include "FaultInjector.h"
#include "HttpServer.h"
#include "IsapiDeviceModel.h"
#include "IsapiHandlers.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>
#include <optional>

namespace cis::sim {

struct IsapiRoute;

// A loopback Hikvision door terminal speaking ISAPI (person-based access control), built from
// hikvision-isapi.md alone, never from our client, so that the two cannot share a misreading.
// Where the document marks behaviour unknown, Options make the plausible answers available;
// the defaults are the document's best guesses. One request is served at a time, as on the
// device (S8), unless busyWhenConcurrent asks for deviceBusy answers instead.
//
// Choices the document leaves open, made here and to be checked against real hardware [U]:
// - Authentication comes before routing: an unknown path without credentials gets 401. It
//   also comes before any injected fault, so a request that fails (HTTP 500, deviceBusy, a
//   dropped connection, a lost answer) has spent a use of its nonce all the same.
// - The 401 for a request without credentials, or with a spent nonce, carries the NVR's short
//   <userCheck> (statusValue 401, statusString Unauthorized) in the ISAPI namespace; wrong
//   credentials and a lock carry the S9 <userCheck> with lockStatus, unlockTime and
//   retryLoginTime. The fifth failure already answers locked.
// - A nonce spent by count or age gets a fresh challenge with stale="TRUE". After
//   expireAllNonces() (S4's "after hours"), a request with an old nonce gets the JSON
//   invalidOperation body of S4 and a fresh challenge with stale="FALSE", since the captured
//   report names no header.
// - A Digest header that lacks a field or was computed for another URI gets 400 with an XML
//   ResponseStatus badAuthorization; it counts no failure.
// - A JSON resource asked for without ?format=json answers an XML ResponseStatus
//   badXmlFormat: the terminal then takes the body for XML.
// - An unknown path gets 404 with an XML ResponseStatus notSupport; any method but POST on a
//   Search gets 404 (S2 saw it for GET); another wrong method gets methodNotAllowed.
// - HTTP status of an error (HttpStatusMode::Http400): 400 for statusCode 4, 5 and 6, 503 for
//   2 (deviceBusy), 500 for 3. HttpStatusMode::Http200 sends every ResponseStatus with 200.
// - UserInfoDetail/Delete takes effect at once; DeleteProcess says "processing" for the next
//   detailDeleteProcessingPolls polls, then "success" (or "failed" when told), and "success"
//   when nothing was asked. It removes the persons with their cards and faces.
// - CaptureCardInfo (isapi-events-credentials.md §2.3) holds its answer until a card is
//   presented (presentCardAtReader) or captureCardTimeoutMs passes; meanwhile the terminal
//   serves other requests. A second capture while one waits answers deviceBusy. A capture
//   whose client hangs up is forgotten.
// - CaptureFaceData (§3.7) never blocks: it answers captureProgress 0 until a face is
//   presented (presentFaceAtCamera), then 100 once, with the picture at
//   /LOCALS/pic/web_face_enrollpic.jpg@WEB<12 digits> (from 000000000020, as S36 saw).
// - Pictures under /LOCALS/pic/ (event pictures, enrolled faces, the last captured face) are
//   served to GET with Digest, like everything else.
class IsapiSimulator : public QObject
{
    Q_OBJECT

public:
    enum class HttpStatusMode
    {
        Http400, // content errors with HTTP 400, as S2 and S11 saw (default, §5.2)
        Http200, // every ResponseStatus with HTTP 200, as S4 describes
    };

    // [U] What CaptureCardInfo answers when no card came in time; the document has no
    // capture of it.
    enum class CaptureTimeoutAnswer
    {
        // Invented (isapi-events-credentials.md §5.2's default): HTTP 200 with statusCode 4,
        // subStatusCode "timeout", errorCode 0x4000F001 (invented), whatever httpStatusMode.
        StatusTimeout,
        // statusCode 3 deviceError (0x30000001, S1 A.3), HTTP per httpStatusMode.
        DeviceError,
        // No answer at all: the connection stays open and silent until the client gives up.
        NeverAnswer,
    };

    struct Options
    {
        HttpStatusMode httpStatusMode = HttpStatusMode::Http400;
        NameLengthUnit nameLengthUnit = NameLengthUnit::Utf8Bytes;
        MissingPersonError missingPersonError = MissingPersonError::EmployeeNoNotExist;
        bool deleteOfMissingPersonFails = false;
        // Real terminals answer with Connection: close (S5) and drop idle sockets (S4).
        bool keepAlive = false;
        int detailDeleteProcessingPolls = 1;
        bool detailDeleteFails = false;
        // The terminal's own time zone, for validity times written with timeType "UTC", and
        // the offset its event times carry.
        QTimeZone deviceTimeZone = QTimeZone::systemTimeZone();
        // How far the terminal's clock is off the Clock's (a terminal without NTP drifts).
        qint64 clockSkewSeconds = 0;
        // The event search's quirks (IsapiRules).
        int eventPageCap = 30;
        bool eventsNeedEndSerialNo = true;
        bool eventsRejectTimeRange = false;
        bool eventsZeroFilled = false;
        bool eventsBeginExclusive = false;
        // [U] The minors a terminal logs when it recognises a person it refuses: outside the
        // validity (8, "expired") or without a door right (6); both unknowns of the document.
        int expiredMinor = 8;
        int noRightMinor = 6;

        // --- cards (isapi-events-credentials.md §2, §5.2) ---
        // S5's strict cardNo (20 characters, letters, digits, hyphen), besides profiles that
        // have it (DeviceProfile::strictCardNo).
        bool strictCardNo = false;
        // [U] How long CaptureCardInfo waits for a card. S1 gives none; integrators bound the
        // request at 30 s (S43).
        int captureCardTimeoutMs = 30000;
        CaptureTimeoutAnswer captureCardTimeoutAnswer = CaptureTimeoutAnswer::StatusTimeout;
        // Demo mode: when >= 0, a waiting capture is answered after this many ms with the next
        // card of a demo sequence, as if someone held a card to the reader. -1: off.
        int demoCardDelayMs = -1;
        // [U] The byte order the reader turns a card's UID into its decimal cardNo with
        // (cardNoFromUid); used for the demo cards.
        bool cardUidReversed = false;

        // --- faces (§3, §5.3) ---
        // [U] Whether UserInfo/Delete (and SetUp deleteUser) also delete the face: S1 says no,
        // S32 says yes. UserInfoDetail/Delete always does.
        bool userDeleteRemovesFace = false;
        // [F-weak] 200 KB (S29, S33, S47); over it S33's device answered badJsonFormat with
        // errorMsg "faceURL". Off: SubpicAnalysisModelingError instead.
        int facePictureMaxBytes = 200 * 1024;
        bool oversizeIsBadJsonFormat = true;
        // [U] Whether a progressive JPEG is refused; the sources only speak of baseline.
        bool rejectProgressiveJpeg = true;
        // [F-weak] S34: 4:4:4 is refused, 4:2:0 accepted.
        bool requireChroma420 = true;
        // [F-weak] S29/S47: at least 80 px; S33: under ~400 px on the longest side fails. Set
        // faceMinLongSide to 0 for the S29 device's rule alone.
        int faceMinShortSide = 80;
        int faceMinLongSide = 400;
        // The simulator's "no usable face": the picture's luminance standard deviation (0..255,
        // on a 64x64 thumbnail) below this. A uniform or nearly uniform picture has no face.
        double faceMinLuminanceSpread = 12.0;
        // [U] Whether a successful FaceDataRecord/FDSetUp names the FPID in its answer (S1
        // §6.1.8 has the field; no real success body was found).
        bool faceWriteReturnsFpid = true;
        // [U] The root of CaptureFaceData's answer: S1's "CaptureFaceData" or S36's
        // "CaptureFaceDataResponse".
        QString captureFaceRoot = QStringLiteral("CaptureFaceData");
        // Demo mode: when >= 0, a face capture that started sees the demo face after this many
        // ms, as if someone stood in front of the camera. -1: off.
        int demoFaceDelayMs = -1;
    };

    // How someone presented themselves at the door.
    enum class Presented
    {
        Face,
        Card,
    };

    // A null clock means the system clock. The clock must outlive the simulator. The account
    // admin / demo12345 exists from the start.
    explicit IsapiSimulator(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~IsapiSimulator() override;

    static QString defaultUser() { return QStringLiteral("admin"); }
    static QString defaultPassword() { return QStringLiteral("demo12345"); }

    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.port(); }
    QUrl baseUrl() const { return m_server.baseUrl(); }
    HttpServer &server() { return m_server; }
    FaultInjector &faults() { return m_faults; }
    DigestAuthenticator &auth() { return m_auth; }
    Options &options() { return m_options; }
    const Options &options() const { return m_options; }

    // Also sets the Digest realm to the profile's.
    void setProfile(const DeviceProfile &profile);
    bool setProfile(const QString &name);
    const DeviceProfile &profile() const { return m_profile; }
    DeviceProfile &profile() { return m_profile; }

    // Replaces the account list with this one account.
    void setCredentials(const QString &user, const QString &password);
    // Delay added to every answer; the device still serves one request at a time.
    void setLatencyMs(int ms) { m_faults.setLatencyMs(ms); }
    // Answer a request that arrives while another is in flight with deviceBusy instead of
    // queueing it (S8 [F-weak]).
    void setBusyWhenConcurrent(bool busy);
    bool busyWhenConcurrent() const { return m_busyWhenConcurrent; }
    // S4's "after hours": every nonce handed out so far is forgotten.
    void expireAllNonces() { m_auth.expireAllNonces(); }

    // The store, for tests and the demo ("someone changed this person in iVMS-4200").
    IsapiDeviceModel &model() { return m_model; }
    const QList<DevicePerson> &persons() const { return m_model.persons(); }
    std::optional<DevicePerson> person(const QString &employeeNo) const;
    void upsertPerson(const DevicePerson &person);
    bool removePerson(const QString &employeeNo);
    // Validity as iVMS-4200 would set it; times are device-local.
    bool setPersonValidity(const QString &employeeNo, bool enable, const QDateTime &begin,
                           const QDateTime &end);
    bool renamePerson(const QString &employeeNo, const QString &name);
    // False when the person is missing or the card number is taken.
    bool addCard(const QString &employeeNo, const QString &cardNo,
                 const QString &cardType = QStringLiteral("normalCard"));
    bool removeCard(const QString &cardNo);
    QList<DeviceCard> cards() const { return m_model.cards(); }
    // Replaces persons and cards with DeviceDemoData's seeded population.
    void loadDemoPersons(int count, quint32 seed = 1);
    void clearPersons() { m_model.clear(); }

    // --- credentials at the terminal itself ---
    // Someone holds a card to the reader. While a CaptureCardInfo request waits, it is answered
    // {"CardInfo":{"cardNo":...,"cardType":...}} and true is returned; otherwise nothing
    // happens (the reader only reports cards during a capture) and false is returned. cardType
    // is the physical technology: TypeA_M1, TypeA_CPU, TypeB or ID_125K (S1 §6.1.71).
    bool presentCardAtReader(const QString &cardNo,
                             const QString &cardType = QStringLiteral("TypeA_M1"));
    // A CaptureCardInfo request is waiting for a card.
    bool cardCaptureWaiting() const;
    // Someone stands in front of the camera: the next CaptureFaceData (or its Progress) reports
    // 100 with this picture. An empty jpeg means the built-in demo face (demoFaceJpeg()).
    void presentFaceAtCamera(const QByteArray &jpeg = {});
    // A CaptureFaceData has started and no face has been presented since.
    bool faceCaptureWaiting() const { return m_faceCaptureWaiting; }

    // The face library, for tests and the demo. faceOf gives the picture the terminal serves
    // for the person's face (the demo face for one enrolled "at the terminal" without a
    // picture), nullopt without a face.
    std::optional<QByteArray> faceOf(const QString &employeeNo) const;
    bool hasFace(const QString &employeeNo) const { return m_model.hasFace(employeeNo); }
    int faceCount() const { return m_model.faceCount(); }
    // Enrols (or replaces) a face without any check, as iVMS-4200 would; false when the person
    // is missing. An empty jpeg means the demo face.
    bool setFace(const QString &employeeNo, const QByteArray &jpeg = {});
    bool removeFace(const QString &employeeNo);

    // The access-control event log, and the door's own decisions written to it: what the
    // terminal would log when this person shows a face or a card now (granted, or refused as
    // expired, not yet valid, without a door right or without that credential).
    DeviceEventLog &events() { return m_events; }
    const DeviceEventLog &events() const { return m_events; }
    // Logs the event as it is, with the terminal's current time when it has none; its serial.
    qint64 logEvent(DeviceEvent event);
    qint64 personAtDoor(const QString &employeeNo, Presented presented);
    qint64 unknownCardAtDoor(const QString &cardNo);
    qint64 strangerAtDoor();
    // The terminal's clock: the Clock's time plus the skew, in the terminal's zone.
    QDateTime deviceNow() const;

    // The latest 1000 requests, oldest first, with headers and bodies.
    QList<HttpRequest> receivedRequests() const { return m_received; }
    void clearReceivedRequests() { m_received.clear(); }
    // Authenticated requests to each write resource ("PUT /ISAPI/AccessControl/UserInfo/Modify"),
    // whatever they answered, and those that succeeded.
    QMap<QString, int> writeCounts() const { return m_writes; }
    int writeCount(const QString &methodAndPath) const { return m_writes.value(methodAndPath); }
    int successfulWriteCount(const QString &methodAndPath) const
    {
        return m_successfulWrites.value(methodAndPath);
    }
    int totalWriteCount() const;
    void resetCounters();

    // Every write the terminal carried out, in order, with the employee numbers it named: what
    // an audit must account for, whatever happened to the answer afterwards.
    struct AppliedWrite
    {
        QString endpoint; // "PUT /ISAPI/AccessControl/UserInfo/Modify"
        QStringList employeeNos;
        // Counts every write carried out by any simulator in this process: orders the writes
        // of several doors against each other without comparing clocks.
        quint64 sequence = 0;
    };
    QList<AppliedWrite> appliedWrites() const { return m_applied; }

    // Authentication counters (see DigestAuthenticator).
    int failedAuthAttempts() const { return m_auth.failedAttempts(); }
    int challengesIssued() const { return m_auth.challengesIssued(); }
    int staleChallenges() const { return m_auth.staleChallenges(); }
    DigestAuthenticator::LockState lockState(const QString &user) const
    {
        return m_auth.lockState(user);
    }
    // Answers refused with deviceBusy because another request was in flight.
    int busyRefusals() const { return m_busyRefusals; }

signals:
    void requestReceived(const QString &method, const QString &path);
    // The store changed, through the API or a hook.
    void stateChanged();
    // A CaptureCardInfo request started waiting for a card (queued: emitted once the request
    // is really waiting, so a slot may call presentCardAtReader at once).
    void cardCaptureStarted();
    // A CaptureFaceData started waiting for a face.
    void faceCaptureStarted();

private:
    struct CardCapture
    {
        bool active = false;
        quint64 connectionId = 0;
        QByteArray authenticationInfo;
    };

    void startCardCapture(quint64 connectionId, const QByteArray &authenticationInfo);
    void finishCardCapture(HttpResponse response);
    void cardCaptureTimedOut();
    void presentDemoCard();
    HttpResponse captureFaceData(const HttpRequest &request, bool progressOnly);
    QByteArray captureFaceXml(int progress) const;
    HttpResponse localPicture(const HttpRequest &request) const;
    std::optional<QByteArray> fetchLocalPicture(const QString &url) const;
    bool routeAvailable(const IsapiRoute &route) const;
    void handle(const HttpRequest &request, HttpResponder &responder);
    HttpResponse eventPicture(const HttpRequest &request) const;
    HttpResponse answer(const HttpRequest &request, const IsapiRoute *route,
                        const DigestAuthenticator::Result &auth);
    HttpResponse authRefusal(const DigestAuthenticator::Result &result) const;
    HttpResponse statusResponse(const IsapiStatus &status, bool xml,
                                const HttpRequest &request) const;
    HttpResponse jsonResponse(int httpStatus, const QByteArray &body) const;
    HttpResponse xmlResponse(int httpStatus, const QByteArray &body) const;
    int httpStatusFor(const IsapiStatus &status) const;
    HttpResponse notFound(const HttpRequest &request) const;
    HttpResponse callEndpoint(const IsapiRoute &route, const HttpRequest &request,
                              const QJsonObject &body);
    QByteArray deviceInfoXml() const;
    QByteArray systemTimeXml() const;
    QByteArray userCheckXml(int statusValue, const QString &statusString,
                            std::optional<DigestAuthenticator::Result> failure) const;
    IsapiRules rules() const;

    const Clock *m_clock;
    HttpServer m_server;
    FaultInjector m_faults;
    QList<AppliedWrite> m_applied;
    DigestAuthenticator m_auth;
    Options m_options;
    DeviceProfile m_profile;
    IsapiDeviceModel m_model;
    DeviceEventLog m_events;
    QList<HttpRequest> m_received;
    QMap<QString, int> m_writes;
    QMap<QString, int> m_successfulWrites;
    bool m_busyWhenConcurrent = false;
    int m_inFlight = 0;
    int m_busyRefusals = 0;
    int m_detailDeletePollsLeft = 0;
    bool m_detailDeletePending = false;
    // Set by callEndpoint when the request's answer is to wait (CaptureCardInfo).
    bool m_deferRequest = false;
    CardCapture m_cardCapture;
    QTimer m_cardCaptureTimer;
    QTimer m_demoCardTimer;
    int m_demoCardsIssued = 0;
    bool m_faceCaptureWaiting = false;
    std::optional<QByteArray> m_presentedFace;
    QTimer m_demoFaceTimer;
    // The last captured face, served at /LOCALS/pic/web_face_enrollpic.jpg, and its number.
    std::optional<QByteArray> m_enrollPicture;
    qint64 m_enrollPictureNo = 19;
};

} // namespace cis::sim
