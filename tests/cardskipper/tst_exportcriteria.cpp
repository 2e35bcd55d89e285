// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "ExportCriteria.h"

#include <QTest>
#include <QXmlStreamReader>
#include <ctime>

using namespace cis;

namespace {

struct Criterion
{
    QString name;
    QString value;
};

// What a strict reader of the request sees: the criteria in order, and whether any carried text.
QList<Criterion> criteriaOf(const QByteArray &xml, bool *hasText = nullptr)
{
    QList<Criterion> criteria;
    QXmlStreamReader reader(xml);
    QStringList path;
    if (hasText)
        *hasText = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            path.append(reader.name().toString());
            if (path.size() == 3)
                criteria.append({reader.name().toString(),
                                 reader.attributes().value(QStringLiteral("value")).toString()});
        } else if (reader.isEndElement()) {
            path.removeLast();
        } else if (reader.isCharacters() && !reader.isWhitespace() && hasText) {
            *hasText = true;
        }
    }
    Q_ASSERT(!reader.hasError());
    return criteria;
}

} // namespace

class TestExportCriteria : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // ChangedAt is written in local time; pin the zone so that the expectations hold.
#ifdef Q_OS_WIN
        // The C runtime's form (Central European): an IANA name means nothing to it, and it
        // is what Qt's local time asks on Windows.
        qputenv("TZ", "CET-1CEST");
        _tzset();
#else
        qputenv("TZ", "Europe/Stockholm");
        tzset();
