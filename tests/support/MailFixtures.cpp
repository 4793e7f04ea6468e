// SPDX-License-Identifier: Apache-2.0
#include "tests/support/MailFixtures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ArchiveSync::Testing {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-05-04T12:00:00Z"), Qt::ISODate);

QByteArray fixtureMail(const QByteArray &subject, const QByteArray &date, const QByteArray &body,
                       const QByteArray &extraHeaders)
{
    return "From: Alice <alice@example.org>\n"
           "To: bob@example.org\n"
           "Subject: " +
           subject +
           "\n"
           "Message-ID: <" +
           subject +
           "@example.org>\n"
           "Date: " +
           date + "\n" + extraHeaders + "\n" + body;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    return f.write(data) == data.size();
}

bool makeMaildir(const QString &dir)
{
    return QDir().mkpath(dir + QStringLiteral("/cur")) && QDir().mkpath(dir + QStringLiteral("/new")) &&
           QDir().mkpath(dir + QStringLiteral("/tmp"));
}

} // namespace ArchiveSync::Testing
