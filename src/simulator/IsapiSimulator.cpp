// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "IsapiSimulator.h"

#include "DeviceDemoData.h"
#include "IsapiFaces.h"
#include "IsapiMedia.h"
#include "SimulatorLogging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>
#include <QXmlStreamReader>
#include <algorithm>
#include <array>
#include <atomic>

namespace cis::sim {

namespace {

constexpr qsizetype kMaxRecordedRequests = 1000;

// Every "employeeNo" value anywhere in a request body (UserInfo, CardInfo, EmployeeNoList).
void collectEmployeeNos(const QJsonValue &value, QStringList &into)
{
    if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            collectEmployeeNos(item, into);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("employeeNo") && it.value().isString())
                into.append(it.value().toString());
            else
                collectEmployeeNos(it.value(), into);
        }
    }
}

QStringList employeeNosIn(const QJsonObject &body)
{
    QStringList result;
    collectEmployeeNos(body, result);
    return result;
}

enum class Endpoint
{
    DeviceInfo,
    UserCheck,
    IllegalLoginLock,
    AccessControlCapabilities,
    UserInfoCapabilities,
    UserInfoCount,
    UserInfoSearch,
    UserInfoRecord,
    UserInfoModify,
    UserInfoSetUp,
    UserInfoDelete,
    DetailDeleteCapabilities,
    DetailDelete,
    DetailDeleteProcess,
    CardInfoCapabilities,
    CardInfoCount,
    CardInfoSearch,
    CardInfoRecord,
    CardInfoModify,
    CardInfoSetUp,
    CardInfoDelete,
    AcsEvent,
    AcsEventTotalNum,
    SystemTime,
    CaptureCardInfoCapabilities,
    CaptureCardInfo,
    CaptureFaceDataCapabilities,
    CaptureFaceData,
    CaptureFaceDataProgress,
    FDLibCapabilities,
    FDLibList,
    FaceDataRecord,
    FDSetUp,
    FDSearch,
    FDLibCount,
    FDSearchDelete,
};

// Bodies that are not one JSON document: the face writes take multipart/form-data (or plain
// JSON), CaptureFaceData XML.
bool takesRawBody(Endpoint endpoint)
{
    return endpoint == Endpoint::FaceDataRecord || endpoint == Endpoint::FDSetUp ||
           endpoint == Endpoint::CaptureFaceData;
}

} // namespace

struct IsapiRoute
{
    const char *path;
    const char *method;
    Endpoint endpoint;
    bool json;   // needs ?format=json and answers JSON
    bool write;  // changes the store; counted
    bool search; // POST only; other methods get 404 (S2)
};

namespace {

constexpr std::array<IsapiRoute, 36> kRoutes{{
    {"/ISAPI/System/deviceInfo", "GET", Endpoint::DeviceInfo, false, false, false},
    {"/ISAPI/Security/userCheck", "GET", Endpoint::UserCheck, false, false, false},
    {"/ISAPI/Security/illegalLoginLock", "GET", Endpoint::IllegalLoginLock, false, false, false},
    {"/ISAPI/AccessControl/capabilities", "GET", Endpoint::AccessControlCapabilities, false, false,
     false},
    {"/ISAPI/AccessControl/UserInfo/capabilities", "GET", Endpoint::UserInfoCapabilities, true,
     false, false},
    {"/ISAPI/AccessControl/UserInfo/Count", "GET", Endpoint::UserInfoCount, true, false, false},
    {"/ISAPI/AccessControl/UserInfo/Search", "POST", Endpoint::UserInfoSearch, true, false, true},
    {"/ISAPI/AccessControl/UserInfo/Record", "POST", Endpoint::UserInfoRecord, true, true, false},
    {"/ISAPI/AccessControl/UserInfo/Modify", "PUT", Endpoint::UserInfoModify, true, true, false},
    {"/ISAPI/AccessControl/UserInfo/SetUp", "PUT", Endpoint::UserInfoSetUp, true, true, false},
    {"/ISAPI/AccessControl/UserInfo/Delete", "PUT", Endpoint::UserInfoDelete, true, true, false},
    {"/ISAPI/AccessControl/UserInfoDetail/Delete/capabilities", "GET",
     Endpoint::DetailDeleteCapabilities, true, false, false},
    {"/ISAPI/AccessControl/UserInfoDetail/Delete", "PUT", Endpoint::DetailDelete, true, true,
     false},
    {"/ISAPI/AccessControl/UserInfoDetail/DeleteProcess", "GET", Endpoint::DetailDeleteProcess,
     true, false, false},
    {"/ISAPI/AccessControl/CardInfo/capabilities", "GET", Endpoint::CardInfoCapabilities, true,
     false, false},
    {"/ISAPI/AccessControl/CardInfo/Count", "GET", Endpoint::CardInfoCount, true, false, false},
    {"/ISAPI/AccessControl/CardInfo/Search", "POST", Endpoint::CardInfoSearch, true, false, true},
    {"/ISAPI/AccessControl/CardInfo/Record", "POST", Endpoint::CardInfoRecord, true, true, false},
    {"/ISAPI/AccessControl/CardInfo/Modify", "PUT", Endpoint::CardInfoModify, true, true, false},
    {"/ISAPI/AccessControl/CardInfo/SetUp", "PUT", Endpoint::CardInfoSetUp, true, true, false},
    {"/ISAPI/AccessControl/CardInfo/Delete", "PUT", Endpoint::CardInfoDelete, true, true, false},
    // GET of a search answers methodNotAllowed on the DS-K1T341AM (S26), not 404.
    {"/ISAPI/AccessControl/AcsEvent", "POST", Endpoint::AcsEvent, true, false, false},
    {"/ISAPI/AccessControl/AcsEventTotalNum", "POST", Endpoint::AcsEventTotalNum, true, false,
     false},
    {"/ISAPI/System/time", "GET", Endpoint::SystemTime, false, false, false},
    {"/ISAPI/AccessControl/CaptureCardInfo/capabilities", "GET",
     Endpoint::CaptureCardInfoCapabilities, true, false, false},
    {"/ISAPI/AccessControl/CaptureCardInfo", "GET", Endpoint::CaptureCardInfo, true, false, false},
    {"/ISAPI/AccessControl/CaptureFaceData/capabilities", "GET",
     Endpoint::CaptureFaceDataCapabilities, false, false, false},
    {"/ISAPI/AccessControl/CaptureFaceData", "POST", Endpoint::CaptureFaceData, false, false,
     false},
    {"/ISAPI/AccessControl/CaptureFaceData/Progress", "GET", Endpoint::CaptureFaceDataProgress,
     false, false, false},
    {"/ISAPI/Intelligent/FDLib/capabilities", "GET", Endpoint::FDLibCapabilities, true, false,
     false},
    {"/ISAPI/Intelligent/FDLib", "GET", Endpoint::FDLibList, true, false, false},
    {"/ISAPI/Intelligent/FDLib/FaceDataRecord", "POST", Endpoint::FaceDataRecord, true, true,
     false},
    {"/ISAPI/Intelligent/FDLib/FDSetUp", "PUT", Endpoint::FDSetUp, true, true, false},
    {"/ISAPI/Intelligent/FDLib/FDSearch", "POST", Endpoint::FDSearch, true, false, true},
    {"/ISAPI/Intelligent/FDLib/Count", "GET", Endpoint::FDLibCount, true, false, false},
    {"/ISAPI/Intelligent/FDLib/FDSearch/Delete", "PUT", Endpoint::FDSearchDelete, true, true,
     false},
}};

// Paths are compared exactly: the terminal's web server is case-sensitive (§8.2).
const IsapiRoute *findRoute(const QString &path)
{
    for (const IsapiRoute &route : kRoutes) {
        if (path == QLatin1String(route.path))
            return &route;
    }
    return nullptr;
}

QString routeKey(const IsapiRoute &route)
{
    return QLatin1String(route.method) + u' ' + QLatin1String(route.path);
}

// S1 A.3 statusCode 4 badAuthorization, for a Digest header the simulator cannot use.
IsapiStatus badAuthorization()
{
    IsapiStatus status;
    status.statusCode = 4;
    status.statusString = QStringLiteral("Invalid Operation");
    status.subStatusCode = QStringLiteral("badAuthorization");
    status.errorCode = 0x40000003;
    status.errorMsg = QStringLiteral("badAuthorization");
    return status;
}

QByteArray xmlDeclaration()
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
}

