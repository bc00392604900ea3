#pragma once
// One instantiated LV2 plugin with everything it is connected to: its host
// features, its worker (when it has one), a value per control port and a
// buffer per event port. Created, activated and destroyed off the audio
// thread; only rt_run() runs on it. The audio ports are connected by the
// owner (PluginInsert), to buffers it owns.

#include "HostFeatures.h"
#include "PluginInfo.h"
#include "TempoEvent.h"
#include "Worker.h"

#include <lilv/lilv.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stagedesk::plugins {

class PluginWorld;

class PluginInstance {
public:
    // Instantiates the plugin at 'sampleRate', every control port at its
    // default. 'world' must outlive the instance. nullptr, with 'error' set, when the plugin is not
    // installed, cannot be hosted, or its instantiate() fails.
    static std::unique_ptr<PluginInstance> create(PluginWorld& world, const PluginInfo& info,
                                                  double sampleRate, std::string& error);
    ~PluginInstance(); // deactivates if active, stops the worker, frees the instance
    PluginInstance(const PluginInstance&) = delete;
    PluginInstance& operator=(const PluginInstance&) = delete;

    const PluginInfo& info() const { return m_info; }
    // Value of port 'index' (control ports, inputs and outputs), connected to it.
    float& value(std::uint32_t index) { return m_values[index]; }
    void connectAudio(std::uint32_t port, float* buffer);

    void activate();
    // Audio thread (or the owner before hand-over): the tempo goes to the
    // plugin's time:beatsPerMinute ports at once, and as a time:Position
    // event in the next run, if it follows the host's tempo.
    void rt_setTempo(float bpm) noexcept;
    // Audio thread (or the owner before hand-over): worker responses, then
    // run(), then the worker's end of run.
    void rt_run(int frames) noexcept;

    // For the state functions (under the world's lock).
    const LilvPlugin* plugin() const { return m_plugin; }
    LilvInstance* lilv() const { return m_instance; }
    const LV2_Feature* const* features() const { return m_features->get(); }

private:
    PluginInstance(PluginWorld& world, const PluginInfo& info, const LilvPlugin* plugin);

    PluginWorld& m_world;
    PluginInfo m_info;
    const LilvPlugin* m_plugin;
    std::unique_ptr<Worker> m_worker; // before m_features, which points into it
    std::unique_ptr<HostFeatures> m_features;
    LilvInstance* m_instance = nullptr;
    bool m_active = false;
    std::vector<float> m_values;
    // One aligned buffer per event port (kAtomBufferBytes each).
    std::vector<std::unique_ptr<std::uint64_t[]>> m_atomInputs, m_atomOutputs;
    std::uint32_t m_sequenceType, m_chunkType;
    std::optional<TempoEvent> m_tempoEvent;           // when the plugin takes time:Position
    std::vector<const ControlPortInfo*> m_tempoPorts; // in m_info: time:beatsPerMinute
    float m_pendingTempo = 0;                         // bpm not sent yet, or 0
};

} // namespace stagedesk::plugins
