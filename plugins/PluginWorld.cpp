#include "PluginWorld.h"

#include "HostFeatures.h"

#include <lv2/atom/atom.h>
#include <lv2/port-props/port-props.h>
#include <lv2/state/state.h>
#include <lv2/time/time.h>
#include <lv2/units/units.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace stagedesk::plugins {

namespace {

// A node this file owns, freed with it.
struct NodeDeleter {
    void operator()(LilvNode* node) const { lilv_node_free(node); }
};
using Node = std::unique_ptr<LilvNode, NodeDeleter>;

std::string text(const LilvNode* node) {
    return node ? lilv_node_as_string(node) : std::string();
}

// The part of a units: URI after '#' ("db" for units:db), or the whole URI.
std::string unitName(const std::string& uri) {
    const auto hash = uri.rfind('#');
    return hash == std::string::npos ? uri : uri.substr(hash + 1);
}

float orDefault(const LilvNode* node, float fallback) {
    return node && (lilv_node_is_float(node) || lilv_node_is_int(node)) ? lilv_node_as_float(node)
                                                                        : fallback;
}

} // namespace

PluginWorld::PluginWorld() : m_world(lilv_world_new()) {
    lilv_world_load_all(m_world);
}

PluginWorld::~PluginWorld() {
    lilv_world_free(m_world);
}

const LilvPlugin* PluginWorld::lilvPlugin(const std::string& uri) {
    const Node node(lilv_new_uri(m_world, uri.c_str()));
    return lilv_plugins_get_by_uri(lilv_world_get_all_plugins(m_world), node.get());
}

std::vector<PluginInfo> PluginWorld::plugins() {
    const auto held = lock();
    std::vector<PluginInfo> list;
    const LilvPlugins* all = lilv_world_get_all_plugins(m_world);
    LILV_FOREACH(plugins, i, all)
    list.push_back(describe(lilv_plugins_get(all, i)));
    std::sort(list.begin(), list.end(),
              [](const PluginInfo& a, const PluginInfo& b) { return a.uri < b.uri; });
    return list;
}

std::optional<PluginInfo> PluginWorld::find(const std::string& uri) {
    const auto held = lock();
    const LilvPlugin* plugin = lilvPlugin(uri);
    if (!plugin)
        return std::nullopt;
    return describe(plugin);
}

