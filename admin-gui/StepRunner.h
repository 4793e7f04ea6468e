// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace ArchiveSync {

/// \brief Runs asynchronous calls one after another and stops at the first that fails, so a dialog's
/// OK can apply several changes (rename, offline settings, permissions) in order.
class StepRunner : public QObject
{
    Q_OBJECT

public:
    /// A step reports back once: nothing on success, or the error text for a person.
    using Report = std::function<void(std::optional<QString> error)>;
    using Step = std::function<void(Report report)>;

    explicit StepRunner(QObject *parent = nullptr);

    void add(Step step) { m_steps.append(std::move(step)); }
    bool isEmpty() const { return m_steps.isEmpty(); }
    /// Starts the steps; `finished` gets the first error, or nothing when all succeeded.
    void run(Report finished);

private:
    void next();

    QList<Step> m_steps;
    Report m_finished;
};

} // namespace ArchiveSync
