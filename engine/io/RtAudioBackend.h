#pragma once
// The engine on a sound card (or JACK/PulseAudio server) through RtAudio:
// 32-bit float, non-interleaved, with channel maps between the engine's
// inputs/outputs and the device's channels.

#include "AudioBackend.h"
#include "Engine.h"

#include <memory>
#include <string>
#include <vector>

class RtAudio;

namespace stagedesk::engine {

struct RtAudioBackendConfig {
    std::string api;    // "alsa", "jack", "pulse"; empty = RtAudio's default
    std::string device; // device number or part of its name; empty = default
    double sampleRate = 48000;
    int framesPerBlock = 64;
    // Engine input i reads device input channel inputMap[i]; engine output o
    // (main L, main R, buses) writes device channel outputMap[o]. -1 = none.
    // Empty = identity, as far as the device has channels.
    std::vector<int> inputMap;
    std::vector<int> outputMap;
    std::string clientName = "stagedesk"; // JACK client name
    bool jackAutoConnect = false;
};

struct AudioDeviceDescription {
    std::string api;
    int id = 0;
    std::string name;
    int inputs = 0, outputs = 0;
    bool defaultInput = false, defaultOutput = false;
    std::vector<unsigned> sampleRates;
};

class RtAudioBackend final : public AudioBackend {
public:
    RtAudioBackend(Engine& engine, RtAudioBackendConfig config);
    ~RtAudioBackend() override;

    bool start(std::string& error) override;
    void stop() override;
    bool running() const override;
    std::string description() const override { return m_description; }
    double sampleRate() const override { return m_config.sampleRate; }
    int framesPerBlock() const override { return m_frames; }

    // Every device of every compiled API (or of the named one).
    static std::vector<AudioDeviceDescription> listDevices(const std::string& api = {});
    static std::vector<std::string> compiledApis();

    // RtAudio's C callback; public only so that the .cpp can name it.
    int rt_callback(void* output, void* input, unsigned frames, unsigned status) noexcept;

private:
    Engine& m_engine;
    RtAudioBackendConfig m_config;
    std::unique_ptr<RtAudio> m_audio;
    std::string m_description;
    int m_frames = 0;
    int m_deviceInputs = 0, m_deviceOutputs = 0;
    std::vector<const float*> m_inPtrs;
    std::vector<float*> m_outPtrs;
    std::vector<int> m_unmappedOutputs; // device channels no engine output writes
};

} // namespace stagedesk::engine
