// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QString>
#include <QStringList>

namespace cis::gui {

// The entry that starts the app when the administrator logs in: a .desktop file in the XDG
// autostart folder (freedesktop "Desktop Application Autostart"), or a value under the current
// user's Run key in the Windows registry.
class Autostart
{
public:
    // location: the folder of XDG autostart entries, or on Windows the registry key whose
    // values Windows runs at log-in (tests pass their own).
    explicit Autostart(QString location = defaultLocation());

    static QString defaultLocation();
    // The desktop entry's file, or on Windows the registry value's full name.
    QString entryPath() const;
    bool isEnabled() const;
    // The command line the entry runs; empty when there is no entry.
    QString command() const;

    // Writes (or, when !enabled, removes) the entry that runs program with arguments.
    // Returns a sentence for the administrator when that failed, else an empty string.
    QString apply(bool enabled, const QString &program, const QStringList &arguments) const;

    // The Exec= line of a desktop entry: each argument quoted as the specification asks.
    static QString execLine(const QString &program, const QStringList &arguments);
    // A Windows command line that CommandLineToArgvW (and the C runtime) split back into
    // program and arguments.
    static QString windowsCommandLine(const QString &program, const QStringList &arguments);

private:
    QString m_location;
};

} // namespace cis::gui
