// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/IndexTerms.h"

#include <QRegularExpression>
#include <QTest>

using namespace ArchiveSync;

class TestIndexTerms : public QObject
{
    Q_OBJECT

private slots:
    void words_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << "Hello, world!" << QStringList{"hello", "world"};
        QTest::newRow("diacritics and case") << "Zoë ÅNGSTRÖM" << QStringList{"zoe", "angstrom"};
        QTest::newRow("digits stay") << "Q3 report-2026" << QStringList{"q3", "report", "2026"};
        QTest::newRow("address splits") << "alice@example.org" << QStringList{"alice", "example", "org"};
        QTest::newRow("simple folding keeps sharp s") << "STRAßE" << QStringList{"straße"};
        QTest::newRow("nothing") << " -- !! " << QStringList{};
    }
    void words()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(IndexTerms::words(text), expected);
    }

    void sealedTermsHideWordsButMatchTheirFoldedForms()
    {
        const IndexTerms terms(QByteArray(IndexTerms::kKeyBytes, 'k'));
        const QString sealed = terms.seal(QStringLiteral("Zoë met Zoe"));
        const QStringList parts = sealed.split(u' ');
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(0), parts.at(2));
        QVERIFY(parts.at(0) != parts.at(1));
        static const QRegularExpression base32(QStringLiteral("^[a-z2-7]{20}$"));
        for (const QString &p : parts)
            QVERIFY2(base32.match(p).hasMatch(), qPrintable(p));
        QVERIFY(!sealed.contains(QStringLiteral("zoe")));
        QVERIFY(terms.seal(QStringLiteral("!!")).isEmpty());
        QVERIFY(!base32.match(IndexTerms::noTerm()).hasMatch());
    }

    void anotherKeyGivesOtherTerms()
    {
        const IndexTerms a(QByteArray(IndexTerms::kKeyBytes, 'a'));
        const IndexTerms b(QByteArray(IndexTerms::kKeyBytes, 'b'));
        QVERIFY(a.seal(QStringLiteral("lighthouse")) != b.seal(QStringLiteral("lighthouse")));
        QCOMPARE(a.seal(QStringLiteral("lighthouse")), a.seal(QStringLiteral("LIGHTHOUSE")));
    }
};

QTEST_APPLESS_MAIN(TestIndexTerms)
#include "TestIndexTerms.moc"
