#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Windows build, cross-compiled on Debian 12 (what `scripts/dev.sh windows` runs once the
# packages are installed). So far its first part (issue 17): Qt for x86_64-w64-mingw32 from
# Debian's sources, built once into the cache (scripts/windows/build-qt.sh, about 30 minutes on
# 2 cores the first time). The app, the command line and the tests come next.
set -euo pipefail
cd "$(dirname "$0")/../.."

scripts/windows/deb-src.sh
CIS_WINDOWS_QT=$(scripts/windows/build-qt.sh | tail -n 1)
export CIS_WINDOWS_QT
echo "windows: Qt for Windows in $CIS_WINDOWS_QT"
