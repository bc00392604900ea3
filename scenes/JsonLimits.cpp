#include "JsonLimits.h"

#include "JsonLexer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <vector>

namespace stagedesk::scenes {

namespace {

struct Level {
    bool object = false;
    QHash<QString, int> keys; // key -> line, objects only
    QString key;              // the member being read
    int index = -1;           // the element being read
};

JsonPath pathOf(const std::vector<Level>& levels) {
    JsonPath path;
    for (const Level& level : levels)
        path = level.object ? path / level.key : path / level.index;
    return path;
}

} // namespace

std::optional<ShowError> checkJsonStructure(QByteArrayView text, int maxDepth) {
    using Token = JsonLexer::Token;
    JsonLexer lexer(text);
    std::vector<Level> levels;
    bool expectKey = false; // inside an object, where a key may come
    for (Token t = lexer.next(); t != Token::End && t != Token::Invalid; t = lexer.next()) {
        switch (t) {
        case Token::BeginObject:
        case Token::BeginArray:
            if (int(levels.size()) >= maxDepth)
                return ShowError{pathOf(levels),
                                 QStringLiteral("nested deeper than %1 levels").arg(maxDepth),
                                 lexer.line()};
            levels.push_back({t == Token::BeginObject, {}, {}, -1});
            expectKey = levels.back().object;
            if (!levels.back().object)
                levels.back().index = 0;
            break;
        case Token::EndObject:
        case Token::EndArray:
            if (levels.empty())
                return std::nullopt;
            levels.pop_back();
            expectKey = false;
            break;
        case Token::Comma:
            if (levels.empty())
                return std::nullopt;
            if (levels.back().object)
                expectKey = true;
            else
                ++levels.back().index;
            break;
        case Token::String:
            if (expectKey) {
                Level& level = levels.back();
                level.key = lexer.decodedString();
                expectKey = false;
                if (const auto first = level.keys.constFind(level.key); first != level.keys.cend())
                    return ShowError{pathOf(levels),
                                     QStringLiteral("appears twice in the same object (first on "
                                                    "line %1)")
                                         .arg(*first),
                                     lexer.line()};
                level.keys.insert(level.key, lexer.line());
            }
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

std::optional<ShowError> checkJsonStrings(const QJsonValue& value, int maxLength,
                                          const JsonPath& path) {
    const auto tooLong = [maxLength](const QString& s) { return s.size() > maxLength; };
    if (value.isString() && tooLong(value.toString()))
        return ShowError{path,
                         QStringLiteral("a text of %1 characters is longer than the %2 allowed")
                             .arg(value.toString().size())
                             .arg(maxLength)};
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            if (auto error = checkJsonStrings(array[i], maxLength, path / int(i)))
                return error;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (tooLong(it.key()))
                return ShowError{path / (it.key().left(40) + QStringLiteral("...")),
                                 QStringLiteral("a key of %1 characters is longer than the %2 "
                                                "allowed")
                                     .arg(it.key().size())
                                     .arg(maxLength)};
            if (auto error = checkJsonStrings(it.value(), maxLength, path / it.key()))
                return error;
        }
    }
    return std::nullopt;
}

} // namespace stagedesk::scenes
