// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#include "HikvisionLogging.h"

Q_LOGGING_CATEGORY(lcHikvision, "cis.hikvision", QtInfoMsg)
