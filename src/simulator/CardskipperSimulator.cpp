// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperSimulator.h"

#include "CardskipperRequests.h"
#include "DemoData.h"
#include "Expected.h"
#include "SimulatorLogging.h"

#include <QStringEncoder>
#include <QXmlStreamWriter>
#include <array>

namespace cis::sim {

namespace {

constexpr qsizetype kMaxRecordedRequests = 1000;

struct RouteSpec
{
    const char *path;
    const char *method;
    CardskipperRoute route;
};

constexpr std::array<RouteSpec, 5> kRoutes{{
    {"/Basedata/Country", "GET", CardskipperRoute::BasedataCountry},
    {"/Basedata/Gender", "GET", CardskipperRoute::BasedataGender},
    {"/Organisation/Info", "GET", CardskipperRoute::OrganisationInfo},
    {"/Member/Export", "POST", CardskipperRoute::MemberExport},
    {"/Import/Member", "POST", CardskipperRoute::ImportMember},
}};

// IIS answers refusals with small HTML pages; clients must not expect XML there.
HttpResponse htmlPage(int status, const QByteArray &heading)
{
    return HttpResponse::withBody(status,
                                  "<!DOCTYPE html>\r\n<html><head><title>" + heading +
                                      "</title></head>\r\n<body><h1>" + heading +
                                      "</h1></body></html>\r\n",
                                  "text/html; charset=utf-8");
}

// The shape ASP.NET Web API gives a rejected request when XML is negotiated.
HttpResponse badRequest(const QString &message)
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Error"));
    xml.writeTextElement(QStringLiteral("Message"), message);
    xml.writeEndDocument();
    return HttpResponse::withBody(400, body, "application/xml; charset=utf-8");
}

void start(QXmlStreamWriter &xml, const char *name)
{
    xml.writeStartElement(QLatin1String(name));
}

void attribute(QXmlStreamWriter &xml, const char *name, const QString &value)
{
    xml.writeAttribute(QLatin1String(name), value);
}

void attribute(QXmlStreamWriter &xml, const char *name, qint64 value)
{
    xml.writeAttribute(QLatin1String(name), QString::number(value));
}

void optionalAttribute(QXmlStreamWriter &xml, const char *name, const QString &value)
{
    if (!value.isEmpty())
        attribute(xml, name, value);
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

bool countsAsActive(const SimRole &role, QDate today, const CardskipperSimulator::Options &options)
{
    if (role.start <= today && today <= role.end.addDays(options.onlyActiveGraceDays))
        return true;
    return options.onlyActiveIncludesFutureRoles && role.start > today;
}

bool matches(const SimMember &member, const SearchCriteria &criteria,
             const QList<qint64> &organisations, QDate today,
             const CardskipperSimulator::Options &options)
{
    QList<const SimMembership *> memberships;
    for (const SimMembership &membership : member.organisations) {
        if (organisations.contains(membership.organisationId))
            memberships.append(&membership);
    }
    const auto anyRole = [&](const auto &predicate) {
        for (const SimMembership *membership : memberships) {
            if (std::any_of(membership->roles.cbegin(), membership->roles.cend(), predicate))
                return true;
        }
        return false;
    };
    const auto anyTag = [&](const QString &part) {
        for (const SimMembership *membership : memberships) {
            for (const QString &tag : membership->tags) {
                if (tag.contains(part, Qt::CaseInsensitive))
                    return true;
            }
        }
        return false;
    };
    const auto sameText = [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) == 0;
    };

    if (memberships.isEmpty())
        return false;
    if (criteria.memberId && member.memberId != *criteria.memberId)
        return false;
    if (criteria.userId && member.userId != *criteria.userId)
        return false;
    if (criteria.organisationMemberId &&
        member.organisationMemberId != *criteria.organisationMemberId)
        return false;
    if (criteria.roleId && !anyRole([&](const SimRole &r) { return r.id == *criteria.roleId; }))
        return false;
    if (criteria.birthdate && member.birthDate != *criteria.birthdate)
        return false;
    if (criteria.firstname && !sameText(member.firstName, *criteria.firstname))
        return false;
    if (criteria.lastname && !sameText(member.lastName, *criteria.lastname))
        return false;
    if (criteria.cellphone) {
        const QString wanted = normalisedPhone(*criteria.cellphone);
        if (wanted != normalisedPhone(member.cellPhone1) &&
            wanted != normalisedPhone(member.cellPhone2))
            return false;
    }
    if (criteria.tagContains && !anyTag(*criteria.tagContains))
        return false;
    if (criteria.organisationUnit && !anyRole([&](const SimRole &r) {
            return sameText(r.organisationUnit, *criteria.organisationUnit);
        }))
        return false;
    if (criteria.hasUserDevice && member.hasUserDevice != *criteria.hasUserDevice)
        return false;
    if (criteria.onlyActive.value_or(false) && (member.inactive || !anyRole([&](const SimRole &r) {
                                                    return countsAsActive(r, today, options);
                                                })))
        return false;
    if (criteria.changedAt && !(member.lastChanged > *criteria.changedAt))
        return false;
    return true;
}

// Plausible base data, authored for the simulator: the real lists were never seen.
struct Country
{
    int id;
    const char *code;
    const char *shortName;
    int iso;
    const char *localName;
    const char *english;
    const char *swedish;
};

constexpr std::array<Country, 7> kCountries{{
    {1, "SE", "SWE", 752, "Sverige", "Sweden", "Sverige"},
    {2, "NO", "NOR", 578, "Norge", "Norway", "Norge"},
    {3, "DK", "DNK", 208, "Danmark", "Denmark", "Danmark"},
    {4, "FI", "FIN", 246, "Suomi", "Finland", "Finland"},
    {5, "DE", "DEU", 276, "Deutschland", "Germany", "Tyskland"},
    {6, "GB", "GBR", 826, "United Kingdom", "United Kingdom", "Storbritannien"},
    {7, "SI", "SVN", 705, "Slovenija", "Slovenia", "Slovenien"},
}};

struct Gender
{
    int id;
    const char *code;
    const char *english;
    const char *swedish;
};

constexpr std::array<Gender, 3> kGenders{{
    {1, "M", "Male", "Man"},
    {2, "F", "Female", "Kvinna"},
    {3, "U", "Unknown", "Okänt"},
}};

bool wantsSwedish(const HttpRequest &request)
{
    return request.header("Accept-Language").trimmed().toLower().startsWith("sv");
}

} // namespace

