// SPDX-License-Identifier: Apache-2.0
#include "core/localstore/SearchQuery.h"

#include <QRegularExpression>

namespace ArchiveSync {

namespace {

struct Token
{
    QString key; ///< lower case, without the colon; empty for a plain word or phrase
    QString value;
};

// Every '"' delimits a phrase, wherever it stands: an odd number of them is an error rather
// than a guess at what was meant.
Result<QList<Token>> tokenize(const QString &text)
{
    static const QStringList keys{QStringLiteral("from"),    QStringLiteral("to"),
                                  QStringLiteral("subject"), QStringLiteral("folder"),
                                  QStringLiteral("before"),  QStringLiteral("after")};
    QList<Token> tokens;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        Token token;
        if (text.at(i) != QLatin1Char('"')) {
            qsizetype end = i;
            while (end < n && !text.at(end).isSpace() && text.at(end) != QLatin1Char('"'))
                ++end;
            const QString word = text.mid(i, end - i);
            i = end;
            const qsizetype colon = word.indexOf(QLatin1Char(':'));
            const QString key = colon > 0 ? word.left(colon).toLower() : QString();
            if (!keys.contains(key)) {
                tokens.append({QString(), word});
                continue;
            }
            token.key = key;
            token.value = word.mid(colon + 1);
            if (!token.value.isEmpty() || i >= n || text.at(i) != QLatin1Char('"')) {
                if (token.value.isEmpty())
                    return Error::invalid(QStringLiteral("%1: needs a value").arg(key), key);
                tokens.append(token);
                continue;
            }
            // key:"a phrase"
        }
        const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
        if (close < 0)
            return Error::invalid(QStringLiteral("a quote is not closed"), QStringLiteral("query"));
        token.value = text.mid(i + 1, close - i - 1);
        i = close + 1;
        if (token.value.trimmed().isEmpty())
            return Error::invalid(QStringLiteral("a quoted phrase is empty"), QStringLiteral("query"));
        tokens.append(token);
    }
    return tokens;
}

Result<QDateTime> parseDate(const QString &key, const QString &value)
{
    static const QRegularExpression form(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate date = form.match(value).hasMatch() ? QDate::fromString(value, Qt::ISODate) : QDate();
    if (!date.isValid())
        return Error::invalid(QStringLiteral("%1: takes a date as YYYY-MM-DD, not \"%2\"").arg(key, value),
                              key);
    return QDateTime(date, QTime(0, 0), Qt::UTC);
}

// FTS5 reads a double-quoted string as one phrase of plain tokens: no operator, column filter,
// prefix star or NEAR inside it has any meaning. A quote inside is written twice.
QString quoted(const QString &term)
{
    QString escaped = term;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

Result<SearchQuery> SearchQuery::parse(const QString &text)
{
    Result<QList<Token>> tokens = tokenize(text);
    if (!tokens)
        return tokens.error();
    if (tokens->isEmpty())
        return Error::invalid(QStringLiteral("the search is empty"), QStringLiteral("query"));
    SearchQuery query;
    for (const Token &token : std::as_const(*tokens)) {
        if (token.key.isEmpty()) {
            query.terms << token.value;
        } else if (token.key == QLatin1String("from")) {
            query.from << token.value;
        } else if (token.key == QLatin1String("to")) {
            query.to << token.value;
        } else if (token.key == QLatin1String("subject")) {
            query.subject << token.value;
        } else if (token.key == QLatin1String("folder")) {
            query.folders << token.value;
        } else {
            Result<QDateTime> date = parseDate(token.key, token.value);
            if (!date)
                return date.error();
            // Two bounds of one kind: the narrower one is what both together ask for.
            if (token.key == QLatin1String("before")) {
                if (!query.before.isValid() || *date < query.before)
                    query.before = *date;
            } else if (!query.after.isValid() || *date > query.after) {
                query.after = *date;
            }
        }
    }
    return query;
}

QString SearchQuery::ftsMatch(const std::function<QString(const QString &)> &seal) const
{
    auto phrase = [&seal](const QString &term) {
        return quoted(seal ? seal(term) : term);
    };
    QStringList parts;
    for (const QString &term : terms)
        parts << phrase(term);
    for (const QString &term : from)
        parts << QStringLiteral("sender : ") + phrase(term);
    for (const QString &term : to)
        parts << QStringLiteral("recipients : ") + phrase(term);
    for (const QString &term : subject)
        parts << QStringLiteral("subject : ") + phrase(term);
    return parts.join(QStringLiteral(" AND "));
}

} // namespace ArchiveSync
