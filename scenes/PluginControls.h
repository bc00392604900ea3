#pragma once
// The controls of the plugins in the insert slots as parameters of the
// address space: "/ch/01/insert/1/par/gain", one per control input port,
// added and retired while the console runs (ParameterDescriptor::dynamic;
// app/PluginParameters adds them). Shows and scenes keep them per slot with
// the slot's plugin (SlotPluginState), not among their values; these are the
// helpers that move them between the model and that form.

#include "ConsoleState.h"
#include "SlotPluginState.h"

#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace stagedesk::scenes {

// "/ch/01/insert/1" + "gain" -> "/ch/01/insert/1/par/gain".
QString pluginControlAddress(const QString& slot, const QString& symbol);
// The slot and the port symbol of a plugin control's address, or nullopt.
std::optional<std::pair<QString, QString>> splitPluginControlAddress(const QString& address);
// Whether 'address' names a control of a plugin in a slot of this console,
// whether or not a plugin with that control is in the slot now (a mapping
// to it waits for the plugin).
bool isPluginControlAddress(const ParameterRegistry& registry, const QString& address);

// The model's plugin controls by slot, each with the URI its slot names
// (no lv2State: that is the running plugin's); and the entries of 'kept'
// for slots without controls in the model (the plugin is not installed, or
// plugins are off) that still name the same plugin, as they were.
SlotPluginStates pluginControls(const ConsoleState& state, const SlotPluginStates& kept = {});

// What gives the slots that run the plugin of 'plugins' now, and whose
// /plugin parameter 'reaches' accepts, the controls 'plugins' holds: only
// the values that differ from the model's.
std::vector<Assignment>
pluginControlAssignments(const ConsoleState& state, const SlotPluginStates& plugins,
                         const std::function<bool(const ParameterDescriptor&)>& reaches);

} // namespace stagedesk::scenes
