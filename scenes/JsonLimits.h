#pragma once
// Limits on untrusted JSON that the show format needs and Qt's parser does not
// keep: how deep objects and arrays nest, keys that appear twice in an object
// (Qt silently keeps the last), and the length of every string and key.

#include "ShowError.h"

#include <QByteArrayView>
#include <QJsonValue>

#include <optional>

namespace stagedesk::scenes {

// On the text, before it is parsed: nesting deeper than maxDepth (the root
// counts as one) or a duplicate key. Syntax errors are left to the parser.
std::optional<ShowError> checkJsonStructure(QByteArrayView text, int maxDepth);

// On the parsed value: a string or key longer than maxLength characters.
std::optional<ShowError> checkJsonStrings(const QJsonValue& value, int maxLength,
                                          const JsonPath& path = {});

} // namespace stagedesk::scenes
