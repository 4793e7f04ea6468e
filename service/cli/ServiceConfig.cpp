// SPDX-License-Identifier: Apache-2.0
#include "service/cli/ServiceConfig.h"

#include "core/model/OfflineSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

#include <functional>

namespace ArchiveSync {

namespace {
constexpr qint64 kSecond = 1000;
constexpr qint64 kDay = 24 * 3600 * kSecond;

QString keyName(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return slash < 0 ? key : QStringLiteral("[%1] %2").arg(key.left(slash), key.mid(slash + 1));
}

Error badValue(const QString &key, const QString &expected, const QString &value)
{
    return Error::invalid(QStringLiteral("%1: expected %2, got '%3'").arg(keyName(key), expected, value),
                          key);
}

Result<qint64> count(const QString &key, const QString &value, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 n = value.trimmed().toLongLong(&ok);
    if (!ok || n < min || n > max)
        return badValue(key, QStringLiteral("a whole number from %1 to %2").arg(min).arg(max), value);
    return n;
}

Result<qint64> duration(const QString &key, const QString &value, qint64 minMsecs, qint64 maxMsecs,
                        const QString &range)
{
    const std::optional<qint64> msecs = ServiceConfig::parseDuration(value);
    if (!msecs || *msecs < minMsecs || *msecs > maxMsecs)
        return badValue(key, QStringLiteral("a duration such as 30s or 5m, %1").arg(range), value);
    return *msecs;
}
} // namespace

std::optional<qint64> ServiceConfig::parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,9})\\s*(ms|s|m|h|d)?$"));
    const QRegularExpressionMatch match = re.match(text.trimmed().toLower());
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    if (unit == QLatin1String("ms"))
        return n;
    if (unit == QLatin1String("m"))
        return n * 60 * kSecond;
    if (unit == QLatin1String("h"))
        return n * 3600 * kSecond;
    if (unit == QLatin1String("d"))
        return n * kDay;
    return n * kSecond;
}

Status ServiceConfig::setListen(const QString &value, const QString &name)
{
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = colon > 0 ? value.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? value.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress parsed(host);
    if (!portOk || port > 65535 || parsed.isNull())
        return Error::invalid(QStringLiteral("%1 needs HOST:PORT with a numeric address, e.g. 127.0.0.1:8470 "
                                             "or [::1]:8470 (port 0 picks a free one)")
                                  .arg(name),
                              QStringLiteral("listen"));
    address = parsed;
    this->port = static_cast<quint16>(port);
    return {};
}

Status ServiceConfig::validate() const
{
    if (tlsCertificateFile.isEmpty() != tlsKeyFile.isEmpty())
        return Error::invalid(QStringLiteral("TLS needs both a certificate and its private key "
                                             "(--tls-cert and --tls-key, or tls_cert and tls_key)"),
                              tlsCertificateFile.isEmpty() ? QStringLiteral("tls_cert")
                                                           : QStringLiteral("tls_key"));
    return {};
}

