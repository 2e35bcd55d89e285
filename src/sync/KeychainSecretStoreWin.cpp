// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// KeychainSecretStore on Windows: the user's Windows Credential Manager (generic credentials,
// "Cardskipper IVMS Sync" in the Control Panel's Windows Credentials), through CredWriteW,
// CredReadW and CredDeleteW. QtKeychain does the same on Windows, but its source cannot be
// built here, so the store is our own. Each secret is one credential named
// "cardskipper-ivms-sync/<key>" (for example "cardskipper-ivms-sync/device/front-door"),
// persisted for this user on this computer (not roamed), its blob the secret in UTF-8.
#include "KeychainSecretStore.h"

#include <QCoreApplication>

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
// wincred.h needs windows.h first.
#include <wincred.h>

namespace cis {

namespace {

std::wstring targetName(const QString &key)
{
    const QString name = KeychainSecretStore::serviceName() + QLatin1Char('/') + key;
    return name.toStdWString();
}

QString lastError(const char *what)
{
    const DWORD code = ::GetLastError();
    wchar_t *buffer = nullptr;
    const DWORD length = ::FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
        nullptr, code, 0, reinterpret_cast<LPWSTR>(&buffer), 0, nullptr);
    QString message;
    if (length > 0 && buffer)
        message = QString::fromWCharArray(buffer, static_cast<int>(length)).trimmed();
    ::LocalFree(buffer);
    if (message.isEmpty())
        message = QString::number(code);
    return QCoreApplication::translate("KeychainSecretStore",
                                       "Windows Credential Manager: %1 failed (%2)")
        .arg(QString::fromLatin1(what), message);
}

} // namespace

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("cardskipper-ivms-sync");
}

void KeychainSecretStore::read(const QString &key, std::function<void(ReadResult)> done)
{
    ReadResult result;
    const std::wstring target = targetName(key);
    PCREDENTIALW credential = nullptr;
    if (::CredReadW(target.c_str(), CRED_TYPE_GENERIC, 0, &credential)) {
        result.secret =
            QString::fromUtf8(reinterpret_cast<const char *>(credential->CredentialBlob),
                              static_cast<qsizetype>(credential->CredentialBlobSize));
        ::CredFree(credential);
    } else if (::GetLastError() != ERROR_NOT_FOUND) {
        result.error = lastError("CredReadW");
    }
    done(result);
}

void KeychainSecretStore::write(const QString &key, const QString &secret,
                                std::function<void(QString)> done)
{
    std::wstring target = targetName(key);
    std::wstring user = serviceName().toStdWString();
    QByteArray blob = secret.toUtf8();
    if (blob.size() > CRED_MAX_CREDENTIAL_BLOB_SIZE)
        return done(QCoreApplication::translate(
                        "KeychainSecretStore",
                        "The password is too long for the Windows Credential Manager (%1 bytes, "
                        "at most %2).")
                        .arg(blob.size())
                        .arg(CRED_MAX_CREDENTIAL_BLOB_SIZE));
    CREDENTIALW credential = {};
    credential.Type = CRED_TYPE_GENERIC;
    credential.TargetName = target.data();
    credential.UserName = user.data();
    credential.CredentialBlobSize = static_cast<DWORD>(blob.size());
    credential.CredentialBlob = reinterpret_cast<LPBYTE>(blob.data());
    credential.Persist = CRED_PERSIST_LOCAL_MACHINE;
    const bool ok = ::CredWriteW(&credential, 0);
    // The copy of the password in this process is wiped at once.
    SecureZeroMemory(blob.data(), static_cast<SIZE_T>(blob.size()));
    done(ok ? QString() : lastError("CredWriteW"));
}

void KeychainSecretStore::remove(const QString &key, std::function<void(QString)> done)
{
    const std::wstring target = targetName(key);
    if (::CredDeleteW(target.c_str(), CRED_TYPE_GENERIC, 0) || ::GetLastError() == ERROR_NOT_FOUND)
        return done({});
    done(lastError("CredDeleteW"));
}

} // namespace cis
