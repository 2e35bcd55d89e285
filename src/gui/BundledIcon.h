// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QIcon>
#include <QString>

namespace cis::gui {

// One of the app's own icons (resources/icons/<name>.svg). Where Qt's SVG plug-ins are
// deployed that is the SVG itself; the Windows build has no qtsvg (Debian's qt6-svg source
// cannot be fetched here), so it carries PNG renders of the same files, made at build time in
// the sizes Windows asks for, and the icon is put together from those.
QIcon bundledIcon(const QString &name);

} // namespace cis::gui
