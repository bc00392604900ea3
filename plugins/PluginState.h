#pragma once
// What is saved of an inserted plugin so that a new instance sounds the same:
// its control values by symbol (also what the address space shows), and, for
// a plugin with the state extension, lilv's Turtle serialisation of its state
// (a self-contained string: no files). Plain strings and numbers, so that a
// show file can hold it as JSON.

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace stagedesk::plugins {

class PluginInstance;
class PluginWorld;

struct PluginState {
    std::string uri;
    std::vector<std::pair<std::string, float>> controls; // symbol, value
    std::string lv2State; // empty for a plugin without the state extension

    bool operator==(const PluginState&) const = default;
};

using PortValueGetter = std::function<float(const std::string& symbol)>;
using PortValueSetter = std::function<void(const std::string& symbol, float value)>;

// The plugin's own state (state extension) and the port values from 'ports'.
// May be called while the instance runs (the extension allows it).
std::string saveLv2State(PluginWorld& world, PluginInstance& instance,
                         const PortValueGetter& ports);
// Restores a saved string into an instance that does not run; the port values
// in it go to 'ports'. False, with 'error' set, when the string cannot be read.
bool restoreLv2State(PluginWorld& world, PluginInstance& instance, const std::string& saved,
                     const PortValueSetter& ports, std::string& error);

} // namespace stagedesk::plugins
