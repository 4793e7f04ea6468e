// SPDX-License-Identifier: Apache-2.0
#include "SignInDialog.h"

#include "AdminSession.h"
#include "ErrorText.h"
#include "NoticeBar.h"
#include "TlsErrorDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace ArchiveSync {

namespace {
const QString kServerKey = QStringLiteral("signIn/server");
const QString kUserKey = QStringLiteral("signIn/user");
const QString kKeepKey = QStringLiteral("signIn/keepSignedIn");
} // namespace

SignInDialog::SignInDialog(AdminSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_server(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_keep(new QCheckBox(tr("&Keep me signed in on this computer (system keychain)"), this))
    , m_progress(new QProgressBar(this))
    , m_notice(new NoticeBar(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_tlsDecision([](QWidget *parent, const QString &host, const QList<QSslError> &errors,
                       const QList<QSslCertificate> &chain) {
        TlsErrorDialog dialog(host, errors, chain, parent);
        return dialog.exec() == QDialog::Accepted;
    })
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign In — ArchiveSync Admin"));
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(tr("https://archive.example.org:8470"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_keep->setObjectName(QStringLiteral("keepSignedInCheck"));
    m_progress->setObjectName(QStringLiteral("signInProgress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->setVisible(false);

    auto *title = new QLabel(tr("<h2>ArchiveSync Admin</h2>Sign in to the archive service with an "
                                "administrator's account."),
                             this);
    title->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Service:"), m_server);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_keep);

    QPushButton *signIn = m_buttons->addButton(tr("&Sign In"), QDialogButtonBox::AcceptRole);
    signIn->setObjectName(QStringLiteral("signInButton"));
    signIn->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_notice);
    layout->addStretch();
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    const QSettings settings;
    m_server->setText(settings.value(kServerKey, QStringLiteral("http://127.0.0.1:8470")).toString());
    m_user->setText(settings.value(kUserKey, QStringLiteral("admin")).toString());
    m_keep->setChecked(settings.value(kKeepKey, false).toBool());
    for (QLineEdit *edit : {m_server, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &SignInDialog::updateButtons);
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus();
    updateButtons();
    resize(480, sizeHint().height());
}

bool SignInDialog::keepSignedIn() const
{
    return m_keep->isChecked();
}

QUrl SignInDialog::normalizedUrl(const QString &text)
{
    QString trimmed = text.trimmed();
    if (!trimmed.contains(QLatin1String("://")))
        trimmed.prepend(QStringLiteral("http://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url;
}

void SignInDialog::accept()
{
    if (m_busy)
        return;
    const QUrl url = normalizedUrl(m_server->text());
    if (!url.isValid()) {
        m_notice->showError(
            tr("'%1' is not a service address. Write it like https://archive.example.org:8470.")
                .arg(m_server->text()));
        m_server->setFocus();
        return;
    }
    m_notice->clear();
    setBusy(true);
    m_session.setServer(url);
    const QString username = m_user->text().trimmed();
    m_session.client().signIn(
        username, m_password->text(),
        m_session.track(this, [this, url, username](ApiResult<Api::Session> result) {
            setBusy(false);
            if (!result) {
                const QList<QSslError> sslErrors = m_session.lastSslErrors();
                if (!sslErrors.isEmpty() && !m_session.lastPeerChain().isEmpty()) {
                    if (m_tlsDecision(this, url.host(), sslErrors, m_session.lastPeerChain())) {
                        m_session.trustCertificate(m_session.lastPeerChain().first());
                        accept(); // again, now that the certificate is trusted
                        return;
                    }
                    m_notice->showError(tr("Not connected: the service's certificate was not trusted."));
                    return;
                }
                m_notice->showError(ErrorText::describe(result.error(), tr("Could not sign in.")));
                m_password->selectAll();
                m_password->setFocus();
                return;
            }
            if (result->role != Api::Role::Admin) {
                m_notice->showError(
                    tr("'%1' is not an administrator. Sign in with an administrator's account.")
                        .arg(result->username));
                m_session.setSession(*result);
                m_session.signOut();
                return;
            }
            QSettings settings;
            settings.setValue(kServerKey, url.toString());
            settings.setValue(kUserKey, username);
            settings.setValue(kKeepKey, m_keep->isChecked());
            m_password->clear();
            m_session.setSession(*result);
            QDialog::accept();
        }));
}

void SignInDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    for (QWidget *w : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_keep)})
        w->setEnabled(!busy);
    updateButtons();
}

void SignInDialog::updateButtons()
{
    const bool complete = !m_server->text().trimmed().isEmpty() && !m_user->text().trimmed().isEmpty() &&
                          !m_password->text().isEmpty();
    if (auto *ok = m_buttons->findChild<QPushButton *>(QStringLiteral("signInButton")))
        ok->setEnabled(complete && !m_busy);
}

} // namespace ArchiveSync
