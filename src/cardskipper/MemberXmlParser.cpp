// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "MemberXmlParser.h"

#include "CardskipperLogging.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QXmlStreamReader>
#include <algorithm>
#include <array>
#include <optional>

// The translation context of this file's messages, the same for lupdate and at run time.
struct MemberXmlParserTexts
{
    Q_DECLARE_TR_FUNCTIONS(MemberXmlParserTexts)
};

namespace cis::MemberXmlParser {

namespace {

using Token = QXmlStreamReader::TokenType;

// Cardskipper documents nest about eight levels. The limit only stops hostile or broken input;
// QXmlStreamReader itself keeps its tag stack on the heap, so depth alone cannot crash us.
constexpr int kMaxDepth = 256;
// Enough to show the pattern in the log when every member has the same problem.
constexpr qsizetype kMaxLoggedWarnings = 20;

CardskipperError unexpected(const QString &detail)
{
    CardskipperError error;
    error.kind = CardskipperError::Kind::UnexpectedResponse;
    error.detail = detail;
    return error;
}

// The values of a fixed set of fields of one element. Each is read from the attribute of that
// name or, when the attribute is absent, from a child element of that name: the documents
// carry attributes, but nothing published proves that every field is one.
template<std::size_t N> class Fields
{
public:
    explicit Fields(const std::array<QLatin1String, N> &names)
        : m_names(names)
    {}

    void readAttributes(const QXmlStreamReader &xml)
    {
        const QXmlStreamAttributes attributes = xml.attributes();
        for (const QXmlStreamAttribute &attribute : attributes) {
            const int i = indexOf(attribute.name());
            if (i >= 0)
                m_values[std::size_t(i)] = attribute.value().toString();
        }
    }

    // Whether the element the reader stands on names one of the fields; if so it is consumed.
    template<typename Reader> bool readChild(Reader &reader)
    {
        const int i = indexOf(reader.name());
        if (i < 0)
            return false;
        QString text = reader.readText();
        if (!m_values[std::size_t(i)]) // the attribute wins
            m_values[std::size_t(i)] = std::move(text);
        return true;
    }

    QString text(std::size_t i) const { return m_values[i] ? m_values[i]->trimmed() : QString(); }

private:
    int indexOf(QStringView name) const
    {
        for (std::size_t i = 0; i < N; ++i) {
            if (name == m_names[i])
                return int(i);
        }
        return -1;
    }

    const std::array<QLatin1String, N> &m_names;
    std::array<std::optional<QString>, N> m_values{};
};

// QXmlStreamReader with the checks every Cardskipper document gets: no DTD, no unresolved
// entities, bounded depth, and the first failure kept as a CardskipperError. It reads text, not
// bytes, so that the encoding an XML declaration names cannot overrule the one decided here.
class Reader
{
public:
    explicit Reader(const QString &text)
        : m_xml(text)
    {}

    const QXmlStreamReader &xml() const { return m_xml; }
    QStringView name() const { return m_xml.name(); }
    bool failed() const { return m_error.has_value(); }
    const CardskipperError &error() const { return *m_error; }

    // The next start or end element; false at the end of the document or on failure.
    bool nextElement()
    {
        for (;;) {
            switch (advance()) {
            case Token::StartElement:
            case Token::EndElement:
                return true;
            case Token::EndDocument:
            case Token::Invalid:
                return false;
            default:
                break;
            }
        }
    }

    // Calls visit() on each child element of the element the reader stands on, with the reader
    // on the child's start tag. Whatever visit() does not consume is skipped, so unknown
    // elements need no code and are never recursed into.
    template<typename Visit> void forEachChild(Visit &&visit)
    {
        const int depth = m_depth;
        while (nextElement()) {
            if (m_xml.isEndElement())
                return; // our own end tag: children are always consumed whole
            visit();
            while (m_depth > depth && nextElement()) {
            }
        }
    }

    // The character data directly inside the element the reader stands on, which is consumed.
    QString readText()
    {
        QString text;
        const int depth = m_depth;
        for (;;) {
            switch (advance()) {
            case Token::Characters:
                if (m_depth == depth)
                    text += m_xml.text();
                break;
            case Token::EndElement:
                if (m_depth < depth)
                    return text;
                break;
            case Token::EndDocument:
            case Token::Invalid:
                return text;
            default:
                break;
            }
        }
    }

    // Reads past the root element, so that a truncated or trailing-garbage document fails.
    void finish()
    {
        while (!m_finished && !failed())
            advance();
    }

