#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Qt the Windows build links (qtbase 6.4 for x86_64-w64-mingw32) from Debian's own
# source, with Debian's patches, once, into a cache folder keyed by the source versions (which
# name Debian's patches), the compiler, the flags below and the toolchain file:
#
#   ${XDG_CACHE_HOME:-~/.cache}/cardskipper-ivms-sync/windows/qt-<version>-<hash>/
#
# A second run finds the finished prefix and only prints it. The last line on stdout is always
# the prefix; everything else goes to stderr. Needs the packages scripts/dev.sh windows installs
# and a deb-src entry (scripts/windows/deb-src.sh). Heavy steps run under `nice -n 19`.
#
# Not built: qtsvg. Our mirror answers 404 for Debian's qt6-svg source (as for QtKeychain's),
# so the SVG image format and icon engine plug-ins are missing on Windows for now.
set -euo pipefail
shopt -s inherit_errexit
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
toolchain=$repo/cmake/mingw-w64-x86_64.cmake
jobs=$(nproc 2>/dev/null || echo 2)
root=${XDG_CACHE_HOME:-$HOME/.cache}/cardskipper-ivms-sync/windows

# Host tools (moc, rcc, uic, ...) are Debian's Qt 6 of the same version. Schannel instead of
# OpenSSL, SQLite from the amalgamation, nothing from D-Bus, ICU or GLib. Debian removed
# wintab, hence no tablet events. OpenGL off with Direct2D left on: turning both off breaks
# the windows platform plugin of 6.4.2. Changing anything here builds a new Qt (the key).
qtbase_flags=(
    -DCMAKE_BUILD_TYPE=Release
    -DQT_HOST_PATH=/usr
    -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake
    -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_BUILD_BENCHMARKS=OFF
    -DFEATURE_openssl=OFF -DFEATURE_schannel=ON
    -DFEATURE_sql_sqlite=ON -DFEATURE_system_sqlite=OFF
    -DFEATURE_sql_odbc=OFF -DFEATURE_sql_psql=OFF -DFEATURE_sql_mysql=OFF -DFEATURE_sql_ibase=OFF
    -DFEATURE_dbus=OFF -DFEATURE_icu=OFF -DFEATURE_glib=OFF
    -DFEATURE_tabletevent=OFF
    -DINPUT_opengl=no
    -DFEATURE_printsupport=OFF
)

log() { echo "windows/qt: $*" >&2; }

source_version() {
    apt-cache showsrc --only-source "$1" 2>/dev/null | awk '/^Version:/ { print $2 }' \
        | sort -V | tail -n 1
}

qtbase_version=$(source_version qt6-base)
sqlite_version=$(source_version sqlite3)
if [ -z "$qtbase_version" ] || [ -z "$sqlite_version" ]; then
    log "apt-cache showsrc knows no qt6-base or sqlite3 source: is there a deb-src entry?"
    exit 1
fi
compiler=$(x86_64-w64-mingw32-g++-posix --version | head -n 1)
mingw=$(dpkg-query -W -f='${Version}' mingw-w64-x86-64-dev 2>/dev/null || echo unknown)
recipe=$(printf '%s\n' "$qtbase_version" "$sqlite_version" "$compiler" "$mingw" \
    "${qtbase_flags[@]}" | cat - "$toolchain" | sha256sum | cut -c1-12)
upstream=${qtbase_version#*:}
key=qt-${upstream%%+*}-$recipe
prefix=$root/$key

if [ -f "$prefix/.complete" ]; then
    log "cached: $prefix"
    echo "$prefix"
    exit 0
fi

src=$root/src
build=$root/build-$key
mkdir -p "$src"
log "building Qt for Windows into $prefix (qt6-base $qtbase_version, sqlite3 $sqlite_version)"

# apt-get source unpacks with dpkg-source, which applies Debian's patches (debian/patches).
# Prints the unpacked directory.
fetch() {
    local package=$1 version=$2 upstream dir
    upstream=${version#*:}
    upstream=${upstream%-*}
    dir=$src/$package-$upstream
    if [ ! -f "$src/.$package-$version" ]; then
        rm -rf "$dir"
        (cd "$src" && apt-get source -qq --only-source "$package=$version" >&2)
        [ -d "$dir" ] || { log "apt-get source $package=$version made no $dir"; return 1; }
        touch "$src/.$package-$version"
    fi
    echo "$dir"
}
qtbase_src=$(fetch qt6-base "$qtbase_version")
sqlite_src=$(fetch sqlite3 "$sqlite_version")

# Debian's qtbase has no bundled SQLite (it links the system's): make the amalgamation from
# Debian's sqlite3 source and put it where qtbase's SQLite driver looks for it.
if [ ! -f "$qtbase_src/src/3rdparty/sqlite/sqlite3.c" ]; then
    log "making the SQLite amalgamation"
    rm -rf "$src/sqlite-build"
    mkdir -p "$src/sqlite-build"
    (cd "$src/sqlite-build" && "$sqlite_src/configure" --disable-tcl >"$src/sqlite-build.log" 2>&1 \
        && nice -n 19 make sqlite3.c >>"$src/sqlite-build.log" 2>&1) \
        || { tail -n 30 "$src/sqlite-build.log" >&2; exit 1; }
    mkdir -p "$qtbase_src/src/3rdparty/sqlite"
    cp "$src/sqlite-build/sqlite3.c" "$src/sqlite-build/sqlite3.h" \
        "$qtbase_src/src/3rdparty/sqlite/"
fi

start=$(date +%s)
# The build folder is keyed like the prefix, so a build that was interrupted (a closed
# terminal, a machine put to sleep) is the same recipe: ninja goes on where it stopped.
if [ -f "$build/.configured" ]; then
    log "resuming the interrupted qtbase build in $build"
else
    rm -rf "$build"
    mkdir -p "$build/qtbase"
    log "configuring qtbase"
    nice -n 19 cmake -S "$qtbase_src" -B "$build/qtbase" -G Ninja \
        -DCMAKE_TOOLCHAIN_FILE="$toolchain" -DCMAKE_INSTALL_PREFIX="$prefix" "${qtbase_flags[@]}" \
        >"$build/qtbase-configure.log" 2>&1 \
        || { tail -n 60 "$build/qtbase-configure.log" >&2; exit 1; }
    touch "$build/.configured"
fi
configured=$(date +%s)
log "configured in $((configured - start)) s; building qtbase (about 30 min on 2 cores)"
nice -n 19 cmake --build "$build/qtbase" -j "$jobs" >>"$build/qtbase-build.log" 2>&1 || {
    grep -m5 -A15 -E "error:|Error " "$build/qtbase-build.log" >&2
    log "the build failed; the whole log is $build/qtbase-build.log"
    exit 1
}
nice -n 19 cmake --install "$build/qtbase" >"$build/qtbase-install.log" 2>&1
built=$(date +%s)
log "qtbase built in $(((built - configured) / 60)) min, installed: $(du -sh "$prefix" | cut -f1)"

cp "$build"/*.log "$prefix/"
printf 'qt6-base %s\nsqlite3 %s\n%s\nmingw-w64 %s\nconfigure %s s, build %s s\n' \
    "$qtbase_version" "$sqlite_version" "$compiler" "$mingw" "$((configured - start))" \
    "$((built - configured))" >"$prefix/.complete"
rm -rf "$build"
echo "$prefix"
