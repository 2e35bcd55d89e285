#include "MemberXmlParser.h"

#include "CardskipperLogging.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <functional>
#include <optional>
#include <vector>

namespace cis::MemberXmlParser {

namespace {

// Deeper than any Cardskipper document nests; a guard against hostile input.
constexpr int kMaxDepth = 64;

QString tr(const char *text)
{
    return QCoreApplication::translate("MemberXmlParser", text);
}

// One element of a member or organisation record: small enough to hold whole, so that every
// field can be looked up as an attribute first and as a same-named child element second.
struct Node
{
    QString name;
    QXmlStreamAttributes attributes;
    QString text;
    std::vector<Node> children;

    const Node *child(QLatin1String childName) const
    {
        for (const Node &node : children) {
            if (node.name == childName)
                return &node;
        }
        return nullptr;
    }

    QString field(QLatin1String fieldName) const
    {
        for (const QXmlStreamAttribute &attribute : attributes) {
            if (attribute.name() == fieldName)
                return attribute.value().toString().trimmed();
        }
        if (const Node *node = child(fieldName))
            return node->text.trimmed();
        return {};
    }

    template<typename Visit> void forEach(QLatin1String childName, Visit visit) const
    {
        for (const Node &node : children) {
            if (node.name == childName)
                visit(node);
        }
    }
};

CardskipperError malformed(const QXmlStreamReader &reader, const QString &detail = {})
{
    CardskipperError error;
    error.kind = CardskipperError::Kind::MalformedResponse;
    error.line = reader.lineNumber();
    error.column = reader.columnNumber();
    error.detail = detail.isEmpty() ? reader.errorString() : detail;
    return error;
}

CardskipperError unexpected(const QString &detail)
{
    CardskipperError error;
    error.kind = CardskipperError::Kind::UnexpectedResponse;
    error.detail = detail;
    return error;
}

// Reads the element the reader stands on, with everything inside it, without recursion.
// Returns false (reader error set or depth exceeded) when the document is broken.
bool readNode(QXmlStreamReader &reader, int depth, Node &root, QString *failure)
{
    std::vector<Node *> stack;
    root.name = reader.name().toString();
    root.attributes = reader.attributes();
    stack.push_back(&root);
    while (!stack.empty()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (depth + int(stack.size()) > kMaxDepth) {
                *failure = tr("elements nested deeper than %1 levels").arg(kMaxDepth);
                return false;
            }
            Node &parent = *stack.back();
            parent.children.push_back(
                Node{reader.name().toString(), reader.attributes(), QString(), {}});
            stack.push_back(&parent.children.back());
            break;
        }
        case QXmlStreamReader::EndElement:
            stack.pop_back();
            break;
        case QXmlStreamReader::Characters:
            stack.back()->text += reader.text();
            break;
        case QXmlStreamReader::EntityReference:
            *failure = tr("an undeclared entity reference &%1;").arg(reader.name());
            return false;
        case QXmlStreamReader::Invalid:
            return false;
        default:
            break;
        }
    }
    return true;
}

bool parseBool(const QString &text)
{
    return text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 ||
           text == QLatin1String("1");
}

