// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct evp_md_ctx_st;

namespace ArchiveSync {

/// \brief Incremental SHA-256 over OpenSSL's EVP interface (several times faster than QCryptographicHash).
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, qsizetype size);
    void addData(QByteArrayView data) { addData(data.data(), data.size()); }
    /// Ends the hash and returns the 32-byte digest; the object starts over afterwards.
    QByteArray result();
    /// Ends the hash and returns the digest as 64 lower-case hex digits.
    QString resultHex() { return QString::fromLatin1(result().toHex()); }

    static QString hex(QByteArrayView data);
    /// Streams a file through the hash in large blocks.
    static Result<QString> hashFile(const QString &path);
    /// True when s is 64 lower-case hex digits, the only form a hash takes in paths and names.
    static bool isValidHex(QStringView s);

    /// Drops what was added: the object starts over.
    void reset();

private:
    struct CtxDeleter
    {
        void operator()(evp_md_ctx_st *ctx) const;
    };
    std::unique_ptr<evp_md_ctx_st, CtxDeleter> m_ctx;
};

} // namespace ArchiveSync
