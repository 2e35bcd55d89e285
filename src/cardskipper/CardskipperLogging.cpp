// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CardskipperLogging.h"

Q_LOGGING_CATEGORY(lcCardskipper, "cis.cardskipper", QtInfoMsg)