CardskipperSimulator::CardskipperSimulator(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock ? clock : &Clock::system())
{
    setOrganisations(DemoData::organisations());
    setAccount(DemoData::demoAccount());
    m_server.setHandler([this](const HttpRequest &request, HttpResponder &responder) {
        handle(request, responder);
    });
}

CardskipperSimulator::~CardskipperSimulator() = default;

bool CardskipperSimulator::listen(quint16 port)
{
    if (!m_server.listen(port))
        return false;
    qCInfo(lcSimulator) << "Cardskipper simulator listening on" << baseUrl().toString();
    return true;
}

void CardskipperSimulator::loadDemoData(int memberCount, quint32 seed)
{
    setMembers(DemoData::members(m_clock->today(), memberCount, seed));
}

void CardskipperSimulator::setOrganisations(const QList<SimOrganisation> &organisations)
{
    m_organisations.clear();
    for (const SimOrganisation &organisation : organisations)
        m_organisations.insert(organisation.id, organisation);
}

void CardskipperSimulator::setAccount(const SimAccount &account)
{
    m_accounts.insert(account.username, account);
}

void CardskipperSimulator::removeAccount(const QString &username)
{
    m_accounts.remove(username);
}

bool CardskipperSimulator::setGrants(const QString &username, const QList<CardskipperRoute> &grants)
{
    const auto it = m_accounts.find(username);
    if (it == m_accounts.end())
        return false;
    it->grants = grants;
    return true;
}

std::optional<SimAccount> CardskipperSimulator::account(const QString &username) const
{
    const auto it = m_accounts.constFind(username);
    return it == m_accounts.cend() ? std::nullopt : std::optional<SimAccount>(*it);
}

