// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QString>
#include <QStringList>

namespace cis::gui {

// The entry that starts the app when the administrator logs in: a .desktop file in the XDG
// autostart folder (freedesktop "Desktop Application Autostart"), or the current user's Run key
// in the Windows registry.
class Autostart
{
public:
    // folder: where XDG autostart entries live (ignored on Windows).
    explicit Autostart(QString folder = defaultFolder());

    static QString defaultFolder();
    QString entryPath() const;
    bool isEnabled() const;

    // Writes (or, when !enabled, removes) the entry that runs program with arguments.
    // Returns a sentence for the administrator when that failed, else an empty string.
    QString apply(bool enabled, const QString &program, const QStringList &arguments) const;

    // The Exec= line of a desktop entry: each argument quoted as the specification asks.
    static QString execLine(const QString &program, const QStringList &arguments);

private:
    QString m_folder;
};

} // namespace cis::gui
