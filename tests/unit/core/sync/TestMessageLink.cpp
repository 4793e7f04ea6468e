// SPDX-License-Identifier: Apache-2.0
#include "core/sync/MessageLink.h"

#include <QTest>

using namespace ArchiveSync;

class TestMessageLink : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("mailbox");
        QTest::addColumn<qint64>("message");
        QTest::addColumn<QString>("canonical");

        QTest::newRow("plain") << QStringLiteral("archivesync://archive.example.org/alice@example.org/42")
                               << QStringLiteral("archive.example.org") << QStringLiteral("alice@example.org")
                               << qint64(42)
                               << QStringLiteral("archivesync://archive.example.org/alice@example.org/42");
        QTest::newRow("host and port")
            << QStringLiteral("archivesync://archive.example.org:8443/alice@example.org/7")
            << QStringLiteral("archive.example.org:8443") << QStringLiteral("alice@example.org") << qint64(7)
            << QStringLiteral("archivesync://archive.example.org:8443/alice@example.org/7");
        QTest::newRow("host lower-cased")
            << QStringLiteral("archivesync://Archive.EXAMPLE.org:8443/alice@example.org/7")
            << QStringLiteral("archive.example.org:8443") << QStringLiteral("alice@example.org") << qint64(7)
            << QStringLiteral("archivesync://archive.example.org:8443/alice@example.org/7");
        QTest::newRow("percent-encoded mailbox")
            << QStringLiteral("archivesync://archive.example.org/o%27brien%2Btag@example.org/5")
            << QStringLiteral("archive.example.org") << QStringLiteral("o'brien+tag@example.org") << qint64(5)
            << QStringLiteral("archivesync://archive.example.org/o%27brien%2Btag@example.org/5");
        QTest::newRow("encoded at sign")
            << QStringLiteral("archivesync://archive.example.org/alice%40example.org/9")
            << QStringLiteral("archive.example.org") << QStringLiteral("alice@example.org") << qint64(9)
            << QStringLiteral("archivesync://archive.example.org/alice@example.org/9");
        QTest::newRow("non-ascii mailbox")
            << QStringLiteral("archivesync://archive.example.org/j%C3%BCrgen@example.org/12")
            << QStringLiteral("archive.example.org") << QStringLiteral("jürgen@example.org") << qint64(12)
            << QStringLiteral("archivesync://archive.example.org/j%C3%BCrgen@example.org/12");
        QTest::newRow("surrounding space")
            << QStringLiteral("  archivesync://archive.example.org/alice@example.org/3\n")
            << QStringLiteral("archive.example.org") << QStringLiteral("alice@example.org") << qint64(3)
            << QStringLiteral("archivesync://archive.example.org/alice@example.org/3");
        QTest::newRow("large id") << QStringLiteral("archivesync://h.example/alice@example.org/9000000000000")
                                  << QStringLiteral("h.example") << QStringLiteral("alice@example.org")
                                  << qint64(9000000000000)
                                  << QStringLiteral(
                                         "archivesync://h.example/alice@example.org/9000000000000");
        QTest::newRow("ipv6 host") << QStringLiteral("archivesync://[::1]:8443/alice@example.org/4")
                                   << QStringLiteral("[::1]:8443") << QStringLiteral("alice@example.org")
                                   << qint64(4)
                                   << QStringLiteral("archivesync://[::1]:8443/alice@example.org/4");
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, server);
        QFETCH(QString, mailbox);
        QFETCH(qint64, message);
        QFETCH(QString, canonical);

        const Result<MessageLink> link = MessageLink::parse(text);
        QVERIFY2(link.ok(), qPrintable(link.errorString()));
        QCOMPARE(link->server, server);
        QCOMPARE(link->mailbox, mailbox);
        QCOMPARE(link->message, message);
        QCOMPARE(link->toString(), canonical);

        // What toString() writes parses back to the same link.
        const Result<MessageLink> again = MessageLink::parse(link->toString());
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QCOMPARE(*again, *link);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("empty") << QString();
        QTest::newRow("not a url") << QStringLiteral("just some words");
        QTest::newRow("wrong scheme") << QStringLiteral("https://archive.example.org/alice@example.org/1");
        QTest::newRow("scheme only") << QStringLiteral("archivesync://");
        QTest::newRow("no host") << QStringLiteral("archivesync:///alice@example.org/1");
        QTest::newRow("no path") << QStringLiteral("archivesync://archive.example.org");
        QTest::newRow("missing message")
            << QStringLiteral("archivesync://archive.example.org/alice@example.org");
        QTest::newRow("missing mailbox") << QStringLiteral("archivesync://archive.example.org/1");
        QTest::newRow("extra segment")
            << QStringLiteral("archivesync://archive.example.org/alice@example.org/1/2");
        QTest::newRow("leading extra segment")
            << QStringLiteral("archivesync://archive.example.org/x/alice@example.org/1");
        QTest::newRow("dot-dot before")
            << QStringLiteral("archivesync://archive.example.org/../alice@example.org/1");
        QTest::newRow("dot-dot after")
            << QStringLiteral("archivesync://archive.example.org/alice@example.org/../1");
        QTest::newRow("dot-dot as mailbox") << QStringLiteral("archivesync://archive.example.org/../1");
        QTest::newRow("encoded slash in mailbox")
            << QStringLiteral("archivesync://archive.example.org/..%2F..%2Fetc@example.org/1");
        QTest::newRow("mailbox without at") << QStringLiteral("archivesync://archive.example.org/alice/1");
        QTest::newRow("mailbox with two at")
            << QStringLiteral("archivesync://archive.example.org/a@b@example.org/1");
        QTest::newRow("non-numeric id")
            << QStringLiteral("archivesync://archive.example.org/alice@example.org/abc");
        QTest::newRow("hex id") << QStringLiteral("archivesync://archive.example.org/alice@example.org/0x10");
        QTest::newRow("negative id") << QStringLiteral(
            "archivesync://archive.example.org/alice@example.org/-5");
        QTest::newRow("plus id") << QStringLiteral("archivesync://archive.example.org/alice@example.org/+5");
        QTest::newRow("leading zero id")
            << QStringLiteral("archivesync://archive.example.org/alice@example.org/05");
        QTest::newRow("zero id") << QStringLiteral("archivesync://archive.example.org/alice@example.org/0");
        QTest::newRow("fractional id")
            << QStringLiteral("archivesync://archive.example.org/alice@example.org/1.5");
        QTest::newRow("overflowing id")
            << QStringLiteral("archivesync://archive.example.org/alice@example.org/99999999999999999999");
    }

    void rejects()
    {
        QFETCH(QString, text);
        const Result<MessageLink> link = MessageLink::parse(text);
        QVERIFY2(!link.ok(),
                 qPrintable(QStringLiteral("accepted as %1").arg(link.ok() ? link->toString() : QString())));
        QCOMPARE(link.error().category, ErrorCategory::Invalid);
        QVERIFY(!link.error().message.isEmpty());
    }

    void forMessage()
    {
        const MessageLink link =
            MessageLink::forMessage(QUrl(QStringLiteral("https://Archive.Example.org:8443/base/")),
                                    QStringLiteral("alice@example.org"), 17);
        QCOMPARE(link.server, QStringLiteral("archive.example.org:8443"));
        QCOMPARE(link.mailbox, QStringLiteral("alice@example.org"));
        QCOMPARE(link.message, qint64(17));
        QCOMPARE(link.toString(),
                 QStringLiteral("archivesync://archive.example.org:8443/alice@example.org/17"));

        const MessageLink v6 = MessageLink::forMessage(QUrl(QStringLiteral("https://[::1]:8443")),
                                                       QStringLiteral("a@example.org"), 2);
        const Result<MessageLink> parsed = MessageLink::parse(v6.toString());
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(*parsed, v6);
    }

    void isFor_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QUrl>("service");
        QTest::addColumn<bool>("expected");

        const QString withPort = QStringLiteral("archivesync://archive.example.org:8443/alice@example.org/1");
        const QString withoutPort = QStringLiteral("archivesync://archive.example.org/alice@example.org/1");
        QTest::newRow("same host and port")
            << withPort << QUrl(QStringLiteral("https://archive.example.org:8443")) << true;
        QTest::newRow("path and case ignored")
            << withPort << QUrl(QStringLiteral("https://ARCHIVE.example.org:8443/some/path")) << true;
        QTest::newRow("http scheme too")
            << withPort << QUrl(QStringLiteral("http://archive.example.org:8443")) << true;
        QTest::newRow("other port") << withPort << QUrl(QStringLiteral("https://archive.example.org:9443"))
                                    << false;
        QTest::newRow("no port on service")
            << withPort << QUrl(QStringLiteral("https://archive.example.org")) << false;
        QTest::newRow("no port on either")
            << withoutPort << QUrl(QStringLiteral("https://archive.example.org")) << true;
        QTest::newRow("port only on service")
            << withoutPort << QUrl(QStringLiteral("https://archive.example.org:8443")) << false;
        QTest::newRow("other host") << withPort << QUrl(QStringLiteral("https://evil.example.org:8443"))
                                    << false;
        QTest::newRow("suffix host") << withPort
                                     << QUrl(QStringLiteral("https://archive.example.org.evil.test:8443"))
                                     << false;
    }

    void isFor()
    {
        QFETCH(QString, link);
        QFETCH(QUrl, service);
        QFETCH(bool, expected);
        const Result<MessageLink> parsed = MessageLink::parse(link);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
        QCOMPARE(parsed->isFor(service), expected);
    }
};

QTEST_GUILESS_MAIN(TestMessageLink)
#include "TestMessageLink.moc"
