// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Csv.h"

namespace cis {

QByteArray csvDocument(const QList<QStringList> &rows)
{
    QString text;
    for (const QStringList &row : rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (QString field : row) {
            static const QString formulaStarts = QStringLiteral("=+-@\t\r");
            if (!field.isEmpty() && formulaStarts.contains(field.front()))
                field.prepend(QLatin1Char('\''));
            if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
                field.contains(QLatin1Char('\n')) || field.contains(QLatin1Char('\r'))) {
                field.replace(QLatin1Char('"'), QStringLiteral("\"\""));
                field = QLatin1Char('"') + field + QLatin1Char('"');
            }
            fields.append(field);
        }
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    // Without the byte order mark Excel reads the file in the ANSI code page: "Ã¥" for "å".
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace cis