#endif
    }

    void theMinimalRequestByteForByte()
    {
        ExportCriteria criteria;
        criteria.organisationId = 4711;
        QCOMPARE(criteria.toXml(),
                 QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Cardskipper>"
                            "<SearchCriteriaMember><OrganisationId value=\"4711\"/>"
                            "</SearchCriteriaMember></Cardskipper>\n"));
    }

    void theOrganisationIsAlwaysSent()
    {
        // Even an unset one: the server's 400 says more than a request without it.
        const ExportCriteria criteria;
        const QList<Criterion> written = criteriaOf(criteria.toXml());
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().name, QStringLiteral("OrganisationId"));
        QCOMPARE(written.first().value, QStringLiteral("0"));
    }

    void textIsTrimmedAndCleanedOfWhatXmlCannotCarry()
    {
        ExportCriteria criteria;
        criteria.organisationId = 1;
        criteria.firstname = QStringLiteral("  Åsa\t");
        criteria.lastname = QStringLiteral("Ö\x01"
                                           "berg");
        criteria.cellphone = QStringLiteral("\n\t ");
        criteria.tagContains = QStringLiteral("\x02");
        const QByteArray xml = criteria.toXml();
        const QList<Criterion> written = criteriaOf(xml);
        QCOMPARE(written.size(), 3);
        QCOMPARE(written.at(1).value, QStringLiteral("Åsa"));
        QCOMPARE(written.at(2).value, QStringLiteral("Öberg"));
        QVERIFY(xml.contains("Åsa")); // UTF-8, not character references
    }

    void changedAtIsLocalTimeWithoutZoneOrFraction_data()
    {
        QTest::addColumn<QDateTime>("changedAt");
        QTest::addColumn<QString>("written");
        QTest::newRow("local") << QDateTime(QDate(2024, 11, 24), QTime(20, 56, 51, 999))
                               << QStringLiteral("2024-11-24T20:56:51");
        QTest::newRow("UTC, winter") << QDateTime(QDate(2024, 11, 24), QTime(19, 56, 51), Qt::UTC)
                                     << QStringLiteral("2024-11-24T20:56:51");
#ifndef Q_OS_WIN
        // TZ gives the Windows C runtime no summer time (under Wine) or the United States'
        // (on Windows itself): Sweden's cannot be pinned there.
        QTest::newRow("UTC, summer") << QDateTime(QDate(2024, 7, 1), QTime(22, 30, 0), Qt::UTC)
                                     << QStringLiteral("2024-07-02T00:30:00");
#endif
        QTest::newRow("offset") << QDateTime(QDate(2024, 11, 24), QTime(14, 56, 51),
                                             Qt::OffsetFromUTC, -5 * 3600)
                                << QStringLiteral("2024-11-24T20:56:51");
    }

    void changedAtIsLocalTimeWithoutZoneOrFraction()
    {
        QFETCH(QDateTime, changedAt);
        QFETCH(QString, written);
        ExportCriteria criteria;
        criteria.organisationId = 1;
        criteria.changedAt = changedAt;
        QCOMPARE(criteriaOf(criteria.toXml()).last().value, written);
    }

    void overlapIsNeverNegative()
    {
        const QDateTime last(QDate(2026, 11, 28), QTime(12, 0));
        QCOMPARE(ExportCriteria::changedAtWithOverlap(last, 0), last);
        QCOMPARE(ExportCriteria::changedAtWithOverlap(last, -600), last);
        QCOMPARE(ExportCriteria::changedAtWithOverlap(last, 24 * 3600),
                 QDateTime(QDate(2026, 11, 27), QTime(12, 0)));
    }

    void organisationAloneIsTheMinimalRequest()
    {
        ExportCriteria criteria;
        criteria.organisationId = 4711;
        const QByteArray xml = criteria.toXml();
        QVERIFY(xml.contains("<Cardskipper><SearchCriteriaMember><OrganisationId value=\"4711\"/>"
                             "</SearchCriteriaMember></Cardskipper>"));
        QVERIFY(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    }

    void everyCriterionInTheGuidesOrderAsValueAttributes()
    {
        ExportCriteria criteria;
        criteria.organisationId = 4711;
        criteria.changedAt = QDateTime(QDate(2024, 11, 24), QTime(20, 56, 51, 789));
        criteria.onlyActive = true;
        criteria.hasUserDevice = false;
        criteria.organisationUnit = QStringLiteral("Gym");
        criteria.tagContains = QStringLiteral("gym");
        criteria.cellphone = QStringLiteral("070 111 222");
        criteria.lastname = QStringLiteral("Öberg");
        criteria.firstname = QStringLiteral("Åsa");
        criteria.birthdate = QDate(1990, 4, 21);
        criteria.organisationMemberId = 1001;
        criteria.userId = 7;
        criteria.roleId = 3126;
        criteria.memberId = 9;
        bool hasText = true;
        const QList<Criterion> written = criteriaOf(criteria.toXml(), &hasText);
        QVERIFY(!hasText);
        const QList<Criterion> expected{
            {QStringLiteral("MemberId"), QStringLiteral("9")},
            {QStringLiteral("OrganisationId"), QStringLiteral("4711")},
            {QStringLiteral("RoleId"), QStringLiteral("3126")},
            {QStringLiteral("UserId"), QStringLiteral("7")},
            {QStringLiteral("OrganisationMemberId"), QStringLiteral("1001")},
            {QStringLiteral("Birthdate"), QStringLiteral("1990-04-21")},
            {QStringLiteral("Firstname"), QStringLiteral("Åsa")},
            {QStringLiteral("Lastname"), QStringLiteral("Öberg")},
            {QStringLiteral("Cellphone"), QStringLiteral("070 111 222")},
            {QStringLiteral("TagContains"), QStringLiteral("gym")},
            {QStringLiteral("OrganisationUnit"), QStringLiteral("Gym")},
            {QStringLiteral("HasUserDevice"), QStringLiteral("false")},
            {QStringLiteral("OnlyActive"), QStringLiteral("true")},
            {QStringLiteral("ChangedAt"), QStringLiteral("2024-11-24T20:56:51")},
        };
        QCOMPARE(written.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(written.at(i).name, expected.at(i).name);
            QCOMPARE(written.at(i).value, expected.at(i).value);
        }
    }

    void blankTextCriteriaAreLeftOut()
    {
        ExportCriteria criteria;
        criteria.organisationId = 1;
        criteria.firstname = QStringLiteral("   ");
        criteria.tagContains = QString();
        criteria.birthdate = QDate();
        criteria.changedAt = QDateTime();
        const QList<Criterion> written = criteriaOf(criteria.toXml());
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().name, QStringLiteral("OrganisationId"));
        QVERIFY(!criteria.toXml().contains("value=\"\""));
    }

    void specialCharactersAreEscaped()
    {
        ExportCriteria criteria;
        criteria.organisationId = 1;
        criteria.lastname = QStringLiteral("Ström & \"Dotter\" <AB>");
        const QByteArray xml = criteria.toXml();
        QVERIFY(xml.contains("Ström &amp; &quot;Dotter&quot; &lt;AB>") ||
                xml.contains("Ström &amp; &quot;Dotter&quot; &lt;AB&gt;"));
        QCOMPARE(criteriaOf(xml).at(1).value, criteria.lastname);
    }

    void falseBooleansAreSentWhenSet()
    {
        ExportCriteria criteria;
        criteria.organisationId = 1;
        criteria.onlyActive = false;
        QCOMPARE(criteriaOf(criteria.toXml()).last().value, QStringLiteral("false"));
    }

    void overlapMovesChangedAtBack()
    {
        const QDateTime last(QDate(2026, 11, 28), QTime(12, 0));
        QCOMPARE(ExportCriteria::changedAtWithOverlap(last), last.addSecs(-15 * 60));
        QCOMPARE(ExportCriteria::changedAtWithOverlap(last, 60), last.addSecs(-60));
        QVERIFY(!ExportCriteria::changedAtWithOverlap(QDateTime()).isValid());
    }
};

QTEST_GUILESS_MAIN(TestExportCriteria)
#include "tst_exportcriteria.moc"
