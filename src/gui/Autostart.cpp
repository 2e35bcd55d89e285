// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace cis::gui {

namespace {

const QString kEntryName = QStringLiteral("cardskipper-ivms-sync");

// Desktop Entry Specification, "The Exec key": arguments with reserved characters are quoted,
// and inside quotes ", `, $ and \ are escaped with a backslash; a literal % is written %%.
QString quoteArgument(QString argument)
{
    argument.replace(QLatin1Char('%'), QStringLiteral("%%"));
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : std::as_const(argument))
        needsQuotes = needsQuotes || reserved.contains(c);
    if (!needsQuotes)
        return argument;
    QString quoted;
    for (const QChar c : std::as_const(argument)) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') ||
            c == QLatin1Char('\\'))
            quoted += QLatin1Char('\\');
        quoted += c;
    }
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

Autostart::Autostart(QString folder)
    : m_folder(std::move(folder))
{}

QString Autostart::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart"));
}

QString Autostart::entryPath() const
{
    return QDir(m_folder).filePath(kEntryName + QStringLiteral(".desktop"));
}

QString Autostart::execLine(const QString &program, const QStringList &arguments)
{
    QStringList parts{quoteArgument(program)};
    for (const QString &argument : arguments)
        parts.append(quoteArgument(argument));
    return parts.join(QLatin1Char(' '));
}

#ifdef Q_OS_WIN
namespace {
const QString kRunKey =
    QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
} // namespace

bool Autostart::isEnabled() const
{
    return QSettings(kRunKey, QSettings::NativeFormat).contains(kEntryName);
}

QString Autostart::apply(bool enabled, const QString &program, const QStringList &arguments) const
{
    QSettings key(kRunKey, QSettings::NativeFormat);
    if (enabled) {
        QStringList parts{QLatin1Char('"') + QDir::toNativeSeparators(program) + QLatin1Char('"')};
        for (const QString &argument : arguments)
            parts.append(QLatin1Char('"') + argument + QLatin1Char('"'));
        key.setValue(kEntryName, parts.join(QLatin1Char(' ')));
    } else {
        key.remove(kEntryName);
    }
    key.sync();
    return key.status() == QSettings::NoError
               ? QString()
               : QCoreApplication::translate("Autostart",
                                             "Could not change the start at log-in entry in the "
                                             "registry.");
}
#else
bool Autostart::isEnabled() const
{
    return QFile::exists(entryPath());
}

QString Autostart::apply(bool enabled, const QString &program, const QStringList &arguments) const
{
    const QString path = entryPath();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path))
            return QCoreApplication::translate("Autostart", "Could not remove %1.").arg(path);
        return {};
    }
    if (!QDir().mkpath(m_folder))
        return QCoreApplication::translate("Autostart", "Could not create the folder %1.")
            .arg(m_folder);
    const QString entry = QStringLiteral("[Desktop Entry]\n"
                                         "Type=Application\n"
                                         "Name=Cardskipper IVMS Sync\n"
                                         "Comment=Keeps the door terminal in step with "
                                         "Cardskipper\n"
                                         "Exec=%1\n"
                                         "Icon=io.github.cardskipper_ivms_sync\n"
                                         "Terminal=false\n"
                                         "X-GNOME-Autostart-enabled=true\n")
                              .arg(execLine(program, arguments));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entry.toUtf8()) < 0 || !file.commit())
        return QCoreApplication::translate("Autostart", "Could not write %1: %2")
            .arg(path, file.errorString());
    return {};
}
#endif

} // namespace cis::gui