    void failMalformed(const QString &detail)
    {
        CardskipperError error;
        error.kind = CardskipperError::Kind::MalformedResponse;
        error.line = m_xml.lineNumber();
        error.column = m_xml.columnNumber();
        error.detail = detail;
        m_error = error;
    }

private:
    Token advance()
    {
        if (failed() || m_finished)
            return Token::Invalid;
        const Token token = m_xml.readNext();
        switch (token) {
        case Token::StartElement:
            if (++m_depth > kMaxDepth) {
                failMalformed(MemberXmlParserTexts::tr("elements are nested deeper than %1 levels")
                                  .arg(kMaxDepth));
                return Token::Invalid;
            }
            break;
        case Token::EndElement:
            --m_depth;
            break;
        case Token::EndDocument:
            m_finished = true;
            break;
        case Token::DTD:
            // Internal entity declarations are what "billion laughs" documents expand, and an
            // external subset could point anywhere. Stopping here means neither is ever used.
            if (m_xml.dtdName().compare(QLatin1String("html"), Qt::CaseInsensitive) == 0)
                m_error = unexpected(MemberXmlParserTexts::tr("the answer is an HTML page"));
            else
                failMalformed(
                    MemberXmlParserTexts::tr("document type declarations are not accepted"));
            return Token::Invalid;
        case Token::EntityReference:
            failMalformed(MemberXmlParserTexts::tr("the entity reference &%1; cannot be resolved")
                              .arg(m_xml.name()));
            return Token::Invalid;
        case Token::Invalid:
            failMalformed(m_xml.hasError() ? m_xml.errorString()
                                           : MemberXmlParserTexts::tr("unreadable XML"));
            return Token::Invalid;
        default:
            break;
        }
        return token;
    }

    QXmlStreamReader m_xml;
    std::optional<CardskipperError> m_error;
    int m_depth = 0;
    bool m_finished = false;
};

// Positive, because 0 is what an absent id defaults to everywhere else.
std::optional<qint64> parseId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

std::optional<bool> parseBool(const QString &text)
{
    if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || text == QLatin1String("1"))
        return true;
    if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 ||
        text == QLatin1String("0"))
        return false;
    return std::nullopt;
}

bool digitsAt(QStringView text, qsizetype from, qsizetype count)
{
    if (from + count > text.size())
        return false;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

int numberAt(QStringView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i)
        value = value * 10 + (text.at(i).unicode() - u'0');
    return value;
}

// Z, or ±hh:mm; the whole of text must be the zone.
bool isZone(QStringView zone)
{
    if (zone == u"Z")
        return true;
    return zone.size() == 6 && (zone.at(0) == u'+' || zone.at(0) == u'-') && digitsAt(zone, 1, 2) &&
           zone.at(3) == u':' && digitsAt(zone, 4, 2) && numberAt(zone, 1, 2) <= 14 &&
           numberAt(zone, 4, 2) <= 59;
}

const std::array<QLatin1String, 5> kMemberFields{
    QLatin1String("OrganisationMemberId"), QLatin1String("Firstname"), QLatin1String("Lastname"),
    QLatin1String("Birthdate"), QLatin1String("Inactive")};
enum MemberField : std::size_t
{
    MemberNumber,
    MemberFirstname,
    MemberLastname,
    MemberBirthdate,
    MemberInactive
};

const std::array<QLatin1String, 3> kContactFields{
    QLatin1String("EMail"), QLatin1String("CellPhone1"), QLatin1String("CellPhone2")};
enum ContactField : std::size_t
{
    ContactEmail,
    ContactCellPhone1,
    ContactCellPhone2
};

const std::array<QLatin1String, 1> kIdField{QLatin1String("Id")};
const std::array<QLatin1String, 2> kIdNameFields{QLatin1String("Id"), QLatin1String("Name")};
const std::array<QLatin1String, 3> kRoleInfoFields{QLatin1String("Id"), QLatin1String("Name"),
                                                   QLatin1String("Description")};
const std::array<QLatin1String, 1> kTagFields{QLatin1String("Label")};

const std::array<QLatin1String, 5> kRoleFields{QLatin1String("Id"), QLatin1String("StartDate"),
                                               QLatin1String("EndDate"), QLatin1String("Type"),
                                               QLatin1String("OrganisationUnit")};
enum RoleField : std::size_t
{
    RoleId,
    RoleStart,
    RoleEnd,
    RoleType,
    RoleUnit
};

class MembersParser
{
public:
    MembersParser(Reader &reader, qint64 organisationId)
        : m_reader(reader)
        , m_organisationId(organisationId)
    {}

    QList<Member> members;
    QStringList warnings;

