#include "AudioStartup.h"

#include "Log.h"
#include "io/InternalClockBackend.h"

#include <exception>

namespace stagedesk::app {

namespace {

// RtAudio's messages end with a period or a newline; they go inside ours.
std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text.empty() ? "unknown error" : text;
}

std::string clockDescription(double rate, int frames) {
    return "running on the internal clock, " + std::to_string(static_cast<int>(rate)) + " Hz, " +
           std::to_string(frames) + " frames";
}

// "--audio-api jack --device 'USB'": what the user asked for, or empty.
std::string askedFor(const Options& o) {
    QStringList asked;
    if (!o.audioApi.isEmpty())
        asked << QStringLiteral("--audio-api ") + o.audioApi;
    if (!o.device.isEmpty())
        asked << QStringLiteral("--device '%1'").arg(o.device);
    return asked.join(QLatin1Char(' ')).toStdString();
}

} // namespace

engine::RtAudioBackendConfig rtAudioConfig(const Options& options) {
    engine::RtAudioBackendConfig config;
    config.api = options.audioApi.toStdString();
    config.device = options.device.toStdString();
    config.sampleRate = options.sampleRate;
    config.framesPerBlock = options.framesPerBlock;
    config.clientName = "stagedesk";
    config.jackAutoConnect = options.jackConnect;
    config.inputMap = options.inputMap;
    config.outputMap = options.outputMap;
    return config;
}

engine::EngineConfig engineConfig(const Options& options) {
    engine::EngineConfig config;
    config.inputs = options.inputs;
    config.buses = options.buses;
    config.sampleRate = options.sampleRate;
    return config;
}

std::unique_ptr<engine::AudioBackend> startInternalClock(engine::Engine& engine, double rate,
                                                         int frames) {
    auto clock = std::make_unique<engine::InternalClockBackend>(engine, rate, frames);
    std::string error;
    if (!clock->start(error)) {
        logLine("the internal clock does not start either (" + trimmed(error) + ")");
        return nullptr;
    }
    logLine("audio: " + clock->description());
    return clock;
}

std::unique_ptr<engine::AudioBackend> startAudio(engine::Engine& engine, const Options& options) {
    const double rate = options.sampleRate;
    const int frames = options.framesPerBlock;
    if (options.internalClock) {
        logLine("--internal-clock: not opening an audio device; " + clockDescription(rate, frames));
        return startInternalClock(engine, rate, frames);
    }

    auto device = std::make_unique<engine::RtAudioBackend>(engine, rtAudioConfig(options));
    std::string error;
    bool started = false;
    try {
        started = device->start(error);
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (started) {
        if (device->sampleRate() != rate)
            logWarning("the device runs at " +
                       std::to_string(static_cast<int>(device->sampleRate())) + " Hz, not the " +
                       std::to_string(static_cast<int>(rate)) +
                       " Hz asked for; filters and times are off until you restart with --rate " +
                       std::to_string(static_cast<int>(device->sampleRate())));
        logLine("audio: " + device->description());
        return device;
    }
    device.reset();

    if (error.find("no audio output device") != std::string::npos &&
        options.audioApi == QLatin1String("jack"))
        error += " (is a JACK server running?)";
    const std::string asked = askedFor(options);
    if (asked.empty()) {
        logLine("no audio device (" + trimmed(error) + "); " + clockDescription(rate, frames));
    } else {
        logWarning("cannot open the audio device asked for (" + asked + "): " + trimmed(error));
        logWarning("running on the internal clock instead (" +
                   std::to_string(static_cast<int>(rate)) + " Hz, " + std::to_string(frames) +
                   " frames): the console works, but there is NO SOUND");
    }
    return startInternalClock(engine, rate, frames);
}

} // namespace stagedesk::app
