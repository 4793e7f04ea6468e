// SPDX-License-Identifier: Apache-2.0
#include "core/common/Sha256.h"
#include "core/model/OfflineSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using namespace ArchiveSync;

using SettingsChange = std::function<void(OfflineSettings &)>;
Q_DECLARE_METATYPE(ArchiveSync::OfflineSettings)
Q_DECLARE_METATYPE(ArchiveSync::FolderPolicy)
Q_DECLARE_METATYPE(ArchiveSync::Delivery)
Q_DECLARE_METATYPE(ArchiveSync::FolderKind)
Q_DECLARE_METATYPE(SettingsChange)

namespace ArchiveSync {
// Readable QCOMPARE failures.
char *toString(FolderPolicy policy)
{
    return qstrdup(qPrintable(folderPolicyName(policy)));
}
char *toString(Delivery delivery)
{
    static const char *names[] = {"Excluded", "HeadersOnly", "WholeInBodies", "WholeInIndex"};
    return qstrdup(names[static_cast<int>(delivery)]);
}
} // namespace ArchiveSync

namespace {
constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;
constexpr qint64 TiB = 1024 * GiB;

// Settings that differ from the defaults in every field, so a change back to a default shows.
OfflineSettings customized()
{
    OfflineSettings s;
    s.contentWindowMonths = 6;
    s.defaultFolderPolicy = FolderPolicy::Whole;
    s.folderPolicies = {{QStringLiteral("Inbox"), FolderPolicy::Whole},
                        {QStringLiteral("Archive/*"), FolderPolicy::Excluded},
                        {QStringLiteral("Entwürfe"), FolderPolicy::HeadersOnly}};
    s.maxWholeMessageBytes = 20 * MiB;
    s.checkIntervalMinutes = 30;
    s.maxCacheBytes = 4 * GiB;
    return s;
}

OfflineSettings changed(const SettingsChange &change)
{
    OfflineSettings s = customized();
    change(s);
    return s;
}
} // namespace

class TestOfflineSettings : public QObject
{
    Q_OBJECT
private slots:
    void defaults()
    {
        const OfflineSettings s;
        QVERIFY(s.validate().ok());
        QCOMPARE(s.contentWindowMonths, 0);
        QCOMPARE(s.defaultFolderPolicy, FolderPolicy::HeadersOnly);
        QCOMPARE(s.policyFor(QStringLiteral("Inbox")), FolderPolicy::Whole);
        QCOMPARE(s.maxWholeMessageBytes, 50 * MiB);
        QCOMPARE(s.checkIntervalMinutes, 60);
        QCOMPARE(s.maxCacheBytes, qint64(0));
        QVERIFY(customized().validate().ok());
    }