PluginInfo PluginWorld::describe(const LilvPlugin* plugin) const {
    auto uri = [this](const char* s) { return Node(lilv_new_uri(m_world, s)); };
    const Node audioPort = uri(LV2_CORE__AudioPort), controlPort = uri(LV2_CORE__ControlPort),
               atomPort = uri(LV2_ATOM__AtomPort), inputPort = uri(LV2_CORE__InputPort),
               optional = uri(LV2_CORE__connectionOptional), toggled = uri(LV2_CORE__toggled),
               integer = uri(LV2_CORE__integer), enumeration = uri(LV2_CORE__enumeration),
               logarithmic = uri(LV2_PORT_PROPS__logarithmic), unit = uri(LV2_UNITS__unit),
               stateInterface = uri(LV2_STATE__interface),
               workerInterface = uri(LV2_WORKER__interface), timePosition = uri(LV2_TIME__Position),
               designation = uri(LV2_CORE__designation);
    const std::pair<Node, HostSet> hostDesignations[] = {
        {uri(LV2_TIME__beatsPerMinute), HostSet::Tempo},
        {uri(LV2_CORE__enabled), HostSet::Enabled},
        {uri(LV2_CORE__freeWheeling), HostSet::FreeWheeling}};
    const auto hostSetBy = [&](const LilvPort* port) {
        const Node designated(lilv_port_get(plugin, port, designation.get()));
        for (const auto& [node, role] : hostDesignations)
            if (designated && lilv_node_equals(designated.get(), node.get()))
                return role;
        return HostSet::No;
    };

    PluginInfo info;
    info.uri = text(lilv_plugin_get_uri(plugin));
    const Node name(lilv_plugin_get_name(plugin));
    info.name = text(name.get());
    info.hasState = lilv_plugin_has_extension_data(plugin, stateInterface.get());
    info.usesWorker = lilv_plugin_has_extension_data(plugin, workerInterface.get());
    if (lilv_plugin_has_latency(plugin))
        info.latencyPort = lilv_plugin_get_latency_port_index(plugin);

    LilvNodes* required = lilv_plugin_get_required_features(plugin);
    LILV_FOREACH(nodes, i, required) {
        const std::string feature = text(lilv_nodes_get(required, i));
        if (!isSupportedFeature(feature) && info.unsupported.empty())
            info.unsupported = "needs the feature " + feature + ", which this host lacks";
    }
    lilv_nodes_free(required);

    info.portCount = lilv_plugin_get_num_ports(plugin);
    for (std::uint32_t p = 0; p < info.portCount; ++p) {
        const LilvPort* port = lilv_plugin_get_port_by_index(plugin, p);
        const bool input = lilv_port_is_a(plugin, port, inputPort.get());
        const std::string symbol = text(lilv_port_get_symbol(plugin, port));
        if (lilv_port_is_a(plugin, port, audioPort.get())) {
            (input ? info.audioInputs : info.audioOutputs).push_back(p);
            continue;
        }
        if (lilv_port_is_a(plugin, port, atomPort.get())) {
            (input ? info.atomInputs : info.atomOutputs).push_back(p);
            if (input && lilv_port_supports_event(plugin, port, timePosition.get()))
                info.takesTimePosition = true;
            continue;
        }
        if (lilv_port_has_property(plugin, port, optional.get()))
            continue; // left unconnected
        if (!lilv_port_is_a(plugin, port, controlPort.get())) {
            if (info.unsupported.empty())
                info.unsupported = "port '" + symbol + "' is of a kind this host cannot connect";
            continue;
        }
        ControlPortInfo control;
        control.index = p;
        control.symbol = symbol;
        const Node portName(lilv_port_get_name(plugin, port));
        control.name = text(portName.get());
        LilvNode *def = nullptr, *min = nullptr, *max = nullptr;
        lilv_port_get_range(plugin, port, &def, &min, &max);
        control.minimum = orDefault(min, 0.0f);
        control.maximum = orDefault(max, 1.0f);
        control.defaultValue = std::clamp(orDefault(def, control.minimum), control.minimum,
                                          std::max(control.minimum, control.maximum));
        for (LilvNode* n : {def, min, max})
            lilv_node_free(n);
        control.toggled = lilv_port_has_property(plugin, port, toggled.get());
        control.integer = lilv_port_has_property(plugin, port, integer.get());
        control.enumeration = lilv_port_has_property(plugin, port, enumeration.get());
        control.logarithmic = lilv_port_has_property(plugin, port, logarithmic.get());
        const Node unitNode(lilv_port_get(plugin, port, unit.get()));
        if (unitNode && lilv_node_is_uri(unitNode.get()))
            control.unit = unitName(text(unitNode.get()));
        if (LilvScalePoints* points = lilv_port_get_scale_points(plugin, port)) {
            LILV_FOREACH(scale_points, i, points) {
                const LilvScalePoint* point = lilv_scale_points_get(points, i);
                control.scalePoints.push_back({orDefault(lilv_scale_point_get_value(point), 0.0f),
                                               text(lilv_scale_point_get_label(point))});
            }
            lilv_scale_points_free(points);
            std::sort(control.scalePoints.begin(), control.scalePoints.end(),
                      [](const ScalePoint& a, const ScalePoint& b) { return a.value < b.value; });
        }
        control.hostSet = input                   ? hostSetBy(port)
                          : info.latencyPort == p ? HostSet::Latency
                                                  : HostSet::No;
        (input ? info.controls : info.monitors).push_back(std::move(control));
    }
    info.followsTempo =
        info.takesTimePosition ||
        std::any_of(info.controls.begin(), info.controls.end(),
                    [](const ControlPortInfo& c) { return c.hostSet == HostSet::Tempo; });
    return info;
}

} // namespace stagedesk::plugins
