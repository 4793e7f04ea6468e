// SPDX-License-Identifier: Apache-2.0
// What agents and people read over real HTTP on 127.0.0.1: manifest long-polls (?wait) that wake when
// the CLI publishes a new manifest, archived messages (raw and JSON), the header search, and /metrics
// in the Prometheus text format; who-may-see-what checked on every call.
#include "core/repository/Manifest.h"
#include "tests/support/CorpusGenerator.h"
#include "tests/support/HttpTestClient.h"
#include "tests/support/ServiceProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ArchiveSync;
using namespace ArchiveSync::Testing;

namespace {
const QString kAdminPassword = QStringLiteral("correct horse battery staple");
const QString kBobPassword = QStringLiteral("bob's long passphrase");
const QString kAlice = QStringLiteral("alice@example.org");
const QString kCarol = QStringLiteral("carol@example.org");
constexpr int kCorpusMessages = 60;

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString manifestPath(const QString &mailbox)
{
    return QStringLiteral("/api/v1/offline/%1/manifest").arg(encoded(mailbox));
}

QString messagePath(const QString &mailbox, const QString &id)
{
    return QStringLiteral("/api/v1/mailboxes/%1/messages/%2").arg(encoded(mailbox), id);
}

QString searchPath(const QString &mailbox, const QList<QPair<QString, QString>> &params)
{
    QStringList query;
    for (const auto &[name, value] : params)
        query.append(name + u'=' + encoded(value));
    return QStringLiteral("/api/v1/mailboxes/%1/search?%2").arg(encoded(mailbox), query.join(u'&'));
}

/// \brief One response read off a raw socket, for requests a test must send before it blocks.
struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
};

// Reads one HTTP/1.1 response (Content-Length framing) within msecs; status 0 when none came.
RawResponse readResponse(QTcpSocket &socket, int msecs)
{
    RawResponse response;
    QElapsedTimer timer;
    timer.start();
    QByteArray buffer;
    qsizetype headerEnd = -1;
    while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (timer.elapsed() >= msecs ||
            !socket.waitForReadyRead(int(qMax<qint64>(1, msecs - timer.elapsed()))))
            return response;
        buffer += socket.readAll();
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2)
        return response;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                    lines[i].mid(colon + 1).trimmed());
    }
    const qint64 length = response.headers.value("content-length", "0").toLongLong();
    response.body = buffer.mid(headerEnd + 4);
    while (response.body.size() < length && timer.elapsed() < msecs &&
           socket.waitForReadyRead(int(qMax<qint64>(1, msecs - timer.elapsed()))))
        response.body += socket.readAll();
    response.status = statusLine.at(1).toInt();
    return response;
}

/// \brief A metric sample as the Prometheus text format gives it.
struct Sample
{
    QString name;
    QHash<QString, QString> labels;
    double value = 0;
};
} // namespace

