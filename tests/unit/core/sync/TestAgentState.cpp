// SPDX-License-Identifier: Apache-2.0
#include "core/sync/AgentState.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ArchiveSync;

namespace {

AgentState sampleState()
{
    AgentState state;
    AgentAccount account;
    account.server = QUrl(QStringLiteral("https://archive.example.org:8443"));
    account.username = QStringLiteral("alice");
    account.deviceId = 17;
    account.deviceName = QStringLiteral("Alice's laptop");
    account.token = QStringLiteral("dev_0123456789abcdef");
    account.caCertificate = QStringLiteral("/etc/archivesync/ca.pem");
    state.account = account;

    AgentMailbox alice;
    alice.address = QStringLiteral("alice@example.org");
    alice.generation = 3;
    alice.revision = 41;
    alice.etag = QStringLiteral("\"abc123\"");
    alice.asOf = QDateTime(QDate(2026, 5, 4), QTime(11, 59, 58, 123), Qt::UTC);
    alice.stagingGeneration = 4;
    alice.folders.defaultFolderPolicy = FolderPolicy::HeadersOnly;
    alice.folders.folderPolicies = {{QStringLiteral("Inbox"), FolderPolicy::Whole},
                                    {QStringLiteral("Junk"), FolderPolicy::Excluded},
                                    {QStringLiteral("Archive/*"), FolderPolicy::Excluded}};
    state.mailboxes.append(alice);

    AgentMailbox shared;
    shared.address = QStringLiteral("sales@example.org");
    state.mailboxes.append(shared); // never synced: defaults throughout

    state.pausedUntil = QDateTime(QDate(2026, 5, 4), QTime(18, 0, 0, 500), Qt::UTC);
    state.bandwidthLimit = 256 * 1024;
    return state;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QJsonObject stateJson(const AgentState &state)
{
    return QJsonDocument::fromJson(state.toJson()).object();
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAgentState : public QObject
{
    Q_OBJECT

private slots:
    void saveLoadRoundTrip()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dataDir = tmp.filePath(QStringLiteral("agent"));
        const AgentState state = sampleState();
        const Status saved = state.save(dataDir);
        QVERIFY2(saved.ok(), qPrintable(saved.errorString()));
        QCOMPARE(AgentState::filePath(dataDir), QDir(dataDir).filePath(QStringLiteral("agent.json")));
        QVERIFY(QFile::exists(AgentState::filePath(dataDir)));

        const Result<AgentState> loaded = AgentState::load(dataDir);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
        QVERIFY(loaded->account.has_value());
        QVERIFY(*loaded->account == *state.account);
        QCOMPARE(loaded->mailboxes.size(), 2);
        const AgentMailbox &alice = loaded->mailboxes.at(0);
        QCOMPARE(alice.address, QStringLiteral("alice@example.org"));
        QCOMPARE(alice.generation, qint64(3));
        QCOMPARE(alice.revision, qint64(41));
        QCOMPARE(alice.etag, QStringLiteral("\"abc123\""));
        QCOMPARE(alice.asOf, state.mailboxes.at(0).asOf); // milliseconds kept
        QCOMPARE(alice.stagingGeneration, qint64(4));
        QVERIFY(alice.folders == state.mailboxes.at(0).folders);
        QCOMPARE(alice.folders.policyFor(QStringLiteral("Archive/2019")), FolderPolicy::Excluded);
        QVERIFY(loaded->mailboxes.at(1) == state.mailboxes.at(1));
        QVERIFY(loaded->mailboxes.at(1).folders == AgentMailbox::defaultFolders());
        QCOMPARE(loaded->pausedUntil, state.pausedUntil);
        QCOMPARE(loaded->bandwidthLimit, qint64(256 * 1024));

        // Saving again replaces the file (no temporary left beside it).
        AgentState changed = *loaded;
        changed.account.reset();
        changed.mailboxes.removeFirst();
        changed.pausedUntil = QDateTime();
        changed.bandwidthLimit = 0;
        QVERIFY(changed.save(dataDir).ok());
        QCOMPARE(QDir(dataDir).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("agent.json")});
        const Result<AgentState> again = AgentState::load(dataDir);
        QVERIFY2(again.ok(), qPrintable(again.errorString()));
        QVERIFY(!again->account);
        QCOMPARE(again->mailboxes.size(), 1);
        QCOMPARE(again->mailboxes.at(0).address, QStringLiteral("sales@example.org"));
        QVERIFY(!again->pausedUntil.isValid());
        QCOMPARE(again->bandwidthLimit, qint64(0));
    }

    void fileIsPrivate()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dataDir = tmp.filePath(QStringLiteral("agent"));
        const mode_t oldMask = ::umask(022);
        const Status first = sampleState().save(dataDir);
        const Status second = sampleState().save(dataDir);
        ::umask(oldMask);
        QVERIFY(first.ok() && second.ok());

        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(AgentState::filePath(dataDir)).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 07777), 0600);
        QCOMPARE(::stat(QFile::encodeName(dataDir).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 077), 0); // nobody else can even look inside
    }

    void missingFileIsEmptyState()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        for (const QString &dir : {tmp.path(), tmp.filePath(QStringLiteral("does/not/exist"))}) {
            const Result<AgentState> state = AgentState::load(dir);
            QVERIFY2(state.ok(), qPrintable(state.errorString()));
            QVERIFY(!state->account);
            QVERIFY(state->mailboxes.isEmpty());
            QVERIFY(!state->pausedUntil.isValid());
            QCOMPARE(state->bandwidthLimit, qint64(0));
        }
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("does"))));
    }

    void corrupt_data()
    {
        QTest::addColumn<QByteArray>("contents");

        const QJsonObject good = stateJson(sampleState());
        QTest::newRow("empty file") << QByteArray();
        QTest::newRow("not json") << QByteArray("this is not json");
        QTest::newRow("truncated") << compact(good).left(compact(good).size() / 2);
        QTest::newRow("array") << QByteArray("[1, 2, 3]");
        QTest::newRow("no format") << [&good] {
            QJsonObject o = good;
            o.remove(QStringLiteral("format"));
            return compact(o);
        }();
        QTest::newRow("unknown format") << [&good] {
            QJsonObject o = good;
            o.insert(QStringLiteral("format"), AgentState::kFormat + 1);
            return compact(o);
        }();
        QTest::newRow("format as text") << [&good] {
            QJsonObject o = good;
            o.insert(QStringLiteral("format"), QStringLiteral("1"));
            return compact(o);
        }();
        QTest::newRow("account without token") << [&good] {
            QJsonObject o = good;
            QJsonObject account = o.value(QStringLiteral("account")).toObject();
            account.remove(QStringLiteral("token"));
            o.insert(QStringLiteral("account"), account);
            return compact(o);
        }();
        QTest::newRow("account with empty token") << [&good] {
            QJsonObject o = good;
            QJsonObject account = o.value(QStringLiteral("account")).toObject();
            account.insert(QStringLiteral("token"), QString());
            o.insert(QStringLiteral("account"), account);
            return compact(o);
        }();
        QTest::newRow("account without server") << [&good] {
            QJsonObject o = good;
            QJsonObject account = o.value(QStringLiteral("account")).toObject();
            account.remove(QStringLiteral("server"));
            o.insert(QStringLiteral("account"), account);
            return compact(o);
        }();
        QTest::newRow("mailbox without address") << [&good] {
            QJsonObject o = good;
            QJsonArray list = o.value(QStringLiteral("mailboxes")).toArray();
            QJsonObject m = list.at(0).toObject();
            m.remove(QStringLiteral("address"));
            list.replace(0, m);
            o.insert(QStringLiteral("mailboxes"), list);
            return compact(o);
        }();
        QTest::newRow("bad folder choices") << [&good] {
            QJsonObject o = good;
            QJsonArray list = o.value(QStringLiteral("mailboxes")).toArray();
            QJsonObject m = list.at(0).toObject();
            m.insert(QStringLiteral("folders"), QJsonObject{{QStringLiteral("defaultFolderPolicy"), 12}});
            list.replace(0, m);
            o.insert(QStringLiteral("mailboxes"), list);
            return compact(o);
        }();
    }

    void corrupt()
    {
        QFETCH(QByteArray, contents);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(writeFile(AgentState::filePath(tmp.path()), contents));
        const Result<AgentState> state = AgentState::load(tmp.path());
        QVERIFY(!state.ok());
        QCOMPARE(errorCategoryName(state.error().category), errorCategoryName(ErrorCategory::Corrupt));
        QVERIFY(!state.error().message.isEmpty());
    }

    void unreadableFileIsIoError()
    {
        if (::geteuid() == 0)
            QSKIP("root reads every file");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        QVERIFY(sampleState().save(tmp.path()).ok());
        QVERIFY(QFile::setPermissions(AgentState::filePath(tmp.path()), QFile::WriteOwner));
        const Result<AgentState> state = AgentState::load(tmp.path());
        QVERIFY(!state.ok());
        QCOMPARE(errorCategoryName(state.error().category), errorCategoryName(ErrorCategory::Io));
    }

    void copyDirectoryFromHash_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("plain") << QStringLiteral("alice@example.org");
        QTest::newRow("dot-dot") << QStringLiteral("../../../etc/passwd@example.org");
        QTest::newRow("absolute") << QStringLiteral("/etc@example.org");
        QTest::newRow("only dots") << QStringLiteral("..");
        QTest::newRow("backslashes") << QStringLiteral("..\\..\\x@example.org");
        QTest::newRow("nul and newline") << QStringLiteral("a\0b\n@example.org");
        QTest::newRow("empty") << QString();
        QTest::newRow("very long") << QString(5000, QLatin1Char('x')) + QStringLiteral("@example.org");
    }

    void copyDirectoryFromHash()
    {
        QFETCH(QString, address);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString dataDir = tmp.path();
        const QString mailboxes = QDir(dataDir).filePath(QStringLiteral("mailboxes")) + QLatin1Char('/');

        const QString mailboxDir = AgentState::mailboxDirectory(dataDir, address);
        const QString copy = AgentState::copyDirectory(dataDir, address, 7);
        QCOMPARE(QDir::cleanPath(copy), copy);
        QVERIFY2(copy.startsWith(mailboxes), qPrintable(copy));
        QCOMPARE(copy, QDir(mailboxDir).filePath(QStringLiteral("g7")));
        // One directory level named by hex digits only: nothing of the address reaches the path.
        const QString name = copy.mid(mailboxes.size()).section(QLatin1Char('/'), 0, 0);
        QCOMPARE(copy.mid(mailboxes.size()), name + QStringLiteral("/g7"));
        QVERIFY(name.size() >= 16 && name.size() <= 64);
        for (QChar c : name)
            QVERIFY2((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'), qPrintable(name));
    }

    void copyDirectoriesDistinct()
    {
        const QString dataDir = QStringLiteral("/data");
        const QString a = AgentState::copyDirectory(dataDir, QStringLiteral("alice@example.org"), 1);
        QCOMPARE(AgentState::copyDirectory(dataDir, QStringLiteral("Alice@Example.ORG"), 1), a);
        QVERIFY(AgentState::copyDirectory(dataDir, QStringLiteral("alice@example.org"), 2) != a);
        QVERIFY(AgentState::copyDirectory(dataDir, QStringLiteral("alice@example.net"), 1) != a);
        QCOMPARE(QFileInfo(AgentState::copyDirectory(dataDir, QStringLiteral("alice@example.org"), 2)).path(),
                 QFileInfo(a).path());
        QCOMPARE(AgentState::spoolDirectory(dataDir), QStringLiteral("/data/spool"));

        QSet<QString> seen;
        for (int i = 0; i < 500; ++i)
            seen.insert(AgentState::mailboxDirectory(dataDir, QStringLiteral("user%1@example.org").arg(i)));
        QCOMPARE(seen.size(), 500);
    }

    void mailboxLookupIgnoresCase()
    {
        AgentState state = sampleState();
        QVERIFY(state.mailbox(QStringLiteral("ALICE@example.org")));
        QCOMPARE(state.mailbox(QStringLiteral("ALICE@example.org"))->generation, qint64(3));
        state.mailbox(QStringLiteral("Sales@Example.org"))->generation = 9;
        QCOMPARE(state.mailboxes.at(1).generation, qint64(9));
        QVERIFY(!state.mailbox(QStringLiteral("bob@example.org")));
        const AgentState &constState = state;
        QVERIFY(constState.mailbox(QStringLiteral("alice@EXAMPLE.org")));
    }

    void exclusions_data()
    {
        QTest::addColumn<int>("defaultPolicy");
        QTest::addColumn<QStringList>("excludedFolders");
        QTest::addColumn<QStringList>("otherFolders");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("agent default")
            << int(FolderPolicy::Whole) << QStringList{} << QStringList{} << QStringList{};
        QTest::newRow("headers only excludes nothing")
            << int(FolderPolicy::HeadersOnly) << QStringList{} << QStringList{QStringLiteral("Inbox")}
            << QStringList{};
        QTest::newRow("default excluded")
            << int(FolderPolicy::Excluded) << QStringList{} << QStringList{QStringLiteral("Inbox")}
            << QStringList{QStringLiteral("*")};
        QTest::newRow("some folders")
            << int(FolderPolicy::Whole) << QStringList{QStringLiteral("Junk"), QStringLiteral("Archive/*")}
            << QStringList{QStringLiteral("Inbox")}
            << QStringList{QStringLiteral("Archive/*"), QStringLiteral("Junk")};
        QTest::newRow("default and folders")
            << int(FolderPolicy::Excluded) << QStringList{QStringLiteral("Trash")} << QStringList{}
            << QStringList{QStringLiteral("*"), QStringLiteral("Trash")};
    }

    void exclusions()
    {
        QFETCH(int, defaultPolicy);
        QFETCH(QStringList, excludedFolders);
        QFETCH(QStringList, otherFolders);
        QFETCH(QStringList, expected);
        OfflineSettings folders;
        folders.defaultFolderPolicy = FolderPolicy(defaultPolicy);
        folders.folderPolicies.clear();
        for (const QString &f : excludedFolders)
            folders.folderPolicies.insert(f, FolderPolicy::Excluded);
        for (const QString &f : otherFolders)
            folders.folderPolicies.insert(f, FolderPolicy::HeadersOnly);
        QCOMPARE(AgentMailbox::exclusions(folders), expected);
    }

    void defaultFoldersFetchEverything()
    {
        const OfflineSettings folders = AgentMailbox::defaultFolders();
        QVERIFY(AgentMailbox::exclusions(folders).isEmpty());
        QCOMPARE(folders.policyFor(QStringLiteral("Inbox")), FolderPolicy::Whole);
        QCOMPARE(folders.policyFor(QStringLiteral("Some/Deep/Folder")), FolderPolicy::Whole);
        QCOMPARE(AgentMailbox().folders, folders);
    }
};

QTEST_GUILESS_MAIN(TestAgentState)
#include "TestAgentState.moc"
