// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace cis::fuzz {

// Once per process, from LLVMFuzzerInitialize: a QCoreApplication for the Qt classes that want
// one, and our logging categories silenced (a warning per hostile input would cost more than
// the parsing). The application is never destroyed: libFuzzer leaves through exit().
inline void initialise()
{
    static int argc = 1;
    static char name[] = "fuzz";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("cis.*=false"));
}

// The fuzzer's bytes without a copy, so that a read past the end is caught.
inline QByteArray bytes(const std::uint8_t *data, std::size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A broken invariant is a finding like a crash.
inline void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace cis::fuzz
