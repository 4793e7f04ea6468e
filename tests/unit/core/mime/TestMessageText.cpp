// SPDX-License-Identifier: Apache-2.0
#include "core/mime/MessageText.h"

#include <QTest>

using namespace ArchiveSync;

namespace {

QByteArray mail(const QByteArray &headers, const QByteArray &body)
{
    return "From: alice@example.org\nTo: bob@example.org\nSubject: Test\nMIME-Version: 1.0\n" + headers +
           "\n" + body;
}

QByteArray multipart(const QByteArray &type, const QByteArray &boundary, const QList<QByteArray> &parts)
{
    QByteArray body = "Content-Type: multipart/" + type + "; boundary=\"" + boundary + "\"\n\n";
    for (const QByteArray &part : parts)
        body += "--" + boundary + "\n" + part + "\n";
    body += "--" + boundary + "--\n";
    return body;
}

QByteArray plainPart(const QByteArray &text, const QByteArray &extra = {})
{
    return "Content-Type: text/plain; charset=utf-8\n" + extra + "\n" + text;
}

QByteArray htmlPart(const QByteArray &html)
{
    return "Content-Type: text/html; charset=utf-8\n\n" + html;
}

QByteArray asMessage(const QByteArray &multipartBody)
{
    // multipart() starts with its own Content-Type header line.
    return "From: alice@example.org\nTo: bob@example.org\nSubject: Test\nMIME-Version: 1.0\n" + multipartBody;
}

} // namespace

