// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "BundledIcon.h"

#include <QFile>

#ifndef CIS_ICONS_AS_PNG
// The SVGs are compiled into this static library by AUTORCC; its resource initialiser must be
// called explicitly or the linker drops it (Q_INIT_RESOURCE cannot be used inside a namespace).
// qt_add_resources, which carries the PNG renders, keeps its own.
static bool initResources()
{
    Q_INIT_RESOURCE(resources);
    return true;
}
#endif

namespace cis::gui {

QIcon bundledIcon(const QString &name)
{
#ifdef CIS_ICONS_AS_PNG
    QIcon icon;
    for (const int size : {16, 20, 24, 32, 40, 48, 64, 128, 256}) {
        const QString png = QStringLiteral(":/icons/png/%1-%2.png").arg(name).arg(size);
        if (QFile::exists(png))
            icon.addFile(png, QSize(size, size));
    }
    return icon;
#else
    static const bool initialised = initResources();
    Q_UNUSED(initialised)
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
#endif
}

} // namespace cis::gui
