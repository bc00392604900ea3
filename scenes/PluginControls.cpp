#include "PluginControls.h"

#include "ShowPlugins.h"

namespace stagedesk::scenes {

namespace {
const QString kControls = QStringLiteral("/par/");
} // namespace

QString pluginControlAddress(const QString& slot, const QString& symbol) {
    return slot + kControls + symbol;
}

std::optional<std::pair<QString, QString>> splitPluginControlAddress(const QString& address) {
    const qsizetype at = address.lastIndexOf(kControls);
    if (at <= 0 || at + kControls.size() >= address.size())
        return std::nullopt;
    return std::pair{address.left(at), address.mid(at + kControls.size())};
}

bool isPluginControlAddress(const ParameterRegistry& registry, const QString& address) {
    const auto parts = splitPluginControlAddress(address);
    return parts && registry.find(slotPluginAddress(parts->first)) != kNoParam;
}

SlotPluginStates pluginControls(const ConsoleState& state, const SlotPluginStates& kept) {
    const ParameterRegistry& registry = state.registry();
    SlotPluginStates plugins;
    for (ParamId id = 0; id < registry.count(); ++id) {
        const ParameterDescriptor& d = registry.at(id);
        if (!d.dynamic || d.retired)
            continue;
        const auto parts = splitPluginControlAddress(d.address);
        const ParamId uri = parts ? registry.find(slotPluginAddress(parts->first)) : kNoParam;
        if (uri == kNoParam)
            continue;
        SlotPluginState& slot = plugins[parts->first];
        slot.uri = state.text(uri);
        slot.controls.emplace(parts->second, state.number(id));
    }
    for (const auto& [slot, plugin] : kept) {
        const ParamId uri = registry.find(slotPluginAddress(slot));
        if (uri != kNoParam && !plugins.contains(slot) && state.text(uri) == plugin.uri)
            plugins.emplace(slot, plugin);
    }
    return plugins;
}

std::vector<Assignment>
pluginControlAssignments(const ConsoleState& state, const SlotPluginStates& plugins,
                         const std::function<bool(const ParameterDescriptor&)>& reaches) {
    const ParameterRegistry& registry = state.registry();
    std::vector<Assignment> changes;
    for (const auto& [slot, plugin] : plugins) {
        const ParamId uri = registry.find(slotPluginAddress(slot));
        if (uri == kNoParam || !reaches(registry.at(uri)) || state.text(uri) != plugin.uri)
            continue;
        for (const auto& [symbol, value] : plugin.controls) {
            const ParamId id = registry.find(pluginControlAddress(slot, symbol));
            if (id != kNoParam && registry.at(id).clamp(value) != state.number(id))
                changes.push_back({id, value});
        }
    }
    return changes;
}

} // namespace stagedesk::scenes
