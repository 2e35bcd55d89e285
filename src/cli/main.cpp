// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CliApplication.h"
#include "Clock.h"
#include "Translations.h"
#include "Version.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    cis::Clock::pinLocalTimeZone();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cardskipper-ivms-sync-cli"));
    QCoreApplication::setOrganizationName(QString::fromLatin1(cis::kOrganisationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(cis::kVersion));
    // Messages follow the system's language (LANG, LC_ALL); --json output is never translated.
    cis::installTranslations(app, {});
    cis::CliApplication cli;
    return cli.run(QCoreApplication::arguments());
}
