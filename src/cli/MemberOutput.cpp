// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "MemberOutput.h"

#include "Validity.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The translation context of this file's messages, the same for lupdate and at run time.
struct MemberOutputTexts
{
    Q_DECLARE_TR_FUNCTIONS(MemberOutputTexts)
};

namespace cis::MemberOutput {

namespace {

QString stateKey(MembershipState state)
{
    switch (state) {
    case MembershipState::Active:
        return QStringLiteral("active");
    case MembershipState::Upcoming:
        return QStringLiteral("upcoming");
    case MembershipState::Expired:
        return QStringLiteral("expired");
    case MembershipState::Inactive:
        return QStringLiteral("inactive");
    case MembershipState::None:
        return QStringLiteral("none");
    }
    return {};
}

QString isoDate(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString padded(const QString &text, qsizetype width)
{
    return text.leftJustified(width, QLatin1Char(' '));
}

} // namespace

QString stateName(int membershipState)
{
    switch (static_cast<MembershipState>(membershipState)) {
    case MembershipState::Active:
        return MemberOutputTexts::tr("active");
    case MembershipState::Upcoming:
        return MemberOutputTexts::tr("upcoming");
    case MembershipState::Expired:
        return MemberOutputTexts::tr("expired");
    case MembershipState::Inactive:
        return MemberOutputTexts::tr("inactive");
    case MembershipState::None:
        return MemberOutputTexts::tr("no membership");
    }
    return {};
}

QString table(const QList<Member> &members, qint64 organisationId, QDate today)
{
    const QStringList header{MemberOutputTexts::tr("Member no."), MemberOutputTexts::tr("Name"),
                             MemberOutputTexts::tr("Email"),      MemberOutputTexts::tr("Mobile"),
                             MemberOutputTexts::tr("Valid from"), MemberOutputTexts::tr("Valid to"),
                             MemberOutputTexts::tr("Status")};
    QList<QStringList> rows;
    rows.reserve(members.size());
    for (const Member &member : members) {
        const auto period = effectivePeriod(member.rolesIn(organisationId), today);
        rows.append({QString::number(member.key.organisationMemberId), member.displayName(),
                     member.email.isEmpty() ? MemberOutputTexts::tr("(none)") : member.email,
                     member.cellPhone1, period ? isoDate(period->start) : QString(),
                     period ? isoDate(period->end) : QString(),
                     stateName(int(membershipState(member, organisationId, today)))});
    }
    QList<qsizetype> widths;
    for (const QString &title : header)
        widths.append(title.size());
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = qMax(widths[column], row.at(column).size());
    }
    auto line = [&widths](const QStringList &cells) -> QString {
        QStringList out;
        for (qsizetype column = 0; column < cells.size(); ++column)
            out.append(column + 1 == cells.size() ? cells.at(column)
                                                  : padded(cells.at(column), widths[column]));
        return out.join(QStringLiteral("  ")) + QLatin1Char('\n');
    };
    QString text = line(header);
    for (const QStringList &row : rows)
        text += line(row);
    text += MemberOutputTexts::tr("Total: %1").arg(members.size()) + QLatin1Char('\n');
    return text;
}

QByteArray json(const QList<Member> &members, qint64 organisationId, QDate today)
{
    QJsonArray array;
    for (const Member &member : members) {
        QJsonArray roles;
        for (const RolePeriod &role : member.roles) {
            roles.append(QJsonObject{{QStringLiteral("organisationId"), role.organisationId},
                                     {QStringLiteral("roleId"), role.roleId},
                                     {QStringLiteral("start"), isoDate(role.start)},
                                     {QStringLiteral("end"), isoDate(role.end)}});
        }
        QJsonObject object{
            {QStringLiteral("organisationId"), member.key.organisationId},
            {QStringLiteral("memberNumber"), member.key.organisationMemberId},
            {QStringLiteral("firstName"), member.firstName},
            {QStringLiteral("lastName"), member.lastName},
            {QStringLiteral("email"), member.email},
            {QStringLiteral("cellPhone"), member.cellPhone1},
            {QStringLiteral("inactive"), member.inactive},
            {QStringLiteral("state"), stateKey(membershipState(member, organisationId, today))},
            {QStringLiteral("roles"), roles},
            {QStringLiteral("tags"), QJsonArray::fromStringList(member.tags)}};
        if (const auto period = effectivePeriod(member.rolesIn(organisationId), today)) {
            object.insert(QStringLiteral("validFrom"), isoDate(period->start));
            object.insert(QStringLiteral("validTo"), isoDate(period->end));
        }
        array.append(object);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace cis::MemberOutput
