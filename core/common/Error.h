// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ArchiveSync {

/// \brief What kind of failure an Error reports; callers branch on this, people read the message.
enum class ErrorCategory
{
    Invalid,   ///< bad input: a setting, an argument, a malformed file
    NotFound,  ///< the thing named does not exist
    Conflict,  ///< the request clashes with the current state
    Io,        ///< the file system failed (open, write, fsync, rename, disk full)
    Corrupt,   ///< stored data fails a check (hash, format)
    Database,  ///< the SQL store failed
    Network,   ///< transport-level failure
    Auth,      ///< not signed in, or credentials refused
    Forbidden, ///< signed in but not allowed
    Throttled, ///< try again later
    Server,    ///< the other side failed
    Internal,  ///< a bug: an invariant did not hold
};

/// \brief A failure with a category and a message written for a person.
struct Error
{
    ErrorCategory category = ErrorCategory::Internal;
    QString message;
    /// The field or argument the error is about, when there is one (e.g. "max-whole-size").
    QString field;

    static Error invalid(const QString &message, const QString &field = {})
    {
        return {ErrorCategory::Invalid, message, field};
    }
    static Error notFound(const QString &message) { return {ErrorCategory::NotFound, message, {}}; }
    static Error conflict(const QString &message) { return {ErrorCategory::Conflict, message, {}}; }
    static Error io(const QString &message) { return {ErrorCategory::Io, message, {}}; }
    static Error corrupt(const QString &message) { return {ErrorCategory::Corrupt, message, {}}; }
    static Error database(const QString &message) { return {ErrorCategory::Database, message, {}}; }
    static Error internal(const QString &message) { return {ErrorCategory::Internal, message, {}}; }
};

/// \brief A stable lower-case name for a category ("invalid", "not-found", ...), used in JSON.
QString errorCategoryName(ErrorCategory category);

} // namespace ArchiveSync
