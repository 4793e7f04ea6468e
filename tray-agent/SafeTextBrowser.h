// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTextBrowser>
#include <QUrl>

namespace ArchiveSync {

/// \brief A QTextBrowser for mail HTML that loads nothing by itself: no remote images, style sheets
/// or frames, no local files. Only resources handed to it (by cid: URL) are shown. Scripts, frames
/// and embedded objects are removed before the text is set (QTextDocument runs no script anyway).
class SafeTextBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    explicit SafeTextBrowser(QWidget *parent = nullptr);

    /// Shows mail HTML with everything active stripped and every resource load refused.
    void setMailHtml(const QString &html);
    /// Every resource the document asked for and did not get, in order.
    const QList<QUrl> &blockedResources() const { return m_blocked; }

    QVariant loadResource(int type, const QUrl &name) override;
    /// The HTML without script, style-sheet links, frames, objects, forms and event-handler attributes.
    static QString sanitize(const QString &html);

private:
    QList<QUrl> m_blocked;
};

} // namespace ArchiveSync
