// SPDX-License-Identifier: Apache-2.0
#include "core/common/Result.h"

#include <QSet>
#include <QTest>

#include <memory>

using namespace ArchiveSync;

class TestResult : public QObject
{
    Q_OBJECT
private slots:
    void valueAndError()
    {
        Result<int> ok = 42;
        QVERIFY(ok.ok());
        QVERIFY(static_cast<bool>(ok));
        QCOMPARE(*ok, 42);
        QVERIFY(ok.errorString().isEmpty());

        Result<int> failed = Error::invalid(QStringLiteral("bad size"), QStringLiteral("max-whole-size"));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().category, ErrorCategory::Invalid);
        QCOMPARE(failed.error().field, QStringLiteral("max-whole-size"));
        QCOMPARE(failed.errorString(), QStringLiteral("bad size"));
    }

    void moveOnlyValues()
    {
        Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
        std::unique_ptr<int> taken = std::move(r).value();
        QCOMPARE(*taken, 7);
    }

    void status()
    {
        Status ok;
        QVERIFY(ok.ok());
        Status failed = Error::io(QStringLiteral("disk full"));
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().category, ErrorCategory::Io);
        QCOMPARE(failed.errorString(), QStringLiteral("disk full"));
    }

    void categoryNamesAreStableAndDistinct()
    {
        const QList<ErrorCategory> all = {
            ErrorCategory::Invalid,   ErrorCategory::NotFound, ErrorCategory::Conflict,
            ErrorCategory::Io,        ErrorCategory::Corrupt,  ErrorCategory::Database,
            ErrorCategory::Network,   ErrorCategory::Auth,     ErrorCategory::Forbidden,
            ErrorCategory::Throttled, ErrorCategory::Server,   ErrorCategory::Internal};
        QSet<QString> names;
        for (ErrorCategory c : all)
            names.insert(errorCategoryName(c));
        QCOMPARE(names.size(), all.size());
        QCOMPARE(errorCategoryName(ErrorCategory::NotFound), QStringLiteral("not-found"));
    }
};

QTEST_GUILESS_MAIN(TestResult)
#include "TestResult.moc"