class TestOfflineApi : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServiceProcess> m_service;
    QByteArray m_adminToken;
    QByteArray m_bobToken;
    QHash<QString, GeneratedMessage> m_aliceCorpus; ///< sha256 -> generated message
    QString m_aliceMaildir;

    HttpTestClient client(const QByteArray &token = {})
    {
        HttpTestClient c(m_service->baseUrl());
        c.setToken(token);
        return c;
    }

    QByteArray login(const QString &username, const QString &password)
    {
        const HttpReply reply = client().postJson(
            QStringLiteral("/api/v1/session"),
            QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
        if (reply.status != 201)
            return {};
        return reply.json().object().value(QStringLiteral("token")).toString().toLatin1();
    }

    static void verifyProblem(const HttpReply &reply, int status, const QString &field = {})
    {
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/problem+json"));
        const QJsonObject problem = reply.json().object();
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), status);
        QVERIFY(!problem.value(QStringLiteral("detail")).toString().isEmpty());
        if (!field.isEmpty())
            QCOMPARE(problem.value(QStringLiteral("field")).toString(), field);
    }

    // Every message of a mailbox, as the search lists them (newest first).
    QJsonArray allMessages(const QString &mailbox, const QByteArray &token)
    {
        const HttpReply reply = client(token).get(searchPath(mailbox, {{QStringLiteral("limit"), "500"}}));
        if (reply.status != 200)
            return {};
        return reply.json().object().value(QStringLiteral("messages")).toArray();
    }

    // The messages of `all` in which every word occurs in subject, from, to or cc (ASCII words only).
    static QList<qint64> expectedMatches(const QJsonArray &all, const QString &q, const QString &folder = {})
    {
        const QStringList words = q.split(u' ', Qt::SkipEmptyParts);
        QList<qint64> ids;
        for (const QJsonValue &v : all) {
            const QJsonObject m = v.toObject();
            if (!folder.isEmpty() && m.value(QStringLiteral("folder")).toString() != folder)
                continue;
            const QString haystack = QStringList{m.value(QStringLiteral("subject")).toString(),
                                                 m.value(QStringLiteral("from")).toString(),
                                                 m.value(QStringLiteral("to")).toString(),
                                                 m.value(QStringLiteral("cc")).toString()}
                                         .join(u'\n');
            if (std::all_of(words.cbegin(), words.cend(), [&haystack](const QString &word) {
                    return haystack.contains(word, Qt::CaseInsensitive);
                }))
                ids.append(m.value(QStringLiteral("id")).toInteger());
        }
        return ids;
    }

    static QList<qint64> idsOf(const HttpReply &reply)
    {
        QList<qint64> ids;
        for (const QJsonValue &v : reply.json().object().value(QStringLiteral("messages")).toArray())
            ids.append(v.toObject().value(QStringLiteral("id")).toInteger());
        return ids;
    }

    QByteArray currentEtag(const QString &mailbox)
    {
        return client(m_bobToken).get(manifestPath(mailbox)).header("ETag");
    }

    // Sends a manifest long-poll on a raw socket; the request is on its way when this returns.
    bool sendLongPoll(QTcpSocket &socket, const QString &mailbox, const QByteArray &etag, int wait)
    {
        socket.connectToHost(m_service->baseUrl().host(), quint16(m_service->baseUrl().port()));
        if (!socket.waitForConnected(5000))
            return false;
        socket.write("GET " + manifestPath(mailbox).toLatin1() + "?wait=" + QByteArray::number(wait) +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_bobToken +
                     "\r\nIf-None-Match: " + etag + "\r\n\r\n");
        return socket.waitForBytesWritten(5000);
    }

    QList<Sample> metrics(int *status = nullptr)
    {
        const HttpReply reply = client(m_adminToken).get(QStringLiteral("/metrics"));
        if (status)
            *status = reply.status;
        QList<Sample> samples;
        static const QRegularExpression sampleLine(
            QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? ([^ ]+)$"));
        static const QRegularExpression label(
            QStringLiteral("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\\\",?"));
        for (const QByteArray &line : reply.body.split('\n')) {
            const QRegularExpressionMatch m = sampleLine.match(QString::fromUtf8(line));
            if (line.startsWith('#') || !m.hasMatch())
                continue;
            Sample s{m.captured(1), {}, m.captured(3).toDouble()};
            for (auto it = label.globalMatch(m.captured(2)); it.hasNext();) {
                const QRegularExpressionMatch l = it.next();
                s.labels.insert(l.captured(1), l.captured(2));
            }
            samples.append(s);
        }
        return samples;
    }

    double metric(const QString &name, const QString &labelName = {}, const QString &labelValue = {})
    {
        for (const Sample &s : metrics()) {
            if (s.name == name && (labelName.isEmpty() || s.labels.value(labelName) == labelValue))
                return s.value;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString dataDir = m_dir.filePath(QStringLiteral("data"));
        m_service = std::make_unique<ServiceProcess>(QStringLiteral(ARCHIVESYNC_SERVICE_BINARY), dataDir);
        for (const QString &mailbox : {kAlice, kCarol}) {
            CorpusOptions options;
            options.messageCount = kCorpusMessages;
            options.folderCount = 5;
            options.seed = mailbox == kAlice ? 21 : 22;
            options.maxAttachmentBytes = 256 * 1024;
            const QString maildir = m_dir.filePath(mailbox);
            Result<CorpusSummary> summary = generateCorpus(options, maildir);
            QVERIFY2(summary.ok(), qPrintable(summary.errorString()));
            if (mailbox == kAlice) {
                m_aliceMaildir = maildir;
                for (const GeneratedMessage &m : std::as_const(summary->messages))
                    m_aliceCorpus.insert(m.sha256, m);
            }
            QCOMPARE(
                m_service->runCli({QStringLiteral("archive"), QStringLiteral("--mailbox"), mailbox, maildir}),
                0);
            QCOMPARE(m_service->runCli({QStringLiteral("offline"), QStringLiteral("enable"), mailbox}), 0);
        }
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ARCHIVESYNC_ADMIN_PASSWORD"), kAdminPassword);
        QVERIFY2(m_service->start(env), m_service->output().constData());

        m_adminToken = login(QStringLiteral("admin"), kAdminPassword);
        QVERIFY(!m_adminToken.isEmpty());
        const QJsonObject bob{{QStringLiteral("username"), QStringLiteral("bob")},
                              {QStringLiteral("password"), kBobPassword},
                              {QStringLiteral("role"), QStringLiteral("user")}};
        QCOMPARE(client(m_adminToken).postJson(QStringLiteral("/api/v1/users"), bob).status, 201);
        m_bobToken = login(QStringLiteral("bob"), kBobPassword);
        QVERIFY(!m_bobToken.isEmpty());
        // bob may search into alice's mailbox, not carol's.
        QCOMPARE(client(m_adminToken)
                     .postJson(QStringLiteral("/api/v1/mailboxes/%1/permissions").arg(encoded(kAlice)),
                               QJsonObject{{QStringLiteral("username"), QStringLiteral("bob")}})
                     .status,
                 204);
    }

    void cleanupTestCase() { QVERIFY2(m_service->stop(), m_service->output().constData()); }

    // --- manifest long-poll -----------------------------------------------------------------

    void manifestWithoutWaitStillWorks()
    {
        const HttpReply reply = client(m_bobToken).get(manifestPath(kAlice));
        QCOMPARE(reply.status, 200);
        const QByteArray etag = reply.header("ETag");
        QCOMPARE(etag, '"' + Manifest::etagOf(reply.body).toLatin1() + '"');
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(client(m_bobToken).get(manifestPath(kAlice), {{"If-None-Match", etag}}).status, 304);
        QCOMPARE(client(m_bobToken).get(manifestPath(kAlice) + "?wait=0", {{"If-None-Match", etag}}).status,
                 304);
        QVERIFY(timer.elapsed() < 1000);
    }

    void longPollTimesOutWith304_data()
    {
        QTest::addColumn<int>("wait");
        QTest::newRow("1 s") << 1;
        QTest::newRow("2 s") << 2;
    }
    void longPollTimesOutWith304()
    {
        QFETCH(int, wait);
        const QByteArray etag = currentEtag(kAlice);
        QVERIFY(!etag.isEmpty());
        QElapsedTimer timer;
        timer.start();
        const HttpReply reply =
            client(m_bobToken)
                .get(manifestPath(kAlice) + QStringLiteral("?wait=%1").arg(wait), {{"If-None-Match", etag}});
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(reply.status, 304);
        QCOMPARE(reply.header("ETag"), etag);
        QVERIFY2(elapsed >= wait * 1000 - 100, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < wait * 1000 + 1500, qPrintable(QString::number(elapsed)));
        QCOMPARE(metric(QStringLiteral("archivesync_manifest_waiters")), 0.0);
    }

    void longPollAnswersAtOnceWhenTheEtagDiffers()
    {
        QElapsedTimer timer;
        timer.start();
        const HttpReply stale =
            client(m_bobToken).get(manifestPath(kAlice) + "?wait=30", {{"If-None-Match", "\"not-the-tag\""}});
        const HttpReply unconditional = client(m_bobToken).get(manifestPath(kAlice) + "?wait=30");
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(stale.status, 200);
        QCOMPARE(unconditional.status, 200);
        QCOMPARE(stale.body, unconditional.body);
        QCOMPARE(stale.header("ETag"), '"' + Manifest::etagOf(stale.body).toLatin1() + '"');
        QVERIFY(Manifest::fromJson(stale.body).ok());
    }

    void longPollChecksWhoIsAsking()
    {
        const QByteArray etag = currentEtag(kAlice);
        verifyProblem(client().get(manifestPath(kAlice) + "?wait=5", {{"If-None-Match", etag}}), 401);
        // Hidden exactly like a missing mailbox, before any waiting.
        QElapsedTimer timer;
        timer.start();
        const HttpReply hidden =
            client(m_bobToken).get(manifestPath(kCarol) + "?wait=5", {{"If-None-Match", "*"}});
        const HttpReply missing = client(m_bobToken)
                                      .get(manifestPath(QStringLiteral("nobody@example.org")) + "?wait=5",
                                           {{"If-None-Match", "*"}});
        QVERIFY(timer.elapsed() < 2000);
        verifyProblem(hidden, 404);
        verifyProblem(missing, 404);
        QCOMPARE(hidden.json().object().value(QStringLiteral("title")),
                 missing.json().object().value(QStringLiteral("title")));
    }

    void invalidWait_data()
    {
        QTest::addColumn<QString>("wait");
        QTest::newRow("negative") << "-1";
        QTest::newRow("too long") << "301";
        QTest::newRow("huge") << "99999999999999999999";
        QTest::newRow("not a number") << "soon";
        QTest::newRow("fraction") << "1.5";
        QTest::newRow("empty") << "";
        QTest::newRow("plus sign") << "%2B5";
    }
    void invalidWait()
    {
        QFETCH(QString, wait);
        const HttpReply reply = client(m_bobToken).get(manifestPath(kAlice) + "?wait=" + wait);
        verifyProblem(reply, 400, QStringLiteral("wait"));
        QCOMPARE(client(m_bobToken).get(manifestPath(kAlice) + "?wait=300").status, 200);
    }

    void droppedClientsAreForgotten()
    {
        const QByteArray etag = currentEtag(kAlice);
        QTcpSocket socket;
        QVERIFY(sendLongPoll(socket, kAlice, etag, 60));
        QTRY_COMPARE_WITH_TIMEOUT(metric(QStringLiteral("archivesync_manifest_waiters")), 1.0, 5000);
        socket.abort();
        QTRY_COMPARE_WITH_TIMEOUT(metric(QStringLiteral("archivesync_manifest_waiters")), 0.0, 5000);
    }

    // --- archived messages ------------------------------------------------------------------

    void rawMessageEqualsTheCorpusFile()
    {
        const QJsonArray all = allMessages(kAlice, m_bobToken);
        QCOMPARE(all.size(), kCorpusMessages);
        int compared = 0;
        for (const QJsonValue &v : all) {
            const QJsonObject json = v.toObject();
            const QString sha256 = json.value(QStringLiteral("sha256")).toString();
            QVERIFY2(m_aliceCorpus.contains(sha256), qPrintable(sha256));
            const GeneratedMessage &generated = m_aliceCorpus[sha256];
            // A few of each kind is plenty: one with attachments, the malformed, and the first ones.
            if (compared >= 8 && !generated.malformed && !generated.hasAttachments)
                continue;
            ++compared;
            QFile file(m_aliceMaildir + u'/' + generated.relativePath);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray expected = file.readAll();
            const QString id = QString::number(json.value(QStringLiteral("id")).toInteger());
            const HttpReply raw = client(m_bobToken).get(messagePath(kAlice, id));
            QCOMPARE(raw.status, 200);
            QCOMPARE(raw.header("Content-Type"), QByteArray("message/rfc822"));
            QCOMPARE(raw.header("ETag"), '"' + sha256.toLatin1() + '"');
            QCOMPARE(raw.body.size(), expected.size());
            QVERIFY(raw.body == expected);
            QCOMPARE(client(m_bobToken)
                         .get(messagePath(kAlice, id), {{"If-None-Match", raw.header("ETag")}})
                         .status,
                     304);
        }
        QVERIFY(compared >= 8);
    }

    void messageAsJson()
    {
        const QJsonArray all = allMessages(kAlice, m_bobToken);
        QVERIFY(!all.isEmpty());
        int checked = 0;
        for (const QJsonValue &v : all) {
            const QString sha256 = v.toObject().value(QStringLiteral("sha256")).toString();
            const GeneratedMessage &generated = m_aliceCorpus[sha256];
            if (generated.malformed)
                continue;
            const QString id = QString::number(v.toObject().value(QStringLiteral("id")).toInteger());
            const HttpReply reply = client(m_bobToken).get(messagePath(kAlice, id) + "?format=json");
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
            const QJsonObject json = reply.json().object();
            QCOMPARE(json, v.toObject()); // the same object the search lists
            const QStringList keys{QStringLiteral("id"),
                                   QStringLiteral("folder"),
                                   QStringLiteral("messageId"),
                                   QStringLiteral("from"),
                                   QStringLiteral("to"),
                                   QStringLiteral("cc"),
                                   QStringLiteral("subject"),
                                   QStringLiteral("date"),
                                   QStringLiteral("size"),
                                   QStringLiteral("sha256"),
                                   QStringLiteral("signed"),
                                   QStringLiteral("encrypted"),
                                   QStringLiteral("hasAttachments")};
            QCOMPARE(json.keys().size(), keys.size());
            for (const QString &key : keys)
                QVERIFY2(json.contains(key), qPrintable(key));
            QCOMPARE(json.value(QStringLiteral("id")).toInteger(), id.toLongLong());
            QCOMPARE(json.value(QStringLiteral("folder")).toString(), generated.folder);
            QCOMPARE(json.value(QStringLiteral("messageId")).toString(), generated.messageId);
            QCOMPARE(json.value(QStringLiteral("size")).toInteger(), generated.size);
            QCOMPARE(json.value(QStringLiteral("sha256")).toString(), generated.sha256);
            if (!generated.subject.isEmpty())
                QCOMPARE(json.value(QStringLiteral("subject")).toString(), generated.subject);
            if (generated.date.isValid())
                QCOMPARE(QDateTime::fromString(json.value(QStringLiteral("date")).toString(), Qt::ISODate),
                         generated.date);
            QCOMPARE(json.value(QStringLiteral("signed")).toBool(), generated.isSigned);
            QCOMPARE(json.value(QStringLiteral("encrypted")).toBool(), generated.isEncrypted);
            QCOMPARE(json.value(QStringLiteral("hasAttachments")).toBool(), generated.hasAttachments);
            ++checked;
        }
        QVERIFY(checked > kCorpusMessages / 2);
        const QString first = QString::number(all.first().toObject().value(QStringLiteral("id")).toInteger());
        verifyProblem(client(m_bobToken).get(messagePath(kAlice, first) + "?format=xml"), 400,
                      QStringLiteral("format"));
    }

    void messagesOfOthersAreNotFound()
    {
        const QJsonArray carols = allMessages(kCarol, m_adminToken);
        QCOMPARE(carols.size(), kCorpusMessages);
        const QString carolId =
            QString::number(carols.first().toObject().value(QStringLiteral("id")).toInteger());
        // The admin reads it where it lives; through alice's mailbox it does not exist.
        QCOMPARE(client(m_adminToken).get(messagePath(kCarol, carolId)).status, 200);
        verifyProblem(client(m_adminToken).get(messagePath(kAlice, carolId)), 404);
        verifyProblem(client(m_bobToken).get(messagePath(kAlice, carolId)), 404);
        verifyProblem(client(m_bobToken).get(messagePath(kAlice, carolId) + "?format=json"), 404);
        // bob may not search into carol's mailbox: it answers like one that does not exist.
        const HttpReply hidden = client(m_bobToken).get(messagePath(kCarol, carolId));
        const HttpReply missing =
            client(m_bobToken).get(messagePath(QStringLiteral("nobody@example.org"), carolId));
        verifyProblem(hidden, 404);
        verifyProblem(missing, 404);
        verifyProblem(
            client(m_bobToken).get(searchPath(kCarol, {{QStringLiteral("q"), QStringLiteral("a")}})), 404);
        verifyProblem(client().get(messagePath(kAlice, carolId)), 401);
        verifyProblem(client().get(searchPath(kAlice, {})), 401);
        for (const QString &bad :
             {QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("abc"), QStringLiteral("1e3"),
              QStringLiteral("99999999999999999999"), QStringLiteral("%2B1"), QStringLiteral("%20")})
            verifyProblem(client(m_bobToken).get(messagePath(kAlice, bad)), 404);
    }

    // --- search -----------------------------------------------------------------------------

    void searchBySubjectWord()
    {
        const QJsonArray all = allMessages(kAlice, m_bobToken);
        QCOMPARE(all.size(), kCorpusMessages);
        // A word of a subject, in another case: found, with every other message holding it.
        QString word;
        for (const QJsonValue &v : all) {
            const QStringList words =
                v.toObject()
                    .value(QStringLiteral("subject"))
                    .toString()
                    .split(QRegularExpression(QStringLiteral("[^A-Za-z]+")), Qt::SkipEmptyParts);
            for (const QString &w : words) {
                if (w.size() > word.size())
                    word = w;
            }
        }
        QVERIFY(word.size() >= 4);
        const QList<qint64> expected = expectedMatches(all, word);
        QVERIFY(!expected.isEmpty());
        const HttpReply reply =
            client(m_bobToken).get(searchPath(kAlice, {{QStringLiteral("q"), word.toUpper()}}));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().object().value(QStringLiteral("total")).toInteger(), expected.size());
        QCOMPARE(idsOf(reply), expected);
        // Two words must both match.
        const QString twoWords = word + QStringLiteral(" zzqqxx");
        const HttpReply none = client(m_bobToken).get(searchPath(kAlice, {{QStringLiteral("q"), twoWords}}));
        QCOMPARE(none.status, 200);
        QCOMPARE(none.json().object().value(QStringLiteral("total")).toInteger(), 0);
        QVERIFY(idsOf(none).isEmpty());
    }

    void searchByFrom()
    {
        const QJsonArray all = allMessages(kAlice, m_bobToken);
        static const QRegularExpression address(QStringLiteral("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+"));
        // Every sender's address finds that sender's messages (and those it received or was copied on).
        QSet<QString> tried;
        bool narrowed = false;
        for (const QJsonValue &v : all) {
            const QRegularExpressionMatch m =
                address.match(v.toObject().value(QStringLiteral("from")).toString());
            if (!m.hasMatch() || tried.contains(m.captured()))
                continue;
            tried.insert(m.captured());
            const QList<qint64> expected = expectedMatches(all, m.captured());
            const HttpReply reply = client(m_bobToken)
                                        .get(searchPath(kAlice, {{QStringLiteral("q"), m.captured()},
                                                                 {QStringLiteral("limit"), "500"}}));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().object().value(QStringLiteral("total")).toInteger(), expected.size());
            QCOMPARE(idsOf(reply), expected);
            QVERIFY(expected.contains(v.toObject().value(QStringLiteral("id")).toInteger()));
            narrowed = narrowed || expected.size() < all.size();
        }
        QVERIFY(tried.size() >= 2);
        QVERIFY(narrowed);
        // '+' is a space in a query string.
        const QString someone = *tried.cbegin();
        const QString local = someone.section(u'@', 0, 0);
        const QString domain = someone.section(u'@', 1);
        const HttpReply plus = client(m_bobToken)
                                   .get(QStringLiteral("/api/v1/mailboxes/%1/search?limit=500&q=%2+%3")
                                            .arg(encoded(kAlice), encoded(local), encoded(domain)));
        QCOMPARE(plus.status, 200);
        QCOMPARE(idsOf(plus), expectedMatches(all, local + u' ' + domain));
    }

    void searchInOneFolder()
    {
        const QJsonArray all = allMessages(kAlice, m_bobToken);
        QHash<QString, int> perFolder;
        for (const QJsonValue &v : all)
            ++perFolder[v.toObject().value(QStringLiteral("folder")).toString()];
        QVERIFY(perFolder.size() >= 2);
        for (auto it = perFolder.cbegin(); it != perFolder.cend(); ++it) {
            const HttpReply reply =
                client(m_bobToken).get(searchPath(kAlice, {{QStringLiteral("folder"), it.key()}}));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.json().object().value(QStringLiteral("total")).toInteger(), it.value());
            QCOMPARE(idsOf(reply), expectedMatches(all, {}, it.key()));
        }
        const HttpReply none =
            client(m_bobToken).get(searchPath(kAlice, {{QStringLiteral("folder"), QStringLiteral("inbox")}}));
        QCOMPARE(none.json().object().value(QStringLiteral("total")).toInteger(),
                 perFolder.value(QStringLiteral("inbox"))); // exact, case included
    }

    void searchPages()
    {
        const QJsonArray all = allMessages(kAlice, m_bobToken);
        QList<qint64> everything;
        for (const QJsonValue &v : all)
            everything.append(v.toObject().value(QStringLiteral("id")).toInteger());
        QCOMPARE(everything.size(), kCorpusMessages);
        const HttpReply defaults = client(m_bobToken).get(searchPath(kAlice, {}));
        QCOMPARE(defaults.status, 200);
        QCOMPARE(defaults.json().object().value(QStringLiteral("total")).toInteger(), kCorpusMessages);
        QCOMPARE(idsOf(defaults), everything.mid(0, 50)); // limit 50 by default
        QList<qint64> paged;
        for (int offset = 0; offset < kCorpusMessages + 7; offset += 7) {
            const HttpReply page =
                client(m_bobToken)
                    .get(searchPath(kAlice, {{QStringLiteral("limit"), "7"},
                                             {QStringLiteral("offset"), QString::number(offset)}}));
            QCOMPARE(page.status, 200);
            QCOMPARE(page.json().object().value(QStringLiteral("total")).toInteger(), kCorpusMessages);
            QCOMPARE(idsOf(page), everything.mid(offset, 7));
            paged += idsOf(page);
        }
        QCOMPARE(paged, everything);
    }

    void badSearchParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("limit 0") << "limit=0"
                                 << "limit";
        QTest::newRow("limit 501") << "limit=501"
                                   << "limit";
        QTest::newRow("limit word") << "limit=ten"
                                    << "limit";
        QTest::newRow("limit empty") << "limit="
                                     << "limit";
        QTest::newRow("negative offset") << "offset=-1"
                                         << "offset";
        QTest::newRow("offset fraction") << "offset=1.5"
                                         << "offset";
        QTest::newRow("q too long") << "q=" + QString(1001, u'a') << "q";
        QTest::newRow("too many words") << "q=" + QStringList(33, QStringLiteral("a")).join(u'+') << "q";
    }
    void badSearchParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        verifyProblem(client(m_bobToken)
                          .get(QStringLiteral("/api/v1/mailboxes/%1/search?").arg(encoded(kAlice)) + query),
                      400, field);
    }

    void sqlishInputIsHarmless_data()
    {
        QTest::addColumn<QString>("q");
        QTest::newRow("percent") << "%";
        QTest::newRow("underscore") << "_";
        QTest::newRow("quote") << "'";
        QTest::newRow("double quote") << "\"";
        QTest::newRow("backslash") << "\\";
        QTest::newRow("injection") << "' OR 1=1 --";
        QTest::newRow("drop") << "'); DROP TABLE messages; --";
        QTest::newRow("like wildcards") << "%a%_%";
    }
    void sqlishInputIsHarmless()
    {
        QFETCH(QString, q);
        const QJsonArray all = allMessages(kAlice, m_bobToken);
        const HttpReply reply = client(m_bobToken).get(searchPath(kAlice, {{QStringLiteral("q"), q}}));
        QCOMPARE(reply.status, 200);
        QCOMPARE(idsOf(reply), expectedMatches(all, q));
        QCOMPARE(reply.json().object().value(QStringLiteral("total")).toInteger(),
                 expectedMatches(all, q).size());
        QCOMPARE(allMessages(kAlice, m_bobToken).size(), kCorpusMessages);
    }

    // --- metrics ----------------------------------------------------------------------------

    void metricsNeedAnAdmin()
    {
        verifyProblem(client().get(QStringLiteral("/metrics")), 401);
        verifyProblem(client(m_bobToken).get(QStringLiteral("/metrics")), 403);
    }

    void metricsAreThePrometheusTextFormat()
    {
        const HttpReply reply = client(m_adminToken).get(QStringLiteral("/metrics"));
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.header("Content-Type").startsWith("text/plain; version=0.0.4"),
                 reply.header("Content-Type").constData());
        QVERIFY(reply.body.endsWith('\n'));

        static const QRegularExpression help(QStringLiteral("^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \\S.*$"));
        static const QRegularExpression type(
            QStringLiteral("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$"));
        static const QRegularExpression sample(QStringLiteral(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,[a-"
            "zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*\\})? (\\S+)$"));
        QHash<QString, QString> types;
        QSet<QString> helped;
        QString currentFamily;
        for (const QByteArray &raw : reply.body.split('\n')) {
            const QString line = QString::fromUtf8(raw);
            if (line.isEmpty())
                continue;
            if (QRegularExpressionMatch m = help.match(line); m.hasMatch()) {
                QVERIFY2(!helped.contains(m.captured(1)), qPrintable(line));
                helped.insert(m.captured(1));
                currentFamily = m.captured(1);
                continue;
            }
            if (QRegularExpressionMatch m = type.match(line); m.hasMatch()) {
                QVERIFY2(!types.contains(m.captured(1)), qPrintable(line));
                QCOMPARE(m.captured(1), currentFamily);
                types.insert(m.captured(1), m.captured(2));
                continue;
            }
            QVERIFY2(!line.startsWith(u'#'), qPrintable(line));
            const QRegularExpressionMatch m = sample.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            QCOMPARE(m.captured(1), currentFamily); // samples follow their family's TYPE line
            bool numeric = false;
            const double value = m.captured(3).toDouble(&numeric);
            QVERIFY2(numeric, qPrintable(line));
            QVERIFY2(value >= 0, qPrintable(line));
        }
        const QHash<QString, QString> expected{
            {QStringLiteral("archivesync_http_connections"), QStringLiteral("gauge")},
            {QStringLiteral("archivesync_http_rejected_connections_total"), QStringLiteral("counter")},
            {QStringLiteral("archivesync_http_timed_out_connections_total"), QStringLiteral("counter")},
            {QStringLiteral("archivesync_http_oversize_requests_total"), QStringLiteral("counter")},
            {QStringLiteral("archivesync_http_requests_total"), QStringLiteral("counter")},
            {QStringLiteral("archivesync_segment_streams_active"), QStringLiteral("gauge")},
            {QStringLiteral("archivesync_manifest_waiters"), QStringLiteral("gauge")},
            {QStringLiteral("archivesync_mailboxes_offline_enabled"), QStringLiteral("gauge")},
            {QStringLiteral("archivesync_repository_messages"), QStringLiteral("gauge")},
            {QStringLiteral("archivesync_repository_bytes"), QStringLiteral("gauge")},
        };
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QCOMPARE(types.value(it.key()), it.value());
            QVERIFY(helped.contains(it.key()));
        }

        QVERIFY(metric(QStringLiteral("archivesync_http_connections")) >= 1); // this request's
        QCOMPARE(metric(QStringLiteral("archivesync_mailboxes_offline_enabled")), 2.0);
        const Result<Manifest> manifest =
            Manifest::fromJson(client(m_bobToken).get(manifestPath(kAlice)).body);
        QVERIFY(manifest.ok());
        QCOMPARE(metric(QStringLiteral("archivesync_repository_messages"), QStringLiteral("mailbox"), kAlice),
                 double(manifest->messageCount));
        QCOMPARE(metric(QStringLiteral("archivesync_repository_bytes"), QStringLiteral("mailbox"), kAlice),
                 double(manifest->totalBytes()));
        QVERIFY(metric(QStringLiteral("archivesync_repository_messages"), QStringLiteral("mailbox"), kCarol) >
                0);
        // The 401 and 403 of the test before, and many 200s, were counted.
        QVERIFY(metric(QStringLiteral("archivesync_http_requests_total"), QStringLiteral("status"), "200") >
                10);
        QVERIFY(metric(QStringLiteral("archivesync_http_requests_total"), QStringLiteral("status"), "401") >=
                1);
        QVERIFY(metric(QStringLiteral("archivesync_http_requests_total"), QStringLiteral("status"), "403") >=
                1);
        QVERIFY(metric(QStringLiteral("archivesync_http_requests_total"), QStringLiteral("status"), "304") >=
                1);
    }

    // --- a new manifest wakes the long-poll (last: it changes alice's archive) ----------------

    void longPollWakesWhenTheCliPublishes()
    {
        const HttpReply before = client(m_bobToken).get(manifestPath(kAlice));
        QCOMPARE(before.status, 200);
        const QByteArray etag = before.header("ETag");
        const Result<Manifest> oldManifest = Manifest::fromJson(before.body);
        QVERIFY(oldManifest.ok());

        constexpr int wait = 50; // below the service's idle timeout (60 s) less its margin
        QElapsedTimer sinceAsked;
        sinceAsked.start();
        QTcpSocket socket;
        QVERIFY(sendLongPoll(socket, kAlice, etag, wait));
        QTRY_COMPARE_WITH_TIMEOUT(metric(QStringLiteral("archivesync_manifest_waiters")), 1.0, 5000);

        // Five more messages for alice, archived and published by the CLI next to the running service.
        CorpusOptions options;
        options.messageCount = 5;
        options.folderCount = 5;
        options.seed = 21;
        options.startIndex = kCorpusMessages;
        options.maxAttachmentBytes = 256 * 1024;
        QVERIFY(generateCorpus(options, m_aliceMaildir).ok());
        QCOMPARE(m_service->runCli(
                     {QStringLiteral("archive"), QStringLiteral("--mailbox"), kAlice, m_aliceMaildir}),
                 0);
        QElapsedTimer sincePublished;
        QCOMPARE(m_service->runCli({QStringLiteral("update")}), 0);
        sincePublished.start();

        const RawResponse woken = readResponse(socket, 10000);
        const qint64 afterPublish = sincePublished.elapsed();
        const qint64 afterAsking = sinceAsked.elapsed();
        QCOMPARE(woken.status, 200);
        qInfo("long-poll answered %lld ms after the update returned", afterPublish);
        QVERIFY2(afterPublish < 3000, qPrintable(QString::number(afterPublish)));
        QVERIFY2(afterAsking < wait * 1000, qPrintable(QString::number(afterAsking)));
        const QByteArray newEtag = woken.headers.value("etag");
        QVERIFY(newEtag != etag);
        QCOMPARE(newEtag, '"' + Manifest::etagOf(woken.body).toLatin1() + '"');
        QCOMPARE(woken.headers.value("content-type"), QByteArray("application/json"));
        const Result<Manifest> newManifest = Manifest::fromJson(woken.body);
        QVERIFY(newManifest.ok());
        QCOMPARE(newManifest->messageCount, oldManifest->messageCount + 5);
        // What the long-poll gave is what is published now.
        const HttpReply now = client(m_bobToken).get(manifestPath(kAlice));
        QCOMPARE(now.header("ETag"), newEtag);
        QCOMPARE(now.body, woken.body);
        QCOMPARE(metric(QStringLiteral("archivesync_manifest_waiters")), 0.0);

        // The connection stays usable after a long-poll answer.
        socket.write("GET " + manifestPath(kAlice).toLatin1() + "?wait=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                     "Authorization: Bearer " + m_bobToken + "\r\nIf-None-Match: " + newEtag + "\r\n\r\n");
        QVERIFY(socket.waitForBytesWritten(5000));
        const RawResponse unchanged = readResponse(socket, 5000);
        QCOMPARE(unchanged.status, 304);
        QCOMPARE(unchanged.headers.value("etag"), newEtag);
    }
};

QTEST_GUILESS_MAIN(TestOfflineApi)
#include "TestOfflineApi.moc"
