#pragma once
// The desk's tempo for plugins that follow the host's (tempo-synced delays
// such as ZamDelay): a time:Position object with the beats per minute, in 4/4,
// transport stopped, written into an event input as the sequence's only
// event. Plugins keep the last position they were sent, so it is written
// when the tempo changes, not every run.

#include "UridMap.h"

#include <lv2/atom/atom.h>
#include <lv2/atom/forge.h>
#include <lv2/urid/urid.h>

#include <cstdint>

namespace stagedesk::plugins {

class TempoEvent {
public:
    explicit TempoEvent(UridMap& urids); // maps its URIs: off the audio thread

    // Audio thread: 'sequence' (of 'capacity' bytes) becomes a sequence that
    // holds the position at frame 0. Writes nothing past the capacity.
    void rt_write(LV2_Atom_Sequence* sequence, std::uint32_t capacity, float bpm) const noexcept;

private:
    LV2_Atom_Forge m_forge;
    LV2_URID m_position, m_beatsPerMinute, m_beatsPerBar, m_beatUnit, m_bar, m_barBeat, m_frame,
        m_speed;
};

} // namespace stagedesk::plugins
