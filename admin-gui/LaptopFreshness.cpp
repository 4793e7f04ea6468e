// SPDX-License-Identifier: Apache-2.0
#include "LaptopFreshness.h"

#include "TimeText.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ArchiveSync {

namespace {
std::optional<qint64> count(const QJsonValue &value)
{
    if (!value.isDouble() || value.toDouble() < 0)
        return std::nullopt;
    return value.toInteger();
}

const Api::RepositoryStatus *repositoryOf(const QList<Api::RepositoryStatus> &repositories,
                                          const QString &address)
{
    for (const Api::RepositoryStatus &r : repositories) {
        if (r.address.compare(address, Qt::CaseInsensitive) == 0)
            return &r;
    }
    return nullptr;
}
} // namespace

LaptopFreshness::Evaluation LaptopFreshness::evaluate(const Api::DeviceStatus &device,
                                                      const QList<Api::RepositoryStatus> &repositories)
{
    Evaluation e;
    const QJsonObject &state = device.state;
    e.generation = count(state.value(QStringLiteral("generation")));
    e.reportedStatus = state.value(QStringLiteral("status")).toString();
    for (const QJsonValue &item : state.value(QStringLiteral("mailboxes")).toArray()) {
        MailboxReport report;
        if (item.isString()) {
            report.address = item.toString();
        } else if (item.isObject()) {
            const QJsonObject o = item.toObject();
            report.address = o.value(QStringLiteral("address")).toString();
            if (report.address.isEmpty())
                report.address = o.value(QStringLiteral("mailbox")).toString();
            report.generation = count(o.value(QStringLiteral("generation")));
            report.revision = count(o.value(QStringLiteral("revision")));
        }
        if (!report.address.isEmpty())
            e.mailboxes.append(report);
    }
    if (!device.lastSeen.isValid()) {
        e.bucket = Bucket::Never;
        e.lagSeconds = -1;
        return e;
    }

    bool upToDate = true;
    bool detailed = false;
    for (const MailboxReport &report : std::as_const(e.mailboxes)) {
        const Api::RepositoryStatus *repository = repositoryOf(repositories, report.address);
        bool current = false;
        if (repository && report.generation) {
            detailed = true;
            current = *report.generation == repository->generation &&
                      (!report.revision || *report.revision == repository->revision);
        } else if (repository) {
            current = !repository->updated.isValid() || repository->updated <= device.lastSeen;
        } else {
            current = true; // no repository (any more): nothing to be behind on
        }
        e.current.insert(report.address, current);
        upToDate = upToDate && current;
    }
    if (e.mailboxes.isEmpty() && !detailed) {
        for (const Api::RepositoryStatus &repository : repositories) {
            if (repository.enabled && repository.updated.isValid() && repository.updated > device.lastSeen)
                upToDate = false;
        }
    }
    const qint64 sinceSeen = device.lagSeconds.value_or(0);
    e.lagSeconds = upToDate ? 0 : qMax<qint64>(1, sinceSeen);
    e.bucket = bucketForLag(e.lagSeconds);
    return e;
}

LaptopFreshness::Bucket LaptopFreshness::bucketForLag(qint64 lagSeconds)
{
    if (lagSeconds < 0)
        return Bucket::Never;
    if (lagSeconds == 0)
        return Bucket::UpToDate;
    if (lagSeconds < 86400)
        return Bucket::UnderDay;
    if (lagSeconds < 7 * 86400)
        return Bucket::UnderWeek;
    return Bucket::Older;
}

QString LaptopFreshness::bucketName(Bucket bucket)
{
    switch (bucket) {
    case Bucket::UpToDate:
        return QCoreApplication::translate("LaptopFreshness", "Up to date");
    case Bucket::UnderDay:
        return QCoreApplication::translate("LaptopFreshness", "Behind up to a day");
    case Bucket::UnderWeek:
        return QCoreApplication::translate("LaptopFreshness", "Behind up to a week");
    case Bucket::Older:
        return QCoreApplication::translate("LaptopFreshness", "Behind over a week");
    case Bucket::Never:
        return QCoreApplication::translate("LaptopFreshness", "Never connected");
    }
    return {};
}

QString LaptopFreshness::lagText(const Evaluation &evaluation)
{
    if (evaluation.lagSeconds < 0)
        return QCoreApplication::translate("LaptopFreshness", "never connected");
    return TimeText::behind(evaluation.lagSeconds);
}

QString LaptopFreshness::generationText(const Evaluation &evaluation)
{
    QStringList parts;
    for (const MailboxReport &report : evaluation.mailboxes) {
        if (!report.generation)
            continue;
        QString text = QCoreApplication::translate("LaptopFreshness", "%1: g%2")
                           .arg(report.address)
                           .arg(*report.generation);
        if (report.revision)
            text += QCoreApplication::translate("LaptopFreshness", " r%1").arg(*report.revision);
        parts << text;
    }
    if (!parts.isEmpty())
        return parts.join(QStringLiteral("; "));
    if (evaluation.generation)
        return QCoreApplication::translate("LaptopFreshness", "g%1").arg(*evaluation.generation);
    return QStringLiteral("—");
}

QHash<QString, QPair<int, int>>
LaptopFreshness::countsPerMailbox(const QList<Api::DeviceStatus> &devices,
                                  const QList<Api::RepositoryStatus> &repositories)
{
    QHash<QString, QPair<int, int>> counts; // address -> (up to date, total)
    for (const Api::DeviceStatus &device : devices) {
        if (device.revoked)
            continue;
        const Evaluation e = evaluate(device, repositories);
        for (const MailboxReport &report : e.mailboxes) {
            QPair<int, int> &c = counts[report.address.toLower()];
            c.second += 1;
            if (e.current.value(report.address))
                c.first += 1;
        }
    }
    return counts;
}

} // namespace ArchiveSync
