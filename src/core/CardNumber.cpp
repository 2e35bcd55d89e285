// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardNumber.h"

#include <QByteArray>
#include <QCoreApplication>
#include <algorithm>

namespace cis {

namespace {

class CardNumberTexts
{
    Q_DECLARE_TR_FUNCTIONS(CardNumberTexts)
};

bool isAllowed(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') ||
           u == u'-' || u == u'_';
}

// The UID's bytes, most significant first, from hex or decimal digits.
std::optional<QByteArray> uidBytes(const QString &digits, bool hex)
{
    if (hex) {
        QString text = digits;
        if (text.size() % 2 != 0)
            text.prepend(QLatin1Char('0'));
        for (QChar c : text) {
            const char16_t u = c.unicode();
            if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
                return std::nullopt;
        }
        return QByteArray::fromHex(text.toLatin1());
    }
    bool ok = false;
    const quint64 value = digits.toULongLong(&ok, 10);
    if (!ok)
        return std::nullopt;
    QByteArray bytes;
    quint64 rest = value;
    do {
        bytes.prepend(char(rest & 0xff));
        rest >>= 8;
    } while (rest != 0);
    // A reader's decimal is a UID of at least four bytes (Mifare Classic); reversing fewer
    // would move the bytes to the wrong end.
    while (bytes.size() < 4)
        bytes.prepend('\0');
    return bytes;
}

} // namespace

std::optional<QString> cardNumberProblem(const QString &cardNo, const CardNumberRules &rules)
{
    if (cardNo.isEmpty())
        return CardNumberTexts::tr("The card number is empty.");
    if (cardNo.size() > rules.maxLength)
        return CardNumberTexts::tr("The card number %1 has %2 characters; the door terminal takes "
                                   "at most %3.")
            .arg(cardNo)
            .arg(cardNo.size())
            .arg(rules.maxLength);
    for (QChar c : cardNo) {
        if (!isAllowed(c))
            return CardNumberTexts::tr("The card number %1 contains \"%2\"; a door terminal takes "
                                       "only the letters A-Z and a-z, digits, \"-\" and \"_\".")
                .arg(cardNo, c.isSpace() ? CardNumberTexts::tr("a space") : QString(c));
    }
    return std::nullopt;
}

QString CardReaderTransform::outputName() const
{
    switch (output) {
    case Output::Decimal:
        return QStringLiteral("decimal");
    case Output::Hex:
        return QStringLiteral("hex");
    case Output::AsTyped:
        break;
    }
    return QStringLiteral("as-typed");
}

std::optional<CardReaderTransform::Output> CardReaderTransform::outputFromName(const QString &name)
{
    if (name == QLatin1String("as-typed"))
        return Output::AsTyped;
    if (name == QLatin1String("decimal"))
        return Output::Decimal;
    if (name == QLatin1String("hex"))
        return Output::Hex;
    return std::nullopt;
}

CardReaderResult transformReaderInput(const QString &typed, const CardReaderTransform &transform)
{
    QString digits;
    for (QChar c : typed) {
        if (!c.isSpace() && c != QLatin1Char(':') &&
            !(c == QLatin1Char('-') && transform.output != CardReaderTransform::Output::AsTyped))
            digits.append(c);
    }
    if (transform.inputHex && transform.output != CardReaderTransform::Output::AsTyped &&
        (digits.startsWith(QLatin1String("0x")) || digits.startsWith(QLatin1String("0X"))))
        digits = digits.mid(2);
    if (digits.isEmpty())
        return {{}, CardNumberTexts::tr("Nothing was typed.")};

    if (transform.output == CardReaderTransform::Output::AsTyped) {
        QString cardNo = digits;
        if (transform.zeroPadWidth > cardNo.size())
            cardNo = cardNo.rightJustified(transform.zeroPadWidth, QLatin1Char('0'));
        return {cardNo, {}};
    }

    std::optional<QByteArray> bytes = uidBytes(digits, transform.inputHex);
    if (!bytes) {
        return {{},
                transform.inputHex
                    ? CardNumberTexts::tr("\"%1\" is not a hexadecimal card number.").arg(typed)
                    : CardNumberTexts::tr("\"%1\" is not a decimal card number of at most 20 "
                                          "digits.")
                          .arg(typed)};
    }
    if (transform.reverseBytes)
        std::reverse(bytes->begin(), bytes->end());

    QString cardNo;
    if (transform.output == CardReaderTransform::Output::Hex) {
        cardNo = QString::fromLatin1(bytes->toHex()).toUpper();
    } else {
        // Leading zero bytes carry no value; more than eight do not fit a 64-bit number.
        QByteArray significant = *bytes;
        while (significant.size() > 1 && significant.at(0) == '\0')
            significant.remove(0, 1);
        if (significant.size() > 8)
            return {{},
                    CardNumberTexts::tr("The card number %1 is too long to be written in "
                                        "decimal; choose hexadecimal.")
                        .arg(typed)};
        quint64 value = 0;
        for (char byte : significant)
            value = (value << 8) | quint8(byte);
        cardNo = QString::number(value);
    }
    if (transform.zeroPadWidth > cardNo.size())
        cardNo = cardNo.rightJustified(transform.zeroPadWidth, QLatin1Char('0'));
    return {cardNo, {}};
}

} // namespace cis
