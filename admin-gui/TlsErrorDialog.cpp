// SPDX-License-Identifier: Apache-2.0
#include "TlsErrorDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ArchiveSync {

TlsErrorDialog::TlsErrorDialog(const QString &host, const QList<QSslError> &errors,
                               const QList<QSslCertificate> &chain, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("tlsErrorDialog"));
    setWindowTitle(tr("Certificate Not Trusted"));
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    QStringList problems;
    for (const QSslError &error : errors)
        problems << QStringLiteral("<li>%1</li>").arg(error.errorString().toHtmlEscaped());
    auto *text = new QLabel(
        tr("<p>The identity of <b>%1</b> could not be verified:</p><ul>%2</ul>"
           "<p>Someone may be impersonating the server. Only continue if the fingerprint below matches the "
           "one your server administrator gave you.</p>")
            .arg(host.toHtmlEscaped(), problems.join(QString())),
        this);
    text->setObjectName(QStringLiteral("tlsErrorText"));
    text->setWordWrap(true);
    auto *details = new QPlainTextEdit(this);
    details->setObjectName(QStringLiteral("certificateDetails"));
    details->setReadOnly(true);
    details->setPlainText(chain.isEmpty() ? tr("The server sent no certificate.") : describe(chain.first()));
    details->setMinimumHeight(150);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *trust =
        buttons->addButton(tr("&Trust This Certificate for This Session"), QDialogButtonBox::AcceptRole);
    trust->setObjectName(QStringLiteral("trustButton"));
    trust->setEnabled(!chain.isEmpty());
    QPushButton *cancel = buttons->addButton(tr("&Do Not Connect"), QDialogButtonBox::RejectRole);
    cancel->setDefault(true);
    cancel->setFocus();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(new QLabel(tr("Certificate:"), this));
    layout->addWidget(details);
    layout->addWidget(buttons);
    resize(560, 440);
}

QString TlsErrorDialog::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString TlsErrorDialog::describe(const QSslCertificate &certificate)
{
    const auto join = [](const QStringList &parts) {
        return parts.join(QStringLiteral(", "));
    };
    QStringList names;
    const auto alternates = certificate.subjectAlternativeNames();
    for (auto it = alternates.cbegin(); it != alternates.cend(); ++it)
        names << it.value();
    QStringList lines;
    lines << tr("Issued to: %1").arg(certificate.subjectDisplayName());
    lines << tr("Organization: %1").arg(join(certificate.subjectInfo(QSslCertificate::Organization)));
    lines << tr("Names: %1").arg(join(names));
    lines << tr("Issued by: %1").arg(certificate.issuerDisplayName());
    lines << tr("Valid from: %1").arg(certificate.effectiveDate().toLocalTime().toString(Qt::ISODate));
    lines << tr("Valid until: %1").arg(certificate.expiryDate().toLocalTime().toString(Qt::ISODate));
    lines << tr("Serial number: %1").arg(QString::fromLatin1(certificate.serialNumber()));
    lines << tr("SHA-256 fingerprint: %1").arg(fingerprint(certificate));
    return lines.join(QLatin1Char('\n'));
}

} // namespace ArchiveSync
