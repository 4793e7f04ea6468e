// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/MessageCipher.h"

#include <QTest>

using namespace ArchiveSync;

class TestMessageCipher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedKeys()
    {
        const QByteArray a = MessageCipher::generateKey();
        const QByteArray b = MessageCipher::generateKey();
        QCOMPARE(a.size(), MessageCipher::kKeyBytes);
        QVERIFY(MessageCipher::isValidKey(a));
        QVERIFY(a != b);
        QVERIFY(!MessageCipher::isValidKey(QByteArray(31, 'k')));
        QVERIFY(!MessageCipher::isValidKey(QByteArray(33, 'k')));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("message") << QByteArray("From: a@example.org\r\nSubject: hi\r\n\r\nbody\r\n");
        QTest::newRow("binary") << QByteArray("\0\1\2\xff\xfe", 5);
        QTest::newRow("large") << QByteArray(3 * 1024 * 1024 + 7, 'q');
    }
    void roundTrip()
    {
        QFETCH(QByteArray, plain);
        MessageCipher cipher(MessageCipher::generateKey());
        const QByteArray sealed = cipher.seal(plain);
        QCOMPARE(sealed.size(), plain.size() + 40); // 24-byte nonce, 16-byte tag
        if (plain.size() >= 16)
            QVERIFY(!sealed.contains(plain.left(16)));
        const auto opened = cipher.open(sealed);
        QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
        QCOMPARE(*opened, plain);
    }

    void sameBytesSealDifferently()
    {
        MessageCipher cipher(MessageCipher::generateKey());
        const QByteArray plain("the same message");
        const QByteArray a = cipher.seal(plain);
        const QByteArray b = cipher.seal(plain);
        QVERIFY(a != b);
        QVERIFY(a.left(24) != b.left(24));
        QCOMPARE(*cipher.open(a), plain);
        QCOMPARE(*cipher.open(b), plain);
    }

    void tamperIsDetected_data()
    {
        QTest::addColumn<int>("offset");
        QTest::newRow("nonce") << 0;
        QTest::newRow("nonce end") << 23;
        QTest::newRow("tag") << 30;
        QTest::newRow("ciphertext") << 45;
        QTest::newRow("last byte") << -1;
    }
    void tamperIsDetected()
    {
        QFETCH(int, offset);
        MessageCipher cipher(MessageCipher::generateKey());
        QByteArray sealed = cipher.seal("a message long enough to flip bits in");
        const qsizetype at = offset < 0 ? sealed.size() - 1 : offset;
        sealed[at] = static_cast<char>(sealed.at(at) ^ 0x40);
        const auto opened = cipher.open(sealed);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().category, ErrorCategory::Corrupt);
    }

    void wrongKeyIsCorrupt()
    {
        MessageCipher a(MessageCipher::generateKey());
        MessageCipher b(MessageCipher::generateKey());
        const auto opened = b.open(a.seal("secret"));
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().category, ErrorCategory::Corrupt);
    }

    void sameKeyOpensAcrossInstances()
    {
        const QByteArray key = MessageCipher::generateKey();
        QByteArray sealed;
        {
            MessageCipher a(key);
            sealed = a.seal("kept");
        }
        MessageCipher b(key);
        QCOMPARE(*b.open(sealed), QByteArray("kept"));
        QCOMPARE(key.size(), MessageCipher::kKeyBytes); // a shared caller copy is not wiped
        QVERIFY(key != QByteArray(MessageCipher::kKeyBytes, '\0'));
    }

    void tooShortIsCorrupt_data()
    {
        QTest::addColumn<QByteArray>("sealed");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("nonce only") << QByteArray(24, 'n');
        QTest::newRow("one short") << QByteArray(39, 'n');
    }
    void tooShortIsCorrupt()
    {
        QFETCH(QByteArray, sealed);
        MessageCipher cipher(MessageCipher::generateKey());
        const auto opened = cipher.open(sealed);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().category, ErrorCategory::Corrupt);
    }

    void invalidKeyRefusesToWork()
    {
        MessageCipher cipher(QByteArray(10, 'k'));
        QVERIFY(cipher.seal("data").isEmpty());
        QVERIFY(!cipher.open(QByteArray(64, 'x')).ok());
    }
};

QTEST_GUILESS_MAIN(TestMessageCipher)
#include "TestMessageCipher.moc"
