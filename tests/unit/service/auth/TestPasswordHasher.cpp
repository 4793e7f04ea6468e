// SPDX-License-Identifier: Apache-2.0
#include "service/auth/PasswordHasher.h"

#include <QSet>
#include <QTest>

using namespace ArchiveSync;

class TestPasswordHasher : public QObject
{
    Q_OBJECT
private:
    // The smallest Argon2id cost keeps the tests fast; the default is checked separately.
    PasswordHasher m_hasher{PasswordHasher::Limits::minimum()};

private slots:
    void hashAndVerify()
    {
        const QString password = QStringLiteral("correct horse battery staple");
        Result<QString> hash = m_hasher.hash(password);
        QVERIFY2(hash.ok(), qPrintable(hash.errorString()));
        QVERIFY2(hash->startsWith(QStringLiteral("$argon2id$")), qPrintable(*hash));
        QVERIFY(!hash->contains(password));
        QVERIFY(m_hasher.verify(*hash, password));

        // A random salt: the same password hashes differently, and both verify.
        Result<QString> again = m_hasher.hash(password);
        QVERIFY(again.ok());
        QVERIFY(*again != *hash);
        QVERIFY(m_hasher.verify(*again, password));
    }

    void wrongPasswordRefused()
    {
        const QString password = QStringLiteral("correct horse battery staple");
        Result<QString> hash = m_hasher.hash(password);
        QVERIFY(hash.ok());
        QVERIFY(!m_hasher.verify(*hash, QStringLiteral("correct horse battery stapler")));
        QVERIFY(!m_hasher.verify(*hash, QStringLiteral("Correct horse battery staple")));
        QVERIFY(!m_hasher.verify(*hash, QString()));
        // Malformed hashes never verify.
        QVERIFY(!m_hasher.verify(QString(), password));
        QVERIFY(!m_hasher.verify(QStringLiteral("$argon2id$garbage"), password));
        QVERIFY(!m_hasher.verify(password, password));
        QVERIFY(!m_hasher.verify(QString(500, u'x'), password));
    }

    void unicodeNormalized()
    {
        // "é" precomposed and as e + combining acute are the same password.
        const QString composed = QStringLiteral("caf\u00e9-password-1");
        const QString decomposed = QStringLiteral("cafe\u0301-password-1");
        QVERIFY(composed != decomposed);
        Result<QString> hash = m_hasher.hash(composed);
        QVERIFY(hash.ok());
        QVERIFY(m_hasher.verify(*hash, decomposed));
        QVERIFY(!m_hasher.verify(*hash, QStringLiteral("cafe-password-1")));
    }

    void needsRehash()
    {
        Result<QString> cheap = m_hasher.hash(QStringLiteral("correct horse battery staple"));
        QVERIFY(cheap.ok());
        QVERIFY(!m_hasher.needsRehash(*cheap));

        PasswordHasher stronger(PasswordHasher::Limits{PasswordHasher::Limits::minimum().opsLimit + 1,
                                                       PasswordHasher::Limits::minimum().memLimit * 2});
        QVERIFY(stronger.needsRehash(*cheap));
        // Other limits still verify: hashes describe their own parameters.
        QVERIFY(stronger.verify(*cheap, QStringLiteral("correct horse battery staple")));
        QVERIFY(m_hasher.needsRehash(QStringLiteral("not a hash")));
        QVERIFY(m_hasher.needsRehash(QString()));
    }

    void defaultLimitsAreInteractive()
    {
        const PasswordHasher hasher;
        QCOMPARE(hasher.limits().opsLimit, PasswordHasher::Limits::interactive().opsLimit);
        QCOMPARE(hasher.limits().memLimit, PasswordHasher::Limits::interactive().memLimit);
        QVERIFY(hasher.limits().memLimit > m_hasher.limits().memLimit);
        QVERIFY(PasswordHasher::Limits::interactive().memLimit >= 32u * 1024 * 1024);
        PasswordHasher settable;
        settable.setLimits(PasswordHasher::Limits::minimum());
        QCOMPARE(settable.limits().memLimit, PasswordHasher::Limits::minimum().memLimit);
    }

    void policy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("reason");

        QTest::newRow("empty") << QString() << false << QStringLiteral("at least 12");
        QTest::newRow("11 characters")
            << QStringLiteral("abcdefghijk") << false << QStringLiteral("at least 12");
        QTest::newRow("12 characters") << QStringLiteral("abcdefghijkl") << true << QString();
        QTest::newRow("spaces count") << QStringLiteral("four words in it") << true << QString();
        QTest::newRow("one character repeated")
            << QStringLiteral("aaaaaaaaaaaaaaaa") << false << QStringLiteral("repeated");
        QTest::newRow("two characters") << QStringLiteral("abababababab") << true << QString();
        // Characters are code points, not UTF-16 units: 11 emoji are 22 units but too few.
        QTest::newRow("11 emoji") << QString(QStringLiteral("\U0001F600\U0001F601")).repeated(5) +
                                         QStringLiteral("\U0001F602")
                                  << false << QStringLiteral("at least 12");
        QTest::newRow("12 emoji") << QString(QStringLiteral("\U0001F600\U0001F601")).repeated(6) << true
                                  << QString();
        QTest::newRow("1024 bytes") << QString(1023, u'x') + QStringLiteral("y") << true << QString();
        QTest::newRow("1025 bytes") << QString(1024, u'x') + QStringLiteral("y") << false
                                    << QStringLiteral("at most 1024 bytes");
        // 342 three-byte characters: few characters, too many bytes.
        QTest::newRow("1026 bytes of CJK") << QString(341, QChar(0x4e2d)) + QStringLiteral("\u6587") << false
                                           << QStringLiteral("at most 1024 bytes");
    }

    void policy()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        QFETCH(QString, reason);
        const Status st = PasswordHasher::checkPolicy(password);
        QCOMPARE(st.ok(), accepted);
        if (!accepted) {
            QCOMPARE(st.error().category, ErrorCategory::Invalid);
            QCOMPARE(st.error().field, QStringLiteral("password"));
            QVERIFY2(st.errorString().contains(reason), qPrintable(st.errorString()));
        }
    }

    void generatedPasswords()
    {
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const QString password = PasswordHasher::generatePassword();
            QCOMPARE(password.size(), PasswordHasher::kGeneratedPasswordLength);
            QCOMPARE(password.size(), 20);
            const Status st = PasswordHasher::checkPolicy(password);
            QVERIFY2(st.ok(), qPrintable(st.errorString()));
            for (QChar c : password) {
                QVERIFY2(c.isLetterOrNumber() && c.unicode() < 128, qPrintable(password));
                // No look-alikes.
                QVERIFY2(!QStringLiteral("0O1lI").contains(c), qPrintable(password));
            }
            seen.insert(password);
        }
        QCOMPARE(seen.size(), 50);
        const QString password = PasswordHasher::generatePassword();
        Result<QString> hash = m_hasher.hash(password);
        QVERIFY(hash.ok());
        QVERIFY(m_hasher.verify(*hash, password));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "TestPasswordHasher.moc"
