#pragma once
// Whether a channel hears its playback track instead of its live input: its
// own switch (/ch/NN/config/playback) or the global soundcheck switch
// (/config/routing/routswitch = PLAY). One rule for every mark on screen.

#include "ConsoleState.h"

namespace stagedesk::ui {

bool channelOnPlayback(const scenes::ConsoleState& state, int channel);
// The global switch: a change of it moves every channel's mark.
scenes::ParamId routSwitchParam(const scenes::ParameterRegistry& registry);
scenes::ParamId channelPlaybackParam(const scenes::ParameterRegistry& registry, int channel);

} // namespace stagedesk::ui
