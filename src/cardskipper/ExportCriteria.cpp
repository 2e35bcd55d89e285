// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "ExportCriteria.h"

#include <QXmlStreamWriter>

namespace cis {

namespace {

// Characters XML 1.0 cannot carry even escaped; QXmlStreamWriter would write them anyway and
// the server would reject the whole request.
bool isXmlChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x20)
        return u == u'\t' || u == u'\n' || u == u'\r';
    return u != 0xFFFE && u != 0xFFFF;
}

QString cleaned(const QString &text)
{
    QString result = text.trimmed();
    result.removeIf([](QChar c) { return !isXmlChar(c); });
    return result;
}

class CriteriaWriter
{
public:
    explicit CriteriaWriter(QByteArray *out)
        : m_xml(out)
    {}

    QXmlStreamWriter &xml() { return m_xml; }

    // The guide forbids empty values, so an empty text means "not sent".
    void text(const QString &name, const QString &value)
    {
        if (value.isEmpty())
            return;
        m_xml.writeEmptyElement(name);
        m_xml.writeAttribute(QStringLiteral("value"), value);
    }
    void number(const QString &name, const std::optional<qint64> &value)
    {
        if (value)
            text(name, QString::number(*value));
    }
    void boolean(const QString &name, const std::optional<bool> &value)
    {
        if (value)
            text(name, *value ? QStringLiteral("true") : QStringLiteral("false"));
    }
    void date(const QString &name, const std::optional<QDate> &value)
    {
        if (value && value->isValid())
            text(name, value->toString(Qt::ISODate));
    }
    // The server's time zone is unknown; Cardskipper is Swedish and so is the machine we run on,
    // so local time without a zone is the best guess, and the overlap covers the rest.
    void dateTime(const QString &name, const std::optional<QDateTime> &value)
    {
        if (value && value->isValid())
            text(name, value->toLocalTime().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")));
    }

private:
    QXmlStreamWriter m_xml;
};

} // namespace

QByteArray ExportCriteria::toXml() const
{
    QByteArray out;
    CriteriaWriter writer(&out);
    QXmlStreamWriter &xml = writer.xml();
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Cardskipper"));
    xml.writeStartElement(QStringLiteral("SearchCriteriaMember"));

    // The order of the guide's table; the XSD is probably an xs:sequence.
    writer.number(QStringLiteral("MemberId"), memberId);
    writer.number(QStringLiteral("OrganisationId"), organisationId);
    writer.number(QStringLiteral("RoleId"), roleId);
    writer.number(QStringLiteral("UserId"), userId);
    writer.number(QStringLiteral("OrganisationMemberId"), organisationMemberId);
    writer.date(QStringLiteral("Birthdate"), birthdate);
    writer.text(QStringLiteral("Firstname"), cleaned(firstname));
    writer.text(QStringLiteral("Lastname"), cleaned(lastname));
    writer.text(QStringLiteral("Cellphone"), cleaned(cellphone));
    writer.text(QStringLiteral("TagContains"), cleaned(tagContains));
    writer.text(QStringLiteral("OrganisationUnit"), cleaned(organisationUnit));
    writer.boolean(QStringLiteral("HasUserDevice"), hasUserDevice);
    writer.boolean(QStringLiteral("OnlyActive"), onlyActive);
    writer.dateTime(QStringLiteral("ChangedAt"), changedAt);

    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QDateTime ExportCriteria::changedAtWithOverlap(const QDateTime &lastFetchStartedAt,
                                               qint64 overlapSeconds)
{
    // A negative overlap would skip changes made just before the last fetch.
    return lastFetchStartedAt.addSecs(-qMax<qint64>(0, overlapSeconds));
}

} // namespace cis