QByteArray xmlRoot(const char *name)
{
    return "<" + QByteArray(name) + " version=\"2.0\" xmlns=\"" + kIsapiXmlNamespace.toUtf8() +
           "\">\n";
}

QByteArray element(const char *name, const QString &value)
{
    return "<" + QByteArray(name) + '>' + xmlEscaped(value).toUtf8() + "</" + name + ">\n";
}

} // namespace

IsapiSimulator::IsapiSimulator(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : &Clock::system())
    , m_auth(m_clock)
{
    m_server.setSerialized(true);
    m_faults.setEnabledKinds({FaultKind::Http500, FaultKind::Http503, FaultKind::Timeout,
                              FaultKind::DropConnection, FaultKind::TruncatedBody,
                              FaultKind::MalformedBody, FaultKind::Slow, FaultKind::DeviceBusy});
    m_auth.setUser(defaultUser(), defaultPassword());
    setProfile(DeviceProfiles::defaultProfile());
    m_server.setHandler([this](const HttpRequest &request, HttpResponder &responder) {
        handle(request, responder);
    });
    // The capture timers run like the latency does: single-shot, precise, on the event loop.
    for (QTimer *timer : {&m_cardCaptureTimer, &m_demoCardTimer, &m_demoFaceTimer}) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
    }
    connect(&m_cardCaptureTimer, &QTimer::timeout, this, &IsapiSimulator::cardCaptureTimedOut);
    connect(&m_demoCardTimer, &QTimer::timeout, this, &IsapiSimulator::presentDemoCard);
    connect(&m_demoFaceTimer, &QTimer::timeout, this, [this] { presentFaceAtCamera(); });
    // A capture whose client hung up waits no more.
    connect(&m_server, &HttpServer::connectionClosed, this, [this](quint64 connectionId) {
        if (m_cardCapture.active && m_cardCapture.connectionId == connectionId) {
            m_cardCapture = {};
            m_cardCaptureTimer.stop();
            m_demoCardTimer.stop();
        }
    });
}

IsapiSimulator::~IsapiSimulator()
{
    // The server outlives the members declared after it; it must not call back into them
    // while it closes its connections.
    m_server.disconnect(this);
    m_cardCaptureTimer.stop();
    m_demoCardTimer.stop();
    m_demoFaceTimer.stop();
    m_server.close();
}

bool IsapiSimulator::listen(quint16 port)
{
    if (!m_server.listen(port))
        return false;
    qCInfo(lcSimulator) << "door terminal simulator" << m_profile.name << "listening on"
                        << baseUrl().toString();
    return true;
}

void IsapiSimulator::setProfile(const DeviceProfile &profile)
{
    m_profile = profile;
    m_auth.settings().realm = profile.realm;
}

bool IsapiSimulator::setProfile(const QString &name)
{
    const std::optional<DeviceProfile> profile = DeviceProfiles::byName(name);
    if (!profile)
        return false;
    setProfile(*profile);
    return true;
}

void IsapiSimulator::setCredentials(const QString &user, const QString &password)
{
    for (const QString &existing : m_auth.users())
        m_auth.removeUser(existing);
    m_auth.setUser(user, password);
}

void IsapiSimulator::setBusyWhenConcurrent(bool busy)
{
    m_busyWhenConcurrent = busy;
    m_server.setSerialized(!busy);
}

std::optional<DevicePerson> IsapiSimulator::person(const QString &employeeNo) const
{
    return m_model.person(employeeNo);
}

void IsapiSimulator::upsertPerson(const DevicePerson &person)
{
    m_model.upsertPerson(person);
    emit stateChanged();
}

