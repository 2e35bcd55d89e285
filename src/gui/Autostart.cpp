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

// The rule CommandLineToArgvW and the Microsoft C runtime apply: backslashes are literal
// unless they precede a quote, so those before a quote (and before the closing quote) double.
QString quoteWindowsArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\v\"");
    bool needsQuotes = argument.isEmpty();
    for (const QChar c : argument)
        needsQuotes = needsQuotes || reserved.contains(c);
    if (!needsQuotes)
        return argument;
    QString quoted(QLatin1Char('"'));
    qsizetype backslashes = 0;
    for (const QChar c : argument) {
        if (c == QLatin1Char('\\')) {
            ++backslashes;
            continue;
        }
        quoted +=
            QString(c == QLatin1Char('"') ? backslashes * 2 + 1 : backslashes, QLatin1Char('\\'));
        quoted += c;
        backslashes = 0;
    }
    quoted += QString(backslashes * 2, QLatin1Char('\\'));
    quoted += QLatin1Char('"');
    return quoted;
}

} // namespace

Autostart::Autostart(QString location)
    : m_location(std::move(location))
{}

QString Autostart::execLine(const QString &program, const QStringList &arguments)
{
    QStringList parts{quoteArgument(program)};
    for (const QString &argument : arguments)
        parts.append(quoteArgument(argument));
    return parts.join(QLatin1Char(' '));
}

QString Autostart::windowsCommandLine(const QString &program, const QStringList &arguments)
{
    // The program is read up to the next quote, with no escapes: it is always quoted, and a
    // Windows file name cannot hold a quote.
    QString windowsProgram = program;
    windowsProgram.replace(QLatin1Char('/'), QLatin1Char('\\'));
    QStringList parts{QLatin1Char('"') + windowsProgram + QLatin1Char('"')};
    for (const QString &argument : arguments)
        parts.append(quoteWindowsArgument(argument));
    return parts.join(QLatin1Char(' '));
}

#ifdef Q_OS_WIN
QString Autostart::defaultLocation()
{
    return QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
}

QString Autostart::entryPath() const
{
    return m_location + QLatin1Char('\\') + kEntryName;
}

QString Autostart::command() const
{
    return QSettings(m_location, QSettings::NativeFormat).value(kEntryName).toString();
}

bool Autostart::isEnabled() const
{
    return QSettings(m_location, QSettings::NativeFormat).contains(kEntryName);
}

QString Autostart::apply(bool enabled, const QString &program, const QStringList &arguments) const
{
    QSettings key(m_location, QSettings::NativeFormat);
    if (enabled)
        key.setValue(kEntryName, windowsCommandLine(program, arguments));
    else
        key.remove(kEntryName);
    key.sync();
    if (key.status() == QSettings::NoError && isEnabled() == enabled)
        return {};
    return QCoreApplication::translate("Autostart",
                                       "Could not change the start at log-in entry %1 in the "
                                       "registry.")
        .arg(entryPath());
}
#else
QString Autostart::defaultLocation()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart"));
}

QString Autostart::entryPath() const
{
    return QDir(m_location).filePath(kEntryName + QStringLiteral(".desktop"));
}

QString Autostart::command() const
{
    QFile file(entryPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QStringLiteral("Exec=")))
            return line.mid(5);
    }
    return {};
}

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
    if (!QDir().mkpath(m_location))
        return QCoreApplication::translate("Autostart", "Could not create the folder %1.")
            .arg(m_location);
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
