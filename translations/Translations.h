#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace cis {

// Loads the program's catalog and Qt's own (standard buttons and dialogs) for a language:
// "sv", "en", or empty for the system's. Returns what was loaded, for the log.
QStringList installTranslations(QCoreApplication &app, const QString &language);

// The languages the program is translated into, as codes ("en", "sv").
QStringList availableLanguages();

} // namespace cis