std::optional<Member> memberFrom(const Node &node, qint64 organisationId, QStringList *warnings)
{
    bool ok = false;
    const QString numberText = node.field(QLatin1String("OrganisationMemberId"));
    const qint64 number = numberText.toLongLong(&ok);
    if (!ok || number <= 0) {
        if (warnings) {
            warnings->append(tr("A member (%1 %2) has no valid member number (\"%3\") and was "
                                "left out.")
                                 .arg(node.field(QLatin1String("Firstname")),
                                      node.field(QLatin1String("Lastname")), numberText));
        }
        return std::nullopt;
    }
    Member member;
    member.key = {organisationId, number};
    member.firstName = node.field(QLatin1String("Firstname"));
    member.lastName = node.field(QLatin1String("Lastname"));
    member.birthDate = parseDate(node.field(QLatin1String("Birthdate")));
    member.inactive = parseBool(node.field(QLatin1String("Inactive")));
    if (const Node *contact = node.child(QLatin1String("ContactInfo"))) {
        member.email = contact->field(QLatin1String("EMail"));
        member.cellPhone1 = contact->field(QLatin1String("CellPhone1"));
        member.cellPhone2 = contact->field(QLatin1String("CellPhone2"));
    }
    if (const Node *organisations = node.child(QLatin1String("Organisations"))) {
        organisations->forEach(QLatin1String("Organisation"), [&](const Node &organisation) {
            bool idOk = false;
            const qint64 id = organisation.field(QLatin1String("Id")).toLongLong(&idOk);
            if (!idOk)
                return;
            if (const Node *roles = organisation.child(QLatin1String("Roles"))) {
                roles->forEach(QLatin1String("Role"), [&](const Node &roleNode) {
                    RolePeriod role;
                    role.organisationId = id;
                    role.roleId = roleNode.field(QLatin1String("Id")).toLongLong();
                    role.start = parseDate(roleNode.field(QLatin1String("StartDate")));
                    role.end = parseDate(roleNode.field(QLatin1String("EndDate")));
                    role.type = roleNode.field(QLatin1String("Type"));
                    role.organisationUnit = roleNode.field(QLatin1String("OrganisationUnit"));
                    if (!role.start.isValid() || !role.end.isValid()) {
                        if (warnings) {
                            warnings->append(
                                tr("Member %1 (%2): role %3 has an unreadable period (\"%4\" to "
                                   "\"%5\") and was ignored.")
                                    .arg(number)
                                    .arg(member.displayName())
                                    .arg(role.roleId)
                                    .arg(roleNode.field(QLatin1String("StartDate")),
                                         roleNode.field(QLatin1String("EndDate"))));
                        }
                        return;
                    }
                    member.roles.append(role);
                });
            }
            if (id == organisationId) {
                if (const Node *tags = organisation.child(QLatin1String("Tags"))) {
                    tags->forEach(QLatin1String("Tag"), [&](const Node &tag) {
                        const QString label = tag.field(QLatin1String("Label"));
                        if (!label.isEmpty())
                            member.tags.append(label);
                    });
                }
            }
        });
    }
    return member;
}

OrganisationInfo organisationFrom(const Node &node)
{
    OrganisationInfo organisation;
    organisation.id = node.field(QLatin1String("Id")).toLongLong();
    organisation.name = node.field(QLatin1String("Name"));
    if (const Node *roles = node.child(QLatin1String("Roles"))) {
        roles->forEach(QLatin1String("Role"), [&](const Node &role) {
            organisation.roles.append({role.field(QLatin1String("Id")).toLongLong(),
                                       role.field(QLatin1String("Name")),
                                       role.field(QLatin1String("Description"))});
        });
    }
    if (const Node *children = node.child(QLatin1String("Children"))) {
        for (const Node &child : children->children) {
            OrganisationInfo info;
            info.id = child.field(QLatin1String("Id")).toLongLong();
            info.name = child.field(QLatin1String("Name"));
            if (info.id > 0)
                organisation.children.append(info);
        }
    }
    return organisation;
}

