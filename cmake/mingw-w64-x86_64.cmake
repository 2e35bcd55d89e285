# SPDX-License-Identifier: GPL-3.0-or-later
# Cross-compiling for 64-bit Windows with Debian's MinGW-w64 (posix threads, which Qt needs for
# std::thread and std::mutex). Used for Qt itself (scripts/windows/build-qt.sh) and for the
# project (the windows preset). The project finds its Qt through CIS_WINDOWS_QT (the prefix
# scripts/windows/build-qt.sh prints), from the cache or the environment.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(CIS_MINGW_TRIPLET x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${CIS_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${CIS_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${CIS_MINGW_TRIPLET}-windres)

if(NOT CIS_WINDOWS_QT AND DEFINED ENV{CIS_WINDOWS_QT})
    set(CIS_WINDOWS_QT "$ENV{CIS_WINDOWS_QT}")
endif()
# try_compile projects get a fresh cache: hand the Qt prefix on.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CIS_WINDOWS_QT)

set(CMAKE_FIND_ROOT_PATH /usr/${CIS_MINGW_TRIPLET})
if(CIS_WINDOWS_QT)
    list(APPEND CMAKE_FIND_ROOT_PATH "${CIS_WINDOWS_QT}")
    list(APPEND CMAKE_PREFIX_PATH "${CIS_WINDOWS_QT}")
endif()
# Programs (compilers, Qt's host tools) are the build machine's; libraries, headers and CMake
# packages only the target's, so that nothing from /usr/lib/x86_64-linux-gnu slips in.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Tests and other target programs run under Wine (ctest, and Qt's own build steps that run one).
find_program(CIS_WINE_EXECUTABLE NAMES wine wine64)
if(CIS_WINE_EXECUTABLE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${CIS_WINE_EXECUTABLE})
endif()
