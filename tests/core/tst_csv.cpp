// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Csv.h"

#include <QTest>

using namespace cis;

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void quotesWhatMustBeQuotedAndStartsWithTheByteOrderMark()
    {
        const QByteArray bytes =
            csvDocument({{QStringLiteral("Namn"), QStringLiteral("Besök")},
                         {QStringLiteral("Öberg, Åsa"), QStringLiteral("säger \"hej\"")},
                         {QStringLiteral("två\nrader"), QString()}});
        QCOMPARE(bytes, QByteArray("\xEF\xBB\xBF") +
                            QStringLiteral("Namn,Besök\r\n\"Öberg, Åsa\",\"säger \"\"hej\"\"\"\r\n"
                                           "\"två\nrader\",\r\n")
                                .toUtf8());
    }

    // A name typed in Cardskipper as a formula stays text in Excel.
    void aFormulaStaysText_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("written");
        QTest::newRow("equals") << "=HYPERLINK(\"x\")"
                                << "\"'=HYPERLINK(\"\"x\"\")\"";
        QTest::newRow("plus") << "+46 70"
                              << "'+46 70";
        QTest::newRow("minus") << "-1"
                               << "'-1";
        QTest::newRow("at") << "@SUM(A1)"
                            << "'@SUM(A1)";
        QTest::newRow("plain") << "Åsa"
                               << "Åsa";
    }

    void aFormulaStaysText()
    {
        QFETCH(QString, field);
        QFETCH(QString, written);
        QCOMPARE(QString::fromUtf8(csvDocument({{field}}).mid(3)),
                 written + QStringLiteral("\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
