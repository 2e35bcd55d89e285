#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

namespace cis {

QStringList installTranslations(QCoreApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QStringList loaded;
    auto *ours = new QTranslator(&app);
    // A language we have no catalog for gets the English one, which carries the plural forms.
    if (ours->load(locale, QStringLiteral("cardskipper-ivms-sync"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")) ||
        ours->load(QStringLiteral(":/i18n/cardskipper-ivms-sync_en"))) {
        QCoreApplication::installTranslator(ours);
        loaded.append(ours->filePath());
    } else {
        delete ours;
    }
    // Debian ships Qt's Swedish as qt_sv.qm (there is no qtbase_sv.qm); try both names. The
    // Windows build has no Qt translations beside it and carries Debian's in :/i18n/qt.
    const QStringList qtFolders{QLibraryInfo::path(QLibraryInfo::TranslationsPath),
                                QStringLiteral(":/i18n/qt")};
    const auto loadQtCatalog = [&] {
        for (const QString &folder : qtFolders) {
            for (const QString &catalog : {QStringLiteral("qtbase"), QStringLiteral("qt")}) {
                auto qt = std::make_unique<QTranslator>(&app);
                if (qt->load(locale, catalog, QStringLiteral("_"), folder)) {
                    QTranslator *installed = qt.release(); // app owns it
                    QCoreApplication::installTranslator(installed);
                    loaded.append(installed->filePath());
                    return;
                }
            }
        }
    };
    loadQtCatalog();
    return loaded;
}

QStringList availableLanguages()
{
    QStringList languages;
    const QStringList files =
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("cardskipper-ivms-sync_*.qm")});
    for (const QString &file : files)
        languages.append(file.section(QLatin1Char('_'), 1).section(QLatin1Char('.'), 0, 0));
    return languages;
}

} // namespace cis
