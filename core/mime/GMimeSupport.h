// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared by the GMime-based readers of core/mime (compiled with QT_NO_KEYWORDS: GLib's headers use
// the identifier "signals"). Not a public header: it exposes GMime types.

#include <QByteArray>
#include <QString>

#include <gmime/gmime.h>

namespace ArchiveSync::GMimeSupport {

/// The parser options every reader uses (loose RFC compliance; undeclared 8-bit text tried as
/// UTF-8, then Windows-1252); initialises GMime once.
GMimeParserOptions *parserOptions();
/// The bytes of a memory stream.
QByteArray streamBytes(GMimeStream *stream);
/// A part's content with its transfer encoding (base64, quoted-printable) undone.
QByteArray decodedBytes(GMimePart *part);
/// Bytes in an unknown or undeclared charset: UTF-8 when they are, otherwise the fallbacks.
QString decode8bit(const QByteArray &bytes);
/// A text part's content: transfer encoding undone, charset converted to UTF-8.
QString partText(GMimePart *part);
bool isType(GMimeObject *object, const char *type, const char *subtype);
bool isAttachment(GMimeObject *object);

} // namespace ArchiveSync::GMimeSupport
