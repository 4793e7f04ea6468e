// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/Result.h"
#include "service/http/GuardedTcpServer.h"
#include "service/offline/AdmissionControl.h"

#include <QHostAddress>
#include <QString>

#include <optional>

namespace ArchiveSync {

/// \brief What `serve` runs with: where it listens, its TLS files, its connection limits and the
/// initial-sync admission, read from an INI file (`serve --config FILE`) and then overridden by
/// command-line options.
///
/// The file is strict like the offline settings: an unknown section or key, or a value that does not
/// parse or is out of range, is an error that names the key, and nothing is used.
///
///     [server]   listen=HOST:PORT  tls_cert=FILE  tls_key=FILE
///     [limits]   max_connections=N  max_connections_per_address=N  header_timeout=DURATION
///                idle_timeout=DURATION  max_body=SIZE
///     [offline]  max_initial_syncs=N  lease=DURATION
///
/// Durations are "500ms", "30s", "5m", "1h" (a bare number is seconds); sizes "512K", "1M", "1G".
/// TLS files named relatively in the file are found next to it.
class ServiceConfig
{
public:
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8470;
    QString tlsCertificateFile; ///< empty: plain HTTP
    QString tlsKeyFile;
    GuardedTcpServer::Limits limits;
    AdmissionControl::Settings admission;

    bool tlsEnabled() const { return !tlsCertificateFile.isEmpty(); }

    /// Reads an INI file over the current values; all or nothing. Errors: Invalid naming the key
    /// (field "section/key") or the file when it is not INI, Io when it cannot be read.
    Status loadFile(const QString &path);
    /// "HOST:PORT" with a numeric address, "[::1]:8470" for IPv6; port 0 picks a free one. `name`
    /// is how the message calls the setting.
    Status setListen(const QString &value, const QString &name = QStringLiteral("--listen"));
    /// Checks what single values cannot: the TLS files come as a pair.
    Status validate() const;

    /// Milliseconds for "500ms", "30s", "5m", "1h", "1d" or bare seconds; nullopt when it is not one.
    static std::optional<qint64> parseDuration(const QString &text);
};

} // namespace ArchiveSync
