#!/usr/bin/env bash
# The one entry point for people and CI on Debian 12: installs what the build needs (apt-get,
# through sudo when not root), configures, builds, and then starts the demo or runs the tests.
#
#   scripts/dev.sh demo   build and start the app in demo mode (built-in simulators)
#   scripts/dev.sh test   build with warnings as errors and run the whole test suite; in CI
#                         (CI set) also again with AddressSanitizer + UBSan (the asan preset)
#   scripts/dev.sh deps   only install the build dependencies
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    cmake ninja-build g++ clang-format
    qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qtkeychain-qt6-dev qt6-svg-dev libgl-dev
    xvfb xauth
)

install_dependencies() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

jobs=$(nproc 2>/dev/null || echo 2)

# In CI only: build and run the whole suite once more with AddressSanitizer and UBSan.
sanitizer_tests_in_ci() {
    [ -n "${CI:-}" ] || return 0
    echo "CI: the test suite under AddressSanitizer + UndefinedBehaviorSanitizer"
    cmake --preset asan
    cmake --build --preset asan -j "$jobs"
    ctest --preset asan -j "$jobs"
}

case "${1:-}" in
deps)
    install_dependencies
    ;;
demo)
    install_dependencies
    cmake --preset default
    cmake --build --preset default -j "$jobs"
    shift
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        exec build/src/gui/cardskipper-ivms-sync --demo "$@"
    fi
    echo "No display: running the terminal walkthrough instead of the window." >&2
    exec build/src/cli/cardskipper-ivms-sync-cli demo "$@"
    ;;
test)
    install_dependencies
    cmake --preset ci
    cmake --build --preset ci -j "$jobs"
    cmake --build --preset ci --target check-format
    ctest --preset ci -j "$jobs"
    sanitizer_tests_in_ci
    ;;
*)
    echo "usage: $0 demo|test|deps" >&2
    exit 2
    ;;
esac
