// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QString>
#include <optional>

namespace cis {

// What a terminal accepts as a card number (isapi-events-credentials.md §2.2): 1..32
// characters by the capture capability; one firmware allows only letters, digits and hyphens
// and at most 20; integrators also pass "_". Numbers are case sensitive.
struct CardNumberRules
{
    int maxLength = 32;
};

// Why the number cannot be written, in a sentence naming it; nullopt when it can.
std::optional<QString> cardNumberProblem(const QString &cardNo, const CardNumberRules &rules = {});

// What a desk USB reader types, turned into the number the terminal's own reader produces.
// No source says which byte order or base a terminal uses (§2.4 [U]), so every step is a
// setting, shown with a live preview; the reliable way remains reading the card at the door.
struct CardReaderTransform
{
    enum class Output
    {
        AsTyped, // the reader already types what the terminal expects
        Decimal, // the UID's bytes read as one unsigned number, in decimal
        Hex,     // the UID's bytes in upper-case hexadecimal
    };
    bool inputHex = false; // the reader types hexadecimal (else decimal digits)
    Output output = Output::AsTyped;
    bool reverseBytes = false; // the UID's byte order swapped before the conversion
    int zeroPadWidth = 0;      // left-padded with zeros to this many digits; 0: no padding

    QString outputName() const; // "as-typed", "decimal", "hex"
    static std::optional<Output> outputFromName(const QString &name);
};

struct CardReaderResult
{
    QString cardNo; // empty when error is set
    QString error;  // why the typed text could not be converted
};

// Keyboard readers end with Enter and may type spaces or separators; they are dropped.
CardReaderResult transformReaderInput(const QString &typed, const CardReaderTransform &transform);

} // namespace cis
