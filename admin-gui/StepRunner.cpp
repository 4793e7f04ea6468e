// SPDX-License-Identifier: Apache-2.0
#include "StepRunner.h"

#include <QPointer>

namespace ArchiveSync {

StepRunner::StepRunner(QObject *parent)
    : QObject(parent)
{}

void StepRunner::run(Report finished)
{
    m_finished = std::move(finished);
    next();
}

void StepRunner::next()
{
    if (m_steps.isEmpty()) {
        Report finished = std::move(m_finished);
        if (finished)
            finished(std::nullopt);
        return;
    }
    Step step = m_steps.takeFirst();
    QPointer<StepRunner> self(this);
    step([self](std::optional<QString> error) {
        if (!self)
            return;
        if (error) {
            self->m_steps.clear();
            Report finished = std::move(self->m_finished);
            if (finished)
                finished(error);
            return;
        }
        self->next();
    });
}

} // namespace ArchiveSync
