#pragma once
// A show as the text of a show file (schema version 1): the header first,
// then the state, scenes, cues, safes and the surfaces' slots, values in the
// registry's order (strip by strip), one per line.

#include "ShowDocument.h"

#include <QByteArray>

namespace stagedesk::scenes {

// 'registry' is of the show's console size; it names enumerations and orders
// the values.
QByteArray writeShowJson(const ShowDocument& show, const ParameterRegistry& registry);

} // namespace stagedesk::scenes
