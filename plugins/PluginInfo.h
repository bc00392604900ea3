#pragma once
// What discovery knows of an installed LV2 plugin, without instantiating it:
// enough to print it (--list-plugins), to build its parameters in the address
// space (symbols, ranges, defaults, tapers) and to decide whether it can be
// an insert.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stagedesk::plugins {

struct ScalePoint {
    float value = 0;
    std::string label;
};

// A control port (lv2:ControlPort), input or output.
struct ControlPortInfo {
    std::uint32_t index = 0; // the plugin's port index
    std::string symbol;      // stable across versions: what show files store
    std::string name;
    float minimum = 0, maximum = 1, defaultValue = 0; // defaults: 0..1, 0
    bool toggled = false;
    bool integer = false;
    bool enumeration = false;
    bool logarithmic = false;
    std::string unit; // units: extension's short name ("db", "hz", "ms"), or empty
    std::vector<ScalePoint> scalePoints;
};

struct PluginInfo {
    std::string uri;
    std::string name;
    std::vector<std::uint32_t> audioInputs;  // port indices, in port order
    std::vector<std::uint32_t> audioOutputs; // port indices, in port order
    std::vector<std::uint32_t> atomInputs;   // event ports, given an empty sequence
    std::vector<std::uint32_t> atomOutputs;  // event ports, given room that is ignored
    std::uint32_t portCount = 0;
    std::vector<ControlPortInfo> controls; // inputs, in port order
    std::vector<ControlPortInfo> monitors; // outputs (meters, reported values)
    // The output port that reports the plugin's latency in samples, if any.
    std::optional<std::uint32_t> latencyPort;
    bool hasState = false;   // implements the state extension
    bool usesWorker = false; // implements the worker extension
    // An event input takes time:Position: the plugin follows the host's
    // tempo (tempo-synced delays); PluginInsert::setTempo() feeds it.
    bool followsTempo = false;
    // Why this plugin cannot be hosted at all (a required feature the host
    // does not provide, a port of a kind it cannot connect), or empty.
    std::string unsupported;

    const ControlPortInfo* control(const std::string& symbol) const;
};

} // namespace stagedesk::plugins