    // The reader stands on <Members>.
    void readMembers()
    {
        m_reader.forEachChild([this] {
            if (m_reader.name() == QLatin1String("Member"))
                readMember();
        });
    }

private:
    void readMember()
    {
        const qint64 line = m_reader.xml().lineNumber();
        Fields fields(kMemberFields);
        fields.readAttributes(m_reader.xml());
        Fields contact(kContactFields);
        Member member;
        QStringList problems;
        m_reader.forEachChild([&] {
            if (fields.readChild(m_reader))
                return;
            const QStringView name = m_reader.name();
            if (name == QLatin1String("ContactInfo")) {
                contact.readAttributes(m_reader.xml());
                m_reader.forEachChild([&] { contact.readChild(m_reader); });
            } else if (name == QLatin1String("Organisations")) {
                m_reader.forEachChild([&] {
                    if (m_reader.name() == QLatin1String("Organisation"))
                        readOrganisation(member, problems);
                });
            }
        });
        if (m_reader.failed())
            return;

        const QString numberText = fields.text(MemberNumber);
        const std::optional<qint64> number = parseId(numberText);
        member.firstName = fields.text(MemberFirstname);
        member.lastName = fields.text(MemberLastname);
        if (!number) {
            // Without its number a member has no key; guessing one could open the wrong door.
            const QString name =
                QStringList{member.firstName, member.lastName}.join(QLatin1Char(' ')).trimmed();
            warnings.append(MemberXmlParserTexts::tr(
                                "The member \"%1\" at line %2 has no usable OrganisationMemberId "
                                "(\"%3\") and was left out.")
                                .arg(name, QString::number(line), numberText));
            return;
        }
        member.key = {m_organisationId, *number};

        const QString birthdate = fields.text(MemberBirthdate);
        member.birthDate = parseDate(birthdate);
        if (!birthdate.isEmpty() && !member.birthDate.isValid())
            problems.append(
                MemberXmlParserTexts::tr("the Birthdate \"%1\" is unreadable").arg(birthdate));

        const QString inactive = fields.text(MemberInactive);
        if (!inactive.isEmpty()) {
            const std::optional<bool> value = parseBool(inactive);
            if (value)
                member.inactive = *value;
            else
                problems.append(MemberXmlParserTexts::tr(
                                    "Inactive=\"%1\" is neither true nor false; taken as false")
                                    .arg(inactive));
        }

        member.email = contact.text(ContactEmail);
        member.cellPhone1 = contact.text(ContactCellPhone1);
        member.cellPhone2 = contact.text(ContactCellPhone2);

        for (const QString &problem : std::as_const(problems))
            warnings.append(
                MemberXmlParserTexts::tr("Member %1: %2.").arg(QString::number(*number), problem));
        if (m_seen.contains(*number)) {
            warnings.append(
                MemberXmlParserTexts::tr(
                    "Member %1 appears more than once in the answer; every copy is kept.")
                    .arg(*number));
        }
        m_seen.insert(*number);
        members.append(std::move(member));
    }

    // Roles are only known to belong to the organisation once its Id is read, which may be a
    // child element after them.
    void readOrganisation(Member &member, QStringList &problems)
    {
        Fields fields(kIdField);
        fields.readAttributes(m_reader.xml());
        QList<RolePeriod> roles;
        QStringList tags;
        m_reader.forEachChild([&] {
            if (fields.readChild(m_reader))
                return;
            const QStringView name = m_reader.name();
            if (name == QLatin1String("Roles")) {
                m_reader.forEachChild([&] {
                    if (m_reader.name() == QLatin1String("Role"))
                        readRole(roles, problems);
                });
            } else if (name == QLatin1String("Tags")) {
                m_reader.forEachChild([&] {
                    if (m_reader.name() != QLatin1String("Tag"))
                        return;
                    Fields tag(kTagFields);
                    tag.readAttributes(m_reader.xml());
                    m_reader.forEachChild([&] { tag.readChild(m_reader); });
                    const QString label = tag.text(0);
                    if (!label.isEmpty())
                        tags.append(label);
                });
            }
        });
        if (m_reader.failed())
            return;

        const std::optional<qint64> id = parseId(fields.text(0));
        if (!id) {
            if (!roles.isEmpty()) {
                problems.append(MemberXmlParserTexts::tr(
                                    "an organisation without a usable Id (\"%1\") lists %2 "
                                    "role(s), which were ignored")
                                    .arg(fields.text(0), QString::number(roles.size())));
            }
            return;
        }
        for (RolePeriod &role : roles) {
            role.organisationId = *id;
            member.roles.append(std::move(role));
        }
        // Member has one list of tags, and a label means something only in the organisation
        // that set it: keep those of the organisation the export was made for.
        if (*id == m_organisationId) {
            for (const QString &tag : std::as_const(tags)) {
                if (!member.tags.contains(tag))
                    member.tags.append(tag);
            }
        }
    }

    void readRole(QList<RolePeriod> &roles, QStringList &problems)
    {
        Fields fields(kRoleFields);
        fields.readAttributes(m_reader.xml());
        m_reader.forEachChild([&] { fields.readChild(m_reader); });
        if (m_reader.failed())
            return;

        const QString idText = fields.text(RoleId);
        const std::optional<qint64> id = parseId(idText);
        if (!id) {
            problems.append(
                MemberXmlParserTexts::tr("a role without a usable Id (\"%1\") was ignored")
                    .arg(idText));
            return;
        }
        RolePeriod role;
        role.roleId = *id;
        const QString start = fields.text(RoleStart);
        const QString end = fields.text(RoleEnd);
        role.start = parseDate(start);
        role.end = parseDate(end);
        if (!role.start.isValid() || !role.end.isValid()) {
            // A period we cannot read must not be guessed: dropping it can at worst withhold
            // access, a guess could grant it.
            problems.append(MemberXmlParserTexts::tr(
                                "role %1 has an unreadable period (StartDate \"%2\", EndDate "
                                "\"%3\") and was ignored")
                                .arg(QString::number(*id), start, end));
            return;
        }
        role.type = fields.text(RoleType);
        role.organisationUnit = fields.text(RoleUnit);
        roles.append(role);
    }

