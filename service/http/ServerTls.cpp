// SPDX-License-Identifier: Apache-2.0
#include "service/http/ServerTls.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace ArchiveSync {

namespace {
// PEM certificates and keys are a few KiB; anything this big is the wrong file.
constexpr qint64 kMaxPemBytes = 1024 * 1024;

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct KeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct X509Deleter
{
    void operator()(X509 *cert) const { X509_free(cert); }
};

Result<QByteArray> readPem(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("cannot read the TLS %1 %2: %3").arg(what, path, file.errorString()));
    if (file.size() > kMaxPemBytes)
        return Error::invalid(QStringLiteral("the TLS %1 %2 is too large to be a PEM file").arg(what, path));
    return file.readAll();
}

// Without this callback OpenSSL would ask for a passphrase on the terminal.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

QString dateText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}
} // namespace

Result<QSslConfiguration> ServerTls::load(const QString &certificateFile, const QString &keyFile,
                                          const QDateTime &now)
{
    if (!QSslSocket::supportsSsl())
        return Error::internal(
            QStringLiteral("TLS is not available: Qt found no usable TLS backend (OpenSSL 3)"));
    Result<QByteArray> certPem = readPem(certificateFile, QStringLiteral("certificate"));
    if (!certPem)
        return certPem.error();
    Result<QByteArray> keyPem = readPem(keyFile, QStringLiteral("private key"));
    if (!keyPem)
        return keyPem.error();

    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error::invalid(QStringLiteral("%1 holds no PEM certificate").arg(certificateFile));
    const QSslCertificate &certificate = chain.first();
    if (now < certificate.effectiveDate())
        return Error::invalid(QStringLiteral("the certificate in %1 is not valid before %2")
                                  .arg(certificateFile, dateText(certificate.effectiveDate())));
    if (now > certificate.expiryDate())
        return Error::invalid(QStringLiteral("the certificate in %1 expired on %2")
                                  .arg(certificateFile, dateText(certificate.expiryDate())));

    // OpenSSL reads the key: unlike QSslKey it tells the key's type, and it can check that the key
    // belongs to the certificate.
    std::unique_ptr<BIO, BioDeleter> keyBio(BIO_new_mem_buf(keyPem->constData(), int(keyPem->size())));
    std::unique_ptr<EVP_PKEY, KeyDeleter> key(
        keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    if (!key) {
        if (keyPem->contains("ENCRYPTED"))
            return Error::invalid(
                QStringLiteral("the private key in %1 is encrypted; give the service an unencrypted key "
                               "file that only its account can read")
                    .arg(keyFile));
        return Error::invalid(QStringLiteral("%1 holds no PEM private key").arg(keyFile));
    }
    QSsl::KeyAlgorithm algorithm = QSsl::Opaque;
    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA:
        algorithm = QSsl::Rsa;
        break;
    case EVP_PKEY_EC:
        algorithm = QSsl::Ec;
        break;
    default:
        return Error::invalid(
            QStringLiteral("the private key in %1 is of a type the service cannot use; give an RSA or EC key")
                .arg(keyFile));
    }
    const QByteArray certDer = certificate.toDer();
    const auto *derData = reinterpret_cast<const unsigned char *>(certDer.constData());
    std::unique_ptr<X509, X509Deleter> x509(d2i_X509(nullptr, &derData, long(certDer.size())));
    if (!x509 || X509_check_private_key(x509.get(), key.get()) != 1)
        return Error::invalid(QStringLiteral("the private key in %1 does not belong to the certificate in %2")
                                  .arg(keyFile, certificateFile));

    // Handed to Qt as plain PKCS#8 PEM: the file may hold other blocks before the key.
    std::unique_ptr<BIO, BioDeleter> out(BIO_new(BIO_s_mem()));
    if (!out || PEM_write_bio_PrivateKey(out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return Error::internal(QStringLiteral("cannot convert the private key in %1").arg(keyFile));
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    const QSslKey privateKey(QByteArray(data, qsizetype(size)), algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (privateKey.isNull())
        return Error::invalid(QStringLiteral("Qt cannot use the private key in %1").arg(keyFile));

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(privateKey);
    configuration.setProtocol(kMinimumProtocol);
    // No client certificates: clients prove who they are with tokens, and asking for a certificate
    // makes browsers prompt for one.
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace ArchiveSync
