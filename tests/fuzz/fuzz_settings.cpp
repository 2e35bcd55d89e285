// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// The settings file is written by people and by older or newer versions of the program: every
// input is written to an INI file and read with AppSettings::load, then validated.
#include "FuzzSupport.h"
#include "Settings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <filesystem>
#include <string>

using namespace cis;

namespace {

QTemporaryDir *scratch = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The file's time stamp goes through local time; in UTC the C library's time zone state
    // stays put instead of allocating now and then, which libFuzzer would take for leaks.
    qputenv("TZ", "UTC");
    fuzz::initialise();
    // In memory where there is such a folder: a disk makes every input wait for the file.
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    const QString folder = shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
    scratch = new QTemporaryDir(folder + QStringLiteral("/cis-fuzz-settings-XXXXXX"));
    if (!scratch->isValid())
        std::abort();
    // libFuzzer ends with exit(), which never runs the folder's destructor; plain C++ here, as
    // Qt may already be shutting down.
    static const std::string folderToRemove = scratch->path().toStdString();
    std::atexit([] {
        std::error_code ignored;
        std::filesystem::remove_all(folderToRemove, ignored);
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // One file, with a new time stamp for every input: QSettings keeps a file it has read by
    // path and rereads it only when its size or time stamp changed. A new name per input would
    // fill that cache, and libFuzzer would take every input for a leak.
    static qint64 stamp = 0;
    const QString path = scratch->filePath(QStringLiteral("settings.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
        if (!file.setFileTime(QDateTime::fromSecsSinceEpoch(1000000000 + ++stamp, Qt::UTC),
                              QFileDevice::FileModificationTime))
            std::abort();
    }

    QSettings settings(path, QSettings::IniFormat);
    QStringList problems;
    const AppSettings loaded = AppSettings::load(settings, &problems);
    loaded.validate();
    for (const DeviceSettings &device : loaded.devices) {
        fuzz::require(!device.id.isEmpty(), "every device has an id");
        fuzz::require(device.pinnedCertificateSha256.isEmpty() ||
                          device.pinnedCertificateSha256.size() == 32,
                      "a pinned certificate is a SHA-256");
        fuzz::require(device.maxConcurrentRequests >= 1 && device.maxConcurrentRequests <= 8,
                      "concurrency in range");
        fuzz::require(loaded.device(device.id) != nullptr, "a device is found by its id");
    }
    fuzz::require(loaded.sync.nightlyReconcileAt.isValid(), "a valid nightly time");
    fuzz::require(loaded.sync.intervalSeconds >= 30, "interval in range");
    return 0;
}
