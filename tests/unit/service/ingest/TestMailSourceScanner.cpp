// SPDX-License-Identifier: Apache-2.0
#include "service/ingest/MailSourceScanner.h"
#include "tests/support/MailFixtures.h"

#include <QDir>
#include <QFile>
#include <QMultiMap>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {

// The date every message of this test carries.
const QByteArray kMailDate = "Mon, 04 May 2026 10:00:00 +0000";

struct Found
{
    QString folder;
    QString origin;
    QByteArray raw;
};

struct Collector
{
    QList<Found> messages;
    QList<std::pair<QString, QString>> problems;

    MailSourceScanner scanner()
    {
        return MailSourceScanner(
            [this](const QString &folder, const QString &origin, QByteArray raw) -> Status {
                messages.append({folder, origin, std::move(raw)});
                return {};
            },
            [this](const QString &origin, const QString &reason) {
                problems.append({origin, reason});
            });
    }
    /// folder -> subjects (sorted), for comparisons that ignore order within a folder.
    QMap<QString, QStringList> byFolder() const
    {
        QMap<QString, QStringList> map;
        for (const Found &f : messages) {
            QString subject;
            for (const QByteArray &line : f.raw.split('\n')) {
                if (line.startsWith("Subject: ")) {
                    subject = QString::fromUtf8(line.mid(9)).trimmed();
                    break;
                }
            }
            map[f.folder].append(subject);
        }
        for (QStringList &list : map)
            list.sort();
        return map;
    }
};

// A Maildir++ tree: the root is the Inbox, ".Name.Sub" are the other folders.
bool makeMaildirPlusPlus(const QString &root)
{
    bool ok = makeMaildir(root) && writeFile(root + "/cur/1.host:2,S", fixtureMail("inbox-cur", kMailDate)) &&
              writeFile(root + "/new/2.host", fixtureMail("inbox-new", kMailDate)) &&
              writeFile(root + "/tmp/3.host",
                        fixtureMail("inbox-tmp", kMailDate)) // being delivered: not a message yet
              && writeFile(root + "/dovecot-uidlist", "3 V1 N4\n") && makeMaildir(root + "/.Sent") &&
              writeFile(root + "/.Sent/cur/4.host:2,S", fixtureMail("sent", kMailDate)) &&
              makeMaildir(root + "/.Projects.Alpha") &&
              writeFile(root + "/.Projects.Alpha/cur/5.host:2,S", fixtureMail("alpha", kMailDate)) &&
              makeMaildir(root + "/.Entw&APw-rfe") &&
              writeFile(root + "/.Entw&APw-rfe/new/6.host", fixtureMail("draft", kMailDate)) &&
              QDir().mkpath(root + "/.NotAMaildir") &&
              writeFile(root + "/.NotAMaildir/7", fixtureMail("stray", kMailDate));
    return ok;
}

} // namespace

class TestMailSourceScanner : public QObject
{
    Q_OBJECT
private slots:
    void isMaildir()
    {
        QTemporaryDir dir;
        QVERIFY(!MailSourceScanner::isMaildir(dir.path()));
        QVERIFY(QDir().mkpath(dir.filePath("a/new")));
        QVERIFY(MailSourceScanner::isMaildir(dir.filePath("a")));
        QVERIFY(QDir().mkpath(dir.filePath("b/cur")));
        QVERIFY(MailSourceScanner::isMaildir(dir.filePath("b")));
        QVERIFY(writeFile(dir.filePath("c/cur"), "file, not a directory"));
        QVERIFY(!MailSourceScanner::isMaildir(dir.filePath("c")));
    }