bool IsapiSimulator::removePerson(const QString &employeeNo)
{
    const bool removed = m_model.removePerson(employeeNo);
    if (removed)
        emit stateChanged();
    return removed;
}

bool IsapiSimulator::setPersonValidity(const QString &employeeNo, bool enable,
                                       const QDateTime &begin, const QDateTime &end)
{
    std::optional<DevicePerson> found = m_model.person(employeeNo);
    if (!found)
        return false;
    found->validEnabled = enable;
    found->beginTime = QDateTime(begin.date(), begin.time(), Qt::UTC);
    found->endTime = QDateTime(end.date(), end.time(), Qt::UTC);
    upsertPerson(*found);
    return true;
}

bool IsapiSimulator::renamePerson(const QString &employeeNo, const QString &name)
{
    std::optional<DevicePerson> found = m_model.person(employeeNo);
    if (!found)
        return false;
    found->name = name;
    upsertPerson(*found);
    return true;
}

bool IsapiSimulator::addCard(const QString &employeeNo, const QString &cardNo,
                             const QString &cardType)
{
    if (!m_model.contains(employeeNo) || m_model.card(cardNo))
        return false;
    DeviceCard card;
    card.employeeNo = employeeNo;
    card.cardNo = cardNo;
    card.cardType = cardType;
    m_model.upsertCard(card);
    emit stateChanged();
    return true;
}

bool IsapiSimulator::removeCard(const QString &cardNo)
{
    const bool removed = m_model.removeCard(cardNo);
    if (removed)
        emit stateChanged();
    return removed;
}

void IsapiSimulator::loadDemoPersons(int count, quint32 seed)
{
    const DevicePopulation population = DeviceDemoData::population(m_clock->today(), count, seed);
    m_model.clear();
    for (const DevicePerson &each : population.persons)
        m_model.upsertPerson(each);
    for (const DeviceCard &each : population.cards)
        m_model.upsertCard(each);
    emit stateChanged();
}

int IsapiSimulator::totalWriteCount() const
{
    int total = 0;
    for (int count : m_writes)
        total += count;
    return total;
}

void IsapiSimulator::resetCounters()
{
    m_writes.clear();
    m_successfulWrites.clear();
    m_applied.clear();
    m_busyRefusals = 0;
}

IsapiRules IsapiSimulator::rules() const
{
    IsapiRules rules;
    rules.profile = m_profile;
    rules.limits = m_profile.limits();
    rules.nameLengthUnit = m_options.nameLengthUnit;
    rules.missingPersonError = m_options.missingPersonError;
    rules.deleteOfMissingPersonFails = m_options.deleteOfMissingPersonFails;
    rules.deviceTimeZone = m_options.deviceTimeZone;
    rules.deviceUrl = baseUrl().toString(QUrl::StripTrailingSlash);
    rules.eventPageCap = m_options.eventPageCap;
    rules.eventsNeedEndSerialNo = m_options.eventsNeedEndSerialNo;
    rules.eventsRejectTimeRange = m_options.eventsRejectTimeRange;
    rules.eventsZeroFilled = m_options.eventsZeroFilled;
    rules.eventsBeginExclusive = m_options.eventsBeginExclusive;
    rules.strictCardNo = m_options.strictCardNo || m_profile.strictCardNo;
    rules.userDeleteRemovesFace = m_options.userDeleteRemovesFace;
    rules.facePictureMaxBytes = m_options.facePictureMaxBytes;
    rules.oversizeIsBadJsonFormat = m_options.oversizeIsBadJsonFormat;
    rules.rejectProgressiveJpeg = m_options.rejectProgressiveJpeg;
    rules.requireChroma420 = m_options.requireChroma420;
    rules.faceMinShortSide = m_options.faceMinShortSide;
    rules.faceMinLongSide = m_options.faceMinLongSide;
    rules.faceMinLuminanceSpread = m_options.faceMinLuminanceSpread;
    rules.faceWriteReturnsFpid = m_options.faceWriteReturnsFpid;
    return rules;
}

void IsapiSimulator::handle(const HttpRequest &request, HttpResponder &responder)
{
    m_received.append(request);
    if (m_received.size() > kMaxRecordedRequests)
        m_received.removeFirst();
    emit requestReceived(QString::fromLatin1(request.method), request.path);

    const IsapiRoute *route = findRoute(request.path);
    const bool xmlResource = route && !route->json;
    if (!m_options.keepAlive)
        responder.closeConnectionAfterResponse();

    // The login is checked first, as on the terminal: a request that then fails or whose
    // answer is lost has still spent a use of its nonce (or counted a failed login). A fault
    // decided here leaves the terminal's persons alone.
    const DigestAuthenticator::Result auth = m_auth.check(
        request.method, request.target, request.header("Authorization"), request.peerAddress);
    const FaultKind fault = m_faults.nextFault();
    if (fault == FaultKind::DeviceBusy) {
        m_faults.deliver(fault, statusResponse(IsapiStatus::deviceBusy(), xmlResource, request),
                         responder);
        return;
    }
    if (FaultInjector::replacesAnswer(fault)) {
        qCDebug(lcSimulator) << "door:" << request.method << request.path << "-> fault"
                             << faultKindName(fault);
        m_faults.deliver(fault, {}, responder);
        return;
    }
    if (m_busyWhenConcurrent && m_inFlight > 0) {
        ++m_busyRefusals;
        qCDebug(lcSimulator) << "door:" << request.method << request.path << "-> deviceBusy";
        responder.respond(statusResponse(IsapiStatus::deviceBusy(), xmlResource, request));
        return;
    }

    m_deferRequest = false;
    HttpResponse response = answer(request, route, auth);
    if (m_deferRequest) {
        // The answer waits for a card (or the timeout); faults other than the refusals above
        // do not apply to it.
        m_deferRequest = false;
        startCardCapture(request.connectionId, auth.authenticationInfo);
        responder.defer();
        return;
    }
    if (!auth.authenticationInfo.isEmpty())
        response.setHeader("Authentication-Info", auth.authenticationInfo);
    qCDebug(lcSimulator) << "door:" << request.method << request.path << "->" << response.status
                         << (fault == FaultKind::None ? QString() : faultKindName(fault));
    m_faults.deliver(fault, std::move(response), responder);
    if (m_busyWhenConcurrent) {
        // Busy until the answer leaves.
        ++m_inFlight;
        responder.whenDelivered([this] { --m_inFlight; });
    }
}