    Reader &m_reader;
    qint64 m_organisationId = 0;
    QSet<qint64> m_seen;
};

class OrganisationsParser
{
public:
    explicit OrganisationsParser(Reader &reader)
        : m_reader(reader)
    {}

    QList<OrganisationInfo> organisations;
    QStringList warnings;

    // The reader stands on <Organisations>.
    void readOrganisations()
    {
        m_reader.forEachChild([this] {
            if (m_reader.name() == QLatin1String("Organisation"))
                readOrganisation();
        });
    }

private:
    void readOrganisation()
    {
        const qint64 line = m_reader.xml().lineNumber();
        Fields fields(kIdNameFields);
        fields.readAttributes(m_reader.xml());
        OrganisationInfo organisation;
        m_reader.forEachChild([&] {
            if (fields.readChild(m_reader))
                return;
            const QStringView name = m_reader.name();
            if (name == QLatin1String("Roles")) {
                m_reader.forEachChild([&] {
                    if (m_reader.name() == QLatin1String("Role"))
                        readRole(organisation);
                });
            } else if (name == QLatin1String("Children")) {
                m_reader.forEachChild([&] {
                    const QStringView child = m_reader.name();
                    if (child == QLatin1String("CardskipperOrganisationChildren") ||
                        child == QLatin1String("OrganisationChildren") ||
                        child == QLatin1String("Organisation"))
                        readChild(organisation);
                });
            }
        });
        if (m_reader.failed())
            return;
        const std::optional<qint64> id = parseId(fields.text(0));
        organisation.name = fields.text(1);
        if (!id) {
            warnings.append(MemberXmlParserTexts::tr(
                                "The organisation \"%1\" at line %2 has no usable Id (\"%3\") and "
                                "was left out.")
                                .arg(organisation.name, QString::number(line), fields.text(0)));
            return;
        }
        organisation.id = *id;
        organisations.append(std::move(organisation));
    }

    void readRole(OrganisationInfo &organisation)
    {
        Fields fields(kRoleInfoFields);
        fields.readAttributes(m_reader.xml());
        m_reader.forEachChild([&] { fields.readChild(m_reader); });
        const std::optional<qint64> id = parseId(fields.text(0));
        if (!id) {
            warnings.append(
                MemberXmlParserTexts::tr("A role \"%1\" without a usable Id (\"%2\") was left out.")
                    .arg(fields.text(1), fields.text(0)));
            return;
        }
        organisation.roles.append({*id, fields.text(1), fields.text(2)});
    }

    void readChild(OrganisationInfo &organisation)
    {
        Fields fields(kIdNameFields);
        fields.readAttributes(m_reader.xml());
        m_reader.forEachChild([&] { fields.readChild(m_reader); });
        const std::optional<qint64> id = parseId(fields.text(0));
        if (!id) {
            warnings.append(MemberXmlParserTexts::tr(
                                "A sub-organisation \"%1\" without a usable Id (\"%2\") was left "
                                "out.")
                                .arg(fields.text(1), fields.text(0)));
            return;
        }
        OrganisationInfo child;
        child.id = *id;
        child.name = fields.text(1);
        organisation.children.append(child);
    }

    Reader &m_reader;
};

// An answer's text and what deciding its encoding had to report.
struct DocumentText
{
    QString text;
    QStringList warnings;
};

CardskipperError malformedAt(const QString &text, qsizetype index, const QString &detail)
{
    CardskipperError error;
    error.kind = CardskipperError::Kind::MalformedResponse;
    const QStringView before = QStringView(text).left(index);
    error.line = before.count(u'\n') + 1;
    error.column = index - before.lastIndexOf(u'\n');
    error.detail = detail;
    return error;
}

// The charset parameter of a Content-Type value, unquoted; empty when there is none.
QByteArray charsetOf(QByteArrayView contentType)
{
    const QList<QByteArray> parts = contentType.toByteArray().split(';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray parameter = parts.at(i).trimmed();
        const qsizetype equals = parameter.indexOf('=');
        if (equals < 0 ||
            parameter.left(equals).trimmed().compare("charset", Qt::CaseInsensitive) != 0)
            continue;
        QByteArray value = parameter.mid(equals + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2).trimmed();
        return value;
    }
    return {};
}

struct ByteOrderMark
{
    QStringConverter::Encoding encoding;
    qsizetype length;
};

