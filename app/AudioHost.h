#pragma once
// Owns the running audio backend and keeps the engine running: when the
// device goes away (unplugged, JACK server stopped), it says so and moves
// the engine to the internal clock, so that the console keeps working.

#include "CommandLine.h"
#include "Engine.h"
#include "io/AudioBackend.h"

#include <QTimer>

#include <memory>

namespace stagedesk::app {

class AudioHost {
public:
    AudioHost(engine::Engine& engine, Options options);
    ~AudioHost();
    AudioHost(const AudioHost&) = delete;
    AudioHost& operator=(const AudioHost&) = delete;

    // Chooses and starts the backend (see startAudio). False if nothing runs.
    bool start();
    // Stops the backend: the engine is no longer called after this returns.
    void stop();
    // Closes the running audio and opens it as 'options' say, without
    // quitting (the setup page). The engine's console size and rate stay
    // (the device is asked for the engine's rate). On failure the
    // internal clock runs instead (see startAudio). True if the device, or
    // the internal clock when that was asked for, runs.
    bool reopen(const Options& options);
    // The settings of the last start or reopen.
    const Options& options() const { return m_options; }
    // No device: the internal clock drives the engine.
    bool onInternalClock() const;

    const engine::AudioBackend* backend() const { return m_backend.get(); }
    // The running backend's block period in microseconds, 0 if none runs.
    double blockPeriodUs() const;

private:
    void checkBackend();

    engine::Engine& m_engine;
    Options m_options;
    std::unique_ptr<engine::AudioBackend> m_backend;
    QTimer m_watchdog;
    int m_stoppedChecks = 0;
};

} // namespace stagedesk::app
