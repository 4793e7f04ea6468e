// SPDX-License-Identifier: Apache-2.0
#include "core/mime/ImapUtf7.h"

#include <QTest>

using namespace ArchiveSync;

class TestImapUtf7 : public QObject
{
    Q_OBJECT
private slots:
    // Names that encode to exactly one form and decode back.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("decoded");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("ascii") << QStringLiteral("INBOX") << QStringLiteral("INBOX");
        QTest::newRow("ascii path") << QStringLiteral("Projects/Alpha-2 (old)")
                                    << QStringLiteral("Projects/Alpha-2 (old)");
        QTest::newRow("umlaut") << QStringLiteral("Entwürfe") << QStringLiteral("Entw&APw-rfe");
        QTest::newRow("ampersand") << QStringLiteral("&") << QStringLiteral("&-");
        QTest::newRow("ampersand in words")
            << QStringLiteral("Tom & Jerry") << QStringLiteral("Tom &- Jerry");
        QTest::newRow("ampersand next to shift") << QStringLiteral("ü&ü") << QStringLiteral("&APw-&-&APw-");
        QTest::newRow("several runs")
            << QStringLiteral("Éléments envoyés") << QStringLiteral("&AMk-l&AOk-ments envoy&AOk-s");
        QTest::newRow("japanese") << QStringLiteral("受信トレイ") << QStringLiteral("&U9dP4TDIMOwwpA-");
        QTest::newRow("rfc3501 example")
            << QStringLiteral("~peter/mail/台北/日本語") << QStringLiteral("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        QTest::newRow("cyrillic uses comma")
            << QStringLiteral("Отправленные") << QStringLiteral("&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-");
        QTest::newRow("czech") << QStringLiteral("Koš") << QStringLiteral("Ko&AWE-");
        QTest::newRow("surrogate pair") << QStringLiteral("📧 Mail") << QStringLiteral("&2D3c5w- Mail");
        QTest::newRow("control character") << QStringLiteral("a\tb") << QStringLiteral("a&AAk-b");
        QTest::newRow("tilde and dash stay") << QStringLiteral("~a-b") << QStringLiteral("~a-b");
    }
    void roundTrip()
    {
        QFETCH(QString, decoded);
        QFETCH(QString, encoded);
        QCOMPARE(ImapUtf7::encode(decoded), encoded);
        QCOMPARE(ImapUtf7::decode(encoded), decoded);
        QCOMPARE(ImapUtf7::decode(ImapUtf7::encode(decoded)), decoded);
    }

    void encodedIsPrintableAscii()
    {
        const QString encoded = ImapUtf7::encode(QStringLiteral("Gelöschte Elemente/日本語/\x7f\x01"));
        for (QChar c : encoded)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() <= 0x7e, qPrintable(encoded));
        QVERIFY(!encoded.contains(QStringLiteral("//")));
    }

    // Malformed shift sequences are kept as they stand; everything around them still decodes.
    void decodeMalformed_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("lone ampersand") << QStringLiteral("&") << QStringLiteral("&");
        QTest::newRow("unterminated shift") << QStringLiteral("Entw&APw") << QStringLiteral("Entw&APw");
        QTest::newRow("not base64") << QStringLiteral("a&!!!-b") << QStringLiteral("a&!!!-b");
        QTest::newRow("odd byte count") << QStringLiteral("&AP-") << QStringLiteral("&AP-");
        QTest::newRow("malformed then valid")
            << QStringLiteral("&**-Entw&APw-rfe") << QStringLiteral("&**-Entwürfe");
        QTest::newRow("adjacent shifts") << QStringLiteral("&APw-&APw-") << QStringLiteral("üü");
        QTest::newRow("plain text with dashes") << QStringLiteral("a-b-c") << QStringLiteral("a-b-c");
    }
    void decodeMalformed()
    {
        QFETCH(QString, encoded);
        QFETCH(QString, decoded);
        QCOMPARE(ImapUtf7::decode(encoded), decoded);
    }
};

QTEST_GUILESS_MAIN(TestImapUtf7)
#include "TestImapUtf7.moc"