Status ServiceConfig::loadFile(const QString &path)
{
    // QSettings reads a missing or unreadable file as an empty one; that must not pass silently.
    QFile probe(path);
    if (!probe.open(QIODevice::ReadOnly))
        return Error::io(
            QStringLiteral("cannot read the configuration file %1: %2").arg(path, probe.errorString()));
    probe.close();
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Error::invalid(QStringLiteral("%1 is not a valid INI file").arg(path));

    const QDir base = QFileInfo(path).absoluteDir();
    const auto file = [&base](const QString &value) {
        return value.isEmpty() ? value : QDir::cleanPath(base.absoluteFilePath(value));
    };
    ServiceConfig next = *this;
    using Apply = std::function<Status(const QString &key, const QString &value)>;
    const QList<std::pair<QString, Apply>> known = {
        {QStringLiteral("server/listen"),
         [&](const QString &key, const QString &value) {
             return next.setListen(value, keyName(key));
         }},
        {QStringLiteral("server/tls_cert"),
         [&](const QString &, const QString &value) {
             next.tlsCertificateFile = file(value);
             return Status();
         }},
        {QStringLiteral("server/tls_key"),
         [&](const QString &, const QString &value) {
             next.tlsKeyFile = file(value);
             return Status();
         }},
        {QStringLiteral("limits/max_connections"),
         [&](const QString &key, const QString &value) -> Status {
             Result<qint64> n = count(key, value, 1, 1'000'000);
             if (!n)
                 return n.error();
             next.limits.maxConnections = int(*n);
             return {};
         }},
        {QStringLiteral("limits/max_connections_per_address"),
         [&](const QString &key, const QString &value) -> Status {
             Result<qint64> n = count(key, value, 1, 1'000'000);
             if (!n)
                 return n.error();
             next.limits.maxConnectionsPerAddress = int(*n);
             return {};
         }},
        {QStringLiteral("limits/header_timeout"),
         [&](const QString &key, const QString &value) -> Status {
             Result<qint64> msecs = duration(key, value, 100, 3600 * kSecond, QStringLiteral("100ms to 1h"));
             if (!msecs)
                 return msecs.error();
             next.limits.headerTimeoutMsecs = int(*msecs);
             return {};
         }},
        {QStringLiteral("limits/idle_timeout"),
         [&](const QString &key, const QString &value) -> Status {
             Result<qint64> msecs = duration(key, value, kSecond, kDay, QStringLiteral("1s to 1d"));
             if (!msecs)
                 return msecs.error();
             next.limits.idleTimeoutMsecs = int(*msecs);
             return {};
         }},
        {QStringLiteral("limits/max_body"),
         [&](const QString &key, const QString &value) -> Status {
             // QHttpServer 6.4 holds a whole body in memory, hence the ceiling.
             const std::optional<qint64> bytes = OfflineSettings::parseSize(value);
             if (!bytes || *bytes < 1024 || *bytes > 1024LL * 1024 * 1024)
                 return badValue(key, QStringLiteral("a size such as 1M, from 1K to 1G"), value);
             next.limits.maxBodyBytes = *bytes;
             return {};
         }},
        {QStringLiteral("offline/max_initial_syncs"),
         [&](const QString &key, const QString &value) -> Status {
             Result<qint64> n = count(key, value, 1, 10'000);
             if (!n)
                 return n.error();
             next.admission.maxHolders = int(*n);
             return {};
         }},
        {QStringLiteral("offline/lease"),
         [&](const QString &key, const QString &value) -> Status {
             Result<qint64> msecs = duration(key, value, kSecond, kDay, QStringLiteral("1s to 1d"));
             if (!msecs)
                 return msecs.error();
             if (*msecs % kSecond != 0)
                 return badValue(key, QStringLiteral("whole seconds"), value);
             next.admission.leaseSeconds = int(*msecs / kSecond);
             return {};
         }},
    };

    QStringList keys = settings.allKeys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        const auto it =
            std::find_if(known.cbegin(), known.cend(), [&key](const auto &k) { return k.first == key; });
        if (it == known.cend()) {
            QStringList names;
            for (const auto &k : known)
                names.append(keyName(k.first));
            return Error::invalid(QStringLiteral("%1: %2: unknown setting (known: %3)")
                                      .arg(path, keyName(key), names.join(QStringLiteral(", "))),
                                  key);
        }
        // A value with a comma comes back as a list; none of ours has one, so it is simply wrong.
        const QVariant raw = settings.value(key);
        const QString value = raw.typeId() == QMetaType::QStringList
                                  ? raw.toStringList().join(QLatin1Char(','))
                                  : raw.toString().trimmed();
        if (Status st = it->second(key, value); !st.ok())
            return Error::invalid(QStringLiteral("%1: %2").arg(path, st.errorString()), key);
    }
    *this = next;
    return {};
}

} // namespace ArchiveSync