class TestMessageText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extract_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");

        QTest::newRow("no MIME") << QByteArray("From: a@example.org\nSubject: x\n\nJust some text.\n")
                                 << QStringLiteral("Just some text.");
        QTest::newRow("plain utf-8") << mail("Content-Type: text/plain; charset=utf-8\n", "Grüße aus Köln\n")
                                     << QStringLiteral("Grüße aus Köln");
        QTest::newRow("quoted-printable latin1")
            << mail("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: "
                    "quoted-printable\n",
                    "Caf=E9 cr=E8me, soft=\n break\n")
            << QStringLiteral("Café crème, soft break");
        QTest::newRow("base64 utf-8") << mail("Content-Type: text/plain; charset=UTF-8\n"
                                              "Content-Transfer-Encoding: base64\n",
                                              QByteArray("Привет, мир").toBase64() + "\n")
                                      << QStringLiteral("Привет, мир");
        QTest::newRow("koi8-r") << mail("Content-Type: text/plain; charset=koi8-r\n",
                                        "\xf0\xd2\xc9\xd7\xc5\xd4\n")
                                << QStringLiteral("Привет");
        QTest::newRow("undeclared windows-1252")
            << mail("Content-Type: text/plain\n", "na\xefve \x93quotes\x94\n")
            << QStringLiteral("naïve “quotes”");
        QTest::newRow("mislabelled utf-8")
            << mail("Content-Type: text/plain; charset=utf-8\n", "caf\xe9\n") << QStringLiteral("café");
        QTest::newRow("unknown charset")
            << mail("Content-Type: text/plain; charset=x-nonsense\n", "plain words\n")
            << QStringLiteral("plain words");
        QTest::newRow("html only") << mail("Content-Type: text/html; charset=utf-8\n",
                                           "<html><head><title>T</title><style>p{color:red}</style></head>"
                                           "<body><p>Hello&nbsp;<b>World</b> &amp; friends</p>"
                                           "<script>alert('x')</script></body></html>\n")
                                   << QStringLiteral("Hello World & friends");
        QTest::newRow("alternative prefers plain")
            << asMessage(multipart("alternative", "b1",
                                   {plainPart("plain version\n"), htmlPart("<p>htmlversion</p>\n")}))
            << QStringLiteral("plain version");
        QTest::newRow("alternative html first still prefers plain")
            << asMessage(multipart("alternative", "b1",
                                   {htmlPart("<p>htmlversion</p>\n"), plainPart("plain version\n")}))
            << QStringLiteral("plain version");
        QTest::newRow("alternative empty plain falls back to html")
            << asMessage(multipart("alternative", "b1", {plainPart("\n"), htmlPart("<p>only html</p>\n")}))
            << QStringLiteral("only html");
        QTest::newRow("alternative with related html")
            << asMessage(multipart(
                   "alternative", "outer",
                   {multipart(
                       "related", "inner",
                       {htmlPart("<div>related html</div>\n"),
                        "Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n"})}))
            << QStringLiteral("related html");
        QTest::newRow("mixed skips attachments")
            << asMessage(multipart(
                   "mixed", "m",
                   {plainPart("the letter\n"),
                    plainPart("attachsecret\n", "Content-Disposition: attachment; filename=\"a.txt\"\n"),
                    "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n",
                    "Content-Type: image/png\n\nbinarybits\n"}))
            << QStringLiteral("the letter");
        QTest::newRow("inline text parts joined")
            << asMessage(multipart(
                   "mixed", "m",
                   {plainPart("first part\n"), plainPart("second part\n", "Content-Disposition: inline\n")}))
            << QStringLiteral("first part\n\nsecond part");
        QTest::newRow("forwarded message skipped")
            << asMessage(multipart("mixed", "m",
                                   {plainPart("see below\n"),
                                    "Content-Type: message/rfc822\n\nFrom: c@example.org\nSubject: fw\n\n"
                                    "forwardedsecret\n"}))
            << QStringLiteral("see below");
        QTest::newRow("nested multiparts")
            << asMessage(multipart("mixed", "a",
                                   {multipart("mixed", "b",
                                              {multipart("alternative", "c",
                                                         {plainPart("deep text\n"), htmlPart("<p>no</p>")}),
                                               plainPart("after\n")}),
                                    "Content-Type: application/zip\n\nPK\n"}))
            << QStringLiteral("deep text\n\nafter");
        QTest::newRow("signed")
            << asMessage(
                   multipart("signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha256", "s",
                             {plainPart("signed text\n"),
                              "Content-Type: application/pgp-signature\n\n-----BEGIN PGP SIGNATURE-----\n"}))
            << QStringLiteral("signed text");
        QTest::newRow("encrypted")
            << asMessage(
                   multipart("encrypted; protocol=\"application/pgp-encrypted\"", "e",
                             {"Content-Type: application/pgp-encrypted\n\nVersion: 1\n",
                              "Content-Type: application/octet-stream\n\n-----BEGIN PGP MESSAGE-----\n"}))
            << QString();
        QTest::newRow("unterminated multipart")
            << QByteArray(
                   "From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n"
                   "--x\nContent-Type: text/plain\n\nstill readable\n")
            << QStringLiteral("still readable");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("headers only") << QByteArray("From: a@example.org\nSubject: x\n\n") << QString();
    }
    void extract()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const QString text = MessageText::extract(raw);
        QCOMPARE(text, expected);
        QCOMPARE(MessageText::extract(raw), text); // deterministic
    }

    void brokenMailNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("binary") << QByteArray("\0\1\2\3\xff\xfe\x80garbage\0\n\n\x01", 16);
        QTest::newRow("no headers") << QByteArray("\n\n\n");
        QTest::newRow("bad base64") << mail("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n",
                                            "!!!!not base64@@@@\n");
        QTest::newRow("bad boundary") << QByteArray("Content-Type: multipart/mixed; boundary=\"\n\n--\n--\n");
        QTest::newRow("deep nesting") << [] {
            QByteArray raw = "MIME-Version: 1.0\n";
            for (int i = 0; i < 200; ++i)
                raw += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(i) + "\n\n--b" +
                       QByteArray::number(i) + "\n";
            return raw + "Content-Type: text/plain\n\ndeep\n";
        }();
        QTest::newRow("truncated html")
            << mail("Content-Type: text/html\n", "<p>start <b attr=\"unterminated");
    }
    void brokenMailNeverCrashes()
    {
        QFETCH(QByteArray, raw);
        const QString text = MessageText::extract(raw);
        QCOMPARE(MessageText::extract(raw), text);
    }

    void maxCharsBoundsTheText()
    {
        const QByteArray raw = mail("Content-Type: text/plain\n", QByteArray(10000, 'a') + "\n");
        QCOMPARE(MessageText::extract(raw, 100).size(), 100);
        QCOMPARE(MessageText::extract(raw, 0), QString());
        const QByteArray two = asMessage(multipart(
            "mixed", "m", {plainPart(QByteArray(80, 'x') + "\n"), plainPart(QByteArray(80, 'y') + "\n")}));
        const QString text = MessageText::extract(two, 100);
        QCOMPARE(text.size(), 100);
        QVERIFY(text.startsWith(QString(80, QLatin1Char('x'))));
        QVERIFY(text.endsWith(QLatin1Char('y')));
    }

    void htmlToText_data()
    {
        QTest::addColumn<QString>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "just text"
                               << "just text";
        QTest::newRow("inline tags join") << "foo<b>bar</b>baz"
                                          << "foobarbaz";
        QTest::newRow("blocks break") << "<p>one</p><p>two</p>line<br>next"
                                      << "one\ntwo\nline\nnext";
        QTest::newRow("cells apart") << "<table><tr><td>a</td><td>b</td></tr></table>"
                                     << "a b";
        QTest::newRow("whitespace collapsed") << "  a \t\n  b   "
                                              << "a\nb";
        QTest::newRow("named entities") << "&lt;tag&gt; &amp; &quot;q&quot; &eacute;t&eacute; &euro;5 &copy;"
                                        << "<tag> & \"q\" été €5 ©";
        QTest::newRow("numeric entities")
            << "&#65;&#x42;&#X43; &#128512; &#0; &#xD800;" << QStringLiteral("ABC 😀 \uFFFD \uFFFD");
        QTest::newRow("unknown entity literal") << "&bogus; &amp &#xZZ;"
                                                << "&bogus; &amp &#xZZ;";
        QTest::newRow("nbsp") << "a&nbsp;&nbsp;b"
                              << "a b";
        QTest::newRow("soft hyphen") << "hy&shy;phen"
                                     << "hyphen";
        QTest::newRow("less than text") << "a < b and c<3"
                                        << "a < b and c<3";
        QTest::newRow("comment") << "a<!-- hidden -->b"
                                 << "ab";
        QTest::newRow("unclosed comment") << "a<!-- hidden"
                                          << "a";
        QTest::newRow("doctype") << "<!DOCTYPE html><p>x</p>"
                                 << "x";
        QTest::newRow("script and style")
            << "a<script type=\"x\">var s = '</p>';</script>b<STYLE>p{}</STYLE>c"
            << "abc";
        QTest::newRow("unclosed script") << "visible<script>hidden"
                                         << "visible";
        QTest::newRow("head dropped")
            << "<html><head><meta charset=utf-8><title>T</title></head><body>B</body>"
            << "B";
        QTest::newRow("unclosed head") << "<head><title>T</title><body>B"
                                       << "B";
        QTest::newRow("attribute with >") << "<a href=\"x>y\" title='a>b'>link</a>"
                                          << "link";
        QTest::newRow("closing script lookalike") << "<script>x</scripty>y</script>z"
                                                  << "z";
        QTest::newRow("empty") << ""
                               << "";
    }
    void htmlToText()
    {
        QFETCH(QString, html);
        QFETCH(QString, expected);
        QCOMPARE(MessageText::htmlToText(html), expected);
    }
};

QTEST_GUILESS_MAIN(TestMessageText)
#include "TestMessageText.moc"