HttpResponse IsapiSimulator::eventPicture(const HttpRequest &request) const
{
    // Served while the event that names it is in the log (S26: download pictures "before
    // they're overwritten"), as a JPEG of the S2 capture's kind, whichever event it is.
    const auto &events = m_events.events();
    const bool logged = std::any_of(events.crbegin(), events.crend(), [&](const DeviceEvent &e) {
        return !e.pictureUrl.isEmpty() && QUrl(e.pictureUrl).path() == request.path;
    });
    if (request.method != "GET" || !logged)
        return notFound(request);
    QFile picture(QStringLiteral(":/simulator/event-picture.jpg"));
    if (!picture.open(QIODevice::ReadOnly)) {
        qCWarning(lcSimulator) << "door: the picture resource is missing from this build";
        return notFound(request);
    }
    return HttpResponse::withBody(200, picture.readAll(), "image/jpeg");
}

HttpResponse IsapiSimulator::answer(const HttpRequest &request, const IsapiRoute *route,
                                    const DigestAuthenticator::Result &auth)
{
    if (auth.outcome == DigestAuthenticator::Outcome::Malformed) {
        return xmlResponse(400, badAuthorization().toXml(QString::fromUtf8(request.target)));
    }
    if (auth.outcome != DigestAuthenticator::Outcome::Accepted)
        return authRefusal(auth);

    if (!route && request.path.startsWith(QLatin1String("/LOCALS/pic/")))
        return localPicture(request);
    if (!route || !routeAvailable(*route))
        return notFound(request);
    if (request.method != route->method) {
        if (route->search)
            return notFound(request);
        return statusResponse(IsapiStatus::methodNotAllowed(), !route->json, request);
    }
    const QString key = routeKey(*route);
    if (route->write)
        ++m_writes[key];
    if (route->json &&
        request.query.queryItemValue(QStringLiteral("format")) != QLatin1String("json"))
        return statusResponse(IsapiStatus::badXmlFormat(), true, request);

    QJsonObject body;
    if (route->json && !takesRawBody(route->endpoint) &&
        (request.method == "POST" || request.method == "PUT")) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return statusResponse(IsapiStatus::badJsonFormat(), false, request);
        body = document.object();
    }
    return callEndpoint(*route, request, body);
}

