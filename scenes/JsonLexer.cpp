#include "JsonLexer.h"

namespace stagedesk::scenes {

namespace {
bool isScalarChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '+' || c == '.';
}
} // namespace

JsonLexer::Token JsonLexer::next() {
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            break;
        ++m_pos;
    }
    m_tokenLine = m_line;
    if (m_pos >= m_text.size())
        return Token::End;

    const char c = m_text[m_pos++];
    switch (c) {
    case '{':
        return Token::BeginObject;
    case '}':
        return Token::EndObject;
    case '[':
        return Token::BeginArray;
    case ']':
        return Token::EndArray;
    case ':':
        return Token::Colon;
    case ',':
        return Token::Comma;
    case '"': {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\')
                ++m_pos;
            else if (m_text[m_pos] == '\n')
                return Token::Invalid;
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return Token::Invalid;
        m_string = m_text.sliced(start, m_pos - start);
        ++m_pos;
        return Token::String;
    }
    default:
        if (!isScalarChar(c))
            return Token::Invalid;
        while (m_pos < m_text.size() && isScalarChar(m_text[m_pos]))
            ++m_pos;
        return Token::Scalar;
    }
}

bool JsonLexer::skipValue(Token first) {
    if (first != Token::BeginObject && first != Token::BeginArray)
        return first == Token::String || first == Token::Scalar;
    int depth = 1;
    while (depth > 0) {
        switch (next()) {
        case Token::BeginObject:
        case Token::BeginArray:
            ++depth;
            break;
        case Token::EndObject:
        case Token::EndArray:
            --depth;
            break;
        case Token::End:
        case Token::Invalid:
            return false;
        default:
            break;
        }
    }
    return true;
}

QString JsonLexer::decodedString() const {
    if (!m_string.contains('\\'))
        return QString::fromUtf8(m_string);
    QString out;
    QByteArray run; // unescaped UTF-8 bytes not yet converted
    const auto flush = [&] {
        out += QString::fromUtf8(run);
        run.clear();
    };
    for (qsizetype i = 0; i < m_string.size(); ++i) {
        const char c = m_string[i];
        if (c != '\\' || i + 1 >= m_string.size()) {
            run += c;
            continue;
        }
        const char e = m_string[++i];
        switch (e) {
        case 'b':
            run += '\b';
            break;
        case 'f':
            run += '\f';
            break;
        case 'n':
            run += '\n';
            break;
        case 'r':
            run += '\r';
            break;
        case 't':
            run += '\t';
            break;
        case 'u': {
            flush();
            bool ok = false;
            const auto hex =
                m_string.sliced(i + 1, std::min<qsizetype>(4, m_string.size() - i - 1));
            const ushort unit = QByteArray(hex.data(), hex.size()).toUShort(&ok, 16);
            if (ok && hex.size() == 4)
                out += QChar(unit); // surrogate pairs arrive as two units
            i += hex.size();
            break;
        }
        default: // " \ / and anything else stand for themselves
            run += e;
            break;
        }
    }
    flush();
    return out;
}

} // namespace stagedesk::scenes