void CardskipperSimulator::setMembers(const QList<SimMember> &members)
{
    m_members.clear();
    for (const SimMember &member : members)
        m_members.insert(member.organisationMemberId, member);
}

std::optional<SimMember> CardskipperSimulator::member(qint64 organisationMemberId) const
{
    const auto it = m_members.constFind(organisationMemberId);
    return it == m_members.cend() ? std::nullopt : std::optional<SimMember>(*it);
}

void CardskipperSimulator::addMember(SimMember member)
{
    member.lastChanged = m_clock->now();
    m_members.insert(member.organisationMemberId, std::move(member));
}

bool CardskipperSimulator::editMember(qint64 organisationMemberId,
                                      const std::function<void(SimMember &)> &edit)
{
    const auto it = m_members.find(organisationMemberId);
    if (it == m_members.end())
        return false;
    edit(*it);
    it->lastChanged = m_clock->now();
    return true;
}

bool CardskipperSimulator::setLatestRoleEnd(qint64 organisationMemberId, QDate newEnd)
{
    const auto it = m_members.find(organisationMemberId);
    if (it == m_members.end())
        return false;
    SimRole *latest = nullptr;
    for (SimMembership &membership : it->organisations) {
        for (SimRole &role : membership.roles) {
            if (!latest || role.end > latest->end)
                latest = &role;
        }
    }
    if (!latest)
        return false;
    latest->end = newEnd;
    it->lastChanged = m_clock->now();
    return true;
}

bool CardskipperSimulator::extendMembership(qint64 organisationMemberId, QDate newEnd)
{
    return setLatestRoleEnd(organisationMemberId, newEnd);
}

bool CardskipperSimulator::shortenMembership(qint64 organisationMemberId, QDate newEnd)
{
    return setLatestRoleEnd(organisationMemberId, newEnd);
}

bool CardskipperSimulator::expireMember(qint64 organisationMemberId)
{
    const QDate yesterday = m_clock->today().addDays(-1);
    return editMember(organisationMemberId, [yesterday](SimMember &member) {
        for (SimMembership &membership : member.organisations) {
            membership.roles.removeIf([&](const SimRole &role) { return role.start > yesterday; });
            for (SimRole &role : membership.roles)
                role.end = std::min(role.end, yesterday);
        }
    });
}

bool CardskipperSimulator::inactivateMember(qint64 organisationMemberId, bool inactive)
{
    return editMember(organisationMemberId,
                      [inactive](SimMember &member) { member.inactive = inactive; });
}

bool CardskipperSimulator::removeMember(qint64 organisationMemberId)
{
    return m_members.remove(organisationMemberId) > 0;
}

bool CardskipperSimulator::changeEmail(qint64 organisationMemberId, const QString &email)
{
    return editMember(organisationMemberId, [&email](SimMember &member) { member.email = email; });
}

void CardskipperSimulator::handle(const HttpRequest &request, HttpResponder &responder)
{
    m_received.append(request);
    if (m_received.size() > kMaxRecordedRequests)
        m_received.removeFirst();
    emit requestReceived(QString::fromLatin1(request.method), request.path);

    // A fault decided up front leaves the simulator's state alone, as a proxy in front of the
    // real service would.
    const FaultKind fault = m_faults.nextFault();
    if (FaultInjector::replacesAnswer(fault)) {
        qCDebug(lcSimulator) << request.method << request.path << "-> fault"
                             << faultKindName(fault);
        m_faults.deliver(fault, {}, responder);
        return;
    }
    HttpResponse response = answer(request);
    qCDebug(lcSimulator) << request.method << request.path << "->" << response.status
                         << (fault == FaultKind::None ? QString() : faultKindName(fault));
    m_faults.deliver(fault, std::move(response), responder);
}

