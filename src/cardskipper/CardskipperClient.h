// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "CardskipperError.h"
#include "Expected.h"
#include "ExportCriteria.h"
#include "Member.h"

#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace cis {

struct CardskipperConfig
{
    QUrl baseUrl = QUrl(QStringLiteral("https://api.cardskipper.se"));
    QString username;
    QString password;
    QByteArray acceptLanguage = QByteArrayLiteral("sv-SE,sv;q=0.9,en;q=0.8");
    int timeoutMs = 60000;
};

// Talks to the Cardskipper External API. Asynchronous: each call returns at once and invokes
// its continuation exactly once, on this object's thread, unless the client is destroyed first.
class CardskipperClient : public QObject
{
    Q_OBJECT

public:
    using MembersResult = Expected<QList<Member>, CardskipperError>;
    using OrganisationsResult = Expected<QList<OrganisationInfo>, CardskipperError>;

    explicit CardskipperClient(CardskipperConfig config, QNetworkAccessManager *network = nullptr,
                               QObject *parent = nullptr);
    ~CardskipperClient() override;

    const CardskipperConfig &config() const { return m_config; }

    // GET /Organisation/Info/: the organisations and roles the account may see.
    void fetchOrganisations(std::function<void(OrganisationsResult)> done);
    // POST /Member/Export/.
    void exportMembers(const ExportCriteria &criteria, std::function<void(MembersResult)> done);

    struct ReplyBody
    {
        QByteArray body;
        QByteArray contentType; // its charset, if any, decides how the body is decoded
        QString call;
        QString host;
    };
    using BodyResult = Expected<ReplyBody, CardskipperError>;

private:
    QNetworkRequest makeRequest(const QString &path) const;
    void send(QNetworkReply *reply, const QString &call,
              std::function<void(const BodyResult &)> done);

    CardskipperConfig m_config;
    QNetworkAccessManager *m_network = nullptr;
    QSet<QNetworkReply *> m_pending;
};

} // namespace cis
