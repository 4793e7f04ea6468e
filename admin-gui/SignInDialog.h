// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QSslCertificate>
#include <QSslError>

#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QProgressBar;

namespace ArchiveSync {

class AdminSession;
class NoticeBar;

/// \brief Sign-in: service URL, user, password. Remembers server and user (QSettings), never the
/// password; signs in asynchronously and accepts only an administrator's session, which it hands to the
/// AdminSession. A certificate that fails verification is shown (TlsErrorDialog) and may be trusted for
/// this session, after which the sign-in is retried.
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    /// Decides whether to trust a certificate that failed verification; the seam tests answer through.
    using TlsDecision =
        std::function<bool(QWidget *parent, const QString &host, const QList<QSslError> &errors,
                           const QList<QSslCertificate> &chain)>;

    explicit SignInDialog(AdminSession &session, QWidget *parent = nullptr);

    void setTlsDecision(TlsDecision decision) { m_tlsDecision = std::move(decision); }
    /// "Keep me signed in" was ticked when the sign-in succeeded.
    bool keepSignedIn() const;
    /// The server URL as typed, normalised ("host:8470" becomes "http://host:8470").
    static QUrl normalizedUrl(const QString &text);

    void accept() override;

private:
    void setBusy(bool busy);
    void updateButtons();

    AdminSession &m_session;
    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_keep;
    QProgressBar *m_progress;
    NoticeBar *m_notice;
    QDialogButtonBox *m_buttons;
    TlsDecision m_tlsDecision;
    bool m_busy = false;
};

} // namespace ArchiveSync
