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

// A port whose value the host sets itself, named by its lv2:designation (or
// the port that reports latency): not a control for the engineer, so not a
// parameter of the address space, not saved in a show, and refused by
// PluginInsert::setControl.
enum class HostSet {
    No,
    Tempo,        // time:beatsPerMinute: the desk's tempo (PluginInsert::setTempo)
    Enabled,      // lv2:enabled: always 1; the insert slot does the bypass
    FreeWheeling, // lv2:freeWheeling: always 0; the desk runs in real time
    Latency,      // the output that reports latency (PluginInfo::latencyPort)
};

// "tempo", "enabled", "free-wheeling", "latency" (empty for HostSet::No).
const char* hostSetName(HostSet role);

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
    HostSet hostSet = HostSet::No;

    bool isHostSet() const { return hostSet != HostSet::No; }
};

// 'value' within the port's range (its default when not finite), rounded for
// integer and toggled ports.
float clampToPort(const ControlPortInfo& port, float value);

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
    // An event input takes time:Position (ZamDelay): PluginInstance sends it.
    bool takesTimePosition = false;
    // The plugin follows the host's tempo (tempo-synced delays), through
    // time:Position events or a time:beatsPerMinute control port (Calf
    // Vintage Delay's 'bpm_host'); PluginInsert::setTempo() feeds both.
    bool followsTempo = false;
    // Why this plugin cannot be hosted at all (a required feature the host
    // does not provide, a port of a kind it cannot connect), or empty.
    std::string unsupported;

    const ControlPortInfo* control(const std::string& symbol) const;
};

} // namespace stagedesk::plugins
