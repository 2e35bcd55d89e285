#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Adds deb-src entries for the mirrors of /etc/apt/sources.list.d/debian.sources (Debian 12's
# deb822 file) when there are none, so that `apt-get source` finds Debian's qt6-base, qt6-svg
# and sqlite3. Runs apt-get update only when it added something.
set -euo pipefail
sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
if grep -rqsE "^(Types:.*deb-src|deb-src )" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    # An entry exists; its index may still be missing (for example, added by hand).
    apt-cache showsrc --only-source qt6-base 2>/dev/null | grep -q '^Version:' \
        || "${sudo[@]}" apt-get update -qq
    exit 0
fi
deb822=/etc/apt/sources.list.d/debian.sources
if [ ! -f "$deb822" ]; then
    echo "windows: no $deb822; add a deb-src line for your mirror by hand" >&2
    exit 1
fi
echo "windows: adding deb-src entries for the mirrors in $deb822" >&2
sed -E 's/^Types:.*/Types: deb-src/' "$deb822" \
    | "${sudo[@]}" tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
"${sudo[@]}" apt-get update -qq
