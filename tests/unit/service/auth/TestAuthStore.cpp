// SPDX-License-Identifier: Apache-2.0
#include "service/auth/AuthStore.h"
#include "service/store/ArchiveStore.h"
#include "tests/support/MailFixtures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;
using namespace std::chrono_literals;

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple");
const QString kOtherPassword = QStringLiteral("Tr0ub4dor&3-but-longer");

int rowCount(const Database &db, const QString &sql, std::initializer_list<QVariant> params = {})
{
    auto q = db.exec(sql, params);
    if (!q || !q->next())
        return -1;
    return q->value(0).toInt();
}
} // namespace

class TestAuthStore : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuthStore> m_auth;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("archive.db")); }

    qint64 makeUser(const QString &name, UserRole role = UserRole::User)
    {
        Result<User> user = m_auth->createUser(name, kPassword, role);
        if (!user)
            qWarning() << user.errorString();
        return user ? user->id : 0;
    }

    qint64 makeMailbox(const QString &address)
    {
        ArchiveStore archive(*m_db);
        auto storage = archive.ensureStorage(QStringLiteral("default"), StorageKind::Disk, m_dir->path());
        if (!storage)
            return 0;
        auto mailbox = archive.ensureMailbox(address, storage->id, kNow);
        return mailbox ? mailbox->id : 0;
    }

    static void verifyAuthError(const Result<Principal> &result)
    {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Auth);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>(kNow);
        m_db = std::make_unique<Database>();
        const Status st = m_db->openSqlite(dbPath());
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
        m_auth =
            std::make_unique<AuthStore>(*m_db, *m_clock, PasswordHasher(PasswordHasher::Limits::minimum()));
    }
    void cleanup()
    {
        m_auth.reset();
        m_db.reset();
        m_clock.reset();
        m_dir.reset();
    }

    // ---- Users ----

    void createAndLookUpUsers()
    {
        Result<User> alice = m_auth->createUser(QStringLiteral("Alice"), kPassword, UserRole::User,
                                                QStringLiteral(" Alice A. "));
        QVERIFY2(alice.ok(), qPrintable(alice.errorString()));
        QVERIFY(alice->id > 0);
        QCOMPARE(alice->username, QStringLiteral("alice"));
        QCOMPARE(alice->displayName, QStringLiteral("Alice A."));
        QCOMPARE(alice->role, UserRole::User);
        QCOMPARE(alice->created, kNow);
        QVERIFY(alice->hasPassword);
        Result<User> bob =
            m_auth->createUser(QStringLiteral("bob@example.org"), kPassword, QStringLiteral("admin"));
        QVERIFY2(bob.ok(), qPrintable(bob.errorString()));
        QCOMPARE(bob->role, UserRole::Admin);

        auto found = m_auth->userByName(QStringLiteral("ALICE"));
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->id, alice->id);
        QCOMPARE((*found)->displayName, QStringLiteral("Alice A."));
        QCOMPARE((*found)->created, kNow);
        auto none = m_auth->userByName(QStringLiteral("carol"));
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());

        auto byId = m_auth->userById(bob->id);
        QVERIFY(byId.ok());
        QCOMPARE(byId->username, QStringLiteral("bob@example.org"));
        QCOMPARE(m_auth->userById(4242).error().category, ErrorCategory::NotFound);

        auto all = m_auth->users();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).username, QStringLiteral("alice"));
        QCOMPARE(all->at(1).username, QStringLiteral("bob@example.org"));
        QCOMPARE(*m_auth->adminCount(), 1);

        // The password is stored as an Argon2id hash, never as given.
        auto q = m_db->exec(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {alice->id});
        QVERIFY(q && q->next());
        QVERIFY(q->value(0).toString().startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!q->value(0).toString().contains(kPassword));
    }

    void usernameRules_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("single letter") << QStringLiteral("a") << true;
        QTest::newRow("email-like") << QStringLiteral("john.doe@example.org") << true;
        QTest::newRow("all allowed punctuation") << QStringLiteral("x_y-z.w@v") << true;
        QTest::newRow("digits") << QStringLiteral("007") << true;
        QTest::newRow("64 characters") << QString(64, u'u') << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("65 characters") << QString(65, u'u') << false;
        QTest::newRow("space") << QStringLiteral("john doe") << false;
        QTest::newRow("leading space") << QStringLiteral(" john") << false;
        QTest::newRow("umlaut") << QStringLiteral("j\u00fcrgen") << false;
        QTest::newRow("semicolon") << QStringLiteral("a;drop") << false;
        QTest::newRow("slash") << QStringLiteral("a/b") << false;
        QTest::newRow("quote") << QStringLiteral("o'brien") << false;
        QTest::newRow("parentheses") << QStringLiteral("(service)") << false;
    }

    void usernameRules()
    {
        QFETCH(QString, username);
        QFETCH(bool, accepted);
        QCOMPARE(AuthStore::checkUsername(username).ok(), accepted);
        Result<User> user = m_auth->createUser(username, kPassword, UserRole::User);
        QCOMPARE(user.ok(), accepted);
        if (!accepted) {
            QCOMPARE(user.error().category, ErrorCategory::Invalid);
            QCOMPARE(user.error().field, QStringLiteral("username"));
            QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM users")), 0);
        } else {
            QCOMPARE(user->username, username.toLower());
        }
    }

    void passwordRoleAndDisplayNameChecked()
    {
        Result<User> weak =
            m_auth->createUser(QStringLiteral("alice"), QStringLiteral("short"), UserRole::User);
        QVERIFY(!weak);
        QCOMPARE(weak.error().category, ErrorCategory::Invalid);
        QCOMPARE(weak.error().field, QStringLiteral("password"));

        Result<User> badRole = m_auth->createUser(QStringLiteral("alice"), kPassword, QStringLiteral("root"));
        QVERIFY(!badRole);
        QCOMPARE(badRole.error().category, ErrorCategory::Invalid);
        QCOMPARE(badRole.error().field, QStringLiteral("role"));
        QVERIFY(badRole.errorString().contains(QStringLiteral("root")));

        Result<User> longName = m_auth->createUser(QStringLiteral("alice"), kPassword, UserRole::User,
                                                   QString(AuthStore::kMaxDisplayNameLength + 1, u'n'));
        QVERIFY(!longName);
        QCOMPARE(longName.error().field, QStringLiteral("displayName"));
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM users")), 0);

        QCOMPARE(AuthStore::parseRole(QStringLiteral("user")).value(), UserRole::User);
        QCOMPARE(AuthStore::parseRole(QStringLiteral("admin")).value(), UserRole::Admin);
        QVERIFY(!AuthStore::parseRole(QStringLiteral("Admin")).ok());
    }

    void duplicateUsernameConflicts()
    {
        QVERIFY(makeUser(QStringLiteral("bob")) > 0);
        for (const QString &name : {QStringLiteral("bob"), QStringLiteral("BOB"), QStringLiteral("Bob")}) {
            Result<User> again = m_auth->createUser(name, kOtherPassword, UserRole::Admin);
            QVERIFY(!again);
            QCOMPARE(again.error().category, ErrorCategory::Conflict);
        }
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM users")), 1);
        QCOMPARE(*m_auth->adminCount(), 0);
    }

    void authenticate()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        const qint64 root = makeUser(QStringLiteral("root"), UserRole::Admin);
        QVERIFY(alice > 0 && root > 0);

        Result<Principal> ok = m_auth->authenticate(QStringLiteral("Alice"), kPassword);
        QVERIFY2(ok.ok(), qPrintable(ok.errorString()));
        QCOMPARE(ok->userId, alice);
        QCOMPARE(ok->username, QStringLiteral("alice"));
        QCOMPARE(ok->role, UserRole::User);
        QCOMPARE(ok->tokenKind, TokenKind::None);
        QCOMPARE(ok->deviceId, 0);
        QVERIFY(!ok->isAdmin());
        Result<Principal> admin = m_auth->authenticate(QStringLiteral("root"), kPassword);
        QVERIFY(admin.ok());
        QVERIFY(admin->isAdmin());

        // Wrong password and unknown user: the same answer.
        Result<Principal> wrong = m_auth->authenticate(QStringLiteral("alice"), kOtherPassword);
        Result<Principal> unknown = m_auth->authenticate(QStringLiteral("mallory"), kPassword);
        verifyAuthError(wrong);
        verifyAuthError(unknown);
        QCOMPARE(wrong.errorString(), QStringLiteral("invalid username or password"));
        QCOMPARE(unknown.errorString(), wrong.errorString());
        verifyAuthError(m_auth->authenticate(QStringLiteral("alice"), QString()));
        verifyAuthError(m_auth->authenticate(QString(), QString()));
        verifyAuthError(m_auth->authenticate(QStringLiteral("alice"), kPassword + QString(2000, u'x')));

        // An account without a password (created outside the API) cannot sign in.
        QVERIFY(
            m_db->exec(QStringLiteral("INSERT INTO users (username, created_at) VALUES ('nopass', 1)")).ok());
        auto nopass = m_auth->userByName(QStringLiteral("nopass"));
        QVERIFY(nopass.ok() && nopass->has_value());
        QVERIFY(!(*nopass)->hasPassword);
        Result<Principal> none = m_auth->authenticate(QStringLiteral("nopass"), QString());
        verifyAuthError(none);
        QCOMPARE(none.errorString(), wrong.errorString());
    }

    void unknownUserCostsAHashCheck()
    {
        // Without the dummy check an unknown user answers in microseconds while a known one costs
        // an Argon2id run; the limits here make that run take milliseconds.
        AuthStore store(*m_db, *m_clock, PasswordHasher(PasswordHasher::Limits{2, 16u * 1024 * 1024}));
        QVERIFY(store.createUser(QStringLiteral("alice"), kPassword, UserRole::User).ok());
        auto median = [&](const QString &user) {
            QList<qint64> times;
            for (int i = 0; i < 5; ++i) {
                QElapsedTimer timer;
                timer.start();
                (void)store.authenticate(user, kOtherPassword);
                times.append(timer.nsecsElapsed());
            }
            std::sort(times.begin(), times.end());
            return times.at(2);
        };
        const qint64 known = median(QStringLiteral("alice"));
        const qint64 unknown = median(QStringLiteral("mallory"));
        QVERIFY2(unknown * 4 >= known,
                 qPrintable(QStringLiteral("known %1 ns, unknown %2 ns").arg(known).arg(unknown)));
    }

    void loginRenewsOutdatedHash()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto storedHash = [&] {
            auto q = m_db->exec(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {alice});
            return q && q->next() ? q->value(0).toString() : QString();
        };
        const QString before = storedHash();
        const PasswordHasher::Limits stronger{PasswordHasher::Limits::minimum().opsLimit + 1,
                                              PasswordHasher::Limits::minimum().memLimit * 4};
        AuthStore upgraded(*m_db, *m_clock, PasswordHasher(stronger));
        QVERIFY(upgraded.hasher().needsRehash(before));
        // A failed login changes nothing.
        verifyAuthError(upgraded.authenticate(QStringLiteral("alice"), kOtherPassword));
        QCOMPARE(storedHash(), before);
        QVERIFY(upgraded.authenticate(QStringLiteral("alice"), kPassword).ok());
        const QString after = storedHash();
        QVERIFY(after != before);
        QVERIFY(!upgraded.hasher().needsRehash(after));
        QVERIFY(m_auth->authenticate(QStringLiteral("alice"), kPassword).ok());
    }

    void setPasswordEndsSessions()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto session = m_auth->createSession(alice);
        auto device = m_auth->registerDevice(alice, QStringLiteral("laptop"));
        QVERIFY(session.ok() && device.ok());

        const Status weak = m_auth->setPassword(alice, QStringLiteral("aaaaaaaaaaaaaaaa"));
        QVERIFY(!weak.ok());
        QCOMPARE(weak.error().field, QStringLiteral("password"));
        QVERIFY(m_auth->authenticate(QStringLiteral("alice"), kPassword).ok());
        QVERIFY(m_auth->resolveToken(session->token).ok());

        QVERIFY(m_auth->setPassword(alice, kOtherPassword).ok());
        verifyAuthError(m_auth->authenticate(QStringLiteral("alice"), kPassword));
        QVERIFY(m_auth->authenticate(QStringLiteral("alice"), kOtherPassword).ok());
        verifyAuthError(m_auth->resolveToken(session->token));
        QVERIFY(m_auth->resolveToken(device->token).ok());

        QCOMPARE(m_auth->setPassword(4242, kOtherPassword).error().category, ErrorCategory::NotFound);
    }

    void lastAdministratorProtected()
    {
        const qint64 root = makeUser(QStringLiteral("root"), UserRole::Admin);
        const qint64 alice = makeUser(QStringLiteral("alice"));
        QCOMPARE(*m_auth->adminCount(), 1);

        const Status demote = m_auth->setRole(root, UserRole::User);
        QVERIFY(!demote.ok());
        QCOMPARE(demote.error().category, ErrorCategory::Conflict);
        const Status remove = m_auth->deleteUser(root);
        QVERIFY(!remove.ok());
        QCOMPARE(remove.error().category, ErrorCategory::Conflict);
        QCOMPARE(m_auth->userById(root)->role, UserRole::Admin);

        QCOMPARE(m_auth->setRole(alice, QStringLiteral("superuser")).error().field, QStringLiteral("role"));
        QVERIFY(m_auth->setRole(alice, QStringLiteral("admin")).ok());
        QCOMPARE(*m_auth->adminCount(), 2);
        QVERIFY(m_auth->setRole(root, UserRole::User).ok());
        QCOMPARE(m_auth->userById(root)->role, UserRole::User);
        QVERIFY(m_auth->setRole(root, UserRole::User).ok()); // no change: fine
        QCOMPARE(*m_auth->adminCount(), 1);
        QCOMPARE(m_auth->deleteUser(alice).error().category, ErrorCategory::Conflict);
        QCOMPARE(m_auth->setRole(4242, UserRole::Admin).error().category, ErrorCategory::NotFound);
        QCOMPARE(m_auth->deleteUser(4242).error().category, ErrorCategory::NotFound);
    }

    void deleteUserTakesItsTokensDevicesAndPermissions()
    {
        makeUser(QStringLiteral("root"), UserRole::Admin);
        const qint64 alice = makeUser(QStringLiteral("alice"));
        const qint64 mailbox = makeMailbox(QStringLiteral("alice@example.org"));
        QVERIFY(mailbox > 0);
        auto session = m_auth->createSession(alice);
        auto device = m_auth->registerDevice(alice, QStringLiteral("laptop"));
        QVERIFY(session.ok() && device.ok());
        QVERIFY(m_auth->grant(alice, mailbox).ok());

        QVERIFY(m_auth->deleteUser(alice).ok());
        QCOMPARE(m_auth->userById(alice).error().category, ErrorCategory::NotFound);
        verifyAuthError(m_auth->resolveToken(session->token));
        verifyAuthError(m_auth->resolveToken(device->token));
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM api_tokens")), 0);
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM devices")), 0);
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM permissions")), 0);
        QCOMPARE(m_auth->users()->size(), 1);
    }

    // ---- Bootstrap ----

    void bootstrapWithPasswordFromEnvironment()
    {
        auto result = m_auth->bootstrapAdmin(kPassword);
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        // The caller knows the password it gave: nothing to show.
        QVERIFY(!result->has_value());
        auto admin = m_auth->userByName(QStringLiteral("admin"));
        QVERIFY(admin.ok() && admin->has_value());
        QCOMPARE((*admin)->role, UserRole::Admin);
        Result<Principal> login = m_auth->authenticate(QStringLiteral("admin"), kPassword);
        QVERIFY(login.ok());
        QVERIFY(login->isAdmin());
        auto audit = m_auth->recentAudit(10);
        QVERIFY(audit.ok());
        QCOMPARE(audit->size(), 1);
        QCOMPARE(audit->at(0).action, QStringLiteral("user.bootstrap"));
        QCOMPARE(audit->at(0).target, QStringLiteral("admin"));
    }

    void bootstrapWithWeakPasswordFromEnvironmentFails()
    {
        auto result = m_auth->bootstrapAdmin(QStringLiteral("admin"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Invalid);
        QCOMPARE(result.error().field, QStringLiteral("password"));
        QCOMPARE(m_auth->users()->size(), 0);
    }

    void bootstrapGeneratesPassword()
    {
        auto result = m_auth->bootstrapAdmin(QString());
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QVERIFY(result->has_value());
        const QString password = **result;
        QCOMPARE(password.size(), PasswordHasher::kGeneratedPasswordLength);
        QVERIFY(PasswordHasher::checkPolicy(password).ok());
        Result<Principal> login = m_auth->authenticate(QStringLiteral("admin"), password);
        QVERIFY(login.ok());
        QCOMPARE(login->role, UserRole::Admin);
        QCOMPARE(*m_auth->adminCount(), 1);
    }

    void bootstrapDoesNothingWhenUsersExist()
    {
        // Even a store whose only user is not an admin is left alone.
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto hashOf = [&] {
            auto q = m_db->exec(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {alice});
            return q && q->next() ? q->value(0).toString() : QString();
        };
        const QString before = hashOf();
        for (const QString &env : {QString(), kOtherPassword}) {
            auto result = m_auth->bootstrapAdmin(env);
            QVERIFY(result.ok());
            QVERIFY(!result->has_value());
        }
        QCOMPARE(m_auth->users()->size(), 1);
        QVERIFY(!m_auth->userByName(QStringLiteral("admin"))->has_value());
        QCOMPARE(hashOf(), before);
        QCOMPARE(m_auth->recentAudit(10)->size(), 0);

        // And after a bootstrap, a second one changes nothing either.
        cleanup();
        init();
        auto first = m_auth->bootstrapAdmin(QString());
        QVERIFY(first.ok() && first->has_value());
        auto second = m_auth->bootstrapAdmin(QString());
        QVERIFY(second.ok());
        QVERIFY(!second->has_value());
        QVERIFY(m_auth->authenticate(QStringLiteral("admin"), **first).ok());
        QCOMPARE(m_auth->users()->size(), 1);
    }

    // ---- Sessions ----

    void sessionLifecycle()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        Result<IssuedToken> session = m_auth->createSession(alice);
        QVERIFY2(session.ok(), qPrintable(session.errorString()));
        QVERIFY(session->token.startsWith(QStringLiteral("ass_")));
        QCOMPARE(session->token.size(), 4 + 43);
        QCOMPARE(session->expiresAt, kNow.addSecs(12 * 3600));
        const QByteArray raw = QByteArray::fromBase64(
            session->token.mid(4).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(raw.size(), 32);

        Result<Principal> principal = m_auth->resolveToken(session->token);
        QVERIFY2(principal.ok(), qPrintable(principal.errorString()));
        QCOMPARE(principal->userId, alice);
        QCOMPARE(principal->username, QStringLiteral("alice"));
        QCOMPARE(principal->role, UserRole::User);
        QCOMPARE(principal->deviceId, 0);
        QCOMPARE(principal->tokenKind, TokenKind::Session);

        // A role change shows on the next request.
        makeUser(QStringLiteral("root"), UserRole::Admin);
        QVERIFY(m_auth->setRole(alice, UserRole::Admin).ok());
        QCOMPARE(m_auth->resolveToken(session->token)->role, UserRole::Admin);

        // Valid until the last millisecond before expiry.
        m_clock->advance(12 * 3600 * 1000 - 1);
        QVERIFY(m_auth->resolveToken(session->token).ok());
        m_clock->advance(1);
        Result<Principal> expired = m_auth->resolveToken(session->token);
        verifyAuthError(expired);
        QVERIFY2(expired.errorString().contains(QStringLiteral("expired")),
                 qPrintable(expired.errorString()));

        // Each session is its own token.
        auto a = m_auth->createSession(alice, 60s);
        auto b = m_auth->createSession(alice, 60s);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->token != b->token);
        QCOMPARE(a->expiresAt, m_clock->now().addSecs(60));
    }

    void sessionArgumentsChecked()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto zero = m_auth->createSession(alice, 0s);
        QVERIFY(!zero);
        QCOMPARE(zero.error().category, ErrorCategory::Invalid);
        QCOMPARE(zero.error().field, QStringLiteral("ttl"));
        QCOMPARE(m_auth->createSession(4242).error().category, ErrorCategory::NotFound);
    }

    void revokeSession()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto keep = m_auth->createSession(alice);
        auto end = m_auth->createSession(alice);
        QVERIFY(keep.ok() && end.ok());
        QVERIFY(m_auth->revokeSession(end->token).ok());
        Result<Principal> revoked = m_auth->resolveToken(end->token);
        verifyAuthError(revoked);
        QVERIFY(revoked.errorString().contains(QStringLiteral("revoked")));
        QVERIFY(m_auth->resolveToken(keep->token).ok());
        // Logging out twice is fine; an unknown token is not a session.
        QVERIFY(m_auth->revokeSession(end->token).ok());
        QString unknown = end->token;
        unknown[10] = unknown[10] == u'A' ? u'B' : u'A';
        QCOMPARE(m_auth->revokeSession(unknown).error().category, ErrorCategory::NotFound);
        QCOMPARE(m_auth->revokeSession(QStringLiteral("nonsense")).error().category, ErrorCategory::NotFound);

        QVERIFY(m_auth->revokeSessionsOf(alice).ok());
        verifyAuthError(m_auth->resolveToken(keep->token));
    }

    void purgeEndedSessions()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto shortLived = m_auth->createSession(alice, 60s);
        auto revoked = m_auth->createSession(alice);
        auto live = m_auth->createSession(alice);
        auto device = m_auth->registerDevice(alice, QStringLiteral("laptop"));
        QVERIFY(shortLived.ok() && revoked.ok() && live.ok() && device.ok());
        QVERIFY(m_auth->revokeSession(revoked->token).ok());
        m_clock->advance(61 * 1000);
        auto purged = m_auth->purgeEndedSessions();
        QVERIFY(purged.ok());
        QCOMPARE(*purged, 2);
        QVERIFY(m_auth->resolveToken(live->token).ok());
        QVERIFY(m_auth->resolveToken(device->token).ok());
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM api_tokens")), 2);
    }

    void malformedAndUnknownTokensRefused()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto session = m_auth->createSession(alice);
        auto device = m_auth->registerDevice(alice, QStringLiteral("laptop"));
        QVERIFY(session.ok() && device.ok());

        QString swapped = session->token;
        swapped.replace(0, 4, QStringLiteral("asd_"));
        QString tampered = session->token;
        tampered[20] = tampered[20] == u'x' ? u'y' : u'x';
        const QStringList bad = {
            QString(),
            QStringLiteral("ass_"),
            session->token.left(session->token.size() - 1),
            session->token + QStringLiteral("A"),
            QStringLiteral("Bearer ") + session->token,
            QStringLiteral("ass_") + QString(43, u'!'),
            QStringLiteral("xyz_") + session->token.mid(4),
            AuthStore::hashToken(session->token),
            swapped,
            tampered,
            device->token.left(4) + session->token.mid(4),
        };
        for (const QString &token : bad) {
            Result<Principal> result = m_auth->resolveToken(token);
            QVERIFY2(!result.ok(), qPrintable(token));
            QCOMPARE(result.error().category, ErrorCategory::Auth);
        }
        QVERIFY(m_auth->resolveToken(session->token).ok());
        QVERIFY(m_auth->resolveToken(device->token).ok());
    }

    void tokensStoredOnlyHashed()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto session = m_auth->createSession(alice);
        auto device = m_auth->registerDevice(alice, QStringLiteral("laptop"));
        QVERIFY(session.ok() && device.ok());
        const QString sessionHash = AuthStore::hashToken(session->token);
        QCOMPARE(sessionHash.size(), 64);
        QCOMPARE(sessionHash, sessionHash.toLower());
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?"),
                          {sessionHash}),
                 1);
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?"),
                          {AuthStore::hashToken(device->token)}),
                 1);

        // Every byte the database wrote (main file and WAL), with the store open and after closing.
        auto databaseBytes = [&] {
            QByteArray all;
            const QDir dir(m_dir->path());
            for (const QString &name : dir.entryList(QDir::Files)) {
                QFile file(dir.filePath(name));
                if (file.open(QIODevice::ReadOnly))
                    all += file.readAll();
            }
            return all;
        };
        for (int pass = 0; pass < 2; ++pass) {
            const QByteArray bytes = databaseBytes();
            QVERIFY(!bytes.isEmpty());
            // The check can see what is stored: the hash is there ...
            QVERIFY(bytes.contains(sessionHash.toLatin1()));
            // ... and the tokens, or their random part, are not.
            for (const QString &token : {session->token, device->token}) {
                QVERIFY2(!bytes.contains(token.toLatin1()), qPrintable(token));
                QVERIFY2(!bytes.contains(token.mid(4).toLatin1()), qPrintable(token));
            }
            m_auth.reset();
            m_db->close();
        }
    }

    // ---- Devices ----

    void deviceLifecycle()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        const qint64 bob = makeUser(QStringLiteral("bob"));
        Result<DeviceRegistration> laptop = m_auth->registerDevice(alice, QStringLiteral("  alice-laptop  "));
        QVERIFY2(laptop.ok(), qPrintable(laptop.errorString()));
        QVERIFY(laptop->deviceId > 0);
        QVERIFY(laptop->token.startsWith(QStringLiteral("asd_")));
        QCOMPARE(laptop->token.size(), 4 + 43);
        m_clock->advance(1000);
        auto desktop = m_auth->registerDevice(bob, QStringLiteral("bob-desktop"));
        QVERIFY(desktop.ok());

        auto list = m_auth->devices();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, desktop->deviceId);
        const Device &d = list->at(1);
        QCOMPARE(d.id, laptop->deviceId);
        QCOMPARE(d.userId, alice);
        QCOMPARE(d.username, QStringLiteral("alice"));
        QCOMPARE(d.name, QStringLiteral("alice-laptop"));
        QCOMPARE(d.created, kNow);
        QVERIFY(!d.lastSeen.isValid());
        QVERIFY(!d.isRevoked());
        auto mine = m_auth->devicesOf(alice);
        QVERIFY(mine.ok());
        QCOMPARE(mine->size(), 1);
        QCOMPARE(mine->at(0).id, laptop->deviceId);

        // The device token stands for its user and device, without expiry.
        m_clock->advance(365LL * 24 * 3600 * 1000);
        const QDateTime firstUse = m_clock->now();
        Result<Principal> principal = m_auth->resolveToken(laptop->token);
        QVERIFY2(principal.ok(), qPrintable(principal.errorString()));
        QCOMPARE(principal->userId, alice);
        QCOMPARE(principal->username, QStringLiteral("alice"));
        QCOMPARE(principal->deviceId, laptop->deviceId);
        QCOMPARE(principal->tokenKind, TokenKind::Device);
        QCOMPARE(m_auth->device(laptop->deviceId)->lastSeen, firstUse);

        // Last use is recorded at most once a minute.
        m_clock->advance(59 * 1000);
        QVERIFY(m_auth->resolveToken(laptop->token).ok());
        QCOMPARE(m_auth->device(laptop->deviceId)->lastSeen, firstUse);
        m_clock->advance(1000);
        QVERIFY(m_auth->resolveToken(laptop->token).ok());
        QCOMPARE(m_auth->device(laptop->deviceId)->lastSeen, firstUse.addSecs(60));

        // Revoked: the token stops working; the other device is untouched.
        const QDateTime revokedAt = m_clock->now();
        QVERIFY(m_auth->revokeDevice(laptop->deviceId).ok());
        verifyAuthError(m_auth->resolveToken(laptop->token));
        QVERIFY(m_auth->resolveToken(desktop->token).ok());
        Result<Device> revoked = m_auth->device(laptop->deviceId);
        QVERIFY(revoked.ok());
        QVERIFY(revoked->isRevoked());
        QCOMPARE(revoked->revoked, revokedAt);
        QCOMPARE(rowCount(*m_db,
                          QStringLiteral(
                              "SELECT COUNT(*) FROM api_tokens WHERE device_id = ? AND revoked_at IS NULL"),
                          {laptop->deviceId}),
                 0);
        m_clock->advance(5000);
        QVERIFY(m_auth->revokeDevice(laptop->deviceId).ok());
        QCOMPARE(m_auth->device(laptop->deviceId)->revoked, revokedAt);
        QCOMPARE(m_auth->revokeDevice(4242).error().category, ErrorCategory::NotFound);
        QCOMPARE(m_auth->device(4242).error().category, ErrorCategory::NotFound);
    }

    void tokenOfRevokedDeviceRefused()
    {
        // Even if only the device row says so (the token row itself is still active).
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto laptop = m_auth->registerDevice(alice, QStringLiteral("laptop"));
        QVERIFY(laptop.ok());
        QVERIFY(m_auth->resolveToken(laptop->token).ok());
        QVERIFY(
            m_db->exec(QStringLiteral("UPDATE devices SET revoked_at = 1 WHERE id = ?"), {laptop->deviceId})
                .ok());
        Result<Principal> result = m_auth->resolveToken(laptop->token);
        verifyAuthError(result);
        QVERIFY2(result.errorString().contains(QStringLiteral("device")), qPrintable(result.errorString()));
    }

    void deviceArgumentsChecked()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        for (const QString &name :
             {QString(), QStringLiteral("   "), QString(AuthStore::kMaxDeviceNameLength + 1, u'd')}) {
            auto result = m_auth->registerDevice(alice, name);
            QVERIFY(!result);
            QCOMPARE(result.error().category, ErrorCategory::Invalid);
            QCOMPARE(result.error().field, QStringLiteral("name"));
        }
        QCOMPARE(m_auth->registerDevice(4242, QStringLiteral("laptop")).error().category,
                 ErrorCategory::NotFound);
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM devices")), 0);
        QCOMPARE(rowCount(*m_db, QStringLiteral("SELECT COUNT(*) FROM api_tokens")), 0);
    }

    void deviceState()
    {
        const qint64 alice = makeUser(QStringLiteral("alice"));
        auto laptop = m_auth->registerDevice(alice, QStringLiteral("laptop"));
        QVERIFY(laptop.ok());
        auto initial = m_auth->deviceState(laptop->deviceId);
        QVERIFY(initial.ok());
        QVERIFY(initial->isEmpty());

        const QJsonObject state{{QStringLiteral("version"), QStringLiteral("0.1.0")},
                                {QStringLiteral("mailboxes"), QJsonArray{1, 2}},
                                {QStringLiteral("bytes"), 123456789}};
        QVERIFY(m_auth->setDeviceState(laptop->deviceId, state).ok());
        QCOMPARE(*m_auth->deviceState(laptop->deviceId), state);
        QVERIFY(m_auth->setDeviceState(laptop->deviceId, QJsonObject()).ok());
        QVERIFY(m_auth->deviceState(laptop->deviceId)->isEmpty());

        QCOMPARE(m_auth->setDeviceState(4242, state).error().category, ErrorCategory::NotFound);
        QCOMPARE(m_auth->deviceState(4242).error().category, ErrorCategory::NotFound);
        QVERIFY(m_db->exec(QStringLiteral("UPDATE devices SET state = 'oops'")).ok());
        QCOMPARE(m_auth->deviceState(laptop->deviceId).error().category, ErrorCategory::Database);
    }

    // ---- Permissions ----

    void permissions()
    {
        const qint64 root = makeUser(QStringLiteral("root"), UserRole::Admin);
        const qint64 alice = makeUser(QStringLiteral("alice"));
        const qint64 bob = makeUser(QStringLiteral("bob"));
        const qint64 sales = makeMailbox(QStringLiteral("sales@example.org"));
        const qint64 info = makeMailbox(QStringLiteral("info@example.org"));
        QVERIFY(sales > 0 && info > 0);

        auto principal = [&](const QString &name) {
            return *m_auth->authenticate(name, kPassword);
        };
        const Principal admin = principal(QStringLiteral("root"));
        const Principal a = principal(QStringLiteral("alice"));
        const Principal b = principal(QStringLiteral("bob"));

        QVERIFY(!*m_auth->mayAccessMailbox(a, sales));
        QVERIFY(*m_auth->mayAccessMailbox(admin, sales));
        QVERIFY(*m_auth->mayAccessMailbox(admin, info));

        QVERIFY(m_auth->grant(alice, sales).ok());
        QVERIFY(m_auth->grant(alice, sales).ok()); // twice: fine
        QVERIFY(m_auth->grant(bob, sales).ok());
        QVERIFY(m_auth->grant(alice, info).ok());
        QVERIFY(*m_auth->mayAccessMailbox(a, sales));
        QVERIFY(*m_auth->mayAccessMailbox(a, info));
        QVERIFY(*m_auth->mayAccessMailbox(b, sales));
        QVERIFY(!*m_auth->mayAccessMailbox(b, info));

        QCOMPARE(*m_auth->mailboxIdsFor(alice),
                 (QList<qint64>{std::min(sales, info), std::max(sales, info)}));
        QCOMPARE(*m_auth->mailboxIdsFor(bob), QList<qint64>{sales});
        QVERIFY(m_auth->mailboxIdsFor(root)->isEmpty());
        QCOMPARE(*m_auth->permissionsOf(sales),
                 (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
        QCOMPARE(*m_auth->permissionsOf(info), QStringList{QStringLiteral("alice")});

        QVERIFY(m_auth->revoke(alice, sales).ok());
        QVERIFY(m_auth->revoke(alice, sales).ok()); // twice: fine
        QVERIFY(!*m_auth->mayAccessMailbox(a, sales));
        QVERIFY(*m_auth->mayAccessMailbox(a, info));
        QCOMPARE(*m_auth->permissionsOf(sales), QStringList{QStringLiteral("bob")});

        // A session or device principal is checked the same way.
        auto device = m_auth->registerDevice(bob, QStringLiteral("bob-laptop"));
        QVERIFY(device.ok());
        const Principal viaDevice = *m_auth->resolveToken(device->token);
        QVERIFY(*m_auth->mayAccessMailbox(viaDevice, sales));
        QVERIFY(!*m_auth->mayAccessMailbox(viaDevice, info));

        QCOMPARE(m_auth->grant(alice, 4242).error().category, ErrorCategory::NotFound);
        QCOMPARE(m_auth->grant(4242, sales).error().category, ErrorCategory::NotFound);
    }

    // ---- Audit ----

    void auditLog()
    {
        QVERIFY(m_auth->audit(QStringLiteral("root"), QStringLiteral("user.create"), QStringLiteral("alice"))
                    .ok());
        m_clock->advance(1000);
        QVERIFY(m_auth
                    ->audit(QStringLiteral("root"), QStringLiteral("permission.grant"),
                            QStringLiteral("alice"), QStringLiteral("sales@example.org"))
                    .ok());
        m_clock->advance(1000);
        QVERIFY(m_auth
                    ->audit(QStringLiteral("alice"), QStringLiteral("device.register"),
                            QStringLiteral("laptop"), QStringLiteral("it's \"quoted\"; DROP TABLE users"))
                    .ok());

        auto all = m_auth->recentAudit();
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).action, QStringLiteral("device.register"));
        QCOMPARE(all->at(0).username, QStringLiteral("alice"));
        QCOMPARE(all->at(0).detail, QStringLiteral("it's \"quoted\"; DROP TABLE users"));
        QCOMPARE(all->at(0).at, kNow.addSecs(2));
        QCOMPARE(all->at(1).target, QStringLiteral("alice"));
        QCOMPARE(all->at(1).detail, QStringLiteral("sales@example.org"));
        QCOMPARE(all->at(2).action, QStringLiteral("user.create"));
        QCOMPARE(all->at(2).detail, QString());
        QCOMPARE(all->at(2).at, kNow);
        QVERIFY(all->at(0).id > all->at(1).id && all->at(1).id > all->at(2).id);

        auto two = m_auth->recentAudit(2);
        QVERIFY(two.ok());
        QCOMPARE(two->size(), 2);
        QCOMPARE(two->at(0).id, all->at(0).id);
        QCOMPARE(m_auth->recentAudit(0)->size(), 0);
        QCOMPARE(m_auth->recentAudit(-5)->size(), 0);
    }

    void upgradesFromVersion1()
    {
        // A database from before migration 2: its users survive, and the new tables arrive.
        const qint64 alice = makeUser(QStringLiteral("alice"));
        for (const char *sql : {"DROP TABLE api_tokens", "DROP TABLE devices", "DROP TABLE audit_log",
                                "UPDATE schema_version SET version = 1"})
            QVERIFY(m_db->exec(QLatin1String(sql)).ok());
        m_auth.reset();
        m_db = std::make_unique<Database>();
        const Status st = m_db->openSqlite(dbPath());
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
        QCOMPARE(m_db->schemaVersion(), Database::latestSchemaVersion());
        m_auth =
            std::make_unique<AuthStore>(*m_db, *m_clock, PasswordHasher(PasswordHasher::Limits::minimum()));
        QVERIFY(m_auth->authenticate(QStringLiteral("alice"), kPassword).ok());
        auto device = m_auth->registerDevice(alice, QStringLiteral("laptop"));
        QVERIFY2(device.ok(), qPrintable(device.errorString()));
        QVERIFY(m_auth->resolveToken(device->token).ok());
        QVERIFY(m_auth->audit(QStringLiteral("alice"), QStringLiteral("x")).ok());
    }

    void schemaMigrated()
    {
        QCOMPARE(m_db->schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 2);
        // The schema refuses token kinds it does not know.
        const qint64 alice = makeUser(QStringLiteral("alice"));
        QVERIFY(!m_db->exec(QStringLiteral("INSERT INTO api_tokens (token_hash, kind, user_id, created_at)"
                                           " VALUES ('x', 'cookie', ?, 1)"),
                            {alice})
                     .ok());
    }
};

QTEST_GUILESS_MAIN(TestAuthStore)
#include "TestAuthStore.moc"
