// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/localstore/MailboxStore.h"
#include "core/mime/MessageContent.h"

#include <QWidget>

#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace ArchiveSync {

class SafeTextBrowser;

/// \brief One archived message: its headers, its body shown safely (plain text, or HTML with nothing
/// loaded from anywhere), its attachments with Save…; for a message held as headers only, a clear
/// "not available offline" and a button to fetch it from the service.
class MessageView : public QWidget
{
    Q_OBJECT

public:
    /// Picks where to save an attachment (a file dialog; tests answer it).
    using SaveChooser = std::function<QString(const QString &suggestedName)>;

    explicit MessageView(QWidget *parent = nullptr);

    void clear();
    /// bytes: the whole message, or (whole false) its header block.
    void showMessage(const LocalMessage &message, const QByteArray &bytes, bool whole);
    /// A line under the headers: fetching, or why fetching failed.
    void setNotice(const QString &notice);
    void setSaveChooser(SaveChooser chooser) { m_chooseSave = std::move(chooser); }

    SafeTextBrowser *body() const { return m_body; }
    const MessageContent &content() const { return m_content; }
    /// Saves attachment `index` to `path`; false on a write error (told in the notice).
    bool saveAttachment(int index, const QString &path);

signals:
    /// The user asked for the whole message from the service.
    void fetchRequested();

private:
    void onSave();

    QLabel *m_subject;
    QLabel *m_headers;
    QLabel *m_notice;
    QPushButton *m_fetch;
    SafeTextBrowser *m_body;
    QListWidget *m_attachments;
    QPushButton *m_save;
    MessageContent m_content;
    SaveChooser m_chooseSave;
};

} // namespace ArchiveSync