HttpResponse IsapiSimulator::callEndpoint(const IsapiRoute &route, const HttpRequest &request,
                                          const QJsonObject &body)
{
    const IsapiRules currentRules = rules();
    IsapiReply reply;
    // The persons a write named, for appliedWrites(); the JSON body's employeeNos by default.
    std::optional<QStringList> named;
    switch (route.endpoint) {
    case Endpoint::DeviceInfo:
        return xmlResponse(200, deviceInfoXml());
    case Endpoint::UserCheck:
        return xmlResponse(200, userCheckXml(200, QStringLiteral("OK"), std::nullopt));
    case Endpoint::IllegalLoginLock: {
        const DigestAuthSettings &settings = m_auth.settings();
        return xmlResponse(
            200, xmlDeclaration() + xmlRoot("IllegalLoginLock") +
                     element("enabled", settings.lockoutEnabled ? QStringLiteral("true")
                                                                : QStringLiteral("false")) +
                     element("maxIllegalLoginTimes", QString::number(settings.maxFailures)) +
                     element("maxIllegalLoginLockTime", QString::number(settings.lockSeconds)) +
                     "</IllegalLoginLock>\n");
    }
    case Endpoint::AccessControlCapabilities:
        return xmlResponse(200, m_profile.accessControlCapabilities);
    case Endpoint::UserInfoCapabilities:
        reply = IsapiReply::data(m_profile.userInfoCapabilities);
        break;
    case Endpoint::DetailDeleteCapabilities:
        reply = IsapiReply::data(m_profile.userInfoDetailDeleteCapabilities);
        break;
    case Endpoint::CardInfoCapabilities:
        reply = IsapiReply::data(m_profile.cardInfoCapabilities);
        break;
    case Endpoint::UserInfoCount:
        reply = isapi::countPersons(m_model, currentRules);
        break;
    case Endpoint::UserInfoSearch:
        reply = isapi::searchPersons(m_model, body, currentRules);
        break;
    case Endpoint::UserInfoRecord:
        reply = isapi::recordPerson(m_model, body, currentRules);
        break;
    case Endpoint::UserInfoModify:
        reply = isapi::modifyPerson(m_model, body, currentRules);
        break;
    case Endpoint::UserInfoSetUp:
        reply = isapi::setUpPerson(m_model, body, currentRules);
        break;
    case Endpoint::UserInfoDelete:
        reply = isapi::deletePersons(m_model, body, currentRules);
        break;
    case Endpoint::DetailDelete:
        reply = isapi::deletePersonDetails(m_model, body, currentRules);
        if (reply.status.isOk()) {
            m_detailDeletePending = true;
            m_detailDeletePollsLeft = m_options.detailDeleteProcessingPolls;
        }
        break;
    case Endpoint::DetailDeleteProcess: {
        QString status = QStringLiteral("success");
        if (m_detailDeletePending && m_detailDeletePollsLeft > 0) {
            --m_detailDeletePollsLeft;
            status = QStringLiteral("processing");
        } else if (m_detailDeletePending && m_options.detailDeleteFails) {
            status = QStringLiteral("failed");
        }
        reply = IsapiReply::data(QJsonObject{{QStringLiteral("UserInfoDetailDeleteProcess"),
                                              QJsonObject{{QStringLiteral("status"), status}}}});
        break;
    }
    case Endpoint::CardInfoCount:
        reply = isapi::countCards(m_model, request.query.queryItemValue(
                                               QStringLiteral("employeeNo"), QUrl::FullyDecoded));
        break;
    case Endpoint::CardInfoSearch:
        reply = isapi::searchCards(m_model, body, currentRules);
        break;
    case Endpoint::CardInfoRecord:
        reply = isapi::recordCard(m_model, body, currentRules);
        break;
    case Endpoint::CardInfoModify:
        reply = isapi::modifyCard(m_model, body, currentRules);
        break;
    case Endpoint::CardInfoSetUp:
        reply = isapi::setUpCard(m_model, body, currentRules);
        break;
    case Endpoint::CardInfoDelete:
        reply = isapi::deleteCards(m_model, body, currentRules);
        break;
    case Endpoint::AcsEvent:
        reply = isapi::searchEvents(m_events, body, currentRules);
        break;
    case Endpoint::AcsEventTotalNum:
        reply = isapi::countEvents(m_events, body);
        break;
    case Endpoint::SystemTime:
        return xmlResponse(200, systemTimeXml());
    case Endpoint::CaptureCardInfoCapabilities: {
        // S1 §6.1.72, with this terminal's cardNo rule.
        const QJsonArray types{QStringLiteral("TypeA_M1"), QStringLiteral("TypeA_CPU"),
                               QStringLiteral("TypeB"), QStringLiteral("ID_125K")};
        reply = IsapiReply::data(QJsonObject{
            {QStringLiteral("CardInfoCap"),
             QJsonObject{
                 {QStringLiteral("cardNo"),
                  QJsonObject{{QStringLiteral("@min"), 1},
                              {QStringLiteral("@max"), isapi::cardNoMaxLength(currentRules)}}},
                 {QStringLiteral("cardType"), types}}}});
        break;
    }
    case Endpoint::CaptureCardInfo:
        // [U] One reader, one capture: a second one while a card is awaited is refused.
        if (m_cardCapture.active) {
            reply = IsapiReply::of(IsapiStatus::deviceBusy());
            break;
        }
        m_deferRequest = true;
        return {};
    case Endpoint::CaptureFaceDataCapabilities:
        // S1 §6.2.6.
        return xmlResponse(200, xmlDeclaration() + xmlRoot("CaptureFaceData") +
                                    "<faceDataUrl min=\"1\" max=\"768\"></faceDataUrl>\n"
                                    "<captureProgress min=\"0\" max=\"100\"></captureProgress>\n"
                                    "<isCurRequestOver opt=\"true,false\"></isCurRequestOver>\n"
                                    "<dataType opt=\"url,binary\"></dataType>\n"
                                    "</CaptureFaceData>\n");
    case Endpoint::CaptureFaceData:
        return captureFaceData(request, false);
    case Endpoint::CaptureFaceDataProgress:
        return captureFaceData(request, true);
    case Endpoint::FDLibCapabilities:
        reply = isapi::faceLibraryCapabilities(currentRules);
        break;
    case Endpoint::FDLibList:
        reply = isapi::faceLibraries();
        break;
    case Endpoint::FaceDataRecord:
    case Endpoint::FDSetUp: {
        QString fpid;
        reply = isapi::writeFace(
            m_model, request.header("Content-Type"), request.body,
            route.endpoint == Endpoint::FDSetUp, currentRules,
            [this](const QString &url) { return fetchLocalPicture(url); }, fpid);
        named = fpid.isEmpty() ? QStringList() : QStringList{fpid};
        break;
    }
    case Endpoint::FDSearch:
        reply = isapi::searchFaces(m_model, body, currentRules);
        break;
    case Endpoint::FDLibCount:
        reply = isapi::countFaces(
            m_model, request.query.queryItemValue(QStringLiteral("FDID"), QUrl::FullyDecoded),
            request.query.queryItemValue(QStringLiteral("faceLibType"), QUrl::FullyDecoded));
        break;
    case Endpoint::FDSearchDelete: {
        QStringList fpids;
        reply = isapi::deleteFaces(
            m_model, request.query.queryItemValue(QStringLiteral("FDID"), QUrl::FullyDecoded),
            request.query.queryItemValue(QStringLiteral("faceLibType"), QUrl::FullyDecoded), body,
            fpids);
        named = fpids;
        break;
    }
    }
    if (route.write && reply.status.isOk()) {
        ++m_successfulWrites[routeKey(route)];
        static std::atomic<quint64> applied{0};
        m_applied.append({routeKey(route), named ? *named : employeeNosIn(body), ++applied});
        emit stateChanged();
    }
    if (!reply.document.isEmpty())
        return jsonResponse(200, writeIsapiJson(reply.document));
    return statusResponse(reply.status, false, request);
}

int IsapiSimulator::httpStatusFor(const IsapiStatus &status) const
{
    if (status.isOk() || m_options.httpStatusMode == HttpStatusMode::Http200)
        return 200;
    switch (status.statusCode) {
    case 2:
        return 503;
    case 3:
        return 500;
    case 7:
        return 200;
    default:
        return 400;
    }
}

HttpResponse IsapiSimulator::statusResponse(const IsapiStatus &status, bool xml,
                                            const HttpRequest &request) const
{
    const int httpStatus = httpStatusFor(status);
    if (xml)
        return xmlResponse(httpStatus, status.toXml(QString::fromUtf8(request.target)));
    return jsonResponse(httpStatus, writeIsapiJson(status.toJson()));
}

HttpResponse IsapiSimulator::notFound(const HttpRequest &request) const
{
    return xmlResponse(404, IsapiStatus::notSupport().toXml(QString::fromUtf8(request.target)));
}

namespace {

// The headers a DS-K1T341-family terminal sends (S5).
void addDeviceHeaders(HttpResponse &response)
{
    response.setHeader("Server", "webs");
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
}

} // namespace

HttpResponse IsapiSimulator::jsonResponse(int httpStatus, const QByteArray &body) const
{
    HttpResponse response = HttpResponse::withBody(httpStatus, body, "application/json");
    addDeviceHeaders(response);
    return response;
}

