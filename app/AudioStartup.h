#pragma once
// Chooses and starts the audio backend: the device asked for through RtAudio,
// else the internal clock, saying why on stderr.

#include "CommandLine.h"
#include "Engine.h"
#include "io/AudioBackend.h"
#include "io/RtAudioBackend.h"

#include <memory>

namespace stagedesk::app {

// The RtAudio settings that the options ask for.
engine::RtAudioBackendConfig rtAudioConfig(const Options& options);
engine::EngineConfig engineConfig(const Options& options);

// Starts RtAudio as the options ask (unless --internal-clock); on failure
// logs the reason (loudly if the API or device was asked for) and starts the
// internal clock at the chosen rate and block size. Logs the backend that
// runs. nullptr only if not even the internal clock starts.
std::unique_ptr<engine::AudioBackend> startAudio(engine::Engine& engine, const Options& options);

// The internal clock at 'rate' and 'frames', started; nullptr (and logged) if
// it does not start.
std::unique_ptr<engine::AudioBackend> startInternalClock(engine::Engine& engine, double rate,
                                                         int frames);

} // namespace stagedesk::app