HttpResponse CardskipperSimulator::answer(const HttpRequest &request)
{
    // Basic credentials first, on every route, as IIS checks them before routing.
    std::optional<SimAccount> caller;
    const QByteArray authorization = request.header("Authorization");
    if (authorization.left(6).compare("Basic ", Qt::CaseInsensitive) == 0) {
        const auto decoded = QByteArray::fromBase64Encoding(
            authorization.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (decoded && colon > 0) {
            const QString user = QString::fromUtf8(decoded.decoded.left(colon));
            const QString password = QString::fromUtf8(decoded.decoded.mid(colon + 1));
            caller = account(user);
            if (caller && caller->password != password)
                caller.reset();
        }
    }
    if (!caller) {
        ++m_failedAuthCount;
        HttpResponse refusal =
            htmlPage(401, "401 - Unauthorized: Access is denied due to invalid credentials.");
        if (m_options.challengeOnBadCredentials)
            refusal.setHeader("WWW-Authenticate", "Basic realm=\"Cardskipper\"");
        return refusal;
    }

    QString path = request.path;
    if (path.size() > 1 && path.endsWith(u'/'))
        path.chop(1);
    const auto route = std::find_if(kRoutes.cbegin(), kRoutes.cend(), [&](const RouteSpec &spec) {
        return path.compare(QLatin1String(spec.path), Qt::CaseInsensitive) == 0;
    });
    if (route == kRoutes.cend())
        return htmlPage(404, "404 - File or directory not found.");
    if (request.method != route->method) {
        HttpResponse refusal =
            htmlPage(405, "405 - HTTP verb used to access this page is not allowed.");
        refusal.setHeader("Allow", route->method);
        return refusal;
    }
    if (!caller->grants.contains(route->route))
        return htmlPage(403, "403 - Forbidden: Access is denied.");

    switch (route->route) {
    case CardskipperRoute::BasedataCountry:
        return countries(request);
    case CardskipperRoute::BasedataGender:
        return genders(request);
    case CardskipperRoute::OrganisationInfo:
        return organisationInfo(*caller);
    case CardskipperRoute::MemberExport:
        return memberExport(request, *caller);
    case CardskipperRoute::ImportMember:
        return importMembers(request, *caller);
    }
    return htmlPage(404, "404 - File or directory not found.");
}

HttpResponse CardskipperSimulator::xmlResponse(const QByteArray &body) const
{
    return HttpResponse::withBody(200, encodedDocument(body), m_options.contentType);
}

QByteArray CardskipperSimulator::encodedDocument(const QByteArray &body) const
{
    switch (m_options.bodyEncoding) {
    case BodyEncoding::Utf8:
        break;
    case BodyEncoding::Utf8DeclaredUtf16:
        return "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n" + body;
    case BodyEncoding::Utf16WithBom: {
        const QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-16\"?>\n") +
                             QString::fromUtf8(body);
        QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        return encoder.encode(text);
    }
    }
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + body;
}

namespace {

void startRoot(QXmlStreamWriter &xml, bool namespaceDeclarations)
{
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    start(xml, "Cardskipper");
    if (namespaceDeclarations) {
        xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema"),
                           QStringLiteral("xsd"));
        xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"),
                           QStringLiteral("xsi"));
    }
}

} // namespace

