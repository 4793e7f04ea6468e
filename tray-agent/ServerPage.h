// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/api/ApiError.h"

#include <QUrl>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace ArchiveSync {

class SetupWizard;

/// \brief The service's address, checked (GET /healthz) before going on; a TLS failure shows what is
/// wrong with the certificate and its details.
class ServerPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ServerPage(SetupWizard &wizard);

    bool validatePage() override;
    bool isComplete() const override;

    /// The certificate problems and the service's certificate, as shown.
    static QString tlsDetails(const ApiError &error);

private:
    void onProbed(const QUrl &server, const ApiResult<void> &result);

    SetupWizard &m_wizard;
    QLineEdit *m_server;
    QLabel *m_status;
    QPlainTextEdit *m_tls;
    QUrl m_verified;
    bool m_busy = false;
};

} // namespace ArchiveSync
