#pragma once
// The show file's "plugins" member: the saved state of each occupied insert
// slot (SlotPluginState), read with the types of the format, written in a
// fixed order, and checked against the console (a key must be an insert
// slot or an FX slot whose /plugin in the state names the same URI).

#include "JsonWriter.h"
#include "ShowDocument.h"
#include "ShowError.h"

#include <QJsonValue>

#include <optional>
#include <variant>

namespace stagedesk::scenes {

// Types only (objects, texts, finite numbers); 'path' is the member's.
std::variant<SlotPluginStates, ShowError> readShowPlugins(const QJsonValue& v,
                                                          const JsonPath& path);
void writeShowPlugins(JsonWriter& w, const SlotPluginStates& plugins);
// Keys, URIs, lengths and counts against a registry of the show's size.
std::optional<ShowError> checkShowPlugins(const ShowDocument& show,
                                          const ParameterRegistry& registry);
// The same for any such member ('path'), against the /plugin values in
// 'values' (a scene's), which messages call 'valuesName'.
std::optional<ShowError> checkPluginStates(const SlotPluginStates& plugins,
                                           const AddressValues& values, const QString& valuesName,
                                           const ParameterRegistry& registry, const JsonPath& path);

// The states of the plugins that 'state' still names in their slots.
SlotPluginStates pluginsStillInSlots(const SlotPluginStates& plugins, const AddressValues& state);

// "/ch/01/insert/1" + "/plugin": the slot's plugin parameter.
QString slotPluginAddress(const QString& slot);

} // namespace stagedesk::scenes