    void applyKeyValue_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<OfflineSettings>("expected");
        auto row = [](const char *name, const char *assignment, const SettingsChange &change) {
            QTest::newRow(name) << QString::fromUtf8(assignment) << changed(change);
        };
        row("window all", "content-window=all", [](OfflineSettings &s) { s.contentWindowMonths = 0; });
        row("window 0", "content-window=0", [](OfflineSettings &s) { s.contentWindowMonths = 0; });
        row("window months", "content-window=12", [](OfflineSettings &s) { s.contentWindowMonths = 12; });
        row("window words", "content-window = 18 months",
            [](OfflineSettings &s) { s.contentWindowMonths = 18; });
        row("window years", "content-window=2y", [](OfflineSettings &s) { s.contentWindowMonths = 24; });
        row("window max", "content-window=100 years",
            [](OfflineSettings &s) { s.contentWindowMonths = 1200; });
        row("default headers", "default-folder-policy=headers",
            [](OfflineSettings &s) { s.defaultFolderPolicy = FolderPolicy::HeadersOnly; });
        row("default headers-only", "default-folder-policy=headers-only",
            [](OfflineSettings &s) { s.defaultFolderPolicy = FolderPolicy::HeadersOnly; });
        row("default EXCLUDED", "default-folder-policy=EXCLUDED",
            [](OfflineSettings &s) { s.defaultFolderPolicy = FolderPolicy::Excluded; });
        row("folder exact", "folder.Projects/Alpha=whole", [](OfflineSettings &s) {
            s.folderPolicies.insert(QStringLiteral("Projects/Alpha"), FolderPolicy::Whole);
        });
        row("folder subtree", "folder.Projects/*=excluded", [](OfflineSettings &s) {
            s.folderPolicies.insert(QStringLiteral("Projects/*"), FolderPolicy::Excluded);
        });
        row("folder with spaces", "folder.Sent Items = exclude", [](OfflineSettings &s) {
            s.folderPolicies.insert(QStringLiteral("Sent Items"), FolderPolicy::Excluded);
        });
        row("folder replaced", "folder.Inbox=headers", [](OfflineSettings &s) {
            s.folderPolicies[QStringLiteral("Inbox")] = FolderPolicy::HeadersOnly;
        });
        row("folder default removes", "folder.Inbox=default",
            [](OfflineSettings &s) { s.folderPolicies.remove(QStringLiteral("Inbox")); });
        row("folder default removes subtree", "folder.Archive/*=DEFAULT",
            [](OfflineSettings &s) { s.folderPolicies.remove(QStringLiteral("Archive/*")); });
        row("folder default of unknown", "folder.Nowhere=default", [](OfflineSettings &) {});
        row("folder unicode", "folder.Entwürfe=whole",
            [](OfflineSettings &s) { s.folderPolicies[QStringLiteral("Entwürfe")] = FolderPolicy::Whole; });
        row("max-whole M", "max-whole-size=10M",
            [](OfflineSettings &s) { s.maxWholeMessageBytes = 10 * MiB; });
        row("max-whole MB", "max-whole-size=10MB",
            [](OfflineSettings &s) { s.maxWholeMessageBytes = 10 * MiB; });
        row("max-whole fraction", "max-whole-size=1.5M",
            [](OfflineSettings &s) { s.maxWholeMessageBytes = MiB + MiB / 2; });
        row("max-whole min", "max-whole-size=1K", [](OfflineSettings &s) { s.maxWholeMessageBytes = KiB; });
        row("max-whole max", "max-whole-size=2G",
            [](OfflineSettings &s) { s.maxWholeMessageBytes = 2 * GiB; });
        row("interval minutes", "check-interval=5", [](OfflineSettings &s) { s.checkIntervalMinutes = 5; });
        row("interval min", "check-interval=45 min", [](OfflineSettings &s) { s.checkIntervalMinutes = 45; });
        row("interval hours", "check-interval=2h", [](OfflineSettings &s) { s.checkIntervalMinutes = 120; });
        row("interval days", "check-interval=1 day",
            [](OfflineSettings &s) { s.checkIntervalMinutes = 1440; });
        row("interval max", "check-interval=7d",
            [](OfflineSettings &s) { s.checkIntervalMinutes = 7 * 1440; });
        row("cache unlimited", "max-cache-size=Unlimited", [](OfflineSettings &s) { s.maxCacheBytes = 0; });
        row("cache zero", "max-cache-size=0", [](OfflineSettings &s) { s.maxCacheBytes = 0; });
        row("cache min", "max-cache-size=16M", [](OfflineSettings &s) { s.maxCacheBytes = 16 * MiB; });
        row("cache G", "max-cache-size=10G", [](OfflineSettings &s) { s.maxCacheBytes = 10 * GiB; });
    }
    void applyKeyValue()
    {
        QFETCH(QString, assignment);
        QFETCH(OfflineSettings, expected);
        OfflineSettings s = customized();
        const Status st = s.applyKeyValue(assignment);
        QVERIFY2(st.ok(), qPrintable(st.errorString()));
        QCOMPARE(s.toJson(), expected.toJson());
        QVERIFY(s == expected);
    }

    void applyKeyValueInvalid_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<QString>("field");
        auto row = [](const char *assignment, const char *field) {
            QTest::newRow(assignment) << QString::fromUtf8(assignment) << QString::fromUtf8(field);
        };
        row("content-window=forever", "content-window");
        row("content-window=", "content-window");
        row("content-window=-1", "content-window");
        row("content-window=1201", "content-window");
        row("content-window=101y", "content-window");
        row("content-window=1.5", "content-window");
        row("default-folder-policy=maybe", "default-folder-policy");
        row("default-folder-policy=default", "default-folder-policy");
        row("folder.Inbox=sometimes", "folder.Inbox");
        row("folder.Inbox=", "folder.Inbox");
        row("folder./etc=whole", "folder./etc");
        row("folder.a//b=whole", "folder.a//b");
        row("folder.Inbox/=whole", "folder.Inbox/");
        row("folder.=whole", "folder.");
        row("folder./*=whole", "folder./*");
        row("folder.a\tb=whole", "folder.a\tb");
        row("max-whole-size=big", "max-whole-size");
        row("max-whole-size=-5M", "max-whole-size");
        row("max-whole-size=100", "max-whole-size");
        row("max-whole-size=1023", "max-whole-size");
        row("max-whole-size=3G", "max-whole-size");
        row("max-whole-size=999999999999T", "max-whole-size");
        row("max-whole-size=", "max-whole-size");
        row("check-interval=soon", "check-interval");
        row("check-interval=4", "check-interval");
        row("check-interval=8d", "check-interval");
        row("check-interval=999999d", "check-interval");
        row("check-interval=-10", "check-interval");
        row("max-cache-size=lots", "max-cache-size");
        row("max-cache-size=1M", "max-cache-size");
        row("max-cache-size=15M", "max-cache-size");
        row("colour=blue", "colour");
        row("Content-Window=all", "Content-Window");
        row("content-window", "content-window");
    }
    void applyKeyValueInvalid()
    {
        QFETCH(QString, assignment);
        QFETCH(QString, field);
        OfflineSettings s = customized();
        const Status st = s.applyKeyValue(assignment);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().category, ErrorCategory::Invalid);
        QCOMPARE(st.error().field, field);
        QVERIFY(!st.error().message.isEmpty());
        // Nothing is changed by a refused setting.
        QVERIFY(s == customized());
    }

    void validate_data()
    {
        QTest::addColumn<SettingsChange>("change");
        QTest::addColumn<QString>("field"); // empty: valid
        auto row = [](const char *name, const SettingsChange &change, const QByteArray &field) {
            QTest::newRow(name) << change << QString::fromUtf8(field);
        };
        row(
            "window 0", [](OfflineSettings &s) { s.contentWindowMonths = 0; }, "");
        row(
            "window 1200", [](OfflineSettings &s) { s.contentWindowMonths = 1200; }, "");
        row(
            "window -1", [](OfflineSettings &s) { s.contentWindowMonths = -1; }, "content-window");
        row(
            "window 1201", [](OfflineSettings &s) { s.contentWindowMonths = 1201; }, "content-window");
        row(
            "whole 1K", [](OfflineSettings &s) { s.maxWholeMessageBytes = KiB; }, "");
        row(
            "whole 2G", [](OfflineSettings &s) { s.maxWholeMessageBytes = 2 * GiB; }, "");
        row(
            "whole 1K-1", [](OfflineSettings &s) { s.maxWholeMessageBytes = KiB - 1; }, "max-whole-size");
        row(
            "whole 2G+1", [](OfflineSettings &s) { s.maxWholeMessageBytes = 2 * GiB + 1; }, "max-whole-size");
        row(
            "whole negative", [](OfflineSettings &s) { s.maxWholeMessageBytes = -1; }, "max-whole-size");
        row(
            "interval 5", [](OfflineSettings &s) { s.checkIntervalMinutes = 5; }, "");
        row(
            "interval 7d", [](OfflineSettings &s) { s.checkIntervalMinutes = 10080; }, "");
        row(
            "interval 4", [](OfflineSettings &s) { s.checkIntervalMinutes = 4; }, "check-interval");
        row(
            "interval 7d+1", [](OfflineSettings &s) { s.checkIntervalMinutes = 10081; }, "check-interval");
        row(
            "cache 0", [](OfflineSettings &s) { s.maxCacheBytes = 0; }, "");
        row(
            "cache 16M", [](OfflineSettings &s) { s.maxCacheBytes = 16 * MiB; }, "");
        row(
            "cache 16M-1", [](OfflineSettings &s) { s.maxCacheBytes = 16 * MiB - 1; }, "max-cache-size");
        row(
            "cache -1", [](OfflineSettings &s) { s.maxCacheBytes = -1; }, "max-cache-size");
        row(
            "folder absolute",
            [](OfflineSettings &s) { s.folderPolicies.insert(QStringLiteral("/x"), FolderPolicy::Whole); },
            "folder./x");
        row(
            "folder empty",
            [](OfflineSettings &s) { s.folderPolicies.insert(QString(), FolderPolicy::Whole); }, "folder.");
        row(
            "folder too long",
            [](OfflineSettings &s) {
                s.folderPolicies.insert(QString(513, QLatin1Char('a')), FolderPolicy::Whole);
            },
            "folder." + QByteArray(513, 'a'));
        row(
            "folder 512",
            [](OfflineSettings &s) {
                s.folderPolicies.insert(QString(512, QLatin1Char('a')), FolderPolicy::Whole);
            },
            "");
    }
    void validate()
    {
        QFETCH(SettingsChange, change);
        QFETCH(QString, field);
        const OfflineSettings s = changed(change);
        const Status st = s.validate();
        if (field.isEmpty()) {
            QVERIFY2(st.ok(), qPrintable(st.errorString()));
        } else {
            QVERIFY(!st.ok());
            QCOMPARE(st.error().category, ErrorCategory::Invalid);
            QCOMPARE(st.error().field, field);
        }
    }

    void policyFor_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<FolderPolicy>("expected");
        auto row = [](const char *folder, FolderPolicy policy) {
            QTest::newRow(folder) << QString::fromUtf8(folder) << policy;
        };
        row("Inbox", FolderPolicy::Whole);                        // exact
        row("Inbox/Sub", FolderPolicy::HeadersOnly);              // an exact key has no subtree
        row("Archive", FolderPolicy::Excluded);                   // a subtree key covers its root
        row("Archive/2023", FolderPolicy::Excluded);              // ... and its children
        row("Archive/2023/Q1/Week 1", FolderPolicy::Excluded);    // ... at any depth
        row("Archive/2024", FolderPolicy::Whole);                 // a deeper subtree wins
        row("Archive/2024/January", FolderPolicy::Whole);         //
        row("Archive/2024/Important", FolderPolicy::HeadersOnly); // exact beats every subtree
        row("Archive/2024/Important/Sub", FolderPolicy::Whole);   // exact does not cascade
        row("ArchiveOld", FolderPolicy::HeadersOnly);             // prefixes match whole components
        row("ArchiveOld/2023", FolderPolicy::HeadersOnly);        //
        row("Lists", FolderPolicy::Excluded);                     // exact beats its own subtree
        row("Lists/dev", FolderPolicy::Whole);                    //
        row("Sent", FolderPolicy::HeadersOnly);                   // default
        row("inbox", FolderPolicy::HeadersOnly);                  // keys are case-sensitive
        row("Projekte/Entwürfe", FolderPolicy::Excluded);         // unicode
        row("Projekte/Entwürfe/Alt", FolderPolicy::HeadersOnly);  //
    }
    void policyFor()
    {
        QFETCH(QString, folder);
        QFETCH(FolderPolicy, expected);
        OfflineSettings s;
        s.defaultFolderPolicy = FolderPolicy::HeadersOnly;
        s.folderPolicies = {
            {QStringLiteral("Inbox"), FolderPolicy::Whole},
            {QStringLiteral("Archive/*"), FolderPolicy::Excluded},
            {QStringLiteral("Archive/2024/*"), FolderPolicy::Whole},
            {QStringLiteral("Archive/2024/Important"), FolderPolicy::HeadersOnly},
            {QStringLiteral("Lists"), FolderPolicy::Excluded},
            {QStringLiteral("Lists/*"), FolderPolicy::Whole},
            {QStringLiteral("Projekte/Entwürfe"), FolderPolicy::Excluded},
        };
        QVERIFY(s.validate().ok());
        QCOMPARE(s.policyFor(folder), expected);
    }

    void policyForDefault()
    {
        OfflineSettings s;
        s.folderPolicies.clear();
        for (FolderPolicy policy : {FolderPolicy::Whole, FolderPolicy::HeadersOnly, FolderPolicy::Excluded}) {
            s.defaultFolderPolicy = policy;
            QCOMPARE(s.policyFor(QStringLiteral("Inbox")), policy);
            QCOMPARE(s.policyFor(QStringLiteral("a/b/c")), policy);
        }
    }

    void deliveryFor_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<FolderKind>("kind");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("isSigned");
        QTest::addColumn<bool>("isEncrypted");
        QTest::addColumn<Delivery>("expected");
        const auto mail = FolderKind::Mail;
        // maxWholeMessageBytes is 1 MiB below.
        QTest::newRow("whole folder, small")
            << "Inbox" << mail << 10 * KiB << false << false << Delivery::WholeInBodies;
        QTest::newRow("whole folder, at limit")
            << "Inbox" << mail << MiB << false << false << Delivery::WholeInBodies;
        QTest::newRow("whole folder, over limit")
            << "Inbox" << mail << MiB + 1 << false << false << Delivery::HeadersOnly;
        QTest::newRow("whole subtree")
            << "Projects/A" << mail << KiB << false << false << Delivery::WholeInBodies;
        QTest::newRow("headers folder") << "Sent" << mail << KiB << false << false << Delivery::HeadersOnly;
        QTest::newRow("headers folder, signed")
            << "Sent" << mail << KiB << true << false << Delivery::WholeInIndex;
        QTest::newRow("headers folder, encrypted")
            << "Sent" << mail << KiB << false << true << Delivery::WholeInIndex;
        QTest::newRow("signed over limit")
            << "Inbox" << mail << 5 * MiB << true << false << Delivery::WholeInIndex;
        QTest::newRow("encrypted over limit")
            << "Sent" << mail << 5 * MiB << false << true << Delivery::WholeInIndex;
        QTest::newRow("contacts in headers folder")
            << "Kontakte" << FolderKind::Contacts << KiB << false << false << Delivery::WholeInIndex;
        QTest::newRow("calendar in whole folder")
            << "Inbox" << FolderKind::Calendar << KiB << false << false << Delivery::WholeInIndex;
        QTest::newRow("tasks") << "Tasks" << FolderKind::Tasks << KiB << false << false
                               << Delivery::WholeInIndex;
        QTest::newRow("notes over limit")
            << "Notes" << FolderKind::Notes << 5 * MiB << false << false << Delivery::WholeInIndex;
        QTest::newRow("excluded") << "Trash" << mail << KiB << false << false << Delivery::Excluded;
        QTest::newRow("excluded, signed") << "Trash" << mail << KiB << true << false << Delivery::Excluded;
        QTest::newRow("excluded, encrypted") << "Trash" << mail << KiB << false << true << Delivery::Excluded;
        QTest::newRow("excluded contacts")
            << "Trash" << FolderKind::Contacts << KiB << false << false << Delivery::Excluded;
        QTest::newRow("excluded subtree")
            << "Trash/Old" << mail << KiB << false << false << Delivery::Excluded;
    }
    void deliveryFor()
    {
        QFETCH(QString, folder);
        QFETCH(FolderKind, kind);
        QFETCH(qint64, size);
        QFETCH(bool, isSigned);
        QFETCH(bool, isEncrypted);
        QFETCH(Delivery, expected);
        OfflineSettings s;
        s.defaultFolderPolicy = FolderPolicy::HeadersOnly;
        s.folderPolicies = {{QStringLiteral("Inbox"), FolderPolicy::Whole},
                            {QStringLiteral("Projects/*"), FolderPolicy::Whole},
                            {QStringLiteral("Trash/*"), FolderPolicy::Excluded}};
        s.maxWholeMessageBytes = MiB;
        QVERIFY(s.validate().ok());
        DeliveryInput input;
        input.folder = folder;
        input.folderKind = kind;
        input.size = size;
        input.isSigned = isSigned;
        input.isEncrypted = isEncrypted;
        QCOMPARE(s.deliveryFor(input), expected);
    }

    void jsonRoundTrip()
    {
        for (const OfflineSettings &original : {OfflineSettings(), customized()}) {
            const QJsonObject json = original.toJson();
            const auto back = OfflineSettings::fromJson(json);
            QVERIFY2(back.ok(), qPrintable(back.errorString()));
            QVERIFY(*back == original);
            // Through text, as the store keeps it.
            const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
            const auto reparsed = OfflineSettings::fromJson(QJsonDocument::fromJson(text).object());
            QVERIFY2(reparsed.ok(), qPrintable(reparsed.errorString()));
            QVERIFY(*reparsed == original);
        }
    }

    void jsonForm()
    {
        const QJsonObject json = customized().toJson();
        QCOMPARE(json.value(QStringLiteral("contentWindowMonths")).toInt(), 6);
        QCOMPARE(json.value(QStringLiteral("defaultFolderPolicy")).toString(), QStringLiteral("whole"));
        QCOMPARE(json.value(QStringLiteral("maxWholeMessageBytes")).toInteger(), 20 * MiB);
        QCOMPARE(json.value(QStringLiteral("checkIntervalMinutes")).toInt(), 30);
        QCOMPARE(json.value(QStringLiteral("maxCacheBytes")).toInteger(), 4 * GiB);
        const QJsonObject folders = json.value(QStringLiteral("folderPolicies")).toObject();
        QCOMPARE(folders.size(), 3);
        QCOMPARE(folders.value(QStringLiteral("Archive/*")).toString(), QStringLiteral("excluded"));
        QCOMPARE(folders.value(QStringLiteral("Entwürfe")).toString(), QStringLiteral("headers"));
    }

    void fromJsonPartial()
    {
        // Missing fields keep their defaults.
        auto empty = OfflineSettings::fromJson(QJsonObject());
        QVERIFY(empty.ok());
        QVERIFY(*empty == OfflineSettings());
        auto some = OfflineSettings::fromJson(QJsonObject{{QStringLiteral("contentWindowMonths"), 3},
                                                          {QStringLiteral("folderPolicies"), QJsonObject()}});
        QVERIFY2(some.ok(), qPrintable(some.errorString()));
        QCOMPARE(some->contentWindowMonths, 3);
        QVERIFY(some->folderPolicies.isEmpty());
        QCOMPARE(some->checkIntervalMinutes, 60);
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        auto row = [](const char *name, const QString &key, const QJsonValue &value, const QString &field) {
            QJsonObject json = customized().toJson();
            json.insert(key, value);
            QTest::newRow(name) << json << field;
        };
        const QString window = QStringLiteral("contentWindowMonths");
        const QString policy = QStringLiteral("defaultFolderPolicy");
        const QString folders = QStringLiteral("folderPolicies");
        const QString whole = QStringLiteral("maxWholeMessageBytes");
        const QString interval = QStringLiteral("checkIntervalMinutes");
        const QString cache = QStringLiteral("maxCacheBytes");
        row("unknown field", QStringLiteral("colour"), QStringLiteral("blue"), QStringLiteral("colour"));
        row("cli spelling", QStringLiteral("content-window"), 3, QStringLiteral("content-window"));
        row("window string", window, QStringLiteral("12"), window);
        row("window bool", window, true, window);
        row("window null", window, QJsonValue(), window);
        row("window fraction", window, 1.5, window);
        row("window negative", window, -1, window);
        row("window too big", window, 1201, window);
        row("window huge", window, 1e300, window);
        row("window beyond int", window, 4294967296.0, window);
        row("policy bad name", policy, QStringLiteral("sometimes"), policy);
        row("policy default", policy, QStringLiteral("default"), policy);
        row("policy number", policy, 1, policy);
        row("folders array", folders, QJsonArray{QStringLiteral("Inbox")}, folders);
        row("folders string", folders, QStringLiteral("Inbox=whole"), folders);
        row("folder bad policy", folders, QJsonObject{{QStringLiteral("Inbox"), QStringLiteral("sometimes")}},
            QStringLiteral("folderPolicies.Inbox"));
        row("folder policy bool", folders, QJsonObject{{QStringLiteral("Sent"), true}},
            QStringLiteral("folderPolicies.Sent"));
        row("folder absolute path", folders, QJsonObject{{QStringLiteral("/etc"), QStringLiteral("whole")}},
            QStringLiteral("folderPolicies./etc"));
        row("folder empty path", folders, QJsonObject{{QString(), QStringLiteral("whole")}},
            QStringLiteral("folderPolicies."));
        row("whole string", whole, QStringLiteral("50M"), whole);
        row("whole fraction", whole, 1024.5, whole);
        row("whole too small", whole, 100, whole);
        row("whole too big", whole, 3.0 * GiB, whole);
        row("whole huge", whole, 1e20, whole);
        row("whole negative huge", whole, -1e20, whole);
        row("interval too small", interval, 4, interval);
        row("interval too big", interval, 10081, interval);
        row("interval huge", interval, 1e15, interval);
        row("interval string", interval, QStringLiteral("60"), interval);
        row("cache negative", cache, -1, cache);
        row("cache under 16M", cache, 1000, cache);
        row("cache string", cache, QStringLiteral("unlimited"), cache);
        row("cache huge", cache, 1e19, cache);
    }
    void fromJsonRejects()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        const auto result = OfflineSettings::fromJson(json);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().category, ErrorCategory::Invalid);
        QCOMPARE(result.error().field, field);
        QVERIFY(!result.error().message.isEmpty());
    }

    void contentFingerprint_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::addColumn<bool>("changes");
        QTest::newRow("content window") << "content-window=12" << true;
        QTest::newRow("default policy") << "default-folder-policy=excluded" << true;
        QTest::newRow("folder added") << "folder.Projects/*=whole" << true;
        QTest::newRow("folder removed") << "folder.Inbox=default" << true;
        QTest::newRow("folder changed") << "folder.Inbox=headers" << true;
        QTest::newRow("subtree instead of exact") << "folder.Entwürfe/*=headers" << true;
        QTest::newRow("max whole size") << "max-whole-size=10M" << true;
        QTest::newRow("check interval") << "check-interval=2h" << false;
        QTest::newRow("cache size") << "max-cache-size=20G" << false;
        QTest::newRow("cache unlimited") << "max-cache-size=unlimited" << false;
        QTest::newRow("same value again") << "content-window=6" << false;
    }
    void contentFingerprint()
    {
        QFETCH(QString, assignment);
        QFETCH(bool, changes);
        const OfflineSettings before = customized();
        OfflineSettings after = customized();
        QVERIFY(after.applyKeyValue(assignment).ok());
        const QString fingerprint = before.contentFingerprint();
        QVERIFY(Sha256::isValidHex(fingerprint));
        QCOMPARE(before.contentFingerprint(), fingerprint); // stable
        QCOMPARE(after.contentFingerprint() != fingerprint, changes);
    }

    void contentFingerprintIgnoresInsertionOrder()
    {
        OfflineSettings a;
        a.folderPolicies.clear();
        a.folderPolicies.insert(QStringLiteral("B"), FolderPolicy::Whole);
        a.folderPolicies.insert(QStringLiteral("A"), FolderPolicy::Excluded);
        OfflineSettings b;
        b.folderPolicies.clear();
        b.folderPolicies.insert(QStringLiteral("A"), FolderPolicy::Excluded);
        b.folderPolicies.insert(QStringLiteral("B"), FolderPolicy::Whole);
        QCOMPARE(a.contentFingerprint(), b.contentFingerprint());
    }

    void describeReappliesToTheSameSettings()
    {
        const OfflineSettings original = customized();
        const QStringList lines = original.describe();
        QVERIFY(lines.contains(QStringLiteral("max-whole-size=20M")));
        QVERIFY(lines.contains(QStringLiteral("folder.Archive/*=excluded")));
        OfflineSettings rebuilt;
        rebuilt.folderPolicies.clear();
        for (const QString &line : lines) {
            const Status st = rebuilt.applyKeyValue(line);
            QVERIFY2(st.ok(), qPrintable(line + QStringLiteral(": ") + st.errorString()));
        }
        QVERIFY(rebuilt == original);
    }

    void parseSize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: rejected
        auto row = [](const char *text, qint64 expected) {
            QTest::newRow(text) << QString::fromUtf8(text) << expected;
        };
        row("0", 0);
        row("1024", 1024);
        row("1b", 1);
        row("1K", KiB);
        row("1k", KiB);
        row("1KB", KiB);
        row("1KiB", KiB);
        row("50M", 50 * MiB);
        row("50 MiB", 50 * MiB);
        row(" 50m ", 50 * MiB);
        row("2G", 2 * GiB);
        row("1T", TiB);
        row("1.5K", 1536);
        row("1.25M", MiB + MiB / 4);
        row("0.5G", GiB / 2);
        row("999999999999", 999999999999LL);
        row("4194303T", 4194303 * TiB);
        row("", -1);
        row("M", -1);
        row("abc", -1);
        row("-1", -1);
        row("+1", -1);
        row("1.", -1);
        row(".5M", -1);
        row("1.2345K", -1);
        row("1.5.5", -1);
        row("1e3", -1);
        row("10X", -1);
        row("10 MBs", -1);
        row("10P", -1);
        row("1,5M", -1);
        row("1000000000000", -1);
        row("999999999999T", -1);
    }
    void parseSize()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto bytes = OfflineSettings::parseSize(text);
        if (expected < 0) {
            QVERIFY2(!bytes, qPrintable(QString::number(bytes.value_or(0))));
        } else {
            QVERIFY(bytes);
            QCOMPARE(*bytes, expected);
        }
    }

    void formatSize_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0") << qint64(0) << QStringLiteral("0");
        QTest::newRow("1") << qint64(1) << QStringLiteral("1");
        QTest::newRow("1023") << qint64(1023) << QStringLiteral("1023");
        QTest::newRow("1K") << KiB << QStringLiteral("1K");
        QTest::newRow("1536") << qint64(1536) << QStringLiteral("1536");
        QTest::newRow("1025K") << 1025 * KiB << QStringLiteral("1025K");
        QTest::newRow("50M") << 50 * MiB << QStringLiteral("50M");
        QTest::newRow("2G") << 2 * GiB << QStringLiteral("2G");
        QTest::newRow("1T") << TiB << QStringLiteral("1T");
        QTest::newRow("1024T") << 1024 * TiB << QStringLiteral("1024T");
    }
    void formatSize()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, expected);
        QCOMPARE(OfflineSettings::formatSize(bytes), expected);
        // The exact form parses back to the same number.
        QCOMPARE(OfflineSettings::parseSize(expected), std::optional<qint64>(bytes));
    }

    void humanSize_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("0") << qint64(0) << QStringLiteral("0 B");
        QTest::newRow("1023") << qint64(1023) << QStringLiteral("1023 B");
        QTest::newRow("1024") << KiB << QStringLiteral("1.0 KiB");
        QTest::newRow("1536") << qint64(1536) << QStringLiteral("1.5 KiB");
        QTest::newRow("23.4 MiB") << qint64(23.4 * MiB) << QStringLiteral("23.4 MiB");
        QTest::newRow("just under 1 MiB") << MiB - 1 << QStringLiteral("1.0 MiB");
        QTest::newRow("1 GiB") << GiB << QStringLiteral("1.0 GiB");
        QTest::newRow("just under 1 GiB") << GiB - 1 << QStringLiteral("1.0 GiB");
        QTest::newRow("5 TiB") << 5 * TiB << QStringLiteral("5.0 TiB");
        QTest::newRow("2048 TiB") << 2048 * TiB << QStringLiteral("2048.0 TiB");
    }
    void humanSize()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, expected);
        QCOMPARE(OfflineSettings::humanSize(bytes), expected);
    }

    void folderPolicyNames()
    {
        for (FolderPolicy p : {FolderPolicy::Whole, FolderPolicy::HeadersOnly, FolderPolicy::Excluded})
            QCOMPARE(folderPolicyFromName(folderPolicyName(p)), std::optional<FolderPolicy>(p));
        QCOMPARE(folderPolicyFromName(u" Headers-Only "),
                 std::optional<FolderPolicy>(FolderPolicy::HeadersOnly));
        QCOMPARE(folderPolicyFromName(u"exclude"), std::optional<FolderPolicy>(FolderPolicy::Excluded));
        QVERIFY(!folderPolicyFromName(u"default"));
        QVERIFY(!folderPolicyFromName(u""));
    }
};

QTEST_GUILESS_MAIN(TestOfflineSettings)
#include "TestOfflineSettings.moc"
