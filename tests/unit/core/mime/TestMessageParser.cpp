// SPDX-License-Identifier: Apache-2.0
#include "core/mime/MessageParser.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace ArchiveSync;

namespace {

// A message from header lines and a body, with the blank line between them.
QByteArray message(const QByteArray &headers, const QByteArray &body = "Hello.\n")
{
    return headers + "\n" + body;
}

QByteArray withCrlf(QByteArray lf)
{
    return lf.replace("\n", "\r\n");
}

const QByteArray kBasicHeaders = "From: Alice <alice@example.org>\n"
                                 "To: bob@example.org\n"
                                 "Subject: Test\n"
                                 "Date: Tue, 02 Jan 2024 10:30:00 +0100\n"
                                 "Message-ID: <basic@example.org>\n"
                                 "MIME-Version: 1.0\n";

} // namespace

class TestMessageParser : public QObject
{
    Q_OBJECT
private slots:
    void subject_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("Hello world") << QStringLiteral("Hello world");
        QTest::newRow("utf-8 B") << QByteArray("=?UTF-8?B?w5xiZXIgZGllIEdyw7bDn2U=?=")
                                 << QStringLiteral("Über die Größe");
        QTest::newRow("utf-8 Q") << QByteArray("=?utf-8?Q?Caf=C3=A9_au_lait?=")
                                 << QStringLiteral("Café au lait");
        QTest::newRow("iso-8859-1 Q")
            << QByteArray("=?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=") << QStringLiteral("Grüße aus Köln");
        QTest::newRow("iso-8859-1 B") << QByteArray("=?iso-8859-1?B?R3L832U=?=") << QStringLiteral("Grüße");
        QTest::newRow("mixed with plain text")
            << QByteArray("Re: =?UTF-8?Q?caf=C3=A9?= tomorrow") << QStringLiteral("Re: café tomorrow");
        QTest::newRow("adjacent words join")
            << QByteArray("=?UTF-8?Q?Gr=C3=BC?= =?UTF-8?Q?=C3=9Fe?=") << QStringLiteral("Grüße");
        // Mailers pad each base64 word; decoding them as one stream would stop at the first "=".
        QTest::newRow("padded base64 words, folded")
            << QByteArray("Re: =?UTF-8?B?UmVsZWFzZSA4MDEgaXMgb3V0IOKchSDigJMgTGF1bmNoIGRheSA=?=\n"
                          " =?UTF-8?B?8J+agCB0aGFua3M=?=")
            << QStringLiteral("Re: Release 801 is out ✅ – Launch day 🚀 thanks");
        QTest::newRow("encoded word then plain then encoded")
            << QByteArray("=?ISO-8859-1?Q?Gr=FC=DFe?= aus =?UTF-8?Q?M=C3=BCnchen?=")
            << QStringLiteral("Grüße aus München");
        QTest::newRow("folded") << QByteArray("a long\n  subject line")
                                << QStringLiteral("a long subject line");
        QTest::newRow("iso-2022-jp") << QByteArray("=?ISO-2022-JP?B?GyRCJEskWyRzJDQbKEI=?=")
                                     << QStringLiteral("にほんご");
        QTest::newRow("raw utf-8") << QByteArray("Grüße") << QStringLiteral("Grüße");
        QTest::newRow("raw latin-1") << QByteArray("Gr\xfc\xdf"
                                                   "e")
                                     << QStringLiteral("Grüße");
    }
    void subject()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        const QByteArray raw = message("From: a@example.org\nSubject: " + header + "\n");
        const MessageMetadata meta = MessageParser::parse(raw);
        QCOMPARE(meta.subject, expected);
        QVERIFY(meta.structureReadable);
    }

    void addresses()
    {
        const QByteArray raw = message("From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.org>\n"
                                       "To: bob@example.org, \"Doe, John\" <john@example.org>\n"
                                       "Cc: =?ISO-8859-1?Q?Ren=E9?= <rene@example.org>\n"
                                       "Subject: x\n");
        const MessageMetadata meta = MessageParser::parse(raw);
        QCOMPARE(meta.from, QStringLiteral("Jürgen Müller <juergen@example.org>"));
        QCOMPARE(meta.to, QStringLiteral("bob@example.org, \"Doe, John\" <john@example.org>"));
        QCOMPARE(meta.cc, QStringLiteral("René <rene@example.org>"));
        QVERIFY(!meta.from.contains(QLatin1String("=?")));
    }

    void missingAddressesAreEmpty()
    {
        const MessageMetadata meta = MessageParser::parse(message("Subject: no one\n"));
        QCOMPARE(meta.from, QString());
        QCOMPARE(meta.to, QString());
        QCOMPARE(meta.cc, QString());
        QCOMPARE(meta.subject, QStringLiteral("no one"));
    }

    void date_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime utc(QDate(2024, 1, 2), QTime(9, 30), Qt::UTC);
        QTest::newRow("plus one hour") << QByteArray("Date: Tue, 02 Jan 2024 10:30:00 +0100\n") << utc;
        QTest::newRow("minus five hours") << QByteArray("Date: Tue, 2 Jan 2024 04:30:00 -0500\n") << utc;
        QTest::newRow("utc") << QByteArray("Date: Tue, 02 Jan 2024 09:30:00 +0000\n") << utc;
        QTest::newRow("gmt") << QByteArray("Date: Tue, 02 Jan 2024 09:30:00 GMT\n") << utc;
        QTest::newRow("no weekday, crosses midnight")
            << QByteArray("Date: 3 Jan 2024 01:30:00 +1600\n") << utc;
        QTest::newRow("comment") << QByteArray("Date: Tue, 02 Jan 2024 10:30:00 +0100 (CET)\n") << utc;
        QTest::newRow("no date") << QByteArray() << QDateTime();
    }
    void date()
    {
        QFETCH(QByteArray, header);
        QFETCH(QDateTime, expected);
        const MessageMetadata meta = MessageParser::parse(message("From: a@example.org\n" + header));
        QCOMPARE(meta.date, expected);
        if (expected.isValid())
            QCOMPARE(meta.date.timeSpec(), Qt::UTC);
    }

    void unreadableDateIsNotEpoch()
    {
        const MessageMetadata meta =
            MessageParser::parse(message("From: a@example.org\nDate: yesterday-ish\n"));
        if (meta.date.isValid())
            QVERIFY2(meta.date.toSecsSinceEpoch() != 0, "an unreadable date must not become 1970");
    }

    void messageId_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::newRow("angle brackets")
            << QByteArray("Message-ID: <abc.123@example.org>\n") << QStringLiteral("abc.123@example.org");
        QTest::newRow("lower case name") << QByteArray("Message-Id: <x@y>\n") << QStringLiteral("x@y");
        QTest::newRow("comment after") << QByteArray("Message-ID: <abc@example.org> (added by relay)\n")
                                       << QStringLiteral("abc@example.org");
        QTest::newRow("folded") << QByteArray("Message-ID:\n <folded@example.org>\n")
                                << QStringLiteral("folded@example.org");
        QTest::newRow("none") << QByteArray() << QString();
    }
    void messageId()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        const MessageMetadata meta = MessageParser::parse(message("From: a@example.org\n" + header));
        QCOMPARE(meta.messageId, expected);
    }

    void basicMessageLfAndCrlf()
    {
        for (const QByteArray &raw : {message(kBasicHeaders), withCrlf(message(kBasicHeaders))}) {
            const MessageMetadata meta = MessageParser::parse(raw);
            QCOMPARE(meta.messageId, QStringLiteral("basic@example.org"));
            QCOMPARE(meta.from, QStringLiteral("Alice <alice@example.org>"));
            QCOMPARE(meta.to, QStringLiteral("bob@example.org"));
            QCOMPARE(meta.subject, QStringLiteral("Test"));
            QCOMPARE(meta.date, QDateTime(QDate(2024, 1, 2), QTime(9, 30), Qt::UTC));
            QVERIFY(!meta.isSigned);
            QVERIFY(!meta.isEncrypted);
            QVERIFY(!meta.hasAttachments);
            QVERIFY(meta.structureReadable);
        }
    }

    void structure_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("isSigned");
        QTest::addColumn<bool>("isEncrypted");
        QTest::addColumn<bool>("hasAttachments");

        QTest::newRow("multipart/signed pkcs7")
            << message(kBasicHeaders +
                           "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
                           " micalg=sha-256; boundary=\"sig\"\n",
                       "--sig\n"
                       "Content-Type: text/plain; charset=utf-8\n"
                       "\n"
                       "Signed text.\n"
                       "--sig\n"
                       "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "Content-Disposition: attachment; filename=\"smime.p7s\"\n"
                       "\n"
                       "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCA\n"
                       "--sig--\n")
            << true << false << false;
        QTest::newRow("multipart/signed x-pkcs7")
            << message(kBasicHeaders +
                           "Content-Type: multipart/signed; protocol=\"application/x-pkcs7-signature\";"
                           " micalg=sha1; boundary=\"sig\"\n",
                       "--sig\n"
                       "Content-Type: text/plain\n"
                       "\n"
                       "Signed text.\n"
                       "--sig\n"
                       "Content-Type: application/x-pkcs7-signature; name=\"smime.p7s\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "Content-Disposition: attachment; filename=\"smime.p7s\"\n"
                       "\n"
                       "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAKCA\n"
                       "--sig--\n")
            << true << false << false;
        QTest::newRow("multipart/signed pgp")
            << message(kBasicHeaders + "Content-Type: multipart/signed; micalg=pgp-sha256;\n"
                                       " protocol=\"application/pgp-signature\"; boundary=\"pgp\"\n",
                       "This is an OpenPGP/MIME signed message (RFC 4880 and 3156)\n"
                       "--pgp\n"
                       "Content-Type: text/plain; charset=UTF-8\n"
                       "\n"
                       "Signed text.\n"
                       "--pgp\n"
                       "Content-Type: application/pgp-signature; name=\"OpenPGP_signature.asc\"\n"
                       "Content-Description: OpenPGP digital signature\n"
                       "Content-Disposition: attachment; filename=\"OpenPGP_signature.asc\"\n"
                       "\n"
                       "-----BEGIN PGP SIGNATURE-----\n"
                       "\n"
                       "wsB5BAABCAAjFiEE\n"
                       "-----END PGP SIGNATURE-----\n"
                       "--pgp--\n")
            << true << false << false;
        QTest::newRow("signed with a real attachment")
            << message(kBasicHeaders +
                           "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
                           " micalg=sha-256; boundary=\"sig\"\n",
                       "--sig\n"
                       "Content-Type: multipart/mixed; boundary=\"mix\"\n"
                       "\n"
                       "--mix\n"
                       "Content-Type: text/plain\n"
                       "\n"
                       "See attached.\n"
                       "--mix\n"
                       "Content-Type: application/pdf; name=\"report.pdf\"\n"
                       "Content-Disposition: attachment; filename=\"report.pdf\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "\n"
                       "JVBERi0xLjQK\n"
                       "--mix--\n"
                       "--sig\n"
                       "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\n"
                       "Content-Disposition: attachment; filename=\"smime.p7s\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "\n"
                       "MIAGCSqGSIb3DQEHAqCAMIACAQEx\n"
                       "--sig--\n")
            << true << false << true;
        QTest::newRow("pkcs7-mime enveloped-data")
            << message(
                   kBasicHeaders +
                       "Content-Type: application/pkcs7-mime; smime-type=enveloped-data; name=\"smime.p7m\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "Content-Disposition: attachment; filename=\"smime.p7m\"\n",
                   "MIAGCSqGSIb3DQEHA6CAMIACAQAxggHXMIIB0wIBADCBujCBrDELMAkGA1UEBhMCREUx\n")
            << false << true << false;
        QTest::newRow("x-pkcs7-mime enveloped-data")
            << message(kBasicHeaders + "Content-Type: application/x-pkcs7-mime; smime-type=enveloped-data; "
                                       "name=\"smime.p7m\"\n"
                                       "Content-Transfer-Encoding: base64\n"
                                       "Content-Disposition: attachment; filename=\"smime.p7m\"\n",
                       "MIAGCSqGSIb3DQEHA6CAMIACAQAxggHXMIIB0wIBADCBujCBrDELMAkGA1UEBhMCREUx\n")
            << false << true << false;
        QTest::newRow("pkcs7-mime signed-data")
            << message(
                   kBasicHeaders +
                       "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=\"smime.p7m\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "Content-Disposition: attachment; filename=\"smime.p7m\"\n",
                   "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwGggCSA\n")
            << true << false << false;
        QTest::newRow("multipart/encrypted pgp")
            << message(kBasicHeaders + "Content-Type: multipart/encrypted;\n"
                                       " protocol=\"application/pgp-encrypted\"; boundary=\"enc\"\n",
                       "This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\n"
                       "--enc\n"
                       "Content-Type: application/pgp-encrypted\n"
                       "Content-Description: PGP/MIME version identification\n"
                       "\n"
                       "Version: 1\n"
                       "\n"
                       "--enc\n"
                       "Content-Type: application/octet-stream; name=\"encrypted.asc\"\n"
                       "Content-Description: OpenPGP encrypted message\n"
                       "Content-Disposition: inline; filename=\"encrypted.asc\"\n"
                       "\n"
                       "-----BEGIN PGP MESSAGE-----\n"
                       "\n"
                       "wV4DR2b2udXyHrYSAQdAO\n"
                       "-----END PGP MESSAGE-----\n"
                       "\n"
                       "--enc--\n")
            << false << true << false;
        QTest::newRow("attachment") << message(kBasicHeaders +
                                                   "Content-Type: multipart/mixed; boundary=\"b\"\n",
                                               "--b\n"
                                               "Content-Type: text/plain\n"
                                               "\n"
                                               "See attached.\n"
                                               "--b\n"
                                               "Content-Type: application/pdf; name=\"report.pdf\"\n"
                                               "Content-Disposition: attachment; filename=\"report.pdf\"\n"
                                               "Content-Transfer-Encoding: base64\n"
                                               "\n"
                                               "JVBERi0xLjQK\n"
                                               "--b--\n")
                                    << false << false << true;
        QTest::newRow("attachment named only in content-type")
            << message(kBasicHeaders + "Content-Type: multipart/mixed; boundary=\"b\"\n",
                       "--b\n"
                       "Content-Type: text/plain\n"
                       "\n"
                       "See attached.\n"
                       "--b\n"
                       "Content-Type: application/vnd.ms-excel; name=\"numbers.xls\"\n"
                       "Content-Transfer-Encoding: base64\n"
                       "\n"
                       "0M8R4KGxGuE=\n"
                       "--b--\n")
            << false << false << true;
        QTest::newRow("forwarded message")
            << message(kBasicHeaders + "Content-Type: multipart/mixed; boundary=\"b\"\n",
                       "--b\n"
                       "Content-Type: text/plain\n"
                       "\n"
                       "Forwarding.\n"
                       "--b\n"
                       "Content-Type: message/rfc822\n"
                       "\n"
                       "From: c@example.org\n"
                       "Subject: inner\n"
                       "\n"
                       "Inner body.\n"
                       "--b--\n")
            << false << false << true;
        QTest::newRow("alternative is no attachment")
            << message(kBasicHeaders + "Content-Type: multipart/alternative; boundary=\"alt\"\n",
                       "--alt\n"
                       "Content-Type: text/plain; charset=utf-8\n"
                       "\n"
                       "Plain.\n"
                       "--alt\n"
                       "Content-Type: text/html; charset=utf-8\n"
                       "\n"
                       "<p>Plain.</p>\n"
                       "--alt--\n")
            << false << false << false;
        QTest::newRow("plain text") << message(kBasicHeaders + "Content-Type: text/plain; charset=us-ascii\n")
                                    << false << false << false;
    }
    void structure()
    {
        QFETCH(QByteArray, raw);
        QFETCH(bool, isSigned);
        QFETCH(bool, isEncrypted);
        QFETCH(bool, hasAttachments);
        for (const QByteArray &variant : {raw, withCrlf(raw)}) {
            const MessageMetadata meta = MessageParser::parse(variant);
            QVERIFY(meta.structureReadable);
            QCOMPARE(meta.isSigned, isSigned);
            QCOMPARE(meta.isEncrypted, isEncrypted);
            QCOMPARE(meta.hasAttachments, hasAttachments);
            QCOMPARE(meta.subject, QStringLiteral("Test"));
        }
    }

    // Broken mail is normal in archives: parse() returns what it can and never crashes.
    void brokenMail_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("subject");
        QTest::newRow("missing final boundary")
            << message("Subject: cut off\nContent-Type: multipart/mixed; boundary=\"b\"\n",
                       "--b\nContent-Type: text/plain\n\ntext\n--b\nContent-Type: application/pdf; "
                       "name=\"x.pdf\"\nContent-Transfer-Encoding: base64\n\nJVBER")
            << QStringLiteral("cut off");
        QTest::newRow("multipart without boundary")
            << message("Subject: no boundary\nContent-Type: multipart/mixed\n", "--b\n\ntext\n--b--\n")
            << QStringLiteral("no boundary");
        QTest::newRow("broken encoded word")
            << message("Subject: =?UTF-8?B?####?= =?bogus?Q?x?=\n") << QString();
        QTest::newRow("unknown charset") << message("Subject: =?x-no-such-charset?Q?abc?=\n") << QString();
        QTest::newRow("raw 8-bit everywhere")
            << message("From: J\xfcrgen <j@example.org>\nSubject: \xe4\xf6\xfc\nX-Junk: \xff\xfe\n",
                       "\xff\xfe\x80\x81\n")
            << QStringLiteral("äöü");
        QTest::newRow("header lines without colon")
            << message("Subject: ok\nthis is not a header\n") << QStringLiteral("ok");
        QTest::newRow("headers only, no body")
            << QByteArray("Subject: only headers\n") << QStringLiteral("only headers");
        QTest::newRow("bad base64 body")
            << message("Subject: b64\nContent-Transfer-Encoding: base64\n", "!!!! not base64 ****\n")
            << QStringLiteral("b64");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("nul bytes") << QByteArray("Subject: a\0b\n\nbody\0\0\0", 19) << QString();

        QByteArray garbage(64 * 1024, Qt::Uninitialized);
        QRandomGenerator random(42);
        for (char &c : garbage)
            c = static_cast<char>(random.bounded(256));
        QTest::newRow("random bytes") << garbage << QString();

        QByteArray deep = "Subject: deep\n";
        for (int i = 0; i < 300; ++i)
            deep += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\n\n--b" +
                    QByteArray::number(i) + "\n";
        deep += "Content-Type: text/plain\n\nleaf\n";
        QTest::newRow("deeply nested") << deep << QStringLiteral("deep");

        QTest::newRow("huge header line") << message("Subject: " + QByteArray(1024 * 1024, 'x') + "\n")
                                          << QString(1024 * 1024, QLatin1Char('x'));
    }
    void brokenMail()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, subject);
        QElapsedTimer timer;
        timer.start();
        const MessageMetadata meta = MessageParser::parse(raw);
        QVERIFY(timer.elapsed() < 2000);
        if (!subject.isEmpty())
            QCOMPARE(meta.subject, subject);
        // Whatever was read is well-formed text.
        QVERIFY(!meta.subject.contains(QChar(0)));
        QVERIFY(!meta.date.isValid() || meta.date.timeSpec() == Qt::UTC);
    }

    void raw8BitHeaders_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("latin-1") << message("From: J\xfcrgen <j@example.org>\nSubject: Gr\xfc\xdf"
                                            "e\n");
        QTest::newRow("utf-8") << message("From: J\xc3\xbcrgen <j@example.org>\nSubject: Gr\xc3\xbc\xc3\x9f"
                                          "e\n");
    }
    void raw8BitHeaders()
    {
        QFETCH(QByteArray, raw);
        const MessageMetadata meta = MessageParser::parse(raw);
        QCOMPARE(meta.from, QStringLiteral("Jürgen <j@example.org>"));
        QCOMPARE(meta.subject, QStringLiteral("Grüße"));
    }

    void mboxFromLineIsSkipped()
    {
        const MessageMetadata meta = MessageParser::parse(
            "From alice@example.org Tue Jan  2 10:00:00 2024\n" + message(kBasicHeaders));
        QCOMPARE(meta.from, QStringLiteral("Alice <alice@example.org>"));
        QCOMPARE(meta.subject, QStringLiteral("Test"));
        QCOMPARE(meta.messageId, QStringLiteral("basic@example.org"));
    }

    // Nothing is invented for input that is not mail at all.
    void notMailGivesEmptyMetadata_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("empty") << QByteArray();
        QByteArray garbage(64 * 1024, Qt::Uninitialized);
        QRandomGenerator random(7);
        for (char &c : garbage)
            c = static_cast<char>(random.bounded(256));
        QTest::newRow("random bytes") << garbage;
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    }
    void notMailGivesEmptyMetadata()
    {
        QFETCH(QByteArray, raw);
        const MessageMetadata meta = MessageParser::parse(raw);
        QCOMPARE(meta.messageId, QString());
        QCOMPARE(meta.from, QString());
        QCOMPARE(meta.subject, QString());
        QVERIFY(!meta.date.isValid());
        QVERIFY(!meta.isSigned);
        QVERIFY(!meta.isEncrypted);
    }

    void missingFinalBoundaryStillFindsAttachment()
    {
        const QByteArray raw = message(
            "Subject: cut off\nContent-Type: multipart/mixed; boundary=\"b\"\n",
            "--b\nContent-Type: text/plain\n\ntext\n--b\nContent-Type: application/pdf; name=\"x.pdf\"\n"
            "Content-Disposition: attachment; filename=\"x.pdf\"\n\nJVBER\n");
        const MessageMetadata meta = MessageParser::parse(raw);
        QVERIFY(meta.structureReadable);
        QVERIFY(meta.hasAttachments);
    }

    void looksLikeMail_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("expected");
        QTest::newRow("header lines") << message(kBasicHeaders) << true;
        QTest::newRow("crlf header lines") << withCrlf(message(kBasicHeaders)) << true;
        QTest::newRow("mbox From line first")
            << QByteArray("From alice@example.org Tue Jan  2 10:00:00 2024\nFrom: alice@example.org\n"
                          "Subject: x\n\nbody\n")
            << true;
        QTest::newRow("folded first field")
            << QByteArray(
                   "Received: from mx.example.org\n\tby mail.example.org; Tue, 2 Jan 2024\nSubject: x\n")
            << true;
        QTest::newRow("truncated head") << QByteArray("Return-Path: <a@example.org>\nSubj") << true;
        QTest::newRow("single field, no newline") << QByteArray("Subject: hello") << true;
        QTest::newRow("junk after fields") << QByteArray("X-Mailer: foo\nthis is not a field\n") << true;
        QTest::newRow("binary with NUL") << QByteArray("From: a@example.org\n\0\x01\x02", 23) << false;
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << false;
        QTest::newRow("pdf") << QByteArray("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") << false;
        QTest::newRow("plain text document")
            << QByteArray("Dear John,\nhow are you?\nRegards: Ann\n") << false;
        QTest::newRow("letter starting with From")
            << QByteArray("From the desk of Ann Smith\nDear John,\n") << false;
        QTest::newRow("text with a colon later") << QByteArray("Meeting notes\nAgenda: budget\n") << false;
        QTest::newRow("field name with space") << QByteArray("Dear John: hello\n") << false;
        QTest::newRow("html") << QByteArray("<html>\n<head><title>x</title></head>\n") << false;
        QTest::newRow("only the mbox line")
            << QByteArray("From alice@example.org Tue Jan  2 10:00:00 2024\n") << false;
        QTest::newRow("blank line first") << QByteArray("\nFrom: a@example.org\n") << false;
        QTest::newRow("starts with continuation") << QByteArray(" folded\n") << false;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("colon first") << QByteArray(": no name\n") << false;
    }
    void looksLikeMail()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, expected);
        QCOMPARE(MessageParser::looksLikeMail(head), expected);
    }

    void headerBlockLength_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<qsizetype>("expected");
        QTest::newRow("lf") << QByteArray("A: 1\nB: 2\n\nbody\n") << qsizetype(11);
        QTest::newRow("crlf") << QByteArray("A: 1\r\nB: 2\r\n\r\nbody\r\n") << qsizetype(14);
        QTest::newRow("crlf headers, lf blank line") << QByteArray("A: 1\r\n\nbody") << qsizetype(7);
        QTest::newRow("blank lines in body") << QByteArray("A: 1\n\nx\n\ny\n") << qsizetype(6);
        QTest::newRow("folded field") << QByteArray("A: 1\n 2\n\nb") << qsizetype(9);
        QTest::newRow("no body") << QByteArray("A: 1\nB: 2\n") << qsizetype(10);
        QTest::newRow("no body, crlf") << QByteArray("A: 1\r\nB: 2\r\n") << qsizetype(12);
        QTest::newRow("no final newline") << QByteArray("A: 1") << qsizetype(4);
        QTest::newRow("blank first") << QByteArray("\nbody") << qsizetype(1);
        QTest::newRow("empty") << QByteArray() << qsizetype(0);
    }
    void headerBlockLength()
    {
        QFETCH(QByteArray, raw);
        QFETCH(qsizetype, expected);
        QCOMPARE(MessageParser::headerBlockLength(raw), expected);
    }
};

QTEST_GUILESS_MAIN(TestMessageParser)
#include "TestMessageParser.moc"
