#include "PortLayout.h"

#include <algorithm>

namespace stagedesk::plugins {

PortLayout portLayout(const PluginInfo& info, int stripChannels) {
    const int in = static_cast<int>(info.audioInputs.size());
    const int out = static_cast<int>(info.audioOutputs.size());
    const std::string who = info.name + " (" + info.uri + ")";
    if (stripChannels < 1 || stripChannels > 2)
        return {0, 0, "an insert slot has 1 or 2 channels, not " + std::to_string(stripChannels)};
    if (in == 0)
        return {0, 0,
                who + " has no audio input: an instrument or MIDI plugin cannot be an insert"};
    if (out == 0)
        return {0, 0, who + " has no audio output: it cannot be an insert"};
    if (in > 2 || out > 2)
        return {0, 0,
                who + " has " + std::to_string(in) + " audio inputs and " + std::to_string(out) +
                    " outputs: inserts take mono or stereo plugins"};
    if (stripChannels == 2 && in == 1 && out == 1)
        return {2, 1, {}};
    return {1, stripChannels, {}};
}

void fan(const float* const* from, int fromCount, float* const* to, int toCount,
         int frames) noexcept {
    if (fromCount == toCount) {
        for (int c = 0; c < toCount; ++c)
            std::copy_n(from[c], frames, to[c]);
    } else if (fromCount == 1) {
        for (int c = 0; c < toCount; ++c)
            std::copy_n(from[0], frames, to[c]);
    } else { // two onto one
        for (int i = 0; i < frames; ++i)
            to[0][i] = 0.5f * (from[0][i] + from[1][i]);
    }
}

} // namespace stagedesk::plugins
