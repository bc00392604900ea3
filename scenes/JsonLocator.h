#pragma once
// Finds the line of a value in a JSON text from its path, so that an error
// names both the field and the line: "show.json:42: scenes[3].values...".

#include "JsonPath.h"

#include <QByteArray>

namespace stagedesk::scenes {

class JsonLocator {
public:
    explicit JsonLocator(QByteArray text) : m_text(std::move(text)) {}

    // 1-based line of the member's key (or the array element) at 'path'; when
    // the path goes further than the text (a missing field), the line of the
    // deepest part that is there. 1 for the empty path or unreadable text.
    int line(const JsonPath& path) const;

    // 1-based line of a byte offset (QJsonParseError::offset).
    static int lineOfOffset(QByteArrayView text, qsizetype offset);

private:
    QByteArray m_text;
};

} // namespace stagedesk::scenes
