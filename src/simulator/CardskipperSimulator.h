// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "CardskipperModel.h"
#include "Clock.h"
#include "FaultInjector.h"
#include "HttpServer.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QUrl>
#include <functional>
#include <optional>

namespace cis::sim {

// A loopback Cardskipper API built from the protocol document (§8 "Recommended simulator
// contract"), never from our client, so that the two cannot share a misreading. Where the
// document marks behaviour unknown, Options make each plausible answer available; the
// defaults are the document's best guesses.
//
// Choices the document leaves open, made here and to be confirmed against the real API:
// - Credentials are checked before routing: a bad password gets 401 even on unknown paths.
//   Unknown paths get 404, a known path with the wrong method 405, a missing grant 403, all
//   as short text/html pages the way IIS words them.
// - A rejected export request gets 400 with <Error><Message>why</Message></Error>, the shape
//   ASP.NET Web API gives when XML is negotiated.
// - The export lists every role the member holds in the searched organisation, expired ones
//   included, even with OnlyActive; members are in member-number order; MemberId and UserId
//   are searchable but not exported; a deleted member simply disappears, also from ChangedAt
//   results, while an inactivated one appears with Inactive="true".
// - ChangedAt without a zone is local time, and only members changed strictly after it come
//   back. A date alone means its midnight.
// - Without OrganisationId (lenient mode only) every organisation the account may read is
//   searched.
// - The Basedata lists (a few countries and three genders, Swedish names for
//   Accept-Language sv) and the Import answer (<Result Imported="n"/>) are the simulator's
//   own invention: nothing about them is known.
class CardskipperSimulator : public QObject
{
    Q_OBJECT

public:
    enum class DateStyle
    {
        DateTime, // 2025-10-01T00:00:00, what an xs:dateTime from .NET looks like
        DateOnly, // 2025-10-01
    };
    // An organisation the account may not read, or that does not exist.
    enum class UnknownOrganisation
    {
        Forbidden, // 403
        EmptyList, // 200 with <Members/>
    };
    enum class EmptyListStyle
    {
        SelfClosing,
        StartAndEndTag
    };
    // How the XML answers are encoded. The document says only "UTF8"; the other two are what
    // an ASP.NET service plausibly sends.
    enum class BodyEncoding
    {
        Utf8,              // UTF-8 under encoding="utf-8"
        Utf8DeclaredUtf16, // UTF-8 under encoding="utf-16": .NET serialised to a string first
        Utf16WithBom,      // UTF-16LE with a byte-order mark under encoding="utf-16"
    };

    struct Options
    {
        // Rejects with 400 what the document says a valid request never contains: element text
        // for values, no Cardskipper root, value="", unknown or out-of-order criteria, no
        // OrganisationId. Lenient mode accepts all of those.
        bool strict = true;
        bool challengeOnBadCredentials = true; // WWW-Authenticate: Basic realm="Cardskipper"
        UnknownOrganisation unknownOrganisation = UnknownOrganisation::Forbidden;
        bool onlyActiveIncludesFutureRoles = false;
        int onlyActiveGraceDays = 0; // an ended role still counts as active this many days
        DateStyle dateStyle = DateStyle::DateTime;
        bool namespaceDeclarations = true; // xmlns:xsd and xmlns:xsi on the root
        EmptyListStyle emptyList = EmptyListStyle::SelfClosing;
        bool includeBirthnumber = false;
        // Also list a member's roles in the other organisations the account may read.
        bool includeOtherOrganisations = false;
        BodyEncoding bodyEncoding = BodyEncoding::Utf8;
        // Of the XML answers; set apart from bodyEncoding, so that every header can go with
        // every encoding ("application/xml; charset=utf-16", or no charset at all).
        QByteArray contentType = "application/xml; charset=utf-8";
    };

    // A null clock means the system clock. The clock must outlive the simulator.
    explicit CardskipperSimulator(const Clock *clock = nullptr, QObject *parent = nullptr);
    ~CardskipperSimulator() override;

    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.port(); }
    QUrl baseUrl() const { return m_server.baseUrl(); }
    HttpServer &server() { return m_server; }
    FaultInjector &faults() { return m_faults; }
    Options &options() { return m_options; }
    const Options &options() const { return m_options; }

    // Organisations and the demo account are there from the start; members only once loaded.
    void loadDemoData(int memberCount = 120, quint32 seed = 1);
    void setOrganisations(const QList<SimOrganisation> &organisations);
    QList<SimOrganisation> organisations() const { return m_organisations.values(); }
    // Adds or replaces the account of that username.
    void setAccount(const SimAccount &account);
    void removeAccount(const QString &username);
    bool setGrants(const QString &username, const QList<CardskipperRoute> &grants);
    std::optional<SimAccount> account(const QString &username) const;

    // Replaces all members and keeps their lastChanged.
    void setMembers(const QList<SimMember> &members);
    QList<SimMember> members() const { return m_members.values(); }
    std::optional<SimMember> member(qint64 organisationMemberId) const;
    int memberCount() const { return int(m_members.size()); }

    // Test hooks. Each stamps the member's lastChanged with the clock's now and returns false
    // when there is no such member (or, for the membership ones, no role).
    void addMember(SimMember member);
    bool editMember(qint64 organisationMemberId, const std::function<void(SimMember &)> &edit);
    // Set the EndDate of the role that ends last, in any organisation.
    bool extendMembership(qint64 organisationMemberId, QDate newEnd);
    bool shortenMembership(qint64 organisationMemberId, QDate newEnd);
    // Ends every running role yesterday and drops roles that had not started.
    bool expireMember(qint64 organisationMemberId);
    bool inactivateMember(qint64 organisationMemberId, bool inactive = true);
    // Gone without a trace, as far as anyone knows a deletion looks (document §4.6).
    bool removeMember(qint64 organisationMemberId);
    // An empty email removes it.
    bool changeEmail(qint64 organisationMemberId, const QString &email);

    // The latest 1000 requests, oldest first, including their Authorization headers.
    QList<HttpRequest> receivedRequests() const { return m_received; }
    void clearReceivedRequests() { m_received.clear(); }
    int failedAuthCount() const { return m_failedAuthCount; }

    // The export document for these members as the options say, each with the roles of the
    // given organisations. Public so determinism can be checked without a socket.
    QByteArray exportDocument(const QList<SimMember> &members,
                              const QList<qint64> &organisationIds) const;

signals:
    void requestReceived(const QString &method, const QString &path);

private:
    void handle(const HttpRequest &request, HttpResponder &responder);
    HttpResponse answer(const HttpRequest &request);
    HttpResponse organisationInfo(const SimAccount &account) const;
    HttpResponse memberExport(const HttpRequest &request, const SimAccount &account) const;
    HttpResponse importMembers(const HttpRequest &request, const SimAccount &account);
    HttpResponse countries(const HttpRequest &request) const;
    HttpResponse genders(const HttpRequest &request) const;
    HttpResponse xmlResponse(const QByteArray &body) const;
    // The XML declaration and body (UTF-8, as QXmlStreamWriter writes it) as bodyEncoding says.
    QByteArray encodedDocument(const QByteArray &body) const;
    bool setLatestRoleEnd(qint64 organisationMemberId, QDate newEnd);

    const Clock *m_clock;
    HttpServer m_server;
    FaultInjector m_faults;
    Options m_options;
    QMap<qint64, SimOrganisation> m_organisations;
    QMap<QString, SimAccount> m_accounts;
    QMap<qint64, SimMember> m_members;
    QList<HttpRequest> m_received;
    int m_failedAuthCount = 0;
};

} // namespace cis::sim
