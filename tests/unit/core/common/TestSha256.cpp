// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ArchiveSync;

class TestSha256 : public QObject
{
    Q_OBJECT
private slots:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray()
                               << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc")
                             << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    }
    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QCOMPARE(Sha256::hex(input), expected);
    }

    void incrementalEqualsOneShot()
    {
        Sha256 hash;
        hash.addData(QByteArrayView("ab"));
        hash.addData(QByteArrayView("c"));
        QCOMPARE(hash.resultHex(), Sha256::hex("abc"));
        // After result() the object starts over.
        hash.addData(QByteArrayView("abc"));
        QCOMPARE(hash.resultHex(), Sha256::hex("abc"));
    }

    void hashFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("f"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray data(3 * 1024 * 1024 + 17, 'x');
        file.write(data);
        file.close();
        const auto result = Sha256::hashFile(path);
        QVERIFY(result.ok());
        QCOMPARE(*result, Sha256::hex(data));
        QVERIFY(!Sha256::hashFile(dir.filePath(QStringLiteral("missing"))).ok());
    }

    void validHex()
    {
        QVERIFY(Sha256::isValidHex(Sha256::hex("x")));
        QVERIFY(!Sha256::isValidHex(Sha256::hex("x").toUpper()));
        QVERIFY(!Sha256::isValidHex(QStringLiteral("../etc/passwd")));
        QVERIFY(!Sha256::isValidHex(Sha256::hex("x").left(63)));
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "TestSha256.moc"