HttpResponse IsapiSimulator::xmlResponse(int httpStatus, const QByteArray &body) const
{
    HttpResponse response =
        HttpResponse::withBody(httpStatus, body, "application/xml; charset=\"UTF-8\"");
    addDeviceHeaders(response);
    return response;
}

HttpResponse IsapiSimulator::authRefusal(const DigestAuthenticator::Result &result) const
{
    HttpResponse response;
    using Outcome = DigestAuthenticator::Outcome;
    switch (result.outcome) {
    case Outcome::InvalidatedNonce: {
        // The S4 body exactly: no errorMsg.
        IsapiStatus status = IsapiStatus::invalidOperation();
        QJsonObject body = status.toJson();
        body.remove(QStringLiteral("errorMsg"));
        response = jsonResponse(401, writeIsapiJson(body));
        break;
    }
    case Outcome::WrongCredentials:
    case Outcome::Locked:
        response = xmlResponse(401, userCheckXml(401, QStringLiteral("Unauthorized"), result));
        break;
    default:
        response =
            xmlResponse(401, userCheckXml(401, QStringLiteral("Unauthorized"), std::nullopt));
        break;
    }
    if (!result.challenge.isEmpty())
        response.setHeader("WWW-Authenticate", result.challenge);
    return response;
}

QByteArray IsapiSimulator::userCheckXml(int statusValue, const QString &statusString,
                                        std::optional<DigestAuthenticator::Result> failure) const
{
    QByteArray xml = xmlDeclaration() + xmlRoot("userCheck") +
                     element("statusValue", QString::number(statusValue)) +
                     element("statusString", statusString);
    if (statusValue == 200) {
        xml += element("isDefaultPassword", QStringLiteral("false")) +
               element("isRiskPassword", QStringLiteral("false")) +
               element("isActivated", QStringLiteral("true"));
    } else if (failure) {
        // The S9 shape; while locked, unlockTime counts the seconds left [U].
        xml += element("isActivated", QStringLiteral("true")) +
               element("lockStatus",
                       failure->locked ? QStringLiteral("locked") : QStringLiteral("unlock")) +
               element("unlockTime", QString::number(failure->unlockSeconds)) +
               element("retryLoginTime", QString::number(failure->remainingAttempts));
    }
    return xml + "</userCheck>\n";
}

QByteArray IsapiSimulator::deviceInfoXml() const
{
    QByteArray xml = xmlDeclaration() + xmlRoot("DeviceInfo");
    for (const auto &[name, value] : m_profile.deviceInfo)
        xml += element(name.toLatin1().constData(), value);
    return xml + "</DeviceInfo>\n";
}

QDateTime IsapiSimulator::deviceNow() const
{
    return m_clock->now().addSecs(m_options.clockSkewSeconds).toTimeZone(m_options.deviceTimeZone);
}

