// SPDX-License-Identifier: Apache-2.0
#include "core/model/OfflineSettings.h"

#include "core/common/Sha256.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ArchiveSync {

namespace {
constexpr int kMaxContentWindowMonths = 1200;
constexpr int kMinCheckIntervalMinutes = 5;
constexpr int kMaxCheckIntervalMinutes = 7 * 24 * 60;
constexpr qint64 kMinWholeMessageBytes = 1024;
constexpr qint64 kMaxWholeMessageBytes = 2LL * 1024 * 1024 * 1024;

const QString kSubtreeSuffix = QStringLiteral("/*");

std::optional<int> parseMonths(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("all") || t == QLatin1String("0"))
        return 0;
    static const QRegularExpression re(QStringLiteral("^(\\d{1,4})\\s*(m|months?|y|years?)?$"));
    const auto match = re.match(t);
    if (!match.hasMatch())
        return std::nullopt;
    int n = match.captured(1).toInt();
    if (match.captured(2).startsWith(QLatin1Char('y')))
        n *= 12;
    return n;
}

std::optional<int> parseMinutes(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,6})\\s*(m|min|minutes?|h|hours?|d|days?)?$"));
    const auto match = re.match(text.trimmed().toLower());
    if (!match.hasMatch())
        return std::nullopt;
    qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    if (unit.startsWith(QLatin1Char('h')))
        n *= 60;
    else if (unit.startsWith(QLatin1Char('d')))
        n *= 24 * 60;
    if (n > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(n);
}

QString policyKey(const QString &key)
{
    return key.endsWith(kSubtreeSuffix) ? key.chopped(kSubtreeSuffix.size()) : key;
}
} // namespace

QString folderPolicyName(FolderPolicy policy)
{
    switch (policy) {
    case FolderPolicy::Whole:
        return QStringLiteral("whole");
    case FolderPolicy::HeadersOnly:
        return QStringLiteral("headers");
    case FolderPolicy::Excluded:
        return QStringLiteral("excluded");
    }
    return QStringLiteral("headers");
}

std::optional<FolderPolicy> folderPolicyFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == QLatin1String("whole"))
        return FolderPolicy::Whole;
    if (n == QLatin1String("headers") || n == QLatin1String("headers-only"))
        return FolderPolicy::HeadersOnly;
    if (n == QLatin1String("excluded") || n == QLatin1String("exclude"))
        return FolderPolicy::Excluded;
    return std::nullopt;
}

bool OfflineSettings::isValidFolderPath(const QString &path)
{
    if (path.isEmpty() || path.size() > 512 || path.startsWith(QLatin1Char('/')) ||
        path.endsWith(QLatin1Char('/')) || path.contains(QStringLiteral("//")))
        return false;
    for (QChar c : path) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

std::optional<qint64> OfflineSettings::parseSize(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{1,12})(?:\\.(\\d{1,3}))?\\s*([kmgt]?)(?:i?b)?$"));
    const auto match = re.match(text.trimmed().toLower());
    if (!match.hasMatch())
        return std::nullopt;
    qint64 multiplier = 1;
    switch (match.captured(3).isEmpty() ? ' ' : match.captured(3).at(0).toLatin1()) {
    case 'k':
        multiplier = 1024LL;
        break;
    case 'm':
        multiplier = 1024LL * 1024;
        break;
    case 'g':
        multiplier = 1024LL * 1024 * 1024;
        break;
    case 't':
        multiplier = 1024LL * 1024 * 1024 * 1024;
        break;
    default:
        break;
    }
    const qint64 whole = match.captured(1).toLongLong();
    if (whole > std::numeric_limits<qint64>::max() / multiplier / 2)
        return std::nullopt;
    qint64 bytes = whole * multiplier;
    if (!match.captured(2).isEmpty()) {
        const QString fraction = match.captured(2);
        qint64 scale = 1;
        for (int i = 0; i < fraction.size(); ++i)
            scale *= 10;
        bytes += fraction.toLongLong() * multiplier / scale;
    }
    return bytes;
}

QString OfflineSettings::formatSize(qint64 bytes)
{
    static const char *units[] = {"B", "K", "M", "G", "T"};
    int unit = 0;
    qint64 value = bytes;
    while (unit < 4 && value >= 1024 && value % 1024 == 0) {
        value /= 1024;
        ++unit;
    }
    return QString::number(value) + QLatin1String(units[unit]).left(unit == 0 ? 0 : 1);
}

