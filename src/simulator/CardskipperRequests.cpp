// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperRequests.h"

#include <QXmlStreamReader>
#include <array>

namespace cis::sim {

std::optional<QDateTime> parseCardskipperDateTime(const QString &text)
{
    const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (dateTime.isValid())
        return dateTime;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid())
        return date.startOfDay();
    return std::nullopt;
}

QString normalisedPhone(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit() || (c == u'+' && digits.isEmpty()))
            digits += c;
    }
    if (digits.startsWith(QLatin1String("+46")))
        return u'0' + digits.mid(3);
    if (digits.startsWith(QLatin1String("0046")))
        return u'0' + digits.mid(4);
    return digits;
}

namespace {

// S1's table order; the XSD behind S2 most likely makes it an xs:sequence (document §2.4).
enum Criterion
{
    MemberId,
    OrganisationId,
    RoleId,
    UserId,
    OrganisationMemberId,
    Birthdate,
    Firstname,
    Lastname,
    Cellphone,
    TagContains,
    OrganisationUnit,
    HasUserDevice,
    OnlyActive,
    ChangedAt,
    CriterionCount,
};

constexpr std::array<const char *, CriterionCount> kCriterionNames{
    "MemberId",         "OrganisationId", "RoleId",     "UserId",    "OrganisationMemberId",
    "Birthdate",        "Firstname",      "Lastname",   "Cellphone", "TagContains",
    "OrganisationUnit", "HasUserDevice",  "OnlyActive", "ChangedAt"};

std::optional<bool> parseBool(const QString &text, bool strict)
{
    const Qt::CaseSensitivity cs = strict ? Qt::CaseSensitive : Qt::CaseInsensitive;
    if (text.compare(QLatin1String("true"), cs) == 0 || text == QLatin1String("1"))
        return true;
    if (text.compare(QLatin1String("false"), cs) == 0 || text == QLatin1String("0"))
        return false;
    return std::nullopt;
}

int criterionIndex(QStringView name, bool strict)
{
    for (int i = 0; i < CriterionCount; ++i) {
        if (name.compare(QLatin1String(kCriterionNames[std::size_t(i)]),
                         strict ? Qt::CaseSensitive : Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

QString assignCriterion(SearchCriteria &criteria, int index, const QString &value, bool strict)
{
    bool ok = true;
    const auto number = [&] { return value.toLongLong(&ok); };
    const auto flag = [&] {
        const std::optional<bool> parsed = parseBool(value, strict);
        ok = parsed.has_value();
        return parsed.value_or(false);
    };
    const auto moment = [&] {
        const std::optional<QDateTime> parsed = parseCardskipperDateTime(value);
        ok = parsed.has_value();
        return parsed.value_or(QDateTime());
    };
    switch (index) {
    case MemberId:
        criteria.memberId = number();
        break;
    case OrganisationId:
        criteria.organisationId = number();
        break;
    case RoleId:
        criteria.roleId = number();
        break;
    case UserId:
        criteria.userId = number();
        break;
    case OrganisationMemberId:
        criteria.organisationMemberId = number();
        break;
    case Birthdate:
        criteria.birthdate = moment().date();
        break;
    case Firstname:
        criteria.firstname = value;
        break;
    case Lastname:
        criteria.lastname = value;
        break;
    case Cellphone:
        criteria.cellphone = value;
        break;
    case TagContains:
        criteria.tagContains = value;
        break;
    case OrganisationUnit:
        criteria.organisationUnit = value;
        break;
    case HasUserDevice:
        criteria.hasUserDevice = flag();
        break;
    case OnlyActive:
        criteria.onlyActive = flag();
        break;
    case ChangedAt:
        criteria.changedAt = moment();
        break;
    default:
        break;
    }
    if (ok)
        return {};
    return QStringLiteral("%1 has the invalid value \"%2\".")
        .arg(QLatin1String(kCriterionNames[std::size_t(index)]), value);
}

QString xmlProblem(const QXmlStreamReader &xml)
{
    return QStringLiteral("The request body is not well-formed XML (line %1): %2")
        .arg(xml.lineNumber())
        .arg(xml.errorString());
}

QString readCriteria(QXmlStreamReader &xml, bool strict, SearchCriteria &criteria)
{
    int previous = -1;
    while (xml.readNextStartElement()) {
        const QString name = xml.name().toString();
        const int index = criterionIndex(name, strict);
        const bool hasValue = xml.attributes().hasAttribute(QLatin1String("value"));
        const QString attributeValue = xml.attributes().value(QLatin1String("value")).toString();
        const QString text = xml.readElementText(strict ? QXmlStreamReader::ErrorOnUnexpectedElement
                                                        : QXmlStreamReader::SkipChildElements)
                                 .trimmed();
        if (xml.hasError())
            return xmlProblem(xml);
        if (index < 0) {
            if (strict)
                return QStringLiteral("Unknown search criterion %1.").arg(name);
            continue;
        }
        QString value = attributeValue;
        if (strict) {
            if (!text.isEmpty())
                return QStringLiteral("%1 carries its value as element text; expected "
                                      "<%1 value=\"...\"/>.")
                    .arg(name);
            if (!hasValue)
                return QStringLiteral("%1 has no value attribute.").arg(name);
            if (value.isEmpty())
                return QStringLiteral("%1 has an empty value; leave out criteria without one.")
                    .arg(name);
            if (index <= previous)
                return QStringLiteral("%1 is out of order or repeated; the schema's sequence is "
                                      "MemberId, OrganisationId, RoleId, UserId, "
                                      "OrganisationMemberId, Birthdate, Firstname, Lastname, "
                                      "Cellphone, TagContains, OrganisationUnit, HasUserDevice, "
                                      "OnlyActive, ChangedAt.")
                    .arg(name);
            previous = index;
        } else {
            if (value.trimmed().isEmpty())
                value = text;
            if (value.trimmed().isEmpty())
                continue;
        }
        const QString problem = assignCriterion(criteria, index, value.trimmed(), strict);
        if (!problem.isEmpty())
            return problem;
    }
    return xml.hasError() ? xmlProblem(xml) : QString();
}

} // namespace

Expected<SearchCriteria, QString> parseSearchCriteria(const QByteArray &body, bool strict)
{
    QXmlStreamReader xml(body);
    SearchCriteria criteria;
    bool found = false;
    if (!xml.readNextStartElement()) {
        return xml.hasError() ? xmlProblem(xml)
                              : QStringLiteral("The request body holds no XML document.");
    }
    if (xml.name() == QLatin1String("Cardskipper")) {
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("SearchCriteriaMember") && !found) {
                const QString problem = readCriteria(xml, strict, criteria);
                if (!problem.isEmpty())
                    return problem;
                found = true;
            } else if (strict) {
                return QStringLiteral("Unexpected element %1 in Cardskipper.")
                    .arg(xml.name().toString());
            } else {
                xml.skipCurrentElement();
            }
        }
    } else if (!strict && xml.name() == QLatin1String("SearchCriteriaMember")) {
        const QString problem = readCriteria(xml, strict, criteria);
        if (!problem.isEmpty())
            return problem;
        found = true;
    } else {
        return QStringLiteral("The root element must be Cardskipper, not %1.")
            .arg(xml.name().toString());
    }
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        return xmlProblem(xml);
    if (!found)
        return QStringLiteral("SearchCriteriaMember is missing.");
    if (strict && !criteria.organisationId)
        return QStringLiteral("OrganisationId must be specified.");
    return criteria;
}

namespace {

QString text(const QXmlStreamAttributes &attributes, const char *name)
{
    return attributes.value(QLatin1String(name)).toString().trimmed();
}

QString readRole(QXmlStreamReader &xml, SimRole &role)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    bool ok = false;
    role.id = text(attributes, "Id").toLongLong(&ok);
    const std::optional<QDateTime> start = parseCardskipperDateTime(text(attributes, "StartDate"));
    const std::optional<QDateTime> end = parseCardskipperDateTime(text(attributes, "EndDate"));
    if (!ok || !start || !end)
        return QStringLiteral("Role needs a numeric Id, a StartDate and an EndDate.");
    role.start = start->date();
    role.end = end->date();
    role.type = text(attributes, "Type");
    role.organisationUnit = text(attributes, "OrganisationUnit");
    xml.skipCurrentElement();
    return {};
}

QString readOrganisation(QXmlStreamReader &xml, ImportedMember &imported)
{
    SimMembership membership;
    bool ok = false;
    membership.organisationId = text(xml.attributes(), "Id").toLongLong(&ok);
    if (!ok)
        return QStringLiteral("Organisation needs a numeric Id.");
    if (parseBool(text(xml.attributes(), "ClearTags"), false).value_or(false))
        imported.clearTags.append(membership.organisationId);
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("Roles")) {
            while (xml.readNextStartElement()) {
                SimRole role;
                const QString problem = readRole(xml, role);
                if (!problem.isEmpty())
                    return problem;
                membership.roles.append(role);
            }
        } else if (xml.name() == QLatin1String("Tags")) {
            while (xml.readNextStartElement()) {
                const QString label = text(xml.attributes(), "Label");
                if (!label.isEmpty())
                    membership.tags.append(label);
                xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    imported.member.organisations.append(membership);
    return {};
}

QString readImportedMember(QXmlStreamReader &xml, bool strict, ImportedMember &imported)
{
    SimMember &member = imported.member;
    const QXmlStreamAttributes attributes = xml.attributes();
    bool ok = false;
    member.organisationMemberId = text(attributes, "OrganisationMemberId").toLongLong(&ok);
    if (!ok)
        return QStringLiteral("Member needs a numeric OrganisationMemberId.");
    member.firstName = text(attributes, "Firstname");
    member.lastName = text(attributes, "Lastname");
    member.birthDate =
        parseCardskipperDateTime(text(attributes, "Birthdate")).value_or(QDateTime()).date();
    if (strict &&
        (member.firstName.isEmpty() || member.lastName.isEmpty() || !member.birthDate.isValid()))
        return QStringLiteral("Member %1 needs Firstname, Lastname and Birthdate.")
            .arg(member.organisationMemberId);
    member.birthNumber = text(attributes, "Birthnumber");
    member.genderCode = text(attributes, "GenderCode");
    imported.hasInactive = attributes.hasAttribute(QLatin1String("Inactive"));
    member.inactive = parseBool(text(attributes, "Inactive"), false).value_or(false);
    while (xml.readNextStartElement()) {
        const QXmlStreamAttributes parts = xml.attributes();
        if (xml.name() == QLatin1String("Address")) {
            imported.hasAddress = true;
            member.addressLine1 = text(parts, "Line1");
            member.addressLine2 = text(parts, "Line2");
            member.zip = text(parts, "Zip");
            member.city = text(parts, "City");
            xml.skipCurrentElement();
        } else if (xml.name() == QLatin1String("ContactInfo")) {
            imported.hasContactInfo = true;
            member.cellPhone1 = text(parts, "CellPhone1");
            member.cellPhone2 = text(parts, "CellPhone2");
            member.email = text(parts, "EMail");
            xml.skipCurrentElement();
        } else if (xml.name() == QLatin1String("Organisations")) {
            while (xml.readNextStartElement()) {
                const QString problem = readOrganisation(xml, imported);
                if (!problem.isEmpty())
                    return problem;
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    return {};
}

} // namespace

void mergeImportedMember(SimMember &existing, const ImportedMember &imported)
{
    const SimMember &update = imported.member;
    if (!update.firstName.isEmpty())
        existing.firstName = update.firstName;
    if (!update.lastName.isEmpty())
        existing.lastName = update.lastName;
    if (update.birthDate.isValid())
        existing.birthDate = update.birthDate;
    if (!update.birthNumber.isEmpty())
        existing.birthNumber = update.birthNumber;
    if (!update.genderCode.isEmpty())
        existing.genderCode = update.genderCode;
    if (imported.hasInactive)
        existing.inactive = update.inactive;
    if (imported.hasAddress) {
        existing.addressLine1 = update.addressLine1;
        existing.addressLine2 = update.addressLine2;
        existing.zip = update.zip;
        existing.city = update.city;
    }
    if (imported.hasContactInfo) {
        existing.cellPhone1 = update.cellPhone1;
        existing.cellPhone2 = update.cellPhone2;
        existing.email = update.email;
    }
    for (const SimMembership &incoming : update.organisations) {
        SimMembership *own = existing.membership(incoming.organisationId);
        if (!own) {
            existing.organisations.append({incoming.organisationId, {}, {}});
            own = &existing.organisations.last();
        }
        // A role id names one membership kind; importing it again replaces its periods.
        for (const SimRole &role : incoming.roles)
            own->roles.removeIf([&](const SimRole &old) { return old.id == role.id; });
        own->roles.append(incoming.roles);
        if (imported.clearTags.contains(incoming.organisationId))
            own->tags.clear();
        for (const QString &tag : incoming.tags) {
            if (!own->tags.contains(tag))
                own->tags.append(tag);
        }
    }
}

Expected<QList<ImportedMember>, QString> parseMemberImport(const QByteArray &body, bool strict)
{
    QXmlStreamReader xml(body);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("Cardskipper"))
        return xml.hasError() ? xmlProblem(xml)
                              : QStringLiteral("The root element must be Cardskipper.");
    QList<ImportedMember> imports;
    while (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("Members")) {
            xml.skipCurrentElement();
            continue;
        }
        while (xml.readNextStartElement()) {
            if (xml.name() != QLatin1String("Member")) {
                xml.skipCurrentElement();
                continue;
            }
            ImportedMember imported;
            const QString problem = readImportedMember(xml, strict, imported);
            if (!problem.isEmpty())
                return problem;
            imports.append(imported);
        }
    }
    while (!xml.atEnd())
        xml.readNext();
    if (xml.hasError())
        return xmlProblem(xml);
    return imports;
}

} // namespace cis::sim