namespace {

// The terminal's form: local time with its offset, "+hh:mm" (never "Z").
QString deviceTimeText(const QDateTime &time)
{
    const int offset = time.offsetFromUtc();
    const int minutes = qAbs(offset) / 60;
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
           (offset < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1:%2")
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

qint64 IsapiSimulator::logEvent(DeviceEvent event)
{
    if (event.time.isEmpty())
        event.time = deviceTimeText(deviceNow());
    const qint64 serial = m_events.append(std::move(event));
    emit stateChanged();
    return serial;
}

qint64 IsapiSimulator::personAtDoor(const QString &employeeNo, Presented presented)
{
    const std::optional<DevicePerson> person = m_model.person(employeeNo);
    DeviceEvent event;
    const QDateTime now = deviceNow();
    const QString picture = baseUrl().toString(QUrl::StripTrailingSlash) +
                            QStringLiteral("/LOCALS/pic/acsLinkCap/") +
                            now.toString(QStringLiteral("yyyyMM_00/dd_HHmmss")) +
                            QStringLiteral("_3%1_0.jpeg@WEB000000000001");
    const QList<DeviceCard> cards = person ? m_model.cardsOf(employeeNo) : QList<DeviceCard>();
    // A face is only recognised when the face library holds one for the person.
    const bool hasCredential =
        presented == Presented::Face ? person && m_model.hasFace(employeeNo) : !cards.isEmpty();
    if (!person || !hasCredential) {
        // Not recognised: a stranger's face, or a card the terminal does not know.
        if (presented == Presented::Face)
            return strangerAtDoor();
        return unknownCardAtDoor(cards.isEmpty() ? QStringLiteral("0012345678")
                                                 : cards.first().cardNo);
    }
    event.employeeNo = person->employeeNo;
    event.name = person->name;
    event.userType = person->userType;
    // Device-local wall-clock times, compared with the terminal's own clock.
    const QDateTime wallClock(now.date(), now.time(), Qt::UTC);
    const bool valid =
        !person->validEnabled || (person->beginTime <= wallClock && wallClock <= person->endTime);
    const bool mayOpen = !person->doorRight.trimmed().isEmpty();
    if (!valid)
        event.minor = m_options.expiredMinor;
    else if (!mayOpen)
        event.minor = m_options.noRightMinor;
    else
        event.minor = presented == Presented::Face ? 75 : 1;
    if (presented == Presented::Face) {
        event.pictureUrl = picture.arg(event.minor, 4, 10, QLatin1Char('0'));
        event.mask = QStringLiteral("no");
    } else {
        event.cardNo = cards.first().cardNo;
    }
    return logEvent(event);
}

qint64 IsapiSimulator::unknownCardAtDoor(const QString &cardNo)
{
    DeviceEvent event;
    event.minor = 9;
    event.cardNo = cardNo;
    return logEvent(event);
}

qint64 IsapiSimulator::strangerAtDoor()
{
    DeviceEvent event;
    event.minor = 76;
    event.mask = QStringLiteral("unknown");
    event.pictureUrl = baseUrl().toString(QUrl::StripTrailingSlash) +
                       QStringLiteral("/LOCALS/pic/acsLinkCap/") +
                       deviceNow().toString(QStringLiteral("yyyyMM_00/dd_HHmmss")) +
                       QStringLiteral("_30076_0.jpeg@WEB000000000002");
    return logEvent(event);
}

QByteArray IsapiSimulator::systemTimeXml() const
{
    // The POSIX-style zone with its inverted sign: "CST-1:00:00" is UTC+1 (S29).
    const QDateTime now = deviceNow();
    const int offset = now.offsetFromUtc();
    const int minutes = qAbs(offset) / 60;
    const QString zone = QStringLiteral("CST%1%2:%3:00")
                             .arg(offset > 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(minutes / 60)
                             .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return xmlDeclaration() + xmlRoot("Time") + element("timeMode", QStringLiteral("NTP")) +
           element("localTime", deviceTimeText(now)) + element("timeZone", zone) + "</Time>\n";
}

// --- credentials at the terminal ---

bool IsapiSimulator::routeAvailable(const IsapiRoute &route) const
{
    switch (route.endpoint) {
    case Endpoint::CaptureCardInfoCapabilities:
    case Endpoint::CaptureCardInfo:
        return m_profile.captureCardInfo;
    case Endpoint::CaptureFaceDataCapabilities:
    case Endpoint::CaptureFaceData:
    case Endpoint::CaptureFaceDataProgress:
        return m_profile.captureFace;
    case Endpoint::FDLibCapabilities:
    case Endpoint::FDLibList:
    case Endpoint::FaceDataRecord:
    case Endpoint::FDSetUp:
    case Endpoint::FDSearch:
    case Endpoint::FDLibCount:
    case Endpoint::FDSearchDelete:
        return m_profile.faceLibrary;
    default:
        return true;
    }
}

void IsapiSimulator::startCardCapture(quint64 connectionId, const QByteArray &authenticationInfo)
{
    m_cardCapture.active = true;
    m_cardCapture.connectionId = connectionId;
    m_cardCapture.authenticationInfo = authenticationInfo;
    m_cardCaptureTimer.start(std::max(0, m_options.captureCardTimeoutMs));
    if (m_options.demoCardDelayMs >= 0)
        m_demoCardTimer.start(m_options.demoCardDelayMs);
    qCDebug(lcSimulator) << "door: CaptureCardInfo waits for a card";
    // Queued: the server marks the request as waiting only when the handler has returned.
    QMetaObject::invokeMethod(
        this,
        [this, connectionId] {
            if (m_cardCapture.active && m_cardCapture.connectionId == connectionId)
                emit cardCaptureStarted();
        },
        Qt::QueuedConnection);
}

bool IsapiSimulator::cardCaptureWaiting() const
{
    return m_cardCapture.active && m_server.isDeferred(m_cardCapture.connectionId);
}

void IsapiSimulator::finishCardCapture(HttpResponse response)
{
    const CardCapture capture = std::exchange(m_cardCapture, {});
    m_cardCaptureTimer.stop();
    m_demoCardTimer.stop();
    if (!capture.authenticationInfo.isEmpty())
        response.setHeader("Authentication-Info", capture.authenticationInfo);
    m_server.answerDeferred(capture.connectionId, std::move(response));
}

bool IsapiSimulator::presentCardAtReader(const QString &cardNo, const QString &cardType)
{
    if (!cardCaptureWaiting())
        return false;
    qCDebug(lcSimulator) << "door: card" << cardNo << "presented to the capture";
    const QJsonObject card{
        {QStringLiteral("CardInfo"),
         QJsonObject{{QStringLiteral("cardNo"), cardNo}, {QStringLiteral("cardType"), cardType}}}};
    finishCardCapture(jsonResponse(200, writeIsapiJson(card)));
    return true;
}

void IsapiSimulator::cardCaptureTimedOut()
{
    if (!m_cardCapture.active)
        return;
    qCDebug(lcSimulator) << "door: CaptureCardInfo timed out";
    switch (m_options.captureCardTimeoutAnswer) {
    case CaptureTimeoutAnswer::StatusTimeout: {
        // Invented, as the document's default: nothing real is known (§2.3, §6).
        IsapiStatus status;
        status.statusCode = 4;
        status.statusString = QStringLiteral("Invalid Operation");
        status.subStatusCode = QStringLiteral("timeout");
        status.errorCode = 0x4000F001;
        status.errorMsg = QStringLiteral("timeout");
        finishCardCapture(jsonResponse(200, writeIsapiJson(status.toJson())));
        return;
    }
    case CaptureTimeoutAnswer::DeviceError: {
        IsapiStatus status;
        status.statusCode = 3;
        status.statusString = QStringLiteral("Device Error");
        status.subStatusCode = QStringLiteral("deviceError");
        status.errorCode = 0x30000001;
        status.errorMsg = QStringLiteral("deviceError");
        finishCardCapture(jsonResponse(httpStatusFor(status), writeIsapiJson(status.toJson())));
        return;
    }
    case CaptureTimeoutAnswer::NeverAnswer:
        // The request stays open and silent; the reader no longer waits.
        m_cardCapture = {};
        m_demoCardTimer.stop();
        return;
    }
}

void IsapiSimulator::presentDemoCard()
{
    // A Mifare-like UID sequence, turned into card numbers the way the reader does; numbers
    // the terminal already holds are skipped, so the demo enrols a new card each time.
    QString cardNo;
    do {
        const quint32 uid = 0x3A9F21C4u + quint32(m_demoCardsIssued++) * 0x01010101u;
        QByteArray bytes(4, '\0');
        for (int i = 0; i < 4; ++i)
            bytes[i] = char((uid >> (8 * (3 - i))) & 0xFFu);
        cardNo = cardNoFromUid(bytes, m_options.cardUidReversed);
    } while (m_model.card(cardNo) && m_demoCardsIssued < 10000);
    presentCardAtReader(cardNo);
}

void IsapiSimulator::presentFaceAtCamera(const QByteArray &jpeg)
{
    m_presentedFace = jpeg.isEmpty() ? demoFaceJpeg() : jpeg;
    m_faceCaptureWaiting = false;
    m_demoFaceTimer.stop();
}

QByteArray IsapiSimulator::captureFaceXml(int progress) const
{
    QByteArray xml = xmlDeclaration() + xmlRoot(m_options.captureFaceRoot.toLatin1().constData());
    if (progress == 100 && m_enrollPicture) {
        xml +=
            element("faceDataUrl", baseUrl().toString(QUrl::StripTrailingSlash) +
                                       QStringLiteral("/LOCALS/pic/web_face_enrollpic.jpg@WEB") +
                                       QString::number(m_enrollPictureNo).rightJustified(12, u'0'));
    }
    xml += element("captureProgress", QString::number(progress));
    xml += element("isCurRequestOver",
                   progress == 100 ? QStringLiteral("true") : QStringLiteral("false"));
    return xml + "</" + m_options.captureFaceRoot.toLatin1() + ">\n";
}

HttpResponse IsapiSimulator::captureFaceData(const HttpRequest &request, bool progressOnly)
{
    bool binary = false;
    if (!progressOnly) {
        // CaptureFaceDataCond (S1 §5.2.3), with or without the namespace. Anything else, "{}"
        // included, is badXmlContent (S2).
        QXmlStreamReader xml(request.body);
        if (!xml.readNextStartElement() || xml.name() != QLatin1String("CaptureFaceDataCond"))
            return statusResponse(IsapiStatus::invalidContent(QStringLiteral("badXmlContent"),
                                                              0x60000003,
                                                              QStringLiteral("badXmlContent")),
                                  true, request);
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("dataType")) {
                const QString type = xml.readElementText();
                if (type != QLatin1String("url") && type != QLatin1String("binary"))
                    return statusResponse(IsapiStatus::badParameters(QStringLiteral("dataType")),
                                          true, request);
                binary = type == QLatin1String("binary");
            } else {
                xml.skipCurrentElement();
            }
        }
        if (xml.hasError())
            return statusResponse(IsapiStatus::invalidContent(QStringLiteral("badXmlContent"),
                                                              0x60000003,
                                                              QStringLiteral("badXmlContent")),
                                  true, request);
    }
    if (!m_presentedFace) {
        if (!progressOnly && !m_faceCaptureWaiting) {
            m_faceCaptureWaiting = true;
            if (m_options.demoFaceDelayMs >= 0)
                m_demoFaceTimer.start(m_options.demoFaceDelayMs);
            emit faceCaptureStarted();
        }
        return xmlResponse(200, captureFaceXml(0));
    }
    // A face was seen: its picture becomes the one at web_face_enrollpic.jpg. The POST ends
    // the capture; the next one starts another.
    const QByteArray picture = *m_presentedFace;
    if (!m_enrollPicture || *m_enrollPicture != picture) {
        m_enrollPicture = picture;
        ++m_enrollPictureNo;
    }
    if (!progressOnly)
        m_presentedFace.reset();
    if (!binary)
        return xmlResponse(200, captureFaceXml(100));
    // S1: an XML part, then the picture as FaceData.jpg.
    MultipartPart document;
    document.name = m_options.captureFaceRoot;
    document.contentType = "application/xml; charset=\"UTF-8\"";
    document.body = captureFaceXml(100);
    MultipartPart face;
    face.name = QStringLiteral("FaceData");
    face.fileName = QStringLiteral("FaceData.jpg");
    face.contentType = "image/jpeg";
    face.body = picture;
    const QByteArray boundary = "MIME_boundary";
    HttpResponse response = HttpResponse::withBody(200, buildMultipart(boundary, {document, face}),
                                                   "multipart/form-data; boundary=" + boundary);
    response.setHeader("Server", "webs");
    return response;
}

std::optional<QByteArray> IsapiSimulator::faceOf(const QString &employeeNo) const
{
    const std::optional<DeviceFace> face = m_model.face(employeeNo);
    if (!face)
        return std::nullopt;
    return face->jpeg.isEmpty() ? demoFaceJpeg() : face->jpeg;
}

bool IsapiSimulator::setFace(const QString &employeeNo, const QByteArray &jpeg)
{
    if (!m_model.contains(employeeNo))
        return false;
    m_model.setFace(employeeNo, jpeg);
    emit stateChanged();
    return true;
}

bool IsapiSimulator::removeFace(const QString &employeeNo)
{
    const bool removed = m_model.removeFace(employeeNo);
    if (removed)
        emit stateChanged();
    return removed;
}

HttpResponse IsapiSimulator::localPicture(const HttpRequest &request) const
{
    if (request.path.startsWith(QLatin1String("/LOCALS/pic/acsLinkCap/")))
        return eventPicture(request);
    if (request.method != "GET")
        return notFound(request);
    const std::optional<QByteArray> picture =
        fetchLocalPicture(baseUrl().toString(QUrl::StripTrailingSlash) + request.path);
    if (!picture)
        return notFound(request);
    return HttpResponse::withBody(200, *picture, "image/jpeg");
}

std::optional<QByteArray> IsapiSimulator::fetchLocalPicture(const QString &url) const
{
    // Only this terminal's own pictures: another host (or none) is out of reach, like S36's
    // external URL was. The @WEB suffix is not checked.
    const QUrl parsed(url);
    const QString host = parsed.host();
    if (host != QLatin1String("127.0.0.1") && host != QLatin1String("localhost"))
        return std::nullopt;
    const QString path = parsed.path();
    static const QRegularExpression enrolled(
        QStringLiteral("^/LOCALS/pic/enrlFace/0/(\\d{10})\\.jpg(@WEB\\d+)?$"));
    const QRegularExpressionMatch match = enrolled.match(path);
    if (match.hasMatch()) {
        const std::optional<QString> fpid = m_model.faceIdByNumber(match.captured(1).toInt());
        return fpid ? faceOf(*fpid) : std::nullopt;
    }
    static const QRegularExpression captured(
        QStringLiteral("^/LOCALS/pic/web_face_enrollpic\\.jpg(@WEB\\d+)?$"));
    if (captured.match(path).hasMatch())
        return m_enrollPicture;
    return std::nullopt;
}

} // namespace cis::sim
