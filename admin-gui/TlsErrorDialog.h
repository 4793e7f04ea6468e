// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>
#include <QList>
#include <QSslCertificate>
#include <QSslError>

namespace ArchiveSync {

/// \brief The service's certificate failed verification: what is wrong, the certificate's details
/// (subject, issuer, validity, names, SHA-256 fingerprint to compare with the server's), and a clear
/// choice: trust this exact certificate for this session, or do not connect. Accepted means trust.
class TlsErrorDialog : public QDialog
{
    Q_OBJECT

public:
    TlsErrorDialog(const QString &host, const QList<QSslError> &errors, const QList<QSslCertificate> &chain,
                   QWidget *parent = nullptr);

    /// The certificate details as shown, one "Label: value" per line (for tests and copying).
    static QString describe(const QSslCertificate &certificate);
    /// "AB:CD:…" SHA-256 of the DER form.
    static QString fingerprint(const QSslCertificate &certificate);
};

} // namespace ArchiveSync
