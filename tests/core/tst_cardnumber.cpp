// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardNumber.h"

#include <QTest>

using namespace cis;

class TestCardNumber : public QObject
{
    Q_OBJECT

private slots:
    void numbersTheTerminalsTakePass()
    {
        for (const char *number : {"3308812528", "00058561930892349", "garten-zho0k6WjKtxJm",
                                   "A1_b2-C3", "1", "12345678901234567890123456789012"})
            QVERIFY2(!cardNumberProblem(QString::fromLatin1(number)), number);
    }

    void badNumbersAreRefusedNamingTheNumber()
    {
        QVERIFY(cardNumberProblem(QString()));
        const auto tooLong = cardNumberProblem(QString(33, QLatin1Char('7')));
        QVERIFY(tooLong);
        QVERIFY(tooLong->contains(QLatin1String("33")));
        QVERIFY(tooLong->contains(QLatin1String("32")));
        const auto space = cardNumberProblem(QStringLiteral("12 34"));
        QVERIFY(space);
        QVERIFY(space->contains(QLatin1String("12 34")));
        QVERIFY(cardNumberProblem(QStringLiteral("Åsa1")));
        QVERIFY(cardNumberProblem(QStringLiteral("12/34")));
        CardNumberRules strict;
        strict.maxLength = 20;
        QVERIFY(cardNumberProblem(QString(21, QLatin1Char('1')), strict));
        QVERIFY(!cardNumberProblem(QString(20, QLatin1Char('1')), strict));
    }

    void readerInputIsTransformedAsConfigured_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("inputHex");
        QTest::addColumn<int>("output");
        QTest::addColumn<bool>("reverse");
        QTest::addColumn<int>("pad");
        QTest::addColumn<QString>("expected");
        using O = CardReaderTransform::Output;
        QTest::newRow("as typed, Enter and spaces dropped")
            << " 3308812528\n"
            << false << int(O::AsTyped) << false << 0 << "3308812528";
        QTest::newRow("as typed, padded")
            << "58561" << false << int(O::AsTyped) << false << 10 << "0000058561";
        // S42: the decimal value of the hex UID, zero-padded to ten digits.
        QTest::newRow("hex UID to decimal, padded to 10")
            << "04A1B2C3" << true << int(O::Decimal) << false << 10 << "0077705923";
        QTest::newRow("hex UID with separators")
            << "04-A1-B2-C3" << true << int(O::Decimal) << false << 0 << "77705923";
        QTest::newRow("hex UID reversed to decimal")
            << "04A1B2C3" << true << int(O::Decimal) << true << 10 << "3283263748";
        QTest::newRow("decimal to hex")
            << "77705923" << false << int(O::Hex) << false << 0 << "04A1B2C3";
        QTest::newRow("decimal reversed to decimal")
            << "77705923" << false << int(O::Decimal) << true << 0 << "3283263748";
        QTest::newRow("0x prefix")
            << "0x04a1b2c3" << true << int(O::Hex) << false << 0 << "04A1B2C3";
    }

    void readerInputIsTransformedAsConfigured()
    {
        QFETCH(QString, typed);
        QFETCH(bool, inputHex);
        QFETCH(int, output);
        QFETCH(bool, reverse);
        QFETCH(int, pad);
        QFETCH(QString, expected);
        CardReaderTransform transform;
        transform.inputHex = inputHex;
        transform.output = CardReaderTransform::Output(output);
        transform.reverseBytes = reverse;
        transform.zeroPadWidth = pad;
        const CardReaderResult result = transformReaderInput(typed, transform);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.cardNo, expected);
    }

    void unreadableInputSaysWhy()
    {
        CardReaderTransform hex;
        hex.inputHex = true;
        hex.output = CardReaderTransform::Output::Decimal;
        QVERIFY(!transformReaderInput(QStringLiteral("04G1"), hex).error.isEmpty());
        QVERIFY(!transformReaderInput(QStringLiteral("   "), hex).error.isEmpty());
        // Nine significant bytes do not fit a 64-bit decimal.
        QVERIFY(!transformReaderInput(QStringLiteral("0102030405060708090A"), hex).error.isEmpty());
        CardReaderTransform decimal;
        decimal.output = CardReaderTransform::Output::Hex;
        QVERIFY(!transformReaderInput(QStringLiteral("12ab"), decimal).error.isEmpty());
    }

    void outputNamesRoundTrip()
    {
        for (auto output :
             {CardReaderTransform::Output::AsTyped, CardReaderTransform::Output::Decimal,
              CardReaderTransform::Output::Hex}) {
            CardReaderTransform t;
            t.output = output;
            QCOMPARE(CardReaderTransform::outputFromName(t.outputName()), output);
        }
        QVERIFY(!CardReaderTransform::outputFromName(QStringLiteral("octal")));
    }
};

QTEST_GUILESS_MAIN(TestCardNumber)
#include "tst_cardnumber.moc"
