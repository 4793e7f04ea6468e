// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/SafeTextBrowser.h"

#include "core/sync/SyncLogging.h"

#include <QRegularExpression>

namespace ArchiveSync {

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setSearchPaths({});
}

QString SafeTextBrowser::sanitize(const QString &html)
{
    static const QRegularExpression blocks(
        QStringLiteral(
            "<(script|iframe|frame|frameset|object|embed|applet|form|noscript)\\b[^>]*>.*?</\\1\\s*>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tags(
        QStringLiteral("</?(script|iframe|frame|frameset|object|embed|applet|form|meta|link|base)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression handlers(
        QStringLiteral("\\son[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)"),
        QRegularExpression::CaseInsensitiveOption);
    QString clean = html;
    clean.remove(blocks);
    clean.remove(tags);
    clean.remove(handlers);
    return clean;
}

void SafeTextBrowser::setMailHtml(const QString &html)
{
    m_blocked.clear();
    setHtml(sanitize(html));
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    // Nothing from the network or the disk: a remote image is a read receipt, a file: URL a leak.
    m_blocked.append(name);
    qCInfo(lcAgent) << "blocked a resource of a message:" << name.toString().left(200);
    return {};
}

} // namespace ArchiveSync