QByteArray CardskipperSimulator::exportDocument(const QList<SimMember> &members,
                                                const QList<qint64> &organisationIds) const
{
    const auto date = [this](QDate day) {
        const QString text = day.toString(Qt::ISODate);
        return m_options.dateStyle == DateStyle::DateTime ? text + QStringLiteral("T00:00:00")
                                                          : text;
    };
    QByteArray body;
    QXmlStreamWriter xml(&body);
    startRoot(xml, m_options.namespaceDeclarations);
    start(xml, "Members");
    if (members.isEmpty() && m_options.emptyList == EmptyListStyle::StartAndEndTag)
        xml.writeCharacters(QString()); // closes the start tag, so no <Members/>
    for (const SimMember &member : members) {
        start(xml, "Member");
        attribute(xml, "OrganisationMemberId", member.organisationMemberId);
        attribute(xml, "Firstname", member.firstName);
        attribute(xml, "Lastname", member.lastName);
        attribute(xml, "Birthdate", date(member.birthDate));
        if (m_options.includeBirthnumber)
            optionalAttribute(xml, "Birthnumber", member.birthNumber);
        optionalAttribute(xml, "GenderCode", member.genderCode);
        attribute(xml, "Inactive", boolText(member.inactive));
        if (member.hasAddress()) {
            start(xml, "Address");
            optionalAttribute(xml, "Line1", member.addressLine1);
            optionalAttribute(xml, "Line2", member.addressLine2);
            optionalAttribute(xml, "Zip", member.zip);
            optionalAttribute(xml, "City", member.city);
            xml.writeEndElement();
        }
        if (member.hasContactInfo()) {
            start(xml, "ContactInfo");
            optionalAttribute(xml, "CellPhone1", member.cellPhone1);
            optionalAttribute(xml, "CellPhone2", member.cellPhone2);
            optionalAttribute(xml, "EMail", member.email);
            xml.writeEndElement();
        }
        start(xml, "Organisations");
        for (const SimMembership &membership : member.organisations) {
            if (!organisationIds.contains(membership.organisationId))
                continue;
            start(xml, "Organisation");
            attribute(xml, "Id", membership.organisationId);
            start(xml, "Roles");
            for (const SimRole &role : membership.roles) {
                start(xml, "Role");
                attribute(xml, "Id", role.id);
                attribute(xml, "StartDate", date(role.start));
                attribute(xml, "EndDate", date(role.end));
                optionalAttribute(xml, "Type", role.type);
                optionalAttribute(xml, "OrganisationUnit", role.organisationUnit);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            if (!membership.tags.isEmpty()) {
                start(xml, "Tags");
                for (const QString &tag : membership.tags) {
                    start(xml, "Tag");
                    attribute(xml, "Label", tag);
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement(); // Organisations
        xml.writeEndElement(); // Member
    }
    xml.writeEndDocument();
    return encodedDocument(body);
}

HttpResponse CardskipperSimulator::memberExport(const HttpRequest &request,
                                                const SimAccount &account) const
{
    const Expected<SearchCriteria, QString> parsed =
        parseSearchCriteria(request.body, m_options.strict);
    if (!parsed)
        return badRequest(parsed.error());
    const SearchCriteria &criteria = parsed.value();

    QList<qint64> readable;
    for (qint64 id : account.organisationIds) {
        if (m_organisations.contains(id))
            readable.append(id);
    }
    QList<qint64> searched = readable;
    if (criteria.organisationId) {
        if (!readable.contains(*criteria.organisationId)) {
            if (m_options.unknownOrganisation == UnknownOrganisation::Forbidden)
                return htmlPage(403, "403 - Forbidden: Access is denied.");
            return HttpResponse::withBody(200, exportDocument({}, {}), m_options.contentType);
        }
        searched = {*criteria.organisationId};
    }

    const QDate today = m_clock->today();
    QList<SimMember> found;
    for (const SimMember &member : m_members) {
        if (matches(member, criteria, searched, today, m_options))
            found.append(member);
    }
    return HttpResponse::withBody(
        200, exportDocument(found, m_options.includeOtherOrganisations ? readable : searched),
        m_options.contentType);
}

HttpResponse CardskipperSimulator::importMembers(const HttpRequest &request,
                                                 const SimAccount &account)
{
    const Expected<QList<ImportedMember>, QString> parsed =
        parseMemberImport(request.body, m_options.strict);
    if (!parsed)
        return badRequest(parsed.error());
    const QList<ImportedMember> &imports = parsed.value();

    // Everything is checked before anything changes, so a rejected import changes nothing.
    for (const ImportedMember &imported : std::as_const(imports)) {
        const SimMember &member = imported.member;
        const bool known = m_members.contains(member.organisationMemberId);
        if (m_options.strict && !known && !member.hasContactInfo())
            return badRequest(QStringLiteral("Member %1 needs CellPhone1 or EMail.")
                                  .arg(member.organisationMemberId));
        for (const SimMembership &membership : member.organisations) {
            if (!account.organisationIds.contains(membership.organisationId) ||
                !m_organisations.contains(membership.organisationId))
                return htmlPage(403, "403 - Forbidden: Access is denied.");
            const QList<SimRoleInfo> roles = m_organisations.value(membership.organisationId).roles;
            for (const SimRole &role : membership.roles) {
                if (std::none_of(roles.cbegin(), roles.cend(),
                                 [&](const SimRoleInfo &info) { return info.id == role.id; }))
                    return badRequest(QStringLiteral("Role %1 does not exist in organisation %2.")
                                          .arg(role.id)
                                          .arg(membership.organisationId));
            }
        }
    }
    for (const ImportedMember &imported : std::as_const(imports)) {
        const qint64 number = imported.member.organisationMemberId;
        SimMember &member = m_members[number];
        if (member.organisationMemberId == 0) {
            member.organisationMemberId = number;
            member.memberId = 900000 + number;
            member.userId = 700000 + number;
        }
        mergeImportedMember(member, imported);
        member.lastChanged = m_clock->now();
    }

    QByteArray body;
    QXmlStreamWriter out(&body);
    startRoot(out, m_options.namespaceDeclarations);
    start(out, "Result");
    attribute(out, "Imported", qint64(imports.size()));
    out.writeEndDocument();
    return xmlResponse(body);
}

HttpResponse CardskipperSimulator::organisationInfo(const SimAccount &account) const
{
    QByteArray body;
    QXmlStreamWriter xml(&body);
    startRoot(xml, m_options.namespaceDeclarations);
    start(xml, "Organisations");
    for (const SimOrganisation &organisation : m_organisations) {
        if (!account.organisationIds.contains(organisation.id))
            continue;
        start(xml, "Organisation");
        attribute(xml, "Id", organisation.id);
        attribute(xml, "Name", organisation.name);
        start(xml, "Roles");
        for (const SimRoleInfo &role : organisation.roles) {
            start(xml, "Role");
            attribute(xml, "Id", role.id);
            attribute(xml, "Name", role.name);
            optionalAttribute(xml, "Description", role.description);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        start(xml, "InformationTypes");
        for (const SimInformationType &type : organisation.informationTypes) {
            start(xml, "InformationType");
            attribute(xml, "Id", type.id);
            attribute(xml, "Name", type.name);
            attribute(xml, "OrganisationId", organisation.id);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        if (!organisation.childIds.isEmpty()) {
            start(xml, "Children");
            for (qint64 childId : organisation.childIds) {
                start(xml, "CardskipperOrganisationChildren");
                attribute(xml, "Id", childId);
                attribute(xml, "Name", m_organisations.value(childId).name);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (!organisation.units.isEmpty()) {
            start(xml, "OrganisationUnits");
            for (const SimOrganisationUnit &unit : organisation.units) {
                start(xml, "OrganisationUnit");
                attribute(xml, "Id", unit.id);
                attribute(xml, "Value", unit.value);
                attribute(xml, "OrganisationId", organisation.id);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    return xmlResponse(body);
}

HttpResponse CardskipperSimulator::countries(const HttpRequest &request) const
{
    const bool swedish = wantsSwedish(request);
    QByteArray body;
    QXmlStreamWriter xml(&body);
    startRoot(xml, m_options.namespaceDeclarations);
    start(xml, "Countries");
    for (const Country &country : kCountries) {
        start(xml, "Country");
        attribute(xml, "Id", country.id);
        attribute(xml, "Code", QLatin1String(country.code));
        attribute(xml, "Shortname", QLatin1String(country.shortName));
        attribute(xml, "Iso", country.iso);
        attribute(xml, "Localname", QString::fromUtf8(country.localName));
        attribute(xml, "Name", QString::fromUtf8(swedish ? country.swedish : country.english));
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    return xmlResponse(body);
}

HttpResponse CardskipperSimulator::genders(const HttpRequest &request) const
{
    const bool swedish = wantsSwedish(request);
    QByteArray body;
    QXmlStreamWriter xml(&body);
    startRoot(xml, m_options.namespaceDeclarations);
    start(xml, "Genders");
    for (const Gender &gender : kGenders) {
        start(xml, "Gender");
        attribute(xml, "Id", gender.id);
        attribute(xml, "Code", QLatin1String(gender.code));
        attribute(xml, "Name", QString::fromUtf8(swedish ? gender.swedish : gender.english));
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    return xmlResponse(body);
}

} // namespace cis::sim
