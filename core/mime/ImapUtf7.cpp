// SPDX-License-Identifier: Apache-2.0
#include "core/mime/ImapUtf7.h"

#include <QByteArray>

namespace ArchiveSync::ImapUtf7 {

namespace {
QByteArray toModifiedBase64(const QString &run)
{
    QByteArray utf16;
    utf16.reserve(run.size() * 2);
    for (QChar c : run) {
        utf16.append(static_cast<char>(c.unicode() >> 8));
        utf16.append(static_cast<char>(c.unicode() & 0xff));
    }
    QByteArray b64 = utf16.toBase64(QByteArray::OmitTrailingEquals);
    b64.replace('/', ',');
    return b64;
}
} // namespace

QString encode(const QString &name)
{
    QString out;
    QString pending; // characters outside printable ASCII, waiting to be shifted out
    auto flush = [&] {
        if (pending.isEmpty())
            return;
        out += QLatin1Char('&') + QString::fromLatin1(toModifiedBase64(pending)) + QLatin1Char('-');
        pending.clear();
    };
    for (QChar c : name) {
        const char16_t u = c.unicode();
        if (u >= 0x20 && u <= 0x7e) {
            flush();
            out += (u == '&') ? QStringLiteral("&-") : QString(c);
        } else {
            pending += c;
        }
    }
    flush();
    return out;
}

QString decode(const QString &encoded)
{
    QString out;
    qsizetype i = 0;
    while (i < encoded.size()) {
        const QChar c = encoded.at(i);
        if (c != QLatin1Char('&')) {
            out += c;
            ++i;
            continue;
        }
        const qsizetype end = encoded.indexOf(QLatin1Char('-'), i + 1);
        if (end < 0) {
            out += encoded.mid(i);
            break;
        }
        if (end == i + 1) {
            out += QLatin1Char('&');
            i = end + 1;
            continue;
        }
        QByteArray b64 = encoded.mid(i + 1, end - i - 1).toLatin1();
        b64.replace(',', '/');
        const auto result = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
        const QByteArray &decoded = result.decoded;
        if (!result || decoded.size() % 2 != 0) {
            out += encoded.mid(i, end - i + 1); // not valid: keep the bytes as they stand
        } else {
            for (qsizetype k = 0; k + 1 < decoded.size(); k += 2) {
                out += QChar(static_cast<char16_t>((static_cast<uchar>(decoded.at(k)) << 8) |
                                                   static_cast<uchar>(decoded.at(k + 1))));
            }
        }
        i = end + 1;
    }
    return out;
}

} // namespace ArchiveSync::ImapUtf7
