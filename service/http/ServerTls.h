// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QSslConfiguration>
#include <QString>

namespace ArchiveSync {

/// \brief The certificate and private key `serve` presents for HTTPS, checked before the service starts.
///
/// A mistake in them would otherwise show only as failed handshakes once clients connect, so load()
/// refuses at start-up what cannot work: an unreadable file, no PEM certificate, an encrypted or
/// unsupported key, a key that does not belong to the certificate, a certificate not valid now.
class ServerTls
{
public:
    /// The oldest protocol offered; TLS 1.0 and 1.1 are broken and no supported client needs them.
    static constexpr QSsl::SslProtocol kMinimumProtocol = QSsl::TlsV1_2OrLater;

    /// certificateFile: PEM, the server's certificate first, then any intermediates. keyFile: its
    /// unencrypted PEM private key (RSA or EC). Errors: Io for an unreadable file, Invalid otherwise;
    /// every message names the file.
    static Result<QSslConfiguration> load(const QString &certificateFile, const QString &keyFile,
                                          const QDateTime &now);
};

} // namespace ArchiveSync
