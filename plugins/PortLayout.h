#pragma once
// How a plugin's audio ports meet a strip's channels (1 on a channel or mix
// bus, 2 on main LR):
//  - same count: port n is channel n;
//  - a mono plugin (1 in, 1 out) on a stereo strip: two instances, one per side;
//  - otherwise one instance, and fan() maps between the counts: one channel
//    feeds every input, and two outputs onto one channel are summed at -6 dB
//    (their mean), so that a stereo effect that passes a centred mono signal
//    unchanged gives it back at the same level on a mono strip.
// Plugins without audio inputs or outputs (instruments, MIDI filters,
// analysers) or with more than two of either are refused with a message.

#include "PluginInfo.h"

#include <string>

namespace stagedesk::plugins {

struct PortLayout {
    int instances = 0; // 0: refused, see 'refusal'
    int channelsPerInstance = 0;
    std::string refusal;
};

PortLayout portLayout(const PluginInfo& info, int stripChannels);

// Audio thread: maps 'from' buffers onto 'to' buffers (counts 1 or 2) as above.
void fan(const float* const* from, int fromCount, float* const* to, int toCount,
         int frames) noexcept;

} // namespace stagedesk::plugins