std::optional<ByteOrderMark> byteOrderMarkOf(const QByteArray &body)
{
    // UTF-32LE first: its mark begins with UTF-16LE's, and no XML document starts with U+0000.
    if (body.startsWith(QByteArrayView("\xFF\xFE\0\0", 4)))
        return ByteOrderMark{QStringConverter::Utf32LE, 4};
    if (body.startsWith(QByteArrayView("\0\0\xFE\xFF", 4)))
        return ByteOrderMark{QStringConverter::Utf32BE, 4};
    if (body.startsWith("\xEF\xBB\xBF"))
        return ByteOrderMark{QStringConverter::Utf8, 3};
    if (body.startsWith("\xFF\xFE"))
        return ByteOrderMark{QStringConverter::Utf16LE, 2};
    if (body.startsWith("\xFE\xFF"))
        return ByteOrderMark{QStringConverter::Utf16BE, 2};
    return std::nullopt;
}

// An XML document begins with '<' or white space, all ASCII, so in UTF-16 one of its first two
// bytes is NUL and in UTF-32 three of the first four. Bytes that start otherwise cannot be
// either, whatever names them so.
bool startsAsciiCompatible(const QByteArray &body)
{
    return body.size() >= 2 && body.at(0) != '\0' && body.at(1) != '\0';
}

// Which of UTF-16 and UTF-32 encoding is, in the byte order the document's first character
// shows (big-endian when it shows none, as RFC 2781 says); nullopt for every other encoding.
std::optional<QStringConverter::Encoding> wideEncoding(QStringConverter::Encoding encoding,
                                                       const QByteArray &body)
{
    const bool littleEndian = !body.isEmpty() && body.at(0) != '\0';
    switch (encoding) {
    case QStringConverter::Utf16:
        return littleEndian ? QStringConverter::Utf16LE : QStringConverter::Utf16BE;
    case QStringConverter::Utf32:
        return littleEndian ? QStringConverter::Utf32LE : QStringConverter::Utf32BE;
    case QStringConverter::Utf16LE:
    case QStringConverter::Utf16BE:
    case QStringConverter::Utf32LE:
    case QStringConverter::Utf32BE:
        return encoding;
    default:
        return std::nullopt;
    }
}

// XML 1.0 Appendix F: without a mark, a UTF-16 or UTF-32 document still shows itself by how
// its first character, '<', is laid out.
std::optional<QStringConverter::Encoding> unmarkedWideEncoding(const QByteArray &body)
{
    if (body.startsWith(QByteArrayView("<\0?\0", 4)))
        return QStringConverter::Utf16LE;
    if (body.startsWith(QByteArrayView("\0<\0?", 4)))
        return QStringConverter::Utf16BE;
    if (body.startsWith(QByteArrayView("<\0\0\0", 4)))
        return QStringConverter::Utf32LE;
    if (body.startsWith(QByteArrayView("\0\0\0<", 4)))
        return QStringConverter::Utf32BE;
    return std::nullopt;
}

// The encoding named by the XML declaration these ASCII-compatible bytes begin with; empty
// when there is none.
QByteArray declaredEncoding(const QByteArray &body)
{
    if (!body.startsWith("<?xml") || body.size() < 6 || !QChar::isSpace(uchar(body.at(5))))
        return {};
    const qsizetype end = body.indexOf("?>");
    if (end < 0)
        return {};
    static const QRegularExpression encoding(
        QStringLiteral("\\sencoding\\s*=\\s*([\"'])([A-Za-z][A-Za-z0-9._-]*)\\1"));
    const QRegularExpressionMatch match =
        encoding.match(QString::fromLatin1(body.constData(), end));
    return match.hasMatch() ? match.captured(2).toLatin1() : QByteArray();
}