    void maildirPlusPlus()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("Maildir"));
        QVERIFY(makeMaildirPlusPlus(root));
        Collector c;
        MailSourceScanner scanner = c.scanner();
        const Status st = scanner.scan(root, QString());
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
        QVERIFY(c.problems.isEmpty());
        const QMap<QString, QStringList> expected = {
            {QStringLiteral("Inbox"), {QStringLiteral("inbox-cur"), QStringLiteral("inbox-new")}},
            {QStringLiteral("Sent"), {QStringLiteral("sent")}},
            {QStringLiteral("Projects/Alpha"), {QStringLiteral("alpha")}},
            {QStringLiteral("Entwürfe"), {QStringLiteral("draft")}},
        };
        QCOMPARE(c.byFolder(), expected);
        for (const Found &f : std::as_const(c.messages)) {
            QVERIFY2(QFileInfo(f.origin).isAbsolute(), qPrintable(f.origin));
            QFile file(f.origin);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(f.raw, file.readAll()); // bytes as they are
        }
    }

    void maildirUnderGivenFolder_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("Archive/2019") << "Archive/2019"
                                      << "Archive/2019/";
        QTest::newRow("Old") << "Old"
                             << "Old/";
        QTest::newRow("Inbox") << "Inbox"
                               << "";
    }
    void maildirUnderGivenFolder()
    {
        QFETCH(QString, folder);
        QFETCH(QString, prefix);
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("Maildir"));
        QVERIFY(makeMaildirPlusPlus(root));
        Collector c;
        MailSourceScanner scanner = c.scanner();
        QVERIFY(scanner.scan(root, folder).ok());
        const QMap<QString, QStringList> expected = {
            {folder, {QStringLiteral("inbox-cur"), QStringLiteral("inbox-new")}},
            {prefix + QStringLiteral("Sent"), {QStringLiteral("sent")}},
            {prefix + QStringLiteral("Projects/Alpha"), {QStringLiteral("alpha")}},
            {prefix + QStringLiteral("Entwürfe"), {QStringLiteral("draft")}},
        };
        QCOMPARE(c.byFolder(), expected);
    }

    void nestedFilesystemMaildirs()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("mail"));
        QVERIFY(makeMaildir(root));
        QVERIFY(writeFile(root + "/cur/1:2,", fixtureMail("top", kMailDate)));
        QVERIFY(makeMaildir(root + "/Lists"));
        QVERIFY(writeFile(root + "/Lists/cur/2:2,", fixtureMail("lists", kMailDate)));
        QVERIFY(makeMaildir(root + "/Lists/Qt"));
        QVERIFY(writeFile(root + "/Lists/Qt/new/3", fixtureMail("qt", kMailDate)));
        QVERIFY(makeMaildir(root + "/Entw&APw-rfe"));
        QVERIFY(writeFile(root + "/Entw&APw-rfe/cur/4:2,", fixtureMail("entwurf", kMailDate)));
        QVERIFY(QDir().mkpath(root + "/plain-dir-is-ignored"));
        QVERIFY(writeFile(root + "/plain-dir-is-ignored/5", fixtureMail("ignored", kMailDate)));
        Collector c;
        MailSourceScanner scanner = c.scanner();
        QVERIFY(scanner.scan(root, QString()).ok());
        const QMap<QString, QStringList> expected = {
            {QStringLiteral("Inbox"), {QStringLiteral("top")}},
            {QStringLiteral("Lists"), {QStringLiteral("lists")}},
            {QStringLiteral("Lists/Qt"), {QStringLiteral("qt")}},
            {QStringLiteral("Entwürfe"), {QStringLiteral("entwurf")}},
        };
        QCOMPARE(c.byFolder(), expected);
    }

    void mboxSplitting_data()
    {
        QTest::addColumn<QByteArray>("eol");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
    }
    void mboxSplitting()
    {
        QFETCH(QByteArray, eol);
        auto lines = [&eol](std::initializer_list<const char *> list) {
            QByteArray out;
            for (const char *l : list)
                out += QByteArray(l) + eol;
            return out;
        };
        const QByteArray first =
            lines({"From: a@example.org", "Subject: one", "", "Hello.", "From here on,", ">From the start",
                   ">>From twice quoted", "> From not escaped", "bye"});
        const QByteArray firstStored =
            lines({"From: a@example.org", "Subject: one", "", "Hello.", "From here on,", "From the start",
                   ">From twice quoted", "> From not escaped", "bye"});
        const QByteArray second =
            lines({"From: b@example.org", "Subject: two", "", "Second body.", "", "", "end"});
        const QByteArray third =
            lines({"From: c@example.org", "Subject: three", "", "Last, no blank line after."});

        QByteArray mbox;
        mbox += "From alice@example.org Mon May  4 10:00:00 2026" + eol + first + eol;
        mbox += "From MAILER-DAEMON Mon May  4 10:01:00 2026" + eol + second + eol;
        mbox += "From bob@example.org Mon May  4 10:02:00 2026" + eol + third;

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("Projects.Alpha.mbox"));
        QVERIFY(writeFile(path, mbox));
        Collector c;
        MailSourceScanner scanner = c.scanner();
        QVERIFY(scanner.scan(path, QString()).ok());
        QVERIFY(c.problems.isEmpty());
        QCOMPARE(c.messages.size(), 3);
        QCOMPARE(c.messages.at(0).raw, firstStored);
        QCOMPARE(c.messages.at(1).raw, second);
        QCOMPARE(c.messages.at(2).raw, third);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(c.messages.at(i).folder, QStringLiteral("Projects/Alpha"));
            QCOMPARE(c.messages.at(i).origin,
                     QStringLiteral("%1#%2").arg(QFileInfo(path).absoluteFilePath()).arg(i + 1));
        }

        // The folder given wins over the file name.
        Collector given;
        MailSourceScanner givenScanner = given.scanner();
        QVERIFY(givenScanner.scan(path, QStringLiteral("Imported")).ok());
        QCOMPARE(given.byFolder().keys(), QStringList{QStringLiteral("Imported")});
        QCOMPARE(given.messages.size(), 3);
    }

    void mboxFolderFromFileName_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("folder");
        QTest::newRow("inbox") << "INBOX"
                               << "Inbox";
        QTest::newRow("inbox.mbox") << "inbox.mbox"
                                    << "Inbox";
        QTest::newRow("Sent.mbox") << "Sent.mbox"
                                   << "Sent";
        QTest::newRow("Sent.MBX") << "Sent.MBX"
                                  << "Sent";
        QTest::newRow("dotted") << "Projects.Alpha.mbox"
                                << "Projects/Alpha";
        QTest::newRow("no suffix") << "Lists"
                                   << "Lists";
        QTest::newRow("double dot") << "Archive..2020.mbox"
                                    << "Archive/2020";
        QTest::newRow("trailing dot") << "Sent..mbox"
                                      << "Sent";
        QTest::newRow("leading dot") << ".Drafts.mbox"
                                     << "Drafts";
        QTest::newRow("only suffix") << ".mbox"
                                     << "Inbox";
    }
    void mboxFolderFromFileName()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, folder);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(fileName),
                          "From x@y Mon May  4 10:00:00 2026\n" + fixtureMail("m", kMailDate)));
        Collector c;
        MailSourceScanner scanner = c.scanner();
        QVERIFY(scanner.scan(dir.filePath(fileName), QString()).ok());
        QCOMPARE(c.messages.size(), 1);
        QCOMPARE(c.messages.at(0).folder, folder);
        QCOMPARE(c.messages.at(0).raw, fixtureMail("m", kMailDate));
    }

    void plainDirectoryOfEml()
    {
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("export"));
        QVERIFY(writeFile(root + "/a.eml", fixtureMail("a", kMailDate)));
        QVERIFY(writeFile(root + "/b.eml", fixtureMail("b", kMailDate)));
        QVERIFY(writeFile(root + "/Sent/c.eml", fixtureMail("c", kMailDate)));
        QVERIFY(writeFile(root + "/Sent/2024/d.eml", fixtureMail("d", kMailDate)));
        QVERIFY(writeFile(root + "/Lists.mbox", "From x@y Mon May  4 10:00:00 2026\n" +
                                                    fixtureMail("e", kMailDate) +
                                                    "\n"
                                                    "From x@y Mon May  4 10:00:00 2026\n" +
                                                    fixtureMail("f", kMailDate)));
        QVERIFY(writeFile(root + "/Sent/Old.mbox",
                          "From x@y Mon May  4 10:00:00 2026\n" + fixtureMail("g", kMailDate)));
        QVERIFY(makeMaildir(root + "/Drafts"));
        QVERIFY(writeFile(root + "/Drafts/cur/1:2,D", fixtureMail("h", kMailDate)));

        Collector c;
        MailSourceScanner scanner = c.scanner();
        QVERIFY(scanner.scan(root, QString()).ok());
        QVERIFY(c.problems.isEmpty());
        const QMap<QString, QStringList> expected = {
            {QStringLiteral("Inbox"), {QStringLiteral("a"), QStringLiteral("b")}},
            {QStringLiteral("Sent"), {QStringLiteral("c")}},
            {QStringLiteral("Sent/2024"), {QStringLiteral("d")}},
            {QStringLiteral("Lists"), {QStringLiteral("e"), QStringLiteral("f")}},
            {QStringLiteral("Sent/Old"), {QStringLiteral("g")}},
            {QStringLiteral("Drafts"), {QStringLiteral("h")}},
        };
        QCOMPARE(c.byFolder(), expected);

        // With a folder given, everything goes beneath it and mbox files add no level.
        Collector given;
        MailSourceScanner givenScanner = given.scanner();
        QVERIFY(givenScanner.scan(root, QStringLiteral("Import")).ok());
        const QMap<QString, QStringList> expectedGiven = {
            {QStringLiteral("Import"),
             {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("e"), QStringLiteral("f")}},
            {QStringLiteral("Import/Sent"), {QStringLiteral("c"), QStringLiteral("g")}},
            {QStringLiteral("Import/Sent/2024"), {QStringLiteral("d")}},
            {QStringLiteral("Import/Drafts"), {QStringLiteral("h")}},
        };
        QCOMPARE(given.byFolder(), expectedGiven);
    }

    void symlinkLoopsScannedOnce()
    {
        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("plain"));
        QVERIFY(writeFile(plain + "/a.eml", fixtureMail("a", kMailDate)));
        QVERIFY(writeFile(plain + "/Sub/b.eml", fixtureMail("b", kMailDate)));
        QVERIFY(QFile::link(plain, plain + "/Sub/loop"));
        const QString root = dir.filePath(QStringLiteral("Maildir"));
        QVERIFY(makeMaildir(root));
        QVERIFY(writeFile(root + "/cur/1:2,S", fixtureMail("c", kMailDate)));
        QVERIFY(QFile::link(root, root + "/Again"));

        Collector c;
        MailSourceScanner scanner = c.scanner();
        QVERIFY(scanner.scan(plain, QString()).ok());
        const QMap<QString, QStringList> expected = {{QStringLiteral("Inbox"), {QStringLiteral("a")}},
                                                     {QStringLiteral("Sub"), {QStringLiteral("b")}}};
        QCOMPARE(c.byFolder(), expected);

        Collector m;
        MailSourceScanner maildirScanner = m.scanner();
        QVERIFY(maildirScanner.scan(root, QString()).ok());
        QCOMPARE(m.byFolder(),
                 (QMap<QString, QStringList>{{QStringLiteral("Inbox"), {QStringLiteral("c")}}}));
        // A second scan() with the same scanner sees everything again.
        QVERIFY(maildirScanner.scan(root, QString()).ok());
        QCOMPARE(m.messages.size(), 2);
    }

    void singleFile_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no folder") << ""
                                   << "Inbox";
        QTest::newRow("folder") << "Projects/Beta"
                                << "Projects/Beta";
    }
    void singleFile()
    {
        QFETCH(QString, folder);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("one.eml"));
        QVERIFY(writeFile(path, fixtureMail("single", kMailDate)));
        Collector c;
        MailSourceScanner scanner = c.scanner();
        QVERIFY(scanner.scan(path, folder).ok());
        QCOMPARE(c.messages.size(), 1);
        QCOMPARE(c.messages.at(0).folder, expected);
        QCOMPARE(c.messages.at(0).origin, QFileInfo(path).absoluteFilePath());
        QCOMPARE(c.messages.at(0).raw, fixtureMail("single", kMailDate));
    }

    void missingPath()
    {
        QTemporaryDir dir;
        Collector c;
        MailSourceScanner scanner = c.scanner();
        const Status st = scanner.scan(dir.filePath(QStringLiteral("nope")), QString());
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::NotFound);
        QVERIFY(c.messages.isEmpty());
    }

    void handlerErrorStopsScan()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath("a.eml"), fixtureMail("a", kMailDate)));
        QVERIFY(writeFile(dir.filePath("b.eml"), fixtureMail("b", kMailDate)));
        int calls = 0;
        MailSourceScanner scanner(
            [&calls](const QString &, const QString &, QByteArray) -> Status {
                ++calls;
                return Error::io(QStringLiteral("disk full"));
            },
            [](const QString &, const QString &) {});
        const Status st = scanner.scan(dir.path(), QString());
        QVERIFY(!st.ok());
        QCOMPARE(st.errorString(), QStringLiteral("disk full"));
        QCOMPARE(calls, 1);
    }

    void unopenableFileReported()
    {
        // A socket exists but cannot be opened as a file (this works even as root, unlike chmod 000).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sock"));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray encoded = QFile::encodeName(path);
        if (encoded.size() >= qsizetype(sizeof(addr.sun_path))) {
            ::close(fd);
            QSKIP("temporary path too long for a socket");
        }
        qstrcpy(addr.sun_path, encoded.constData());
        const int rc = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr));
        ::close(fd);
        QCOMPARE(rc, 0);

        Collector c;
        MailSourceScanner scanner = c.scanner();
        QVERIFY(scanner.scan(path, QString()).ok());
        QVERIFY(c.messages.isEmpty());
        QCOMPARE(c.problems.size(), 1);
        QCOMPARE(c.problems.at(0).first, path);
        QVERIFY(!c.problems.at(0).second.isEmpty());
    }

    void unreadableFileReported()
    {
        // A file that opens but fails to read: /proc/self/mem fails at offset 0 (EIO).
        if (!QFile::exists(QStringLiteral("/proc/self/mem")))
            QSKIP("needs /proc");
        QTemporaryDir dir;
        const QString root = dir.filePath(QStringLiteral("Maildir"));
        QVERIFY(makeMaildir(root));
        QVERIFY(writeFile(root + "/cur/1:2,S", fixtureMail("good", kMailDate)));
        QVERIFY(QFile::link(QStringLiteral("/proc/self/mem"), root + "/cur/2:2,S"));
        QVERIFY(writeFile(dir.filePath("plain/a.eml"), fixtureMail("plain", kMailDate)));
        QVERIFY(QFile::link(QStringLiteral("/proc/self/mem"), dir.filePath("plain/b.eml")));

        for (const QString &source : {root, dir.filePath("plain")}) {
            Collector c;
            MailSourceScanner scanner = c.scanner();
            QVERIFY(scanner.scan(source, QString()).ok());
            QCOMPARE(c.messages.size(), 1);
            QCOMPARE(c.problems.size(), 1);
            QVERIFY2(c.problems.at(0).first.endsWith(QStringLiteral("2:2,S")) ||
                         c.problems.at(0).first.endsWith(QStringLiteral("b.eml")),
                     qPrintable(c.problems.at(0).first));
        }
    }
};

QTEST_GUILESS_MAIN(TestMailSourceScanner)
#include "TestMailSourceScanner.moc"