QString OfflineSettings::humanSize(qint64 bytes)
{
    static const char *units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    double value = static_cast<double>(bytes) / 1024.0;
    int unit = 0;
    // 1023.95 and up would print as "1024.0": that is already the next unit.
    while (unit < 3 && value >= 1023.95) {
        value /= 1024.0;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

FolderPolicy OfflineSettings::policyFor(const QString &folder) const
{
    if (const auto exact = folderPolicies.constFind(folder); exact != folderPolicies.cend())
        return *exact;
    // The deepest subtree rule that covers the folder.
    QString prefix = folder;
    for (;;) {
        if (const auto it = folderPolicies.constFind(prefix + kSubtreeSuffix); it != folderPolicies.cend())
            return *it;
        const qsizetype slash = prefix.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            break;
        prefix.truncate(slash);
    }
    return defaultFolderPolicy;
}

Delivery OfflineSettings::deliveryFor(const DeliveryInput &message) const
{
    const FolderPolicy policy = policyFor(message.folder);
    if (policy == FolderPolicy::Excluded)
        return Delivery::Excluded;
    // A signature cannot be checked, nor an encrypted message read, from headers; a contact
    // or an appointment is useless without its body. These always travel whole.
    if (message.folderKind != FolderKind::Mail || message.isSigned || message.isEncrypted)
        return Delivery::WholeInIndex;
    if (policy == FolderPolicy::Whole && message.size <= maxWholeMessageBytes)
        return Delivery::WholeInBodies;
    return Delivery::HeadersOnly;
}

Status OfflineSettings::applyKeyValue(const QString &assignment)
{
    const qsizetype eq = assignment.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return Error::invalid(QStringLiteral("expected KEY=VALUE, got '%1'").arg(assignment),
                              eq < 0 ? assignment.trimmed() : QString());
    const QString key = assignment.left(eq).trimmed();
    const QString value = assignment.mid(eq + 1).trimmed();
    OfflineSettings next = *this;

    if (key == QLatin1String("content-window")) {
        const auto months = parseMonths(value);
        if (!months)
            return Error::invalid(
                QStringLiteral(
                    "content-window: expected 'all' or a number of months such as 12 or 2y, got '%1'")
                    .arg(value),
                key);
        next.contentWindowMonths = *months;
    } else if (key == QLatin1String("default-folder-policy")) {
        const auto policy = folderPolicyFromName(value);
        if (!policy)
            return Error::invalid(
                QStringLiteral("default-folder-policy: expected whole, headers or excluded, got '%1'")
                    .arg(value),
                key);
        next.defaultFolderPolicy = *policy;
    } else if (key.startsWith(QLatin1String("folder."))) {
        const QString folder = key.mid(7);
        if (!isValidFolderPath(policyKey(folder)))
            return Error::invalid(QStringLiteral("%1: '%2' is not a valid folder path").arg(key, folder),
                                  key);
        if (value.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0) {
            next.folderPolicies.remove(folder);
        } else {
            const auto policy = folderPolicyFromName(value);
            if (!policy)
                return Error::invalid(
                    QStringLiteral("%1: expected whole, headers, excluded or default, got '%2'")
                        .arg(key, value),
                    key);
            next.folderPolicies.insert(folder, *policy);
        }
    } else if (key == QLatin1String("max-whole-size")) {
        const auto bytes = parseSize(value);
        if (!bytes)
            return Error::invalid(
                QStringLiteral("max-whole-size: expected a size such as 50M or 1G, got '%1'").arg(value),
                key);
        next.maxWholeMessageBytes = *bytes;
    } else if (key == QLatin1String("check-interval")) {
        const auto minutes = parseMinutes(value);
        if (!minutes)
            return Error::invalid(
                QStringLiteral("check-interval: expected a duration such as 30m, 2h or 1d, got '%1'")
                    .arg(value),
                key);
        next.checkIntervalMinutes = *minutes;
    } else if (key == QLatin1String("max-cache-size")) {
        const bool unlimited = value.compare(QLatin1String("unlimited"), Qt::CaseInsensitive) == 0;
        const auto bytes = unlimited ? std::optional<qint64>(0) : parseSize(value);
        if (!bytes)
            return Error::invalid(
                QStringLiteral("max-cache-size: expected a size such as 10G, or unlimited, got '%1'")
                    .arg(value),
                key);
        next.maxCacheBytes = *bytes;
    } else {
        return Error::invalid(
            QStringLiteral("unknown setting '%1' (known: content-window, default-folder-policy, "
                           "folder.<path>, max-whole-size, check-interval, max-cache-size)")
                .arg(key),
            key);
    }
    if (Status valid = next.validate(); !valid.ok())
        return valid;
    *this = next;
    return {};
}

Status OfflineSettings::validate() const
{
    if (contentWindowMonths < 0 || contentWindowMonths > kMaxContentWindowMonths)
        return Error::invalid(QStringLiteral("content-window must be between 0 (all) and %1 months")
                                  .arg(kMaxContentWindowMonths),
                              QStringLiteral("content-window"));
    if (maxWholeMessageBytes < kMinWholeMessageBytes || maxWholeMessageBytes > kMaxWholeMessageBytes)
        return Error::invalid(QStringLiteral("max-whole-size must be between 1K and 2G"),
                              QStringLiteral("max-whole-size"));
    if (checkIntervalMinutes < kMinCheckIntervalMinutes || checkIntervalMinutes > kMaxCheckIntervalMinutes)
        return Error::invalid(QStringLiteral("check-interval must be between 5 minutes and 7 days"),
                              QStringLiteral("check-interval"));
    if (maxCacheBytes < 0)
        return Error::invalid(QStringLiteral("max-cache-size must not be negative"),
                              QStringLiteral("max-cache-size"));
    if (maxCacheBytes > 0 && maxCacheBytes < 16LL * 1024 * 1024)
        return Error::invalid(QStringLiteral("max-cache-size must be unlimited or at least 16M"),
                              QStringLiteral("max-cache-size"));
    for (auto it = folderPolicies.cbegin(); it != folderPolicies.cend(); ++it) {
        if (!isValidFolderPath(policyKey(it.key())))
            return Error::invalid(QStringLiteral("'%1' is not a valid folder path").arg(it.key()),
                                  QStringLiteral("folder.") + it.key());
    }
    return {};
}

QJsonObject OfflineSettings::toJson() const
{
    QJsonObject folders;
    for (auto it = folderPolicies.cbegin(); it != folderPolicies.cend(); ++it)
        folders.insert(it.key(), folderPolicyName(it.value()));
    return QJsonObject{
        {QStringLiteral("contentWindowMonths"), contentWindowMonths},
        {QStringLiteral("defaultFolderPolicy"), folderPolicyName(defaultFolderPolicy)},
        {QStringLiteral("folderPolicies"), folders},
        {QStringLiteral("maxWholeMessageBytes"), maxWholeMessageBytes},
        {QStringLiteral("checkIntervalMinutes"), checkIntervalMinutes},
        {QStringLiteral("maxCacheBytes"), maxCacheBytes},
    };
}

Result<OfflineSettings> OfflineSettings::fromJson(const QJsonObject &json)
{
    static const QStringList known = {
        QStringLiteral("contentWindowMonths"),  QStringLiteral("defaultFolderPolicy"),
        QStringLiteral("folderPolicies"),       QStringLiteral("maxWholeMessageBytes"),
        QStringLiteral("checkIntervalMinutes"), QStringLiteral("maxCacheBytes")};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return Error::invalid(QStringLiteral("unknown field '%1'").arg(it.key()), it.key());
    }
    OfflineSettings s;
    auto integer = [&json](const QString &name, qint64 &out) -> Status {
        if (!json.contains(name))
            return {};
        const QJsonValue v = json.value(name);
        const double d = v.toDouble(-1);
        // The range check comes first: casting a double beyond qint64 is undefined behaviour.
        if (!v.isDouble() || d < -9.0e15 || d > 9.0e15 || d != static_cast<double>(static_cast<qint64>(d)))
            return Error::invalid(QStringLiteral("%1 must be a whole number").arg(name), name);
        out = static_cast<qint64>(d);
        return {};
    };
    qint64 months = s.contentWindowMonths, maxWhole = s.maxWholeMessageBytes,
           interval = s.checkIntervalMinutes, cache = s.maxCacheBytes;
    for (const auto &[name, target] :
         {std::pair<QString, qint64 *>{QStringLiteral("contentWindowMonths"), &months},
          {QStringLiteral("maxWholeMessageBytes"), &maxWhole},
          {QStringLiteral("checkIntervalMinutes"), &interval},
          {QStringLiteral("maxCacheBytes"), &cache}}) {
        if (Status st = integer(name, *target); !st.ok())
            return st.error();
    }
    // Checked before the narrowing casts below; the remaining ranges are validate()'s.
    if (months < 0 || months > kMaxContentWindowMonths)
        return Error::invalid(
            QStringLiteral("contentWindowMonths must be between 0 and %1").arg(kMaxContentWindowMonths),
            QStringLiteral("contentWindowMonths"));
    if (interval < kMinCheckIntervalMinutes || interval > kMaxCheckIntervalMinutes)
        return Error::invalid(QStringLiteral("checkIntervalMinutes must be between %1 and %2")
                                  .arg(kMinCheckIntervalMinutes)
                                  .arg(kMaxCheckIntervalMinutes),
                              QStringLiteral("checkIntervalMinutes"));
    s.contentWindowMonths = static_cast<int>(months);
    s.maxWholeMessageBytes = maxWhole;
    s.checkIntervalMinutes = static_cast<int>(interval);
    s.maxCacheBytes = cache;

    if (json.contains(QStringLiteral("defaultFolderPolicy"))) {
        const QJsonValue v = json.value(QStringLiteral("defaultFolderPolicy"));
        const auto policy = v.isString() ? folderPolicyFromName(v.toString()) : std::nullopt;
        if (!policy)
            return Error::invalid(
                QStringLiteral("defaultFolderPolicy must be one of whole, headers, excluded"),
                QStringLiteral("defaultFolderPolicy"));
        s.defaultFolderPolicy = *policy;
    }
    if (json.contains(QStringLiteral("folderPolicies"))) {
        const QJsonValue v = json.value(QStringLiteral("folderPolicies"));
        if (!v.isObject())
            return Error::invalid(QStringLiteral("folderPolicies must be an object of folder path to policy"),
                                  QStringLiteral("folderPolicies"));
        s.folderPolicies.clear();
        const QJsonObject folders = v.toObject();
        for (auto it = folders.begin(); it != folders.end(); ++it) {
            const auto policy =
                it.value().isString() ? folderPolicyFromName(it.value().toString()) : std::nullopt;
            const QString field = QStringLiteral("folderPolicies.") + it.key();
            if (!policy)
                return Error::invalid(QStringLiteral("%1 must be one of whole, headers, excluded").arg(field),
                                      field);
            s.folderPolicies.insert(it.key(), *policy);
        }
    }
    if (Status valid = s.validate(); !valid.ok()) {
        // validate() names settings as the CLI spells them; JSON callers get the JSON field.
        static const QMap<QString, QString> jsonNames = {
            {QStringLiteral("content-window"), QStringLiteral("contentWindowMonths")},
            {QStringLiteral("max-whole-size"), QStringLiteral("maxWholeMessageBytes")},
            {QStringLiteral("check-interval"), QStringLiteral("checkIntervalMinutes")},
            {QStringLiteral("max-cache-size"), QStringLiteral("maxCacheBytes")}};
        Error error = valid.error();
        if (error.field.startsWith(QLatin1String("folder.")))
            error.field = QStringLiteral("folderPolicies.") + error.field.mid(7);
        else
            error.field = jsonNames.value(error.field, error.field);
        return error;
    }
    return s;
}

QString OfflineSettings::contentFingerprint() const
{
    QJsonObject content = toJson();
    content.remove(QStringLiteral("checkIntervalMinutes"));
    content.remove(QStringLiteral("maxCacheBytes"));
    return Sha256::hex(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

QString OfflineSettings::keyValueHelp()
{
    return QStringLiteral(
        "Settings: content-window=all|N(months), default-folder-policy=whole|headers|excluded,\n"
        "  folder.PATH=whole|headers|excluded|default (PATH/* covers subfolders), max-whole-size=SIZE,\n"
        "  check-interval=DURATION, max-cache-size=SIZE|unlimited\n");
}

QStringList OfflineSettings::describe() const
{
    QStringList lines;
    lines << QStringLiteral("content-window=%1")
                 .arg(contentWindowMonths == 0 ? QStringLiteral("all")
                                               : QString::number(contentWindowMonths));
    lines << QStringLiteral("default-folder-policy=%1").arg(folderPolicyName(defaultFolderPolicy));
    for (auto it = folderPolicies.cbegin(); it != folderPolicies.cend(); ++it)
        lines << QStringLiteral("folder.%1=%2").arg(it.key(), folderPolicyName(it.value()));
    lines << QStringLiteral("max-whole-size=%1").arg(formatSize(maxWholeMessageBytes));
    lines << QStringLiteral("check-interval=%1m").arg(checkIntervalMinutes);
    lines << QStringLiteral("max-cache-size=%1")
                 .arg(maxCacheBytes == 0 ? QStringLiteral("unlimited") : formatSize(maxCacheBytes));
    return lines;
}

} // namespace ArchiveSync
