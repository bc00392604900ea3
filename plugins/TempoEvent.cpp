#include "TempoEvent.h"

#include <lv2/atom/forge.h>
#include <lv2/time/time.h>

namespace stagedesk::plugins {

TempoEvent::TempoEvent(UridMap& urids)
    : m_position(urids.map(LV2_TIME__Position)),
      m_beatsPerMinute(urids.map(LV2_TIME__beatsPerMinute)),
      m_beatsPerBar(urids.map(LV2_TIME__beatsPerBar)), m_beatUnit(urids.map(LV2_TIME__beatUnit)),
      m_bar(urids.map(LV2_TIME__bar)), m_barBeat(urids.map(LV2_TIME__barBeat)),
      m_frame(urids.map(LV2_TIME__frame)), m_speed(urids.map(LV2_TIME__speed)) {
    lv2_atom_forge_init(&m_forge, urids.mapFeature()); // maps the atom types: not in rt_write
}

void TempoEvent::rt_write(LV2_Atom_Sequence* sequence, std::uint32_t capacity,
                          float bpm) const noexcept {
    LV2_Atom_Forge forge = m_forge; // a copy with the mapped types, no buffer yet
    lv2_atom_forge_set_buffer(&forge, reinterpret_cast<std::uint8_t*>(sequence), capacity);
    LV2_Atom_Forge_Frame sequenceFrame, objectFrame;
    lv2_atom_forge_sequence_head(&forge, &sequenceFrame, 0);
    lv2_atom_forge_frame_time(&forge, 0);
    lv2_atom_forge_object(&forge, &objectFrame, 0, m_position);
    lv2_atom_forge_key(&forge, m_beatsPerMinute);
    lv2_atom_forge_float(&forge, bpm);
    lv2_atom_forge_key(&forge, m_beatsPerBar);
    lv2_atom_forge_float(&forge, 4.0f);
    lv2_atom_forge_key(&forge, m_beatUnit);
    lv2_atom_forge_int(&forge, 4);
    lv2_atom_forge_key(&forge, m_bar);
    lv2_atom_forge_long(&forge, 0);
    lv2_atom_forge_key(&forge, m_barBeat);
    lv2_atom_forge_float(&forge, 0.0f);
    lv2_atom_forge_key(&forge, m_frame);
    lv2_atom_forge_long(&forge, 0);
    lv2_atom_forge_key(&forge, m_speed);
    lv2_atom_forge_float(&forge, 0.0f);
    lv2_atom_forge_pop(&forge, &objectFrame);
    lv2_atom_forge_pop(&forge, &sequenceFrame);
}

} // namespace stagedesk::plugins
