// SPDX-License-Identifier: Apache-2.0
#include "tray-agent/ServerPage.h"

#include "core/sync/AccountSetup.h"
#include "tray-agent/SetupWizard.h"

#include <QCryptographicHash>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace ArchiveSync {

ServerPage::ServerPage(SetupWizard &wizard)
    : m_wizard(wizard)
    , m_server(new QLineEdit)
    , m_status(new QLabel)
    , m_tls(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("serverPage"));
    setTitle(tr("Server"));
    setSubTitle(tr("Where is your organisation's ArchiveSync service? Your administrator can tell you."));
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(QStringLiteral("https://archive.example.org"));
    m_status->setObjectName(QStringLiteral("serverStatus"));
    m_status->setWordWrap(true);
    m_tls->setObjectName(QStringLiteral("tlsDetails"));
    m_tls->setReadOnly(true);
    m_tls->hide();
    connect(m_server, &QLineEdit::textChanged, this, [this] {
        m_status->clear();
        m_tls->hide();
        emit completeChanged();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Service &address:"), m_server);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_tls, 1);
    layout->addStretch();
}

bool ServerPage::isComplete() const
{
    return !m_busy && !m_server->text().trimmed().isEmpty();
}

QString ServerPage::tlsDetails(const ApiError &error)
{
    QStringList lines;
    lines << tr("The service's certificate was refused:");
    for (const QSslError &e : error.sslErrors)
        lines << QStringLiteral("  • ") + e.errorString();
    if (!error.peerCertificateChain.isEmpty()) {
        const QSslCertificate &c = error.peerCertificateChain.constFirst();
        lines << QString();
        lines << tr("Issued to: %1").arg(c.subjectDisplayName());
        lines << tr("Issued by: %1").arg(c.issuerDisplayName());
        lines << tr("Valid: %1 to %2")
                     .arg(c.effectiveDate().toString(Qt::ISODate), c.expiryDate().toString(Qt::ISODate));
        lines << tr("Names: %1").arg(c.subjectAlternativeNames().values().join(QStringLiteral(", ")));
        const QByteArray hash = QCryptographicHash::hash(c.toDer(), QCryptographicHash::Sha256);
        lines << tr("SHA-256 fingerprint: %1").arg(QString::fromLatin1(hash.toHex(':').toUpper()));
    }
    lines << QString();
    lines << tr("Compare the fingerprint with the one your administrator gives you. Do not go on if the "
                "certificate is not your service's.");
    return lines.join(QLatin1Char('\n'));
}

bool ServerPage::validatePage()
{
    const Result<QUrl> url = AccountSetup::serverUrl(m_server->text());
    if (!url) {
        m_status->setText(url.errorString());
        return false;
    }
    if (m_verified == *url)
        return true;
    if (m_busy)
        return false;
    m_busy = true;
    emit completeChanged();
    m_status->setText(tr("Checking %1…").arg(url->toString()));
    m_tls->hide();
    const QUrl server = *url;
    m_wizard.setup().probe(server, [this, server](ApiResult<void> result) { onProbed(server, result); });
    return false;
}

void ServerPage::onProbed(const QUrl &server, const ApiResult<void> &result)
{
    m_busy = false;
    emit completeChanged();
    if (!result) {
        const ApiError &error = result.error();
        if (!error.sslErrors.isEmpty()) {
            m_status->setText(tr("The connection to %1 is not secure.").arg(server.host()));
            m_tls->setPlainText(tlsDetails(error));
            m_tls->show();
        } else {
            m_status->setText(tr("Cannot reach the service at %1: %2").arg(server.toString(), error.message));
        }
        return;
    }
    m_verified = server;
    m_status->setText(tr("The service at %1 answers.").arg(server.toString()));
    if (m_wizard.currentPage() == this)
        m_wizard.next();
}

} // namespace ArchiveSync
