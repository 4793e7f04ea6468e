// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"

#include <QFile>

#include <openssl/evp.h>

namespace ArchiveSync {

void Sha256::CtxDeleter::operator()(evp_md_ctx_st *ctx) const
{
    EVP_MD_CTX_free(ctx);
}

Sha256::Sha256()
    : m_ctx(EVP_MD_CTX_new())
{
    reset();
}

Sha256::~Sha256() = default;

void Sha256::reset()
{
    EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr);
}

void Sha256::addData(const char *data, qsizetype size)
{
    EVP_DigestUpdate(m_ctx.get(), data, static_cast<size_t>(size));
}

QByteArray Sha256::result()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx.get(), digest, &length);
    reset();
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length));
}

QString Sha256::hex(QByteArrayView data)
{
    Sha256 hash;
    hash.addData(data);
    return hash.resultHex();
}

Result<QString> Sha256::hashFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return Error::io(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        if (n == 0)
            break;
        hash.addData(buffer.constData(), n);
    }
    return hash.resultHex();
}

bool Sha256::isValidHex(QStringView s)
{
    if (s.size() != 64)
        return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f')))
            return false;
    }
    return true;
}

} // namespace ArchiveSync
