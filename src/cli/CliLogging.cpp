// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "CliLogging.h"

Q_LOGGING_CATEGORY(lcCli, "cis.cli", QtInfoMsg)
