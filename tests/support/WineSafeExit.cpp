// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Windows test programs only, linked with -Wl,--wrap=main (tests/CMakeLists.txt): the C
// runtime's call of main() comes here first.
//
// Under Wine a test program whose every function has passed, whose results are written and
// whose main() has returned, now and then never ends: the process hangs in libstdc++-6.dll's
// DLL_PROCESS_DETACH (traced with WINEDEBUG=+module), after ExitProcess has already ended the
// threads Qt and Wine started. ctest then fails it at its 600 s timeout, at random (seen for
// tst_clock, tst_syncservice and the window program). The DLLs have nothing left to do for a
// test at that point: Qt Test has closed its result files, the test object and the application
// are destroyed. So the process ends here, with main()'s exit code, once the C runtime's
// buffers are written, without running the DLLs' detach code.
#include <cstdio>
#include <windows.h>

extern "C" int __real_main(int argc, char **argv, char **envp);

extern "C" int __wrap_main(int argc, char **argv, char **envp)
{
    const int code = __real_main(argc, argv, envp);
    std::fflush(nullptr);
    TerminateProcess(GetCurrentProcess(), static_cast<UINT>(code));
    return code; // not reached
}
