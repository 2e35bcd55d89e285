// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Cardskipper IVMS Sync developers
// Windows only: KeychainSecretStore keeps passwords in the Windows Credential Manager. A
// password is stored, read back, replaced and deleted; a missing one is "no such entry", not
// an error; and it is a generic credential of ours, found by Windows' own CredReadW.
#include "KeychainSecretStore.h"

#include <QTest>
#include <QUuid>

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
// wincred.h needs windows.h first.
#include <wincred.h>

using namespace cis;

namespace {
SecretStore::ReadResult readNow(SecretStore &store, const QString &key)
{
    SecretStore::ReadResult result;
    bool called = false;
    store.read(key, [&](SecretStore::ReadResult r) {
        result = std::move(r);
        called = true;
    });
    if (!called)
        qFatal("read did not answer");
    return result;
}

QString writeNow(SecretStore &store, const QString &key, const QString &secret)
{
    QString error = QStringLiteral("not called");
    store.write(key, secret, [&](QString e) { error = std::move(e); });
    return error;
}

QString removeNow(SecretStore &store, const QString &key)
{
    QString error = QStringLiteral("not called");
    store.remove(key, [&](QString e) { error = std::move(e); });
    return error;
}
} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private:
    KeychainSecretStore m_store;
    // A key of its own per run, so that a run that died half-way leaves nothing in the way.
    const QString m_key = SecretStore::deviceKey(
        QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));

private slots:
    void cleanup() { QCOMPARE(removeNow(m_store, m_key), QString()); }

    void aMissingPasswordIsNoEntryAndNoError()
    {
        const auto result = readNow(m_store, m_key);
        QVERIFY(!result.secret);
        QCOMPARE(result.error, QString());
    }

    void storedReadBackReplacedAndDeleted()
    {
        const QString secret =
            QStringLiteral("Lösen: åäö €, \"quoted\" and long ") + QString(200, QLatin1Char('x'));
        QCOMPARE(writeNow(m_store, m_key, secret), QString());
        auto result = readNow(m_store, m_key);
        QCOMPARE(result.error, QString());
        QVERIFY(result.secret);
        QCOMPARE(*result.secret, secret);

        QCOMPARE(writeNow(m_store, m_key, QStringLiteral("second")), QString());
        result = readNow(m_store, m_key);
        QVERIFY(result.secret);
        QCOMPARE(*result.secret, QStringLiteral("second"));

        QCOMPARE(removeNow(m_store, m_key), QString());
        result = readNow(m_store, m_key);
        QVERIFY(!result.secret);
        QCOMPARE(result.error, QString());
        // Deleting what is not there is not an error either.
        QCOMPARE(removeNow(m_store, m_key), QString());
    }

    void itIsAGenericCredentialNamedForTheApp()
    {
        QCOMPARE(writeNow(m_store, m_key, QStringLiteral("door-password")), QString());
        const QString name = QStringLiteral("cardskipper-ivms-sync/") + m_key;
        const std::wstring target = name.toStdWString();
        PCREDENTIALW credential = nullptr;
        QVERIFY(::CredReadW(target.c_str(), CRED_TYPE_GENERIC, 0, &credential));
        QCOMPARE(credential->Persist, static_cast<DWORD>(CRED_PERSIST_LOCAL_MACHINE));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(credential->CredentialBlob),
                            static_cast<qsizetype>(credential->CredentialBlobSize)),
                 QByteArray("door-password"));
        ::CredFree(credential);
    }

    void aPasswordTooLongForWindowsIsRefusedWithAReason()
    {
        const QString error = writeNow(m_store, m_key, QString(3000, QLatin1Char('y')));
        QVERIFY(error.contains(QStringLiteral("too long")));
        QVERIFY(!readNow(m_store, m_key).secret);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
