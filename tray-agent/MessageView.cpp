// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/MessageView.h"

#include "core/mime/MessageParser.h"
#include "core/model/OfflineSettings.h"
#include "tray-agent/SafeTextBrowser.h"
#include "tray-agent/StatusText.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace ArchiveSync {

MessageView::MessageView(QWidget *parent)
    : QWidget(parent)
    , m_subject(new QLabel)
    , m_headers(new QLabel)
    , m_notice(new QLabel)
    , m_fetch(new QPushButton(tr("Fetch from the service")))
    , m_body(new SafeTextBrowser)
    , m_attachments(new QListWidget)
    , m_save(new QPushButton(tr("Save…")))
{
    setObjectName(QStringLiteral("messageViewer"));
    m_subject->setObjectName(QStringLiteral("messageSubject"));
    QFont bold = m_subject->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_subject->setFont(bold);
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setObjectName(QStringLiteral("messageHeaders"));
    m_headers->setTextFormat(Qt::PlainText);
    m_headers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("headersOnlyNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; border: 1px solid #e0c060; padding: 6px; }"));
    m_fetch->setObjectName(QStringLiteral("fetchButton"));
    m_body->setObjectName(QStringLiteral("messageBody"));
    m_attachments->setObjectName(QStringLiteral("attachmentList"));
    m_attachments->setMaximumHeight(90);
    m_save->setObjectName(QStringLiteral("saveAttachmentButton"));

    connect(m_fetch, &QPushButton::clicked, this, &MessageView::fetchRequested);
    connect(m_save, &QPushButton::clicked, this, &MessageView::onSave);
    connect(m_attachments, &QListWidget::currentRowChanged, this,
            [this](int row) { m_save->setEnabled(row >= 0); });
    connect(m_body, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        // Only on a click, and only to the browser or mail program: never loaded here.
        if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http") ||
            url.scheme() == QLatin1String("mailto"))
            QDesktopServices::openUrl(url);
    });

    auto *noticeRow = new QHBoxLayout;
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(m_fetch);
    auto *attachmentRow = new QHBoxLayout;
    attachmentRow->addWidget(m_attachments, 1);
    attachmentRow->addWidget(m_save, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_subject);
    layout->addWidget(m_headers);
    layout->addLayout(noticeRow);
    layout->addWidget(m_body, 1);
    layout->addLayout(attachmentRow);

    m_chooseSave = [this](const QString &suggested) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        return QFileDialog::getSaveFileName(this, tr("Save attachment"), QDir(dir).filePath(suggested));
    };
    clear();
}

void MessageView::clear()
{
    m_content = {};
    m_subject->clear();
    m_headers->clear();
    m_notice->hide();
    m_fetch->hide();
    m_body->clear();
    m_attachments->clear();
    m_attachments->hide();
    m_save->hide();
}

void MessageView::setNotice(const QString &notice)
{
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());
}

void MessageView::showMessage(const LocalMessage &message, const QByteArray &bytes, bool whole)
{
    clear();
    const MessageMetadata meta = MessageParser::parse(bytes);
    m_subject->setText(meta.subject.isEmpty() ? message.subject : meta.subject);
    QStringList lines;
    lines << tr("From: %1").arg(meta.from.isEmpty() ? message.from : meta.from);
    lines << tr("To: %1").arg(meta.to.isEmpty() ? message.to : meta.to);
    if (!meta.cc.isEmpty())
        lines << tr("Cc: %1").arg(meta.cc);
    lines << tr("Date: %1").arg(StatusText::timeText(meta.date.isValid() ? meta.date : message.date));
    lines << tr("Folder: %1").arg(message.folder);
    m_headers->setText(lines.join(QLatin1Char('\n')));
    if (!whole) {
        setNotice(tr("Only the headers of this message are on this laptop: the body is not available "
                     "offline. Fetch it when online."));
        m_fetch->show();
        m_body->setPlainText(QString());
        return;
    }
    m_content = MessageContent::parse(bytes);
    if (!m_content.plainText.trimmed().isEmpty() || m_content.html.isEmpty())
        m_body->setPlainText(m_content.plainText);
    else
        m_body->setMailHtml(m_content.html);
    if (!m_content.attachments.isEmpty()) {
        for (const MessageContent::Attachment &a : std::as_const(m_content.attachments))
            m_attachments->addItem(tr("%1 (%2, %3)")
                                       .arg(a.fileName.isEmpty() ? tr("unnamed") : a.fileName, a.mimeType,
                                            OfflineSettings::humanSize(a.data.size())));
        m_attachments->show();
        m_save->show();
        m_save->setEnabled(false);
    }
}

bool MessageView::saveAttachment(int index, const QString &path)
{
    if (index < 0 || index >= m_content.attachments.size() || path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_content.attachments.at(index).data) < 0 ||
        !file.commit()) {
        setNotice(tr("Cannot save %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

void MessageView::onSave()
{
    const int row = m_attachments->currentRow();
    if (row < 0 || row >= m_content.attachments.size())
        return;
    // The sender's name, never their path.
    QString given = m_content.attachments.at(row).fileName;
    QString name = QFileInfo(given.replace(QLatin1Char('\\'), QLatin1Char('/'))).fileName();
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')))
        name = tr("attachment");
    saveAttachment(row, m_chooseSave(name));
}

} // namespace ArchiveSync