// Walks a Cardskipper document: root, then the list element at depth 2, handing every item
// element inside it to onItem as a Node. Returns an error for anything that is not such a
// document.
std::optional<CardskipperError> walk(const QByteArray &body, QLatin1String listName,
                                     QLatin1String itemName,
                                     const std::function<void(const Node &)> &onItem)
{
    if (body.trimmed().isEmpty())
        return unexpected(tr("the answer was empty"));
    QXmlStreamReader reader(body);
    int depth = 0;
    bool sawRoot = false;
    bool sawList = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::DTD) {
            // Entity declarations are how "billion laughs" documents explode; a real answer
            // never carries a DTD.
            return malformed(reader, tr("document type declarations are not accepted"));
        }
        if (token == QXmlStreamReader::EntityReference)
            return malformed(reader, tr("an undeclared entity reference &%1;").arg(reader.name()));
        if (token == QXmlStreamReader::EndElement) {
            --depth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ++depth;
        if (depth == 1) {
            if (reader.name() != QLatin1String("Cardskipper")) {
                return unexpected(tr("the document's root element is <%1>, not <Cardskipper>")
                                      .arg(reader.name()));
            }
            sawRoot = true;
        } else if (depth == 2 && reader.name() == listName) {
            sawList = true;
        } else if (depth == 3 && sawList && reader.name() == itemName) {
            Node node;
            QString failure;
            if (!readNode(reader, depth, node, &failure))
                return malformed(reader, failure);
            --depth; // readNode consumed the end element
            onItem(node);
        } else if (depth > kMaxDepth) {
            return malformed(reader, tr("elements nested deeper than %1 levels").arg(kMaxDepth));
        } else {
            reader.skipCurrentElement();
            --depth;
        }
    }
    if (reader.hasError())
        return malformed(reader);
    if (!sawRoot)
        return unexpected(tr("the answer holds no XML element"));
    if (!sawList)
        return unexpected(tr("the <Cardskipper> document has no <%1> element").arg(listName));
    return std::nullopt;
}

bool digitsAt(QStringView text, qsizetype from, qsizetype count)
{
    if (from + count > text.size())
        return false;
    for (qsizetype i = from; i < from + count; ++i) {
        if (!text.at(i).isDigit())
            return false;
    }
    return true;
}

} // namespace

Expected<QList<Member>, CardskipperError> parseMembers(const QByteArray &body,
                                                       qint64 organisationId)
{
    return parseMembers(body, organisationId, nullptr);
}

Expected<QList<Member>, CardskipperError> parseMembers(const QByteArray &body,
                                                       qint64 organisationId, QStringList *warnings)
{
    QList<Member> members;
    const auto error =
        walk(body, QLatin1String("Members"), QLatin1String("Member"), [&](const Node &node) {
            if (auto member = memberFrom(node, organisationId, warnings))
                members.append(std::move(*member));
        });
    if (error)
        return *error;
    return members;
}

Expected<QList<OrganisationInfo>, CardskipperError> parseOrganisations(const QByteArray &body)
{
    QList<OrganisationInfo> organisations;
    const auto error =
        walk(body, QLatin1String("Organisations"), QLatin1String("Organisation"),
             [&](const Node &node) { organisations.append(organisationFrom(node)); });
    if (error)
        return *error;
    return organisations;
}

QDate parseDate(QStringView text)
{
    text = text.trimmed();
    // yyyy-MM-dd
    if (text.size() < 10 || !digitsAt(text, 0, 4) || text.at(4) != u'-' || !digitsAt(text, 5, 2) ||
        text.at(7) != u'-' || !digitsAt(text, 8, 2))
        return {};
    const QDate date(text.left(4).toInt(), text.mid(5, 2).toInt(), text.mid(8, 2).toInt());
    if (text.size() == 10)
        return date;
    // Thh:mm:ss[.f{1,7}][Z|±hh:mm]
    if (text.size() < 19 || (text.at(10) != u'T' && text.at(10) != u' ') ||
        !digitsAt(text, 11, 2) || text.at(13) != u':' || !digitsAt(text, 14, 2) ||
        text.at(16) != u':' || !digitsAt(text, 17, 2))
        return {};
    if (!QTime(text.mid(11, 2).toInt(), text.mid(14, 2).toInt(), text.mid(17, 2).toInt()).isValid())
        return {};
    qsizetype position = 19;
    if (position < text.size() && text.at(position) == u'.') {
        qsizetype digits = 0;
        while (position + 1 + digits < text.size() && text.at(position + 1 + digits).isDigit())
            ++digits;
        if (digits < 1 || digits > 7)
            return {};
        position += 1 + digits;
    }
    const QStringView zone = text.mid(position);
    if (zone.isEmpty() || zone == u"Z")
        return date;
    if (zone.size() == 6 && (zone.at(0) == u'+' || zone.at(0) == u'-') && digitsAt(zone, 1, 2) &&
        zone.at(3) == u':' && digitsAt(zone, 4, 2))
        return date;
    return {};
}

} // namespace cis::MemberXmlParser
