#pragma once
// The tokens of a JSON text with their lines, for the checks that Qt's parser
// does not make (nesting depth, duplicate keys) and for finding the line of a
// value. It does not judge the syntax: on anything that is not JSON it stops
// with Invalid and leaves the verdict to QJsonDocument.

#include <QByteArrayView>
#include <QString>

namespace stagedesk::scenes {

class JsonLexer {
public:
    enum class Token {
        BeginObject,
        EndObject,
        BeginArray,
        EndArray,
        Colon,
        Comma,
        String,
        Scalar, // number, true, false, null
        End,
        Invalid
    };

    explicit JsonLexer(QByteArrayView text) : m_text(text) {}

    Token next();
    // 1-based line of the token next() returned.
    int line() const { return m_tokenLine; }
    // The String token's text with its escapes resolved.
    QString decodedString() const;
    // Skips the value whose first token next() just returned (a whole object
    // or array). False if the text ends or breaks inside it.
    bool skipValue(Token first);

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_tokenLine = 1;
    QByteArrayView m_string; // raw content of the last String, escapes kept
};

} // namespace stagedesk::scenes