// The bytes as text in that encoding; bytes it cannot decode make the answer damaged.
Expected<DocumentText, CardskipperError> decodeAs(QByteArrayView bytes, const char *encoding)
{
    // Qt's UTF-16 and UTF-32 decoders turn a cut-off last character into U+FFFD without
    // calling it an error, so whole code units are decoded and a remainder is the error.
    qsizetype unit = 1;
    switch (QStringConverter::encodingForName(encoding).value_or(QStringConverter::Utf8)) {
    case QStringConverter::Utf16:
    case QStringConverter::Utf16LE:
    case QStringConverter::Utf16BE:
        unit = 2;
        break;
    case QStringConverter::Utf32:
    case QStringConverter::Utf32LE:
    case QStringConverter::Utf32BE:
        unit = 4;
        break;
    default:
        break;
    }
    const QByteArrayView whole = bytes.first(bytes.size() - bytes.size() % unit);
    QStringDecoder decoder(encoding, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(whole);
    qsizetype bad = whole.size() < bytes.size() ? text.size() : -1;
    if (decoder.hasError()) {
        // Decoded again with NUL for what is invalid, the first place the two differ is the
        // first bad byte (a NUL in the document itself reads the same both times).
        QStringDecoder marking(encoding, QStringDecoder::Flag::Stateless |
                                             QStringDecoder::Flag::ConvertInvalidToNull);
        const QString marked = marking.decode(whole);
        bad = 0;
        while (bad < text.size() && bad < marked.size() && text.at(bad) == marked.at(bad))
            ++bad;
    } else if (bad < 0) {
        // UTF-16 decoders pass unpaired surrogates through; no character could become one.
        for (qsizetype i = 0; i < text.size() && bad < 0; ++i) {
            const QChar c = text.at(i);
            if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
                ++i;
            else if (c.isSurrogate())
                bad = i;
        }
    }
    if (bad >= 0) {
        return malformedAt(text, bad,
                           MemberXmlParserTexts::tr("the answer is not valid %1 text")
                               .arg(QString::fromLatin1(decoder.name())));
    }
    return DocumentText{std::move(text), {}};
}

Expected<DocumentText, CardskipperError> decodeAs(QByteArrayView bytes,
                                                  QStringConverter::Encoding encoding)
{
    return decodeAs(bytes, QStringConverter::nameForEncoding(encoding));
}

bool isLegacySingleByteCharset(const QByteArray &name)
{
    static const QList<QByteArray> names{"iso-8859-1", "iso8859-1",    "latin1", "latin-1",    "l1",
                                         "us-ascii",   "windows-1252", "cp1252", "iso-8859-15"};
    return names.contains(name.trimmed().toLower());
}

enum class NamedBy
{
    Header,
    Declaration
};

// The body in the encoding a Content-Type charset or an XML declaration names.
Expected<DocumentText, CardskipperError> decodeNamed(const QByteArray &body, const QByteArray &name,
                                                     NamedBy namedBy)
{
    const QString shownName = QString::fromLatin1(name);
    const std::optional<QStringConverter::Encoding> builtIn =
        QStringConverter::encodingForName(name.constData());
    // "System" and "Locale" would mean this computer's encoding, which says nothing about the
    // answer.
    const QStringDecoder decoder =
        builtIn == QStringConverter::System ? QStringDecoder() : QStringDecoder(name.constData());
    if (!decoder.isValid()) {
        // Cardskipper documents UTF-8, and text in most other encodings is not valid UTF-8 by
        // chance: read so, the answer is very likely right; otherwise it cannot be read.
        auto text = decodeAs(body, QStringConverter::Utf8);
        if (!text) {
            return unexpected(
                namedBy == NamedBy::Header
                    ? MemberXmlParserTexts::tr("the answer's charset \"%1\" is not supported")
                          .arg(shownName)
                    : MemberXmlParserTexts::tr("the answer's XML declaration names the encoding "
                                               "\"%1\", which is not supported")
                          .arg(shownName));
        }
        text.value().warnings.append(
            namedBy == NamedBy::Header
                ? MemberXmlParserTexts::tr(
                      "The answer's charset \"%1\" is not supported; it was read as UTF-8.")
                      .arg(shownName)
                : MemberXmlParserTexts::tr("The answer's XML declaration names the encoding "
                                           "\"%1\", which is not supported; it was read as UTF-8.")
                      .arg(shownName));
        return text;
    }
    if (namedBy == NamedBy::Header && isLegacySingleByteCharset(name)) {
        // Cardskipper documents UTF-8. Valid UTF-8 with non-ASCII in it under a Latin-1 or
        // Windows-1252 header is far likelier a wrong header than Latin-1 text that happens to
        // form UTF-8 sequences; taken at its word it would turn "Åsa" into "Ã…sa" silently.
        const bool nonAscii =
            std::any_of(body.cbegin(), body.cend(), [](char c) { return uchar(c) >= 0x80; });
        if (nonAscii) {
            auto text = decodeAs(body, QStringConverter::Utf8);
            if (text) {
                text.value().warnings.append(
                    MemberXmlParserTexts::tr("The answer's header says charset \"%1\", but its "
                                             "bytes are UTF-8; they were read as UTF-8.")
                        .arg(shownName));
                return text;
            }
        }
    }
    const std::optional<QStringConverter::Encoding> wide = wideEncoding(
        QStringConverter::encodingForName(decoder.name()).value_or(QStringConverter::System), body);
    if (!wide)
        return decodeAs(body, decoder.name());
    if (!startsAsciiCompatible(body))
        return decodeAs(body, *wide);
    // UTF-16 or UTF-32 named for bytes that cannot be either. A .NET service that serialises to
    // a string declares utf-16 and then sends UTF-8; taken at its word, no such answer could
    // ever be read.
    auto text = decodeAs(body, QStringConverter::Utf8);
    if (text && namedBy == NamedBy::Header) {
        text.value().warnings.append(
            MemberXmlParserTexts::tr("The answer's header says charset \"%1\", but its bytes "
                                     "are not in that encoding; they were read as UTF-8.")
                .arg(shownName));
    }
    return text;
}

// The answer's text, its encoding decided as RFC 7303 says: a byte-order mark, else the
// Content-Type charset, else what XML 1.0 says for a document on its own (a UTF-16 or UTF-32
// layout, else the declaration, else UTF-8). Decoding here rather than in QXmlStreamReader is
// what keeps the declaration from overruling the header.
Expected<DocumentText, CardskipperError> documentText(const QByteArray &body,
                                                      QByteArrayView contentType)
{
    if (const std::optional<ByteOrderMark> mark = byteOrderMarkOf(body))
        return decodeAs(QByteArrayView(body).sliced(mark->length), mark->encoding);
    const QByteArray charset = charsetOf(contentType);
    if (!charset.isEmpty())
        return decodeNamed(body, charset, NamedBy::Header);
    if (const std::optional<QStringConverter::Encoding> wide = unmarkedWideEncoding(body))
        return decodeAs(body, *wide);
    const QByteArray declared = declaredEncoding(body);
    if (!declared.isEmpty())
        return decodeNamed(body, declared, NamedBy::Declaration);
    return decodeAs(body, QStringConverter::Utf8);
}

// XML 1.0 cannot carry most C0 control characters, raw or as a character reference, so one
// such character in one member's name would make the whole export unreadable and stop every
// sync. They are replaced by U+FFFD before parsing and reported by member afterwards.
bool isXmlChar(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

int digitValue(char16_t c, bool hex)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (hex && c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (hex && c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

QString replaceCharactersXmlCannotCarry(const QString &text, int *replaced)
{
    QString out;
    *replaced = 0;
    qsizetype copiedUpTo = 0;
    const auto replaceRange = [&](qsizetype from, qsizetype to) {
        if (out.isNull())
            out.reserve(text.size());
        out.append(QStringView(text).mid(copiedUpTo, from - copiedUpTo));
        out.append(QChar::ReplacementCharacter);
        copiedUpTo = to;
        ++*replaced;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if ((c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) || c == 0xFFFE || c == 0xFFFF) {
            replaceRange(i, i + 1);
            continue;
        }
        if (c != u'&' || i + 2 >= text.size() || text.at(i + 1) != u'#')
            continue;
        const bool hex = text.at(i + 2) == u'x';
        const qsizetype digits = i + (hex ? 3 : 2);
        qsizetype end = digits;
        quint64 value = 0;
        while (end < text.size() && end - digits < 9) {
            const int digit = digitValue(text.at(end).unicode(), hex);
            if (digit < 0)
                break;
            value = value * (hex ? 16 : 10) + quint64(digit);
            ++end;
        }
        if (end == digits || end >= text.size() || text.at(end) != u';')
            continue; // not a character reference; the parser judges it
        if (value > 0x10FFFF || !isXmlChar(char32_t(value)))
            replaceRange(i, end + 1);
    }
    if (*replaced == 0)
        return text;
    out.append(QStringView(text).mid(copiedUpTo));
    return out;
}

// Moves the reader onto the root element. Otherwise returns the error.
std::optional<CardskipperError> startDocument(Reader &reader, const QString &text)
{
    // Unexpected rather than damaged: nothing was cut off, there is nothing at all.
    if (text.trimmed().isEmpty())
        return unexpected(MemberXmlParserTexts::tr("the answer is empty"));
    if (reader.nextElement())
        return std::nullopt;
    // HTML error pages are rarely well-formed XML, and their doctype is not XML's; saying what
    // they are helps more than the line where XML gave up.
    const QString start = text.trimmed().left(14).toLower();
    if (start.startsWith(QLatin1String("<!doctype html")) ||
        start.startsWith(QLatin1String("<html")))
        return unexpected(MemberXmlParserTexts::tr("the answer is an HTML page"));
    if (!reader.failed())
        reader.failMalformed(MemberXmlParserTexts::tr("the answer holds no XML element"));
    return reader.error();
}

void logWarnings(const QStringList &warnings)
{
    for (qsizetype i = 0; i < warnings.size() && i < kMaxLoggedWarnings; ++i)
        qCWarning(lcCardskipper).noquote() << warnings.at(i);
    if (warnings.size() > kMaxLoggedWarnings) {
        qCWarning(lcCardskipper).noquote()
            << MemberXmlParserTexts::tr("... and %1 more problems of that kind.")
                   .arg(warnings.size() - kMaxLoggedWarnings);
    }
}

} // namespace

Expected<QList<Member>, CardskipperError>
parseMembers(const QByteArray &body, qint64 organisationId, QByteArrayView contentType)
{
    QStringList warnings;
    auto result = parseMembers(body, organisationId, &warnings, contentType);
    logWarnings(warnings);
    return result;
}

Expected<QList<Member>, CardskipperError> parseMembers(const QByteArray &body,
                                                       qint64 organisationId, QStringList *warnings,
                                                       QByteArrayView contentType)
{
    const auto decoded = documentText(body, contentType);
    if (!decoded)
        return decoded.error();
    int replaced = 0;
    const QString text = replaceCharactersXmlCannotCarry(decoded.value().text, &replaced);
    Reader reader(text);
    if (const auto error = startDocument(reader, text))
        return *error;
    if (reader.name() != QLatin1String("Cardskipper")) {
        return unexpected(MemberXmlParserTexts::tr("the root element is <%1>, not <Cardskipper>")
                              .arg(reader.xml().qualifiedName()));
    }

    MembersParser parser(reader, organisationId);
    bool sawMembers = false;
    QString otherChild;
    reader.forEachChild([&] {
        if (reader.name() == QLatin1String("Members")) {
            sawMembers = true;
            parser.readMembers();
        } else if (otherChild.isEmpty()) {
            otherChild = reader.xml().qualifiedName().toString();
        }
    });
    reader.finish();
    if (reader.failed())
        return reader.error();
    if (!sawMembers) {
        // An empty export is <Members/>; anything else is not "no members".
        return unexpected(
            otherChild.isEmpty()
                ? MemberXmlParserTexts::tr("the <Cardskipper> document has no <Members> element")
                : MemberXmlParserTexts::tr(
                      "the <Cardskipper> document has no <Members> element (it "
                      "holds <%1>)")
                      .arg(otherChild));
    }
    if (warnings) {
        warnings->append(decoded.value().warnings);
        warnings->append(parser.warnings);
        if (replaced > 0) {
            const QChar mark(0xFFFD);
            for (const Member &member : std::as_const(parser.members)) {
                const bool touched =
                    member.firstName.contains(mark) || member.lastName.contains(mark) ||
                    member.email.contains(mark) || member.tags.join(QString()).contains(mark);
                if (touched)
                    warnings->append(
                        MemberXmlParserTexts::tr(
                            "Member %1: the name, email or a tag held control characters that "
                            "cannot be sent on; they were replaced by \u201C\uFFFD\u201D. "
                            "Correct them in Cardskipper.")
                            .arg(member.key.organisationMemberId));
            }
        }
    }
    return std::move(parser.members);
}

Expected<QList<OrganisationInfo>, CardskipperError> parseOrganisations(const QByteArray &body,
                                                                       QByteArrayView contentType)
{
    QStringList warnings;
    auto result = parseOrganisations(body, &warnings, contentType);
    logWarnings(warnings);
    return result;
}

Expected<QList<OrganisationInfo>, CardskipperError>
parseOrganisations(const QByteArray &body, QStringList *warnings, QByteArrayView contentType)
{
    const auto decoded = documentText(body, contentType);
    if (!decoded)
        return decoded.error();
    const QString &text = decoded.value().text;
    Reader reader(text);
    if (const auto error = startDocument(reader, text))
        return *error;
    // The root of this answer is not documented (Cardskipper by analogy with the export), so
    // any root is accepted that holds <Organisations>, or is it. Only HTML is refused at once,
    // because error pages are often not well-formed and would otherwise read as damaged XML.
    if (reader.name().compare(QLatin1String("html"), Qt::CaseInsensitive) == 0)
        return unexpected(MemberXmlParserTexts::tr("the answer is an HTML page"));

    OrganisationsParser parser(reader);
    bool sawOrganisations = false;
    if (reader.name() == QLatin1String("Organisations")) {
        sawOrganisations = true;
        parser.readOrganisations();
    } else {
        reader.forEachChild([&] {
            if (reader.name() == QLatin1String("Organisations")) {
                sawOrganisations = true;
                parser.readOrganisations();
            }
        });
    }
    reader.finish();
    if (reader.failed())
        return reader.error();
    if (!sawOrganisations)
        return unexpected(MemberXmlParserTexts::tr("the document has no <Organisations> element"));
    if (warnings) {
        warnings->append(decoded.value().warnings);
        warnings->append(parser.warnings);
    }
    return std::move(parser.organisations);
}

QDate parseDate(QStringView text)
{
    text = text.trimmed();
    // YYYY-MM-DD
    if (text.size() < 10 || !digitsAt(text, 0, 4) || text.at(4) != u'-' || !digitsAt(text, 5, 2) ||
        text.at(7) != u'-' || !digitsAt(text, 8, 2))
        return {};
    const QDate date(numberAt(text, 0, 4), numberAt(text, 5, 2), numberAt(text, 8, 2));
    if (!date.isValid())
        return {};
    if (text.size() == 10 || isZone(text.mid(10)))
        return date;

    // Thh:mm:ss, optionally .f{1,7}, optionally a zone. The zone is read but not applied: the
    // date as written is the Swedish calendar day Cardskipper means.
    if (text.size() < 19 || text.at(10) != u'T' || !digitsAt(text, 11, 2) || text.at(13) != u':' ||
        !digitsAt(text, 14, 2) || text.at(16) != u':' || !digitsAt(text, 17, 2))
        return {};
    if (numberAt(text, 11, 2) > 23 || numberAt(text, 14, 2) > 59 || numberAt(text, 17, 2) > 59)
        return {};
    qsizetype position = 19;
    if (position < text.size() && text.at(position) == u'.') {
        qsizetype digits = 0;
        while (digitsAt(text, position + 1 + digits, 1))
            ++digits;
        if (digits < 1 || digits > 7)
            return {};
        position += 1 + digits;
    }
    if (position == text.size() || isZone(text.mid(position)))
        return date;
    return {};
}

} // namespace cis::MemberXmlParser
