// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
#pragma once

#include "SecretStore.h"

namespace cis {

// The operating system's keychain: QtKeychain (Secret Service / KWallet on Linux, Keychain on
// macOS; KeychainSecretStore.cpp), or on Windows the Credential Manager directly
// (KeychainSecretStoreWin.cpp). No insecure fallback: when no keychain is available, reads and
// writes fail with the keychain's own message.
class KeychainSecretStore final : public SecretStore
{
public:
    static QString serviceName();

    void read(const QString &key, std::function<void(ReadResult)> done) override;
    void write(const QString &key, const QString &secret,
               std::function<void(QString error)> done) override;
    void remove(const QString &key, std::function<void(QString error)> done) override;
};

} // namespace cis
