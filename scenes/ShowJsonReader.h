#pragma once
// The show in a parsed JSON document, read field by field with the types and
// ranges of the format (schema version 1), or the first thing wrong with it.
// Values are checked against a registry of the console size that the file
// declares; fitting the show to another console is ShowMapping's job.

#include "ShowDocument.h"
#include "ShowError.h"

#include <QJsonObject>

#include <variant>

namespace stagedesk::scenes {

std::variant<ShowDocument, ShowError> readShowJson(const QJsonObject& root);

} // namespace stagedesk::scenes
