#include "PlaybackMark.h"

namespace stagedesk::ui {

scenes::ParamId routSwitchParam(const scenes::ParameterRegistry& registry) {
    return registry.find(QStringLiteral("/config/routing/routswitch"));
}

scenes::ParamId channelPlaybackParam(const scenes::ParameterRegistry& registry, int channel) {
    return registry.find(registry.channelPrefix(channel) + QStringLiteral("/config/playback"));
}

bool channelOnPlayback(const scenes::ConsoleState& state, int channel) {
    const scenes::ParameterRegistry& registry = state.registry();
    const scenes::ParamId global = routSwitchParam(registry);
    const scenes::ParamId own = channelPlaybackParam(registry, channel);
    return (global != scenes::kNoParam && state.number(global) >= 0.5) ||
           (own != scenes::kNoParam && state.number(own) >= 0.5);
}

} // namespace stagedesk::ui
