// SPDX-License-Identifier: Apache-2.0
// The message viewer against hostile mail: remote images, scripts, frames and CSS url() pointing at a
// local server that counts connections; none may reach it and nothing active may survive. Plain text,
// headers-only messages and attachments with hostile names.
#include "tray-agent/MessageView.h"
#include "tray-agent/SafeTextBrowser.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

namespace {
QByteArray hostileMail(quint16 port)
{
    const QByteArray base = "http://127.0.0.1:" + QByteArray::number(port);
    return "From: Mallory <mallory@example.net>\r\n"
           "To: alice@example.org\r\n"
           "Subject: Your invoice\r\n"
           "Date: Tue, 05 Mar 2024 10:00:00 +0000\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           "--b1\r\n"
           "Content-Type: text/html; charset=utf-8\r\n\r\n"
           "<html><head><link rel=\"stylesheet\" href=\"" +
           base +
           "/style.css\">"
           "<style>body { background: url('" +
           base +
           "/bg.png'); }</style>"
           "<script>document.title='pwned'; new Image().src='" +
           base +
           "/script';</script></head>"
           "<body onload=\"alert('onload')\"><p>Dear Alice, see the invoice.</p>"
           "<img src=\"" +
           base +
           "/track.gif\" width=1 height=1>"
           "<iframe src=\"" +
           base +
           "/frame\"></iframe>"
           "<object data=\"" +
           base +
           "/object\"></object>"
           "<div style=\"background-image: url(" +
           base +
           "/div.png)\">styled</div>"
           "<a href=\"javascript:alert(1)\">click</a>"
           "<img src=\"file:///etc/passwd\"></body></html>\r\n"
           "--b1\r\n"
           "Content-Type: application/pdf\r\n"
           "Content-Disposition: attachment; filename=\"../../.bashrc\"\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n"
           "JVBERi0xLjQKJcfsj6IK\r\n"
           "--b1--\r\n";
}
} // namespace

class TestMessageView : public QObject
{
    Q_OBJECT

private slots:
    void hostileHtmlLoadsNothing()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            ++connections;
            delete server.nextPendingConnection();
        });

        MessageView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        LocalMessage meta;
        meta.id = 7;
        meta.folder = QStringLiteral("Inbox");
        view.showMessage(meta, hostileMail(server.serverPort()), true);
        view.body()->repaint();
        QTest::qWait(300); // time for any request to arrive

        QCOMPARE(connections, 0);
        const QString shown = view.body()->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("Dear Alice")), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("styled")));
        QVERIFY2(!shown.contains(QStringLiteral("pwned")), qPrintable(shown));
        const QString html = view.body()->toHtml();
        QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("onload"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QStringLiteral("iframe"), Qt::CaseInsensitive));
        QVERIFY(view.window()->windowTitle() != QStringLiteral("pwned"));
        // Everything the document asked for was refused, the remote image and the local file too.
        QStringList blocked;
        for (const QUrl &url : view.body()->blockedResources())
            blocked.append(url.toString());
        QVERIFY2(blocked.contains(QStringLiteral("http://127.0.0.1:%1/track.gif").arg(server.serverPort())),
                 qPrintable(blocked.join(QLatin1Char(' '))));
        QVERIFY(blocked.contains(QStringLiteral("file:///etc/passwd")));
        QVERIFY(!view.body()->openLinks());
        QVERIFY(!view.body()->openExternalLinks());

        // The attachment is listed; saving keeps the name, never the path.
        auto *list = view.findChild<QListWidget *>(QStringLiteral("attachmentList"));
        QCOMPARE(list->count(), 1);
        QTemporaryDir dir;
        QString suggested;
        view.setSaveChooser([&](const QString &name) {
            suggested = name;
            return dir.filePath(QStringLiteral("saved.pdf"));
        });
        list->setCurrentRow(0);
        view.findChild<QPushButton *>(QStringLiteral("saveAttachmentButton"))->click();
        QCOMPARE(suggested, QStringLiteral("attachment")); // ".bashrc" would be a hidden file
        QFile saved(dir.filePath(QStringLiteral("saved.pdf")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().startsWith("%PDF-1.4"));
    }

    void sanitizeStripsActiveContent()
    {
        const QString clean = SafeTextBrowser::sanitize(QStringLiteral(
            "<p onclick='x()' ONMOUSEOVER=y>a</p><SCRIPT type=x>evil()</SCRIPT><iframe src=x>f</iframe>"
            "<meta http-equiv=refresh content='0;url=http://x'><base href='http://x/'><form "
            "action=x><input></form>b"));
        QVERIFY2(!clean.contains(QStringLiteral("evil")), qPrintable(clean));
        QVERIFY(!clean.contains(QStringLiteral("onclick"), Qt::CaseInsensitive));
        QVERIFY(!clean.contains(QStringLiteral("onmouseover"), Qt::CaseInsensitive));
        QVERIFY(!clean.contains(QStringLiteral("<meta"), Qt::CaseInsensitive));
        QVERIFY(!clean.contains(QStringLiteral("<base"), Qt::CaseInsensitive));
        QVERIFY(!clean.contains(QStringLiteral("<iframe"), Qt::CaseInsensitive));
        QVERIFY(clean.contains(QStringLiteral(">a</p>")));
        QVERIFY(clean.endsWith(QLatin1Char('b')));
    }

    void headersOnlyOffersFetch()
    {
        MessageView view;
        bool asked = false;
        connect(&view, &MessageView::fetchRequested, this, [&] { asked = true; });
        LocalMessage meta;
        meta.id = 3;
        meta.folder = QStringLiteral("Archive/2019");
        meta.subject = QStringLiteral("Quarterly numbers");
        view.showMessage(
            meta,
            "From: Bob <bob@example.org>\r\nTo: alice@example.org\r\nSubject: Quarterly numbers\r\n\r\n",
            false);
        auto *notice = view.findChild<QLabel *>(QStringLiteral("headersOnlyNotice"));
        QVERIFY(!notice->isHidden());
        QVERIFY(notice->text().contains(QStringLiteral("not available offline")));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("messageHeaders"))
                    ->text()
                    .contains(QStringLiteral("Bob")));
        view.findChild<QPushButton *>(QStringLiteral("fetchButton"))->click();
        QVERIFY(asked);
    }

    void plainTextStaysText()
    {
        MessageView view;
        LocalMessage meta;
        view.showMessage(
            meta,
            "From: a@example.org\r\nSubject: s\r\nContent-Type: text/plain\r\n\r\n<b>not bold</b> "
            "<img src=http://127.0.0.1:1/x>\r\n",
            true);
        QVERIFY(view.body()->toPlainText().contains(QStringLiteral("<b>not bold</b>")));
        QVERIFY(view.body()->blockedResources().isEmpty());
    }
};

QTEST_MAIN(TestMessageView)
#include "TestMessageView.moc"
