#pragma once
// An LV2 plugin as an insert (engine::InsertProcessor): one instance, or two
// for a mono plugin on a stereo strip (PortLayout.h), with its own audio
// buffers, its control values and a lock-free queue that carries control
// changes from the control thread to the audio thread, applied at the start
// of rt_run().
//
// Built, activated (and its latency read) off the audio thread by create();
// handed to the engine with Engine::postInsert; destroyed, which deactivates
// it, on the control thread once the engine has handed it back.

#include "PluginInfo.h"
#include "PluginInstance.h"
#include "PluginState.h"
#include "inserts/InsertProcessor.h"
#include "rt/SpscQueue.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stagedesk::plugins {

class PluginWorld;

class PluginInsert final : public engine::InsertProcessor {
public:
    struct Request {
        std::string uri;
        int channels = 1; // the strip's: 1 (channel, mix bus) or 2 (main LR)
        double sampleRate = 48000;
        // Restored before activation: the controls, then the plugin's state.
        // Controls it does not name keep their defaults; symbols the plugin
        // does not have are ignored.
        const PluginState* state = nullptr;
        float tempoBpm = 120; // for plugins that follow the host's tempo
    };
    struct Created {
        std::unique_ptr<PluginInsert> insert; // nullptr when refused
        std::string error;                    // why, naming the plugin
    };
    // Control thread or a loader thread; 'world' must outlive the insert.
    static Created create(PluginWorld& world, const Request& request);

    // engine::InsertProcessor
    int channels() const noexcept override { return m_channels; }
    int latencySamples() const noexcept override { return m_latency; }
    void rt_run(float* const* buffers, int frames) noexcept override;

    // Control thread.
    const PluginInfo& info() const { return m_lanes.front().instance->info(); }
    // Clamped to the port's range (rounded for integer and toggled ports).
    // False for an unknown symbol, a port the host sets itself
    // (ControlPortInfo::isHostSet) or a full queue (then nothing changes).
    bool setControl(const std::string& symbol, float value);
    // Any input control's value, host-set ones included.
    std::optional<float> control(const std::string& symbol) const;
    // The desk's tempo, for plugins that follow the host's (info().followsTempo):
    // their time:beatsPerMinute ports and time:Position events. False when
    // the queue is full.
    bool setTempo(float bpm);
    // The newest value of an output control port (a meter, a reported value).
    std::optional<float> monitor(const std::string& symbol) const;
    // The controls the engineer sets (not the host-set ones) and the plugin's state.
    PluginState saveState();

private:
    struct ControlChange {
        std::uint32_t port; // or kTempoChange
        float value;
    };
    static constexpr std::uint32_t kTempoChange = ~std::uint32_t(0);
    // One instance with the buffers its audio ports are connected to.
    struct Lane {
        std::unique_ptr<PluginInstance> instance;
        std::vector<float> audio; // (inputs + outputs) * kMaxBlockFrames
        std::vector<float*> inputs, outputs;
    };

    PluginInsert(PluginWorld& world, int channels);
    std::optional<std::size_t> controlSlot(const std::string& symbol) const;
    // Before hand-over: the control's value in the copy and in every instance.
    void setBeforeRun(std::size_t slot, float value);
    // Restores what the engineer sets; host-set symbols in 'state' are ignored.
    bool restore(const PluginState& state, std::string& error);
    // After the instances are set up: the control thread's copy of the
    // host-set ports (tempo, enabled, free-wheeling) from the first instance.
    void copyHostSetValues();

    PluginWorld& m_world;
    const int m_channels;
    int m_channelsPerLane = 1;
    int m_latency = 0;
    std::vector<Lane> m_lanes;
    std::vector<float> m_controls; // control thread's copy, per info().controls
    rt::SpscQueue<ControlChange> m_changes;
    std::unique_ptr<std::atomic<float>[]> m_monitors; // per info().monitors
};

} // namespace stagedesk::plugins
