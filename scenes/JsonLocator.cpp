#include "JsonLocator.h"

#include "JsonLexer.h"

#include <algorithm>

namespace stagedesk::scenes {

int JsonLocator::lineOfOffset(QByteArrayView text, qsizetype offset) {
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    return int(text.first(offset).count('\n')) + 1;
}

int JsonLocator::line(const JsonPath& path) const {
    using Token = JsonLexer::Token;
    JsonLexer lexer(m_text);
    Token token = lexer.next();
    int found = lexer.line();
    // At each step 'token' is the first token of the value that the path has
    // reached so far; look for the next item inside it.
    for (const JsonPath::Item& item : path.items()) {
        bool matched = false;
        if (item.index < 0 && token == Token::BeginObject) {
            Token t = lexer.next();
            while (t == Token::String) {
                const QString key = lexer.decodedString();
                const int keyLine = lexer.line();
                if (lexer.next() != Token::Colon)
                    return found;
                const Token value = lexer.next();
                if (key == item.key) {
                    found = keyLine;
                    token = value;
                    matched = true;
                    break;
                }
                if (!lexer.skipValue(value) || lexer.next() != Token::Comma)
                    return found;
                t = lexer.next();
            }
        } else if (item.index >= 0 && token == Token::BeginArray) {
            Token t = lexer.next();
            for (int i = 0; t != Token::EndArray && t != Token::End && t != Token::Invalid; ++i) {
                if (i == item.index) {
                    found = lexer.line();
                    token = t;
                    matched = true;
                    break;
                }
                if (!lexer.skipValue(t) || lexer.next() != Token::Comma)
                    return found;
                t = lexer.next();
            }
        }
        if (!matched)
            return found;
    }
    return found;
}

} // namespace stagedesk::scenes
